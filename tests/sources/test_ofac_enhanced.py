"""OFAC Enhanced XML: same ids as the CSV, richer names; odd zips refused."""

import zipfile
from pathlib import Path

import pytest

from clearance.exc import FormatError, UnsafeInputError
from clearance.sources import ofac_enhanced
from clearance.sources.ofac import CONS


def test_enhanced_consolidated_list_has_443_entities(lists_dir: Path) -> None:
    parsed = ofac_enhanced.load(CONS, lists_dir / "ofac_consolidated_enhanced" / "CONS_ENHANCED.ZIP")
    assert len(parsed.entities) == 443
    assert str(parsed.published) == "2025-01-10"
    hik = next(e for e in parsed.entities if e.source_id == "30946")
    assert hik.id == "us_ofac_cons-30946"  # same id as the CSV publication
    assert hik.proxy.get("isinCode") == ["CNE100000PM8"]
    assert hik.proxy.get("uscCode") == ["91330000733796106P"]
    lists = {s.first("authorityId") for s in hik.sanctions}
    assert lists == {"Consolidated List", "Non-SDN CMIC List"}


def test_zip_with_unexpected_members_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "CONS_ENHANCED.ZIP"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("CONS_ENHANCED.XML", "<x/>")
        zf.writestr("../../evil.sh", "rm -rf /")
    with pytest.raises(UnsafeInputError, match="expected exactly one"):
        ofac_enhanced.load(CONS, path)


def test_truncated_zip_is_refused(tmp_path: Path, lists_dir: Path) -> None:
    data = (lists_dir / "ofac_consolidated_enhanced" / "CONS_ENHANCED.ZIP").read_bytes()
    path = tmp_path / "CONS_ENHANCED.ZIP"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(FormatError, match="not a valid zip"):
        ofac_enhanced.load(CONS, path)


def test_cmic_dates_sit_on_the_cmic_list_sanction_only(lists_dir: Path) -> None:
    parsed = ofac_enhanced.load(CONS, lists_dir / "ofac_consolidated_enhanced" / "CONS_ENHANCED.ZIP")
    hik = next(e for e in parsed.entities if e.source_id == "30946")
    by_list = {s.first("authorityId"): s for s in hik.sanctions}
    cmic = by_list["Non-SDN CMIC List"]
    assert (cmic.get("listingDate"), cmic.get("startDate"), cmic.get("date")) == (
        ["2021-06-03"], ["2021-08-02"], ["2022-06-03"])
    assert by_list["Consolidated List"].get("startDate") == []
    assert by_list["Consolidated List"].get("listingDate") == ["2020-11-12"]
    assert "Hangzhou Hikvision Digital Technology" in hik.proxy.get("alias")  # Issuer Name
    assert len([w for w in parsed.warnings if "ISIN" in w]) == 3
