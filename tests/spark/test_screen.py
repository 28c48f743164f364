"""`clearance screen --engine spark` gives what `clearance screen` gives: every row, every
score, the same malformed rows reported by file and line, and no row twice after a retry."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from clearance.cli.app import _register, app
from clearance.index.store import ensure_index_file
from clearance.match.score import ScoringConfig
from clearance.spark.read import open_input
from clearance.spark.screen import SparkScreening, screen_on_spark
from clearance.spark.worker import ScreenTask, Tally

_register()

BAD_JSONL = ['{"name": "no id here"}', "", "not json", '["a", "list"]',
             '{"id": "x-1", "name": "Bad Date", "birth_date": "soon"}']


def _local(path: Path, suffix: str = ".jsonl", *options: str) -> tuple[Path, list[str]]:
    """What `clearance screen` itself writes for `path` (its output file) and the malformed
    rows it reports."""
    out = path.with_name(f"{path.stem}-local{suffix}")
    res = CliRunner().invoke(app, ["screen", str(path), "-o", str(out), "--workers", "1",
                                   *options])
    problems = [line.removeprefix("skipped: ") for line in res.output.splitlines()
                if line.startswith("skipped: ")]
    assert res.exit_code == (3 if problems else 0), res.output
    return out, problems


def _local_lines(path: Path) -> tuple[list[str], list[str]]:
    out, problems = _local(path)
    return out.read_text(encoding="utf-8").splitlines(), problems


def _spark(spark: Any, source: Path, out: Path, **kw: Any) -> SparkScreening:
    return screen_on_spark(spark, open_input(spark, str(source)), str(out),
                           str(ensure_index_file()), ScoringConfig(threshold=0.8), 5, **kw)


def _parts(folder: Path, suffix: str) -> list[Path]:
    return sorted(folder.glob(f"part-*{suffix}"))


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _jsonl_book(path: Path, rows: list[dict[str, Any]]) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    for k, bad in enumerate(BAD_JSONL):  # malformed rows among good ones
        lines.insert(7 + 13 * k, bad)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def jsonl_run(spark: Any, session_home: Path, book_rows: list[dict[str, Any]],
              tmp_path_factory: pytest.TempPathFactory
              ) -> tuple[SparkScreening, list[str], Path]:
    tmp = tmp_path_factory.mktemp("spark_jsonl")
    source = _jsonl_book(tmp / "book.jsonl", book_rows)
    report = _spark(spark, source, tmp / "out.jsonl")
    lines = [x for p in _parts(tmp / "out.jsonl", ".txt")
             for x in p.read_text(encoding="utf-8").splitlines()]
    return report, lines, source


def test_jsonl_results_equal_the_local_ones_row_for_row_and_score_for_score(
        loaded_home: Path, jsonl_run: tuple[SparkScreening, list[str], Path]) -> None:
    report, lines, source = jsonl_run
    expected, _ = _local_lines(source)
    # every line as `clearance screen` writes it (grouped parties, scores, screened name,
    # the row's other fields), once each, in input order
    assert lines == expected
    parsed = [json.loads(x) for x in expected]
    assert any(m["match"] for p in parsed for m in p["matches"])  # real alerts among them
    assert any(len(m["listings"]) > 1 for p in parsed for m in p["matches"])  # grouped
    assert (report.rows, report.alerted) == (
        len(parsed), sum(any(m["match"] for m in p["matches"]) for p in parsed))


def test_malformed_rows_are_reported_by_file_and_line_and_skipped_as_locally(
        loaded_home: Path, jsonl_run: tuple[SparkScreening, list[str], Path]) -> None:
    report, lines, source = jsonl_run
    _, problems = _local_lines(source)
    assert len(problems) == 3  # the blank line is no row, as locally
    assert report.problems == problems and report.skipped == 3
    assert report.problems[0].startswith(f"{source}, line 8: missing field 'id'")
    # a date that cannot be read is left out and noted; the row is screened (as locally)
    assert report.ignored == 1 and "row 'x-1': 'soon' is not a date" in report.notices[0]
    assert any(json.loads(x)["id"] == "x-1" for x in lines)


def test_lines_are_counted_across_the_splits_of_one_file(
        spark: Any, loaded_home: Path, book_rows: list[dict[str, Any]], tmp_path: Path) -> None:
    source = _jsonl_book(tmp_path / "book.jsonl", book_rows)
    spark.conf.set("spark.sql.files.maxPartitionBytes", "2048")  # about ten splits
    try:
        report = _spark(spark, source, tmp_path / "out.jsonl")
    finally:
        spark.conf.unset("spark.sql.files.maxPartitionBytes")
    assert report.problems == _local_lines(source)[1]


def test_csv_in_csv_out_equals_the_local_csv(
        spark: Any, loaded_home: Path, book_rows: list[dict[str, Any]], tmp_path: Path) -> None:
    # a bank export: its own header spellings, a column carried into the output, a value
    # with a line break, and the --min-score floor lowered
    source = tmp_path / "book.csv"
    fields = ["Customer ID", "Customer Name", "schema", "country", "birth_date", "segment"]
    with open(source, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(fields)
        for k, r in enumerate(book_rows[:60]):
            writer.writerow([r.get("id"), r.get("name"), r.get("schema"), r.get("country"),
                             r.get("birth_date"), "retail\nEU" if k == 5 else f"seg {k % 3}"])
        writer.writerow(["no-name", "", "Person", "", "", "x"])
    local_out, problems = _local(source, ".csv", "--min-score", "0.6")
    report = _spark(spark, source, tmp_path / "out.csv", min_score=0.6)
    got = [rec for p in _parts(tmp_path / "out.csv", ".csv") for rec in _csv_rows(p)]
    want = _csv_rows(local_out)
    assert got == want and len(want) > 60
    assert list(want[0])[:3] == ["id", "screened_name", "segment"]
    assert {r["segment"] for r in got} >= {"retail\nEU", "seg 0"}
    assert min(float(r["score"]) for r in got if r["score"]) < 0.7  # the floor was 0.6
    assert report.problems == problems and len(problems) == 1
    assert problems[0].startswith(f"{source}, line 63: row 'no-name': missing field 'name'")


def test_title_rows_above_a_csv_header_are_skipped_and_noted_as_locally(
        spark: Any, loaded_home: Path, book_rows: list[dict[str, Any]], tmp_path: Path) -> None:
    # a report's export: a title and a date above the header, a blank line between
    source = tmp_path / "report.csv"
    with open(source, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Customer extract, generated 2026-11-29"])
        writer.writerow(["Branch: all", "Run by: ops"])
        writer.writerow([])
        writer.writerow(["Client ID", "Client Full Name", "Type"])
        for r in book_rows[:20]:
            writer.writerow([r.get("id"), r.get("name"), r.get("schema")])
        writer.writerow(["no-name", "", "Person"])
    local_out, problems = _local(source, ".csv")
    report = _spark(spark, source, tmp_path / "out.csv")
    got = [rec for p in _parts(tmp_path / "out.csv", ".csv") for rec in _csv_rows(p)]
    assert got == _csv_rows(local_out) and {r["id"] for r in got} >= {
        str(r.get("id")) for r in book_rows[:20]}
    assert report.problems == problems and len(problems) == 1
    assert problems[0].startswith(f"{source}, line 25: row 'no-name': missing field 'name'")
    res = CliRunner().invoke(app, ["screen", str(source), "--engine", "spark", "-o",
                                   str(tmp_path / "cli.csv")])
    assert res.exit_code == 3, res.output  # the row without a name: not screened
    # the note the local engine gives, the title line as the file has it
    assert ("note: header read from line 4; the 2 row(s) above it, starting '\"Customer "
            "extract, generated 2026-11-29\"', look like a title" in " ".join(res.output.split()))


def test_parquet_in_parquet_out_holds_the_local_match_records(
        spark: Any, loaded_home: Path, book_rows: list[dict[str, Any]], tmp_path: Path) -> None:
    source = tmp_path / "book.parquet"
    pq.write_table(pa.Table.from_pylist([{k: r.get(k) for k in ("id", "name", "schema")}
                                         for r in book_rows[:60]]), source)
    local_out, _ = _local(source, ".csv")
    _spark(spark, source, tmp_path / "out.parquet")
    got = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert all(isinstance(r["score"], float) for r in got if r["score"] is not None)
    as_text = [{k: "" if v is None else str(v) for k, v in r.items()} for r in got]
    assert as_text == _csv_rows(local_out)


def test_a_failed_task_is_retried_without_duplicate_output(
        spark: Any, loaded_home: Path, book_rows: list[dict[str, Any]], tmp_path: Path) -> None:
    source = _jsonl_book(tmp_path / "book.jsonl", book_rows)
    marker = str(tmp_path / "failed-once")

    def fail_once(task: ScreenTask, batches: Iterator[pa.RecordBatch], tally: Tally
                  ) -> Iterator[pa.RecordBatch]:
        import os

        from pyspark import TaskContext

        ctx = TaskContext.get()
        for n, out in enumerate(task.screen(batches, tally)):
            yield out  # part of this attempt's output is already written ...
            if n == 0 and ctx is not None and ctx.partitionId() == 1 and not os.path.exists(marker):
                open(marker, "w").close()
                raise RuntimeError("injected task failure")  # ... when it dies

    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "4")
    try:
        report = _spark(spark, source, tmp_path / "out.jsonl", mapper=fail_once)
    finally:
        spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "1000")
    assert Path(marker).exists()  # the failure happened, and the job still succeeded
    ids = [json.loads(x)["id"] for p in _parts(tmp_path / "out.jsonl", ".txt")
           for x in p.read_text(encoding="utf-8").splitlines()]
    expected, problems = _local_lines(source)
    assert ids == [json.loads(x)["id"] for x in expected]  # every row exactly once
    assert report.rows == len(expected) and report.problems == problems  # counted once


def test_the_cli_refuses_what_spark_cannot_read_or_would_overwrite(
        loaded_home: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    book = tmp_path / "book.xlsx"
    book.write_bytes(b"")
    res = runner.invoke(app, ["screen", str(book), "--engine", "spark", "-o",
                              str(tmp_path / "o.jsonl")])
    assert res.exit_code == 1 and "reads .csv, .tsv, .jsonl or .parquet" in res.output
    (tmp_path / "taken.jsonl").mkdir()
    book = tmp_path / "book.jsonl"
    book.write_text('{"id": "1", "name": "x"}\n')
    res = runner.invoke(app, ["screen", str(book), "--engine", "spark", "-o",
                              str(tmp_path / "taken.jsonl")])
    assert res.exit_code == 1 and "already exists" in res.output
    res = runner.invoke(app, ["screen", str(book), "--engine", "spark"])
    assert res.exit_code == 1 and "-o OUT.jsonl" in res.output


def test_the_cli_screens_on_spark_and_reports_like_the_local_engine(
        spark: Any, loaded_home: Path, tmp_path: Path) -> None:
    book = tmp_path / "book.jsonl"
    book.write_text('{"id": "c1", "name": "Hikvision", "schema": "Company"}\n'
                    '{"name": "no id here"}\n'
                    '{"id": "c3", "name": "Hikvision", "country": "Atlantis"}\n',
                    encoding="utf-8")
    res = CliRunner().invoke(app, ["screen", str(book), "--engine", "spark", "-o",
                                   str(tmp_path / "out.jsonl")])
    assert res.exit_code == 3, res.output  # as the local engine: a row was skipped
    assert f"skipped: {book}, line 2: missing field 'id'" in res.output
    # an unreadable country is left out, the row still screened (as the local engine does)
    assert f"ignored: {book}, line 3: row 'c3': 'Atlantis' is not a country" in res.output
    assert ("screened 2 rows: 2 with alerts, 1 skipped, 1 unreadable values ignored"
            in res.output)
    from clearance.store import audit

    runs = [r.detail for r in audit.iter_records()
            if r.action == "screening.run" and r.detail.get("input") == str(book)]
    assert len(runs) == 1  # an auditor sees the Spark run as a local one, engine named
    assert {k: runs[0][k] for k in ("rows", "alerted", "skipped", "ignored_values", "engine",
                                    "output")} == {
        "rows": 2, "alerted": 2, "skipped": 1, "ignored_values": 1, "engine": "spark",
        "output": str(tmp_path / "out.jsonl")}
