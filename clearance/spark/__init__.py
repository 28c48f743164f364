"""Clearance on Apache Spark: batch screening and delta monitoring of books too big for one
machine (the optional `spark` extra).

The driver builds the list index once and ships it as a file (`SparkContext.addFile`);
each Python worker loads it once, lazily, and scores Arrow batches of bounded size in
`mapInArrow` with the same functions as the single-machine path: input rows are read by
`screening.readers` (`spark.read`: the header mapped once on the driver, lines numbered
before screening), matched and grouped by `screening.group.screen_query` and shaped by
`screening.io.result_line` / `match_rows`, so results are equal row for row and score
for score. Nothing here imports pyspark at module import except the driver-side modules.
"""

__all__: list[str] = []
