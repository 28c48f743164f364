"""Coverage decisions on real-world-shaped rows: OUIs, brands, models, scans, dates, scope."""

from __future__ import annotations

from typing import Any

import pytest

from clearance.exposure.coverage import Classification, Classifier
from clearance.exposure.inventory import Device, device_from_row, read_inventory
from tests.conftest import SHARED

NMAP = SHARED / "data" / "equipment" / "nmap_samples"


def _classify(row: dict[str, Any], use: str = "") -> Classification:
    return Classifier(None, use).classify(device_from_row({"asset_id": "x", **row}, "t", 2))


@pytest.mark.parametrize("row, group", [
    ({"mac": "44:19:B6:12:34:56"}, "hikvision"),            # Hikvision OUI
    ({"mac": "bc-ad-28-12-34-56"}, "hikvision"),
    ({"mac": "14A7.8B12.3456"}, "dahua"),                   # Dahua OUI
    ({"brand": "HIK VISION"}, "hikvision"),
    ({"brand": "Hikvision Digital"}, "hikvision"),
    ({"brand": "HiLook"}, "hikvision"),                     # sub-brand
    ({"brand": "EZVIZ"}, "hikvision"),
    ({"brand": "Dahua Technology"}, "dahua"),
    ({"brand": "Imou"}, "dahua"),
    ({"model": "DS-2CD2143G2-I"}, "hikvision"),             # model numbers
    ({"model": "DS-7616NI-K2"}, "hikvision"),
    ({"model": "DH-IPC-HFW2431S"}, "dahua"),
    ({"model": "IPC-HDBW2431E-S"}, "dahua"),
    ({"brand": "杭州海康威视"}, "hikvision"),
])
def test_covered_makers_are_found_from_any_clue(row: dict[str, Any], group: str) -> None:
    result = _classify(row, "government")
    assert result.vendor_group == group
    assert result.status == "covered", result.reasoning
    assert {r["rule"] for r in result.rules} >= {"FCC_COVERED_LIST", "NDAA_889"}
    assert result.evidence and all(e["source"] for e in result.evidence)


@pytest.mark.parametrize("row", [
    {"brand": "Axis", "model": "P3245-LVE", "mac": "00:40:8C:12:34:56"},
    {"brand": "Bosch", "model": "FLEXIDOME IP 5000i"},
    {"brand": "Hanwha Vision", "model": "XNO-6080R"},
    {"brand": "Avigilon", "model": "H5A-BO"},
    {"brand": "Mobotix", "model": "M16B"},
    {"brand": "Axis Communications"},
])
def test_makers_outside_the_groups_stay_clean(row: dict[str, Any]) -> None:
    result = _classify(row, "government")
    assert (result.status, result.vendor_group, result.rules) == ("not_covered", None, [])


def test_scope_limited_rules_depend_on_use() -> None:
    row = {"brand": "Hikvision", "mac": "44:19:B6:12:34:56"}
    assert _classify(row, "public_safety").status == "covered"
    unknown = _classify(row)
    assert unknown.status == "possibly_covered"
    assert any("use unknown" in step for step in unknown.reasoning)
    commercial = _classify(row, "commercial")
    assert commercial.status == "not_covered"
    assert {r["applies"] for r in commercial.rules} == {"no: the use is outside the rule's scope"}
    # Huawei and ZTE telecom equipment is covered whatever the use
    assert _classify({"brand": "Huawei", "device_type": "router"}, "commercial").status == "covered"


def test_medium_oem_evidence_is_possibly_covered_and_weak_is_a_lead() -> None:
    amcrest = _classify({"brand": "Amcrest"}, "government")
    assert (amcrest.status, amcrest.vendor_group) == ("possibly_covered", "dahua")
    swann = _classify({"brand": "Swann"}, "government")
    assert swann.status == "not_covered" and swann.vendor_group is None
    assert any(e["covered_group"] for e in swann.evidence)  # the lead is shown, not hidden


def test_lorex_counts_as_dahua_only_while_dahua_owned_it() -> None:
    owned = _classify({"brand": "Lorex", "install_date": "2020-06-01"}, "government")
    assert owned.vendor_group == "dahua" and owned.status == "covered"
    sold = _classify({"brand": "Lorex", "install_date": "2024-03-01"}, "government")
    assert sold.status == "not_covered"
    assert sold.vendor_group is None
    assert any("link ended 2022-11-24" in e.get("note", "") for e in sold.evidence)
    undated = _classify({"brand": "Lorex"}, "government")
    assert undated.status == "possibly_covered"


def test_conflicting_clues_are_shown() -> None:
    result = _classify({"brand": "Lorex", "mac": "44:19:B6:12:34:56",
                        "install_date": "2020-01-01"}, "government")
    assert any(step.startswith("conflict: clues point to several groups") for step in
               result.reasoning)
    axis_box = _classify({"brand": "Axis", "mac": "44:19:B6:12:34:56"}, "government")
    assert axis_box.vendor_group == "hikvision"
    assert any("Axis" in step for step in axis_box.reasoning if step.startswith("conflict"))


def test_the_nmap_samples_classify_as_their_banners_say() -> None:
    classifier = Classifier(None, "government")
    got = {d.ip: classifier.classify(d) for d in read_inventory(NMAP / "synthetic_lan_scan.xml")
           if isinstance(d, Device)}
    assert {ip: (r.vendor_group, r.status) for ip, r in got.items()} == {
        "192.0.2.2": ("hikvision", "covered"), "192.0.2.3": ("hikvision", "covered"),
        "192.0.2.4": ("dahua", "covered"), "192.0.2.5": (None, "not_covered"),
        "192.0.2.6": ("zte", "covered"), "192.0.2.7": (None, "not_covered")}
    (mock,) = [classifier.classify(d) for d in read_inventory(NMAP / "nmap_loopback_mock_sV.xml")
               if isinstance(d, Device)]
    assert mock.vendor_group == "hikvision"  # App-webs header, Hikvision port-8000 greeting
    kinds = {e["signal"] for e in mock.evidence}
    assert {"nmap_product", "port"} <= kinds


def test_a_device_with_nothing_to_go_on_is_unknown() -> None:
    result = _classify({"site": "HQ"})
    assert (result.status, result.confidence) == ("unknown", 0.0)


def test_list_rules_come_from_screening_the_group_names(index: Any) -> None:
    result = Classifier(index, "commercial").classify(Device("x", brand="Hikvision"))
    listed = {r["rule"] for r in result.rules if r["applies"] == "listed"}
    assert {"BIS_ENTITY_LIST", "OFAC_NS_CMIC"} <= listed
    assert result.status == "not_covered"  # listed, but the equipment rules need another use


def test_the_cached_json_line_is_the_classification_itself() -> None:
    import json

    classifier = Classifier(None, "")
    devices = [d for d in read_inventory(NMAP / "synthetic_lan_scan.xml") if isinstance(d, Device)]
    devices += [device_from_row({"asset_id": f"L{i}", "brand": "Lorex", "install_date": day},
                                "t", 2) for i, day in enumerate(["2019-01-01", "2024-01-01",
                                                                 "2019-01-01"])]
    for d in devices:
        assert json.loads(classifier.classify_json(d)) == classifier.classify(d).to_dict()
    assert classifier.classify(devices[-3]).status != classifier.classify(devices[-2]).status


def test_web_paths_in_scan_output_point_to_the_platform_maker() -> None:
    hik = Device("h", services=[{"port": 80, "scripts": {
        "http-enum": "/doc/page/login.asp: Hikvision login page"}}])
    dahua = Device("d", services=[{"port": 80, "paths": ["/cgi-bin/magicBox.cgi?action=getDeviceType"]}])
    classifier = Classifier(None, "government")
    assert classifier.classify(hik).vendor_group == "hikvision"
    assert classifier.classify(dahua).vendor_group == "dahua"
    assert {e["signal"] for e in classifier.classify(dahua).evidence} == {"web_path"}


def test_a_separate_brand_column_is_a_clue_too() -> None:
    row = {"manufacturer": "Axis", "brand": "Hikvision", "mac": "00:40:8C:12:34:56"}
    result = _classify(row, "government")
    assert result.vendor_group == "hikvision"  # the label on the box is a clue, not noise
    assert any("Axis" in step for step in result.reasoning if step.startswith("conflict"))
    same = _classify({"manufacturer": "Axis", "brand": "AXIS"}, "government")
    assert len([e for e in same.evidence if e["signal"] == "brand"]) == 1
