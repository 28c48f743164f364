"""The alert queue (filters, sort, paging, deep links), next case, bulk actions, approvals."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from clearance.exc import InputError
from clearance.monitor.alerts import STATUSES
from clearance.monitor.queue import QueueFilter, next_case, queue
from clearance.monitor.review import (
    assign,
    needs_approval,
    proposals,
    reason_codes,
    review_batch,
    submit_bulk,
)
from clearance.store import status as list_status
from clearance.store.users import Session, list_users
from clearance.web.app import UIRoute
from clearance.web.auth import acting, viewing
from clearance.web.templating import redirect, render

__all__ = ["router"]

router = APIRouter(prefix="/ui", include_in_schema=False, route_class=UIRoute)
PER_PAGE = (25, 50, 100)


def _number(raw: str | None, kind: type, name: str) -> Any:
    if raw is None or raw.strip() == "":
        return None
    try:
        return kind(raw)
    except ValueError:
        raise InputError(f"filter {name!r}: {raw!r} is not a number") from None


def _filter(request: Request, session: Session) -> tuple[QueueFilter, dict[str, str]]:
    """The filter from the URL (so every view of the queue is a link)."""
    q = request.query_params
    params = {k: q.get(k, "") for k in ("status", "dataset", "score_min", "score_max", "min_age",
                                        "max_age", "assignee", "tag", "awaiting", "sort",
                                        "per_page")}
    if "status" not in q:
        params["status"] = "open"
    assignee = params["assignee"] or None
    if assignee == "me":
        assignee = session.user.actor
    per_page = _number(params["per_page"], int, "per_page") or 50
    f = QueueFilter(
        status=params["status"] or None, dataset=params["dataset"] or None,
        score_min=_number(params["score_min"], float, "score_min"),
        score_max=_number(params["score_max"], float, "score_max"),
        min_age_days=_number(params["min_age"], int, "min_age"),
        max_age_days=_number(params["max_age"], int, "max_age"), assignee=assignee,
        tag=params["tag"] or None, awaiting=params["awaiting"] == "1",
        sort=params["sort"] or "-score", page=_number(q.get("page"), int, "page") or 1,
        per_page=per_page if per_page in PER_PAGE else 50)
    return f, params


@router.get("/alerts")
def alert_queue(request: Request, session: Annotated[Session, Depends(viewing())]) -> Response:
    f, params = _filter(request, session)
    page = queue(f)
    template = "_queue_table.html" if request.headers.get("hx-request") == "true" else "queue.html"
    return render(request, template, session, page=page, params=params, statuses=STATUSES,
                  datasets=[v.dataset for v in list_status()], users=list_users(),
                  codes=reason_codes()["false_positive"], per_pages=PER_PAGE,
                  fp_needs_approval=needs_approval("false_positive"))


@router.post("/alerts/next")
def take_next(session: Annotated[Session, Depends(acting())]) -> Response:
    found = next_case(session.user.actor)
    if found is None:
        return redirect("/ui/alerts", "No open case is waiting for you.")
    return redirect(f"/ui/alerts/{found}")


def _ids(raw: list[str]) -> list[int]:
    try:
        ids = sorted({int(i) for i in raw})
    except ValueError:
        raise InputError("alert ids must be numbers") from None
    if not ids:
        raise InputError("select at least one alert first")
    return ids


@router.post("/alerts/bulk")
def bulk(session: Annotated[Session, Depends(acting())],
         action: Annotated[str, Form()],
         ids: Annotated[list[str] | None, Form()] = None,
         assignee: Annotated[str, Form(max_length=200)] = "",
         reason_code: Annotated[str, Form(max_length=64)] = "",
         reason: Annotated[str, Form(max_length=4000)] = "",
         back: Annotated[str, Form(max_length=2000)] = "/ui/alerts") -> Response:
    """Assign many, or close many as false positives (proposed when four-eyes is on)."""
    chosen = _ids(ids or [])
    target = back if back.startswith("/ui/alerts") else "/ui/alerts"
    actor = session.user.actor
    if action == "assign_me":
        count = assign(chosen, actor, actor)
        return redirect(target, f"{count} alert(s) assigned to you.")
    if action == "assign":
        count = assign(chosen, assignee or None, actor)
        who = assignee or "nobody"
        return redirect(target, f"{count} alert(s) assigned to {who}.")
    if action == "false_positive":
        done = submit_bulk(chosen, "false_positive", reason, actor, reason_code)
        verb = "proposed as false positives, awaiting approval" if done.proposed else \
            "closed as false positives"
        note = f"{len(done.done)} alert(s) {verb}."
        if done.skipped:
            note += f" {len(done.skipped)} skipped: " + "; ".join(
                f"#{k}: {v}" for k, v in list(done.skipped.items())[:5])
        return redirect(target, note)
    raise InputError(f"unknown bulk action {action!r}")


@router.get("/approvals")
def approvals(request: Request, session: Annotated[Session, Depends(viewing())]) -> Response:
    """Decisions awaiting a second person, bulk proposals grouped by batch."""
    pending = proposals(state="pending")
    batches: dict[str, list[Any]] = {}
    single = []
    for p in pending:
        if p.batch is None:
            single.append(p)
        else:
            batches.setdefault(p.batch, []).append(p)
    return render(request, "approvals.html", session, single=single, batches=batches)


@router.post("/approvals/batch")
def approve_batch(session: Annotated[Session, Depends(acting("reviewer"))],
                  batch: Annotated[str, Form(max_length=36)],
                  verdict: Annotated[str, Form()],
                  reason: Annotated[str, Form(max_length=4000)] = "") -> Response:
    count = review_batch(batch, verdict == "approve", reason, session.user.actor)
    word = "approved" if verdict == "approve" else "sent back"
    return redirect("/ui/approvals", f"{count} proposed decision(s) {word}.")
