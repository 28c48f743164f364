"""Batch screening: order kept, parallel equals serial, alerts flagged at the threshold."""

import gc
import multiprocessing.pool
import os
import time
from collections.abc import Iterator
from multiprocessing.process import BaseProcess

import pytest

from clearance.exc import InputError
from clearance.index.build import Index
from clearance.match.score import Query, ScoringConfig
from clearance.screening import batch
from clearance.screening.batch import screen_queries

ITEMS = [(str(i), Query(n, s)) for i, (n, s) in enumerate([
    ("Hikvision", "Company"), ("Emma Daniels", "Person"), ("Sergei Lavrov", "Person"),
    ("DAHUA ELECTRONICS CORPORATION", "Organization"), ("Royal Mail", "Organization"),
] * 8)]
#: more rows than several of the pool's chunks (`batch.CHUNK` rows each), so both
#: workers get some
MANY = [(str(i), q) for i, (_, q) in enumerate(ITEMS * 33)]


def test_parallel_results_equal_serial_in_input_order(index: Index) -> None:
    serial = list(screen_queries(MANY, index=index, workers=1))
    parallel = list(screen_queries(MANY, index=index, workers=2))
    assert len(MANY) > 4 * batch.CHUNK
    assert [r.id for r in parallel] == [i for i, _ in MANY]
    assert [r.matches for r in parallel] == [r.matches for r in serial]


def _where(item: tuple[str, Query]) -> tuple[str, int]:
    time.sleep(0.001)  # long enough that each worker has chunks in hand
    return item[0], os.getpid()


def test_rows_come_back_in_input_order_though_two_workers_screen_them(index: Index) -> None:
    items = [(str(i), Query("x")) for i in range(2 * batch.BATCH + 123)]  # several batches
    got = list(batch._run(_where, items, None, 10, 2, index))
    assert [row_id for row_id, _ in got] == [row_id for row_id, _ in items]
    workers = {pid for _, pid in got}
    assert len(workers) == 2 and os.getpid() not in workers


def test_the_last_rows_of_a_file_go_out_in_small_chunks_so_the_workers_end_together(
        index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    # with `CHUNK` rows a chunk to the end, one worker idled up to a chunk's time while
    # the other did the file's last chunk
    handed: list[tuple[int, int]] = []
    imap = multiprocessing.pool.Pool.imap

    def recorded(self: multiprocessing.pool.Pool, func: object, items: list[object],
                 chunksize: int = 1) -> object:
        handed.append((len(items), chunksize))
        return imap(self, func, items, chunksize)  # type: ignore[arg-type]

    monkeypatch.setattr(multiprocessing.pool.Pool, "imap", recorded)
    items = [(str(i), Query("x")) for i in range(batch.SMALL + batch.BATCH + 300)]
    got = list(batch._run(_where, items, None, 10, 2, index))
    assert [row_id for row_id, _ in got] == [row_id for row_id, _ in items]
    tail = 2 * batch.CHUNK
    assert handed == [(batch.SMALL, batch.CHUNK), (batch.BATCH, batch.CHUNK),
                      (300 - tail, batch.CHUNK), (tail, batch.TAIL_CHUNK)]
    assert batch.TAIL_CHUNK < batch.CHUNK
    handed.clear()  # a file no larger than the rows read before the pool starts
    got = list(batch._run(_where, items[:batch.SMALL], None, 10, 2, index))
    assert [row_id for row_id, _ in got] == [row_id for row_id, _ in items[:batch.SMALL]]
    assert handed == [(batch.SMALL - tail, batch.CHUNK), (tail, batch.TAIL_CHUNK)]
    handed.clear()  # a last batch shorter than the tail: all of it in small chunks
    short = items[:batch.SMALL + batch.BATCH + 50]
    got = list(batch._run(_where, short, None, 10, 2, index))
    assert [row_id for row_id, _ in got] == [row_id for row_id, _ in short]
    assert handed[-2:] == [(0, batch.CHUNK), (50, batch.TAIL_CHUNK)]


def test_the_pool_minds_its_workers_without_waking_at_each_chunk_of_results(
        index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    wakes: list[int] = []
    wait = multiprocessing.pool.Pool._wait_for_updates

    def counted(sentinels: list[object], notifier: object, timeout: float | None = None) -> None:
        wakes.append(len(sentinels))
        wait(sentinels, notifier, timeout)

    monkeypatch.setattr(multiprocessing.pool.Pool, "_wait_for_updates", staticmethod(counted))
    items = [(str(i), Query("x")) for i in range(30 * batch.CHUNK)]
    assert len(list(batch._run(_where, items, None, 10, 2, index))) == len(items)
    batch._join_closed()
    # woken by the pool's start, its jobs' ends, its close and its two workers' exits;
    # `Pool` itself also wakes at each of the 30 chunks' results, and loops until read
    assert 0 < len(wakes) < 10


def test_alerts_follow_the_threshold(index: Index) -> None:
    strict = next(screen_queries(ITEMS[:1], ScoringConfig(threshold=1.01), index=index))
    normal = next(screen_queries(ITEMS[:1], index=index))
    assert strict.alerts == [] and len(normal.alerts) >= 2
    assert strict.matches[0]["score"] == normal.matches[0]["score"]


def _rows_then_failure(count: int) -> Iterator[tuple[str, Query]]:
    for i in range(count):
        yield str(i), Query("x")
    raise InputError("unreadable from here on", path="book.csv", line=count + 2)


def test_rows_of_the_batch_in_flight_come_back_when_reading_the_next_fails(
        index: Index) -> None:
    # the next batch is read while the one before is screened: a read error must not
    # swallow the rows already handed to the workers
    # (batches: the `SMALL` rows read before the pool starts, then `BATCH` rows at a time)
    handed = batch.SMALL + batch.BATCH
    for more in (10, 0):  # the failure inside the next batch, or right after this one
        got: list[str] = []
        with pytest.raises(InputError, match="unreadable from here on"):
            for row_id, _ in batch._run(_where, _rows_then_failure(handed + more), None, 10,
                                        2, index):
                got.append(row_id)
        assert got == [str(i) for i in range(handed)]


def test_a_run_hands_back_its_last_row_before_it_waits_for_its_workers_to_exit(
        index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    # a worker's exit tears down its copy of the index (0.1-0.2 s): the caller writes its
    # last lines and audit record meanwhile, and the workers are waited for later
    joined: list[int | None] = []
    join = BaseProcess.join

    def recorded(self: BaseProcess, timeout: float | None = None) -> None:
        joined.append(self.pid)
        join(self, timeout)

    monkeypatch.setattr(BaseProcess, "join", recorded)
    items = [(str(i), Query("x")) for i in range(batch.SMALL + 1)]  # enough for a pool
    workers = {pid for _, pid in batch._run(_where, items, None, 10, 2, index)}
    assert len(workers) == 2 and not workers & set(joined)
    batch._join_closed()  # the next run (or the exit) waits for them
    assert workers <= set(joined)


def _threshold(_: tuple[str, Query]) -> tuple[int, int, int]:
    return gc.get_threshold()


def test_workers_collect_young_objects_only_and_less_often_and_the_parent_is_left_alone(
        index: Index) -> None:
    before = gc.get_threshold()
    items = [(str(i), Query("x")) for i in range(batch.SMALL + 1)]  # enough for a pool
    got = set(batch._run(_threshold, items, None, 10, 2, index))
    assert got == {(batch.WORKER_GC_YOUNG, batch.WORKER_GC_NEVER, batch.WORKER_GC_NEVER)}
    assert gc.get_threshold() == before


#: a fresh process: forked workers meet Latin names first, then Han names (pypinyin
#: is imported by the first Han name a process romanises, never before)
_LAZY_PINYIN = """
import json, sys
from clearance.index.store import ensure_index
from clearance.match.engine import match_query
from clearance.match.score import Query, ScoringConfig
from clearance.screening import batch

def probe(item):
    had = "pypinyin" in sys.modules
    found = match_query(batch._worker_index, item[1], batch._worker_cfg, limit=5)
    return item[0], had, [r.to_dict() for r in found]

index = ensure_index()
han = [("han-person", Query("李华", "Person")),
       ("han-company", Query("杭州海康威视数字技术股份有限公司", "Company"))]
latin = [(f"latin-{i}", Query(f"Emma Daniels {i}", "Person")) for i in range(batch.SMALL)]
parent_had = "pypinyin" in sys.modules
rows = list(batch._run(probe, latin + han, ScoringConfig(), 5, 2, index))
serial = {i: [r.to_dict() for r in match_query(index, q, ScoringConfig(), limit=5)]
          for i, q in han}
print(json.dumps({"parent_had": parent_had, "rows": rows, "serial": serial}))
"""


def test_a_worker_that_imports_pypinyin_at_its_first_han_name_romanises_it_as_ever(
        loaded_home: object) -> None:
    import json
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", _LAZY_PINYIN], capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    assert got["parent_had"] is False
    rows = {i: (had, matches) for i, had, matches in got["rows"]}
    assert not any(had for i, (had, _) in rows.items() if i.startswith("latin-"))
    for i in ("han-person", "han-company"):
        assert rows[i][1] == got["serial"][i]
    assert any("HIKVISION" in m["name"].upper() for m in rows["han-company"][1])


@pytest.mark.parametrize("cfg", [ScoringConfig(), ScoringConfig(threshold=0.5, candidates=7)])
def test_a_few_rows_each_against_its_view_of_the_index_come_out_as_against_the_whole(
        index: Index, cfg: ScoringConfig) -> None:
    from clearance.screening.group import MIN_SCORE, screen_query
    from tests.index.test_view import EXTRA, dev_queries

    items = [(str(i), q, {"Branch": "x"}) for i, q in enumerate([*dev_queries(80), *EXTRA])]
    got = list(batch.screen_few_rows(items, cfg, 5, MIN_SCORE))
    expected = []
    for item in items:
        parties = screen_query(index, item[1], cfg, 5, MIN_SCORE)
        expected.append((item, [p.to_dict() for p in parties], any(p.match for p in parties)))
    assert got == expected
    assert sum(len(m) for _, m, _ in got) > 40 and any(a for _, _, a in got)


_PARENT = os.getpid()
_SEEN_HERE: list[str] = []


def _noted(item: tuple[str, Query]) -> tuple[str, int]:
    if os.getpid() == _PARENT:
        _SEEN_HERE.append(item[0])
    return item[0], os.getpid()


def test_the_first_row_of_each_script_is_screened_before_the_workers_fork(
        index: Index) -> None:
    # the tables a script's first name builds (pypinyin, ICU, pymorphy3: 0.05-0.3 s each)
    # are then built once and shared, not once in every worker that meets the script
    names = {"latin-1": "Emma Daniels", "han-1": "李华", "latin-2": "Sergei Lavrov",
             "cyrillic-1": "Сергей Лавров", "han-2": "杭州海康", "accented": "José Müller",
             "mixed": "Иван 李", "accented-2": "Ölçer"}
    items = [(i, Query(n)) for i, n in names.items()]
    items += [(str(i), Query("x")) for i in range(batch.SMALL)]
    _SEEN_HERE.clear()
    got = list(batch._run(_noted, items, None, 10, 2, index))
    # ASCII, CJK, CYRILLIC, LATIN (José): each script's first row; the rows after them
    # (a mixed name of two scripts seen) add none
    assert _SEEN_HERE == ["latin-1", "han-1", "cyrillic-1", "accented"]
    assert [row_id for row_id, _ in got] == [row_id for row_id, _ in items]
    assert os.getpid() not in {pid for _, pid in got}


def test_a_book_s_first_cyrillic_row_has_the_dictionaries_loaded_before_the_workers_fork(
        index: Index) -> None:
    # pymorphy3's dictionaries are read only for a Cyrillic word that is no Slavic
    # person's, and a book's first Cyrillic name is most often a Slavic person's: loaded
    # beside it in the parent, they are shared, not loaded again by each worker
    from clearance.match import cyrillic_foreign

    cyrillic_foreign._dictionaries.cache_clear()
    cyrillic_foreign.slavic_word.cache_clear()
    items = [("cyrillic-1", Query("Пахомов Панкрат Еремеевич", "Person"))]
    items += [(str(i), Query("x")) for i in range(batch.SMALL)]
    got = list(batch._run(_noted, items, None, 10, 2, index))
    assert cyrillic_foreign._dictionaries.cache_info().currsize == 1
    assert [row_id for row_id, _ in got] == [row_id for row_id, _ in items]


def test_a_row_that_fails_before_the_fork_fails_in_its_place_as_before(index: Index) -> None:
    items = [(str(i), Query("x")) for i in range(batch.SMALL)]
    # the first LATIN row, screened here first; in the pool's second chunk
    items.insert(batch.CHUNK + 5, ("broken", Query("Ölçer")))
    got: list[str] = []
    with pytest.raises(ValueError, match="fails wherever"):
        for row_id, _ in batch._run(_noted_everywhere, items, None, 10, 2, index):
            got.append(row_id)
    # the chunks before its own are still handed back, as when only a worker screened it
    assert got == [str(i) for i in range(batch.CHUNK)]


def _noted_everywhere(item: tuple[str, Query]) -> tuple[str, int]:
    if item[0] == "broken":
        raise ValueError("fails wherever it is screened")
    return item[0], os.getpid()
