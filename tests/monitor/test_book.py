"""The book: bank-export headers and bad rows by line, like `screen` (issues 14, 15);
entries are removed with their alerts closed and their history kept; bad shapes (a list
where a name belongs, an over-long id) are refused by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clearance.exc import InputError, NotFound
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


def test_a_bank_export_imports_with_its_own_headers_and_keeps_other_columns(
        home: Path, tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text("Customer Number;Customer Name;Customer Type;Nationality;Relationship "
                    "Manager\nK-1;Nordwind Bakery GmbH;Corporate;Germany;A. Weber\n"
                    "K-2;Jane Roe;Individual;GB;B. Smith\n", encoding="utf-8")
    result = import_book(path)
    assert (result.added, result.skipped) == (2, [])
    entries = get_entries(["K-1", "K-2"])
    k1 = entries["K-1"]
    assert (k1.name, k1.schema, k1.countries) == ("Nordwind Bakery GmbH", "Company", ["de"])
    assert k1.attributes == {"Relationship Manager": "A. Weber"}
    assert entries["K-2"].schema == "Person"


def test_a_report_with_a_title_above_its_header_imports_and_says_so(home: Path,
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    path.write_text("Customer master data extract\nClient Number;Client Full Name;Client Type"
                    "\nK-1;Nordwind Bakery GmbH;Corporate\n", encoding="utf-8")
    result = import_book(path)
    assert (result.added, result.skipped) == (1, [])
    assert get_entries(["K-1"])["K-1"].name == "Nordwind Bakery GmbH"
    assert result.notes == [(f"{path}: header read from line 2; the 1 row(s) above it, "
                            "starting 'Customer master data extract', look like a title and "
                            "are not read")]


def test_a_row_with_more_fields_than_the_header_is_reported_by_line(home: Path,
                                                                    tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    path.write_text("id,name\nb1,Acme Trading\nb2,Globex,Corp,extra\nb3,Initech\n")
    result = import_book(path)
    assert result.added == 2
    (problem,) = result.skipped
    assert problem.startswith(f"{path}, line 3: 4 fields, but the header has 2")


def test_a_file_without_an_id_column_is_refused_naming_the_accepted_ones(
        home: Path, tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    path.write_text("Kundenname\nAcme\n")
    with pytest.raises(InputError) as err:
        import_book(path)
    assert "no id column: the file has 'Kundenname'; the id column is one of id, customer id" \
        in str(err.value)
    result = import_book(path, overrides={"id": ["Kundenname"], "name": ["Kundenname"]})
    assert result.added == 1


def test_an_unreadable_book_file_changes_nothing(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    path.write_bytes(b"not a spreadsheet")
    with pytest.raises(InputError, match="not an XLSX file"):
        import_book(path)
    assert get_entries(["anything"]) == {}
