"""Finding audit records: by actor, action and time, newest first, a page at a time.

Reading only; the chain itself (writing, verifying) is `store.audit`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select

from clearance.store.audit import AuditRecord
from clearance.store.db import audit_log, engine

__all__ = ["AuditQuery", "actions", "count_records", "search_records"]


@dataclass
class AuditQuery:
    """Filters: actor contains, exact action, ISO date or time bounds (inclusive)."""

    actor: str = ""
    action: str = ""
    since: str = ""
    until: str = ""
    alert_id: int | None = None  # records about one case (detail.alert_id or alert_ids)

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.actor.strip() != "":
            where.append(audit_log.c.actor.contains(self.actor.strip(), autoescape=True))
        if self.action.strip() != "":
            where.append(audit_log.c.action == self.action.strip())
        if self.since.strip() != "":
            where.append(audit_log.c.at >= self.since.strip())
        if self.until.strip() != "":
            bound = self.until.strip()
            where.append(audit_log.c.at <= (bound + "T99" if len(bound) == 10 else bound))
        if self.alert_id is not None:
            # canonical JSON (sorted keys, no spaces): a prefilter, confirmed in Python
            where.append(audit_log.c.detail.contains(str(self.alert_id)))
        return where


def _record(r: Any) -> AuditRecord:
    return AuditRecord(r.seq, r.at, r.actor, r.action, json.loads(r.detail), r.prev_hash, r.hash)


def _about(record: AuditRecord, alert_id: int) -> bool:
    d = record.detail
    return d.get("alert_id") == alert_id or alert_id in (d.get("alert_ids") or [])


def search_records(q: AuditQuery, offset: int = 0, limit: int | None = 100
                   ) -> Iterator[AuditRecord]:
    """Matching records, newest first."""
    stmt = select(audit_log).where(*q.conditions()).order_by(audit_log.c.seq.desc())
    if q.alert_id is None:
        stmt = stmt.offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
    with engine().connect() as conn:
        rows = conn.execution_options(stream_results=True).execute(stmt)
        found = (_record(r) for r in rows)
        if q.alert_id is not None:
            alert_id = q.alert_id
            found = (r for r in found if _about(r, alert_id))
        yield from found


def count_records(q: AuditQuery) -> int:
    with engine().connect() as conn:
        return int(conn.execute(select(func.count()).select_from(audit_log)
                                .where(*q.conditions())).scalar() or 0)


def actions() -> list[str]:
    """Every action name in the log, for the filter's choices."""
    with engine().connect() as conn:
        return [r[0] for r in conn.execute(select(audit_log.c.action).distinct()
                                           .order_by(audit_log.c.action))]
