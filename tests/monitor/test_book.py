"""Book imports read files like `screen` does: bank headers, bad rows by line (issues 14, 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.exc import InputError
from clearance.monitor.book import get_entries, import_book


def test_a_bank_export_imports_with_its_own_headers_and_keeps_other_columns(
        home: Path, tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text("Customer Number;Customer Name;Customer Type;Nationality;Relationship "
                    "Manager\nK-1;Nordwind Bakery GmbH;Corporate;Germany;A. Weber\n"
                    "K-2;Jane Roe;Individual;GB;B. Smith\n", encoding="utf-8")
    result = import_book(path)
    assert (result.added, result.skipped) == (2, [])
    entries = get_entries(["K-1", "K-2"])
    k1 = entries["K-1"]
    assert (k1.name, k1.schema, k1.countries) == ("Nordwind Bakery GmbH", "Company", ["de"])
    assert k1.attributes == {"Relationship Manager": "A. Weber"}
    assert entries["K-2"].schema == "Person"


def test_a_row_with_more_fields_than_the_header_is_reported_by_line(home: Path,
                                                                    tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    path.write_text("id,name\nb1,Acme Trading\nb2,Globex,Corp,extra\nb3,Initech\n")
    result = import_book(path)
    assert result.added == 2
    (problem,) = result.skipped
    assert problem.startswith(f"{path}, line 3: 4 fields, but the header has 2")


def test_a_file_without_an_id_column_is_refused_naming_the_accepted_ones(
        home: Path, tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    path.write_text("Kundenname\nAcme\n")
    with pytest.raises(InputError) as err:
        import_book(path)
    assert "no id column: the file has 'Kundenname'; the id column is one of id, customer id" \
        in str(err.value)
    result = import_book(path, overrides={"id": ["Kundenname"], "name": ["Kundenname"]})
    assert result.added == 1


def test_an_unreadable_book_file_changes_nothing(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    path.write_bytes(b"not a spreadsheet")
    with pytest.raises(InputError, match="not an XLSX file"):
        import_book(path)
    assert get_entries(["anything"]) == {}
