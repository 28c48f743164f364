"""Audit: search the hash-chained log by user, action and date, verify the chain, export
records (JSONL or CSV) and an examiner's file per case."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response, StreamingResponse

from clearance.exc import InputError
from clearance.monitor.alerts import get_alert
from clearance.monitor.case_file import case_file_csv, case_file_jsonl
from clearance.spreadsheet import csv_dict
from clearance.store import audit
from clearance.store.audit_search import AuditQuery, actions, count_records, search_records
from clearance.store.users import Session
from clearance.web.app import UIRoute
from clearance.web.auth import viewing
from clearance.web.templating import redirect, render

__all__ = ["router"]

router = APIRouter(prefix="/ui", include_in_schema=False, route_class=UIRoute)
PER_PAGE = 100
FIELDS = ["seq", "at", "actor", "action", "detail", "prev_hash", "hash"]


def _query(request: Request) -> tuple[AuditQuery, dict[str, str]]:
    q = request.query_params
    params = {k: q.get(k, "")[:100] for k in ("actor", "action", "since", "until")}
    return AuditQuery(params["actor"], params["action"], params["since"], params["until"]), params


@router.get("/audit")
def audit_page(request: Request, session: Annotated[Session, Depends(viewing())],
               page: int = 1) -> Response:
    query, params = _query(request)
    total = count_records(query)
    pages = max(1, -(-total // PER_PAGE))
    page = max(1, min(page, pages))
    records = list(search_records(query, (page - 1) * PER_PAGE, PER_PAGE))
    return render(request, "audit.html", session, records=records, total=total, page=page,
                  pages=pages, params=params, actions=actions())


@router.get("/audit/verify")
def verify(request: Request, session: Annotated[Session, Depends(viewing())]) -> Response:
    result = audit.verify()
    return render(request, "_verify.html", session, result=result)


def _export_lines(query: AuditQuery, fmt: str) -> Iterator[str]:
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=FIELDS)
        writer.writeheader()
        yield out.getvalue()
    for r in search_records(query, limit=None):
        row = r.to_dict()
        if fmt == "jsonl":
            yield json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n"
            continue
        out = io.StringIO()
        csv.DictWriter(out, fieldnames=FIELDS).writerow(csv_dict(
            {**row, "detail": json.dumps(row["detail"], ensure_ascii=False, sort_keys=True)}))
        yield out.getvalue()


@router.get("/audit/export.{fmt}")
def export(request: Request, fmt: str,
           session: Annotated[Session, Depends(viewing())]) -> Response:
    if fmt not in ("jsonl", "csv"):
        raise InputError(f"export format {fmt!r}: use jsonl or csv")
    query, params = _query(request)
    audit.record(session.user.actor, "audit.export", {"format": fmt, **params})
    media = "application/x-ndjson" if fmt == "jsonl" else "text/csv"
    return StreamingResponse(_export_lines(query, fmt), media_type=media, headers={
        "Content-Disposition": f'attachment; filename="audit.{fmt}"'})


@router.get("/alerts/{alert_id}/export.{fmt}")
def case_export(alert_id: int, fmt: str,
                session: Annotated[Session, Depends(viewing())]) -> Response:
    """The examiner's file of one case (list version, score, explanation, who decided,
    who approved, every step)."""
    if fmt not in ("jsonl", "csv"):
        raise InputError(f"export format {fmt!r}: use jsonl or csv")
    get_alert(alert_id)
    audit.record(session.user.actor, "audit.export_case", {"alert_id": alert_id,
                                                           "format": fmt})
    name = f'attachment; filename="case-{alert_id}.{fmt}"'
    if fmt == "jsonl":
        return StreamingResponse(case_file_jsonl(alert_id), media_type="application/x-ndjson",
                                 headers={"Content-Disposition": name})
    return Response(case_file_csv(alert_id), media_type="text/csv",
                    headers={"Content-Disposition": name})


@router.get("/audit/case")
def case_export_form(session: Annotated[Session, Depends(viewing())], alert_id: int,
                     fmt: str = "jsonl") -> Response:
    """The audit page's 'export a case' form, as a link to the case's file."""
    return redirect(f"/ui/alerts/{alert_id}/export.{'csv' if fmt == 'csv' else 'jsonl'}")
