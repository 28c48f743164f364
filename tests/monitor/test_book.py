"""The book: entries are removed with their alerts closed and their history kept; bad
shapes (a list where a name belongs, an over-long id) are refused by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clearance.exc import NotFound
from clearance.monitor.alerts import decide, get_alert, list_alerts
from clearance.monitor.book import get_entries, import_book, list_changes, remove_entry
from clearance.monitor.cycle import run_cycle
from clearance.store import audit


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_removing_an_entry_closes_its_alerts_keeps_history_and_is_audited(
        sdn_home: Path, tmp_path: Path) -> None:
    import_book(_jsonl(tmp_path / "book.jsonl", [
        {"id": "rm-1", "name": "Jhon Eidelber Cano Correa", "schema": "Person"},
        {"id": "rm-2", "name": "Nordwind Bakery GmbH", "schema": "Company"}]))
    run_cycle()
    (alert,) = list_alerts(book_id="rm-1")
    decide(alert.id, "escalated", "second look", "ana")

    assert remove_entry("rm-1", "ana", "poisoned entry") == [alert.id]
    assert get_entries(["rm-1"]) == {}
    closed = get_alert(alert.id)
    assert closed.status == "removed"
    assert [e.status for e in closed.events] == ["open", "escalated", "removed"]
    assert "poisoned entry" in closed.events[-1].reason and closed.events[-1].actor == "ana"
    change = list_changes("rm-1")[-1]
    assert change["change"] == "removed" and change["fields"]["name"][0].startswith("Jhon")
    last = list(audit.iter_records())[-1]
    assert last.action == "book.remove" and last.detail == {
        "book_id": "rm-1", "name": "Jhon Eidelber Cano Correa", "reason": "poisoned entry",
        "alerts_closed": [alert.id]}
    assert audit.verify().records == last.seq

    again = run_cycle()  # a removed entry is neither screened, reopened nor delisted
    assert again.outcome.opened == again.outcome.reopened == again.outcome.delisted == []
    assert get_alert(alert.id).status == "removed"
    with pytest.raises(NotFound):
        remove_entry("rm-1", "ana")

    import_book(_jsonl(tmp_path / "again.jsonl", [
        {"id": "rm-1", "name": "Jhon Eidelber Cano Correa", "schema": "Person"}]))
    back = run_cycle()
    assert [a.id for a in back.outcome.reopened] == [alert.id]
    assert get_alert(alert.id).events[-1].reason == "the book entry was added again"


def test_a_list_where_one_value_belongs_or_an_overlong_id_is_refused_by_line(
        sdn_home: Path, tmp_path: Path) -> None:
    result = import_book(_jsonl(tmp_path / "shapes.jsonl", [
        {"id": "sh-1", "name": ["Acme", "Beta"]},
        {"id": "x" * 201, "name": "Acme"},
        {"id": "sh-3", "name": "N" * 1001},
        {"id": ["sh-4"], "name": "Acme"},
        {"id": "sh-5", "name": "Acme Trading", "aliases": ["Acme", "AT"]}]))
    assert result.added == 1 and len(result.skipped) == 4
    assert "line 1" in result.skipped[0] and "'name' holds a list" in result.skipped[0]
    assert "line 2" in result.skipped[1] and "'id' is 201 characters" in result.skipped[1]
    assert "line 3" in result.skipped[2] and "at most 1000" in result.skipped[2]
    assert "line 4" in result.skipped[3]
    assert get_entries(["sh-5"])["sh-5"].aliases == ["Acme", "AT"]


def test_book_remove_from_the_shell(sdn_home: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from clearance.cli.app import _register, app

    _register()
    import_book(_jsonl(tmp_path / "cli.jsonl", [{"id": "cli-1", "name": "Acme Bakery"}]))
    res = CliRunner().invoke(app, ["book", "remove", "cli-1", "--reason", "duplicate"],
                             env={"CLEARANCE_ACTOR": "ana"})
    assert res.exit_code == 0 and "book entry 'cli-1' removed; alerts closed: none" in res.output
    last = list(audit.iter_records())[-1]
    assert (last.action, last.actor, last.detail["reason"]) == ("book.remove", "ana", "duplicate")
    res = CliRunner().invoke(app, ["book", "remove", "cli-1"])
    assert res.exit_code == 1 and "no book entry 'cli-1'" in res.output
