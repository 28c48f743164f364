"""Spark in local mode: one session for the whole test run, two cores, and a failed task
tried twice (`local[2,2]`), as a cluster would retry it.

`book_rows` are the first rows of ../shared/eval/screening_dev.jsonl (real queries in many
scripts, matching and not), the shapes `clearance screen` reads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import SHARED


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    from clearance.spark.session import spark_session

    session = spark_session("local[2,2]")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def book_rows() -> list[dict[str, Any]]:
    rows = []
    with open(SHARED / "eval" / "screening_dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            case = json.loads(line)
            rows.append({"id": case["id"], **case["query"]})
            if len(rows) == 120:
                break
    return rows
