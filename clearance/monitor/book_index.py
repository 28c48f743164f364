"""The book's own name index: which book entries may match a new or changed list entry.

This is the reverse of screening: a list entry's names are looked up among the book's
names with the same candidate generation as the list index, so a list change costs what
the change is, not book x list. The index is persisted in `CLEARANCE_HOME/index/book.pkl`
and covers entries up to its build time; entries imported since are held in a small
second index built on use, and the main one is rebuilt once they are many.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from clearance import settings
from clearance.index.build import NAME_PROPS, Index, build_index, norm_identifier
from clearance.index.search import candidate_names
from clearance.match.algorithm import ALGORITHM, VERSION
from clearance.match.engine import prepare_query_names
from clearance.match.score import Query
from clearance.monitor.book import BookEntry
from clearance.store.db import book_entries, engine

__all__ = ["BOOK_DATASET", "REVERSE_LIMIT", "BookIndex", "book_index", "book_record"]

BOOK_DATASET = "book"
#: Book names scored per list name. Far above the forward limit (20): one list name
#: ("MOHAMMAD ALI") may be carried by many customers, and every one must be found.
REVERSE_LIMIT = 400
REBUILD_FRACTION = 0.1


def book_record(entry: BookEntry) -> dict[str, Any]:
    """A book entry in the shape the index builder reads (like a stored list entity)."""
    props: dict[str, list[str]] = {"name": [entry.name], "alias": list(entry.aliases),
                                   "country": list(entry.countries),
                                   "idNumber": list(entry.identifiers)}
    if entry.birth_date:
        props["birthDate"] = [entry.birth_date]
    return {"entity_id": entry.id, "dataset": BOOK_DATASET, "source_id": entry.id,
            "schema": entry.schema, "caption": entry.name, "properties": props}


def _records(since: str | None) -> Any:
    q = select(book_entries.c.id, book_entries.c.name, book_entries.c.schema,
               book_entries.c.data)
    if since is not None:
        q = q.where(book_entries.c.updated_at >= since)
    with engine().connect() as conn:
        for r in conn.execution_options(stream_results=True).execute(q):
            yield book_record(BookEntry.from_stored(r.id, r.name, r.schema, r.data))


@dataclass
class BookIndex:
    """The persisted main index plus the entries imported after it was built."""

    main: Index
    recent: Index | None

    def candidates(self, record: dict[str, Any], limit: int = REVERSE_LIMIT) -> set[str]:
        """Book ids whose names or identifiers may match this list entity record."""
        props: dict[str, list[str]] = record["properties"]
        names = [v for p, _ in NAME_PROPS for v in props.get(p, [])]
        if not names:
            return set()
        query = Query(name=names[0], schema=record["schema"], aliases=names[1:])
        prepared = prepare_query_names(query)
        values = {norm_identifier(v) for vs in props.values() for v in vs}
        found: set[str] = set()
        for index in (self.main, self.recent):
            if index is None or not index.names:
                continue
            for name in prepared:
                for n_idx in candidate_names(index, name, limit).tolist():
                    found.update(index.entities[e].entity_id for e, _, _ in index.owners[n_idx])
            for value in values:
                if len(value) >= 4:
                    found.update(index.entities[e].entity_id
                                 for e in index.identifiers.get(value, ()))
        return found


def _path() -> Any:
    return settings.index_dir() / "book.pkl"


def _stamp() -> str:
    return f"book:{ALGORITHM}:{VERSION}"


def book_index() -> BookIndex:
    """The book index, rebuilt when missing, from another algorithm version, or stale."""
    with engine().connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(book_entries)).scalar() or 0)
        newest = conn.execute(select(func.max(book_entries.c.updated_at))).scalar()
    main: Index | None = None
    path = _path()
    if path.exists():
        try:
            with open(path, "rb") as fh:
                loaded = pickle.load(fh)
            if isinstance(loaded, Index) and loaded.fingerprint.startswith(_stamp() + "@"):
                main = loaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            main = None
    built_upto = None if main is None else main.fingerprint.split("@", 1)[1]
    recent: Index | None = None
    if main is not None and newest is not None and newest >= built_upto:
        recent = build_index(_records(built_upto), "recent")
        if len(recent.entities) > max(1000, REBUILD_FRACTION * total):
            main = None
    if main is None:
        main = build_index(_records(None), f"{_stamp()}@{newest or ''}")
        recent = None
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as fh:
            pickle.dump(main, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    return BookIndex(main, recent)
