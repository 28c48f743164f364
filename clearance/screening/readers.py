"""Open user files (CSV, TSV, JSONL, XLSX, Parquet) safely and stream their rows by line.

Two kinds of trouble, kept apart:

- A file that cannot be read at all (empty, binary, an XLSX that is no zip, junk Parquet,
  UTF-16 without a byte-order mark, a zip bomb, a header naming one column twice) is
  refused up front with one `InputError` naming the file and the reason.
- A bad row (undecodable bytes, more or fewer fields than the header, an unterminated
  quote, a duplicated JSON key) becomes an `InputRow` with `error` set, naming its line;
  the caller reports and skips it, and every row before and after it is still read.

Text is decoded by its byte-order mark, else as UTF-8, else as the encoding the caller
names; undecodable bytes are marked per line instead of failing the file. A quoted CSV
value that runs over the following rows (an unterminated quote) is reported on the line
that opened it, and reading resumes on the next line, so it cannot swallow the rows after.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import re
import zipfile
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from clearance.archive import check_ratio, check_zip
from clearance.exc import InputError, SourceError
from clearance.screening.columns import HEADER_CELLS_MAX, known_header

__all__ = ["FORMATS", "InputRow", "Table", "csv_header", "csv_records", "decode_line",
           "header_known", "jsonl_row", "open_table", "parquet_row", "read_rows",
           "sniff_encoding"]

FORMATS = (".csv", ".tsv", ".xlsx", ".jsonl", ".ndjson", ".parquet")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_MAGIC = {b"PK\x03\x04": "a zip archive (an XLSX saved under another name?)",
          b"PAR1": "a Parquet file", b"\xd0\xcf\x11\xe0": "an old Excel .xls (OLE) file",
          b"%PDF": "a PDF document", b"\x1f\x8b": "a gzip archive"}
_MARK = "clearance-mark"
_MARKED = re.compile("[\udc00-\udcff]")
_DELIMITERS = (",", ";", "\t", "|")
TITLE_ROWS_MAX = 10  # the rows a report may print above its header, header included
SHEETS_MAX = 20  # the sheets of a workbook searched for a header when the first has none


def _mark(exc: UnicodeError) -> tuple[str, int]:
    """Decode error handler: each undecodable byte becomes a lone surrogate U+DC00+byte.

    No strict decoder ever produces a lone surrogate, so a marked line is known to hold
    bytes the encoding could not read, and which ones.
    """
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return "".join(chr(0xDC00 + b) for b in bad), exc.end


codecs.register_error(_MARK, _mark)


@dataclass
class InputRow:
    """One raw record with the line it started on; `error` says why it cannot be used."""

    line: int
    data: dict[str, Any]
    error: str | None = None


@dataclass
class Table:
    """An opened input file: its header (when it has one) and its rows, read lazily."""

    label: str
    columns: list[str] | None
    rows: Iterator[InputRow]
    delimiter: str | None = None
    notes: list[str] = field(default_factory=list)
    header_line: int | None = None  # CSV: the line its header is on

    def __iter__(self) -> Iterator[InputRow]:
        return self.rows


def read_rows(path: Path, encoding: str | None = None, label: str | None = None
              ) -> Iterator[InputRow]:
    """Rows of a screening or import file, by its extension (see `open_table`)."""
    yield from open_table(path, encoding, label)


def open_table(path: Path, encoding: str | None = None, label: str | None = None) -> Table:
    """Check the file and read its header now; its rows stream when iterated.

    `label` names the file in messages (an upload's own name rather than where it is kept).
    """
    name = label if label is not None else str(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"unsupported file type {suffix or '(none)'!r}; use one of "
                         f"{', '.join(FORMATS)}", path=name)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise InputError("not a file", path=name)
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except FileNotFoundError:
        raise InputError("no such file", path=name) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", path=name) from None
    if size == 0 or head.strip(b" \t\r\n\x00") == b"":
        raise InputError("file is empty", path=name)
    try:
        if suffix == ".xlsx":
            return _xlsx(path, name, head)
        if suffix == ".parquet":
            return _parquet(path, name, head, size)
        enc = sniff_encoding(head, encoding, name)
        if suffix in (".jsonl", ".ndjson"):
            return Table(name, None, _jsonl(_lines(path, enc), name, enc))
        return _csv(_lines(path, enc), name, enc, "\t" if suffix == ".tsv" else None)
    except SourceError as exc:  # a bomb refused by clearance.archive
        raise InputError(exc.problem, path=name) from None


# -- text ---------------------------------------------------------------------------


def sniff_encoding(head: bytes, explicit: str | None, name: str) -> str:
    """The codec: as given, else by byte-order mark, else UTF-8; binary files refused.

    `head` is the file's first bytes (the Spark engine passes a file's first line)."""
    if explicit is not None:
        try:
            return codecs.lookup(explicit).name
        except LookupError:
            raise InputError(f"unknown encoding {explicit!r} (e.g. utf-8, cp1252, latin-1, "
                             "utf-16)", path=name) from None
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise InputError(f"this is {what}, not text", path=name)
    if b"\x00" in head:
        odd = sum(1 for i in range(1, len(head), 2) if head[i] == 0)
        even = sum(1 for i in range(0, len(head), 2) if head[i] == 0)
        half = len(head) // 2
        if odd > 0.3 * half and even < 0.05 * half:
            raise InputError("looks like UTF-16 without a byte-order mark; give "
                             "--encoding utf-16-le", path=name)
        if even > 0.3 * half and odd < 0.05 * half:
            raise InputError("looks like UTF-16 without a byte-order mark; give "
                             "--encoding utf-16-be", path=name)
        raise InputError("binary content (NUL bytes), not a text file", path=name)
    return "utf-8"


def _lines(path: Path, encoding: str) -> Iterator[tuple[int, str]]:
    """Physical lines (split on \\n, \\r\\n or \\r, endings kept) with their numbers."""
    with open(path, "rb") as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, errors=_MARK, newline="")
        for number, line in enumerate(text, start=1):
            if number == 1:
                line = line.lstrip("\ufeff")
            yield number, line


def decode_line(raw: bytes, encoding: str) -> str:
    """One line's bytes as text, undecodable bytes marked as `_lines` marks them (the Spark
    engine reads lines as bytes; `encoding` must keep \\n a byte of its own, as UTF-8 and
    the single-byte encodings do)."""
    return raw.decode(encoding, errors=_MARK)


def _undecodable(text: str, encoding: str, line: int, column: int | None = None) -> str | None:
    """The row problem for marked bytes in `text`, or None when it decoded cleanly."""
    m = _MARKED.search(text)
    if m is None:
        return None
    where = f" in column {column}" if column is not None else ""
    codec = "UTF-8" if encoding in ("utf-8", "utf-8-sig") else encoding
    return (f"byte 0x{ord(m.group()) - 0xDC00:02x}{where} is not valid {codec}; if the file "
            "is in another encoding, give it with --encoding (e.g. cp1252)")


def _header(values: list[str], name: str, line: int = 1) -> list[str]:
    """Column names, blanks named by position; a name given twice refuses the file."""
    columns = [v.strip() if v.strip() != "" else f"column {i}"
               for i, v in enumerate(values, start=1)]
    seen: dict[str, int] = {}
    for i, col in enumerate(columns, start=1):
        if col in seen:
            raise InputError(f"column name {col!r} appears twice (columns {seen[col]} and {i});"
                             " rename one so that neither is lost", path=name, line=line)
        seen[col] = i
    return columns


def _delimiter(line: str) -> str:
    """The delimiter a header line uses most (outside quotes): bank exports use ; and tabs."""
    outside = re.sub(r'"[^"]*"', "", line)
    counts = {d: outside.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


class _Feed:
    """Lines for `csv.reader`, remembering those the current record took; lines can be
    pushed back so that reading resumes right after a bad record's first line."""

    def __init__(self, lines: Iterator[tuple[int, str]]) -> None:
        self._lines = lines
        self._back: deque[tuple[int, str]] = deque()
        self.taken: list[tuple[int, str]] = []

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        item = self._back.popleft() if self._back else next(self._lines)
        self.taken.append(item)
        return item[1]

    def push_back(self, items: list[tuple[int, str]]) -> None:
        self._back.extendleft(reversed(items))


def _header_row(rows: list[list[Any]]) -> int | None:
    """Which of a file's first rows is its header: the first that reads as one
    (`columns.known_header`) when every row above it is narrower (a report's title, its
    date: fewer cells filled). None when none is: the first row is then the header, in
    the file's own words."""
    filled = [sum(1 for c in row[:HEADER_CELLS_MAX] if c is not None and str(c).strip() != "")
              for row in rows]
    for k, row in enumerate(rows):
        if known_header(row):
            return k if all(f < filled[k] for f in filled[:k]) else None
    return None


def _cells(line: str, delimiter: str | None) -> list[str]:
    """One line's cells, as a header line reads (an unreadable line has none)."""
    try:
        return next(csv.reader([line], delimiter=delimiter or _delimiter(line)), [])
    except csv.Error:
        return []


def _title_note(skipped: list[str], where: str) -> str:
    return (f"header read from {where}; the {len(skipped)} row(s) above it, starting "
            f"{skipped[0].strip()[:60]!r}, look like a title and are not read")


def _csv(lines: Iterator[tuple[int, str]], name: str, encoding: str,
         delimiter: str | None) -> Table:
    ahead: list[tuple[int, str]] = []  # the first lines, to find the header among them
    filled: list[tuple[int, str]] = []
    cells: list[list[str]] = []
    k: int | None = None
    for item in lines:
        ahead.append(item)
        if item[1].strip() != "":
            filled.append(item)
            cells.append(_cells(item[1], delimiter))
            if len(filled) == 1 and known_header(cells[0]):
                k = 0  # (the usual file: its first line a header, no need to look on)
                break
            if len(filled) >= TITLE_ROWS_MAX:
                break
    if not filled:
        raise InputError("file is empty", path=name)
    if k is None:
        k = _header_row(cells) or 0
    first = filled[k]
    notes = [] if k == 0 else [_title_note([t for _, t in filled[:k]], f"line {first[0]}")]
    lines = itertools.chain(ahead[ahead.index(first) + 1:], lines)
    bad = _undecodable(first[1], encoding, first[0])
    if bad is not None:
        raise InputError(f"the header: {bad}", path=name, line=first[0])
    delim = delimiter or _delimiter(first[1])
    feed = _Feed(itertools.chain([first], lines))
    reader = csv.reader(feed, delimiter=delim, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InputError(f"unreadable header ({exc})", path=name, line=first[0]) from None
    columns = _header(header, name, first[0])
    return Table(name, columns, _csv_records(reader, feed, columns, name, encoding, delim),
                 delimiter=delim, notes=notes, header_line=first[0])


def header_known(line: str, delimiter: str | None = None) -> bool:
    """Whether a CSV line reads as a header of known columns: the usual file's first line,
    after which no title rows need looking for."""
    return known_header(_cells(line, delimiter))


def csv_header(lines: list[tuple[int, str]], name: str, encoding: str,
               delimiter: str | None = None) -> Table:
    """The header of a CSV given as its first lines, numbered (the Spark engine reads each
    file's on the driver), found and checked as `open_table` finds and checks it: its
    columns, delimiter, line and notes (title rows skipped). Its rows are not read."""
    table = _csv(iter(lines), name, encoding, delimiter)
    assert table.columns is not None and table.delimiter is not None
    return table


def csv_records(lines: Iterator[tuple[int, str]], columns: list[str], name: str, encoding: str,
                delimiter: str) -> Iterator[InputRow]:
    """The records of CSV lines after the header, with bad rows by line as `open_table`
    reads them (the Spark engine parses each split of a file with it)."""
    feed = _Feed(lines)
    reader = csv.reader(feed, delimiter=delimiter, strict=True)
    return _csv_records(reader, feed, columns, name, encoding, delimiter)


def _swallowed(taken: list[tuple[int, str]], width: int, delim: str) -> bool:
    """A record over several lines whose inner lines each look like a whole row: a quote
    that was never closed, not a value with line breaks in it."""
    if width <= 1:
        return True
    for _, text in taken[1:-1] or taken[1:]:
        try:
            values = next(csv.reader([text.rstrip("\r\n")], delimiter=delim))
        except (csv.Error, StopIteration):
            continue
        if len(values) == width:
            return True
    return False


def _csv_records(reader: Iterator[list[str]], feed: _Feed, columns: list[str], name: str,
                 encoding: str, delim: str) -> Iterator[InputRow]:
    width = len(columns)
    while True:
        feed.taken = []
        try:
            values = next(reader)
            problem = None
        except StopIteration:
            return
        except csv.Error as exc:
            values, problem = [], f"malformed CSV ({exc})"
        taken = feed.taken
        if not taken:
            return
        line = taken[0][0]
        if problem is None and all(v.strip() == "" for v in values):
            continue  # a blank line or a row of empty cells: nothing to read
        if len(taken) > 1 and (problem is not None or len(values) != width
                               or _swallowed(taken, width, delim)):
            feed.push_back(taken[1:])
            yield InputRow(line, {}, f"a quoted value opened on this line is not closed before"
                                     f" line {taken[-1][0]} (an unterminated quote?); the line "
                                     "is skipped and reading resumes on the next")
            continue
        if problem is not None:
            yield InputRow(line, {}, problem)
            continue
        for number, text in taken:
            bad = _undecodable(text, encoding, number)
            if bad is not None:
                problem = bad if number == line else f"line {number}: {bad}"
                break
        if problem is not None:
            yield InputRow(line, {}, problem)
        elif len(values) > width and any(v.strip() != "" for v in values[width:]):
            yield InputRow(line, {}, f"{len(values)} fields, but the header has {width} (an "
                                     "unquoted delimiter inside a value?)")
        elif len(values) < width:
            yield InputRow(line, {}, f"{len(values)} fields, but the header has {width}")
        else:
            yield InputRow(line, dict(zip(columns, values)))


def _jsonl(lines: Iterable[tuple[int, str]], name: str, encoding: str) -> Iterator[InputRow]:
    for number, text in lines:
        row = jsonl_row(number, text, encoding)
        if row is not None:
            yield row


def jsonl_row(number: int, text: str, encoding: str = "utf-8") -> InputRow | None:
    """One JSONL line as a row, a bad line as a row with `error`; None for a blank line
    (shared with the Spark engine, which reads JSONL as lines)."""
    if text.strip() == "":
        return None
    bad = _undecodable(text, encoding, number)
    if bad is not None:
        return InputRow(number, {}, bad)
    try:
        data = json.loads(text, object_pairs_hook=_no_repeats)
    except json.JSONDecodeError as exc:
        return InputRow(number, {}, f"invalid JSON: {exc.msg} (column {exc.colno})")
    except ValueError as exc:  # a repeated key
        return InputRow(number, {}, str(exc))
    except RecursionError:
        return InputRow(number, {}, "invalid JSON: nested too deeply")
    if not isinstance(data, dict):
        return InputRow(number, {}, "line is not a JSON object")
    return InputRow(number, data)


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"key {key!r} appears twice in one object; neither value is used")
        out[key] = value
    return out


# -- spreadsheets and Parquet ------------------------------------------------------------


def _reason(exc: BaseException) -> str:
    """A library's exception as one short line: messages stay one line long."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:300]}" if text else type(exc).__name__


def _cell(value: Any) -> Any:
    """Spreadsheet cells as the text a CSV would hold (dates as ISO dates)."""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else \
            value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _xlsx(path: Path, name: str, head: bytes) -> Table:
    if not head.startswith(b"PK\x03\x04"):
        what = next((w for m, w in _MAGIC.items() if head.startswith(m)), None)
        raise InputError(f"not an XLSX file: {what or 'it is not a zip archive'}", path=name)
    try:
        with zipfile.ZipFile(path) as zf:
            check_zip(zf, name)
            if "xl/workbook.xml" not in zf.namelist():
                raise InputError("not an XLSX file: the zip holds no workbook", path=name)
    except (InputError, SourceError):
        raise
    except Exception as exc:  # zipfile raises BadZipFile, NotImplementedError, ValueError ...
        raise InputError(f"not an XLSX file: damaged zip ({_reason(exc)})", path=name) from None
    from openpyxl import load_workbook

    notes: list[str] = []
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
        rows, ahead = _sheet_head(wb.worksheets[0])
        found = _header_row([list(values) for _, values in ahead])
        if found is None:
            # a cover or summary sheet first: the first of the next sheets with a header
            # of known columns is the data
            for ws in wb.worksheets[1:SHEETS_MAX]:
                later_rows, later = _sheet_head(ws)
                found = _header_row([list(values) for _, values in later])
                if found is not None:
                    rows, ahead = later_rows, later
                    first = wb.worksheets[0].title
                    notes.append(f"read sheet {ws.title!r}: the first sheet, {first!r}, has "
                                 "no header of known columns")
                    break
    except InputError:
        raise
    except Exception as exc:  # openpyxl raises what its XML and zip layers raise
        raise InputError(f"unreadable XLSX ({_reason(exc)})", path=name) from None
    if not ahead:
        wb.close()
        raise InputError("the first sheet is empty", path=name)
    k = found or 0
    number, header = ahead[k]
    if k > 0:
        notes.append(_title_note(
            [" ".join(str(v) for v in values if v is not None) for _, values in ahead[:k]],
            f"row {number}"))
    columns = _header(["" if h is None else str(_cell(h)) for h in header], name, number)
    while columns and columns[-1] == f"column {len(columns)}":
        columns.pop()  # trailing unnamed columns of a sheet's used range
    rest = itertools.chain(ahead[k + 1:], enumerate(rows, start=ahead[-1][0] + 1))
    return Table(name, columns, _xlsx_rows(wb, rest, columns, name, number), notes=notes)


def _sheet_head(ws: Any) -> tuple[Iterator[tuple[Any, ...]], list[tuple[int, tuple[Any, ...]]]]:
    """A sheet's rows, and its first `TITLE_ROWS_MAX` filled ones with their numbers (the
    rows go on after the last of them)."""
    rows = ws.iter_rows(values_only=True)
    ahead: list[tuple[int, tuple[Any, ...]]] = []
    for number, values in enumerate(rows, start=1):
        if any(v is not None and str(v).strip() != "" for v in values):
            ahead.append((number, values))
            if len(ahead) >= TITLE_ROWS_MAX:
                break
    return rows, ahead


def _xlsx_rows(wb: Any, rows: Iterator[tuple[int, tuple[Any, ...]]], columns: list[str],
               name: str, number: int) -> Iterator[InputRow]:
    """The rows below the header (row `number`), each with its row number."""
    width = len(columns)
    try:
        for number, values in rows:
            if all(v is None or str(v).strip() == "" for v in values):
                continue
            extra = [v for v in values[width:] if v is not None and str(v).strip() != ""]
            if extra:
                yield InputRow(number, {}, f"values in {width + len(extra)} or more columns, "
                                           f"but the header names {width}")
                continue
            yield InputRow(number, {c: _cell(v) for c, v in zip(columns, values)})
    except Exception as exc:  # a damaged sheet: the rows read so far stand
        raise InputError(f"unreadable XLSX after row {number} ({_reason(exc)})",
                         path=name) from None
    finally:
        wb.close()


def _parquet(path: Path, name: str, head: bytes, size: int) -> Table:
    import pyarrow.parquet as pq

    with open(path, "rb") as fh:
        fh.seek(max(0, size - 4))
        tail = fh.read(4)
    if not head.startswith(b"PAR1") or tail != b"PAR1":
        raise InputError("not a Parquet file (no PAR1 marks at its start and end)", path=name)
    try:
        pf = pq.ParquetFile(path)
        meta = pf.metadata
        unpacked = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
        columns = [str(c) for c in pf.schema_arrow.names]
    except Exception as exc:  # pyarrow's ArrowInvalid, OSError ... for damaged files
        raise InputError(f"unreadable Parquet ({_reason(exc)})", path=name) from None
    check_ratio(name, unpacked, size, "Parquet data")
    _header(columns, name)
    return Table(name, columns, _parquet_rows(pf, name))


def parquet_row(number: int, record: dict[str, Any]) -> InputRow:
    """The `number`th record of a Parquet file as a row (dates as ISO dates)."""
    return InputRow(number, {k: _cell(v) for k, v in record.items()})


def _parquet_rows(pf: Any, name: str) -> Iterator[InputRow]:
    number = 0
    try:
        for batch in pf.iter_batches(batch_size=4096):
            for rec in batch.to_pylist():
                number += 1
                yield parquet_row(number, rec)
    except Exception as exc:  # a damaged row group: the rows read so far stand
        raise InputError(f"unreadable Parquet after row {number} ({_reason(exc)})", path=name) from None
