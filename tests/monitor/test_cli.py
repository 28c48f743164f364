"""`clearance book|monitor|alerts|audit|ownership|webhooks|whatif` end to end."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from clearance.cli.app import _register, app

runner = CliRunner()
_register()


def test_the_monitoring_workflow_from_the_shell(sdn_home: Path, tmp_path: Path) -> None:
    book = tmp_path / "book.csv"
    book.write_text("id,name,schema,country\n"
                    "k1,CANO CORREA Jhon Eidelber,Person,co\n"
                    "k2,,Company,\n"
                    "k3,Nordwind Bakery GmbH,Company,de\n", encoding="utf-8")
    res = runner.invoke(app, ["book", "import", str(book)])
    assert res.exit_code == 0, res.output
    assert "2 added" in res.output and "line 3" in res.output

    res = runner.invoke(app, ["monitor", "run", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output.strip().splitlines()[-1])["opened"] == 1

    listed = json.loads(runner.invoke(app, ["alerts", "list", "--status", "open",
                                            "--json"]).output)
    (alert,) = listed
    assert {k: alert[k] for k in ("book_id", "dataset", "source_id", "status")} == {
        "book_id": "k1", "dataset": "us_ofac_sdn", "source_id": "10000", "status": "open"}
    assert alert["entity_id"] == "us_ofac_sdn-10000" and alert["score"] >= 0.8
    assert alert["opened_at"]

    res = runner.invoke(app, ["alerts", "decide", str(alert["id"]), "--as", "escalated",
                              "--reason", "needs a second look"],
                        env={"CLEARANCE_ACTOR": "ana"})
    assert res.exit_code == 0 and "escalated" in res.output
    shown = json.loads(runner.invoke(app, ["alerts", "show", str(alert["id"])]).output)
    assert shown["events"][-1]["actor"] == "ana" and shown["status"] == "escalated"
    res = runner.invoke(app, ["alerts", "decide", str(alert["id"]), "--as", "maybe",
                              "--reason", "x"])
    assert res.exit_code == 1 and "not one of" in res.output

    assert "audit log intact" in runner.invoke(app, ["audit", "verify"]).output
    export = tmp_path / "audit.jsonl"
    res = runner.invoke(app, ["audit", "export", "-o", str(export)])
    assert res.exit_code == 0 and "chain intact" in res.output
    actions = [json.loads(line)["action"] for line in export.read_text().splitlines()]
    assert {"list.load", "book.import", "monitor.run", "alert.decide"} <= set(actions)

    res = runner.invoke(app, ["monitor", "digest", "-o", str(tmp_path / "digest")])
    assert res.exit_code == 0 and (tmp_path / "digest").is_dir()
    res = runner.invoke(app, ["monitor", "watch", "--every", "soon"])
    assert res.exit_code == 2 and "--every" in res.output
    res = runner.invoke(app, ["monitor", "watch", "--every", "1s", "--cycles", "1"])
    assert res.exit_code == 0 and "cycle (delta)" in res.output


def test_ownership_and_whatif_from_the_shell(sdn_home: Path, tmp_path: Path) -> None:
    links = tmp_path / "links.csv"
    links.write_text("owner,owned,percent,source\n"
                     "CANO CORREA Jhon Eidelber,Andes Freight SAS,50,registry\n", encoding="utf-8")
    assert runner.invoke(app, ["ownership", "import", str(links)]).exit_code == 0
    blocked = json.loads(runner.invoke(app, ["ownership", "blocked", "--json"]).output)
    derived = [b for b in blocked if b["derived"]]
    assert [b["name"] for b in derived] == ["Andes Freight SAS"]
    assert "owns 50%" in derived[0]["explanation"]

    report = tmp_path / "whatif.html"
    res = runner.invoke(app, ["whatif", "--designate", "Andes Freight SAS", "--as",
                              "us_ofac_sdn", "--report", str(report)])
    assert res.exit_code == 0, res.output
    assert "<h1>What if Andes Freight SAS" in report.read_text(encoding="utf-8")

    res = runner.invoke(app, ["webhooks", "add", "https://example.org/hook", "--secret",
                              "0123456789abcdef0123"])
    assert res.exit_code == 0 and "webhook 1" in res.output
    assert "example.org" in runner.invoke(app, ["webhooks", "list"]).output


def test_monitoring_without_lists_is_refused_with_the_reason(home: Path) -> None:
    res = runner.invoke(app, ["monitor", "run"])
    assert res.exit_code == 1 and "no list is loaded" in res.output
