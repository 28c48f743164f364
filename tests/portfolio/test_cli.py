"""`clearance portfolio ...` end to end (typer's runner) on the real lists."""

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from clearance.cli.app import _register, app
from clearance.store.load import load_paths

runner = CliRunner()
_register()


def test_demo_screen_funds_and_report(loaded_home: Path, tmp_path: Path) -> None:
    holdings, funds = tmp_path / "holdings.csv", tmp_path / "funds.csv"
    res = runner.invoke(app, ["portfolio", "demo", "-o", str(holdings), "--funds-out",
                              str(funds), "--count", "1500"])
    assert res.exit_code == 0, res.output
    assert "demo portfolio: 1,500 positions" in res.output
    res = runner.invoke(app, ["portfolio", "screen", str(holdings), "-o",
                              str(tmp_path / "out.csv"), "--as-of", "2022-01-15",
                              "--workers", "2"])
    assert res.exit_code == 0, res.output
    assert "screened 1500 holdings as of 2022-01-15" in res.output
    assert "Screening support, not legal advice" in res.output
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text("utf-8"))))
    assert len(rows) == 1500 and {r["status"] for r in rows} == {"covered", "review", "clear"}
    res = runner.invoke(app, ["portfolio", "funds", str(funds), "--holdings", str(holdings),
                              "-o", str(tmp_path / "funds.jsonl")])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in (tmp_path / "funds.jsonl").read_text().splitlines()]
    assert len(lines) == 4 and sum(f["flagged"] for f in lines) == 3
    res = runner.invoke(app, ["portfolio", "report", str(holdings), "--funds", str(funds),
                              "-o", str(tmp_path / "r.html"), "--csv", str(tmp_path / "r.csv")])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "r.html").read_text()
    assert "Timeline of effective dates and divestment deadlines" in page
    assert "Fund look-through" in page and "not legal advice" in page
    assert len((tmp_path / "r.csv").read_text().splitlines()) == 1501
    res = runner.invoke(app, ["portfolio", "report", str(holdings), "-o",
                              str(tmp_path / "r.pdf")])
    assert res.exit_code == 0 and (tmp_path / "r.pdf").read_bytes()[:4] == b"%PDF"


def test_bad_input_names_the_problem(loaded_home: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["portfolio", "screen", str(tmp_path / "none.csv")])
    assert res.exit_code == 1 and "no such file" in res.output
    path = tmp_path / "h.csv"
    path.write_text("id,isin\n1,CNE100000PM8\n")
    res = runner.invoke(app, ["portfolio", "screen", str(path), "--as-of", "28/11/2026"])
    assert res.exit_code == 1 and "--as-of '28/11/2026': use YYYY-MM-DD" in res.output
    res = runner.invoke(app, ["portfolio", "screen", str(path), "--review-threshold", "0.9",
                              "--threshold", "0.8"])
    assert res.exit_code == 1 and "thresholds must satisfy" in res.output


def test_import_and_monitor(home: Path, lists_dir: Path, tmp_path: Path) -> None:
    assert [r.error for r in load_paths([lists_dir / "ofac_consolidated"])] == [None]
    path = tmp_path / "h.csv"
    path.write_text("Position ID,ISIN,Issuer\nP1,CNE100000PM8,\nP2,,Apple Inc\nP2,,again\n")
    res = runner.invoke(app, ["portfolio", "import", str(path)])
    assert res.exit_code == 0, res.output
    assert "2 added, 0 updated, 0 unchanged, 0 removed, 1 skipped" in res.output
    assert "id 'P2' repeats line 3" in res.output
    res = runner.invoke(app, ["portfolio", "monitor", "--as-of", "2026-11-28", "--json"])
    assert res.exit_code == 0, res.output
    cycle = json.loads(res.output)
    assert (cycle["full"], cycle["screened"], cycle["opened"]) == (True, 2, 1)
    res = runner.invoke(app, ["alerts", "list", "--json"])
    (alert,) = json.loads(res.output)
    assert alert["book_id"] == "holding:P1" and alert["entity_id"] == "us_ofac_cons-30946"
    res = runner.invoke(app, ["portfolio", "report", "-o", str(tmp_path / "book.json")])
    assert res.exit_code == 0, res.output
    exposure = json.loads((tmp_path / "book.json").read_text())
    assert exposure["count_by_status"] == {"covered": 1, "clear": 1}
