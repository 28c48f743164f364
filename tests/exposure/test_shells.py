"""`clearance devices ...` and GET /devices/exposure end to end."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from typer.testing import CliRunner

from clearance.cli.app import _register, app
from tests.api.conftest import Server
from tests.conftest import SHARED

runner = CliRunner()
_register()
NMAP = SHARED / "data" / "equipment" / "nmap_samples" / "synthetic_lan_scan.xml"


def test_devices_commands(home: Path, tmp_path: Path) -> None:
    inventory = tmp_path / "devices.csv"
    res = runner.invoke(app, ["devices", "demo", "-o", str(inventory), "--count", "300",
                              "--sites", "10", "--cities", "3"])
    assert res.exit_code == 0 and inventory.exists()
    with open(inventory, "a", encoding="utf-8") as fh:
        fh.write("BAD-1,Site,City,US,Camera,Hikvision,DS-2CD,zz:zz,,,,,,\n")
    res = runner.invoke(app, ["devices", "import", str(inventory)])
    assert res.exit_code == 0 and "300 imported, 1 skipped" in res.output
    assert "line 302" in res.output and "'mac'" in res.output

    out = tmp_path / "classified.jsonl"
    res = runner.invoke(app, ["devices", "classify", str(NMAP), "-o", str(out), "--use",
                              "government"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 6
    assert set(lines[0]) == {"asset_id", "vendor_group", "manufacturer", "status", "rules",
                             "confidence", "evidence", "reasoning"}
    # the synthetic scan's six devices, as their banners and MACs say (government use)
    assert sorted((line["vendor_group"] or "", line["status"]) for line in lines) == [
        ("", "not_covered"), ("", "not_covered"), ("dahua", "covered"),
        ("hikvision", "covered"), ("hikvision", "covered"), ("zte", "covered")]

    report = tmp_path / "exposure.html"
    res = runner.invoke(app, ["devices", "report", "-o", str(report), "--csv",
                              str(tmp_path / "exposure.csv")])
    assert res.exit_code == 0, res.output
    assert "replacement cost: $" in res.output and report.exists()


def test_exposure_over_http(home: Path, tmp_path: Path) -> None:
    inventory = tmp_path / "devices.csv"
    runner.invoke(app, ["devices", "demo", "-o", str(inventory), "--count", "200"])
    runner.invoke(app, ["devices", "import", str(inventory)])
    server = Server(open_access=True)
    try:
        body = httpx.get(f"{server.url}/devices/exposure", params={"sites": 5}, timeout=60).json()
    finally:
        server.stop()
    assert body["devices"] == 200
    assert len(body["riskiest_sites"]) == 5
    assert body["cost_covered"] > 0 and "camera" in body["unit_costs"]
