"""Demo inventory, replacement costs with sources, and the exposure report in every format."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from clearance.exc import InputError
from clearance.exposure.assess import assess_stored
from clearance.exposure.costs import CostTable, device_kind
from clearance.exposure.demo import generate, write_csv
from clearance.exposure.inventory import import_devices
from clearance.exposure.report import write_csv as write_device_csv
from clearance.exposure.report import write_report


def test_the_demo_inventory_is_realistic_and_deterministic() -> None:
    rows = list(generate(5000, 40, 8))
    assert rows == list(generate(5000, 40, 8))
    assert len(rows) == 5000 and len({r["site"] for r in rows}) == 40
    assert len({r["city"] for r in rows}) == 8
    brands = {r["manufacturer"] for r in rows}
    assert {"Hikvision", "HIK VISION", "HiLook", "Dahua", "Lorex", "Axis", "Bosch", "Hanwha",
            "Avigilon", "Mobotix"} <= brands
    assert any(r["mac"] == "" for r in rows) and any("." in r["mac"] for r in rows)


@pytest.mark.parametrize("text, kind", [("IP Camera", "camera"), ("PTZ", "camera"),
                                        ("NVR 32ch", "recorder"), ("Door controller", "access_control"),
                                        ("Core router", "network"), ("TETRA radio", "radio"),
                                        ("", "other"), ("Toaster", "other")])
def test_device_types_map_to_cost_kinds(text: str, kind: str) -> None:
    assert device_kind(text) == kind


def test_costs_have_sources_and_can_be_overridden(tmp_path: Path) -> None:
    default = CostTable.load()
    assert default.cost("camera") == default.unit["camera"] + 3.5 * default.labour_rate
    assert all(default.sources[f"{k}.unit"] for k in default.unit)
    override = tmp_path / "costs.yml"
    override.write_text("labour_rate: 120\ndevice_types:\n  camera:\n    unit: 900\n",
                        encoding="utf-8")
    custom = CostTable.load(override)
    assert custom.cost("camera") == 900 + 3.5 * 120
    assert custom.sources["camera.unit"].startswith("override")
    override.write_text("device_types:\n  camera:\n    unit: -5\n", encoding="utf-8")
    with pytest.raises(InputError, match="camera.unit"):
        CostTable.load(override)


def test_report_totals_add_up_and_render_as_html_pdf_and_csv(home: Path, tmp_path: Path) -> None:
    inventory = tmp_path / "devices.csv"
    write_csv(inventory, 600, 12, 4)
    assert import_devices(inventory).imported == 600
    exposure, costs, results = assess_stored()
    assert exposure.devices == 600 == sum(exposure.by_status.values())
    covered = [r for r in results if r.status == "covered"]
    assert covered and exposure.cost_covered == pytest.approx(
        sum(costs.cost(r.device.device_type) for r in covered if r.device))
    sites = exposure.by["site"]
    assert sum(v["cost_covered"] for v in sites.values()) == pytest.approx(exposure.cost_covered)
    assert sum(v["devices"] for v in exposure.by["city"].values()) == 600

    page = write_report(exposure, costs, tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 3 and "Riskiest sites" in page and "Cost assumptions" in page
    riskiest = exposure.riskiest("site", 1)[0][0]
    assert riskiest in page
    pdf = write_report(exposure, costs, tmp_path / "r.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000
    assert write_device_csv(results, costs, tmp_path / "r.csv") == 600
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8"))))
    assert {r["status"] for r in rows} >= {"covered", "not_covered"}
