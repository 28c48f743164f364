"""OFAC's 50% rule on the examples of OFAC's 2014 guidance, and the book screened against it."""

from __future__ import annotations

import json
from pathlib import Path

from clearance.match.text import clean
from clearance.monitor.alerts import list_alerts
from clearance.monitor.book import import_book
from clearance.monitor.cycle import run_cycle
from clearance.monitor.ownership import OWNERSHIP_DATASET, Link, evaluate, import_links


def _blocked(links: list[Link], listed: set[str]) -> set[str]:
    blocks = evaluate(links, lambda n: {"entity_id": n, "dataset": "sdn", "name": n,
                                        "score": 1.0} if n in listed else None)
    return {b.name for b in blocks.values() if b.derived}


def test_one_blocked_owner_at_50_percent_blocks() -> None:
    assert _blocked([Link("X", "A", 50)], {"X"}) == {"A"}


def test_two_blocked_owners_at_25_percent_each_block_in_the_aggregate() -> None:
    assert _blocked([Link("X", "A", 25), Link("Y", "A", 25)], {"X", "Y"}) == {"A"}


def test_49_percent_does_not_block() -> None:
    assert _blocked([Link("X", "A", 49), Link("Z", "A", 51)], {"X"}) == set()


def test_indirect_ownership_through_a_blocked_subsidiary_blocks() -> None:
    # X owns 50% of A (blocked); A owns 25% of B and X 25% of B directly: B is blocked
    links = [Link("X", "A", 50), Link("A", "B", 25), Link("X", "B", 25), Link("B", "C", 60)]
    assert _blocked(links, {"X"}) == {"A", "B", "C"}


def test_stakes_held_through_an_unblocked_company_do_not_count() -> None:
    assert _blocked([Link("X", "A", 40), Link("A", "B", 60)], {"X"}) == set()


def test_one_owner_reported_by_two_sources_counts_once() -> None:
    links = [Link("X", "A", 30, "registry"), Link("X", "A", 30, "press")]
    assert _blocked(links, {"X"}) == set()


def test_ownership_cycles_terminate() -> None:
    cycle = [Link("A", "B", 60), Link("B", "A", 60)]
    assert _blocked([*cycle, Link("X", "A", 10)], {"X"}) == set()
    assert _blocked([*cycle, Link("X", "A", 50)], {"X"}) == {"A", "B"}


def test_a_derived_block_explains_its_path_down_to_the_listed_owner() -> None:
    links = [Link("X Holdings", "A Ltd", 50, "registry 2024"), Link("A Ltd", "B Ltd", 70)]
    blocks = evaluate(links, lambda n: {"entity_id": "sdn-1", "dataset": "us_ofac_sdn",
                                        "name": n, "score": 1.0} if n == "X Holdings" else None)
    text = blocks[clean("B Ltd")].explain(blocks)
    assert text.startswith("B Ltd is blocked: blocked owners hold 70% >= 50%")
    assert "A Ltd owns 70%" in text and "X Holdings owns 50%, source: registry 2024" in text
    assert "listed on us_ofac_sdn" in text


def test_import_reports_bad_lines_and_the_book_is_screened_against_derived_blocks(
        sdn_home: Path, tmp_path: Path) -> None:
    links = tmp_path / "links.csv"
    links.write_text("owner,owned,percent,source\n"
                     "Jhon Eidelber Cano Correa,Blue Harbor Shipping Ltd,60,registry extract\n"
                     "Somebody,Something,abc,\n"
                     "Blue Harbor Shipping Ltd,Harbor Feeder Lines SA,55%,annual report\n",
                     encoding="utf-8")
    count, problems = import_links(links)
    assert count == 2 and len(problems) == 1 and "line 3" in problems[0]
    book = tmp_path / "book.jsonl"
    book.write_text("\n".join(json.dumps(r) for r in [
        {"id": "v1", "name": "Blue Harbour Shipping Limited", "schema": "Company"},
        {"id": "v2", "name": "Harbor Feeder Lines S.A.", "schema": "Company"},
        {"id": "v3", "name": "Blue Ocean Logistics", "schema": "Company"}]), encoding="utf-8")
    import_book(book)
    run_cycle()
    derived = {a.book_id: a for a in list_alerts() if a.dataset == OWNERSHIP_DATASET}
    assert set(derived) == {"v1", "v2"}
    from clearance.monitor.alerts import get_alert

    why = get_alert(derived["v2"].id).result["blocked_because"]
    assert "Blue Harbor Shipping Ltd owns 55%" in why and "CANO CORREA" in why

    # the link disappears: the derived alerts are marked delisted
    links.write_text("owner,owned,percent,source\n", encoding="utf-8")
    import_links(links)
    delisted = {a.book_id for a in run_cycle().outcome.delisted}
    assert delisted == {"v1", "v2"}


def test_ftm_ownership_entities_import_with_their_names(sdn_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "ownership.jsonl"
    rows = [
        {"id": "p1", "schema": "Person", "properties": {"name": ["Jhon Eidelber Cano Correa"]}},
        {"id": "c1", "schema": "Company", "properties": {"name": ["Rio Verde Mining SAS"]}},
        {"id": "o1", "schema": "Ownership", "properties": {
            "owner": ["p1"], "asset": ["c1"], "percentage": ["51.5"],
            "sourceUrl": ["https://example.org/registry/c1"]}},
        {"id": "o2", "schema": "Ownership", "properties": {
            "owner": ["p1"], "asset": ["nobody"], "percentage": ["10"]}},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")
    count, problems = import_links(path)
    assert count == 1 and len(problems) == 2
    assert "line 4" in problems[1] or "line 4" in problems[0]
    from clearance.monitor.ownership import list_links

    (link,) = [lk for lk in list_links() if lk.owned == "Rio Verde Mining SAS"]
    assert (link.owner, link.percent, link.source) == (
        "Jhon Eidelber Cano Correa", 51.5, "https://example.org/registry/c1")
