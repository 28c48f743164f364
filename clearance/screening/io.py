"""Read screening inputs (CSV, XLSX, JSONL, Parquet) row by row; write results as they come.

Rows stream in with their line numbers; a malformed row becomes an `InputError` naming
its line, reported and skipped by the caller, so one bad row never loses the rest.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from clearance.exc import InputError
from clearance.match.score import Query


def result_line(row_id: str, matches: list[dict[str, Any]]) -> str:
    """One JSONL output line: the row id and its matches (UTF-8, not escaped)."""
    return orjson.dumps({"id": row_id, "matches": matches}).decode()

__all__ = ["CSV_FIELDS", "FORMATS", "InputRow", "ResultWriter", "jsonl_row", "match_rows",
           "read_rows", "result_line", "row_to_query"]

FORMATS = (".csv", ".xlsx", ".jsonl", ".ndjson", ".parquet")
#: Fields of the CSV/XLSX output, one row per match.
CSV_FIELDS = ["id", "dataset", "source_id", "entity_id", "name", "matched_name", "score",
              "match", "explanation"]
SCHEMAS = {"person": "Person", "organization": "Organization", "company": "Company",
           "legalentity": "LegalEntity", "vessel": "Vessel", "airplane": "Airplane",
           "aircraft": "Airplane", "entity": "LegalEntity", "individual": "Person",
           "": "LegalEntity"}


@dataclass
class InputRow:
    """One raw input record with where it came from."""

    line: int
    data: dict[str, Any]


def _csv(path: Path) -> Iterator[InputRow]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        line = 2
        for rec in reader:
            yield InputRow(line, dict(rec))
            line = reader.line_num + 1


def jsonl_row(line: int, text: str) -> InputRow | None:
    """One JSONL line as a row (None for a blank line); a bad line becomes an error row.

    Shared by the file reader and the Spark engine, which reads JSONL as lines of text.
    """
    if text.strip() == "":
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return InputRow(line, {"__error__": f"invalid JSON: {exc.msg}"})
    if not isinstance(data, dict):
        return InputRow(line, {"__error__": "line is not a JSON object"})
    return InputRow(line, data)


def _jsonl(path: Path) -> Iterator[InputRow]:
    with open(path, encoding="utf-8") as fh:
        for i, text in enumerate(fh, start=1):
            row = jsonl_row(i, text)
            if row is not None:
                yield row


def _xlsx(path: Path) -> Iterator[InputRow]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        return
    keys = [str(h).strip() if h is not None else "" for h in header]
    for i, values in enumerate(rows, start=2):
        yield InputRow(i, {k: v for k, v in zip(keys, values) if k != ""})
    wb.close()


def _parquet(path: Path) -> Iterator[InputRow]:
    import pyarrow.parquet as pq

    line = 1
    for batch in pq.ParquetFile(path).iter_batches(batch_size=4096):
        for rec in batch.to_pylist():
            yield InputRow(line, rec)
            line += 1


def read_rows(path: Path) -> Iterator[InputRow]:
    """Rows of a screening file, by its extension."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv(path)
    if suffix in (".jsonl", ".ndjson"):
        return _jsonl(path)
    if suffix == ".xlsx":
        return _xlsx(path)
    if suffix == ".parquet":
        return _parquet(path)
    raise InputError(f"unsupported input format {suffix!r}; use one of {', '.join(FORMATS)}",
                     path=str(path))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _many(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [_text(v) for v in value if _text(v) != ""]
    text = _text(value)
    sep = "|" if "|" in text else ";"
    return [v.strip() for v in text.split(sep) if v.strip() != ""]


def row_to_query(row: InputRow, path: str) -> tuple[str, Query]:
    """(id, Query) from a raw row; InputError names the line and field that is wrong."""
    data = row.data
    if "__error__" in data:
        raise InputError(str(data["__error__"]), path=path, line=row.line)
    query_obj = data.get("query")
    if isinstance(query_obj, dict):  # the eval set's shape: {"id", "query": {...}}
        data = {**query_obj, "id": data.get("id")}
    row_id = _text(data.get("id"))
    if row_id == "":
        raise InputError("missing field 'id'", path=path, line=row.line)
    name = _text(data.get("name"))
    if name == "":
        raise InputError(f"row {row_id!r}: missing field 'name'", path=path, line=row.line)
    schema_raw = _text(data.get("schema")).replace(" ", "").lower()
    schema = SCHEMAS.get(schema_raw)
    if schema is None:
        raise InputError(f"row {row_id!r}: unknown schema {data.get('schema')!r} (field 'schema')",
                         path=path, line=row.line)
    birth = _text(data.get("birth_date") or data.get("birthDate")) or None
    if birth is not None and not (len(birth) >= 4 and birth[:4].isdigit()):
        raise InputError(f"row {row_id!r}: birth_date {birth!r} is not YYYY[-MM-DD]",
                         path=path, line=row.line)
    countries = [c.lower() for c in _many(data.get("country"))]
    return row_id, Query(name=name, schema=schema, aliases=_many(data.get("aliases")),
                         countries=countries, birth_date=birth,
                         identifiers=_many(data.get("identifier") or data.get("identifiers")))


def match_rows(row_id: str, matches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The CSV/XLSX shape of a row's results: one flat record per match (`CSV_FIELDS`)."""
    return [{"id": row_id, **{k: m[k] for k in CSV_FIELDS[1:]}} for m in matches]


class ResultWriter:
    """JSONL (one line per input row) or CSV/XLSX (one row per match), written as results arrive."""

    CSV_FIELDS = CSV_FIELDS

    def __init__(self, path: Path | None, out: IO[str]) -> None:
        self.path = path
        self.kind = "jsonl" if path is None else path.suffix.lower().lstrip(".")
        if self.kind not in ("jsonl", "ndjson", "csv", "xlsx"):
            raise InputError(f"unsupported output format {self.kind!r}; use .jsonl, .csv or .xlsx")
        self._fh: IO[str] = out
        self._csv: Any = None
        self._wb: Any = None
        if path is not None and self.kind != "xlsx":
            self._fh = open(path, "w", newline="", encoding="utf-8")  # noqa: SIM115 - closed in close()
        if self.kind == "csv":
            self._csv = csv.DictWriter(self._fh, fieldnames=self.CSV_FIELDS)
            self._csv.writeheader()
        elif self.kind == "xlsx":
            from openpyxl import Workbook

            self._wb = Workbook(write_only=True)
            self._ws = self._wb.create_sheet("matches")
            self._ws.append(self.CSV_FIELDS)

    def write_line(self, line: str) -> None:
        """A JSONL line already serialised (by a worker process)."""
        self._fh.write(line + "\n")

    def write(self, row_id: str, matches: list[dict[str, Any]]) -> None:
        if self.kind in ("jsonl", "ndjson"):
            self._fh.write(result_line(row_id, matches) + "\n")
            return
        for rec in match_rows(row_id, matches):
            if self._csv is not None:
                self._csv.writerow(rec)
            else:
                self._ws.append([rec[k] for k in self.CSV_FIELDS])

    def close(self) -> None:
        if self._wb is not None and self.path is not None:
            self._wb.save(self.path)
        elif self.path is not None:
            self._fh.close()
        else:
            self._fh.flush()
