"""The book's own name index: which book entries may match a new or changed list entry.

This is the reverse of screening: a list entry's names are looked up among the book's
names with the same candidate generation as the list index, so a list change costs what
the change is, not book x list. The index is persisted in `CLEARANCE_HOME/index/book.cidx`
(the format of `clearance.index.artifact`, keyed like the list index by the algorithm and
the matcher's code and word lists) and covers the book as of its last change when built;
entries imported since are held in a small second index built on use, and the main one is
rebuilt once they are many.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from clearance import settings
from clearance.exc import IndexFileError
from clearance.index.artifact import read_file, remove_stale_temporaries, write_file
from clearance.index.build import Index, build_index
from clearance.index.search import candidate_names
from clearance.index.store import inputs_digest
from clearance.match import zh
from clearance.match.algorithm import ALGORITHM, VERSION
from clearance.match.compare import score_ceiling
from clearance.match.engine import entity_names, prepare_query_names
from clearance.match.imo import imo_typed
from clearance.match.prepare import Name
from clearance.match.score import Query, ScoringConfig
from clearance.monitor.book import BookEntry
from clearance.store.db import book_changes, book_entries, engine

__all__ = ["BOOK_DATASET", "REVERSE_LIMIT", "BookIndex", "book_index", "book_record",
           "pair_ceiling"]

BOOK_DATASET = "book"
#: Book names scored per list name. Far above the forward limit (20): one list name
#: ("MOHAMMAD ALI") may be carried by many customers, and every one must be found.
REVERSE_LIMIT = 400
REBUILD_FRACTION = 0.1
_cache: dict[str, tuple[int, BookIndex]] = {}  # home's index path -> (last change, index)


def book_record(entry: BookEntry) -> dict[str, Any]:
    """A book entry in the shape the index builder reads (like a stored list entity)."""
    props: dict[str, list[str]] = {"name": [entry.name], "alias": list(entry.aliases),
                                   "country": list(entry.countries),
                                   "idNumber": entry.query().identifiers_read}
    if entry.birth_date:
        props["birthDate"] = [entry.birth_date]
    return {"entity_id": entry.id, "dataset": BOOK_DATASET, "source_id": entry.id,
            "schema": entry.schema, "caption": entry.name, "properties": props}


def _records(after: int | None) -> Any:
    q = select(book_entries.c.id, book_entries.c.name, book_entries.c.schema,
               book_entries.c.data)
    if after is not None:  # entries added or changed by a later import
        q = q.where(book_entries.c.id.in_(select(book_changes.c.book_id)
                                          .where(book_changes.c.id > after)))
    with engine().connect() as conn:
        for r in conn.execution_options(stream_results=True).execute(q):
            yield book_record(BookEntry.from_stored(r.id, r.name, r.schema, r.data))


@dataclass
class BookIndex:
    """The persisted main index plus the entries imported after it was built."""

    main: Index
    recent: Index | None

    def candidates(self, entity_id: str, index: Index, cfg: ScoringConfig) -> set[str]:
        """Book ids that may match the list entity `entity_id` of `index`.

        Book names come from this index's candidate generation, by the entity's names and
        identifiers; a name whose score ceiling (`score_ceiling`, plus the most birth date
        and country can add) stays below the threshold against every name of the entity
        is dropped before any real comparison.
        """
        e_idx = index.by_entity_id[entity_id]
        meta = index.entities[e_idx]
        own = [(index.names[n], text) for n, _, text in entity_names(index)[e_idx]]
        if not own:
            return set()
        # a LegalEntity may be compared as a person (a Person book entry) or not: bound both
        modes = (True, False) if meta.schema == "LegalEntity" else (meta.schema == "Person",)
        floor = cfg.threshold - cfg.dob_agree_bonus - cfg.country_agree_bonus
        query = Query(name=own[0][1], schema=meta.schema, aliases=[t for _, t in own[1:]])
        found: set[str] = set()
        for book in (self.main, self.recent):
            if book is None or not book.names:
                continue
            kept: set[int] = set()
            for name in prepare_query_names(query):
                for n_idx in candidate_names(book, name, REVERSE_LIMIT).tolist():
                    if n_idx in kept:
                        continue
                    cand = book.names[n_idx]
                    if any(zh.has_han(t) for t in cand.tokens) or any(
                            pair_ceiling(cand, list_name, index, cfg, person) >= floor
                            for list_name, _ in own for person in modes):
                        kept.add(n_idx)
            for n_idx in kept:
                found.update(book.entities[e].entity_id for e, _, _ in book.owners[n_idx])
            for prop, value in meta.identifiers:
                # (a vessel's IMO number typed with one slip: `score_entities` finds it)
                typed = imo_typed(value) if prop == "imoNumber" and meta.schema == "Vessel" else ()
                for key in (value, *typed):
                    found.update(book.entities[e].entity_id for e in book.identifiers.get(key, ()))
        return found


def pair_ceiling(book_name: Name, list_name: Name, index: Index, cfg: ScoringConfig,
                 person: bool) -> float:
    """`score_ceiling` with the weights and penalties screening uses for this kind of pair."""
    if person:
        return score_ceiling(book_name, list_name, index.person_weight, cfg.query_extra_penalty,
                             cfg.person_list_extra_penalty, True, cfg.place_penalty,
                             cfg.query_middle_penalty)
    return score_ceiling(book_name, list_name, index.weight, cfg.query_extra_penalty,
                         cfg.org_list_extra_penalty, False, cfg.place_penalty)


log = logging.getLogger("clearance.index")


def _path() -> Any:
    return settings.index_dir() / "book.cidx"


def _key() -> dict[str, Any]:
    return {"book": f"{ALGORITHM}/{VERSION}", **inputs_digest()}


def _stamp() -> str:
    return f"book:{ALGORITHM}:{VERSION}"


def book_index() -> BookIndex:
    """The book index, rebuilt when missing, from another algorithm version, or stale.

    The main index remembers the last book change it covers (`book_changes.id`, read
    before the entries): entries changed after it are indexed again in `recent`.
    """
    with engine().connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(book_entries)).scalar() or 0)
        newest = int(conn.execute(select(func.max(book_changes.c.id))).scalar() or 0)
    path = _path()
    cached = _cache.get(str(path))
    if cached is not None and cached[0] == newest:
        return cached[1]
    main: Index | None = None
    if path.exists():
        try:
            loaded = read_file(path, Index, _key())
            if loaded.fingerprint.startswith(_stamp() + "@"):
                main = loaded
        except IndexFileError as exc:
            log.warning("%s; rebuilding it", exc)
    recent: Index | None = None
    if main is not None:
        built_upto = int(main.fingerprint.split("@", 1)[1])
        recent = build_index(_records(built_upto), "recent") if newest > built_upto else None
        if recent is not None and len(recent.entities) > max(1000, REBUILD_FRACTION * total):
            main = None
    if main is None:
        main = build_index(_records(None), f"{_stamp()}@{newest}")
        recent = None
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(path.parent)
        write_file(main, path, _key())
        (path.parent / "book.pkl").unlink(missing_ok=True)  # an earlier version's pickle
    _cache.clear()
    _cache[str(path)] = (newest, BookIndex(main, recent))
    return _cache[str(path)][1]
