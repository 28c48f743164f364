"""Reviewing cases with four eyes: proposals, approvals, comments, assignment, the queue.

Every shell (web UI, API, CLI) decides through `submit_decision`, so they agree:

    decision not under four-eyes  -> applied at once (`alerts.apply_decision`)
    decision under four-eyes      -> a *proposal*; the case stays open until a different
                                     person with the reviewer role approves it (then the
                                     decision is applied with both names) or sends it back

`CLEARANCE_FOUR_EYES` names the decisions that need approval (default: true_match and
false_positive). The proposer can never approve or send back their own proposal. A
decided case (true_match, false_positive, delisted) is read-only: only `reopen_case`,
with a reason, makes it workable again. Each step is one transaction with its audit record.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from clearance import settings
from clearance.exc import InputError, NotFound, Refused
from clearance.monitor.alerts import DECISIONS, Alert, apply_decision, get_alert, reopen
from clearance.resources import load_resource
from clearance.store import audit
from clearance.store.db import (
    alert_assignments,
    alert_comments,
    alert_proposals,
    alerts,
    engine,
    utc_now,
)

__all__ = [
    "DECIDED",
    "BulkResult",
    "Comment",
    "Proposal",
    "Submission",
    "add_comment",
    "alert_digests",
    "assign",
    "assignee_of",
    "comments",
    "needs_approval",
    "proposals",
    "reason_codes",
    "reopen_case",
    "review",
    "review_batch",
    "submit_bulk",
    "submit_decision",
    "versions_holding",
]

DECIDED = ("true_match", "false_positive", "delisted")


@dataclass
class Proposal:
    """A decision one person proposed and another must approve."""

    id: int
    alert_id: int
    batch: str | None
    decision: str
    reason_code: str
    reason: str
    proposed_by: str
    proposed_at: str
    state: str
    reviewed_by: str | None
    reviewed_at: str | None
    review_reason: str | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Submission:
    """What a decision did: applied (`proposal` None) or proposed for approval."""

    alert: Alert
    proposal: Proposal | None

    def to_dict(self) -> dict[str, Any]:
        out = self.alert.to_dict(full=True)
        out["proposal"] = None if self.proposal is None else self.proposal.to_dict()
        return out


@dataclass
class Comment:
    at: str
    author: str
    text: str


@dataclass
class BulkResult:
    """A bulk action: which alerts it reached, which it skipped and why."""

    done: list[int] = field(default_factory=list)
    skipped: dict[int, str] = field(default_factory=dict)
    batch: str | None = None
    proposed: bool = False


def reason_codes() -> dict[str, list[dict[str, str]]]:
    """Decision -> its reason codes (`resources/reason_codes.yml`)."""
    data: dict[str, list[dict[str, str]]] = load_resource("reason_codes")["decisions"]
    return data


def needs_approval(decision: str) -> bool:
    """Whether four-eyes holds this decision back until a reviewer approves it."""
    return decision in settings.four_eyes()


def _proposal(row: Any) -> Proposal:
    return Proposal(row.id, row.alert_id, row.batch, row.decision, row.reason_code, row.reason,
                    row.proposed_by, row.proposed_at, row.state, row.reviewed_by,
                    row.reviewed_at, row.review_reason)


def _check_code(decision: str, code: str) -> str:
    if decision not in DECISIONS:
        raise InputError(f"decision {decision!r} is not one of {', '.join(DECISIONS)}")
    codes = [c["code"] for c in reason_codes().get(decision, [])]
    if code == "":
        return ""
    if code not in codes:
        raise InputError(f"reason code {code!r} does not fit {decision}; use one of "
                         f"{', '.join(codes)}")
    return code


def _decidable(conn: Connection, alert_id: int) -> Any:
    row = conn.execute(select(alerts).where(alerts.c.id == alert_id)).first()
    if row is None:
        raise NotFound(f"no alert {alert_id}")
    if row.status in DECIDED:
        raise Refused(f"alert {alert_id} is decided ({row.status}): reopen it with a reason "
                      "before deciding again")
    pending = conn.execute(select(alert_proposals.c.id).where(
        alert_proposals.c.alert_id == alert_id, alert_proposals.c.state == "pending")).first()
    if pending is not None:
        raise Refused(f"alert {alert_id} already has a decision awaiting approval "
                      f"(proposal {pending.id})")
    return row


def _submit(conn: Connection, alert_id: int, decision: str, code: str, reason: str,
            actor: str, batch: str | None) -> int | None:
    row = _decidable(conn, alert_id)
    if not needs_approval(decision):
        apply_decision(conn, alert_id, decision, reason, actor,
                       {"reason_code": code, "four_eyes": False})
        return None
    new = conn.execute(insert(alert_proposals).values(
        alert_id=alert_id, batch=batch, decision=decision, reason_code=code, reason=reason,
        proposed_by=actor, proposed_at=utc_now(), state="pending")).inserted_primary_key
    assert new is not None
    audit.append(conn, actor, "alert.propose", {
        "alert_id": alert_id, "proposal_id": int(new[0]), "batch": batch,
        "book_id": row.book_id, "entity_id": row.entity_id, "dataset": row.dataset,
        "score": row.score, "decision": decision, "reason_code": code, "reason": reason})
    return int(new[0])


def submit_decision(alert_id: int, decision: str, reason: str, actor: str,
                    reason_code: str = "") -> Submission:
    """Decide a case, or propose the decision when four-eyes applies to it (module doc)."""
    code = _check_code(decision, reason_code)
    if reason.strip() == "":
        raise InputError("a decision needs a rationale")
    with engine().begin() as conn:
        proposal_id = _submit(conn, alert_id, decision, code, reason.strip(), actor, None)
    return Submission(get_alert(alert_id),
                      None if proposal_id is None else _get_proposal(proposal_id))


def submit_bulk(alert_ids: list[int], decision: str, reason: str, actor: str,
                reason_code: str = "") -> BulkResult:
    """One decision for many cases, in one transaction; cases that cannot take it are
    skipped with the reason. Under four-eyes the proposals share a batch id, so a reviewer
    approves or sends back the whole batch at once."""
    code = _check_code(decision, reason_code)
    if reason.strip() == "":
        raise InputError("a decision needs a rationale")
    result = BulkResult(proposed=needs_approval(decision))
    result.batch = str(uuid.uuid4()) if result.proposed else None
    with engine().begin() as conn:
        for alert_id in sorted(set(alert_ids)):
            try:
                _submit(conn, alert_id, decision, code, reason.strip(), actor, result.batch)
            except (Refused, NotFound) as exc:
                result.skipped[alert_id] = str(exc)
                continue
            result.done.append(alert_id)
    return result


def _get_proposal(proposal_id: int) -> Proposal:
    with engine().connect() as conn:
        row = conn.execute(select(alert_proposals).where(
            alert_proposals.c.id == proposal_id)).first()
    if row is None:
        raise NotFound(f"no proposal {proposal_id}")
    return _proposal(row)


def proposals(alert_id: int | None = None, state: str | None = None,
              batch: str | None = None) -> list[Proposal]:
    """Proposals of one case (oldest first), or all in a state or batch."""
    q = select(alert_proposals).order_by(alert_proposals.c.id)
    if alert_id is not None:
        q = q.where(alert_proposals.c.alert_id == alert_id)
    if state is not None:
        q = q.where(alert_proposals.c.state == state)
    if batch is not None:
        q = q.where(alert_proposals.c.batch == batch)
    with engine().connect() as conn:
        return [_proposal(r) for r in conn.execute(q)]


def _review(conn: Connection, row: Any, approve: bool, reason: str, actor: str) -> None:
    if row.state != "pending":
        raise Refused(f"proposal {row.id} is {row.state}, not pending")
    if row.proposed_by == actor:
        raise Refused(f"four-eyes: {actor} proposed this decision and cannot "
                      f"{'approve' if approve else 'send back'} it; another reviewer must")
    now = utc_now()
    conn.execute(update(alert_proposals).where(alert_proposals.c.id == row.id).values(
        state="approved" if approve else "sent_back", reviewed_by=actor, reviewed_at=now,
        review_reason=reason))
    if approve:
        text = f"{row.reason} (proposed by {row.proposed_by}, approved by {actor})"
        apply_decision(conn, row.alert_id, row.decision, text, actor, {
            "reason_code": row.reason_code, "four_eyes": True, "proposal_id": row.id,
            "proposed_by": row.proposed_by, "approved_by": actor, "review_reason": reason})
    else:
        audit.append(conn, actor, "alert.send_back", {
            "alert_id": row.alert_id, "proposal_id": row.id, "decision": row.decision,
            "proposed_by": row.proposed_by, "reason": reason})


def review(proposal_id: int, approve: bool, reason: str, actor: str) -> Alert:
    """Approve (the decision takes effect) or send back a pending proposal.

    Sending back needs a reason; the caller checks that `actor` holds the reviewer role.
    """
    if not approve and reason.strip() == "":
        raise InputError("sending a decision back needs a reason")
    with engine().begin() as conn:
        row = conn.execute(select(alert_proposals).where(
            alert_proposals.c.id == proposal_id)).first()
        if row is None:
            raise NotFound(f"no proposal {proposal_id}")
        _review(conn, row, approve, reason.strip(), actor)
    return get_alert(row.alert_id)


def review_batch(batch: str, approve: bool, reason: str, actor: str) -> int:
    """Approve or send back every pending proposal of a bulk action, all or none."""
    if not approve and reason.strip() == "":
        raise InputError("sending a decision back needs a reason")
    with engine().begin() as conn:
        rows = conn.execute(select(alert_proposals).where(
            alert_proposals.c.batch == batch, alert_proposals.c.state == "pending")).all()
        if not rows:
            raise NotFound(f"no pending proposals in batch {batch}")
        for row in rows:
            _review(conn, row, approve, reason.strip(), actor)
    return len(rows)


def reopen_case(alert_id: int, reason: str, actor: str) -> Alert:
    """Make a decided case workable again; the reason is kept in its history."""
    if reason.strip() == "":
        raise InputError("reopening a case needs a reason")
    with engine().begin() as conn:
        row = conn.execute(select(alerts.c.status).where(alerts.c.id == alert_id)).first()
        if row is None:
            raise NotFound(f"no alert {alert_id}")
        if row.status not in ("true_match", "false_positive"):
            raise Refused(f"alert {alert_id} is {row.status}: only decided cases reopen")
        reopen(conn, alert_id, reason.strip(), actor)
    return get_alert(alert_id)


def add_comment(alert_id: int, text: str, actor: str) -> None:
    """A note on a case (decided cases take comments too: they change no decision)."""
    if text.strip() == "":
        raise InputError("a comment needs text")
    with engine().begin() as conn:
        if conn.execute(select(alerts.c.id).where(alerts.c.id == alert_id)).first() is None:
            raise NotFound(f"no alert {alert_id}")
        conn.execute(insert(alert_comments).values(alert_id=alert_id, at=utc_now(),
                                                   author=actor, text=text.strip()))
        audit.append(conn, actor, "alert.comment", {"alert_id": alert_id, "text": text.strip()})


def comments(alert_id: int) -> list[Comment]:
    with engine().connect() as conn:
        return [Comment(r.at, r.author, r.text) for r in conn.execute(
            select(alert_comments).where(alert_comments.c.alert_id == alert_id)
            .order_by(alert_comments.c.id))]


def assign(alert_ids: list[int], assignee: str | None, actor: str) -> int:
    """Give cases to one person (None: unassign); returns how many exist and were set."""
    ids = sorted(set(alert_ids))
    with engine().begin() as conn:
        found = [r.id for r in conn.execute(select(alerts.c.id).where(alerts.c.id.in_(ids)))]
        if found:
            conn.execute(delete(alert_assignments).where(alert_assignments.c.alert_id.in_(found)))
            if assignee is not None:
                now = utc_now()
                conn.execute(insert(alert_assignments), [
                    {"alert_id": i, "assignee": assignee, "at": now} for i in found])
            audit.append(conn, actor, "alert.assign", {"alert_ids": found, "assignee": assignee})
    return len(found)


def assignee_of(alert_id: int) -> str | None:
    with engine().connect() as conn:
        value = conn.execute(select(alert_assignments.c.assignee).where(
            alert_assignments.c.alert_id == alert_id)).scalar()
    return None if value is None else str(value)


def versions_holding(entity_id: str, digest: str) -> list[dict[str, Any]]:
    """The list versions whose copy of the entity is exactly the one a case was scored on
    (its content digest), with their publication dates: what an examiner asks first."""
    from clearance.store.db import entities, versions

    with engine().connect() as conn:
        rows = conn.execute(
            select(versions.c.dataset, versions.c.version, versions.c.published,
                   versions.c.loaded_at)
            .join(entities, entities.c.version_id == versions.c.id)
            .where(entities.c.entity_id == entity_id, entities.c.digest == digest)
            .order_by(versions.c.id)).all()
    return [{"dataset": r.dataset, "version": r.version, "published": r.published,
             "loaded_at": r.loaded_at} for r in rows]


def alert_digests(alert_id: int) -> tuple[str, str]:
    """(book digest, entity digest) a case was last scored on."""
    with engine().connect() as conn:
        row = conn.execute(select(alerts.c.book_digest, alerts.c.entity_digest)
                           .where(alerts.c.id == alert_id)).first()
    if row is None:
        raise NotFound(f"no alert {alert_id}")
    return str(row.book_digest), str(row.entity_digest)
