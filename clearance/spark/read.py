"""Input files on Spark, read as `clearance screen` reads them.

Spark reads CSV, TSV and JSONL as lines of bytes and Parquet as records, each row tagged
with its file and row id. One pass over the input (JVM only) counts every split's rows,
so each row's line number is known before screening, and finds each file's first line
with text: the header of a CSV (read, checked and mapped once, here on the driver) and
the bytes its encoding is told by. Workers decode and parse with the local reader's own
functions (`worker.InputSpec`), so rows, lines and bad-row messages are the local ones.

A CSV is parsed split by split before the rows are spread over the task slots, so a
quoted value with line breaks stays one record. Text must keep its line breaks as single
bytes (UTF-8, cp1252, latin-1 ...): UTF-16 and UTF-32 files are refused.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from clearance.exc import InputError
from clearance.screening.readers import csv_header, sniff_encoding
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
    """An input opened on Spark: its header (CSV, Parquet), how workers read its rows, and
    the rows to screen (file and line order), spread over the task slots."""

    path: str
    columns: list[str] | None  # None: JSONL (each row's own keys)
    spec: InputSpec
    frame: DataFrame


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
                                                 dict[str, tuple[int, bytes]]]:
    """Per (file, partition): its first row id and the file's rows before it; per text file,
    its first line with text (line, bytes). One pass, computed in the JVM."""
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
    heads: dict[str, tuple[int, bytes]] = {}
    for file, found in parts.items():
        before = 0
        # a file's splits are read in order: by partition, its rows are in line order
        for r in sorted(found, key=lambda r: r["p"]):
            splits[(file, r["p"])] = (r["first"], before)
            if text and file not in heads and r["head_row"] is not None:
                heads[file] = (before + r["head_row"] - r["first"] + 1, bytes(r["head"]))
            before += r["n"]
    return splits, heads


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
    for file, (_, head) in heads.items():
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
    header: tuple[list[str], str] | None = None
    first = ""
    for file in sorted(heads):
        line, head = heads[file]
        read = csv_header(line, spec.text(file, line, head), labels[file], encodings[file],
                          "\t" if suffix(path) == ".tsv" else None)
        if header is None:
            header, first = read, labels[file]
        elif read != header:
            raise InputError(f"its header differs from that of {first} (columns "
                             f"{', '.join(repr(c) for c in read[0])}); a folder's files must "
                             "share one header", path=labels[file])
    assert header is not None
    spec = InputSpec(kind, labels, splits, encodings, {f: heads[f][0] for f in heads},
                     tuple(header[0]), header[1])
    schema = (f"`{FILE_COL}` string, `{LINE_COL}` bigint, `{DATA_COL}` string, "
              f"`{ERROR_COL}` string")
    records = lines.mapInArrow(lambda batches: csv_split_rows(spec, batches), schema)
    return SparkInput(path, header[0], spec, spread(spark, records, LINE_COL))


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
