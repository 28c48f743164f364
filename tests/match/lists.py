"""Small indexes of made-up list entries for the matcher's tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from clearance.index.build import Index, build_index
from clearance.match.compare import NameComparison, compare_names
from clearance.match.prepare import PERSON, name_roles, prepare_name
from clearance.match.score import ScoringConfig


def list_index(*names: str, schema: str = "Person",
               countries: Sequence[Sequence[str]] = ()) -> Index:
    """An index of one entry per name (entity "e<k>", source id "s<k>"), each of `schema`
    and, when given, of the countries at its place in `countries`."""
    records = [{"entity_id": f"e{k}", "dataset": "t", "source_id": f"s{k}", "schema": schema,
                "caption": n,
                "properties": {"name": [n],
                               **({"country": list(countries[k])} if countries else {})}}
               for k, n in enumerate(names)]
    return build_index(records, "t")


def compare_people(query: str, listed: str, weigh: Callable[[str, bool], float],
                   **extra: Any) -> NameComparison:
    """`compare_names` of two people's names as the engine calls it for an unvocalised
    query, with the default penalties and each side's roles; `extra` its other keywords."""
    cfg = ScoringConfig()
    return compare_names(prepare_name(query, PERSON), prepare_name(listed, PERSON), weigh,
                         cfg.query_extra_penalty, cfg.person_list_extra_penalty, True,
                         cand_roles=name_roles(listed), surname_penalty=cfg.surname_penalty,
                         unvocalised=True, query_roles=name_roles(query),
                         query_middle_penalty=cfg.query_middle_penalty, **extra)
