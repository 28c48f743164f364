"""OFAC remarks: each structured fact lands in the right property (examples from sdn.csv)."""

import pytest

from clearance.sources.remarks import (
    parse_ofac_date,
    parse_remarks,
    sanction_date_property,
    split_facts,
)


@pytest.mark.parametrize(
    ("text", "prop", "value"),
    [
        ("DOB 12 Mar 1961", "birthDate", "1961-03-12"),
        ("DOB Mar 1961", "birthDate", "1961-03"),
        ("DOB circa 1951", "birthDate", "1951"),
        ("POB Baghdad, Iraq", "birthPlace", "Baghdad, Iraq"),
        ("nationality Iran", "nationality", "Iran"),
        ("citizen Egypt", "citizenship", "Egypt"),
        ("Gender Male", "gender", "male"),
        ("Passport 1084010 (Egypt)", "passportNumber", "1084010"),
        ("National ID No. 216040 (Yemen)", "idNumber", "216040"),
        ("Vessel Registration Identification IMO 7406784", "imoNumber", "7406784"),
        ("MMSI 572469210", "mmsi", "572469210"),
        ("Unified Social Credit Code (USCC) 91330000733796106P (China)", "uscCode",
         "91330000733796106P"),
        ("ISIN CNE100000PM8", "isinCode", "CNE100000PM8"),
        ("Tax ID No. 7744001497 (Russia)", "taxNumber", "7744001497"),
        ("Legal Entity Number 253400V1H6ART1UQ0N98 (Russia)", "leiCode", "253400V1H6ART1UQ0N98"),
        ("Identification Number AO 2879097 (Italy) expires 30 Oct 2012", "idNumber", "AO 2879097"),
        ("SWIFT/BIC HAVIGB2L", "swiftBic", "HAVIGB2L"),
    ],
)
def test_fact_becomes_property(text: str, prop: str, value: str) -> None:
    facts = parse_remarks(text + ";").facts
    assert (prop, value) in [(f.prop, f.value) for f in facts]


def test_birth_year_range_expands_to_each_year() -> None:
    assert parse_remarks("DOB 1960 to 1962").values("birthDate") == ["1960", "1961", "1962"]


def test_aliases_keep_semicolons_inside_quotes() -> None:
    r = parse_remarks("a.k.a. 'ALPHA; BETA'; f.k.a. 'OLD NAME'; Linked To: HIZBALLAH.")
    assert r.aliases == ["ALPHA; BETA"]
    assert r.previous_names == ["OLD NAME"]
    assert r.linked_to == ["HIZBALLAH"]


def test_listing_dates_go_to_the_sanction() -> None:
    r = parse_remarks("Listing Date (CMIC) 03 Jun 2021; Effective Date (CMIC) 02 Aug 2021")
    assert [(f.prop, f.value) for f in r.sanction_facts] == [
        ("listingDate", "2021-06-03"), ("startDate", "2021-08-02")]


def test_raw_text_is_kept() -> None:
    assert parse_remarks("Some unparsed fact; DOB 1961").raw == "Some unparsed fact; DOB 1961"


@pytest.mark.parametrize("text", ["", "sometime", "32 Foo 1961"])
def test_unparseable_dates_are_none(text: str) -> None:
    assert parse_ofac_date(text) is None


def test_split_facts_respects_apostrophes_in_names() -> None:
    assert split_facts("a.k.a. 'O'BRIEN TRADING'; DOB 1961") == ["a.k.a. 'O'BRIEN TRADING'",
                                                                "DOB 1961"]


def test_a_name_ending_in_an_apostrophe_closes_its_quote() -> None:
    # a.k.a. 'ABU AL-WAFA'' is the name ABU AL-WAFA' in quotes; the next alias and a
    # "Linked To" after it are facts of their own, not part of the name
    assert split_facts("a.k.a. 'HAJJI AL-WAFA''; a.k.a. 'HAJJI YUSUF'.") == [
        "a.k.a. 'HAJJI AL-WAFA''", "a.k.a. 'HAJJI YUSUF'"]
    assert split_facts("a.k.a. ''TOPAZ''; Linked To: ACME HOLDING") == [
        "a.k.a. ''TOPAZ''", "Linked To: ACME HOLDING"]
    r = parse_remarks("a.k.a. 'HAJJI AL-WAFA''; a.k.a. 'HAJJI YUSUF'.")
    assert sorted(r.aliases) == ["HAJJI AL-WAFA", "HAJJI YUSUF"]


def test_cmic_divestment_date_goes_to_the_sanction_date() -> None:
    # cons_prim.csv, HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD. (30946)
    r = parse_remarks("Effective Date (CMIC) 02 Aug 2021; Purchase/Sales For Divestment Date "
                      "(CMIC) 03 Jun 2022; Listing Date (CMIC) 03 Jun 2021")
    assert sorted((f.prop, f.value) for f in r.sanction_facts) == [
        ("date", "2022-06-03"), ("listingDate", "2021-06-03"), ("startDate", "2021-08-02")]


def test_listing_date_with_trailing_period_is_read() -> None:
    # eight CMIC entries of cons_prim.csv end their remarks with "Listing Date (CMIC) 16 Dec 2021."
    r = parse_remarks("Listing Date (CMIC) 16 Dec 2021.")
    assert [(f.prop, f.value) for f in r.sanction_facts] == [("listingDate", "2021-12-16")]


def test_directive_dates_with_colon_keep_their_meaning() -> None:
    r = parse_remarks("Effective Date (EO 14024 Directive 2): 26 Mar 2022")
    assert [(f.prop, f.value) for f in r.sanction_facts] == [("startDate", "2022-03-26")]


def test_issuer_names_are_names_of_the_listed_company() -> None:
    r = parse_remarks("Issuer Name China Telecom Corporation Limited; alt. Issuer Name China "
                      "Telecom Corp Ltd; ISIN US1694261033")
    assert r.aliases == ["China Telecom Corporation Limited", "China Telecom Corp Ltd"]


@pytest.mark.parametrize(("label", "prop"), [
    ("Listing Date (CMIC)", "listingDate"), ("Effective Date (CMIC)", "startDate"),
    ("Purchase/Sales For Divestment Date (CMIC)", "date"), ("Listing Date", "listingDate"),
    ("Listing Dates of old", None), ("Effective", None), ("ISIN", None),
])
def test_sanction_date_property_by_label(label: str, prop: str | None) -> None:
    assert sanction_date_property(label) == prop
