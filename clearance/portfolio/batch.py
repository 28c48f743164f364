"""Screen a holdings file: read in chunks, screen in parallel, write in file order.

For CSV (the usual bank export) the parent only cuts the file into records (a record
spans lines while a double quote is open) and forked workers parse, screen and serialise
each chunk, sending back finished output text; other formats are read row by row in the
parent and screened the same way. Each worker gets the screener (list entries, name index,
caches) from the pool initialiser. Malformed rows are reported by line and skipped.
"""

from __future__ import annotations

import csv
import io
import multiprocessing as mp
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

import orjson

from clearance.exc import InputError
from clearance.index.store import ensure_index
from clearance.portfolio.columns import HOLDING_FIELDS, ColumnMap, map_columns
from clearance.portfolio.holdings import (
    Holding,
    column_positions,
    holding_from_values,
    read_holdings,
)
from clearance.portfolio.listing import cmic_list
from clearance.portfolio.screen import ScreenConfig, Screener
from clearance.spreadsheet import csv_dict, xlsx_row

__all__ = ["CHUNK", "CSV_FIELDS", "ResultWriter", "ScreenSummary", "flat_row", "make_screener",
           "screen_file", "screen_holdings"]

CHUNK = 5000
CSV_FIELDS = ["id", "status", "entity_id", "dataset", "source_id", "list_version",
              "listed_name", "score", "listing_date", "effective_date", "divestment_deadline",
              "actions", "evidence", "problems", "isin", "cusip", "figi", "issuer", "security",
              "quantity", "market_value", "currency", "fund", "account"]


def make_screener(as_of: date | None = None, threshold: float | None = None,
                  review_threshold: float | None = None) -> Screener:
    """A screener over the NS-CMIC entries of the active list versions."""
    defaults = ScreenConfig(as_of=as_of or date.today())
    cfg = ScreenConfig(
        as_of=defaults.as_of,
        threshold=defaults.threshold if threshold is None else threshold,
        review_threshold=(defaults.review_threshold if review_threshold is None
                          else review_threshold))
    if not 0.0 < cfg.review_threshold <= cfg.threshold <= 1.0:
        raise InputError(f"thresholds must satisfy 0 < review ({cfg.review_threshold}) <= "
                         f"alert ({cfg.threshold}) <= 1")
    return Screener(cmic_list(), cfg, ensure_index())


def flat_row(result: dict[str, Any]) -> dict[str, Any]:
    """A result as one CSV/XLSX row: evidence and problems joined, holding fields inline."""
    holding = result["holding"]
    row = {k: result.get(k) for k in CSV_FIELDS[:12]}
    row["evidence"] = " | ".join(e["detail"] for e in result["evidence"])
    row["problems"] = " | ".join(result["problems"])
    row.update({k: holding.get(k) for k in CSV_FIELDS[14:]})
    return row


def screen_holdings(holdings: Iterable[Holding], screener: Screener) -> Iterator[dict[str, Any]]:
    """Result dicts (see `HoldingResult.to_dict`) in input order, in this process."""
    for h in holdings:
        yield screener.screen(h).to_dict()


@dataclass
class ScreenSummary:
    """Counts of one run, the rows skipped (by line) and notes about the headers."""

    statuses: Counter[str] = field(default_factory=Counter)
    with_problems: int = 0
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def screened(self) -> int:
        return sum(self.statuses.values())

    def to_dict(self) -> dict[str, Any]:
        return {"screened": self.screened, "statuses": dict(self.statuses),
                "with_problems": self.with_problems, "skipped": self.skipped,
                "notes": self.notes}


# -- the work of one chunk, in a worker or in this process -------------------------------

@dataclass
class _Context:
    screener: Screener
    kind: str  # output: jsonl, csv, xlsx
    path: str
    headers: list[str] = field(default_factory=list)
    columns: ColumnMap | None = None
    positions: list[int | None] = field(default_factory=list)


@dataclass
class _Done:
    text: str = ""
    rows: list[list[Any]] = field(default_factory=list)  # xlsx rows
    statuses: Counter[str] = field(default_factory=Counter)
    with_problems: int = 0
    skipped: list[str] = field(default_factory=list)


_ctx: _Context | None = None


def _init(ctx: _Context) -> None:
    global _ctx
    _ctx = ctx


def _holdings_of(ctx: _Context, chunk: list[Any], done: _Done) -> Iterator[Holding]:
    if ctx.columns is None:  # already parsed rows (XLSX, JSONL, Parquet)
        for item in chunk:
            if isinstance(item, InputError):
                done.skipped.append(str(item))
            else:
                yield item
        return
    width = len(ctx.headers)
    lines = [line for line, _ in chunk]
    for line, values in zip(lines, csv.reader([text for _, text in chunk])):
        if not values or all(v.strip() == "" for v in values):
            continue
        if len(values) > width:
            done.skipped.append(str(InputError(
                f"{len(values)} fields where the header has {width}: an unquoted comma?",
                path=ctx.path, line=line)))
            continue
        try:
            yield holding_from_values(values, ctx.positions, ctx.columns, ctx.path, line)
        except InputError as exc:
            done.skipped.append(str(exc))


def _work(chunk: list[Any]) -> _Done:
    ctx = _ctx
    assert ctx is not None
    done = _Done()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS) if ctx.kind == "csv" else None
    for h in _holdings_of(ctx, chunk, done):
        if ctx.kind in ("jsonl", "ndjson"):
            line, core = ctx.screener.line_and_core(h)
            status, problems = core.status, bool(core.problems)
            out.write(line)
            out.write("\n")
        else:
            result = ctx.screener.screen(h).to_dict()
            status, problems = result["status"], bool(result["problems"])
            row = flat_row(result)
            if writer is not None:
                writer.writerow(csv_dict(row))
            else:
                done.rows.append([row[k] for k in CSV_FIELDS])
        done.statuses[status] += 1
        done.with_problems += problems
    done.text = out.getvalue()
    return done


def _records(path: Path) -> Iterator[tuple[int, str]]:
    """Raw CSV records and the line each starts on; a quote left open continues it."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            buf: list[str] = []
            start = quotes = 0
            for number, text in enumerate(fh, start=1):
                if not buf:
                    start = number
                buf.append(text)
                quotes += text.count('"')
                if quotes % 2 == 0:
                    yield start, text if len(buf) == 1 else "".join(buf)
                    buf, quotes = [], 0
            if buf:
                yield start, "".join(buf)  # an unterminated quote: the row parser says so
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start} of a line); "
                         "save the export as UTF-8", path=str(path)) from None


def _chunks(items: Iterator[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class ResultWriter:
    """JSONL (one line per holding), CSV or XLSX (one row per holding), by extension."""

    def __init__(self, path: Path | None, out: IO[str]) -> None:
        self.kind = "jsonl" if path is None else path.suffix.lower().lstrip(".")
        if self.kind not in ("jsonl", "ndjson", "csv", "xlsx"):
            raise InputError(f"unsupported output format {self.kind!r}; use .jsonl, .csv or "
                             ".xlsx", path=str(path))
        self.path = path
        self._fh: IO[str] = out
        self._wb: Any = None
        if path is not None and self.kind != "xlsx":
            self._fh = open(path, "w", newline="", encoding="utf-8")  # noqa: SIM115 - close()
        if self.kind == "csv":
            csv.writer(self._fh).writerow(CSV_FIELDS)
        elif self.kind == "xlsx":
            from openpyxl import Workbook

            self._wb = Workbook(write_only=True)
            self._ws = self._wb.create_sheet("holdings")
            self._ws.append(CSV_FIELDS)

    def write_text(self, text: str) -> None:
        """Lines or CSV rows already serialised (by a worker)."""
        self._fh.write(text)

    def write_result(self, result: dict[str, Any]) -> None:
        """One result dict (`HoldingResult.to_dict()`), in this writer's format."""
        if self.kind in ("jsonl", "ndjson"):
            self._fh.write(orjson.dumps(result).decode() + "\n")
            return
        row = flat_row(result)
        if self.kind == "csv":
            csv.DictWriter(self._fh, fieldnames=CSV_FIELDS).writerow(csv_dict(row))
        else:
            self._ws.append(xlsx_row(self._ws, [row[k] for k in CSV_FIELDS]))

    def write_rows(self, rows: list[list[Any]]) -> None:
        for row in rows:
            self._ws.append(xlsx_row(self._ws, row))

    def close(self) -> None:
        if self._wb is not None and self.path is not None:
            self._wb.save(self.path)
        elif self.path is not None:
            self._fh.close()
        else:
            self._fh.flush()


def screen_file(path: Path, writer: ResultWriter, screener: Screener, workers: int = 1
                ) -> ScreenSummary:
    """Screen every readable holding of a file into `writer`; bad rows are reported."""
    if not path.exists():
        raise InputError("no such file", path=str(path))
    summary = ScreenSummary()
    ctx = _Context(screener, writer.kind, str(path))
    if path.suffix.lower() == ".csv":
        records = _records(path)
        first = next(records, None)
        if first is None:
            return summary
        ctx.headers = next(csv.reader([first[1]]))
        ctx.columns = map_columns(ctx.headers, HOLDING_FIELDS)
        ctx.positions = column_positions(ctx.headers, ctx.columns)
        summary.notes = [f"{path}: {n}" for n in ctx.columns.notes]
        chunks: Iterator[list[Any]] = _chunks(records)
    else:
        holdings = read_holdings(path)
        chunks = _chunks(iter(holdings))
    if workers <= 1:
        _init(ctx)
        results: Iterator[_Done] = map(_work, chunks)
        _collect(results, writer, summary)
    else:
        with mp.get_context("fork").Pool(workers, initializer=_init, initargs=(ctx,)) as pool:
            _collect(pool.imap(_work, chunks, chunksize=1), writer, summary)
    if ctx.columns is None:
        summary.notes = holdings.notes
    return summary


def _collect(results: Iterable[_Done], writer: ResultWriter, summary: ScreenSummary) -> None:
    for done in results:
        if writer.kind == "xlsx":
            writer.write_rows(done.rows)
        else:
            writer.write_text(done.text)
        summary.statuses.update(done.statuses)
        summary.with_problems += done.with_problems
        summary.skipped += done.skipped
