"""Messy inventories and nmap scans become devices; bad rows are named and kept out."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.exc import InputError
from clearance.exposure.inventory import Device, import_devices, iter_devices, normalise_mac, read_inventory
from tests.conftest import SHARED

NMAP = SHARED / "data" / "equipment" / "nmap_samples"


@pytest.mark.parametrize("text", ["44-19-B6-01-02-03", "44:19:b6:01:02:03", "4419.b601.0203",
                                  "4419B6010203", "44 19 B6 01 02 03", " 44:19:B6:01:02:03 "])
def test_mac_spellings_normalise_to_twelve_hex_digits(text: str) -> None:
    assert normalise_mac(text) == "4419B6010203"


@pytest.mark.parametrize("text", ["44-19-B6", "4419B601020", "44:19:B6:01:02:0G", "not a mac",
                                  "44:19:B6:01:02:03:04"])
def test_things_that_are_not_macs_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        normalise_mac(text)


def test_a_messy_csv_imports_its_good_rows_and_names_the_bad_ones(home: Path,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "inv.csv"
    path.write_text(
        "Asset ID,Site,City,Country,Type,Brand,Model,MAC Address,Install Date,Room\n"
        "A1,HQ,Springfield,US,IP camera,HIK VISION,DS-2CD2143G2-I,4419.b601.0203,2019-05-01,B12\n"
        "A2,HQ,Springfield,US,Camera,,,,,\n"
        ",HQ,Springfield,US,Camera,Axis,P3245,00:40:8C:00:00:01,,\n"
        "A4,HQ,Springfield,US,Camera,Axis,P3245,00:40:8C:00:00,,\n"
        "A5,HQ,Springfield,US,Camera,Dahua,IPC-HFW2431S,14-a7-8b-00-00-05,last year,\n",
        encoding="utf-8")
    items = list(read_inventory(path))
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert len(errors) == 3
    assert "line 4" in errors[0] and "asset_id" in errors[0]
    assert "line 5" in errors[1] and "'mac'" in errors[1]
    assert "line 6" in errors[2] and "install_date" in errors[2]
    report = import_devices(path)
    assert report.imported == 2 and len(report.skipped) == 3
    stored = {d.asset_id: d for d in iter_devices()}
    a1 = stored["A1"]
    assert (a1.brand, a1.mac, a1.install_date, a1.device_type) == (
        "HIK VISION", "4419B6010203", "2019-05-01", "IP camera")
    assert a1.attributes == {"Room": "B12"}  # carried through as the file spells it
    assert stored["A2"] == Device(asset_id="A2", site="HQ", city="Springfield", country="US",
                                  device_type="Camera")


def test_an_asset_id_given_twice_keeps_the_first_row_and_names_the_repeat(
        home: Path, tmp_path: Path) -> None:
    path = tmp_path / "inv.csv"
    path.write_text("asset_id,brand,site\nA1,Hikvision,HQ\nA2,Axis,HQ\nA1,Axis,Depot\n",
                    encoding="utf-8")
    report = import_devices(path)
    assert report.imported == 2
    (skipped,) = report.skipped
    assert "line 4" in skipped and "'A1' was given on line 2 already" in skipped
    stored = {d.asset_id: d for d in iter_devices()}
    assert (stored["A1"].brand, stored["A1"].site) == ("Hikvision", "HQ")


def test_nmap_xml_gives_one_device_per_host_up_with_its_services() -> None:
    devices = [d for d in read_inventory(NMAP / "synthetic_lan_scan.xml")
               if isinstance(d, Device)]
    assert len(devices) == 6
    first = devices[0]
    assert (first.mac, first.ip, first.mac_vendor) == (
        "4419B6000002", "192.0.2.2", "Hangzhou Hikvision Digital Technology")
    assert {s["port"] for s in first.services} == {80, 554, 8000}
    assert any(s.get("product") == "Hikvision IP camera httpd" for s in first.services)

    (mock,) = [d for d in read_inventory(NMAP / "nmap_loopback_mock_sV.xml")
               if isinstance(d, Device)]
    assert mock.mac is None and mock.asset_id == "127.0.0.1"
    assert any(s.get("http_server") == "App-webs/" for s in mock.services)


def test_a_file_that_is_not_an_nmap_report_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "scan.xml"
    bad.write_text("<html><body/></html>", encoding="utf-8")
    with pytest.raises(InputError, match="not an nmap XML report"):
        list(read_inventory(bad))


def test_xlsx_inventories_read_like_csv(home: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["asset_id", "manufacturer", "mac", "install_date"])
    ws.append(["X1", "Dahua", "14:A7:8B:00:00:01", None])
    ws.append(["X2", "Axis", "bad-mac", None])
    path = tmp_path / "inv.xlsx"
    wb.save(path)
    items = list(read_inventory(path))
    assert isinstance(items[0], Device) and items[0].mac == "14A78B000001"
    assert isinstance(items[1], InputError) and "line 3" in str(items[1])


def test_an_unreadable_inventory_is_refused_in_one_line_and_a_bad_byte_only_skips_its_row(
        home: Path, tmp_path: Path) -> None:
    junk = tmp_path / "fleet.csv"
    junk.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(InputError) as err:
        import_devices(junk)
    assert str(err.value) == f"{junk}: binary content (NUL bytes), not a text file"
    mixed = tmp_path / "fleet2.csv"
    mixed.write_bytes(b"asset_id,brand\nA1,Hikvision\nA2,Caf\xe9\nA3,Axis\n")
    report = import_devices(mixed)
    assert report.imported == 2 and "line 3: byte 0xe9" in report.skipped[0]
    assert import_devices(mixed, encoding="latin-1").imported == 3
