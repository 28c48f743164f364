"""`clearance alerts decide` proposes under four-eyes; `alerts review` needs another actor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearance.cli.app import _register, app
from clearance.monitor.book import entry_from_row, upsert_entries
from clearance.monitor.cycle import run_cycle
from clearance.screening.io import InputRow

runner = CliRunner()
_register()


def test_decide_proposes_and_review_needs_another_actor(sdn_home: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    upsert_entries([entry_from_row(InputRow(1, {"id": "u1", "name": "Jhon Eidelber Cano Correa",
                                                "schema": "Person"}), "t")], "test", "test")
    run_cycle()
    listed = json.loads(runner.invoke(app, ["alerts", "list", "--book-id", "u1",
                                            "--json"]).output)
    alert_id = str(listed[0]["id"])
    monkeypatch.setenv("CLEARANCE_ACTOR", "cli:ana")
    res = runner.invoke(app, ["alerts", "decide", alert_id, "--as", "true_match", "--reason",
                              "cedula matches", "--code", "identity_confirmed"])
    assert res.exit_code == 0 and "awaiting approval" in res.output
    res = runner.invoke(app, ["alerts", "review", alert_id, "--approve"])
    assert res.exit_code == 1 and "four-eyes" in res.output
    monkeypatch.setenv("CLEARANCE_ACTOR", "cli:rev")
    res = runner.invoke(app, ["alerts", "review", alert_id, "--approve", "--reason", "ok"])
    assert res.exit_code == 0 and "true_match (approved)" in res.output
    res = runner.invoke(app, ["alerts", "review", alert_id, "--send-back", "--reason", "x"])
    assert res.exit_code == 1 and "no decision awaiting approval" in res.output
