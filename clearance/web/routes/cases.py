"""The case page and its actions: decide or propose, approve or send back, reopen,
comment, assign. Each action is one service call, audited with the user's name."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import Response

from clearance.exc import NotFound
from clearance.monitor.review import (
    add_comment,
    assign,
    proposals,
    reopen_case,
    review,
    submit_decision,
)
from clearance.store.users import Session
from clearance.web.app import UIRoute
from clearance.web.auth import acting, viewing
from clearance.web.case import case_view
from clearance.web.templating import redirect, render

__all__ = ["router"]

router = APIRouter(prefix="/ui/alerts", include_in_schema=False, route_class=UIRoute)
AlertId = Annotated[int, Path(ge=1, le=2**62)]
Text = Annotated[str, Form(max_length=4000)]


@router.get("/{alert_id}")
def case(request: Request, alert_id: AlertId,
         session: Annotated[Session, Depends(viewing())]) -> Response:
    return render(request, "case.html", session, case=case_view(alert_id, session))


@router.post("/{alert_id}/decision")
def decision(alert_id: AlertId, session: Annotated[Session, Depends(acting())],
             status: Annotated[str, Form(max_length=32)], reason: Text,
             reason_code: Annotated[str, Form(max_length=64)] = "") -> Response:
    done = submit_decision(alert_id, status, reason, session.user.actor, reason_code)
    if done.proposal is not None:
        note = (f"Decision proposed ({status.replace('_', ' ')}): it takes effect when "
                "another reviewer approves it.")
    else:
        note = f"Decision recorded: {status.replace('_', ' ')}."
    return redirect(f"/ui/alerts/{alert_id}", note)


@router.post("/{alert_id}/review")
def review_case(alert_id: AlertId, session: Annotated[Session, Depends(acting("reviewer"))],
                verdict: Annotated[str, Form(max_length=16)], reason: Text = "") -> Response:
    pending = proposals(alert_id, state="pending")
    if not pending:
        raise NotFound(f"alert {alert_id} has no decision awaiting approval")
    alert = review(pending[0].id, verdict == "approve", reason, session.user.actor)
    note = (f"Approved: the case is now {alert.status.replace('_', ' ')}."
            if verdict == "approve" else "Sent back to the analyst.")
    return redirect(f"/ui/alerts/{alert_id}", note)


@router.post("/{alert_id}/reopen")
def reopen(alert_id: AlertId, session: Annotated[Session, Depends(acting())],
           reason: Text) -> Response:
    reopen_case(alert_id, reason, session.user.actor)
    return redirect(f"/ui/alerts/{alert_id}", "Case reopened.")


@router.post("/{alert_id}/comment")
def comment(alert_id: AlertId, session: Annotated[Session, Depends(acting())],
            text: Text) -> Response:
    add_comment(alert_id, text, session.user.actor)
    return redirect(f"/ui/alerts/{alert_id}#history", "Comment added.")


@router.post("/{alert_id}/assign")
def assign_me(alert_id: AlertId, session: Annotated[Session, Depends(acting())],
              release: Annotated[str, Form(max_length=8)] = "") -> Response:
    me = session.user.actor
    if assign([alert_id], None if release == "1" else me, me) == 0:
        raise NotFound(f"no alert {alert_id}")
    return redirect(f"/ui/alerts/{alert_id}",
                    "Released." if release == "1" else "Assigned to you.")
