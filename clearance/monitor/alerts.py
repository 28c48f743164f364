"""Alerts as cases: opened by monitoring, decided by analysts, reopened when a side changes.

One alert per (book entry, list entity) pair. Its life:

    open -> true_match | false_positive | escalated      (an analyst's decision)
    any  -> delisted                                      (the list entry disappeared)
    any  -> removed                                       (the book entry was removed)
    false_positive -> open  when the book entry or the list entry changed since the
                            decision and the pair still matches (the diff is recorded)
    delisted -> open        when the entry is listed again
    removed -> open         when the book entry is added again and still matches

A false-positive decision suppresses the pair while neither side changes. Every decision
is an `alert_events` row and an audit record, written in one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, insert, select, update

from clearance.exc import InputError, NotFound
from clearance.store import audit
from clearance.store.db import (
    active_versions,
    alert_events,
    alerts,
    book_changes,
    engine,
    entities,
    utc_now,
)

__all__ = [
    "DECISIONS",
    "STATUSES",
    "Alert",
    "AlertEvent",
    "Hit",
    "Outcome",
    "apply_decision",
    "carry_over",
    "close_for_removal",
    "decide",
    "delist",
    "get_alert",
    "list_alerts",
    "reconcile",
    "reopen",
]

STATUSES = ("open", "true_match", "false_positive", "escalated", "delisted", "removed")
#: Closed by a change of the list or the book, not by an analyst.
CLOSED = ("delisted", "removed")
DECISIONS = ("true_match", "false_positive", "escalated")


@dataclass
class Hit:
    """A scored pair at or above the threshold, as monitoring found it."""

    book_id: str
    book_digest: str
    entity_digest: str
    result: dict[str, Any]  # MatchResult.to_dict()


@dataclass
class AlertEvent:
    """One step of a case: opened, decided, reopened, delisted."""

    at: str
    actor: str
    status: str
    reason: str
    changes: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Alert:
    """A case about one book entry and one list entity."""

    id: int
    book_id: str
    dataset: str
    source_id: str
    entity_id: str
    list_name: str
    score: float
    status: str
    opened_at: str
    updated_at: str
    result: dict[str, Any]
    events: list[AlertEvent] = field(default_factory=list)

    def to_dict(self, full: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "book_id": self.book_id, "dataset": self.dataset,
            "source_id": self.source_id, "entity_id": self.entity_id,
            "list_name": self.list_name, "score": round(self.score, 4), "status": self.status,
            "opened_at": self.opened_at, "updated_at": self.updated_at,
        }
        if full:
            out["explanation"] = self.result.get("explanation")
            out["match"] = self.result
            out["events"] = [e.to_dict() for e in self.events]
        return out


@dataclass
class Outcome:
    """What one reconciliation did, for notifications and the digest."""

    opened: list[Alert] = field(default_factory=list)
    reopened: list[Alert] = field(default_factory=list)
    delisted: list[Alert] = field(default_factory=list)
    suppressed: int = 0
    updated: int = 0



def _alert(row: Any, events: list[AlertEvent] | None = None) -> Alert:
    return Alert(row.id, row.book_id, row.dataset, row.source_id, row.entity_id, row.list_name,
                 float(row.score), row.status, row.opened_at, row.updated_at,
                 json.loads(row.result), events or [])


def _reload(conn: Connection, alert_id: int) -> Alert:
    """An alert as the current transaction sees it (after an insert or update)."""
    return _alert(conn.execute(select(alerts).where(alerts.c.id == alert_id)).one())


def _event(conn: Connection, alert_id: int, actor: str, status: str, reason: str,
           changes: dict[str, Any] | None = None) -> None:
    conn.execute(insert(alert_events).values(alert_id=alert_id, at=utc_now(), actor=actor,
                                             status=status, reason=reason,
                                             changes=changes or {}))


def _entity_changes(conn: Connection, entity_id: str, old_digest: str
                    ) -> dict[str, list[Any]]:
    """Property by property, the list entry as decided against and as it is now."""
    old = conn.execute(select(entities.c.data).where(entities.c.entity_id == entity_id,
                                                     entities.c.digest == old_digest)
                       .limit(1)).scalar()
    new = conn.execute(select(entities.c.data).where(
        entities.c.entity_id == entity_id,
        entities.c.version_id.in_(select(active_versions.c.version_id))).limit(1)).scalar()
    if old is None or new is None:
        return {}
    op, np_ = json.loads(old)["properties"], json.loads(new)["properties"]
    return {k: [sorted(op.get(k, [])), sorted(np_.get(k, []))] for k in sorted(set(op) | set(np_))
            if sorted(op.get(k, [])) != sorted(np_.get(k, []))}


def _book_changes(conn: Connection, book_id: str, since: str) -> dict[str, list[Any]]:
    rows = conn.execute(select(book_changes.c.fields).where(
        book_changes.c.book_id == book_id, book_changes.c.at >= since)
        .order_by(book_changes.c.id)).all()
    merged: dict[str, list[Any]] = {}
    for (fields,) in rows:
        for key, (before, after) in fields.items():
            merged[key] = [merged[key][0] if key in merged else before, after]
    return merged


def reconcile(conn: Connection, hits: list[Hit], outcome: Outcome) -> None:
    """Open, reopen or refresh the alerts of these hits (inside the caller's transaction)."""
    now = utc_now()
    for hit in hits:
        r = hit.result
        row = conn.execute(select(alerts).where(alerts.c.book_id == hit.book_id,
                                                alerts.c.entity_id == r["entity_id"])).first()
        values = {"score": r["score"], "result": json.dumps(r, ensure_ascii=False),
                  "list_name": r["name"], "updated_at": now, "book_digest": hit.book_digest,
                  "entity_digest": hit.entity_digest}
        if row is None:
            new_id = conn.execute(insert(alerts).values(
                book_id=hit.book_id, entity_id=r["entity_id"], dataset=r["dataset"],
                source_id=r["source_id"], status="open", opened_at=now, **values,
            )).inserted_primary_key
            assert new_id is not None
            _event(conn, int(new_id[0]), "monitor", "open", "new match")
            outcome.opened.append(_reload(conn, int(new_id[0])))
            continue
        changed = row.book_digest != hit.book_digest or row.entity_digest != hit.entity_digest
        if row.status == "false_positive" and not changed:
            outcome.suppressed += 1
            continue
        if row.status in ("false_positive", *CLOSED):
            decided_at = conn.execute(select(alert_events.c.at).where(
                alert_events.c.alert_id == row.id).order_by(alert_events.c.id.desc())
                .limit(1)).scalar() or row.updated_at
            changes = {"book": _book_changes(conn, hit.book_id, decided_at)
                       if row.book_digest != hit.book_digest else {},
                       "list": _entity_changes(conn, r["entity_id"], row.entity_digest)
                       if row.entity_digest != hit.entity_digest else {}}
            reason = {"delisted": "listed again",
                      "removed": "the book entry was added again"}.get(
                row.status, "a side changed since the false-positive decision")
            conn.execute(update(alerts).where(alerts.c.id == row.id)
                         .values(status="open", **values))
            _event(conn, row.id, "monitor", "open", reason, changes)
            outcome.reopened.append(_reload(conn, row.id))
            continue
        conn.execute(update(alerts).where(alerts.c.id == row.id).values(**values))
        outcome.updated += 1


def delist(conn: Connection, entity_ids: list[str], outcome: Outcome,
           book_prefix: str | None = None) -> None:
    """Mark the alerts on list entries that disappeared (decisions stay in the history).

    `book_prefix` limits it to alerts of book ids starting so ("holding:" when an entry
    left NS-CMIC but stays on its list under another program).
    """
    now = utc_now()
    for start in range(0, len(entity_ids), 500):
        q = select(alerts).where(alerts.c.entity_id.in_(entity_ids[start:start + 500]),
                                 alerts.c.status.notin_(CLOSED))
        if book_prefix is not None:
            q = q.where(alerts.c.book_id.startswith(book_prefix, autoescape=True))
        rows = conn.execute(q).all()
        for row in rows:
            conn.execute(update(alerts).where(alerts.c.id == row.id)
                         .values(status="delisted", updated_at=now))
            _event(conn, row.id, "monitor", "delisted",
                   f"{row.entity_id} is no longer on {row.dataset} (was {row.status})")
            outcome.delisted.append(_reload(conn, row.id))


def close_for_removal(conn: Connection, book_id: str, actor: str, reason: str) -> list[int]:
    """Close a removed book entry's alerts as "removed" (their history stays); their ids."""
    now = utc_now()
    rows = conn.execute(select(alerts.c.id, alerts.c.status).where(
        alerts.c.book_id == book_id, alerts.c.status != "removed")
        .order_by(alerts.c.id)).all()
    for row in rows:
        conn.execute(update(alerts).where(alerts.c.id == row.id)
                     .values(status="removed", updated_at=now))
        _event(conn, row.id, actor, "removed",
               f"book entry {book_id!r} removed (was {row.status})" + (
                   f": {reason}" if reason != "" else ""))
    return [row.id for row in rows]


def carry_over(conn: Connection, since: str, outcome: Outcome) -> int:
    """Add to `outcome` the alerts monitoring changed since `since` that it does not hold.

    A cycle that was killed committed some of its alerts but never reported them; the
    cycle that completes its work reports them with its own (opened, reopened or
    delisted, by the latest monitoring event of each). Returns how many were added.
    """
    held = {a.id for a in outcome.opened + outcome.reopened + outcome.delisted}
    latest: dict[int, Any] = {}
    for e in conn.execute(select(alert_events.c.alert_id, alert_events.c.status,
                                 alert_events.c.reason)
                          .where(alert_events.c.actor == "monitor", alert_events.c.at >= since)
                          .order_by(alert_events.c.id)):
        if e.alert_id not in held:
            latest[e.alert_id] = e
    for alert_id, e in sorted(latest.items()):
        found = _reload(conn, alert_id)
        if e.status == "delisted":
            outcome.delisted.append(found)
        elif e.status == "open":
            (outcome.opened if e.reason == "new match" else outcome.reopened).append(found)
    return len(latest)


def decide(alert_id: int, status: str, reason: str, actor: str) -> Alert:
    """Record a final decision with reason, reviewer and time (and in the audit log).

    This is the decision itself; callers that must honour four-eyes go through
    `monitor.review.submit_decision`, which proposes instead where approval is required.
    """
    with engine().begin() as conn:
        apply_decision(conn, alert_id, status, reason, actor)
    return get_alert(alert_id)


def apply_decision(conn: Connection, alert_id: int, status: str, reason: str, actor: str,
                   extra: dict[str, Any] | None = None) -> None:
    """`decide` inside the caller's transaction (an approval writes it with the proposal)."""
    if status not in DECISIONS:
        raise InputError(f"decision {status!r} is not one of {', '.join(DECISIONS)}")
    if reason.strip() == "":
        raise InputError("a decision needs a reason")
    row = conn.execute(select(alerts).where(alerts.c.id == alert_id)).first()
    if row is None:
        raise NotFound(f"no alert {alert_id}")
    if row.status == "removed":
        raise InputError(f"alert {alert_id} was closed when book entry {row.book_id!r} was "
                         "removed; it reopens if the entry is added again")
    conn.execute(update(alerts).where(alerts.c.id == alert_id)
                 .values(status=status, updated_at=utc_now()))
    _event(conn, alert_id, actor, status, reason)
    audit.append(conn, actor, "alert.decide", {
        "alert_id": alert_id, "book_id": row.book_id, "entity_id": row.entity_id,
        "dataset": row.dataset, "score": row.score, "from": row.status, "to": status,
        "reason": reason, **(extra or {})})


def reopen(conn: Connection, alert_id: int, reason: str, actor: str) -> None:
    """A decided case back to `open`, with the reason, in the caller's transaction."""
    row = conn.execute(select(alerts).where(alerts.c.id == alert_id)).first()
    if row is None:
        raise NotFound(f"no alert {alert_id}")
    conn.execute(update(alerts).where(alerts.c.id == alert_id)
                 .values(status="open", updated_at=utc_now()))
    _event(conn, alert_id, actor, "open", f"reopened: {reason}")
    audit.append(conn, actor, "alert.reopen", {"alert_id": alert_id, "from": row.status,
                                                "reason": reason})


def get_alert(alert_id: int) -> Alert:
    """An alert with its full history of events."""
    with engine().connect() as conn:
        row = conn.execute(select(alerts).where(alerts.c.id == alert_id)).first()
        if row is None:
            raise NotFound(f"no alert {alert_id}")
        events = [AlertEvent(e.at, e.actor, e.status, e.reason, e.changes)
                  for e in conn.execute(select(alert_events).where(
                      alert_events.c.alert_id == alert_id).order_by(alert_events.c.id))]
    return _alert(row, events)


def list_alerts(status: str | None = None, book_id: str | None = None, limit: int = 1000,
                offset: int = 0) -> list[Alert]:
    """Alerts, newest first, optionally of one status or one book entry."""
    if status is not None and status not in STATUSES:
        raise InputError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    q = select(alerts)
    if status is not None:
        q = q.where(alerts.c.status == status)
    if book_id is not None:
        q = q.where(alerts.c.book_id == book_id)
    q = q.order_by(alerts.c.id.desc()).limit(limit).offset(offset)
    with engine().connect() as conn:
        return [_alert(r) for r in conn.execute(q)]
