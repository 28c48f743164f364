"""Batch screening: stream rows through the matcher, in parallel, in constant memory.

Rows are read lazily and handed to worker processes in bounded batches (forked after the
index is loaded, so workers share it copy-on-write); results come back in input order and
are written as they arrive.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import multiprocessing as mp
import multiprocessing.pool
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from clearance.index.build import Index
from clearance.index.store import ensure_index
from clearance.match.engine import match_query
from clearance.match.score import Query, ScoringConfig
from clearance.match.tables import freeze_heap, load_script_tables
from clearance.screening.group import screen_query
from clearance.screening.io import result_line

__all__ = ["BATCH", "CHUNK", "FEW", "TAIL_CHUNK", "WORKER_GC_NEVER", "WORKER_GC_YOUNG", "RowItem",
           "ScreenResult", "default_workers", "row_line", "screen_few_rows", "screen_lines", "screen_queries",
           "screen_row_lines", "screen_rows"]

T = TypeVar("T")
BATCH = 2000
#: rows a worker takes at a time: small enough that the last chunks of a file end close
#: together on every worker, large enough that passing them costs little
CHUNK = 64
#: the last `CHUNK` rows a worker of the file's last batch (`_tail`) go out in chunks of
#: this many: at the end, a worker that finished idled until the others had done theirs,
#: up to a whole chunk's time (~40 ms of one core for 64 names)
TAIL_CHUNK = 4
#: allocations between two young-generation collections in a worker (Python's default: 700)
WORKER_GC_YOUNG = 10_000
#: a worker's thresholds of its older generations: never reached (`_start_worker`)
WORKER_GC_NEVER = 1 << 30
#: fewer rows than this are screened in this process: a pool would cost more than it saves
SMALL = 200
#: this many rows or fewer are screened each against its own view of the saved index
#: (`screen_few_rows`): N views cost less than loading the whole index up to about 4
FEW = 3
#: (row id, query, the input's extra columns); the screened name is the query's
RowItem = tuple[str, Query, dict[str, Any]]
_worker_index: Index | None = None
_worker_cfg: ScoringConfig | None = None
_worker_limit = 10
_worker_min_score = 0.0
#: pools whose rows are all screened, their workers told to exit: joined by the next run,
#: or at exit (multiprocessing's exit handler), not when the last row is handed back. So
#: the caller writes its last lines and its audit record while the workers exit (tearing
#: down an address space with its copies of index pages: 0.1-0.3 s on a busy box)
_closed: list[Any] = []


@dataclass
class ScreenResult:
    """The matches of one screened row (all candidates up to the limit, alerts flagged)."""

    id: str
    matches: list[dict[str, Any]]

    @property
    def alerts(self) -> list[dict[str, Any]]:
        return [m for m in self.matches if m["match"]]

    def to_json(self) -> str:
        """The JSONL output line of this row."""
        return result_line(self.id, self.matches)


def _screen_one(item: tuple[str, Query]) -> ScreenResult:
    assert _worker_index is not None
    row_id, query = item
    results = match_query(_worker_index, query, _worker_cfg, limit=_worker_limit,
                          min_score=_worker_min_score)
    return ScreenResult(row_id, [r.to_dict() for r in results])


def _screen_line(item: tuple[str, Query]) -> tuple[str, bool]:
    result = _screen_one(item)
    return result.to_json(), bool(result.alerts)


def _screen_row(item: RowItem) -> tuple[RowItem, list[dict[str, Any]], bool]:
    assert _worker_index is not None and _worker_cfg is not None
    parties = screen_query(_worker_index, item[1], _worker_cfg, _worker_limit,
                           _worker_min_score)
    return item, [p.to_dict() for p in parties], any(p.match for p in parties)


def _screen_row_line(item: RowItem) -> tuple[str, bool]:
    _, matches, alerted = _screen_row(item)
    return row_line(item, matches), alerted


def row_line(item: RowItem, matches: list[dict[str, Any]]) -> str:
    """The JSONL output line of a screened file row."""
    return result_line(item[0], matches, item[1].name, item[2])


def screen_few_rows(
    items: Iterable[RowItem],
    cfg: ScoringConfig,
    limit: int,
    min_score: float = 0.0,
) -> Iterator[tuple[RowItem, list[dict[str, Any]], bool]]:
    """Like `screen_rows`, each row against only what its query reads of the saved index
    (`index_for_query`, as `clearance match` does) instead of the whole index.

    Why: loading the whole index costs some 0.4-0.5 s of CPU, a view of it about 0.1 s a
    query, so a file of `FEW` rows or fewer is screened sooner this way; the view answers
    every query as the whole index does (tests/index/test_view.py)."""
    from clearance.index.store import index_for_query

    for item in items:
        parties = screen_query(index_for_query(item[1], cfg), item[1], cfg, limit, min_score)
        yield item, [p.to_dict() for p in parties], any(p.match for p in parties)


def default_workers() -> int:
    """The cores this process may use (its CPU affinity, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _batches(first: list[T], items: Iterator[T], size: int) -> Iterator[tuple[list[T], bool]]:
    """`first`, then the rest of `items` `size` at a time, each batch with whether it is
    the last: the item after a batch is read before the batch is handed out.

    A failure to read that item hands the batch out first (as the last), then propagates;
    one inside a batch propagates at once (its rows read so far are not screened)."""
    batch, full = first, len(first)
    while True:
        try:
            item = next(items)
        except StopIteration:
            break
        except Exception:
            if len(batch) >= full:
                yield batch, True
            raise
        if len(batch) >= full:
            yield batch, False
            batch, full = [], size
        batch.append(item)
    yield batch, True


def _run(
    task: Callable[[Any], T],
    items: Iterable[Any],
    cfg: ScoringConfig | None,
    limit: int,
    workers: int,
    index: Index | None,
    min_score: float = 0.0,
) -> Iterator[T]:
    global _worker_index, _worker_cfg, _worker_limit, _worker_min_score
    _worker_index = index if index is not None else ensure_index()
    _worker_cfg = cfg or ScoringConfig()
    _worker_limit = limit
    _worker_min_score = min_score
    items = iter(items)
    first = list(itertools.islice(items, SMALL))
    if workers <= 1 or len(first) < SMALL:
        for item in itertools.chain(first, items):
            yield task(item)
        return
    _first_sights(task, first)
    # the index is never garbage: keep collections in the workers off it. No collection
    # first: on a loaded index it costs a quarter of a second before any row is screened
    freeze_heap(collect=False)
    _join_closed()
    pool = _QuietPool(workers, initializer=_start_worker, context=mp.get_context("fork"))
    try:
        # the rows already read go first, as a batch of their own: the workers start on
        # them at once instead of waiting while the parent reads a whole `BATCH`
        yield from _overlapped(pool, task, _batches(first, items, BATCH), workers)
    except BaseException:
        pool.terminate()
        raise
    pool.close()  # every row is screened: the workers exit by themselves
    _closed.append(pool)


def _first_sights(task: Callable[[Any], Any], items: list[Any]) -> None:
    """Screen here, before the workers fork, the first of `items` (the rows read before
    the pool starts) to hold a letter of each script, throwing the result away: the
    tables a script's first name builds in a process (pypinyin's dictionaries, ICU's
    transliterator for the script, pymorphy3's, the population caps read for an abjad
    word, the resources of the script's readings: 0.05-0.3 s of CPU each) are then built
    once, and the workers share them copy-on-write, instead of each worker building its
    own at the first such name it meets (on a book of many scripts, every worker met
    every one). The tables a script's first name need not build are loaded beside it
    (`load_script_tables`: pymorphy3's for CYRILLIC). Each row is screened again by a
    worker, so nothing written changes; a row that fails here fails there again, in its
    place (the error is left to it).

    The rule's cost on a book of one script (ASCII names): one name screened twice and
    a `str.isascii` a name (`_scripts`). A script first met after these rows is left to
    the workers, as before."""
    seen: set[str] = set()
    for item in items:
        query = item[1] if isinstance(item, tuple) and len(item) > 1 else None
        names = query.names if isinstance(query, Query) else []
        new = {s for name in names for s in _scripts(name)} - seen
        if new:
            seen |= new
            with contextlib.suppress(Exception):
                task(item)
                for script in sorted(new):
                    load_script_tables(script)


def _scripts(text: str) -> set[str]:
    """The scripts of a name's letters, by their Unicode names' first word (LATIN, CJK,
    HIRAGANA, CYRILLIC, ARABIC, ...); a name of ASCII alone is "ASCII"."""
    if text.isascii():
        return {"ASCII"}
    return {unicodedata.name(ch, "?").split(" ", 1)[0] for ch in text if ch.isalpha()}


class _QuietPool(multiprocessing.pool.Pool):
    """A pool whose worker-minding thread wakes when a worker exits or the pool's state
    changes, not each time results arrive.

    Why: `Pool` also watches its result pipe, which its result thread reads. From the
    moment a chunk's results arrive until that thread has read them, the minding thread's
    `wait` returns at once, so it loops (some 3,000 times for 30 chunks, in the test):
    0.2 s of the screening process's CPU on a 10,000-row file, while the workers needed
    both cores. A worker that exits (`maxtasksperchild` is never set here) still wakes it
    by its own sentinel, and `close` and `terminate` by the change notifier."""

    def _get_sentinels(self) -> list[Any]:
        return [self._change_notifier._reader]  # type: ignore[attr-defined]


def _join_closed() -> None:
    """Wait for the workers of runs that ended (`_closed`)."""
    while _closed:
        _closed.pop().join()


def _start_worker() -> None:
    """A worker collects its young objects every `WORKER_GC_YOUNG` allocations rather than
    every 700: screening a name makes a few thousand short-lived objects, and at the
    default each name paid for several collections (about a tenth of a worker's CPU went
    to the collector; a third of that now). The parent's frozen heap is not walked either
    way (`freeze_heap`).

    Its older generations are never collected: what outlives a young collection is the
    worker's memos and the tables it loads on first use (pypinyin's 100,000s of objects on
    the first Han name), which every middle and full collection walked again (about
    half of the collector's time in a worker). None of it was garbage: after 3,000 and
    6,000 population names, collecting the generations left alone freed no object."""
    gc.set_threshold(WORKER_GC_YOUNG, WORKER_GC_NEVER, WORKER_GC_NEVER)


def _overlapped(pool: Any, task: Callable[[Any], T],
                batches: Iterator[tuple[list[Any], bool]], workers: int) -> Iterator[T]:
    """The results of every batch in input order, with the next batch already queued while
    this one's results are yielded: the workers never wait at a batch boundary for the
    slowest chunk of the batch before (at most two batches are held in memory). The last
    batch ends in small chunks (`_tail`).

    When reading the next batch fails, the results of the one in flight are still yielded
    (and written) before the error propagates, as when batches ran one after the other.
    """
    pending: Iterator[T] | None = None
    while True:
        try:
            batch, last = next(batches, (None, True))
        except Exception:
            if pending is not None:
                yield from pending
            raise
        running = None if batch is None else _tail(pool, task, batch, workers) if last \
            else pool.imap(task, batch, chunksize=CHUNK)
        if pending is not None:
            yield from pending
        if running is None:
            return
        pending = running


def _tail(pool: Any, task: Callable[[Any], T], batch: list[Any], workers: int
          ) -> Iterator[T]:
    """The results of the file's last batch: its last `workers` * `CHUNK` rows handed out
    `TAIL_CHUNK` at a time (both parts queued now), so the workers finish close together."""
    cut = max(0, len(batch) - workers * CHUNK)
    head = pool.imap(task, batch[:cut], chunksize=CHUNK)
    return itertools.chain(head, pool.imap(task, batch[cut:], chunksize=TAIL_CHUNK))


def screen_queries(
    items: Iterable[tuple[str, Query]],
    cfg: ScoringConfig | None = None,
    limit: int = 10,
    workers: int = 1,
    index: Index | None = None,
    min_score: float = 0.0,
) -> Iterator[ScreenResult]:
    """Screen (id, query) pairs; yields results in input order (see `match_query`)."""
    return _run(_screen_one, items, cfg, limit, workers, index, min_score)


def screen_lines(
    items: Iterable[tuple[str, Query]],
    cfg: ScoringConfig | None = None,
    limit: int = 10,
    workers: int = 1,
    index: Index | None = None,
) -> Iterator[tuple[str, bool]]:
    """Like `screen_queries`, but each row comes back as its JSONL line (and whether it
    alerts), serialised in the workers: the parent process only writes."""
    return _run(_screen_line, items, cfg, limit, workers, index)


def screen_rows(
    items: Iterable[RowItem],
    cfg: ScoringConfig | None = None,
    limit: int = 10,
    workers: int = 1,
    index: Index | None = None,
    min_score: float = 0.0,
) -> Iterator[tuple[RowItem, list[dict[str, Any]], bool]]:
    """Screen file rows into listed parties (listings of one party grouped, non-alerts
    below `min_score` left out): (the row, party dicts, alerted), in input order."""
    return _run(_screen_row, items, cfg, limit, workers, index, min_score)


def screen_row_lines(
    items: Iterable[RowItem],
    cfg: ScoringConfig | None = None,
    limit: int = 10,
    workers: int = 1,
    index: Index | None = None,
    min_score: float = 0.0,
) -> Iterator[tuple[str, bool]]:
    """Like `screen_rows`, each row as its JSONL line, serialised in the workers."""
    return _run(_screen_row_line, items, cfg, limit, workers, index, min_score)
