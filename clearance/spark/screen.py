"""`clearance screen --engine spark`: screen a file (or a folder of part files) on Spark.

Input: CSV, TSV, JSONL or Parquet, read as `clearance screen` reads them (`spark.read`);
output: JSONL (one line per row, as `clearance screen` writes it), CSV (the rows of its
CSV output) or Parquet (the same rows, score and match typed), written by Spark as a
folder of part files. The job:

1. the driver builds (or finds) the index artifact and ships it with `addFile`, and maps
   the header's columns once (bank-export spellings, --name-column and friends);
2. the rows, with their line numbers, are spread over the task slots in input order;
3. `mapInArrow` scores bounded Arrow batches (`worker.ScreenTask`) with the local path's
   functions: `row_to_query`, `screen_query` (listings grouped across lists, the
   --min-score floor), `result_line` / `match_rows`; never a row-wise UDF;
4. the output is written once, through Spark's commit protocol, so a retried task never
   duplicates rows; counts and malformed rows come back in an accumulator, which Spark
   applies once per successful task.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pyarrow as pa
from pyspark.accumulators import AccumulatorParam
from pyspark.sql import SparkSession
from pyspark.sql.types import (
    BooleanType,
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)

from clearance.exc import InputError
from clearance.match.score import ScoringConfig
from clearance.screening.columns import ColumnMap, map_columns, require_name
from clearance.screening.group import MIN_SCORE
from clearance.spark.read import SparkInput, suffix
from clearance.spark.worker import ScreenTask, Tally, output_schema

__all__ = ["OUTPUTS", "SparkScreening", "TallyParam", "output_shape", "screen_on_spark",
           "screening_columns", "ship", "spark_schema"]

OUTPUTS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}

Mapper = Callable[[ScreenTask, Iterator[pa.RecordBatch], Tally], Iterator[pa.RecordBatch]]


def output_shape(path: str) -> str:
    shape = OUTPUTS.get(suffix(path))
    if shape is None:
        raise InputError("the Spark engine writes .jsonl, .csv or .parquet (a folder of part "
                         "files)", path=path)
    return shape


class TallyParam(AccumulatorParam[Tally]):
    """Spark accumulator arithmetic for `Tally`."""

    def zero(self, _value: Tally) -> Tally:
        return Tally()

    def addInPlace(self, a: Tally, b: Tally) -> Tally:  # noqa: N802 - Spark's name
        return a.add(b)


_SPARK_TYPES = {pa.string(): StringType(), pa.float64(): DoubleType(), pa.bool_(): BooleanType(),
                pa.int64(): LongType()}


def spark_schema(schema: pa.Schema) -> StructType:
    """An Arrow schema as Spark's (what `mapInArrow` is told it returns); names as they are."""
    return StructType([StructField(f.name, _SPARK_TYPES[f.type]) for f in schema])


def ship(spark: SparkSession, path: str) -> str:
    """Send a file to every executor once per application; returns the name to fetch it by."""
    name = path.rsplit("/", 1)[-1]
    if not any(f.rsplit("/", 1)[-1] == name for f in spark.sparkContext.listFiles):
        spark.sparkContext.addFile(path)
    return name


def screening_columns(source: SparkInput, overrides: dict[str, list[str]] | None = None
                      ) -> ColumnMap | None:
    """The header's fields as `clearance screen` maps them (None: JSONL, mapped per row);
    a header without a name column is refused."""
    if source.columns is None:
        return None
    cmap = map_columns(source.columns, overrides)
    require_name(cmap, source.columns, source.path)
    return cmap


def _run_task(task: ScreenTask, batches: Iterator[pa.RecordBatch], tally: Tally
              ) -> Iterator[pa.RecordBatch]:
    return task.screen(batches, tally)


@dataclass
class SparkScreening:
    """What a Spark screening did: rows screened, alerted, skipped (the first `PROBLEMS_KEPT`
    messages, by file and line), and values ignored in rows still screened (likewise)."""

    rows: int = 0
    alerted: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)
    ignored: int = 0
    notices: list[str] = field(default_factory=list)


def screen_on_spark(spark: SparkSession, source: SparkInput, output_path: str, index_file: str,
                    cfg: ScoringConfig | None = None, limit: int = 5,
                    min_score: float = MIN_SCORE, overrides: dict[str, list[str]] | None = None,
                    mapper: Mapper = _run_task) -> SparkScreening:
    """Screen `source` into `output_path` on `spark` (see the module docstring).

    `index_file` is the artifact `ensure_index_file` returned on this driver; `mapper` runs
    a task's batches (tests wrap it to make a task fail once).
    """
    shape = output_shape(output_path)
    cmap = screening_columns(source, overrides)
    task = ScreenTask(source.spec, cmap, overrides or {}, ship(spark, index_file), shape,
                      (cfg or ScoringConfig()).threshold, limit, min_score)
    tally = spark.sparkContext.accumulator(Tally(), TallyParam())

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        local = Tally()
        yield from mapper(task, batches, local)
        tally.add(local)

    schema = output_schema(shape, () if cmap is None else cmap.carried)
    result = source.frame.mapInArrow(run, spark_schema(schema))
    writer = result.write.mode("errorifexists")
    if shape == "jsonl":
        writer.text(output_path)
    elif shape == "csv":
        # RFC 4180 quoting, values kept exactly (Spark trims them when writing by default)
        (writer.option("header", True).option("escape", '"')
         .option("ignoreLeadingWhiteSpace", False).option("ignoreTrailingWhiteSpace", False)
         .csv(output_path))
    else:
        writer.parquet(output_path)
    counts: Tally = tally.value
    return SparkScreening(counts.rows, counts.alerted, counts.skipped,
                          [p.message for p in counts.problems], counts.ignored,
                          [p.message for p in counts.notices])
