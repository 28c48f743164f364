"""`clearance screen --engine spark`: screen a file (or a folder of part files) on Spark.

Input: CSV (with a header), JSONL or Parquet, the columns of `clearance screen`; output:
JSONL (one line per row, as `clearance screen` writes it), CSV or Parquet (one record per
match, `screening.io.CSV_FIELDS`), written by Spark as a folder of part files. The job:

1. the driver builds (or finds) the index artifact and ships it with `addFile`;
2. the input is read by Spark (JSONL as text lines, parsed by `screening.io.jsonl_row`),
   each row tagged with its file and a row id, and range-partitioned on that id when it
   has fewer partitions than the cluster has task slots (input order is kept);
3. `mapInArrow` scores bounded Arrow batches (`worker.ScreenTask`): never a row-wise UDF;
4. the output is written once, through Spark's commit protocol, so a retried task never
   duplicates rows; counts and malformed rows come back in an accumulator, which Spark
   applies once per partition, and a malformed row's line is counted only then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pyarrow as pa
from pyspark.accumulators import AccumulatorParam
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from clearance.exc import InputError
from clearance.spark.worker import FILE_COL, ROW_COL, ScreenTask, Tally, output_schema

__all__ = ["INPUTS", "OUTPUTS", "SparkScreening", "TallyParam", "ddl", "file_label", "file_lines",
           "input_kind", "output_shape", "read_input", "screen_on_spark", "ship", "spread"]

INPUTS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
          ".parquet": "parquet"}
OUTPUTS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv",
           ".parquet": "parquet"}
#: Partitions per task slot: small enough tasks that a retry costs little.
PARTITIONS_PER_SLOT = 4

Mapper = Callable[[ScreenTask, Iterator[pa.RecordBatch], Tally], Iterator[pa.RecordBatch]]


def _suffix(path: str) -> str:
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def input_kind(path: str) -> str:
    """The input format by the path's extension (a file, or a folder named like one)."""
    kind = INPUTS.get(_suffix(path))
    if kind is None:
        raise InputError("the Spark engine reads .csv, .jsonl or .parquet (XLSX: use the "
                         "local engine or convert it)", path=path)
    return kind


def output_shape(path: str) -> str:
    shape = OUTPUTS.get(_suffix(path))
    if shape is None:
        raise InputError("the Spark engine writes .jsonl, .csv or .parquet (a folder of part "
                         "files)", path=path)
    return shape


def read_input(spark: SparkSession, path: str, kind: str) -> DataFrame:
    """The input rows, each tagged with its file and row id (before any repartitioning)."""
    if kind == "jsonl":
        frame = spark.read.text(path)
    elif kind == "csv":
        # RFC 4180 quoting, every value a string, as Python's csv module reads it
        frame = (spark.read.option("header", True).option("escape", '"')
                 .option("inferSchema", False).csv(path))
        frame = frame.toDF(*[c.lstrip("\ufeff") for c in frame.columns])
    else:
        frame = spark.read.parquet(path)
    return frame.withColumn(FILE_COL, F.input_file_name()).withColumn(
        ROW_COL, F.monotonically_increasing_id())


def file_label(uri: str) -> str:
    """A file as the user named it: local paths without the file: scheme."""
    return uri[len("file://"):] if uri.startswith("file://") else uri


class TallyParam(AccumulatorParam[Tally]):
    """Spark accumulator arithmetic for `Tally`."""

    def zero(self, _value: Tally) -> Tally:
        return Tally()

    def addInPlace(self, a: Tally, b: Tally) -> Tally:  # noqa: N802 - Spark's name
        return a.add(b)


_DDL = {pa.string(): "string", pa.float64(): "double", pa.bool_(): "boolean",
        pa.int64(): "bigint"}


def ddl(schema: pa.Schema) -> str:
    """An Arrow schema in Spark's DDL (what `mapInArrow` is told it returns)."""
    return ", ".join(f"`{f.name}` {_DDL[f.type]}" for f in schema)


def spread(spark: SparkSession, frame: DataFrame) -> DataFrame:
    """The input over at least `PARTITIONS_PER_SLOT` partitions per task slot, in order.

    A file Spark reads as one split (a small CSV, a Parquet file of one row group) would
    otherwise be screened by one core; ranges of the row id keep the input order.
    """
    slots = spark.sparkContext.defaultParallelism * PARTITIONS_PER_SLOT
    if frame.rdd.getNumPartitions() >= slots:
        return frame
    return frame.repartitionByRange(slots, ROW_COL)


def ship(spark: SparkSession, path: str) -> str:
    """Send a file to every executor once per application; returns the name to fetch it by."""
    name = path.rsplit("/", 1)[-1]
    if not any(f.rsplit("/", 1)[-1] == name for f in spark.sparkContext.listFiles):
        spark.sparkContext.addFile(path)
    return name


def _run_task(task: ScreenTask, batches: Iterator[pa.RecordBatch], tally: Tally
              ) -> Iterator[pa.RecordBatch]:
    return task.screen(batches, tally)


@dataclass
class SparkScreening:
    """What a Spark screening did: rows screened, alerted, skipped (with file and line)."""

    rows: int = 0
    alerted: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)


def file_lines(frame: DataFrame, kind: str, wanted: list[tuple[str, int]]) -> dict[tuple[str, int], int]:
    """File lines of the given (file, row id) pairs, counted per file across partitions.

    A row id is partition << 33 | position (`monotonically_increasing_id`); Spark reads a
    file's splits in order, so a row's line is the rows of its file in earlier partitions,
    plus its position among its file's rows in its own partition, plus the header.
    """
    parts = (frame.select(FILE_COL, F.shiftright(F.col(ROW_COL), 33).alias("p"), ROW_COL)
             .groupBy(FILE_COL, "p").agg(F.min(ROW_COL).alias("first"),
                                         F.count(F.lit(1)).alias("n")).collect())
    start: dict[tuple[str, int], tuple[int, int]] = {}
    seen: dict[str, int] = {}
    for r in sorted(parts, key=lambda r: (r[FILE_COL], r["p"])):
        start[(r[FILE_COL], r["p"])] = (seen.get(r[FILE_COL], 0), r["first"])
        seen[r[FILE_COL]] = seen.get(r[FILE_COL], 0) + r["n"]
    header = 1 if kind == "csv" else 0
    out = {}
    for file, row in wanted:
        before, first = start[(file, row >> 33)]
        out[(file, row)] = header + before + (row - first) + 1
    return out


def screen_on_spark(spark: SparkSession, input_path: str, output_path: str, threshold: float,
                    limit: int, index_file: str, mapper: Mapper = _run_task) -> SparkScreening:
    """Screen `input_path` into `output_path` on `spark` (see the module docstring).

    `index_file` is the artifact `ensure_index_file` returned on this driver; `mapper` runs
    a task's batches (tests wrap it to make a task fail once).
    """
    kind, shape = input_kind(input_path), output_shape(output_path)
    sc = spark.sparkContext
    name = ship(spark, index_file)
    task = ScreenTask(name, kind, shape, threshold, limit)
    tally = sc.accumulator(Tally(), TallyParam())

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        local = Tally()
        yield from mapper(task, batches, local)
        tally.add(local)

    frame = read_input(spark, input_path, kind)
    result = spread(spark, frame).mapInArrow(run, ddl(output_schema(shape)))
    writer = result.write.mode("errorifexists")
    if shape == "jsonl":
        writer.text(output_path)
    elif shape == "csv":
        writer.option("header", True).option("escape", '"').csv(output_path)
    else:
        writer.parquet(output_path)
    counts: Tally = tally.value
    report = SparkScreening(counts.rows, counts.alerted, counts.skipped)
    if counts.problems:
        lines = file_lines(frame, kind, [(p.file, p.row) for p in counts.problems])
        report.problems = [str(InputError(p.problem, path=file_label(p.file),
                                          line=lines[(p.file, p.row)]))
                           for p in sorted(counts.problems, key=lambda p: (p.file, p.row))]
    return report
