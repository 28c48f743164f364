"""What-if designations run in a sandbox: book hits found, nothing stored changes."""

from __future__ import annotations

import json
from pathlib import Path

from clearance.monitor.alerts import list_alerts
from clearance.monitor.book import import_book
from clearance.monitor.whatif import related_parties, run_whatif, write_report
from clearance.store import list_versions


def test_designating_hikvision_with_subsidiaries_finds_its_book_exposure(
        sdn_home: Path, tmp_path: Path) -> None:
    book = tmp_path / "book.jsonl"
    book.write_text("\n".join(json.dumps(r) for r in [
        {"id": "h1", "name": "Hangzhou Hikvision Digital Technology Co Ltd", "schema": "Company"},
        {"id": "h2", "name": "杭州海康威视数字技术股份有限公司", "schema": "Company"},
        {"id": "h3", "name": "Hikvision USA, Inc.", "schema": "Company"},
        {"id": "h4", "name": "Hangzhou EZVIZ Network Co., Ltd.", "schema": "Company"},
        {"id": "n1", "name": "Axis Communications AB", "schema": "Company"},
        {"id": "n2", "name": "Lorex Technology Inc.", "schema": "Company"},
    ]), encoding="utf-8")
    import_book(book)
    versions_before = [v.id for v in list_versions("us_ofac_sdn")]
    alerts_before = len(list_alerts())

    alone = run_whatif("Hangzhou Hikvision Digital Technology Co., Ltd.")
    assert {h["book_id"] for h in alone.book_hits} == {"h1", "h2"}

    scenario = run_whatif("Hangzhou Hikvision Digital Technology Co., Ltd.",
                          with_subsidiaries=True)
    assert {h["book_id"] for h in scenario.book_hits} == {"h1", "h2", "h3", "h4"}
    assert all(not h["already_alerting"] for h in scenario.book_hits)
    # Lorex was divested by Dahua, and is not Hikvision's: never in this scenario
    assert not any("Lorex" in b["name"] for b in scenario.blocked)

    # the sandbox changed nothing stored
    assert [v.id for v in list_versions("us_ofac_sdn")] == versions_before
    assert len(list_alerts()) == alerts_before

    report = write_report(scenario, tmp_path / "whatif.md")
    assert "Hikvision USA" in report.read_text(encoding="utf-8")


def test_a_vendor_designation_counts_the_devices_it_reaches_and_their_cost(
        sdn_home: Path, tmp_path: Path) -> None:
    from clearance.exposure.assess import assess_stored
    from clearance.exposure.demo import write_csv
    from clearance.exposure.inventory import import_devices

    write_csv(tmp_path / "devices.csv", 400, 10, 3)
    import_devices(tmp_path / "devices.csv", replace=True)
    _, costs, results = assess_stored()
    hik = [r for r in results if r.vendor_group == "hikvision"]
    scenario = run_whatif("Hangzhou Hikvision Digital Technology Co., Ltd.")
    assert scenario.devices is not None
    assert scenario.devices["devices"] == len(hik) > 0
    assert scenario.devices["replacement_cost"] == round(
        sum(costs.cost(r.device.device_type) for r in hik if r.device), 2)
    page = write_report(scenario, tmp_path / "whatif.html").read_text(encoding="utf-8")
    assert f"{len(hik):,} of hikvision" in page
    assert run_whatif("Nordwind Bakery GmbH").devices is None


def test_related_parties_come_from_the_sourced_vendor_group_resource() -> None:
    found = related_parties("海康威视")
    names = {p["name"] for p in found}
    assert "Hikvision USA Inc." in names and all(p["group"] == "hikvision" for p in found)
    assert related_parties("Nordwind Bakery GmbH") == []


def test_the_scenario_adds_what_the_50_percent_rule_newly_blocks(sdn_home: Path,
                                                                tmp_path: Path) -> None:
    from clearance.monitor.ownership import import_links

    links = tmp_path / "links.csv"
    links.write_text("owner,owned,percent,source\n"
                     '"Hangzhou Hikvision Digital Technology Co., Ltd.",Lakeside Optics Ltd,60,filing\n'
                     "CANO CORREA Jhon Eidelber,Andes Freight SAS,50,registry\n", encoding="utf-8")
    import_links(links)
    book = tmp_path / "book.jsonl"
    book.write_text(json.dumps({"id": "o1", "name": "Lakeside Optics Limited",
                                "schema": "Company"}), encoding="utf-8")
    import_book(book)
    scenario = run_whatif("Hangzhou Hikvision Digital Technology Co., Ltd.")
    names = {b["name"]: b["why"] for b in scenario.blocked}
    assert "owns 60%" in names["Lakeside Optics Ltd"]
    assert "Andes Freight SAS" not in names  # blocked already, whatever the scenario
    hits = {h["book_id"]: h for h in scenario.book_hits}
    assert hits["o1"]["blocked_party"] == "Lakeside Optics Ltd"
    assert "owns 60%" in hits["o1"]["blocked_because"]
