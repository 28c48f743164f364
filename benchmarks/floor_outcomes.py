"""How a book's names end at `clearance screen`'s floor, and what each ending costs.

usage: PYTHONPATH=TREE CLEARANCE_HOME=H python benchmarks/floor_outcomes.py
           [--book /work/notes/book10k.csv] [--rows N]

Each row of a book CSV (id, name, schema) is screened in this one process as a worker
calls `match_query` (`group.screen_query`: limit 10 x `SPAN`, min_score min(`MIN_SCORE`,
threshold)), and put in one class by what became of it:
- no candidate: the candidate search found no listed name;
- every candidate left out: the bound (`engine._left_out`) left each one out unscored;
- compared, all below the floor: some were compared, none reached it;
- a result over the floor.
Printed per class: names, their share, candidates a name, their share of the CPU and of
that the candidate search's (`query_candidates`; `time.process_time`, so pure Python
figures: what is counted, not a compiled build's proportions). The first three classes
are the names that end with nothing: the work a proof before the search could spare.
"""

from __future__ import annotations

import argparse
import collections
import csv
import time
from typing import Any


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--book", default="/work/notes/book10k.csv")
    p.add_argument("--rows", type=int, default=None)
    args = p.parse_args()
    from clearance.index.store import ensure_index
    from clearance.match import engine
    from clearance.match.score import Query, ScoringConfig
    from clearance.screening.group import MIN_SCORE, SPAN

    with open(args.book, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    rows = rows[:args.rows] if args.rows else rows
    index = ensure_index()
    counts: collections.Counter[str] = collections.Counter()
    searching, leaving_out = engine.query_candidates, engine._left_out

    def candidates(*a: Any, **k: Any) -> list[int]:
        t = time.process_time()
        found = list(searching(*a, **k))
        counts["search CPU"] += time.process_time() - t
        counts["candidates"] += len(found)
        return found

    def left_out(*a: Any, **k: Any) -> Any:
        out = leaving_out(*a, **k)
        counts["left out"] += out[0] and out[1]
        return out

    engine.query_candidates, engine._left_out = candidates, left_out  # type: ignore[assignment]
    cfg = ScoringConfig()
    floor = min(MIN_SCORE, cfg.threshold)
    names: collections.Counter[str] = collections.Counter()
    total: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for row in rows:
        name, schema = row[1], row[2] if len(row) > 2 else "Person"
        counts.clear()
        t = time.process_time()
        found = engine.match_query(index, Query(name=name, schema=schema), cfg,
                                   limit=10 * SPAN, min_score=floor)
        cpu = time.process_time() - t
        if found:
            ending = "a result over the floor"
        elif counts["candidates"] == 0:
            ending = "no candidate"
        elif counts["left out"] == counts["candidates"]:
            ending = "every candidate left out by the bound"
        else:
            ending = "compared, all below the floor"
        names[ending] += 1
        total[ending].update({"cpu": cpu, "search": counts["search CPU"],
                              "candidates": counts["candidates"]})
    all_cpu = sum(t["cpu"] for t in total.values())
    print(f"{len(rows)} names, floor {floor}, {all_cpu:.1f} s CPU")
    for ending, n in names.most_common():
        t = total[ending]
        print(f"{ending:<38} {n:>6} {100 * n / len(rows):6.2f}%  candidates a name "
              f"{t['candidates'] / n:5.1f}  CPU {100 * t['cpu'] / all_cpu:5.1f}%  of it "
              f"search {100 * t['search'] / t['cpu']:3.0f}%")


if __name__ == "__main__":
    main()
