"""The counterparty book: customers and vendors kept in the store and screened continuously.

An import upserts by id in one transaction and records, per entry, which fields changed.
Each entry has a digest of the fields that matching reads (name, schema, aliases,
countries, birth date, identifiers); monitoring re-screens an entry when that digest
differs from the one it last screened. Free columns are kept as attributes.

Removing an entry deletes it from the book (its change history stays, ending with a
"removed" change that holds its last fields) and closes its alerts as "removed", each
with an event; an audit record names the entry, the reason and the alerts closed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from clearance.exc import InputError, NotFound
from clearance.match.score import Query
from clearance.monitor.alerts import close_for_removal
from clearance.screening.columns import ColumnMap, accepted, map_columns
from clearance.screening.io import InputRow, open_table, row_to_query
from clearance.store import audit
from clearance.store.db import book_changes, book_entries, engine, near_pairs, utc_now

__all__ = [
    "BookEntry",
    "ImportResult",
    "book_columns",
    "book_size",
    "entry_from_row",
    "get_entries",
    "import_book",
    "iter_entries",
    "list_changes",
    "remove_entry",
    "upsert_entries",
]

CHUNK = 5000
#: Longest id (the column is String(200)) and name a book entry may have.
MAX_ID, MAX_NAME = 200, 1000
#: Fields that hold one value: a list or an object there is an error, never text.
SINGLE = ("id", "name", "schema", "birth_date")


@dataclass
class BookEntry:
    """One counterparty: what matching reads, plus the customer's own columns."""

    id: str
    name: str
    schema: str = "LegalEntity"
    aliases: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    birth_date: str | None = None
    identifiers: list[str] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)

    def query(self) -> Query:
        return Query(name=self.name, schema=self.schema, aliases=list(self.aliases),
                     countries=list(self.countries), birth_date=self.birth_date,
                     identifiers=list(self.identifiers))

    def fields(self) -> dict[str, Any]:
        return {"name": self.name, "schema": self.schema, "aliases": self.aliases,
                "countries": self.countries, "birth_date": self.birth_date,
                "identifiers": self.identifiers, "attributes": self.attributes}

    @property
    def digest(self) -> str:
        """Digest of what matching reads: an attribute edit does not re-screen."""
        match = {k: v for k, v in self.fields().items() if k != "attributes"}
        return hashlib.sha1(json.dumps(match, sort_keys=True, ensure_ascii=False)
                            .encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, **self.fields()}

    @classmethod
    def from_stored(cls, book_id: str, name: str, schema: str, data: str) -> BookEntry:
        d = json.loads(data)
        return cls(book_id, name, schema, d["aliases"], d["countries"], d["birth_date"],
                   d["identifiers"], d["attributes"])


@dataclass
class ImportResult:
    """Counts of an import, each skipped row with its line and reason, and how the file
    was read (`notes`: title rows above the header, a column chosen among several)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)



def _check_shape(row: InputRow, path: str, cols: ColumnMap) -> None:
    """Refuse a list or object where one value belongs, and ids and names over length."""
    for name in SINGLE:
        value = cols.value(row.data, name)
        if isinstance(value, list | dict):
            raise InputError(f"field {name!r} holds a {type(value).__name__}, not one value",
                             path=path, line=row.line)
    for name, most in (("id", MAX_ID), ("name", MAX_NAME)):
        value = cols.value(row.data, name)
        if isinstance(value, str) and len(value.strip()) > most:
            raise InputError(f"field {name!r} is {len(value.strip())} characters long; at most "
                             f"{most}", path=path, line=row.line)


def entry_from_row(row: InputRow, path: str, columns: ColumnMap | None = None) -> BookEntry:
    """A book entry from a raw row; `InputError` names the line and field that is wrong.

    Columns are read as `clearance.screening.columns` maps them (default: by the row's own
    keys); columns no field reads are kept as attributes."""
    cols = columns if columns is not None else map_columns(row.data.keys())
    _check_shape(row, path, cols)
    row_id, query = row_to_query(row, path, cols)
    attributes = {k: v for k, v in cols.extra(row.data).items() if v not in (None, "")}
    return BookEntry(row_id, query.name, query.schema, query.aliases, query.countries,
                     query.birth_date, query.identifiers,
                     json.loads(json.dumps(attributes, default=str)))  # JSON-safe values


def _changes(old: BookEntry, new: BookEntry) -> dict[str, list[Any]]:
    before, after = old.fields(), new.fields()
    return {k: [before[k], after[k]] for k in after if before[k] != after[k]}


def _existing(conn: Connection, ids: list[str]) -> dict[str, BookEntry]:
    rows = conn.execute(select(book_entries.c.id, book_entries.c.name, book_entries.c.schema,
                               book_entries.c.data).where(book_entries.c.id.in_(ids)))
    return {r.id: BookEntry.from_stored(r.id, r.name, r.schema, r.data) for r in rows}


def _write_chunk(conn: Connection, chunk: list[BookEntry], origin: str,
                 result: ImportResult) -> None:
    now = utc_now()
    old = _existing(conn, [e.id for e in chunk])
    new_rows, change_rows = [], []
    for e in chunk:
        data = json.dumps({k: v for k, v in e.fields().items() if k not in ("name", "schema")},
                          ensure_ascii=False, sort_keys=True)
        prior = old.get(e.id)
        if prior is None:
            new_rows.append({"id": e.id, "name": e.name, "schema": e.schema, "data": data,
                             "digest": e.digest, "created_at": now, "updated_at": now,
                             "screened_digest": None})
            change_rows.append({"book_id": e.id, "at": now, "origin": origin,
                                "change": "added", "fields": {}})
            result.added += 1
            continue
        diff = _changes(prior, e)
        if not diff:
            result.unchanged += 1
            continue
        conn.execute(update(book_entries).where(book_entries.c.id == e.id).values(
            name=e.name, schema=e.schema, data=data, digest=e.digest, updated_at=now))
        change_rows.append({"book_id": e.id, "at": now, "origin": origin, "change": "updated",
                            "fields": diff})
        result.updated += 1
    if new_rows:
        conn.execute(insert(book_entries), new_rows)
    if change_rows:
        conn.execute(insert(book_changes), change_rows)


def upsert_entries(entries: Iterable[BookEntry], origin: str, actor: str,
                   result: ImportResult | None = None) -> ImportResult:
    """Add or update entries by id in one transaction, recording what changed."""
    result = result or ImportResult()
    with engine().begin() as conn:
        chunk: list[BookEntry] = []
        for e in entries:
            chunk.append(e)
            if len(chunk) >= CHUNK:
                _write_chunk(conn, chunk, origin, result)
                chunk = []
        if chunk:
            _write_chunk(conn, chunk, origin, result)
        audit.append(conn, actor, "book.import", {
            "origin": origin, "added": result.added, "updated": result.updated,
            "unchanged": result.unchanged, "skipped": len(result.skipped)})
    return result


def book_columns(columns: list[str], path: str,
                 overrides: dict[str, list[str]] | None = None) -> ColumnMap:
    """A book file's header mapped to fields; refused without an id or a name column."""
    cols = map_columns(columns, overrides)
    for needed, ok in (("id", "id" in cols.single), ("name", cols.has_name())):
        if not ok:
            raise InputError(f"no {needed} column: the file has "
                             + ", ".join(repr(c) for c in columns)
                             + f"; the {needed} column is one of {accepted(needed, count=8)}",
                             path=path)
    return cols


def import_book(path: Path, actor: str | None = None, encoding: str | None = None,
                overrides: dict[str, list[str]] | None = None) -> ImportResult:
    """Import a CSV/XLSX/JSONL/Parquet file; bad or repeated rows are skipped by line.

    `overrides` name the column of a field (`{"name": ["Customer Name"]}`) where the
    header spellings do not find it. A file without an id or name column is refused."""
    table = open_table(path, encoding)
    cols = None
    if table.columns is not None:
        cols = book_columns(table.columns, str(path), overrides)
    result = ImportResult(notes=[f"{path}: {n}" for n in table.notes + list(
        cols.notes if cols is not None else ())])
    seen: dict[str, int] = {}

    def valid() -> Iterator[BookEntry]:
        for row in table:
            try:
                row_cols = cols if cols is not None else map_columns(row.data.keys(), overrides)
                entry = entry_from_row(row, str(path), row_cols)
            except InputError as exc:
                result.skipped.append(str(exc))
                continue
            if entry.id in seen:
                result.skipped.append(str(InputError(
                    f"id {entry.id!r} repeats line {seen[entry.id]} (field 'id')",
                    path=str(path), line=row.line)))
                continue
            seen[entry.id] = row.line
            yield entry

    return upsert_entries(valid(), str(path), actor or audit.default_actor(), result)


def remove_entry(book_id: str, actor: str, reason: str = "") -> list[int]:
    """Remove one entry and close its alerts as "removed"; returns the closed alert ids."""
    with engine().begin() as conn:
        prior = _existing(conn, [book_id]).get(book_id)
        if prior is None:
            raise NotFound(f"no book entry {book_id!r}")
        conn.execute(delete(book_entries).where(book_entries.c.id == book_id))
        conn.execute(delete(near_pairs).where(near_pairs.c.book_id == book_id))
        closed = close_for_removal(conn, book_id, actor, reason)
        conn.execute(insert(book_changes).values(
            book_id=book_id, at=utc_now(), origin=f"removed by {actor}", change="removed",
            fields={k: [v, None] for k, v in prior.fields().items()}))
        audit.append(conn, actor, "book.remove", {"book_id": book_id, "name": prior.name,
                                                  "reason": reason, "alerts_closed": closed})
    return closed


def get_entries(ids: list[str]) -> dict[str, BookEntry]:
    """Entries by id (missing ids are absent from the result)."""
    out: dict[str, BookEntry] = {}
    with engine().connect() as conn:
        for start in range(0, len(ids), 500):
            out.update(_existing(conn, ids[start:start + 500]))
    return out


def iter_entries(offset: int = 0, limit: int | None = None) -> Iterator[BookEntry]:
    """Entries ordered by id, streamed."""
    q = select(book_entries.c.id, book_entries.c.name, book_entries.c.schema,
               book_entries.c.data).order_by(book_entries.c.id).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    with engine().connect() as conn:
        for r in conn.execution_options(stream_results=True).execute(q):
            yield BookEntry.from_stored(r.id, r.name, r.schema, r.data)


def book_size() -> int:
    with engine().connect() as conn:
        return int(conn.execute(select(func.count()).select_from(book_entries)).scalar() or 0)


def list_changes(book_id: str) -> list[dict[str, Any]]:
    """What each import changed in one entry, oldest first."""
    with engine().connect() as conn:
        rows = conn.execute(select(book_changes).where(book_changes.c.book_id == book_id)
                            .order_by(book_changes.c.id)).all()
    return [{"at": r.at, "origin": r.origin, "change": r.change, "fields": r.fields}
            for r in rows]
