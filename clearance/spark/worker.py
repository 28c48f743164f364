"""What runs inside Spark's Python workers: input rows read as `clearance screen` reads
them, the shipped index loaded once, and the batch functions that turn rows into results
(no Spark import: testable alone).

Rows reach a worker as Spark read them: text lines as bytes (CSV, TSV, JSONL) or Parquet
records, each with its file and Spark row id. `InputSpec`, made once on the driver, holds
what turns them into the `InputRow`s the local reader makes of the same file, with the
same line numbers and the same bad-row messages: each file's encoding and header, and
where each split's lines start. Parsing itself is `clearance.screening.readers`' own.

A worker process serves many tasks (`spark.python.worker.reuse`); the index it loaded for
the first one stays for the next (`WorkerIndexes`), keyed by the artifact's file name,
which carries the index fingerprint.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa

from clearance.exc import InputError
from clearance.index.build import Index
from clearance.index.store import read_index
from clearance.match.engine import as_person, match_query
from clearance.match.score import Query, ScoringConfig
from clearance.match.tables import freeze_heap, load_lazy_tables
from clearance.screening.columns import ColumnMap, map_columns
from clearance.screening.group import screen_query
from clearance.screening.io import (
    InputRow,
    cell,
    csv_header,
    match_rows,
    result_line,
    row_to_query,
)
from clearance.screening.readers import csv_records, decode_line, jsonl_row, parquet_row
from clearance.spreadsheet import csv_row

__all__ = [
    "DATA_COL",
    "ERROR_COL",
    "FILE_COL",
    "LINE_COL",
    "MONITOR_SCHEMA",
    "ROW_COL",
    "VALUE_COL",
    "InputSpec",
    "MonitorTask",
    "Problem",
    "ScreenTask",
    "Tally",
    "WorkerIndexes",
    "csv_split_rows",
    "delta_candidates",
    "input_rows",
    "output_schema",
    "worker_indexes",
]

#: Columns the driver adds to every input row: the file it came from and Spark's row id
#: (partition << 33 | position, `monotonically_increasing_id`), from which lines are counted.
FILE_COL = "__clearance_file"
ROW_COL = "__clearance_row"
#: A text line's bytes (Spark's text source names its column "value").
VALUE_COL = "value"
#: A parsed CSV record: the line it starts on, its values (JSON) or why it is unreadable.
LINE_COL = "__clearance_line"
DATA_COL = "__clearance_data"
ERROR_COL = "__clearance_error"
#: Malformed rows a screening reports by message (the first by file and line); the rest
#: are counted.
PROBLEMS_KEPT = 1000


@dataclass(frozen=True)
class InputSpec:
    """How a worker reads the input's rows; made once by the driver (`spark.read`)."""

    kind: str  # csv, jsonl, parquet
    labels: dict[str, str]  # file URI -> the file as messages name it
    splits: dict[tuple[str, int], tuple[int, int]]  # (file, partition) -> (first row id,
    #                                                  the file's rows in earlier splits)
    encodings: dict[str, str] = field(default_factory=dict)  # text: file -> its codec
    header_lines: dict[str, int] = field(default_factory=dict)  # CSV: file -> its header's line
    columns: tuple[str, ...] = ()  # CSV: the header
    delimiter: str = ","

    def line(self, file: str, row: int) -> int:
        """The line (Parquet: the record number) of a row, from its Spark row id."""
        first, before = self.splits[(file, row >> 33)]
        return before + row - first + 1

    def text(self, file: str, line: int, raw: bytes) -> str:
        """A line's bytes as the local reader decodes them (a leading BOM dropped)."""
        codec = self.encodings.get(file, "utf-8")  # none: the file has no text at all
        text = decode_line(raw, "utf-8" if codec == "utf-8-sig" else codec)
        return text.lstrip("\ufeff") if line == 1 else text


def _triples(batches: Iterable[pa.RecordBatch], *names: str) -> Iterator[tuple[Any, ...]]:
    for batch in batches:
        cols = batch.to_pydict()
        yield from zip(*(cols[n] for n in names))


def csv_split_rows(spec: InputSpec, batches: Iterable[pa.RecordBatch]
                   ) -> Iterator[pa.RecordBatch]:
    """The CSV records of one split's lines (run before any repartitioning, so that a quoted
    value over several lines is read whole): (file, line, values as JSON, or the error).

    Lines come without their line break; each is given "\\n" back. A record whose quoted
    value runs across the end of a split (128 MB by default) is reported as malformed, not
    screened: Spark splits files at line breaks, quotes unseen.
    """
    out: list[tuple[str, int, str | None, str | None]] = []
    schema = pa.schema([(FILE_COL, pa.string()), (LINE_COL, pa.int64()),
                        (DATA_COL, pa.string()), (ERROR_COL, pa.string())])
    for file, group in itertools.groupby(_triples(batches, FILE_COL, ROW_COL, VALUE_COL),
                                         key=lambda t: str(t[0])):
        header = spec.header_lines.get(file)
        if header is None:  # no line with text: no header, no rows
            continue
        numbered = ((spec.line(file, row), raw) for _, row, raw in group)
        lines = ((n, spec.text(file, n, raw) + "\n") for n, raw in numbered if n > header)
        for rec in csv_records(lines, list(spec.columns), spec.labels[file],
                               spec.encodings[file], spec.delimiter):
            data = None if rec.error is not None else orjson.dumps(rec.data).decode()
            out.append((file, rec.line, data, rec.error))
            if len(out) >= 1000:
                yield _batch(out, schema)
                out = []
    yield _batch(out, schema)


def _batch(rows: Sequence[Sequence[Any]], schema: pa.Schema) -> pa.RecordBatch:
    """Rows (value lists in `schema` order) as one Arrow batch."""
    columns: list[list[Any]] = [list(c) for c in zip(*rows)] if rows else [[] for _ in schema]
    return pa.RecordBatch.from_arrays([pa.array(c, type=f.type)
                                       for c, f in zip(columns, schema)], schema=schema)


def input_rows(spec: InputSpec, batches: Iterable[pa.RecordBatch]
               ) -> Iterator[tuple[str, InputRow]]:
    """(the file as messages name it, its row) for each input row, as the local reader
    reads it: blank JSONL lines are no rows; bad rows carry their `error`."""
    if spec.kind == "jsonl":
        for file, row, raw in _triples(batches, FILE_COL, ROW_COL, VALUE_COL):
            line = spec.line(file, row)
            parsed = jsonl_row(line, spec.text(file, line, raw), spec.encodings[file])
            if parsed is not None:
                yield spec.labels[file], parsed
    elif spec.kind == "csv":
        for file, line, data, error in _triples(batches, FILE_COL, LINE_COL, DATA_COL,
                                                ERROR_COL):
            yield spec.labels[file], InputRow(line, {} if data is None else orjson.loads(data),
                                              error)
    else:
        for batch in batches:
            for rec in batch.to_pylist():
                file, row = str(rec.pop(FILE_COL)), int(rec.pop(ROW_COL))
                yield spec.labels[file], parquet_row(spec.line(file, row), rec)


class WorkerIndexes:
    """Indexes loaded in this worker process, by artifact name (one kept at a time)."""

    def __init__(self, locate: Callable[[str], str]) -> None:
        self._locate = locate
        self._loaded: dict[str, Index] = {}

    def get(self, name: str) -> Index:
        index = self._loaded.get(name)
        if index is None:
            self._loaded.clear()
            index = read_index(Path(self._locate(name)))
            # the index lives as long as the worker: keep the collector's full passes off
            # its millions of objects, and the lazily loaded tables' (they stall scoring
            # for 100+ ms each)
            load_lazy_tables()
            freeze_heap()
            self._loaded[name] = index
        return index


def _spark_file(name: str) -> str:
    from pyspark import SparkFiles

    return str(SparkFiles.get(name))


_indexes: WorkerIndexes | None = None


def worker_indexes() -> WorkerIndexes:
    """This worker's index cache, reading artifacts shipped with `SparkContext.addFile`."""
    global _indexes
    if _indexes is None:
        _indexes = WorkerIndexes(_spark_file)
    return _indexes


@dataclass(frozen=True, order=True)
class Problem:
    """A malformed row: its file (as named in messages), line, and the message."""

    file: str
    line: int
    message: str


@dataclass
class Tally:
    """Counts of a screening task; merged across tasks by a Spark accumulator."""

    rows: int = 0
    alerted: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    #: unreadable countries, birth dates and types, dropped from rows still screened
    ignored: int = 0
    notices: list[Problem] = field(default_factory=list)

    def skip(self, problem: Problem) -> None:
        self.skipped += 1
        if len(self.problems) < PROBLEMS_KEPT:  # a task reads its rows in order
            self.problems.append(problem)

    def ignore(self, problem: Problem) -> None:
        self.ignored += 1
        if len(self.notices) < PROBLEMS_KEPT:
            self.notices.append(problem)

    def add(self, other: Tally) -> Tally:
        self.rows += other.rows
        self.alerted += other.alerted
        self.skipped += other.skipped
        self.problems = sorted(self.problems + other.problems)[:PROBLEMS_KEPT]
        self.ignored += other.ignored
        self.notices = sorted(self.notices + other.notices)[:PROBLEMS_KEPT]
        return self


def output_schema(shape: str, carried: tuple[str, ...] = ()) -> pa.Schema:
    """Arrow schema of the screening output: JSONL lines, or the rows of the local CSV
    output (`screening.io.csv_header`), as text (CSV) or with a typed score and match."""
    if shape == "jsonl":
        return pa.schema([(VALUE_COL, pa.string())])
    names = csv_header(carried)
    types = {len(names) - 4: pa.float64(), len(names) - 3: pa.bool_()}  # score, match
    return pa.schema([(n, types.get(i, pa.string()) if shape == "parquet" else pa.string())
                      for i, n in enumerate(names)])


def _as_text(value: Any) -> str | None:
    """A value as the csv module writes it (str()); None stays empty."""
    return None if value is None else str(value)


def _typed(row: list[Any]) -> list[Any]:
    """A CSV output row for Parquet: text, but the score a number and the match a flag."""
    out: list[Any] = [_as_text(v) for v in row]
    score = row[-4]
    out[-4] = None if score == "" else float(score)
    out[-3] = bool(row[-3])
    return out


@dataclass(frozen=True)
class ScreenTask:
    """Everything a worker needs to screen batches: shipped with the function, small."""

    spec: InputSpec
    columns: ColumnMap | None  # a file with a header: mapped once, on the driver
    overrides: dict[str, list[str]]  # JSONL: each row's keys are mapped with these
    index_file: str
    shape: str  # jsonl, csv, parquet (the output)
    threshold: float
    limit: int
    min_score: float

    def screen(self, batches: Iterator[pa.RecordBatch], tally: Tally) -> Iterator[pa.RecordBatch]:
        """Score each input batch into one output batch, as `clearance screen` scores and
        writes each row; counts and malformed rows go to `tally`."""
        index = worker_indexes().get(self.index_file)
        cfg = ScoringConfig(threshold=self.threshold)
        carried = () if self.columns is None else self.columns.carried
        schema = output_schema(self.shape, carried)
        for batch in batches:
            out: list[list[Any]] = []
            for label, row in input_rows(self.spec, [batch]):
                try:
                    cols = self.columns if self.columns is not None else map_columns(
                        [k for k in row.data if k != "query"], self.overrides)
                    unread: list[InputError] = []
                    row_id, query = row_to_query(row, label, cols,
                                                 line_ids=self.columns is not None,
                                                 ignored=unread)
                except InputError as exc:
                    tally.skip(Problem(label, row.line, str(exc)))
                    continue
                for note in unread:
                    tally.ignore(Problem(label, row.line, str(note)))
                parties = screen_query(index, query, cfg, self.limit, self.min_score)
                matches = [p.to_dict() for p in parties]
                tally.rows += 1
                tally.alerted += any(p.match for p in parties)
                extra = cols.extra(row.data)
                if self.shape == "jsonl":
                    out.append([result_line(row_id, matches, query.name, extra)])
                    continue
                given = [cell(extra.get(c)) for c in carried]
                for r in match_rows(row_id, matches, query.name, given):
                    out.append(_typed(r) if self.shape == "parquet" else
                               [_as_text(v) for v in csv_row(r)])
            yield _batch(out, schema)


def delta_candidates(delta: Index, full: Index, query: Query, cfg: ScoringConfig) -> list[str]:
    """List entities of the small `delta` index that `query` may match, by entity id.

    Candidate names come from the delta index's own candidate generation (up to
    `REVERSE_LIMIT`, as monitoring looks book names up), and by identifier; a name whose
    score ceiling with the full index's weights (`book_index.pair_ceiling`, as the scorer
    will compare the pair) stays below what secondary evidence could lift to the threshold
    is dropped before any real comparison. Han-script names are always kept.
    """
    from clearance.index.build import norm_identifier
    from clearance.index.search import candidate_names
    from clearance.match import zh
    from clearance.match.engine import prepare_query_names
    from clearance.match.imo import imo_slips
    from clearance.monitor.book_index import REVERSE_LIMIT, pair_ceiling

    floor = cfg.threshold - cfg.dob_agree_bonus - cfg.country_agree_bonus
    found: set[str] = set()
    for name in prepare_query_names(query):
        han = any(zh.has_han(t) for t in name.tokens)
        for n_idx in candidate_names(delta, name, REVERSE_LIMIT).tolist():
            listed = delta.names[n_idx]
            for e_idx, _, _ in delta.owners[n_idx]:
                meta = delta.entities[e_idx]
                if meta.entity_id in found:
                    continue
                if han or pair_ceiling(name, listed, full, cfg,
                                       as_person(query.schema, meta.schema)) >= floor:
                    found.add(meta.entity_id)
    for raw in query.identifiers_read:
        value = norm_identifier(raw)
        for key in ([value] if len(value) >= 4 else []) + [n for n, _ in imo_slips(value)]:
            # (a listed vessel's IMO number one slip from a typed one: `score_entities`
            # keeps it as `match_query` does)
            found.update(delta.entities[e].entity_id for e in delta.identifiers.get(key, ()))
    return sorted(found)


#: The rows a monitoring task returns to the driver: hits (book id, digest, result),
#: malformed rows (file, line, problem) and, per batch, its counts (rows, pairs) alone.
MONITOR_SCHEMA = pa.schema([("book_id", pa.string()), ("book_digest", pa.string()),
                            ("result", pa.string()), ("file", pa.string()),
                            ("line", pa.int64()), ("problem", pa.string()),
                            ("rows", pa.int64()), ("pairs", pa.int64())])


@dataclass(frozen=True)
class MonitorTask:
    """One monitoring scan of the book: every row against the full lists (`delta_file`
    None) or against the small side only (the new and changed list entries)."""

    spec: InputSpec
    columns: ColumnMap | None  # a book with a header: mapped once, on the driver
    index_file: str
    delta_file: str | None  # JSON lines of the list records to match, shipped with addFile
    threshold: float

    def delta_index(self) -> Index:
        from clearance.index.build import build_index

        assert self.delta_file is not None
        key = f"{self.index_file}+{self.delta_file}"
        cached = _deltas.get(key)
        if cached is None:
            with open(_spark_file(self.delta_file), encoding="utf-8") as fh:
                records = [orjson.loads(line) for line in fh if line.strip() != ""]
            cached = build_index(records, f"delta:{self.delta_file}")
            _deltas.clear()
            _deltas[key] = cached
        return cached

    def scan(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        """Each batch of book rows into its hits, its malformed rows and its counts."""
        from clearance.match.engine import score_entities
        from clearance.monitor.book import entry_from_row
        from clearance.monitor.cycle import FORWARD_LIMIT

        full = worker_indexes().get(self.index_file)
        delta = None if self.delta_file is None else self.delta_index()
        cfg = ScoringConfig(threshold=self.threshold)
        for batch in batches:
            out: list[dict[str, Any]] = []
            rows = pairs = 0
            for label, row in input_rows(self.spec, [batch]):
                try:
                    cols = self.columns if self.columns is not None else map_columns(
                        row.data.keys())
                    entry = entry_from_row(row, label, cols)
                except InputError as exc:
                    out.append({"file": label, "line": row.line, "problem": str(exc)})
                    continue
                query = entry.query()
                rows += 1
                if delta is None:
                    found = match_query(full, query, cfg, FORWARD_LIMIT, min_score=cfg.threshold)
                else:
                    targets = delta_candidates(delta, full, query, cfg)
                    found = score_entities(full, query, targets, cfg) if targets else []
                    pairs += len(targets)
                out += [{"book_id": entry.id, "book_digest": entry.digest,
                         "result": orjson.dumps(r.to_dict()).decode()}
                        for r in found if r.match]
            out.append({"rows": rows, "pairs": pairs})
            yield pa.RecordBatch.from_pylist(out, schema=MONITOR_SCHEMA)


_deltas: dict[str, Index] = {}
