"""The `--engine spark` side of `clearance screen` and `clearance monitor run`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clearance.monitor.cycle import CycleReport

from clearance.cli.match import require_lists, show_columns, show_summary
from clearance.cli.output import err, fail
from clearance.exc import ClearanceError, InputError
from clearance.match.algorithm import ALGORITHM, VERSION
from clearance.match.score import ScoringConfig
from clearance.screening.recorder import record_run

__all__ = ["monitor_spark", "screen_spark"]

#: Malformed rows printed one by one (the first, by file and line); beyond, only counted.
SHOWN = 100


def _is_local(path: str) -> bool:
    return "://" not in path or path.startswith("file://")


def _exists(path: str) -> None:
    if _is_local(path) and not Path(path.removeprefix("file://")).exists():
        raise InputError("no such file", path=path)


def monitor_spark(book: str | None, full: bool, master: str | None, wait: float,
                  notify: Callable[[CycleReport], None]) -> CycleReport:
    """A monitoring cycle of the book at `book` on Spark; alerts land in the store. Raises
    `Busy` when another cycle holds the store's lock past `wait` seconds."""
    from pyspark.errors import AnalysisException

    from clearance.spark.monitor import run_spark_cycle
    from clearance.spark.read import input_kind
    from clearance.spark.session import spark_session

    if book is None:
        raise InputError("--engine spark monitors a book kept as files: give --book PATH")
    input_kind(book)
    _exists(book)
    try:
        report = run_spark_cycle(spark_session(master), book, full=full, wait=wait,
                                 notify=notify)
    except AnalysisException as exc:
        raise InputError(str(exc).splitlines()[0]) from None
    for note in report.notes:
        err.print(f"[yellow]note:[/] {note}", highlight=False)
    for problem in report.problems[:SHOWN]:
        err.print(f"[yellow]skipped:[/] {problem}", highlight=False)
    if len(report.problems) > SHOWN:
        err.print(f"[yellow]skipped:[/] {len(report.problems) - SHOWN} more malformed rows",
                  highlight=False)
    return report


def screen_spark(input_path: str, output: str | None, cfg: ScoringConfig, limit: int,
                 min_score: float, encoding: str | None, overrides: dict[str, list[str]],
                 master: str | None) -> None:
    """Screen INPUT into the folder OUTPUT on Spark, then report as the local path does."""
    from pyspark.errors import AnalysisException

    from clearance.index.store import ensure_index_file
    from clearance.spark.read import input_kind, open_input
    from clearance.spark.screen import output_shape, screen_on_spark, screening_columns
    from clearance.spark.session import spark_session

    tabular = False
    try:
        if output is None:
            raise InputError("--engine spark writes a folder of part files: give "
                             "-o OUT.jsonl, OUT.csv or OUT.parquet")
        input_kind(input_path)
        output_shape(output)
        _exists(input_path)
        if _is_local(output) and Path(output.removeprefix("file://")).exists():
            raise InputError("already exists: Spark writes a new folder; remove it or choose "
                             "another output", path=output)
        require_lists()
        index_file = ensure_index_file()
        spark = spark_session(master)
        try:
            source = open_input(spark, input_path, encoding)
            for note in source.notes:
                err.print(f"[yellow]note:[/] {note}", highlight=False)
            cmap = screening_columns(source, overrides)
            if cmap is not None:
                tabular = True
                show_columns(cmap)
            report = screen_on_spark(spark, source, output, str(index_file), cfg, limit,
                                     min_score, overrides)
        except AnalysisException as exc:  # a path Spark cannot read or write
            raise InputError(str(exc).splitlines()[0]) from None
    except ClearanceError as exc:
        raise fail(exc) from None
    for problem in report.problems[:SHOWN]:
        err.print(f"[yellow]skipped:[/] {problem}", highlight=False)
    if report.skipped > SHOWN:
        err.print(f"[yellow]skipped:[/] {report.skipped - SHOWN} more malformed rows (the first "
                  f"{SHOWN} by file and line are shown)", highlight=False)
    for notice in report.notices[:SHOWN]:
        err.print(f"[yellow]ignored:[/] {notice}; the row is screened without it",
                  highlight=False)
    record_run({
        "input": input_path, "output": output, "rows": report.rows,
        "alerted": report.alerted, "skipped": report.skipped,
        "ignored_values": report.ignored, "threshold": cfg.threshold,
        "min_score": min_score, "algorithm": f"{ALGORITHM}/{VERSION}", "engine": "spark"})
    show_summary(input_path, report.rows, report.alerted, report.skipped, min_score, tabular,
                 ignored=report.ignored)
