"""`clearance monitor run --engine spark --book PATH`: delta monitoring of a book kept as
files (Parquet, CSV or JSONL, any path Spark reads), with alerts in the store.

The book stays where it is; the store keeps, per book path, the list versions it was last
reconciled with (`file_book_state`). A cycle:

1. compares the active list versions with that state (`monitor.cycle.list_delta`); the
   small side is every added entry, every changed entry that can move a score (names,
   identifiers, schema, country, birth date) and every changed entry with an alert;
2. ships the list index (for weights and exact scores) and the small side's records;
   each Python worker builds the small side's index once and scans its share of the book
   once, in Arrow batches: candidates from the small index, then `score_entities`, the
   screening scorer, exactly (`worker.MonitorTask`);
3. brings the hits (pairs at or above the threshold) back to the driver, which writes them
   with `monitor.alerts.reconcile` — the same opening, refreshing, reopening and
   false-positive suppression as a local cycle — and delists removed entries.

The first cycle of a book, or `--full`, scans the book against all lists. The book is
read as `clearance book import` reads a file (`spark.read`: bank-export headers, bad rows
by line). A cycle runs as a local one does (`cycle.run_locked`): one at a time per store
under the monitoring lock, registered in `monitor_cycles`, a signed audit checkpoint
after it. Hits commit in chunks and the new state with the audit record last, so a cycle
that dies is run again and, alerts being keyed by pair, never duplicates one; the next
cycle, of either engine, reports the alerts the killed one changed. The 50% rule and the
store book's near pairs are local-cycle features; changed book rows are screened by a
`--full` cycle.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from pyspark.sql import SparkSession
from sqlalchemy import delete, insert, select

from clearance.exc import StoreError
from clearance.index.store import ensure_index_file
from clearance.match.score import ScoringConfig
from clearance.monitor import lock
from clearance.monitor.alerts import Hit, delist, reconcile
from clearance.monitor.book import book_columns
from clearance.monitor.cycle import CycleReport, ListDelta, list_delta, resume, run_locked
from clearance.spark.read import SparkInput, open_input
from clearance.spark.screen import ship, spark_schema
from clearance.spark.worker import MONITOR_SCHEMA, MonitorTask
from clearance.store import active_version_ids, audit, version_digests, version_records
from clearance.store.db import alerts, engine, file_book_state, utc_now

__all__ = ["SparkCycle", "run_spark_cycle", "small_side"]

CHUNK = 2000


@dataclass
class SparkCycle(CycleReport):
    """A cycle report, plus the book's malformed rows (each with its file and line) and how
    the book was read (`notes`: title rows above a CSV header, as `clearance screen` says)."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _state(book: str) -> dict[str, int]:
    with engine().connect() as conn:
        return {r.dataset: r.version_id for r in conn.execute(
            select(file_book_state).where(file_book_state.c.book == book))}


def _alerted(entity_ids: list[str]) -> set[str]:
    found: set[str] = set()
    with engine().connect() as conn:
        for start in range(0, len(entity_ids), 500):
            part = entity_ids[start:start + 500]
            found.update(r[0] for r in conn.execute(
                select(alerts.c.entity_id).where(alerts.c.entity_id.in_(part)).distinct()))
    return found


def small_side(deltas: list[ListDelta]) -> dict[int, list[str]]:
    """Version id -> the entity ids of that version to match against the book."""
    out: dict[int, list[str]] = {}
    for d in deltas:
        ids = set(d.added + d.grown + d.secondary) | _alerted(d.other)
        if ids:
            out[d.to_version_id] = sorted(ids)
    return out


def _write_side(side: dict[int, list[str]], folder: Path) -> Path:
    """The small side's records as JSON lines, named by their content."""
    lines = [orjson.dumps(rec) for vid, ids in sorted(side.items())
             for rec in version_records(vid, ids).values()]
    digest = hashlib.sha1(b"\n".join(lines)).hexdigest()[:16]
    path = folder / f"delta-{digest}.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def run_spark_cycle(spark: SparkSession, book: str, full: bool = False,
                    cfg: ScoringConfig | None = None, actor: str = "monitor", wait: float = 0.0,
                    notify: Callable[[SparkCycle], None] | None = None) -> SparkCycle:
    """One cycle for the book at `book` (see the module docstring); `wait` and `notify` as
    for `cycle.run_cycle`."""
    return run_locked(lambda run: _run(spark, book, full, cfg or ScoringConfig(), actor, run),
                      wait, notify)


def _run(spark: SparkSession, book: str, full: bool, cfg: ScoringConfig, actor: str,
         run: lock.CycleRun) -> SparkCycle:
    t0 = time.perf_counter()
    report = SparkCycle(started=utc_now(), full=full)
    active = active_version_ids()
    if not active:
        raise StoreError("no list is loaded: load the official lists before monitoring "
                         "(clearance lists load)")
    state = _state(book)
    report.full = full = full or not state
    index_file = ensure_index_file()
    with tempfile.TemporaryDirectory(prefix="clearance-spark-") as tmp:
        delta_file: str | None = None
        scan = True
        if not full:
            report.lists = [list_delta(d, state.get(d), v, cfg) for d, v in sorted(active.items())
                            if state.get(d) != v]
            side = small_side(report.lists)
            scan = bool(side)
            if scan:
                delta_file = ship(spark, str(_write_side(side, Path(tmp))))
        if scan:
            source = open_input(spark, book)
            report.notes = list(source.notes)
            columns = None if source.columns is None else book_columns(source.columns, book)
            task = MonitorTask(source.spec, columns, ship(spark, str(index_file)), delta_file,
                               cfg.threshold)
            _scan(source, task, report)
    removed = [e for d in report.lists for e in d.removed]
    for dataset in sorted(set(state) - set(active)):
        removed += list(version_digests(state[dataset]))
    report.resumed = [{"started": started, "holder": who} for started, who in run.interrupted]
    with engine().begin() as conn:
        delist(conn, removed, report.outcome)
        resume(conn, run, report)
        conn.execute(delete(file_book_state).where(file_book_state.c.book == book))
        now = utc_now()
        conn.execute(insert(file_book_state), [{"book": book, "dataset": d, "version_id": v,
                                                "at": now} for d, v in active.items()])
        report.seconds = time.perf_counter() - t0
        audit.append(conn, actor, "monitor.run", {**report.to_dict(), "lists_active": active,
                                                  "engine": "spark", "book": book,
                                                  "skipped": len(report.problems),
                                                  "notes": report.notes})
    report.seconds = time.perf_counter() - t0
    return report


def _scan(source: SparkInput, task: MonitorTask, report: SparkCycle) -> None:
    """Scan the book once on the executors; reconcile the hits in chunks on the driver."""
    found = source.frame.mapInArrow(task.scan, spark_schema(MONITOR_SCHEMA)).persist()
    try:
        found.count()  # computed once, in parallel; read back partition by partition
        digests: dict[str, str] = {}
        for vid in active_version_ids().values():
            digests.update(version_digests(vid))
        hits: list[Hit] = []
        problems: list[tuple[str, int, str]] = []
        for r in found.toLocalIterator():
            if r["book_id"] is None and r["problem"] is None:  # a batch's counts
                report.book_screened += r["rows"]
                report.pairs_scored += r["pairs"]
                continue
            if r["problem"] is not None:
                problems.append((r["file"], r["line"], r["problem"]))
                continue
            result = orjson.loads(r["result"])
            hits.append(Hit(r["book_id"], r["book_digest"], digests.get(result["entity_id"], ""),
                            result))
            if len(hits) >= CHUNK:
                with engine().begin() as conn:
                    reconcile(conn, hits, report.outcome)
                hits = []
        if hits:
            with engine().begin() as conn:
                reconcile(conn, hits, report.outcome)
    finally:
        found.unpersist()
    report.problems = [p for _, _, p in sorted(problems)]
