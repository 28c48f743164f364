"""Security descriptions: instrument markers and the issuer name left over."""

import pytest

from clearance.portfolio.instruments import added_vehicle_words, read_description


@pytest.mark.parametrize(("text", "kinds", "name"), [
    ("CHINA MOBILE LTD SPON ADR EACH REPR 5 ORD", ("depositary_receipt",), "CHINA MOBILE LTD"),
    ("ALIBABA GROUP HOLDING-SP ADR", ("depositary_receipt",), "ALIBABA GROUP HOLDING"),
    ("CNOOC FIN 2015 US 4.375% 05/02/28", ("debt",), "CNOOC FIN US"),
    ("SMIC 2.693% 27/02/2031 REGS", ("debt",), "SMIC"),
    ("CHINA TELECOM CORP LTD-H", ("share_class",), "CHINA TELECOM CORP LTD"),
    ("CHINA CONSTRUCTION BANK H SHS", ("share_class",), "CHINA CONSTRUCTION BANK"),
    ("CALL OPTION ON CHINA MOBILE 12/2026", ("derivative",), "CHINA MOBILE"),
    ("China Mobile P-Note", ("derivative",), "China Mobile"),
    ("ISHARES MSCI CHINA ETF", ("fund",), "ISHARES MSCI CHINA"),
    ("APPLE INC COM", (), "APPLE INC"),
])
def test_description_markers_and_name(text: str, kinds: tuple[str, ...], name: str) -> None:
    d = read_description(text)
    assert d.kinds == kinds
    assert d.name == name


def test_share_class_letter_is_reported() -> None:
    assert read_description("HANGZHOU HIKVISION DIGITAL TECH-A").share_class == "A"
    assert read_description("CHINA TELECOM CORP LTD-H").describe() == (
        "share class of a Chinese issuer, H share (H share)")


@pytest.mark.parametrize(("cfi", "kind"), [("EDSXFR", "depositary_receipt"),
                                           ("DBFTFB", "debt"), ("RWSNCA", "derivative"),
                                           ("CIOGEU", "fund")])
def test_cfi_code_decides_the_kind(cfi: str, kind: str) -> None:
    assert read_description("X", cfi=cfi).kinds == (kind,)


def test_security_type_column_adds_markers_not_name_words() -> None:
    d = read_description("CHINA MOBILE LTD", security_type="ADR")
    assert d.kinds == ("depositary_receipt",) and d.name == "CHINA MOBILE LTD"


@pytest.mark.parametrize(("issuer", "listed", "added"), [
    ("China Mobile Finance (2017) Ltd", "CHINA MOBILE LIMITED", ["Finance"]),
    ("CNOOC Finance (2015) USA LLC", "CNOOC LIMITED", ["Finance", "USA"]),
    ("Huawei Investment & Holding Co", "HUAWEI INVESTMENT & HOLDING CO., LTD.", []),
    ("Semiconductor Manufacturing Intl", "SEMICONDUCTOR MANUFACTURING INTERNATIONAL", []),
])
def test_words_that_name_another_group_entity(issuer: str, listed: str,
                                              added: list[str]) -> None:
    assert added_vehicle_words(issuer, listed) == added
