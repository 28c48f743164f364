"""The review workflow: decisions, suppression, reopening with the diff, audit records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clearance.exc import InputError, NotFound
from clearance.monitor.alerts import decide, get_alert, list_alerts
from clearance.monitor.book import import_book, list_changes
from clearance.monitor.cycle import run_cycle
from clearance.store import audit


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return path


def test_false_positive_is_suppressed_until_a_side_changes_then_reopens_with_the_diff(
        sdn_home: Path, tmp_path: Path) -> None:
    rows = [{"id": "c1", "name": "Jhon Eidelber Cano Correa", "schema": "Person",
             "segment": "retail"},
            {"id": "c2", "name": "Nordwind Bakery GmbH", "schema": "Company"}]
    book = _write(tmp_path / "book.jsonl", rows)
    import_book(book)
    run_cycle()
    (alert,) = list_alerts(book_id="c1")
    assert alert.status == "open" and alert.entity_id == "us_ofac_sdn-10000"
    assert list_alerts(book_id="c2") == []

    decided = decide(alert.id, "false_positive", "different date of birth on file", "ana")
    assert decided.status == "false_positive"
    assert decided.events[-1].actor == "ana"
    assert decided.events[-1].reason == "different date of birth on file"

    # an attribute edit does not re-screen; nothing reopens
    rows[0]["segment"] = "private banking"
    result = import_book(_write(book, rows))
    assert result.updated == 1
    assert run_cycle().outcome.reopened == []
    assert get_alert(alert.id).status == "false_positive"

    # a change of what matching reads re-screens the entry: the case reopens with the diff
    rows[0]["country"] = "co"
    import_book(_write(book, rows))
    cycle = run_cycle()
    assert [a.id for a in cycle.outcome.reopened] == [alert.id]
    reopened = get_alert(alert.id)
    assert reopened.status == "open"
    assert reopened.events[-1].changes["book"]["countries"] == [[], ["co"]]
    assert [c["change"] for c in list_changes("c1")] == ["added", "updated", "updated"]

    # every decision is in the audit log, and the chain verifies
    decisions = [r for r in audit.iter_records() if r.action == "alert.decide"]
    assert decisions[-1].detail["to"] == "false_positive" and decisions[-1].actor == "ana"
    assert audit.verify().ok


def test_decisions_need_a_known_status_a_reason_and_an_existing_alert(sdn_home: Path,
                                                                     tmp_path: Path) -> None:
    # its own alert: this test must not depend on what the tests before it left behind
    import_book(_write(tmp_path / "book.jsonl", [{"id": "d1", "name": "Jhon Eidelber Cano Correa",
                                                  "schema": "Person"}]))
    run_cycle()
    (alert,) = list_alerts(book_id="d1")
    with pytest.raises(InputError):
        decide(alert.id, "closed", "why not", "ana")
    with pytest.raises(InputError):
        decide(alert.id, "true_match", "  ", "ana")
    with pytest.raises(NotFound):
        decide(999_999, "true_match", "confirmed", "ana")
    assert get_alert(alert.id).status == "open"  # the refused decisions changed nothing


def test_book_import_reports_bad_rows_by_line_and_keeps_the_rest(sdn_home: Path,
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    path.write_text("id,name,schema,birth_date,account\n"
                    "v1,Acme Trading Ltd,Company,,A-1\n"
                    "v2,,Company,,A-2\n"
                    "v3,Jane Roe,Person,sometime,A-3\n"
                    "v1,Acme Again,Company,,A-4\n"
                    "v4,Globex Corp,Company,,A-5\n", encoding="utf-8")
    result = import_book(path)
    assert (result.added, len(result.skipped)) == (2, 3)
    assert "line 3" in result.skipped[0] and "'name'" in result.skipped[0]
    assert "line 4" in result.skipped[1] and "birth_date" in result.skipped[1]
    assert "line 5" in result.skipped[2] and "repeats line 2" in result.skipped[2]
    from clearance.monitor.book import get_entries

    assert get_entries(["v1"])["v1"].attributes == {"account": "A-1"}


def test_a_false_positive_reopens_when_its_list_entry_changes(sdn_home: Path,
                                                              tmp_path: Path) -> None:
    """The May 2024 SDN file lost every address: the entry changed, so the case reopens."""
    from clearance.store import get_record
    from clearance.store.load import load_paths
    from tests.conftest import LISTS

    entity_id = "us_ofac_sdn-10001"
    record = get_record(entity_id)
    assert record is not None and record["properties"].get("address")
    import_book(_write(tmp_path / "book.jsonl", [{"id": "fp-1", "name": record["caption"],
                                                  "schema": record["schema"]}]))
    run_cycle()
    (alert,) = [a for a in list_alerts(book_id="fp-1") if a.entity_id == entity_id]
    decide(alert.id, "false_positive", "different person: other nationality", "ana")
    (loaded,) = load_paths([LISTS / "ofac_sdn_20240503"])
    assert loaded.error is None
    cycle = run_cycle()
    assert alert.id in [a.id for a in cycle.outcome.reopened]
    changes = get_alert(alert.id).events[-1].changes
    assert changes["book"] == {} and "address" in changes["list"]
    before, after = changes["list"]["address"]
    assert before and after == []
