"""Lists: active versions, every version of a dataset, the diff between any two versions
with field-level changes, and 'update now' for admins with its progress."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from clearance.exc import InputError
from clearance.store import diff, list_versions, status, version_records
from clearance.store.users import Session
from clearance.web.app import UIRoute
from clearance.web.auth import acting, viewing
from clearance.web.list_update import ListUpdate
from clearance.web.templating import redirect, render

__all__ = ["router"]

router = APIRouter(prefix="/ui/lists", include_in_schema=False, route_class=UIRoute)
PER_PAGE = 100
KINDS = ("added", "removed", "changed")


def _update(request: Request) -> ListUpdate:
    state = getattr(request.app.state, "list_update", None)
    if state is None:
        state = request.app.state.list_update = ListUpdate()
    return state


@router.get("")
def lists(request: Request, session: Annotated[Session, Depends(viewing())]) -> Response:
    template = ("_list_update.html" if request.headers.get("hx-request") == "true"
                else "lists.html")
    return render(request, template, session, versions=status(), update=_update(request))


@router.post("/update")
def update_now(request: Request, session: Annotated[Session, Depends(acting("admin"))],
               mirror: Annotated[str, Form(max_length=500)] = "") -> Response:
    started = _update(request).start(session.user.actor, mirror.strip() or None)
    return redirect("/ui/lists", "Update started." if started else "An update is running.")


@router.get("/{dataset}")
def dataset_versions(request: Request, dataset: str,
                     session: Annotated[Session, Depends(viewing())]) -> Response:
    return render(request, "list_versions.html", session, dataset=dataset,
                  versions=list_versions(dataset))


def _sanctions(record: dict[str, Any]) -> list[str]:
    """Each sanction of a record as one readable line (program, authority, dates)."""
    out = []
    for s in record.get("sanctions", []):
        p = s.get("properties", {})
        parts = [f"{k}: {', '.join(p[k])}" for k in ("program", "authority", "startDate",
                                                      "endDate", "reason") if p.get(k)]
        out.append("; ".join(parts) or str(s.get("id", "")))
    return sorted(out)


def _field_changes(old: dict[str, Any], new: dict[str, Any], fields: list[str]
                   ) -> list[tuple[str, list[str], list[str]]]:
    out = []
    for f in fields:
        if f == "sanctions":
            before, after = _sanctions(old), _sanctions(new)
        elif f == "schema":
            before, after = [str(old.get(f, ""))], [str(new.get(f, ""))]
        else:
            before = sorted(old["properties"].get(f, []))
            after = sorted(new["properties"].get(f, []))
        out.append((f, [v for v in before if v not in after], [v for v in after if v not in before]))
    return out


@router.get("/{dataset}/diff")
def version_diff(request: Request, dataset: str, session: Annotated[Session, Depends(viewing())],
                 kind: str = "changed", page: int = 1) -> Response:
    q = request.query_params
    try:
        from_v = int(q["from"]) if q.get("from") else None
        to_v = int(q["to"]) if q.get("to") else None
    except ValueError:
        raise InputError("versions are numbers") from None
    if kind not in KINDS:
        raise InputError(f"kind {kind!r}: use one of {', '.join(KINDS)}")
    d = diff(dataset, from_v, to_v)
    items = getattr(d, kind)
    pages = max(1, -(-len(items) // PER_PAGE))
    page = max(1, min(page, pages))
    shown = items[(page - 1) * PER_PAGE:page * PER_PAGE]
    details: dict[str, list[tuple[str, list[str], list[str]]]] = {}
    if kind == "changed" and shown:
        infos = {v.version: v.id for v in list_versions(dataset)}
        ids = [c.entity_id for c in shown]
        old = version_records(infos[d.from_version], ids)
        new = version_records(infos[d.to_version], ids)
        details = {c.entity_id: _field_changes(old[c.entity_id], new[c.entity_id], c.fields)
                   for c in shown if c.entity_id in old and c.entity_id in new}
    return render(request, "list_diff.html", session, d=d, kind=kind, shown=shown,
                  details=details, page=page, pages=pages, versions=list_versions(dataset))
