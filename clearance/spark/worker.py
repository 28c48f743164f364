"""What runs inside Spark's Python workers: the shipped index, loaded once, and the pure
batch functions that turn input rows into results (no Spark import: testable alone).

A worker process serves many tasks (`spark.python.worker.reuse`); the index it loaded for
the first one stays for the next (`WorkerIndexes`), keyed by the artifact's file name,
which carries the index fingerprint.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa

from clearance.exc import InputError
from clearance.index.build import Index
from clearance.index.store import read_index
from clearance.match.engine import match_query
from clearance.match.score import Query, ScoringConfig
from clearance.screening.io import (
    CSV_FIELDS,
    InputRow,
    jsonl_row,
    match_rows,
    result_line,
    row_to_query,
)

__all__ = [
    "FILE_COL",
    "MONITOR_SCHEMA",
    "ROW_COL",
    "MonitorTask",
    "Problem",
    "ScreenTask",
    "Tally",
    "WorkerIndexes",
    "delta_candidates",
    "output_schema",
    "parse_batch",
    "worker_indexes",
]

#: Columns the driver adds to every input row: the file it came from and Spark's row id
#: (partition and position, `monotonically_increasing_id`), from which lines are counted.
FILE_COL = "__clearance_file"
ROW_COL = "__clearance_row"
#: Problems (malformed rows) a task reports by message; beyond that, only counted.
PROBLEMS_KEPT = 1000


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
            # its millions of objects (they stall scoring for 100+ ms each)
            gc.collect()
            gc.freeze()
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


@dataclass(frozen=True)
class Problem:
    """A malformed row: its file, Spark row id (the driver turns it into a line) and why."""

    file: str
    row: int
    problem: str


@dataclass
class Tally:
    """Counts of a screening task; merged across tasks by a Spark accumulator."""

    rows: int = 0
    alerted: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)

    def add(self, other: Tally) -> Tally:
        self.rows += other.rows
        self.alerted += other.alerted
        self.skipped += other.skipped
        room = PROBLEMS_KEPT - len(self.problems)
        self.problems.extend(other.problems[:max(0, room)])
        return self


def parse_batch(records: list[dict[str, Any]], kind: str
                ) -> Iterator[tuple[str, int, tuple[str, Query] | InputError]]:
    """(file, row id, (id, query) or the row's InputError) for each record of a batch.

    `kind` is the input format: "jsonl" records hold one text line (`value`), parsed as
    `clearance screen` parses a JSONL line; "csv" and "parquet" records are the row itself.
    The error's line is filled in by the driver, which alone can count lines.
    """
    for rec in records:
        file, row_id = str(rec.pop(FILE_COL)), int(rec.pop(ROW_COL))
        if kind == "jsonl":
            row = jsonl_row(0, rec.get("value") or "")
            if row is None:
                continue
        else:
            row = InputRow(0, rec)
        try:
            yield file, row_id, row_to_query(row, file)
        except InputError as exc:
            yield file, row_id, exc


def output_schema(shape: str) -> pa.Schema:
    """Arrow schema of the screening output: JSONL lines, or one record per match."""
    if shape == "jsonl":
        return pa.schema([("value", pa.string())])
    types = {"score": pa.float64(), "match": pa.bool_()}
    # CSV keeps Python's own text for every value, as `clearance screen` writes it
    return pa.schema([(f, types.get(f, pa.string()) if shape == "parquet" else pa.string())
                      for f in CSV_FIELDS])


def _csv_text(value: Any) -> str:
    """A value as the csv module writes it (str(), None as empty)."""
    return "" if value is None else str(value)


@dataclass(frozen=True)
class ScreenTask:
    """Everything a worker needs to screen batches: shipped with the function, small."""

    index_file: str
    input_kind: str  # jsonl, csv, parquet
    shape: str  # jsonl, csv, parquet (the output)
    threshold: float
    limit: int

    def screen(self, batches: Iterator[pa.RecordBatch], tally: Tally) -> Iterator[pa.RecordBatch]:
        """Score each input batch into one output batch; counts and problems go to `tally`."""
        index = worker_indexes().get(self.index_file)
        cfg = ScoringConfig(threshold=self.threshold)
        schema = output_schema(self.shape)
        for batch in batches:
            out: list[dict[str, Any]] = []
            for file, row_id, parsed in parse_batch(batch.to_pylist(), self.input_kind):
                if isinstance(parsed, InputError):
                    tally.skipped += 1
                    if len(tally.problems) < PROBLEMS_KEPT:
                        tally.problems.append(Problem(file, row_id, parsed.problem))
                    continue
                rid, query = parsed
                matches = [r.to_dict() for r in match_query(index, query, cfg, limit=self.limit)]
                tally.rows += 1
                tally.alerted += any(m["match"] for m in matches)
                if self.shape == "jsonl":
                    out.append({"value": result_line(rid, matches)})
                elif self.shape == "csv":
                    out += [{k: _csv_text(v) for k, v in rec.items()}
                            for rec in match_rows(rid, matches)]
                else:
                    out += match_rows(rid, matches)
            yield pa.RecordBatch.from_pylist(out, schema=schema)


def delta_candidates(delta: Index, full: Index, query: Query, cfg: ScoringConfig) -> list[str]:
    """List entities of the small `delta` index that `query` may match, by entity id.

    Candidate names come from the delta index's own candidate generation (up to
    `REVERSE_LIMIT`, as monitoring looks book names up), and by identifier; a name whose
    score ceiling with the full index's weights stays below what secondary evidence could
    lift to the threshold is dropped before any real comparison (as `BookIndex.candidates`
    does in the other direction). Han-script names are always kept.
    """
    from clearance.index.build import norm_identifier
    from clearance.index.search import candidate_names
    from clearance.match import zh
    from clearance.match.compare import score_ceiling
    from clearance.match.engine import prepare_query_names
    from clearance.monitor.book_index import REVERSE_LIMIT

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
                person = meta.schema == "Person"
                extra = cfg.person_list_extra_penalty if person else cfg.org_list_extra_penalty
                if han or score_ceiling(name, listed, full.weight, cfg.query_extra_penalty,
                                        extra, person) >= floor:
                    found.add(meta.entity_id)
    for raw in query.identifiers:
        value = norm_identifier(raw)
        if len(value) >= 4:
            found.update(delta.entities[e].entity_id for e in delta.identifiers.get(value, ()))
    return sorted(found)


#: The rows a monitoring task returns to the driver: hits (book id, digest, result),
#: malformed rows (file, row id, problem) and, per batch, its counts (rows, pairs) alone.
MONITOR_SCHEMA = pa.schema([("book_id", pa.string()), ("book_digest", pa.string()),
                            ("result", pa.string()), ("file", pa.string()),
                            ("row", pa.int64()), ("problem", pa.string()),
                            ("rows", pa.int64()), ("pairs", pa.int64())])


@dataclass(frozen=True)
class MonitorTask:
    """One monitoring scan of the book: every row against the full lists (`delta_file`
    None) or against the small side only (the new and changed list entries)."""

    index_file: str
    delta_file: str | None  # JSON lines of the list records to match, shipped with addFile
    input_kind: str
    threshold: float

    def delta_index(self, full: Index) -> Index:
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
        from clearance.match.engine import score_entities
        from clearance.monitor.book import entry_from_row
        from clearance.monitor.cycle import FORWARD_LIMIT

        full = worker_indexes().get(self.index_file)
        delta = None if self.delta_file is None else self.delta_index(full)
        cfg = ScoringConfig(threshold=self.threshold)
        for batch in batches:
            out: list[dict[str, Any]] = []
            rows = pairs = 0
            for rec in batch.to_pylist():
                file, row_id = str(rec.pop(FILE_COL)), int(rec.pop(ROW_COL))
                row = (jsonl_row(0, rec.get("value") or "") if self.input_kind == "jsonl"
                       else InputRow(0, rec))
                if row is None:
                    continue
                try:
                    entry = entry_from_row(row, file)
                except InputError as exc:
                    out.append({"file": file, "row": row_id, "problem": exc.problem})
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
