"""One monitoring cycle: re-screen only what can have changed, then reconcile the alerts.

Book side: an entry whose matching fields changed since it was last screened (or was
never screened) is screened against all lists, exactly as `clearance screen` would.

List side, per dataset whose active version moved since the last cycle:
- added entries, and changed entries that gained a name, an identifier or a new schema,
  are looked up in the book's own index (`book_index`), then each candidate pair is
  scored with the screening scorer (`score_entities`);
- changed entries whose names did not grow can only move a score through secondary
  evidence (country, birth date), which moves it by at most `near_margin`: only pairs
  that scored within that margin of the threshold last time (`near_pairs`) are re-scored;
- entries with an alert are always re-scored, so a false-positive case reopens when its
  list entry changes;
- removed entries mark their alerts "delisted".
A dataset that appears for the first time is screened against the whole book.

Book screening commits chunk by chunk (a crash resumes where it stopped); the list-side
reconciliation and the new monitor state commit together, so a cycle that dies before
its end is simply run again. Alerts are keyed by pair, so re-running never duplicates.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, or_, select, update

from clearance.index.build import COUNTRY_PROPS, IDENTIFIER_PROPS, NAME_PROPS, Index, build_index
from clearance.index.store import ensure_index
from clearance.match.engine import match_query, score_entities
from clearance.match.score import Query, ScoringConfig
from clearance.monitor.alerts import Hit, Outcome, delist, reconcile
from clearance.monitor.book import BookEntry, get_entries
from clearance.monitor.book_index import book_index
from clearance.monitor.ownership import (
    OWNERSHIP_DATASET,
    blocked_entities,
    evaluate,
    list_links,
    listed_on,
)
from clearance.screening.batch import screen_queries
from clearance.store import active_version_ids, audit, version_digests, version_records
from clearance.store.db import alerts, book_entries, engine, monitor_state, near_pairs

__all__ = ["CycleReport", "ListDelta", "near_margin", "run_cycle"]

CHUNK = 2000
#: (book entry, its results, the list entity ids scored, or None when all were)
Scored = tuple[BookEntry, list[dict[str, Any]], list[str] | None]
FORWARD_LIMIT = 10


def near_margin(cfg: ScoringConfig) -> float:
    """The most secondary evidence can raise a score when a list entry's names stay."""
    return (cfg.dob_conflict_penalty + cfg.dob_agree_bonus + cfg.country_conflict_penalty
            + cfg.country_agree_bonus)


@dataclass
class ListDelta:
    """What moved in one dataset since the last cycle, and how much of it was re-scored."""

    dataset: str
    from_version_id: int | None
    to_version_id: int
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    grown: list[str] = field(default_factory=list)  # changed, with new names or identifiers
    secondary: list[str] = field(default_factory=list)  # changed country or birth date only
    other: list[str] = field(default_factory=list)  # changed, nothing matching reads

    def to_dict(self) -> dict[str, Any]:
        return {"dataset": self.dataset, "from_version_id": self.from_version_id,
                "to_version_id": self.to_version_id, "added": len(self.added),
                "removed": len(self.removed), "changed_names": len(self.grown),
                "changed_secondary": len(self.secondary), "changed_other": len(self.other)}


@dataclass
class CycleReport:
    """What a cycle looked at and what it did."""

    started: str
    full: bool
    lists: list[ListDelta] = field(default_factory=list)
    book_screened: int = 0
    pairs_scored: int = 0
    seconds: float = 0.0
    outcome: Outcome = field(default_factory=Outcome)

    def to_dict(self) -> dict[str, Any]:
        o = self.outcome
        return {"started": self.started, "full": self.full, "seconds": round(self.seconds, 2),
                "lists": [d.to_dict() for d in self.lists], "book_screened": self.book_screened,
                "pairs_scored": self.pairs_scored, "opened": len(o.opened),
                "reopened": len(o.reopened), "delisted": len(o.delisted),
                "suppressed": o.suppressed, "refreshed": o.updated}


def _names(record: dict[str, Any]) -> set[str]:
    props = record["properties"]
    return {v for p, _ in NAME_PROPS for v in props.get(p, [])}


def _values(record: dict[str, Any], props: Iterable[str]) -> set[tuple[str, str]]:
    return {(p, v) for p in props for v in record["properties"].get(p, [])}


def _classify(delta: ListDelta, old: dict[str, dict[str, Any]],
              new: dict[str, dict[str, Any]]) -> None:
    for eid in sorted(new):
        o, n = old[eid], new[eid]
        if (o["schema"] != n["schema"] or _names(n) - _names(o)
                or _values(n, IDENTIFIER_PROPS) - _values(o, IDENTIFIER_PROPS)):
            delta.grown.append(eid)
        elif _values(n, (*COUNTRY_PROPS, "birthDate")) != _values(o, (*COUNTRY_PROPS, "birthDate")):
            delta.secondary.append(eid)
        else:
            delta.other.append(eid)


def _list_delta(dataset: str, from_id: int | None, to_id: int) -> ListDelta:
    delta = ListDelta(dataset, from_id, to_id)
    new = version_digests(to_id)
    old = {} if from_id is None else version_digests(from_id)
    delta.added = sorted(k for k in new if k not in old)
    delta.removed = sorted(k for k in old if k not in new)
    changed = sorted(k for k in new if k in old and old[k] != new[k])
    for start in range(0, len(changed), 5000):
        part = changed[start:start + 5000]
        _classify(delta, version_records(from_id, part) if from_id else {},
                  version_records(to_id, part))
    return delta


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class _Writer:
    """Turns scored results into near pairs and alert hits, committed in chunks."""

    def __init__(self, cfg: ScoringConfig, digests: dict[str, str], outcome: Outcome) -> None:
        self.floor = cfg.threshold - near_margin(cfg)
        self.digests = digests
        self.outcome = outcome
        self.why: dict[str, str] = {}  # entity id -> reason it is blocked, beyond its name

    def write(self, conn: Connection, scored: Sequence[Scored]) -> None:
        """`scored`: (entry, results, entity ids scored or None for all of its pairs)."""
        hits: list[Hit] = []
        for entry, results, scope in scored:
            clear = delete(near_pairs).where(near_pairs.c.book_id == entry.id)
            if scope is not None:
                clear = clear.where(near_pairs.c.entity_id.in_(scope))
            conn.execute(clear)
            near = [{"book_id": entry.id, "entity_id": r["entity_id"], "score": r["score"]}
                    for r in results if r["score"] >= self.floor]
            if near:
                conn.execute(insert(near_pairs), near)
            for r in results:
                if r["match"]:
                    if r["entity_id"] in self.why:
                        r = {**r, "blocked_because": self.why[r["entity_id"]]}
                    hits.append(Hit(entry.id, entry.digest,
                                    self.digests.get(r["entity_id"], ""), r))
        reconcile(conn, hits, self.outcome)


def _pending(full: bool) -> list[str]:
    q = select(book_entries.c.id).order_by(book_entries.c.id)
    if not full:
        q = q.where(or_(book_entries.c.screened_digest.is_(None),
                        book_entries.c.screened_digest != book_entries.c.digest))
    with engine().connect() as conn:
        return [r.id for r in conn.execute(q)]


def _chunks(ids: list[str], size: int = CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _entries(ids: list[str]) -> Iterator[BookEntry]:
    for chunk in _chunks(ids):
        entries = get_entries(chunk)
        yield from (entries[i] for i in chunk if i in entries)


def _forward(ids: list[str], index: Index, cfg: ScoringConfig, writer: _Writer, workers: int,
             datasets: frozenset[str] | None, progress: Callable[[int], None] | None) -> int:
    """Screen book entries against the lists (all, or only new `datasets`), in chunks.

    A full screen marks each entry screened in the chunk's transaction.
    """
    done = 0
    batch: list[Scored] = []

    def flush() -> None:
        nonlocal done
        with engine().begin() as conn:
            writer.write(conn, batch)
            if datasets is None:
                for entry, _, _ in batch:
                    conn.execute(update(book_entries).where(book_entries.c.id == entry.id)
                                 .values(screened_digest=entry.digest))
        done += len(batch)
        if progress is not None:
            progress(len(batch))
        batch.clear()

    by_id: dict[str, BookEntry] = {}

    def queries() -> Iterator[tuple[str, Query]]:
        for entry in _entries(ids):
            by_id[entry.id] = entry
            yield entry.id, entry.query()

    if datasets is None:
        for res in screen_queries(queries(), cfg, FORWARD_LIMIT, workers, index):
            batch.append((by_id.pop(res.id), res.matches, None))
            if len(batch) >= CHUNK:
                flush()
    else:
        for book_id, q in queries():
            found = match_query(index, q, cfg, FORWARD_LIMIT, datasets=datasets)
            batch.append((by_id.pop(book_id), [r.to_dict() for r in found],
                          [r.entity_id for r in found]))
            if len(batch) >= CHUNK:
                flush()
    if batch:
        flush()
    return done


def _pairs(deltas: list[ListDelta], skip: set[str]) -> dict[str, set[str]]:
    """book id -> list entity ids to re-score, from the book index, near pairs and alerts."""
    pairs: dict[str, set[str]] = defaultdict(set)
    reverse = [(d.to_version_id, d.added + d.grown) for d in deltas if d.added or d.grown]
    if reverse:
        bix = book_index()
        for version_id, ids in reverse:
            for start in range(0, len(ids), 5000):
                for eid, record in version_records(version_id, ids[start:start + 5000]).items():
                    for book_id in bix.candidates(record):
                        pairs[book_id].add(eid)
    secondary = [e for d in deltas for e in d.secondary + d.grown]
    changed = [e for d in deltas for e in d.grown + d.secondary + d.other]
    with engine().connect() as conn:
        for part in _chunks(secondary, 500):
            for r in conn.execute(select(near_pairs.c.book_id, near_pairs.c.entity_id)
                                  .where(near_pairs.c.entity_id.in_(part))):
                pairs[r.book_id].add(r.entity_id)
        for part in _chunks(changed, 500):
            for r in conn.execute(select(alerts.c.book_id, alerts.c.entity_id)
                                  .where(alerts.c.entity_id.in_(part))):
                pairs[r.book_id].add(r.entity_id)
    return {b: e for b, e in pairs.items() if b not in skip}


def _rescore(pairs: dict[str, set[str]], index: Index, cfg: ScoringConfig,
             writer: _Writer) -> int:
    scored_pairs = 0
    for chunk in _chunks(sorted(pairs)):
        entries = get_entries(chunk)
        scored: list[Scored] = []
        for book_id in chunk:
            entry = entries.get(book_id)
            if entry is None:
                continue
            targets = sorted(pairs[book_id])
            results = score_entities(index, entry.query(), targets, cfg)
            scored.append((entry, [r.to_dict() for r in results], targets))
            scored_pairs += len(targets)
        with engine().begin() as conn:
            writer.write(conn, scored)
    return scored_pairs


def _ownership(index: Index, cfg: ScoringConfig, writer: _Writer, report: CycleReport
               ) -> list[str]:
    """Screen the book against entities the 50% rule blocks; returns blocks that lapsed."""
    links = list_links()
    derived = blocked_entities(evaluate(links, listed_on(index, cfg))) if links else []
    with engine().connect() as conn:
        had = {r.entity_id for r in conn.execute(select(alerts.c.entity_id).where(
            alerts.c.dataset == OWNERSHIP_DATASET, alerts.c.status != "delisted"))}
    if derived:
        sandbox = build_index(derived, "ownership")
        writer.digests.update({r["entity_id"]: r["digest"] for r in derived})
        writer.why.update({r["entity_id"]: r["explanation"] for r in derived})
        bix = book_index()
        pairs: dict[str, set[str]] = defaultdict(set)
        for record in derived:
            for book_id in bix.candidates(record):
                pairs[book_id].add(record["entity_id"])
        report.pairs_scored += _rescore(pairs, sandbox, cfg, writer)
    return sorted(had - {r["entity_id"] for r in derived})


def _active_digests(version_ids: Iterable[int]) -> dict[str, str]:
    out: dict[str, str] = {}
    for vid in version_ids:
        out.update(version_digests(vid))
    return out


def run_cycle(full: bool = False, workers: int = 1, cfg: ScoringConfig | None = None,
              actor: str = "monitor", progress: Callable[[int], None] | None = None
              ) -> CycleReport:
    """Bring the alerts up to date with the active lists and the book (see module doc)."""
    cfg = cfg or ScoringConfig()
    t0 = time.perf_counter()
    report = CycleReport(started=_now(), full=full)
    index = ensure_index()
    active = active_version_ids()
    with engine().connect() as conn:
        state = {r.dataset: r.version_id for r in conn.execute(select(monitor_state))}
    first = not state
    report.full = full = full or first
    writer = _Writer(cfg, _active_digests(active.values()), report.outcome)
    pending = _pending(full)
    report.book_screened = _forward(pending, index, cfg, writer, workers, None, progress)
    skip = set(pending)
    if not full:
        new_sets = frozenset(d for d in active if d not in state)
        if new_sets:
            rest = [i for i in _pending(True) if i not in skip]
            _forward(rest, index, cfg, writer, 1, new_sets, progress)
            report.lists += [ListDelta(d, None, active[d]) for d in sorted(new_sets)]
        report.lists += [_list_delta(d, state[d], v) for d, v in sorted(active.items())
                         if d in state and state[d] != v]
        pairs = _pairs(report.lists, skip)
        report.pairs_scored = _rescore(pairs, index, cfg, writer)
    removed = [e for d in report.lists for e in d.removed]
    removed += _ownership(index, cfg, writer, report)
    for dataset in sorted(set(state) - set(active)):  # a dataset no longer loaded at all
        removed += list(version_digests(state[dataset]))
    report.seconds = time.perf_counter() - t0
    with engine().begin() as conn:
        delist(conn, removed, report.outcome)
        conn.execute(delete(monitor_state))
        now = _now()
        conn.execute(insert(monitor_state), [{"dataset": d, "version_id": v, "at": now}
                                             for d, v in active.items()])
        audit.append(conn, actor, "monitor.run", {**report.to_dict(), "lists_active": active})
    report.seconds = time.perf_counter() - t0
    return report
