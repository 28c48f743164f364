"""Read-side helpers for the book pages: search entries, preview an import.

A preview reads the file exactly as `book.import_book` will (same rows, same errors by
line, same repeated-id rule) and compares each valid row with the stored entry, writing
nothing; the import itself then goes through `import_book`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select

from clearance.exc import InputError
from clearance.monitor.book import BookEntry, entry_from_row, get_entries
from clearance.screening.io import read_rows
from clearance.store.db import book_entries, engine

__all__ = ["ImportPreview", "preview_import", "search_entries"]

PREVIEW_ROWS = 100


def search_entries(text: str, offset: int = 0, limit: int = 50) -> tuple[list[BookEntry], int]:
    """Entries whose id or name contains `text` (case-insensitive), by id, with the total."""
    q = select(book_entries.c.id, book_entries.c.name, book_entries.c.schema,
               book_entries.c.data)
    count = select(func.count()).select_from(book_entries)
    if text.strip() != "":
        needle = text.strip().lower()
        cond = or_(func.lower(book_entries.c.id).contains(needle, autoescape=True),
                   func.lower(book_entries.c.name).contains(needle, autoescape=True))
        q, count = q.where(cond), count.where(cond)
    with engine().connect() as conn:
        total = int(conn.execute(count).scalar() or 0)
        rows = conn.execute(q.order_by(book_entries.c.id).offset(offset).limit(limit)).all()
    return [BookEntry.from_stored(r.id, r.name, r.schema, r.data) for r in rows], total


@dataclass
class ImportPreview:
    """What an import would do: counts, the first rows with their change, every error."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def preview_import(path: Path, shown_as: str) -> ImportPreview:
    """Read a book file without storing it; errors name `shown_as`, line and field."""
    preview = ImportPreview()
    valid: list[tuple[int, BookEntry]] = []
    seen: dict[str, int] = {}
    for row in read_rows(path):
        try:
            entry = entry_from_row(row, shown_as)
        except InputError as exc:
            preview.errors.append(str(exc))
            continue
        if entry.id in seen:
            preview.errors.append(str(InputError(
                f"id {entry.id!r} repeats line {seen[entry.id]} (field 'id')", path=shown_as,
                line=row.line)))
            continue
        seen[entry.id] = row.line
        valid.append((row.line, entry))
    for start in range(0, len(valid), 500):
        chunk = valid[start:start + 500]
        stored = get_entries([e.id for _, e in chunk])
        for line, entry in chunk:
            old = stored.get(entry.id)
            if old is None:
                change, fields = "added", []
                preview.added += 1
            else:
                before, after = old.fields(), entry.fields()
                fields = [k for k in after if before[k] != after[k]]
                change = "updated" if fields else "unchanged"
                if fields:
                    preview.updated += 1
                else:
                    preview.unchanged += 1
            if len(preview.rows) < PREVIEW_ROWS:
                preview.rows.append({"line": line, "entry": entry, "change": change,
                                     "fields": fields})
    return preview
