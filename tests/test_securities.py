"""Security identifiers are validated and explained, never repaired."""

import pytest

from clearance.securities import check_cusip, check_figi, check_isin, cusip_issuer, isin_cusip


@pytest.mark.parametrize(("given", "value"), [
    ("CNE100000PM8", "CNE100000PM8"),      # Hikvision A share, on the NS-CMIC list
    ("cne100000pm8", "CNE100000PM8"),
    (" US16941M1099 ", "US16941M1099"),    # China Mobile ADR
    ("US-0378331005", "US0378331005"),
])
def test_valid_isins_come_back_compact(given: str, value: str) -> None:
    assert check_isin(given).value == value


@pytest.mark.parametrize(("given", "problem"), [
    ("BRC1EODR004", "11 characters where an ISIN has 12"),  # as OFAC publishes it
    ("CND10002K094", "check digit '4' does not fit"),       # as OFAC publishes it
    ("CNE100000PM9", "check digit '9' does not fit"),
    ("XX1234567890", "country code 'XX'"),
    ("CNE1000Ö0PM8", "characters other than A-Z and 0-9"),
])
def test_malformed_isins_say_what_is_wrong(given: str, problem: str) -> None:
    checked = check_isin(given)
    assert checked.value is None and not checked.valid
    assert checked.problem is not None and problem in checked.problem


def test_cusip_and_figi_checks() -> None:
    assert check_cusip("16941M109").value == "16941M109"
    assert check_cusip("16941M108").problem is not None
    assert check_figi("BBG000B9XRY4").valid
    assert not check_figi("BBG000B9XRY5").valid


@pytest.mark.parametrize(("isin", "cusip"), [
    ("US0378331005", "037833100"), ("KYG8020E1199", "G8020E119"), ("CNE100000PM8", None)])
def test_cusip_inside_an_isin(isin: str, cusip: str | None) -> None:
    assert isin_cusip(isin) == cusip


@pytest.mark.parametrize(("isin", "issuer"), [
    ("US16941M1099", "16941M"),   # CUSIP inside a US ISIN
    ("KYG8020E1199", "G8020E"),   # CINS inside a Cayman ISIN (SMIC, on the list)
    ("CNE100000PM8", None),       # Chinese national numbers are not issuer-coded
    ("HK0941009539", None),
    ("16941M109", "16941M"),      # a CUSIP itself
    ("16941M108", None),          # with a wrong check digit
])
def test_cusip_issuer_number(isin: str, issuer: str | None) -> None:
    assert cusip_issuer(isin) == issuer
