"""GET/POST /book: the counterparty book over HTTP."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query

from clearance.api.deps import require
from clearance.exc import InputError, NotFound
from clearance.monitor.alerts import list_alerts
from clearance.monitor.book import (
    BookEntry,
    ImportResult,
    entry_from_row,
    get_entries,
    iter_entries,
    list_changes,
    upsert_entries,
)
from clearance.screening.io import InputRow

__all__ = ["router"]

router = APIRouter(tags=["book"])
MAX_ENTRIES = 5000


@router.get("/book", dependencies=[Depends(require("read"))])
def book(
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=2**62)] = 0,
) -> list[dict[str, Any]]:
    """Entries in id order, a page at a time."""
    return [e.to_dict() for e in iter_entries(offset, limit)]


@router.get("/book/{book_id}", dependencies=[Depends(require("read"))])
def book_entry(book_id: str) -> dict[str, Any]:
    """One entry, what imports changed in it, and its alerts."""
    entry = get_entries([book_id]).get(book_id)
    if entry is None:
        raise NotFound(f"no book entry {book_id!r}")
    return {**entry.to_dict(), "changes": list_changes(book_id),
            "alerts": [a.to_dict() for a in list_alerts(book_id=book_id)]}


@router.post("/book")
def add_entries(
    actor: Annotated[str, Depends(require("screen"))],
    entries: Annotated[list[dict[str, Any]], Body(
        description="Entries like import rows: id, name, schema, country, birth_date, "
                    "identifiers, aliases, and free fields kept as attributes.",
        max_length=MAX_ENTRIES)],
) -> dict[str, Any]:
    """Add or update entries by id; invalid items are reported by position and skipped."""
    result = ImportResult()
    valid: list[BookEntry] = []
    seen: dict[str, int] = {}
    for position, item in enumerate(entries, start=1):
        try:
            entry = entry_from_row(InputRow(position, item), "request body")
        except InputError as exc:
            result.skipped.append(str(exc).replace("line", "item"))
            continue
        if entry.id in seen:
            result.skipped.append(f"request body, item {position}: id {entry.id!r} repeats "
                                  f"item {seen[entry.id]} (field 'id')")
            continue
        seen[entry.id] = position
        valid.append(entry)
    upsert_entries(valid, f"api ({actor})", actor, result)
    return result.to_dict()
