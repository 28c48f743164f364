"""GET /alerts, GET /alerts/{id}, POST /alerts/{id}/decision and /review: the review workflow.

Decisions go through `monitor.review.submit_decision`, like the web UI's and the CLI's:
under four-eyes (`CLEARANCE_FOUR_EYES`) a decision is stored as a proposal (202) that a
different key of scope `admin`, or a reviewer in the web UI, approves or sends back.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Response
from pydantic import BaseModel, Field

from clearance.api.deps import require
from clearance.exc import NotFound
from clearance.monitor.alerts import get_alert, list_alerts
from clearance.monitor.review import proposals, review, submit_decision

__all__ = ["router"]

router = APIRouter(tags=["alerts"])

AlertId = Annotated[int, Path(ge=1, le=2**62)]
Status = Literal["open", "true_match", "false_positive", "escalated", "delisted", "removed"]


class Decision(BaseModel):
    """An analyst's decision on a case."""

    status: Literal["true_match", "false_positive", "escalated"]
    reason: str = Field(min_length=1, max_length=4000)
    reason_code: str = Field("", max_length=64, examples=["dob_mismatch"])


class Review(BaseModel):
    """A second person's answer to a proposed decision."""

    approve: bool
    reason: str = Field("", max_length=4000)


@router.get("/alerts", dependencies=[Depends(require("read"))])
def alerts(
    status: Annotated[Status | None, Query()] = None,
    book_id: Annotated[str | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=2**62)] = 0,
) -> list[dict[str, Any]]:
    """Alerts, newest first: book_id, dataset, source_id, entity_id, score, status, opened_at."""
    return [a.to_dict() for a in list_alerts(status, book_id, limit, offset)]


@router.get("/alerts/{alert_id}", dependencies=[Depends(require("read"))])
def alert(alert_id: AlertId) -> dict[str, Any]:
    """One case with its match explanation and full event history."""
    return get_alert(alert_id).to_dict(full=True)


@router.post("/alerts/{alert_id}/decision")
def decision(alert_id: AlertId, body: Decision, response: Response,
             actor: Annotated[str, Depends(require("screen"))]) -> dict[str, Any]:
    """Decide a case (200), or propose the decision when four-eyes applies (202, with the
    pending `proposal`); the reviewer is the API key's name. A decided case answers 409."""
    done = submit_decision(alert_id, body.status, body.reason, actor, body.reason_code)
    if done.proposal is not None:
        response.status_code = 202
    return done.to_dict()


@router.post("/alerts/{alert_id}/review")
def review_decision(alert_id: AlertId, body: Review,
                    actor: Annotated[str, Depends(require("admin"))]) -> dict[str, Any]:
    """Approve or send back the case's pending decision; the proposer's own key is refused
    (409), so approval always takes a second key."""
    pending = proposals(alert_id, state="pending")
    if not pending:
        raise NotFound(f"alert {alert_id} has no decision awaiting approval")
    return review(pending[0].id, body.approve, body.reason, actor).to_dict(full=True)
