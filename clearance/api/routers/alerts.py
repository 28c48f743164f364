"""GET /alerts, GET /alerts/{id}, POST /alerts/{id}/decision: the review workflow."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field

from clearance.api.deps import require
from clearance.monitor.alerts import decide, get_alert, list_alerts

__all__ = ["router"]

router = APIRouter(tags=["alerts"])

AlertId = Annotated[int, Path(ge=1, le=2**62)]
Status = Literal["open", "true_match", "false_positive", "escalated", "delisted", "removed"]


class Decision(BaseModel):
    """An analyst's decision on a case."""

    status: Literal["true_match", "false_positive", "escalated"]
    reason: str = Field(min_length=1, max_length=4000)


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
def decision(alert_id: AlertId, body: Decision,
             actor: Annotated[str, Depends(require("screen"))]) -> dict[str, Any]:
    """Decide a case; the reviewer is the API key's name."""
    return decide(alert_id, body.status, body.reason, actor).to_dict(full=True)
