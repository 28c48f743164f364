"""`engine._ranked` leaves out, unscored, an entity whose name score with the birth-date and
country bonuses rounds below the `limit`-th best result kept so far: the results of a
query with a limit are still the head of its full ranking, score for score and
explanation for explanation, when the bonuses reorder the entities too."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from clearance.index.build import Index
from clearance.match import engine
from clearance.match.engine import match_query
from clearance.match.score import Query, ScoringConfig
from tests.match.lists import list_index

# (made-up people: one name, and the same with other family and given names after it, so
# that one query meets many of them at scores from whole to half)
_GIVEN = ("Tavin", "Oskar")
_FAMILY = ("Quillan", "Brostek", "Varnell", "Ostrova", "Quilan", "Brostec")
_COUNTRIES = ("de", "fr", "it", "pl", "es")


@pytest.fixture(scope="module")
def crowd() -> Index:
    names = ["Marlo Zenthar"] + [f"Marlo Zenthar {f}" for f in _FAMILY]
    names += [f"Marlo Zenthar {f} {g}" for f in _FAMILY for g in _GIVEN]
    countries = [[_COUNTRIES[k % len(_COUNTRIES)]] for k in range(len(names))]
    return list_index(*names, countries=countries)


def _shown(index: Index, query: Query, limit: int, cfg: ScoringConfig | None = None,
           min_score: float = 0.0) -> list[tuple[str, float, str]]:
    return [(r.entity_id, r.score, r.explanation)
            for r in match_query(index, query, cfg, limit=limit, min_score=min_score)]


@pytest.mark.parametrize("query", [
    Query(name="Marlo Zenthar Quillan"),
    Query(name="Marlo Zenthar Quillan", schema="Person", birth_date="1970-01-01"),
    Query(name="Marlo Zenthar Brostek", countries=["fr"]),
    Query(name="Marlo Zenthar Varnell Tavin", schema="Person", countries=["es"]),
    Query(name="Marlo Zentar Ostrova", schema="Person"),
])
@pytest.mark.parametrize("limit", [1, 2])
def test_a_limited_query_returns_the_head_of_its_full_ranking(crowd: Index, query: Query,
                                                              limit: int) -> None:
    full = _shown(crowd, query, 1000)
    assert len(full) > limit  # (the crowd gives more results than the limit)
    assert _shown(crowd, query, limit) == full[:limit]
    assert _shown(crowd, query, limit, min_score=0.3) == [
        r for r in full if r[1] >= 0.3][:limit]


def test_a_config_whose_evidence_may_lift_a_score_cuts_nothing_unscored(crowd: Index) -> None:
    # (a schema mismatch that lifts: no bound of the evidence holds, every entity is scored)
    cfg = replace(ScoringConfig(), schema_mismatch_factor=1.5)
    query = Query(name="Marlo Zenthar Quillan Trading Ltd", schema="Person")
    full = _shown(crowd, query, 1000, cfg)
    assert _shown(crowd, query, 2, cfg) == full[:2]


def test_an_entity_that_cannot_make_the_cut_has_no_evidence_worked_out(
        crowd: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    read = engine.date_evidence

    def counted(*args: Any) -> tuple[int, str]:
        asked.append(1)
        return read(*args)

    monkeypatch.setattr(engine, "date_evidence", counted)
    query = Query(name="Marlo Zenthar Quillan", schema="Person", birth_date="1970-01-01")
    full = _shown(crowd, query, 1000)
    every = len(asked)
    asked.clear()
    assert _shown(crowd, query, 1) == full[:1]
    assert len(asked) < every  # (fails on main 5b20eaf: every entity's evidence)
