"""`clearance monitor run --engine spark --book PATH`: a book kept as Parquet, monitored
while OFAC moves from its December 2023 to its May 2024 SDN publication, opens, reopens
and suppresses exactly the alerts a local cycle does on the same book, in the same store.

The scenario runs once per module: the same customers are imported into the store's book
(ids `L-...`, monitored by local cycles) and written as Parquet (ids `S-...`, monitored on
Spark), so the two can be compared alert by alert.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import select

from clearance.monitor.alerts import Alert, decide, list_alerts
from clearance.monitor.book import import_book
from clearance.monitor.cycle import CycleReport, run_cycle
from clearance.spark.monitor import SparkCycle, run_spark_cycle
from clearance.store import active_version_ids, audit
from clearance.store.db import engine, file_book_state, reset_engines
from clearance.store.load import load_paths
from tests.conftest import LISTS

BOOK = [
    {"id": "c-001", "name": "Jhon Eidelber Cano Correa", "schema": "Person"},  # on both
    {"id": "c-002", "name": "Nordwind Bakery GmbH", "schema": "Company", "country": "de"},
    {"id": "c-003", "name": "Company Group Structura LLC", "schema": "Company"},  # May 2024
    {"id": "c-004", "name": "JSC Sovcomflot", "schema": "Company"},  # designated Feb 2024
    {"id": "c-005", "name": "Emma Daniels", "schema": "Person"},
]


def _pairs(found: list[Alert], prefix: str) -> set[tuple[str, str, float, str]]:
    return {(a.book_id.removeprefix(prefix), a.entity_id, round(a.score, 4), a.status)
            for a in found if a.book_id.startswith(prefix)}


@pytest.fixture(scope="module")
def scenario(spark: Any, book_rows: list[dict[str, Any]],
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    previous = os.environ.get("CLEARANCE_HOME")
    tmp = tmp_path_factory.mktemp("spark_monitor")
    os.environ["CLEARANCE_HOME"] = str(tmp / "home")
    reset_engines()
    out: dict[str, Any] = {}
    customers = BOOK + [{k: r.get(k) for k in ("id", "name", "schema")}
                        for r in book_rows[:100]]  # real list names in many scripts
    local = tmp / "local.jsonl"
    local.write_text("\n".join(json.dumps({**r, "id": "L-" + r["id"]}) for r in customers),
                     encoding="utf-8")
    book = tmp / "book.parquet"
    rows = [{"id": "S-" + r["id"], "name": r["name"], "schema": r["schema"],
             "country": r.get("country")} for r in customers]
    rows.insert(3, {"id": "S-bad", "name": "", "schema": "Person", "country": None})
    pq.write_table(pa.Table.from_pylist(rows), book)
    out["book"] = str(book)
    out["rows"] = rows
    load_paths([LISTS / "ofac_sdn"])
    out["dec"] = active_version_ids()["us_ofac_sdn"]
    import_book(local)
    out["first"] = (run_cycle(), run_spark_cycle(spark, str(book)))
    # the analyst calls the Cano Correa alerts false positives (both books)
    for a in list_alerts(status="open"):
        if a.book_id.endswith("c-001"):
            decide(a.id, "false_positive", "another person", "ana")
    out["again"] = run_spark_cycle(spark, str(book), full=True)
    load_paths([LISTS / "ofac_sdn_20240503"])
    out["may"] = active_version_ids()["us_ofac_sdn"]
    out["delta"] = (run_cycle(), run_spark_cycle(spark, str(book)))
    out["alerts"] = list_alerts()
    out["quiet"] = run_spark_cycle(spark, str(book))
    with engine().connect() as conn:
        out["state"] = {r.book for r in conn.execute(select(file_book_state))}
    out["runs"] = [r.detail for r in audit.iter_records() if r.action == "monitor.run"]
    out["verified"] = audit.verify().ok
    yield out
    if previous is not None:
        os.environ["CLEARANCE_HOME"] = previous
    reset_engines()


def test_a_first_cycle_screens_the_whole_book_and_opens_what_a_local_cycle_opens(
        scenario: dict[str, Any]) -> None:
    local, spark = scenario["first"]
    assert spark.full and spark.book_screened == len(scenario["rows"]) - 1
    (problem,) = spark.problems
    assert problem.startswith(f"{scenario['book']}, line 4: row 'S-bad': missing field 'name'")
    assert len(spark.outcome.opened) > 20  # the eval names include many listed ones
    assert _pairs(spark.outcome.opened, "S-") == _pairs(local.outcome.opened, "L-")
    assert "S-c-001" in {a.book_id for a in spark.outcome.opened}


def test_a_false_positive_stays_suppressed_while_neither_side_changes(
        scenario: dict[str, Any]) -> None:
    again: SparkCycle = scenario["again"]
    assert again.outcome.suppressed == 1 and not again.outcome.opened


def test_a_delta_cycle_opens_and_reopens_what_the_local_delta_does(
        scenario: dict[str, Any]) -> None:
    local, spark = scenario["delta"]
    assert not spark.full
    (change,) = spark.lists
    assert (change.dataset, len(change.added), len(change.removed)) == ("us_ofac_sdn", 1256, 112)
    opened = _pairs(spark.outcome.opened, "S-")
    assert opened >= _pairs(local.outcome.opened, "L-")
    # anything more is a pair the scorer makes an alert of (see `_full_screen`)
    assert _full_screen(scenario, opened - _pairs(local.outcome.opened, "L-")) == set()
    assert {"S-c-003", "S-c-004"} <= {a.book_id for a in spark.outcome.opened}
    assert _pairs(spark.outcome.reopened, "S-") == _pairs(local.outcome.reopened, "L-")
    assert "S-c-001" in {a.book_id for a in spark.outcome.reopened}  # its entry changed
    assert _pairs(spark.outcome.delisted, "S-") == _pairs(local.outcome.delisted, "L-")
    assert _pairs(scenario["alerts"], "S-") >= _pairs(scenario["alerts"], "L-")


def _full_screen(scenario: dict[str, Any], pairs: set[tuple[str, str, float, str]]
                 ) -> set[tuple[str, str, float, str]]:
    """Of `pairs` (book id without prefix, entity, score, status), those that are not an
    alert when the row is compared with that entry name by name (`score_entities`, no
    candidate cut-off: the small side may find a pair a local cycle's candidate lookup
    passes over, never one the scorer does not make an alert)."""
    from clearance.index.store import ensure_index
    from clearance.match.engine import score_entities
    from clearance.match.score import Query, ScoringConfig

    cfg = ScoringConfig()
    rows = {r["id"].removeprefix("S-"): r for r in scenario["rows"]}
    missing = set()
    for pair in pairs:
        row = rows[pair[0]]
        found = {(m.entity_id, round(m.score, 4)) for m in score_entities(
            ensure_index(), Query(row["name"], row["schema"]), [pair[1]], cfg) if m.match}
        if (pair[1], pair[2]) not in found:
            missing.add(pair)
    return missing


def test_the_small_side_misses_no_pair_a_full_screen_of_the_book_finds(
        scenario: dict[str, Any]) -> None:
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig
    from clearance.monitor.cycle import FORWARD_LIMIT, list_delta
    from clearance.spark.monitor import small_side

    cfg = ScoringConfig()
    delta = list_delta("us_ofac_sdn", scenario["dec"], scenario["may"], cfg)
    side = set(small_side([delta])[scenario["may"]])
    index = ensure_index()
    truth = {(r["id"], m.entity_id) for r in scenario["rows"] if r["name"]
             for m in match_query(index, Query(r["name"], r["schema"]), cfg, FORWARD_LIMIT,
                                  min_score=cfg.threshold)
             if m.entity_id in side}
    found = {(a.book_id, a.entity_id) for a in scenario["alerts"]}
    assert len(truth) > 2 and truth <= found


def test_a_cycle_with_nothing_new_scans_nothing_and_repeats_no_alert(
        scenario: dict[str, Any]) -> None:
    quiet: CycleReport = scenario["quiet"]
    assert quiet.lists == [] and quiet.book_screened == 0 and not quiet.outcome.opened
    assert scenario["state"] == {scenario["book"]}
    assert [r.get("engine") for r in scenario["runs"]].count("spark") == 4
    assert scenario["verified"]


def test_the_cli_runs_a_cycle_of_a_book_kept_as_files(scenario: dict[str, Any]) -> None:
    from typer.testing import CliRunner

    from clearance.cli.app import _register, app

    _register()
    runner = CliRunner()
    res = runner.invoke(app, ["monitor", "run", "--engine", "spark", "--book", scenario["book"]])
    assert res.exit_code == 0, res.output
    assert "cycle (delta)" in res.output and "0 book entries screened" in res.output
    res = runner.invoke(app, ["monitor", "run", "--book", scenario["book"]])
    assert res.exit_code == 2 and "--book and --master need --engine spark" in res.output
    res = runner.invoke(app, ["monitor", "run", "--engine", "spark"])
    assert res.exit_code == 1 and "give --book PATH" in res.output


def test_title_rows_above_a_csv_books_header_are_skipped_and_noted_as_screen_does(
        scenario: dict[str, Any], tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from clearance.cli.app import _register, app

    _register()
    book = tmp_path / "report.csv"
    with open(book, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Customer extract, generated 2026-11-29"])
        writer.writerow([])
        writer.writerow(["Client ID", "Client Full Name", "Type"])
        for r in BOOK:
            writer.writerow([r["id"], r["name"], r["schema"]])
    res = CliRunner().invoke(app, ["monitor", "run", "--engine", "spark", "--book", str(book)])
    assert res.exit_code == 0, res.output
    said = " ".join(res.output.split())
    assert "note: header read from line 3" in said and "look like a title" in said
    assert f"{len(BOOK)} book entries screened" in said  # the title is no customer
    (run,) = [r.detail for r in audit.iter_records()
              if r.action == "monitor.run" and r.detail.get("book") == str(book)]
    assert run["notes"] and "header read from line 3" in run["notes"][0]
