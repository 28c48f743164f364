"""The SparkSession Clearance runs on: a given master (local[N], spark://, yarn) or the one
spark-submit started, with Arrow batches bounded so a worker's memory stays flat."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["ARROW_BATCH", "spark_session"]

#: Rows per Arrow batch handed to a Python worker (spark.sql.execution.arrow.maxRecordsPerBatch):
#: at about 5 KB of results per row, a batch's output stays near 5 MB.
ARROW_BATCH = 1000


def spark_session(master: str | None = None) -> SparkSession:
    """The active session, or a new one on `master` (default: local, every core)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("clearance")
    if master is not None:
        builder = builder.master(master)
    active = SparkSession.getActiveSession()
    if master is None and active is not None:
        return active
    master_name = master or "local[*]"
    if master_name.startswith("local"):
        # local mode: workers run this interpreter, which has Clearance installed; on a
        # cluster the executors' Python comes from the cluster's own configuration
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (builder.master(master_name)
                   .config("spark.pyspark.python", sys.executable)
                   .config("spark.pyspark.driver.python", sys.executable)
                   .config("spark.ui.enabled", "false"))
    session = (builder
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(ARROW_BATCH))
               .config("spark.ui.showConsoleProgress", "false")
               .getOrCreate())
    session.sparkContext.setLogLevel("WARN")
    return session
