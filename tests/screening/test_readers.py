"""Opening user files: encodings, unreadable files in one line, bad rows by line (issue 15)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from clearance.exc import InputError
from clearance.screening.readers import open_table, read_rows

HEADER = "id,name,schema\n"
ROWS = ["c1,Hikvision,Company\n", "c2,Сергей Лавров,Person\n", "c3,Emma Daniels,Person\n"]


def _good(rows: list) -> list[tuple[int, str]]:
    return [(r.line, r.data["id"]) for r in rows if r.error is None]


def _bad(rows: list) -> list[tuple[int, str]]:
    return [(r.line, r.error) for r in rows if r.error is not None]


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_a_byte_order_mark_decides_the_encoding(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "in.csv"
    text = HEADER + "".join(ROWS)
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    rows = list(read_rows(path))
    assert _good(rows) == [(2, "c1"), (3, "c2"), (4, "c3")]
    assert rows[1].data["name"] == "Сергей Лавров"
    assert list(rows[0].data) == ["id", "name", "schema"]  # no BOM left on the first column


def test_utf16_without_a_mark_is_refused_naming_the_option(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes((HEADER + "".join(ROWS)).encode("utf-16-le"))
    with pytest.raises(InputError) as err:
        open_table(path)
    assert str(err.value) == (f"{path}: looks like UTF-16 without a byte-order mark; give "
                              "--encoding utf-16-le")
    assert _good(list(read_rows(path, encoding="utf-16-le"))) == [(2, "c1"), (3, "c2"),
                                                                  (4, "c3")]


def test_one_latin1_row_is_skipped_by_line_and_the_rows_around_it_are_read(tmp_path: Path
                                                                           ) -> None:
    path = tmp_path / "in.csv"
    body = [f"r{i},Name {i},Person\n".encode() for i in range(1, 501)]
    body[200] = "r201,Caf\xe9 Ren\xe9,Person\n".encode("latin-1")
    path.write_bytes(HEADER.encode() + b"".join(body))
    rows = list(read_rows(path))
    assert len(_good(rows)) == 499 and _good(rows)[-1] == (501, "r500")
    ((line, problem),) = _bad(rows)
    assert line == 202 and "byte 0xe9 is not valid UTF-8" in problem and "--encoding" in problem
    latin = [r for r in read_rows(path, encoding="latin-1") if r.error is None]
    assert len(latin) == 500 and latin[200].data["name"] == "Café René"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("bin.csv", bytes(range(256)) * 20, "binary content (NUL bytes), not a text file"),
        ("empty.csv", b"", "file is empty"),
        ("blank.jsonl", b"\n \n", "file is empty"),
        ("sheet.csv", b"PK\x03\x04" + b"\x00" * 40, "this is a zip archive"),
        ("empty.xlsx", b"", "file is empty"),
        ("text.xlsx", b"id,name\n1,x\n", "not an XLSX file: it is not a zip archive"),
        ("junk.parquet", b"\x8f" * 500, "not a Parquet file"),
        ("fake.parquet", b"PAR1" + b"\x00" * 64 + b"PAR1", "unreadable Parquet"),
        ("in.xls", b"\xd0\xcf\x11\xe0", "unsupported file type '.xls'"),
    ],
)
def test_unreadable_files_are_refused_in_one_line_naming_file_and_reason(
        tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        list(read_rows(path))
    message = str(err.value)
    assert message.startswith(f"{path}: ") and reason in message and "\n" not in message


def test_an_xlsx_without_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "in.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "not a workbook")
    with pytest.raises(InputError, match="the zip holds no workbook"):
        open_table(path)


def test_an_xlsx_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as fh:
            for _ in range(64):
                fh.write(b"\x00" * (1 << 20))  # 64 MB of zeros, ~64 KB packed
    assert path.stat().st_size < 200_000
    tracemalloc.start()
    with pytest.raises(InputError, match="possible zip bomb"):
        open_table(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 8 * 1024 * 1024


def test_xlsx_rows_are_read_with_dates_and_extra_cells_reported(tmp_path: Path) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Customer ID", "Customer Name", "Date of Birth"])
    ws.append(["c1", "Sergei Lavrov", datetime(1950, 3, 21)])
    ws.append(["c2", "Too Wide", None, "stray value"])
    ws.append([None, None, None])
    ws.append(["c3", "Emma Daniels", None])
    path = tmp_path / "in.xlsx"
    wb.save(path)
    rows = list(read_rows(path))
    assert [(r.line, r.data["Customer ID"]) for r in rows if r.error is None] == [
        (2, "c1"), (5, "c3")]  # the empty row 4 is no data
    assert rows[0].data["Date of Birth"] == "1950-03-21"
    assert _bad(rows) == [(3, "values in 4 or more columns, but the header names 3")]


def test_a_report_title_above_the_header_is_skipped_and_said(tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "in.csv"
    path.write_text("Customer extract;generated 2026-11-28\n\nCustomer ID;Client Full Name;Type"
                    "\nc1;Hikvision;Company\nc2;Emma Daniels;Person\n")
    table = open_table(path)
    assert table.columns == ["Customer ID", "Client Full Name", "Type"]
    assert [(r.line, r.data["Customer ID"]) for r in table] == [(4, "c1"), (5, "c2")]
    assert table.notes == [("header read from line 3; the 1 row(s) above it, starting "
                            "'Customer extract;generated 2026-11-28', look like a title and "
                            "are not read")]
    wb = Workbook()
    ws = wb.active
    ws.append(["Sanctions screening input"])
    ws.append([None, None])
    ws.append(["As of", "2026-11-28"])
    ws.append(["Ref", "Name", "Country"])
    ws.append(["c1", "Sergei Lavrov", "RU"])
    wb.save(tmp_path / "in.xlsx")
    sheet = open_table(tmp_path / "in.xlsx")
    assert sheet.columns == ["Ref", "Name", "Country"] and "row 4" in sheet.notes[0]
    assert [(r.line, r.data["Name"]) for r in sheet] == [(5, "Sergei Lavrov")]


def test_a_workbook_whose_first_sheet_is_a_cover_is_read_from_its_data_sheet(
        tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover.append(["Quarterly counterparty review"])
    cover.append(["Prepared by", "Compliance"])
    data = wb.create_sheet("Customers")
    data.append(["Customer ID", "Customer Name"])
    data.append(["c1", "Hikvision"])
    wb.save(tmp_path / "in.xlsx")
    table = open_table(tmp_path / "in.xlsx")
    assert table.columns == ["Customer ID", "Customer Name"]
    assert [(r.line, r.data["Customer Name"]) for r in table] == [(2, "Hikvision")]
    assert table.notes == [("read sheet 'Customers': the first sheet, 'Cover', has no header "
                           "of known columns")]
    del wb["Customers"]  # no sheet with known columns: the first is read, as written
    wb.save(tmp_path / "cover.xlsx")
    assert open_table(tmp_path / "cover.xlsx").columns == ["Quarterly counterparty review"]


def test_a_first_row_of_the_files_own_words_stays_the_header(tmp_path: Path) -> None:
    # no known spelling in the first row, but it is as wide as the rows below: a header in
    # the file's own words (for --name-column), never a title above a data row that
    # happens to hold "Company"
    path = tmp_path / "in.csv"
    path.write_text("Kd,Wer,Art\nc1,Hikvision,Company\n")
    table = open_table(path)
    assert table.columns == ["Kd", "Wer", "Art"] and table.notes == []
    assert [r.line for r in table] == [2]


def test_a_row_with_more_fields_than_the_header_is_reported_by_line(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(HEADER + "c1,Hikvision,Company,surplus\nc2,Emma,Person\nc3,Short\n"
                    "c4,Trailing,Person,,\n")
    rows = list(read_rows(path))
    assert _good(rows) == [(3, "c2"), (5, "c4")]  # empty trailing cells are not data
    assert [line for line, _ in _bad(rows)] == [2, 4]
    assert "4 fields, but the header has 3" in _bad(rows)[0][1]
    assert "2 fields, but the header has 3" in _bad(rows)[1][1]


def test_a_column_name_given_twice_is_refused_not_absorbed(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("id,name,notes,name\nc1,A,x,B\n")
    with pytest.raises(InputError) as err:
        open_table(path)
    assert "line 1: column name 'name' appears twice (columns 2 and 4)" in str(err.value)


def test_an_unterminated_quote_is_reported_and_cannot_swallow_the_rows_after_it(
        tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(HEADER + 'c1,"Bad Name,Company\nc2,Hikvision,Company\n'
                    'c3,"Quoted, Name",Person\nc4,"Open again,Person\nc5,Last,Person\n')
    rows = list(read_rows(path))
    assert _good(rows) == [(3, "c2"), (4, "c3"), (6, "c5")]
    assert next(r for r in rows if r.line == 4).data["name"] == "Quoted, Name"
    assert [line for line, _ in _bad(rows)] == [2, 5]
    assert all("unterminated quote" in problem for _, problem in _bad(rows))


def test_a_quoted_value_with_a_line_break_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text('id,name,address\nc1,Acme,"1 Main St\nSpringfield"\nc2,Beta,"Road 2"\n')
    rows = list(read_rows(path))
    assert _good(rows) == [(2, "c1"), (4, "c2")]
    assert rows[0].data["address"] == "1 Main St\nSpringfield"


def test_the_delimiter_is_told_from_the_header(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text('Customer ID;Customer Name;Note\n1;"Smith, John";a,b\n')
    table = open_table(path)
    assert table.delimiter == ";"
    (row,) = list(table)
    assert row.data == {"Customer ID": "1", "Customer Name": "Smith, John", "Note": "a,b"}


def test_jsonl_rows_with_repeated_keys_or_bad_json_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = ['{"id": "a", "name": "X", "name": "Y"}', "{not json", "[1, 2]",
             json.dumps({"id": "b", "name": "Лавров"})]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-16"))
    rows = list(read_rows(path))
    assert _good(rows) == [(4, "b")] and rows[-1].data["name"] == "Лавров"
    assert [p.split(":")[0] for _, p in _bad(rows)] == [
        "key 'name' appears twice in one object; neither value is used", "invalid JSON",
        "line is not a JSON object"]


def test_an_unknown_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(HEADER)
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        open_table(path, encoding="klingon")


def test_the_label_names_the_file_in_messages(tmp_path: Path) -> None:
    path = tmp_path / "3f2a.csv"
    path.write_bytes(b"\x00\x01\x02")
    with pytest.raises(InputError) as err:
        open_table(path, label="customers.csv")
    assert str(err.value).startswith("customers.csv: ")


def test_parquet_rows_are_read(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a", "b"], "name": ["X", "Y"]}), path)
    assert _good(list(read_rows(path))) == [(1, "a"), (2, "b")]
