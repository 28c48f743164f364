"""Fuzzing the three import paths over file bytes (issue 15, "Check").

Every input ends either in imported rows or in one `InputError` line naming the file: never
a traceback, and never fewer good rows than the clean file gives. Good rows are
interleaved with arbitrary junk lines (any bytes: quotes, delimiters, NULs, broken UTF-8,
line breaks); every good row must still come through, with its own values.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearance.exc import InputError
from clearance.screening.columns import map_columns
from clearance.screening.io import row_to_query
from clearance.screening.readers import FORMATS, open_table

FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
SCREEN_ROWS = [("gd-7f3a01", "Hikvision Digital"), ("gd-7f3a02", "Emma Daniels"),
               ("gd-7f3a03", "Сергей Лавров"), ("gd-7f3a04", "Andes Freight SAS")]
DEVICE_ROWS = [("dv-91c2e0", "Hikvision"), ("dv-91c2e1", "Axis"), ("dv-91c2e2", "Dahua")]

junk = st.lists(st.binary(max_size=48), max_size=6)


def _file(tmp: Path, header: bytes, good: list[bytes], junks: list[list[bytes]],
          name: str) -> Path:
    body = [header]
    for i, row in enumerate(good):
        body += [j + b"\n" for j in junks[i]] + [row]
    body += [j + b"\n" for j in junks[len(good)]]
    path = tmp / name
    path.write_bytes(b"".join(body))
    return path


def _one_line_about(path: Path, error: InputError) -> None:
    message = str(error)
    assert message.startswith(str(path)) and "\n" not in message, message


def _check(path: Path, run: Callable[[], None]) -> None:
    try:
        run()
    except InputError as exc:  # the only acceptable failure: one line naming the file
        _one_line_about(path, exc)


@FUZZ
@given(junks=st.lists(junk, min_size=len(SCREEN_ROWS) + 1, max_size=len(SCREEN_ROWS) + 1))
def test_screening_reads_every_good_row_whatever_junk_surrounds_it(
        tmp_path: Path, junks: list[list[bytes]]) -> None:
    good = [f"{i},{n},Person\n".encode() for i, n in SCREEN_ROWS]
    path = _file(tmp_path, b"id,name,type\n", good, junks, "in.csv")

    def run() -> None:
        table = open_table(path)
        assert table.columns is not None
        cols = map_columns(table.columns)
        read: dict[str, str] = {}
        for row in table:
            try:
                row_id, query = row_to_query(row, str(path), cols, line_ids=True)
            except InputError as exc:
                _one_line_about(path, exc)
                continue
            read[row_id] = query.name
        assert {i: read.get(i) for i, _ in SCREEN_ROWS} == dict(SCREEN_ROWS)

    _check(path, run)


@FUZZ
@given(junks=st.lists(junk, min_size=len(SCREEN_ROWS) + 1, max_size=len(SCREEN_ROWS) + 1))
def test_book_import_keeps_every_good_row_whatever_junk_surrounds_it(
        home: Path, tmp_path: Path, junks: list[list[bytes]]) -> None:
    from clearance.monitor.book import get_entries, import_book

    good = [f"{i};{n};Person\n".encode() for i, n in SCREEN_ROWS]
    path = _file(tmp_path, b"Customer ID;Customer Name;Customer Type\n", good, junks,
                 "book.csv")

    def run() -> None:
        result = import_book(path)
        assert all(p.startswith(str(path)) and "\n" not in p for p in result.skipped)
        stored = get_entries([i for i, _ in SCREEN_ROWS])
        assert {i: e.name for i, e in stored.items()} == dict(SCREEN_ROWS)

    _check(path, run)


@FUZZ
@given(junks=st.lists(junk, min_size=len(DEVICE_ROWS) + 1, max_size=len(DEVICE_ROWS) + 1))
def test_devices_import_keeps_every_good_row_whatever_junk_surrounds_it(
        home: Path, tmp_path: Path, junks: list[list[bytes]]) -> None:
    from clearance.exposure.inventory import import_devices, iter_devices

    good = [f"{i}\t{b}\n".encode() for i, b in DEVICE_ROWS]
    path = _file(tmp_path, b"Asset ID\tManufacturer\n", good, junks, "fleet.tsv")

    def run() -> None:
        report = import_devices(path, replace=True)
        assert all(p.startswith(str(path)) for p in report.skipped)
        stored = {d.asset_id: d.brand for d in iter_devices()}
        assert {i: stored.get(i) for i, _ in DEVICE_ROWS} == dict(DEVICE_ROWS)

    _check(path, run)


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(FORMATS))
def test_any_bytes_under_any_name_read_or_fail_in_one_line(tmp_path: Path, data: bytes,
                                                           suffix: str) -> None:
    path = tmp_path / f"upload{suffix}"
    path.write_bytes(data)

    def run() -> None:
        for row in open_table(path):
            try:
                row_to_query(row, str(path))
            except InputError as exc:  # a bad row: one line naming file and line
                _one_line_about(path, exc)

    _check(path, run)


def _workbook(tmp: Path) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["id", "name"])
    for i, n in SCREEN_ROWS:
        ws.append([i, n])
    path = tmp / "clean.xlsx"
    wb.save(path)
    return path.read_bytes()


@FUZZ
@given(position=st.floats(0, 1), value=st.binary(min_size=1, max_size=8))
def test_a_damaged_spreadsheet_reads_or_fails_in_one_line(tmp_path: Path, position: float,
                                                          value: bytes) -> None:
    clean = _workbook(tmp_path)
    at = int(position * (len(clean) - 1))
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(clean[:at] + value + clean[at + len(value):])
    _check(path, lambda: list(open_table(path)) and None)
