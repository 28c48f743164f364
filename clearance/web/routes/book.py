"""The book: search and page through entries, an entry's history, and an import with a
preview and a per-line error report before anything is stored."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response

from clearance.exc import NotFound
from clearance.monitor.alerts import list_alerts
from clearance.monitor.book import get_entries, import_book, list_changes
from clearance.monitor.book_views import preview_import, search_entries
from clearance.store.users import Session
from clearance.web.app import UIRoute
from clearance.web.auth import acting, viewing
from clearance.web.templating import redirect, render
from clearance.web.uploads import keep_upload, kept_upload

__all__ = ["router"]

router = APIRouter(prefix="/ui/book", include_in_schema=False, route_class=UIRoute)
PER_PAGE = 50


@router.get("")
def book(request: Request, session: Annotated[Session, Depends(viewing())], q: str = "",
         page: int = 1) -> Response:
    page = max(1, page)
    entries, total = search_entries(q[:200], (page - 1) * PER_PAGE, PER_PAGE)
    pages = max(1, -(-total // PER_PAGE))
    return render(request, "book.html", session, entries=entries, total=total, q=q,
                  page=page, pages=pages)


@router.post("/preview")
def preview(request: Request, session: Annotated[Session, Depends(acting())],
            file: Annotated[UploadFile, File()]) -> Response:
    name = file.filename or "upload.csv"
    token = keep_upload("book", name, file.file)
    result = preview_import(kept_upload("book", token), name)
    return render(request, "book_preview.html", session, preview=result, token=token,
                  filename=name)


@router.post("/import")
def confirm(session: Annotated[Session, Depends(acting())],
            token: Annotated[str, Form(max_length=80)],
            filename: Annotated[str, Form(max_length=300)] = "upload") -> Response:
    path = kept_upload("book", token)
    result = import_book(path, session.user.actor)
    path.unlink(missing_ok=True)
    notes = "".join(f" Note: {n.partition(': ')[2]}." for n in result.notes)
    return redirect("/ui/book", f"{filename}: {result.added} added, {result.updated} updated, "
                                f"{result.unchanged} unchanged, {len(result.skipped)} skipped."
                                + notes)


@router.get("/{book_id:path}")
def entry(request: Request, book_id: str,
          session: Annotated[Session, Depends(viewing())]) -> Response:
    found = get_entries([book_id]).get(book_id)
    if found is None:
        raise NotFound(f"no book entry {book_id!r}")
    return render(request, "book_entry.html", session, entry=found,
                  changes=list_changes(book_id), alerts=list_alerts(book_id=book_id))
