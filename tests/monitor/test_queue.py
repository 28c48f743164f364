"""The alert queue: filters, sort, paging, assignee, next case (in the database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.exc import InputError
from clearance.monitor.queue import QueueFilter, next_case, open_alert_counts, queue
from clearance.monitor.review import assign
from tests.monitor.conftest import alerts_for_three_entries


@pytest.fixture(scope="module")
def alerts(sdn_home: Path) -> dict[str, int]:
    return alerts_for_three_entries("q")


def test_queue_filters_sort_page_and_next_case(alerts: dict[str, int]) -> None:
    everything = queue(QueueFilter(status=None, per_page=500))
    assert everything.total == len(alerts) >= 3
    assert [r.book_id for r in queue(QueueFilter(status=None, tag="corporate")).rows] == ["q-3"]
    scores = [r.score for r in queue(QueueFilter(status=None, sort="score")).rows]
    assert scores == sorted(scores)
    first = queue(QueueFilter(status=None, per_page=1, page=2))
    assert first.pages == everything.total and len(first.rows) == 1
    assign([alerts["q-3"]], "user:ana", "user:ana")
    mine = queue(QueueFilter(status=None, assignee="user:ana"))
    assert [r.book_id for r in mine.rows] == ["q-3"]
    assert next_case("user:ana") == alerts["q-3"]  # own cases first
    assert queue(QueueFilter(status=None, assignee="none")).total == everything.total - 1
    with pytest.raises(InputError, match="sort"):
        queue(QueueFilter(sort="drop table"))


def test_dashboard_counts_open_alerts_by_dataset_and_age(alerts: dict[str, int]) -> None:
    counts = open_alert_counts()
    assert sum(counts["us_ofac_sdn"].values()) == queue(QueueFilter(status="open")).total
    assert counts["us_ofac_sdn"]["> 30 days"] == 0  # opened just now
