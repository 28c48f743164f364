"""One monitoring cycle: re-screen only what can have changed, then reconcile the alerts.

Book side: an entry whose matching fields changed since it was last screened (or was
never screened) is screened against all lists, exactly as `clearance screen` would.

List side, per dataset whose active version moved since the last cycle:
- added entries, and changed entries that gained a name, an identifier or a new schema,
  are looked up in the book's own index (`book_index`), then each candidate pair is
  scored with the screening scorer (`score_entities`);
- changed entries whose names did not grow can only move a score through secondary
  evidence (country, birth date), by at most what that change can add (`_rise`, never
  more than `near_margin`): only pairs that scored within that rise of the threshold
  last time (`near_pairs`, kept down to `near_margin` below it) are re-scored;
- entries with an alert are always re-scored, so a false-positive case reopens when its
  list entry changes;
- removed entries mark their alerts "delisted".
A dataset that appears for the first time is screened against the whole book.

Only one cycle runs at a time on a store (`monitor/lock.py`): a second one waits up to
`wait` seconds, then gives up with `Busy`. Each chunk of work commits its near pairs and
alerts together with their events (never an alert without its event); the new monitor
state commits only at the end, so a cycle killed midway is simply run again: book
screening resumes where it stopped, the list side is redone, alerts are keyed by pair
(never duplicated), and the alerts the killed cycle changed are reported by the one that
completes it (`carry_over`). After the cycle's audit record, a signed checkpoint of the
audit log is written when a signing key exists (`store/audit.py checkpoint`).
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, delete, insert, or_, select, update

from clearance import settings
from clearance.exc import AuditError, StoreError
from clearance.index.build import COUNTRY_PROPS, IDENTIFIER_PROPS, NAME_PROPS, Index, build_index
from clearance.index.store import ensure_index
from clearance.match.engine import match_query, score_entities
from clearance.match.score import Query, ScoringConfig
from clearance.match.tables import freeze_heap
from clearance.monitor import lock
from clearance.monitor.alerts import CLOSED, Hit, Outcome, carry_over, delist, reconcile
from clearance.monitor.book import BookEntry, get_entries
from clearance.monitor.book_index import BookIndex, book_index
from clearance.monitor.ownership import (
    OWNERSHIP_DATASET,
    blocked_entities,
    evaluate,
    list_links,
    listed_on,
)
from clearance.screening.batch import screen_queries
from clearance.store import active_version_ids, audit, version_digests, version_records
from clearance.store.db import alerts, book_entries, engine, monitor_state, near_pairs, utc_now

__all__ = ["CycleReport", "ListDelta", "list_delta", "near_margin", "resume", "run_cycle",
           "run_locked"]

CHUNK = 2000
#: Monitoring keeps every result down to the near-pair floor: no cut-off may hide an alert.
FORWARD_LIMIT = 10_000
R = TypeVar("R", bound="CycleReport")
_pool: tuple[Index, ScoringConfig] | None = None  # what forked workers read
_book: BookIndex | None = None
#: (book entry, its results, the list entity ids scored, or None when all were)
Scored = tuple[BookEntry, list[dict[str, Any]], list[str] | None]


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
    rise: dict[str, float] = field(default_factory=dict)  # secondary: most a score can rise

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
    resumed: list[dict[str, str]] = field(default_factory=list)  # killed cycles completed
    checkpoint: dict[str, Any] | None = None  # the audit checkpoint signed after the cycle
    checkpoint_problem: str | None = None  # why none was signed: no key, or refused
    checkpoint_refused: bool = False  # the log did not verify: it was not signed

    def to_dict(self) -> dict[str, Any]:
        o = self.outcome
        out: dict[str, Any] = {
            "started": self.started, "full": self.full, "seconds": round(self.seconds, 2),
            "lists": [d.to_dict() for d in self.lists], "book_screened": self.book_screened,
            "pairs_scored": self.pairs_scored, "opened": len(o.opened),
            "reopened": len(o.reopened), "delisted": len(o.delisted),
            "suppressed": o.suppressed, "refreshed": o.updated}
        if self.resumed:
            out["resumed"] = self.resumed
        if self.checkpoint is not None or self.checkpoint_problem is not None:
            out["checkpoint"] = self.checkpoint
            out["checkpoint_problem"] = self.checkpoint_problem
        return out


def _names(record: dict[str, Any]) -> set[str]:
    props = record["properties"]
    return {v for p, _ in NAME_PROPS for v in props.get(p, [])}


def _values(record: dict[str, Any], props: Iterable[str]) -> set[tuple[str, str]]:
    return {(p, v) for p in props for v in record["properties"].get(p, [])}


def _rise(old: dict[str, Any], new: dict[str, Any], cfg: ScoringConfig) -> float:
    """The most a change of country or birth date can raise any pair's score.

    A birth date change can turn a conflict into agreement; countries that were only
    removed can at most lift a conflict; added countries can also turn it into agreement.
    """
    rise = 0.0
    if _values(new, ("birthDate",)) != _values(old, ("birthDate",)):
        rise += cfg.dob_conflict_penalty + cfg.dob_agree_bonus
    before, after = _values(old, COUNTRY_PROPS), _values(new, COUNTRY_PROPS)
    if after - before:
        rise += cfg.country_conflict_penalty + cfg.country_agree_bonus
    elif before - after:
        rise += cfg.country_conflict_penalty
    return rise


def _classify(delta: ListDelta, old: dict[str, dict[str, Any]],
              new: dict[str, dict[str, Any]], cfg: ScoringConfig) -> None:
    for eid in sorted(new):
        o, n = old[eid], new[eid]
        if (o["schema"] != n["schema"] or _names(n) - _names(o)
                or _values(n, IDENTIFIER_PROPS) - _values(o, IDENTIFIER_PROPS)):
            delta.grown.append(eid)
        elif (rise := _rise(o, n, cfg)) > 0:
            delta.secondary.append(eid)
            delta.rise[eid] = rise
        else:
            delta.other.append(eid)


def list_delta(dataset: str, from_id: int | None, to_id: int, cfg: ScoringConfig
               ) -> ListDelta:
    """What changed in `dataset` from version `from_id` (None: nothing before) to `to_id`."""
    delta = ListDelta(dataset, from_id, to_id)
    new = version_digests(to_id)
    old = {} if from_id is None else version_digests(from_id)
    delta.added = sorted(k for k in new if k not in old)
    delta.removed = sorted(k for k in old if k not in new)
    changed = sorted(k for k in new if k in old and old[k] != new[k])
    for start in range(0, len(changed), 5000):
        part = changed[start:start + 5000]
        _classify(delta, version_records(from_id, part) if from_id else {},
                  version_records(to_id, part), cfg)
    return delta



class _Writer:
    """Turns scored results into near pairs and alert hits, committed in chunks."""

    def __init__(self, cfg: ScoringConfig, digests: dict[str, str], outcome: Outcome) -> None:
        self.floor = cfg.threshold - near_margin(cfg)
        self.digests = digests
        self.outcome = outcome
        self.why: dict[str, str] = {}  # entity id -> reason it is blocked, beyond its name

    def write(self, conn: Connection, scored: Sequence[Scored]) -> None:
        """Replace the near pairs of what was scored, then reconcile the alert hits."""
        whole = [entry.id for entry, _, scope in scored if scope is None]
        for part in _chunks(whole, 500):
            conn.execute(delete(near_pairs).where(near_pairs.c.book_id.in_(part)))
        scoped = [{"b_id": entry.id, "e_id": eid} for entry, _, scope in scored
                  for eid in scope or ()]
        if scoped:  # one executemany for every re-scored pair, not a statement per entry
            conn.execute(delete(near_pairs).where(near_pairs.c.book_id == bindparam("b_id"),
                                                  near_pairs.c.entity_id == bindparam("e_id")),
                         scoped)
        near: list[dict[str, Any]] = []
        hits: list[Hit] = []
        for entry, results, _ in scored:
            near += [{"book_id": entry.id, "entity_id": r["entity_id"], "score": r["score"]}
                     for r in results if r["score"] >= self.floor]
            for r in results:
                if r["match"]:
                    if r["entity_id"] in self.why:
                        r = {**r, "blocked_because": self.why[r["entity_id"]]}
                    hits.append(Hit(entry.id, entry.digest,
                                    self.digests.get(r["entity_id"], ""), r))
        if near:
            conn.execute(insert(near_pairs), near)
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
                conn.execute(update(book_entries)
                             .where(book_entries.c.id == bindparam("b_id"))
                             .values(screened_digest=bindparam("b_digest")),
                             [{"b_id": e.id, "b_digest": e.digest} for e, _, _ in batch])
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
        for res in screen_queries(queries(), cfg, FORWARD_LIMIT, workers, index, writer.floor):
            batch.append((by_id.pop(res.id), res.matches, None))
            if len(batch) >= CHUNK:
                flush()
    else:
        for book_id, q in queries():
            found = match_query(index, q, cfg, FORWARD_LIMIT, datasets=datasets,
                                min_score=writer.floor)
            batch.append((by_id.pop(book_id), [r.to_dict() for r in found],
                          [r.entity_id for r in found]))
            if len(batch) >= CHUNK:
                flush()
    if batch:
        flush()
    return done


def _candidates(entity_id: str) -> tuple[str, set[str]]:
    assert _pool is not None and _book is not None
    return entity_id, _book.candidates(entity_id, *_pool)


def _reverse(entity_ids: list[str], index: Index, cfg: ScoringConfig, workers: int
             ) -> Iterator[tuple[str, set[str]]]:
    """For each list entity, the book entries that may match it (in parallel)."""
    global _pool, _book
    _pool, _book = (index, cfg), book_index()
    if workers <= 1 or len(entity_ids) < 100:
        yield from map(_candidates, entity_ids)
        return
    freeze_heap()
    with mp.get_context("fork").Pool(workers) as pool:
        yield from pool.imap_unordered(_candidates, entity_ids, chunksize=16)


def _pairs(deltas: list[ListDelta], skip: set[str], index: Index, cfg: ScoringConfig,
           workers: int = 1) -> dict[str, set[str]]:
    """book id -> list entity ids to re-score, from the book index, near pairs and alerts."""
    pairs: dict[str, set[str]] = defaultdict(set)
    reverse = [e for d in deltas for e in d.added + d.grown if e in index.by_entity_id]
    if reverse:
        for eid, book_ids in _reverse(reverse, index, cfg, workers):
            for book_id in book_ids:
                pairs[book_id].add(eid)
    changed = [e for d in deltas for e in d.grown + d.secondary + d.other]
    with engine().connect() as conn:
        for d in deltas:
            for part in _chunks(d.secondary, 500):
                for r in conn.execute(select(near_pairs.c.book_id, near_pairs.c.entity_id,
                                             near_pairs.c.score)
                                      .where(near_pairs.c.entity_id.in_(part))):
                    if r.score >= cfg.threshold - d.rise[r.entity_id]:
                        pairs[r.book_id].add(r.entity_id)
        for part in _chunks(changed, 500):
            for a in conn.execute(select(alerts.c.book_id, alerts.c.entity_id)
                                  .where(alerts.c.entity_id.in_(part))):
                pairs[a.book_id].add(a.entity_id)
    return {b: e for b, e in pairs.items() if b not in skip}




def _score(item: tuple[BookEntry, list[str]]) -> Scored:
    assert _pool is not None
    entry, targets = item
    index, cfg = _pool
    return entry, [r.to_dict() for r in score_entities(index, entry.query(), targets, cfg)], targets


def _scored(items: Iterator[tuple[BookEntry, list[str]]], workers: int) -> Iterator[Scored]:
    if workers <= 1:
        yield from map(_score, items)
        return
    freeze_heap()  # the index is shared copy-on-write with the forked workers
    with mp.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_score, items, chunksize=64)


def _rescore(pairs: dict[str, set[str]], index: Index, cfg: ScoringConfig,
             writer: _Writer, workers: int = 1) -> int:
    """Score the given pairs exactly, in parallel, committing chunk by chunk."""
    global _pool
    _pool = (index, cfg)

    def items() -> Iterator[tuple[BookEntry, list[str]]]:
        for chunk in _chunks(sorted(pairs)):
            entries = get_entries(chunk)
            yield from ((entries[b], sorted(pairs[b])) for b in chunk if b in entries)

    batch: list[Scored] = []
    for scored in _scored(items(), workers if len(pairs) > 1000 else 1):
        batch.append(scored)
        if len(batch) >= CHUNK:
            with engine().begin() as conn:
                writer.write(conn, batch)
            batch = []
    if batch:
        with engine().begin() as conn:
            writer.write(conn, batch)
    return sum(len(t) for t in pairs.values())


def _ownership(index: Index, cfg: ScoringConfig, writer: _Writer, report: CycleReport
               ) -> list[str]:
    """Screen the book against entities the 50% rule blocks; returns blocks that lapsed."""
    links = list_links()
    derived = blocked_entities(evaluate(links, listed_on(index, cfg))) if links else []
    with engine().connect() as conn:
        had = {r.entity_id for r in conn.execute(select(alerts.c.entity_id).where(
            alerts.c.dataset == OWNERSHIP_DATASET, alerts.c.status.notin_(CLOSED)))}
    if derived:
        sandbox = build_index(derived, "ownership")
        writer.digests.update({r["entity_id"]: r["digest"] for r in derived})
        writer.why.update({r["entity_id"]: r["explanation"] for r in derived})
        bix = book_index()
        pairs: dict[str, set[str]] = defaultdict(set)
        for record in derived:
            for book_id in bix.candidates(record["entity_id"], sandbox, cfg):
                pairs[book_id].add(record["entity_id"])
        report.pairs_scored += _rescore(pairs, sandbox, cfg, writer)
    return sorted(had - {r["entity_id"] for r in derived})


def _active_digests(version_ids: Iterable[int]) -> dict[str, str]:
    out: dict[str, str] = {}
    for vid in version_ids:
        out.update(version_digests(vid))
    return out


def run_cycle(full: bool = False, workers: int = 1, cfg: ScoringConfig | None = None,
              actor: str = "monitor", progress: Callable[[int], None] | None = None,
              wait: float = 0.0, notify: Callable[[CycleReport], None] | None = None
              ) -> CycleReport:
    """Bring the alerts up to date with the active lists and the book (see module doc).

    Holds the store's monitoring lock throughout (waiting up to `wait` seconds for it,
    else `Busy`). `notify` runs under the lock once the cycle's work is committed; the
    cycle counts as finished only after it, so a cycle killed while notifying has its
    alerts reported again by the next one.
    """
    return run_locked(lambda run: _run(full, workers, cfg or ScoringConfig(), actor, progress,
                                       run), wait, notify)


def run_locked(work: Callable[[lock.CycleRun], R], wait: float = 0.0,
               notify: Callable[[R], None] | None = None) -> R:
    """Run a cycle's `work` as every cycle runs (this one and the Spark engine's): under the
    store's monitoring lock, registered in `monitor_cycles`, a signed audit checkpoint after
    its record, and `notify` before the cycle counts as finished."""
    with lock.cycle_lock(wait):
        run = lock.begin()
        report = work(run)
        _checkpoint(report)
        if notify is not None:
            notify(report)
        lock.finish(run)
    return report


def resume(conn: Connection, run: lock.CycleRun, report: CycleReport) -> None:
    """Report, with this cycle's, the alerts of cycles found killed before it (in `conn`,
    the transaction that commits this cycle's state)."""
    if run.interrupted:
        carry_over(conn, min(started for started, _ in run.interrupted), report.outcome)


def _checkpoint(report: CycleReport) -> None:
    """Sign the audit log after the cycle's record, when a signing key exists."""
    key = settings.signing_key()
    if not key.exists():
        report.checkpoint_problem = (f"no audit signing key at {key}: no checkpoint written "
                                     "(create one with `clearance audit keygen`)")
        return
    try:
        report.checkpoint = audit.checkpoint(key).to_dict()
    except AuditError as exc:
        report.checkpoint_problem, report.checkpoint_refused = str(exc), True


def _run(full: bool, workers: int, cfg: ScoringConfig, actor: str,
         progress: Callable[[int], None] | None, run: lock.CycleRun) -> CycleReport:
    t0 = time.perf_counter()
    report = CycleReport(started=utc_now(), full=full)
    active = active_version_ids()
    if not active:
        raise StoreError("no list is loaded: load the official lists before monitoring "
                         "(clearance lists load)")
    index = ensure_index()
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
        report.lists += [list_delta(d, state[d], v, cfg) for d, v in sorted(active.items())
                         if d in state and state[d] != v]
        pairs = _pairs(report.lists, skip, index, cfg, workers)
        report.pairs_scored = _rescore(pairs, index, cfg, writer, workers)
    removed = [e for d in report.lists for e in d.removed]
    removed += _ownership(index, cfg, writer, report)
    for dataset in sorted(set(state) - set(active)):  # a dataset no longer loaded at all
        removed += list(version_digests(state[dataset]))
    report.seconds = time.perf_counter() - t0
    report.resumed = [{"started": started, "holder": who} for started, who in run.interrupted]
    with engine().begin() as conn:
        delist(conn, removed, report.outcome)
        resume(conn, run, report)
        conn.execute(delete(monitor_state))
        now = utc_now()
        conn.execute(insert(monitor_state), [{"dataset": d, "version_id": v, "at": now}
                                             for d, v in active.items()])
        audit.append(conn, actor, "monitor.run", {**report.to_dict(), "lists_active": active})
    report.seconds = time.perf_counter() - t0
    return report
