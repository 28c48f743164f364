"""The alert queue and the dashboard's counts: filters, sort and paging in the database.

Every filter is a field of `QueueFilter` (and a URL parameter in the UI), so any view of
the queue is a link. Only the tables a filter reads are joined while choosing a page;
the page's rows are then completed with assignee, book name and pending proposal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select

from clearance.exc import InputError
from clearance.monitor.alerts import STATUSES
from clearance.monitor.review import assign
from clearance.store.db import (
    alert_assignments,
    alert_proposals,
    alerts,
    audit_log,
    book_entries,
    engine,
)

__all__ = [
    "AGE_BUCKETS",
    "SORTS",
    "QueueFilter",
    "QueuePage",
    "QueueRow",
    "last_cycle",
    "next_case",
    "open_alert_counts",
    "pending_count",
    "queue",
]

SORTS = {"score": alerts.c.score, "opened": alerts.c.opened_at, "book": alerts.c.book_id,
         "dataset": alerts.c.dataset, "id": alerts.c.id}
AGE_BUCKETS = (("< 1 day", 1), ("1-7 days", 7), ("7-30 days", 30), ("> 30 days", None))


@dataclass
class QueueFilter:
    """What the queue shows; every field is a URL parameter, so views are deep-linkable."""

    status: str | None = "open"
    dataset: str | None = None
    score_min: float | None = None
    score_max: float | None = None
    min_age_days: int | None = None
    max_age_days: int | None = None
    assignee: str | None = None  # a user's actor name, or "none" for unassigned
    tag: str | None = None  # a value of any book attribute (segment, desk, ...)
    awaiting: bool = False  # only cases with a decision awaiting approval
    sort: str = "-score"
    page: int = 1
    per_page: int = 50


@dataclass
class QueueRow:
    id: int
    book_id: str
    book_name: str | None
    list_name: str
    dataset: str
    source_id: str
    score: float
    status: str
    opened_at: str
    assignee: str | None
    pending: str | None  # the decision awaiting approval
    proposed_by: str | None


@dataclass
class QueuePage:
    rows: list[QueueRow]
    total: int
    page: int
    pages: int


def _cutoff(days: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")


def _conditions(f: QueueFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if f.status is not None:
        if f.status not in STATUSES:
            raise InputError(f"status {f.status!r} is not one of {', '.join(STATUSES)}")
        where.append(alerts.c.status == f.status)
    if f.dataset is not None:
        where.append(alerts.c.dataset == f.dataset)
    if f.score_min is not None:
        where.append(alerts.c.score >= f.score_min)
    if f.score_max is not None:
        where.append(alerts.c.score <= f.score_max)
    if f.min_age_days is not None:
        where.append(alerts.c.opened_at <= _cutoff(f.min_age_days))
    if f.max_age_days is not None:
        where.append(alerts.c.opened_at >= _cutoff(f.max_age_days))
    if f.assignee == "none":
        where.append(alert_assignments.c.assignee.is_(None))
    elif f.assignee is not None:
        where.append(alert_assignments.c.assignee == f.assignee)
    if f.tag is not None:
        tagged = select(book_entries.c.id).where(book_entries.c.data.contains(
            json.dumps(f.tag, ensure_ascii=False), autoescape=True))
        where.append(alerts.c.book_id.in_(tagged))
    if f.awaiting:
        where.append(alert_proposals.c.id.is_not(None))
    return where


def _filtered(columns: list[Any], f: QueueFilter) -> Any:
    """`columns` from alerts, joined only to the tables the filters read (a count or a
    page over 10,000 alerts then touches one table where it can)."""
    q = select(*columns).select_from(alerts)
    if f.assignee is not None:
        q = q.outerjoin(alert_assignments, alert_assignments.c.alert_id == alerts.c.id)
    if f.awaiting:
        q = q.outerjoin(alert_proposals, and_(alert_proposals.c.alert_id == alerts.c.id,
                                              alert_proposals.c.state == "pending"))
    return q.where(*_conditions(f))


def queue(f: QueueFilter) -> QueuePage:
    """One page of the alert queue with its total, filtered and sorted in the database.

    The page's ids are chosen first (filters, order, limit), then only those rows are
    joined to their assignee, book name and pending proposal.
    """
    key = f.sort.lstrip("-")
    if key not in SORTS:
        raise InputError(f"sort {f.sort!r}: use one of {', '.join(SORTS)} (prefix - for "
                         "descending)")
    per_page = max(1, min(f.per_page, 500))
    order = SORTS[key].desc() if f.sort.startswith("-") else SORTS[key].asc()
    tie = alerts.c.id.desc() if f.sort.startswith("-") else alerts.c.id.asc()
    with engine().connect() as conn:
        total = int(conn.execute(_filtered([func.count()], f)).scalar() or 0)
        pages = max(1, -(-total // per_page))
        page = max(1, min(f.page, pages))
        ids = [r.id for r in conn.execute(_filtered([alerts.c.id], f).order_by(order, tie)
                                          .limit(per_page).offset((page - 1) * per_page))]
        rows = conn.execute(
            select(alerts.c.id, alerts.c.book_id, book_entries.c.name.label("book_name"),
                   alerts.c.list_name, alerts.c.dataset, alerts.c.source_id, alerts.c.score,
                   alerts.c.status, alerts.c.opened_at, alert_assignments.c.assignee,
                   alert_proposals.c.decision, alert_proposals.c.proposed_by)
            .select_from(alerts)
            .outerjoin(alert_assignments, alert_assignments.c.alert_id == alerts.c.id)
            .outerjoin(book_entries, book_entries.c.id == alerts.c.book_id)
            .outerjoin(alert_proposals, and_(alert_proposals.c.alert_id == alerts.c.id,
                                             alert_proposals.c.state == "pending"))
            .where(alerts.c.id.in_(ids))).all()
    by_id = {r.id: r for r in rows}
    return QueuePage([QueueRow(r.id, r.book_id, r.book_name, r.list_name, r.dataset,
                               r.source_id, float(r.score), r.status, r.opened_at, r.assignee,
                               r.decision, r.proposed_by)
                      for r in (by_id[i] for i in ids)], total, page, pages)


def next_case(actor: str) -> int | None:
    """The next case for `actor`: their own open cases first, then unassigned ones, highest
    score first, skipping cases awaiting approval; it is assigned to them."""
    pending = select(alert_proposals.c.alert_id).where(alert_proposals.c.state == "pending")
    with engine().connect() as conn:
        row = conn.execute(
            select(alerts.c.id).select_from(alerts)
            .outerjoin(alert_assignments, alert_assignments.c.alert_id == alerts.c.id)
            .where(alerts.c.status.in_(("open", "escalated")), alerts.c.id.not_in(pending),
                   or_(alert_assignments.c.assignee.is_(None),
                       alert_assignments.c.assignee == actor))
            .order_by(alert_assignments.c.assignee.is_(None), alerts.c.score.desc(),
                      alerts.c.id).limit(1)).first()
    if row is None:
        return None
    assign([row.id], actor, actor)
    return int(row.id)


def open_alert_counts() -> dict[str, dict[str, int]]:
    """Open (and escalated) alerts by dataset and age bucket, counted in the database."""
    labels = [label for label, _ in AGE_BUCKETS]
    bucket = case(*[(alerts.c.opened_at >= _cutoff(days), label)
                    for label, days in AGE_BUCKETS if days is not None],
                  else_=labels[-1]).label("bucket")
    out: dict[str, dict[str, int]] = {}
    with engine().connect() as conn:
        rows = conn.execute(select(alerts.c.dataset, bucket, func.count())
                            .where(alerts.c.status.in_(("open", "escalated")))
                            .group_by(alerts.c.dataset, bucket))
        for dataset, label, count in rows:
            out.setdefault(dataset, dict.fromkeys(labels, 0))[label] += int(count)
    return dict(sorted(out.items()))


def pending_count() -> int:
    with engine().connect() as conn:
        return int(conn.execute(select(func.count()).select_from(alert_proposals).where(
            alert_proposals.c.state == "pending")).scalar() or 0)


def last_cycle() -> dict[str, Any] | None:
    """When the last monitoring cycle ran and what it did (from its audit record)."""
    with engine().connect() as conn:
        row = conn.execute(select(audit_log.c.at, audit_log.c.detail).where(
            audit_log.c.action == "monitor.run").order_by(audit_log.c.seq.desc())
            .limit(1)).first()
    if row is None:
        return None
    detail: dict[str, Any] = json.loads(row.detail)
    return {"at": row.at, **detail}
