"""The `--engine spark` side of `clearance screen` and `clearance monitor run`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clearance.monitor.cycle import CycleReport

from clearance.cli.output import err, fail
from clearance.exc import ClearanceError, InputError
from clearance.match.algorithm import ALGORITHM, VERSION
from clearance.store import active_version_ids, audit

__all__ = ["monitor_spark", "screen_spark"]

#: Malformed rows printed one by one; beyond, only counted.
SHOWN = 100


def _is_local(path: str) -> bool:
    return "://" not in path or path.startswith("file://")


def _exists(path: str) -> None:
    if _is_local(path) and not Path(path.removeprefix("file://")).exists():
        raise InputError("no such file", path=path)


def monitor_spark(book: str | None, full: bool, master: str | None) -> CycleReport:
    """A monitoring cycle of the book at `book` on Spark; alerts land in the store."""
    from pyspark.errors import AnalysisException

    from clearance.monitor import notify
    from clearance.spark.monitor import run_spark_cycle
    from clearance.spark.screen import input_kind
    from clearance.spark.session import spark_session

    try:
        if book is None:
            raise InputError("--engine spark monitors a book kept as files: give --book PATH")
        input_kind(book)
        _exists(book)
        try:
            report = run_spark_cycle(spark_session(master), book, full=full)
        except AnalysisException as exc:
            raise InputError(str(exc).splitlines()[0]) from None
    except ClearanceError as exc:
        raise fail(exc) from None
    for problem in report.problems[:SHOWN]:
        err.print(f"[yellow]skipped:[/] {problem}", highlight=False)
    notify.deliver(report.outcome, report.to_dict())
    notify.write_digest()
    return report


def screen_spark(input_path: str, output: str | None, threshold: float, limit: int,
                 master: str | None) -> None:
    """Screen INPUT into the folder OUTPUT on Spark, then report as the local path does."""
    from pyspark.errors import AnalysisException

    from clearance.index.store import ensure_index_file
    from clearance.spark.screen import input_kind, output_shape, screen_on_spark
    from clearance.spark.session import spark_session

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
        index_file = ensure_index_file()
        spark = spark_session(master)
        try:
            report = screen_on_spark(spark, input_path, output, threshold, limit,
                                     str(index_file))
        except AnalysisException as exc:  # a path Spark cannot read or write
            raise InputError(str(exc).splitlines()[0]) from None
    except ClearanceError as exc:
        raise fail(exc) from None
    for problem in report.problems[:SHOWN]:
        err.print(f"[yellow]skipped:[/] {problem}", highlight=False)
    if report.skipped > SHOWN:
        err.print(f"[yellow]skipped:[/] {report.skipped - SHOWN} more malformed rows",
                  highlight=False)
    audit.record(audit.default_actor(), "screening.run", {
        "input": input_path, "output": output, "rows": report.rows,
        "alerted": report.alerted, "skipped": report.skipped, "threshold": threshold,
        "algorithm": f"{ALGORITHM}/{VERSION}", "lists": active_version_ids(),
        "engine": "spark"})
    err.print(f"screened {report.rows} rows: {report.alerted} with alerts, "
              f"{report.skipped} skipped", highlight=False)
