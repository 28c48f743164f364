"""Header spellings of bank exports, overrides, and how values read (issue 14)."""

from __future__ import annotations

import pytest

from clearance.exc import InputError
from clearance.screening.columns import (
    fold_header,
    map_columns,
    parse_birth_date,
    parse_country,
    parse_overrides,
    schema_of,
)
from clearance.screening.io import InputRow, row_to_query


@pytest.mark.parametrize(
    ("header", "folded"),
    [("Customer_ID", "customer id"), ("customerId", "customer id"), (" CUSTOMER-ID ",
     "customer id"), ("DateOfBirth", "date of birth"), ("D.O.B.", "d o b"),
     ("MACAddress", "mac address"), ("#", "#")],
)
def test_headers_fold_case_spacing_and_camel_case(header: str, folded: str) -> None:
    assert fold_header(header) == folded


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["Customer ID", "Customer Name", "Customer Type", "Date of Birth", "Nationality"],
         {"id": "Customer ID", "name": "Customer Name", "schema": "Customer Type",
          "birth_date": "Date of Birth"}),
        (["REF", "FULL NAME", "ENTITY TYPE", "DOB", "COUNTRY"],
         {"id": "REF", "name": "FULL NAME", "schema": "ENTITY TYPE", "birth_date": "DOB"}),
        (["external_identifier", "name", "entity_type", "date_of_birth", "country"],
         {"id": "external_identifier", "name": "name", "schema": "entity_type",
          "birth_date": "date_of_birth"}),
        (["Client No.", "Company", "Type"], {"id": "Client No.", "name": "Company",
                                             "schema": "Type"}),
        # a fleet roster (GISIS, Equasis): the ship's name, its IMO number an identifier
        (["Vessel Name", "IMO Number", "Flag"], {"name": "Vessel Name"}),
        (["Name of ship", "IMO number"], {"name": "Name of ship"}),
    ],
)
def test_the_spellings_bank_exports_use_are_recognised(headers: list[str],
                                                       expected: dict[str, str]) -> None:
    cols = map_columns(headers)
    assert cols.single == expected
    assert cols.carried == tuple(h for h in headers if h not in expected.values()
                                 and h not in sum(cols.multi.values(), ()))


def test_several_country_columns_are_all_read_and_unknown_columns_carried() -> None:
    cols = map_columns(["id", "name", "Nationality", "Country of Residence", "Segment"])
    assert cols.multi["country"] == ("Nationality", "Country of Residence")
    assert cols.carried == ("Segment",)
    row = InputRow(2, {"id": "1", "name": "Ivan Petrov", "Nationality": "Russian Federation",
                       "Country of Residence": "DE", "Segment": "retail"})
    assert row_to_query(row, "f.csv", cols)[1].countries == ["ru", "de"]
    assert cols.extra(row.data) == {"Segment": "retail"}


def test_a_company_books_registered_country_is_read_as_its_country() -> None:
    # a corporate book's country column, as lenders' exports word it (on main: carried)
    for header in ("Registered Country", "Incorporated Country", "Domicile Country"):
        cols = map_columns(["Account No", "Counterparty Legal Name", header])
        assert cols.multi["country"] == (header,), header


def test_first_and_last_name_columns_make_the_name() -> None:
    cols = map_columns(["Interface Ref", "First name", "Middle name", "Last name"])
    row = InputRow(2, {"Interface Ref": "7", "First name": "Andrei", "Middle name":
                       "Vladimirovich", "Last name": "Khokhlov"})
    assert cols.has_name()
    assert row_to_query(row, "f.csv", cols)[1].name == "Andrei Vladimirovich Khokhlov"


def test_overrides_win_and_must_name_a_column_of_the_file() -> None:
    cols = map_columns(["Name", "Legal Name", "Ref"], parse_overrides(name_column="legal name"))
    assert cols.single["name"] == "Legal Name" and "Name" in cols.carried
    with pytest.raises(InputError) as err:
        map_columns(["Name", "Ref"], parse_overrides(column=["birth_date=Born On"]))
    assert "no column 'Born On' for birth_date (the file has 'Name', 'Ref')" in str(err.value)
    with pytest.raises(InputError, match="use FIELD=COLUMN"):
        parse_overrides(column=["birth_date"])


def test_a_header_with_a_role_word_before_a_spelling_reads_as_that_spelling() -> None:
    cols = map_columns(["Account No", "Client Full Name", "Client Date of Birth",
                        "Beneficiary Nationality", "Country of Residence", "Client Type",
                        "Client Since"])
    assert cols.single == {"id": "Account No", "name": "Client Full Name",
                           "schema": "Client Type", "birth_date": "Client Date of Birth"}
    assert cols.multi["country"] == ("Country of Residence", "Beneficiary Nationality")
    assert cols.carried == ("Client Since",)  # a role word before no spelling: carried


def test_a_header_spelled_as_written_wins_over_one_read_without_its_role_word() -> None:
    cols = map_columns(["Counterparty Legal Name", "Name", "Account Holder DOB"])
    assert cols.single["name"] == "Name" and "Counterparty Legal Name" in cols.carried
    assert cols.single["birth_date"] == "Account Holder DOB"  # the longer role word
    devices = map_columns(["Customer Site", "Model"], table="devices")
    assert devices.carried == ("Customer Site",)  # device inventories have no parties


def test_two_headers_for_one_field_use_the_first_spelling_and_say_so() -> None:
    cols = map_columns(["Company", "Customer Name", "ID"])
    assert cols.single["name"] == "Customer Name"
    note = "name read from 'Customer Name'; also found 'Company' (choose with --column name=...)"
    assert cols.notes == (note,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1950-03-21", "1950-03-21"), ("1950-03-21 00:00:00", "1950-03-21"),
     ("19500321", "1950-03-21"), ("1950/03/21", "1950-03-21"), ("21.03.1950", "1950-03-21"),
     ("21/03/1950", "1950-03-21"), ("03/21/1950", "1950-03-21"), ("02.06.1980", "1980"),
     ("1950", "1950"), ("1950-03", "1950-03")],
)
def test_birth_dates_read_in_common_formats_and_never_guess_a_month(text: str,
                                                                    expected: str) -> None:
    assert parse_birth_date(text) == expected


@pytest.mark.parametrize("text", ["yesterday", "31.02.1950", "1950-13-01", "13/13/1950"])
def test_what_is_not_a_date_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is not a date"):
        parse_birth_date(text)


def test_countries_and_types_read_as_banks_write_them() -> None:
    assert [parse_country(c) for c in ("Germany", "DEU", "gb", "United States")] == [
        "de", "de", "gb", "us"]
    with pytest.raises(ValueError, match="'Atlantis' is not a country"):
        parse_country("Atlantis")
    assert [schema_of(t) for t in ("Individual", "CORPORATE", "Legal Entity", "", "vessel",
                                   "Spaceship")] == ["Person", "Company", "LegalEntity",
                                                     "LegalEntity", "Vessel", None]


def test_a_bad_value_names_row_line_and_column() -> None:
    cols = map_columns(["Customer ID", "Customer Name", "Date of Birth"])
    row = InputRow(7, {"Customer ID": "c9", "Customer Name": "X", "Date of Birth": "soon"})
    with pytest.raises(InputError) as err:
        row_to_query(row, "bank.csv", cols)
    assert str(err.value) == ("bank.csv, line 7: row 'c9': 'soon' is not a date (YYYY-MM-DD, "
                              "DD.MM.YYYY, DD/MM/YYYY ...) (field 'Date of Birth')")


@pytest.mark.parametrize(
    ("headers", "row", "name", "birth", "countries"),
    [
        (["Kundennummer", "Name", "Vorname", "Geburtsdatum", "Staatsangehörigkeit"],
         ["k1", "Petrov", "Ivan", "21.03.1950", "Deutschland"], "Ivan Petrov", "1950-03-21",
         ["de"]),
        (["Numero de client", "Nom", "Prenom", "Date de naissance", "Pays"],
         ["f1", "Dupont", "Jeanne", "1961", "Allemagne"], "Jeanne Dupont", "1961", ["de"]),
        (["Codice cliente", "Nome", "Cognome", "Data di nascita", "Nazionalità"],
         ["i1", "Mario", "Rossi", "1970-01-02", "Italia"], "Mario Rossi", "1970-01-02",
         ["it"]),
        (["Número de cliente", "Razón social", "País"], ["e1", "Talleres Ruiz SL", "España"],
         "Talleres Ruiz SL", None, ["es"]),
    ],
)
def test_european_bank_exports_read_in_their_own_language(
        headers: list[str], row: list[str], name: str, birth: str | None,
        countries: list[str]) -> None:
    cols = map_columns(headers)
    assert cols.carried == ()
    row_id, query = row_to_query(InputRow(2, dict(zip(headers, row, strict=True))), "f.csv",
                                 cols)
    assert (row_id, query.name, query.birth_date, query.countries) == (row[0], name, birth,
                                                                       countries)


def test_a_german_export_s_type_column_art_gives_the_schema() -> None:
    headers = ["Kunden-Nr.", "Vollständiger Name", "Art"]
    cols = map_columns(headers)
    assert cols.carried == () and cols.single["schema"] == "Art"
    row = ["k2", "Zhejiang Dahua Technology Co., Ltd.", "juristische Person"]
    _, query = row_to_query(InputRow(2, dict(zip(headers, row, strict=True))), "f.csv", cols)
    assert query.schema == "LegalEntity"
    # "Firma", the everyday word, skipped the row as an unknown type (session 21)
    assert schema_of("Firma") == "Company"


def test_a_bare_name_column_is_the_whole_name_unless_a_name_part_stands_beside_it() -> None:
    assert map_columns(["id", "Nom"]).single["name"] == "Nom"
    beside_first = map_columns(["id", "Name", "Vorname"])
    assert "name" not in beside_first.single and beside_first.single["last_name"] == "Name"
    note = "'Name' read as the last name (beside 'Vorname'; choose with --name-column)"
    assert beside_first.notes == (note,)
    both = map_columns(["id", "Naam", "Voornaam", "Achternaam"])
    assert both.single["name"] == "Naam"
    chosen = map_columns(["id", "Name", "Vorname"], parse_overrides(name_column="Name"))
    assert chosen.single["name"] == "Name"
    # a named full-name column is never re-read as a part
    assert map_columns(["id", "Customer Name", "First Name"]).single["name"] == "Customer Name"


def test_types_read_in_the_words_of_european_law_and_accents_are_optional() -> None:
    assert [schema_of(t) for t in ("natürliche Person", "Juristische Person",
                                   "personne morale", "Persona Fisica", "persona física",
                                   "rechtspersoon", "Pessoa Coletiva", "Societe")] == [
        "Person", "LegalEntity", "LegalEntity", "Person", "Person", "LegalEntity",
        "LegalEntity", "Company"]
    assert fold_header("Prénom") == fold_header("PRENOM") == "prenom"


def test_an_unreadable_country_or_date_fails_the_row_unless_the_caller_collects_it() -> None:
    cols = map_columns(["id", "name", "country", "dob"])
    row = InputRow(4, {"id": "r1", "name": "Ivan Petrov", "country": "Atlantis; DE",
                       "dob": "soon"})
    with pytest.raises(InputError, match="'soon' is not a date"):
        row_to_query(row, "f.csv", cols)
    ignored: list[InputError] = []
    row_id, query = row_to_query(row, "f.csv", cols, ignored=ignored)
    assert (row_id, query.name, query.countries, query.birth_date) == ("r1", "Ivan Petrov",
                                                                       ["de"], None)
    assert [str(e) for e in ignored] == [
        ("f.csv, line 4: row 'r1': 'soon' is not a date (YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY "
        "...) (field 'dob')"),
        ("f.csv, line 4: row 'r1': 'Atlantis' is not a country name or ISO code (field "
        "'country')")]


def test_an_unknown_type_fails_the_row_unless_the_caller_collects_it_then_any_type() -> None:
    # issue 11: a row typed in a word not in the table ("Firma" before session 21) was
    # skipped, its name never screened; screened as a party of unknown type it can only
    # draw more alerts
    cols = map_columns(["id", "name", "type"])
    row = InputRow(3, {"id": "r2", "name": "Hezbollah", "type": "Verein"})
    with pytest.raises(InputError, match="unknown type 'Verein'"):
        row_to_query(row, "f.csv", cols)
    ignored: list[InputError] = []
    assert row_to_query(row, "f.csv", cols, ignored=ignored)[1].schema == "LegalEntity"
    assert [str(e) for e in ignored] == [
        ("f.csv, line 3: row 'r2': unknown type 'Verein' (field 'type'; use person, "
         "individual, company, corporate, organization, vessel ...)")]


@pytest.mark.parametrize("header", ["Vessel Name", "Ship name", "Name of ship", "SHIP_NAME"])
def test_a_fleet_rosters_rows_are_vessels(header: str) -> None:
    # a ship's name column names its rows' type: screened as vessels, not as parties of
    # unknown type (marks and hull codes compared as a craft's, `score.CRAFT`)
    cols = map_columns(["Ref", header, "IMO Number"])
    row = InputRow(2, {"Ref": "1", header: "KORVELLA STAR", "IMO Number": "9351725"})
    assert row_to_query(row, "fleet.csv", cols)[1].schema == "Vessel"


@pytest.mark.parametrize(("cell", "schema"), [("Company", "Company"), ("Airplane", "Airplane"),
                                              ("", "Vessel"), (None, "Vessel")])
def test_a_fleet_rosters_type_column_says_otherwise_where_it_gives_a_type(
        cell: str | None, schema: str) -> None:
    cols = map_columns(["Ref", "Vessel Name", "Type"])
    row = InputRow(2, {"Ref": "1", "Vessel Name": "KORVELLA STAR", "Type": cell})
    assert row_to_query(row, "fleet.csv", cols)[1].schema == schema


def test_a_name_column_of_no_crafts_header_leaves_the_type_unknown() -> None:
    cols = map_columns(["Ref", "Customer Name"])
    row = InputRow(2, {"Ref": "1", "Customer Name": "KORVELLA STAR"})
    assert row_to_query(row, "book.csv", cols)[1].schema == "LegalEntity"
