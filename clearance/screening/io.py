"""Rows to queries, and results to files.

Files are opened and read by `clearance.screening.readers` (encodings, bad rows by line);
which column holds what comes from `clearance.screening.columns`. A row that cannot be
screened becomes an `InputError` naming its line and field, reported and skipped by the
caller, so one bad row never loses the rest. Results are written as they arrive: JSONL
(one line per input row) or CSV/XLSX (one row per listed party, and one for a row with
none), with the screened name and the input's own extra columns alongside.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO, Any

import orjson

from clearance.exc import InputError
from clearance.match.score import Query
from clearance.screening.columns import (
    ColumnMap,
    accepted,
    map_columns,
    parse_birth_date,
    parse_country,
    schema_of,
)
from clearance.screening.readers import FORMATS, InputRow, Table, open_table, read_rows
from clearance.spreadsheet import csv_row, xlsx_row

__all__ = ["CSV_FIELDS", "FORMATS", "InputRow", "ResultWriter", "Table", "cell", "csv_header",
           "match_rows", "open_table", "read_rows", "result_line", "row_to_query"]

#: Fields of the CSV/XLSX output, one row per listed party; the input's carried columns
#: go between the screened name and the results (`csv_header`).
CSV_FIELDS = ["id", "screened_name", "dataset", "source_id", "entity_id", "name",
              "matched_name", "score", "match", "listings", "explanation"]


def result_line(row_id: str, matches: list[dict[str, Any]], name: str | None = None,
                extra: dict[str, Any] | None = None, ignored: list[str] | None = None) -> str:
    """One JSONL output line: the row id, the screened name, the input's extra columns
    (under `input`), values of the row that could not be read and were left out (under
    `ignored`) and its matches (UTF-8, not escaped)."""
    line: dict[str, Any] = {"id": row_id}
    if name is not None:
        line["name"] = name
    if extra:
        line["input"] = extra
    if ignored:
        line["ignored"] = ignored
    line["matches"] = matches
    return orjson.dumps(line, default=str).decode()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _many(values: list[Any]) -> list[str]:
    out: list[str] = []
    for value in values:
        if value is None:
            continue
        if isinstance(value, list):
            out += [_text(v) for v in value if _text(v) != ""]
            continue
        text = _text(value)
        sep = "|" if "|" in text else ";"
        out += [v.strip() for v in text.split(sep) if v.strip() != ""]
    return out


def row_to_query(row: InputRow, path: str, columns: ColumnMap | None = None,
                 line_ids: bool = False,
                 ignored: list[InputError] | None = None) -> tuple[str, Query]:
    """(id, Query) from a raw row; InputError names the line and field that is wrong.

    `columns` maps the row's columns (default: by the row's own keys); with `line_ids` a
    file without an id column identifies its rows by line number. With `ignored` (a list
    the caller reports), a country or birth date that cannot be read is dropped and noted
    there instead of failing the row: screening a name without it can only raise more
    alerts, while skipping the row could miss a listed party ("Russische Föderation").
    """
    if row.error is not None:
        raise InputError(row.error, path=path, line=row.line)
    data = row.data
    query_obj = data.get("query")
    if isinstance(query_obj, dict):  # the eval set's shape: {"id", "query": {...}}
        data = {**query_obj, "id": data.get("id")}
        columns = None
    cols = columns if columns is not None else map_columns(data.keys())
    row_id = _text(cols.value(data, "id"))
    if row_id == "":
        if not (line_ids and "id" not in cols.single):
            raise InputError(f"missing field 'id' (an id column: {accepted('id')})", path=path,
                             line=row.line)
        row_id = str(row.line)
    name = _text(cols.value(data, "name"))
    if name == "":
        name = " ".join(p for p in (_text(cols.value(data, f)) for f in
                                    ("first_name", "middle_name", "last_name")) if p != "")
    if name == "":
        raise InputError(f"row {row_id!r}: missing field 'name' (a name column: "
                         f"{accepted('name')})", path=path, line=row.line)
    raw_schema = cols.value(data, "schema")
    schema = schema_of(raw_schema)
    named = cols.name_schema() if _text(raw_schema) == "" else None
    if named is not None:
        schema = named  # a fleet roster's "Vessel Name": its rows are vessels
    if schema is None:
        # (screened as a party of unknown type, compared with people and organisations
        # alike: like an unreadable date, the type left out can only draw more alerts)
        _unreadable(InputError(f"row {row_id!r}: unknown type {raw_schema!r} (field "
                               f"{cols.single.get('schema', 'schema')!r}; use person, "
                               "individual, company, corporate, organization, vessel ...)",
                               path=path, line=row.line), ignored)
        schema = "LegalEntity"
    birth_raw = _text(cols.value(data, "birth_date"))
    birth = None
    if birth_raw != "":
        try:
            birth = parse_birth_date(birth_raw)
        except ValueError as exc:
            _unreadable(InputError(f"row {row_id!r}: {exc} (field "
                                   f"{cols.single.get('birth_date')!r})", path=path,
                                   line=row.line), ignored)
    countries: list[str] = []
    for value in _many(cols.values(data, "country")):
        try:
            code = parse_country(value)
        except ValueError as exc:
            _unreadable(InputError(f"row {row_id!r}: {exc} (field 'country')", path=path,
                                   line=row.line), ignored)
            continue
        if code not in countries:
            countries.append(code)
    return row_id, Query(name=name, schema=schema, aliases=_many(cols.values(data, "aliases")),
                         countries=countries, birth_date=birth,
                         identifiers=_many(cols.values(data, "identifiers")))


def _unreadable(error: InputError, ignored: list[InputError] | None) -> None:
    if ignored is None:
        raise error
    ignored.append(error)


def csv_header(carried: tuple[str, ...] = ()) -> list[str]:
    """The CSV/XLSX header: id, screened name, the carried input columns, then the results
    (a result field whose name a carried column already has gets " (clearance)")."""
    results = [f if f not in carried else f"{f} (clearance)" for f in CSV_FIELDS[2:]]
    return CSV_FIELDS[:2] + list(carried) + results


def match_rows(row_id: str, matches: list[dict[str, Any]], name: str = "",
               given: list[Any] | None = None) -> list[list[Any]]:
    """The CSV/XLSX rows of one screened row, in `csv_header` order: one per listed party,
    or one with empty results when none was kept (the row is still accounted for).

    `given` are the row's carried values, already made cells (`cell`). Shared with the
    Spark engine, which writes the same rows through Spark."""
    given = given or []
    rows = []
    for m in matches:
        listings = "; ".join(f"{x['dataset']} {x['source_id']}" for x in m.get("listings", [m]))
        rows.append([row_id, name, *given, m["dataset"], m["source_id"], m["entity_id"],
                     m["name"], m["matched_name"], m["score"], m["match"], listings,
                     m["explanation"]])
    if not rows:
        rows.append([row_id, name, *given, "", "", "", "", "", "", False, "", ""])
    return rows


class ResultWriter:
    """JSONL (one line per input row) or CSV/XLSX (one row per listed party), as results
    arrive. `carried` are the input's extra columns, written unchanged before the results."""

    def __init__(self, path: Path | None, out: IO[str], carried: tuple[str, ...] = ()) -> None:
        self.path = path
        self.kind = "jsonl" if path is None else path.suffix.lower().lstrip(".")
        if self.kind not in ("jsonl", "ndjson", "csv", "xlsx"):
            raise InputError(f"unsupported output format {self.kind!r}; use .jsonl, .csv or .xlsx",
                             path=None if path is None else str(path))
        self.carried = carried
        self.header = csv_header(carried)
        self._fh: IO[str] = out
        self._csv: Any = None
        self._wb: Any = None
        if path is not None and self.kind != "xlsx":
            try:
                self._fh = open(path, "w", newline="", encoding="utf-8")  # noqa: SIM115
            except OSError as exc:
                raise InputError(f"cannot write here ({exc.strerror or exc})",
                                 path=str(path)) from None
        if self.kind == "csv":
            self._csv = csv.writer(self._fh)
            self._csv.writerow(csv_row(self.header))
        elif self.kind == "xlsx":
            from openpyxl import Workbook

            self._wb = Workbook(write_only=True)
            self._ws = self._wb.create_sheet("matches")
            self._ws.append(xlsx_row(self._ws, self.header))

    def write_line(self, line: str) -> None:
        """A JSONL line already serialised (by a worker process)."""
        self._fh.write(line + "\n")

    def write(self, row_id: str, matches: list[dict[str, Any]], name: str = "",
              extra: dict[str, Any] | None = None) -> None:
        if self.kind in ("jsonl", "ndjson"):
            self._fh.write(result_line(row_id, matches, name, extra) + "\n")
            return
        given = [cell((extra or {}).get(c)) for c in self.carried]
        for r in match_rows(row_id, matches, name, given):
            if self._csv is not None:
                self._csv.writerow(csv_row(r))
            else:
                self._ws.append(xlsx_row(self._ws, r))

    def close(self) -> None:
        if self._wb is not None and self.path is not None:
            self._wb.save(self.path)
        elif self.path is not None:
            self._fh.close()
        else:
            self._fh.flush()


def cell(value: Any) -> Any:
    """A carried value as a spreadsheet cell: scalars as they are, anything else as JSON."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return orjson.dumps(value, default=str).decode()
