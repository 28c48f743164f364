"""Input files on Spark, read as `clearance screen` reads them.

Spark reads CSV, TSV and JSONL as lines of bytes and Parquet as records, each row tagged
with its file and row id. One pass over the input (JVM only) counts every split's rows,
so each row's line number is known before screening, and finds each file's first line
with text: the bytes its encoding is told by and, for a CSV, where its header is looked
for (read, checked and mapped once, here on the driver); a report's title rows above the
header are skipped and noted, as the local reader does. Workers decode and parse with the local reader's own
functions (`worker.InputSpec`), so rows, lines and bad-row messages are the local ones.

A CSV is parsed split by split before the rows are spread over the task slots, so a
quoted value with line breaks stays one record. Text must keep its line breaks as single
bytes (UTF-8, cp1252, latin-1 ...): UTF-16 and UTF-32 files are refused.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from clearance.exc import InputError
from clearance.screening.readers import TITLE_ROWS_MAX, csv_header, header_known, sniff_encoding
from clearance.spark.worker import (
    DATA_COL,
    ERROR_COL,
    FILE_COL,
    LINE_COL,
    ROW_COL,
    VALUE_COL,
    InputSpec,
    csv_split_rows,
)

__all__ = ["INPUTS", "PARTITIONS_PER_SLOT", "SparkInput", "file_label", "input_kind",
           "open_input", "spread"]

#: What the Spark engine reads, by extension (of a file, or of a folder of part files).
INPUTS = {".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl",
          ".parquet": "parquet"}
#: Partitions per task slot: small enough tasks that a retry costs little.
PARTITIONS_PER_SLOT = 4
#: Lines read from a CSV's first line with text on when that line is not a known header:
#: a report's title rows may stand above it (`TITLE_ROWS_MAX` filled ones, as locally).
LOOK_AHEAD = 8 * TITLE_ROWS_MAX


def suffix(path: str) -> str:
    """'.csv' for '/data/book.csv' and for the folder 'hdfs:///out/book.csv/'."""
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def input_kind(path: str) -> str:
    """The input format by the path's extension (a file, or a folder named like one)."""
    kind = INPUTS.get(suffix(path))
    if kind is None:
        raise InputError("the Spark engine reads .csv, .tsv, .jsonl or .parquet (XLSX: use the "
                         "local engine or convert it)", path=path)
    return kind


def file_label(uri: str) -> str:
    """A file as the user named it: local paths without the file: scheme."""
    return uri[len("file://"):] if uri.startswith("file://") else uri


@dataclass
class SparkInput:
    """An input opened on Spark: its header (CSV, Parquet), how workers read its rows, the
    rows to screen (file and line order), spread over the task slots, and notes to show."""

    path: str
    columns: list[str] | None  # None: JSONL (each row's own keys)
    spec: InputSpec
    frame: DataFrame
    notes: list[str] = field(default_factory=list)  # how the header was found (title rows)


def _labels(path: str, files: list[str]) -> dict[str, str]:
    """Files as messages name them: the input as given when it is that one file."""
    if len(files) == 1 and files[0].rstrip("/").rsplit("/", 1)[-1] == \
            path.rstrip("/").rsplit("/", 1)[-1]:
        return {files[0]: path}
    return {f: file_label(f) for f in files}


def _line_safe(codec: str) -> bool:
    """Whether a line break is one byte of its own in this encoding (Spark splits there)."""
    return codec == "utf-8-sig" or "\n".encode(codec) == b"\n"


def _layout(raw: DataFrame, text: bool) -> tuple[dict[tuple[str, int], tuple[int, int]],
                                                 dict[str, tuple[int, int, bytes]]]:
    """Per (file, partition): its first row id and the file's rows before it; per text file,
    its first line with text (line, row id, bytes). One pass, computed in the JVM."""
    aggs = [F.count(F.lit(1)).alias("n"), F.min(ROW_COL).alias("first")]
    if text:
        has_text = F.when(F.col(VALUE_COL).rlike(r"\S"), F.col(ROW_COL))
        aggs += [F.min(has_text).alias("head_row"),
                 F.min_by(F.col(VALUE_COL).cast("binary"), has_text).alias("head")]
    parts: dict[str, list[Any]] = defaultdict(list)
    for r in raw.groupBy(FILE_COL, F.shiftright(F.col(ROW_COL), 33).alias("p")).agg(*aggs
                                                                                   ).collect():
        parts[r[FILE_COL]].append(r)
    splits: dict[tuple[str, int], tuple[int, int]] = {}
    heads: dict[str, tuple[int, int, bytes]] = {}
    for file, found in parts.items():
        before = 0
        # a file's splits are read in order: by partition, its rows are in line order
        for r in sorted(found, key=lambda r: r["p"]):
            splits[(file, r["p"])] = (r["first"], before)
            if text and file not in heads and r["head_row"] is not None:
                heads[file] = (before + r["head_row"] - r["first"] + 1, r["head_row"],
                               bytes(r["head"]))
            before += r["n"]
    return splits, heads


def _lines_after(spark: SparkSession, raw: DataFrame, starts: dict[str, int]
                 ) -> dict[str, list[tuple[int, bytes]]]:
    """Per file, its rows (row id, bytes) from the row id given on, up to `LOOK_AHEAD` of
    them in the same split (a split's row ids are consecutive, its lines in order)."""
    wanted = spark.createDataFrame(list(starts.items()), f"`{FILE_COL}` string, start bigint")
    ahead = raw.join(F.broadcast(wanted), FILE_COL).where(
        (F.col(ROW_COL) >= F.col("start")) & (F.col(ROW_COL) < F.col("start") + LOOK_AHEAD))
    found: dict[str, list[tuple[int, bytes]]] = defaultdict(list)
    for r in ahead.select(FILE_COL, ROW_COL, F.col(VALUE_COL).cast("binary").alias(VALUE_COL)
                          ).collect():
        found[r[FILE_COL]].append((r[ROW_COL], bytes(r[VALUE_COL])))
    return {f: sorted(rows) for f, rows in found.items()}


def open_input(spark: SparkSession, path: str, encoding: str | None = None) -> SparkInput:
    """Open `path` (a file or a folder of part files) as `open_table` opens a local file:
    refused as a whole when it cannot be read (no text, binary, an encoding Spark cannot
    split, a header naming a column twice or differing between files)."""
    kind = input_kind(path)
    if kind == "parquet":
        raw = spark.read.parquet(path)
    else:
        raw = spark.read.text(path)
    raw = raw.withColumn(FILE_COL, F.input_file_name()).withColumn(
        ROW_COL, F.monotonically_increasing_id())
    splits, heads = _layout(raw, kind != "parquet")
    files = sorted({f for f, _ in splits})
    labels = _labels(path, files)
    if kind == "parquet":
        columns: list[str] | None = [c for c in raw.columns if c not in (FILE_COL, ROW_COL)]
        spec = InputSpec(kind, labels, splits)
        return SparkInput(path, columns, spec, spread(spark, raw, ROW_COL))
    if not heads:
        raise InputError("file is empty", path=path)
    encodings: dict[str, str] = {}
    for file, (_, _, head) in heads.items():
        codec = sniff_encoding(head, encoding, labels[file])
        if not _line_safe(codec):
            raise InputError(f"the Spark engine reads text whose line breaks are single bytes "
                             f"(UTF-8, cp1252, latin-1 ...), not {codec}: convert the file to "
                             "UTF-8, or screen it with the local engine", path=labels[file])
        encodings[file] = codec
    lines = raw.select(FILE_COL, ROW_COL, F.col(VALUE_COL).cast("binary").alias(VALUE_COL))
    if kind == "jsonl":
        spec = InputSpec(kind, labels, splits, encodings)
        return SparkInput(path, None, spec, spread(spark, lines, ROW_COL))
    spec = InputSpec(kind, labels, splits, encodings)
    delimiter = "\t" if suffix(path) == ".tsv" else None
    firsts = {f: (line, spec.text(f, line, head)) for f, (line, _, head) in heads.items()}
    # the usual file's first line is a known header; others may have title rows above it
    titled = {f: heads[f][1] for f, (_, text) in firsts.items()
              if not header_known(text, delimiter)}
    ahead = _lines_after(spark, raw, titled) if titled else {}
    header: tuple[list[str], str] | None = None
    header_lines: dict[str, int] = {}
    notes: list[str] = []
    first = ""
    for file in sorted(heads):
        line, row, _ = heads[file]
        numbered = [(line + r - row, spec.text(file, line + r - row, raw_line))
                    for r, raw_line in ahead.get(file, [])] or [firsts[file]]
        table = csv_header(numbered, labels[file], encodings[file], delimiter)
        assert table.columns is not None and table.delimiter is not None
        assert table.header_line is not None
        read = (table.columns, table.delimiter)
        header_lines[file] = table.header_line
        notes += [n if len(heads) == 1 else f"{labels[file]}: {n}" for n in table.notes]
        if header is None:
            header, first = read, labels[file]
        elif read != header:
            raise InputError(f"its header differs from that of {first} (columns "
                             f"{', '.join(repr(c) for c in read[0])}); a folder's files must "
                             "share one header", path=labels[file])
    assert header is not None
    spec = InputSpec(kind, labels, splits, encodings, header_lines, tuple(header[0]), header[1])
    schema = (f"`{FILE_COL}` string, `{LINE_COL}` bigint, `{DATA_COL}` string, "
              f"`{ERROR_COL}` string")
    records = lines.mapInArrow(lambda batches: csv_split_rows(spec, batches), schema)
    return SparkInput(path, header[0], spec, spread(spark, records, LINE_COL), notes)


def spread(spark: SparkSession, frame: DataFrame, order: str) -> DataFrame:
    """The rows over at least `PARTITIONS_PER_SLOT` partitions per task slot, in file and
    `order` (row id or line) order.

    A file Spark reads as one split (a small CSV, a Parquet file of one row group) would
    otherwise be screened by one core.
    """
    slots = spark.sparkContext.defaultParallelism * PARTITIONS_PER_SLOT
    if frame.rdd.getNumPartitions() >= slots:
        return frame
    return frame.repartitionByRange(slots, FILE_COL, order).sortWithinPartitions(FILE_COL, order)
