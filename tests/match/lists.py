"""Small indexes of made-up list entries for the matcher's tests."""

from __future__ import annotations

from collections.abc import Sequence

from clearance.index.build import Index, build_index


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
