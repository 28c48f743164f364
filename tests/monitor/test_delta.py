"""Delta re-screening with the two real SDN snapshots (December 2023, then May 2024)."""

from __future__ import annotations

import json
from pathlib import Path

from clearance.index.store import ensure_index
from clearance.match.engine import match_query
from clearance.monitor.alerts import list_alerts
from clearance.monitor.book import get_entries, import_book
from clearance.monitor.cycle import run_cycle
from clearance.sources.detect import discover
from clearance.store import diff
from clearance.store.load import load_paths
from tests.conftest import LISTS

SCHEMAS = {"Person": "Person", "Organization": "Organization", "Company": "Company",
           "Vessel": "Vessel"}


def _entities(folder: str) -> dict[str, tuple[str, str]]:
    (pub,) = discover([LISTS / folder])
    records = (e.to_record() for e in pub.load().entities)
    return {r["entity_id"]: (r["caption"], r["schema"]) for r in records
            if r["schema"] != "Sanction"}


def _book(path: Path) -> dict[str, str]:
    """Book rows named after added, kept and removed entries, plus clean names."""
    dec, may = _entities("ofac_sdn"), _entities("ofac_sdn_20240503")
    added = sorted(k for k in may if k not in dec)
    kept = sorted(k for k in may if k in dec)
    removed = sorted(k for k in dec if k not in may)
    picks = {"added": added[::80][:15], "kept": kept[::900][:10], "removed": removed[:3]}
    rows, expect = [], {}
    for kind, ids in picks.items():
        source = may if kind != "removed" else dec
        for i, eid in enumerate(ids):
            name, schema = source[eid]
            rows.append({"id": f"{kind}-{i}", "name": name, "schema": SCHEMAS.get(schema, "")})
            expect[f"{kind}-{i}"] = eid
    for i, name in enumerate(["Emma Daniels", "Royal Mail", "Nordwind Bakery GmbH"]):
        rows.append({"id": f"clean-{i}", "name": name})
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return expect


def test_may_after_december_alerts_exactly_the_entries_matching_new_listings(
        sdn_home: Path, tmp_path: Path) -> None:
    expect = _book(tmp_path / "book.jsonl")
    assert import_book(tmp_path / "book.jsonl").added == len(expect) + 3
    first = run_cycle()
    assert first.full and first.book_screened == len(expect) + 3
    before = {(a.book_id, a.entity_id) for a in list_alerts()}
    assert {b for b, _ in before} >= {b for b in expect if not b.startswith("added")}
    assert not any(b.startswith("clean") for b, _ in before)

    (result,) = load_paths([LISTS / "ofac_sdn_20240503"])
    assert result.error is None
    delta = run_cycle()
    assert not delta.full and delta.book_screened == 0  # nothing screened book-wide
    (moved,) = delta.lists
    added_ids = {c.entity_id for c in diff("us_ofac_sdn").added}
    index = ensure_index()
    entries = get_entries(sorted(expect) + [f"clean-{i}" for i in range(3)])
    truth = {(b, r.entity_id) for b, e in entries.items()
             for r in match_query(index, e.query(), limit=50)
             if r.match and r.entity_id in added_ids}
    opened = {(a.book_id, a.entity_id) for a in delta.outcome.opened}
    assert opened == truth
    assert {b for b, _ in opened} >= {b for b in expect if b.startswith("added")}
    assert set(moved.added) == added_ids

    # alerts on entries OFAC removed are marked delisted
    delisted = {a.book_id for a in delta.outcome.delisted}
    assert delisted == {b for b in expect if b.startswith("removed")}

    # the delta found everything a full re-screen finds
    full = run_cycle(full=True)
    assert full.outcome.opened == [] and full.outcome.reopened == []


def test_a_common_name_alerts_on_every_listed_match_not_just_the_top_ten(
        sdn_home: Path, tmp_path: Path) -> None:
    from clearance.match.score import Query, ScoringConfig

    # since algorithm 10 a common name alone reaches few listed people at 0.80 ("KIM, Chol
    # Ho" has a given name the query lacks): a lower threshold keeps many results in play
    cfg = ScoringConfig(threshold=0.55)
    book = tmp_path / "kim.jsonl"
    book.write_text(json.dumps({"id": "kim", "name": "Kim Chol", "schema": "Person"}),
                    encoding="utf-8")
    import_book(book)
    run_cycle(cfg=cfg)
    expected = {r.entity_id for r in match_query(ensure_index(), Query("Kim Chol", "Person"),
                                                 cfg, limit=1000) if r.match}
    assert len(expected) > 10
    assert {a.entity_id for a in list_alerts(book_id="kim")} == expected
