"""Every result of a fixed set of ~20,000 queries, written out to compare two versions.

usage: python benchmarks/same_results.py OUT [--names 17000] [--workers 2] [--mode both]

A speed-up must not change a single result. This screens a fixed query set against the
bundled lists (in a temporary CLEARANCE_HOME) and writes every result of every query:

- `match` (what `clearance match` and the API return: `match_query`, limit 10, no score
  floor): per query, each result's entity id, score to 6 places, alert flag and the whole
  explanation;
- `screen` (what `clearance screen` writes: the batch pipeline with `--workers` worker
  processes, limit 5, the default score floor): each JSONL line as written.

Queries: screening_dev.jsonl (../shared/eval) and `--names` real-looking population
names (people and registered companies from 23 locales, `common.population_names`).
Run it on the old code and on the new, then `cmp` (or `diff`) the two files: any line
that differs is a changed result.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from common import BUNDLED, SHARED, population_names


def _queries(names: int) -> list[tuple[str, object, dict[str, object]]]:
    from clearance.match.score import Query
    from clearance.screening.io import InputRow, row_to_query

    with open(SHARED / "eval" / "screening_dev.jsonl") as fh:
        items = [row_to_query(InputRow(i, json.loads(line)), "dev")
                 for i, line in enumerate(fh, start=1)]
    evals = {q.name for _, q in items}
    out: list[tuple[str, object, dict[str, object]]] = [(str(i), q, {}) for i, q in items]
    for k, (name, schema) in enumerate(population_names(names, seed=20261128, exclude=evals)):
        out.append((f"pop-{k}", Query(name, schema), {}))
    return out


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("out", type=Path)
    p.add_argument("--names", type=int, default=17_000)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--mode", choices=("match", "screen", "both"), default="both")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["CLEARANCE_HOME"] = home
        from clearance.index.store import ensure_index
        from clearance.match.engine import match_query
        from clearance.screening.batch import screen_row_lines
        from clearance.screening.group import MIN_SCORE
        from clearance.store.load import load_paths

        load_paths([SHARED / "data" / "lists" / d for d in BUNDLED])
        index = ensure_index()
        items = _queries(args.names)
        with open(args.out, "w", encoding="utf-8") as fh:
            if args.mode in ("screen", "both"):
                t = time.process_time(), time.perf_counter()
                for line, _ in screen_row_lines(items, index=index, workers=args.workers,
                                                limit=5, min_score=MIN_SCORE):
                    fh.write(line + "\n")
                print(f"screen: {len(items):,} rows in {time.perf_counter() - t[1]:.1f} s")
            if args.mode in ("match", "both"):
                t = time.process_time(), time.perf_counter()
                for row_id, query, _ in items:
                    results = match_query(index, query, limit=10)  # type: ignore[arg-type]
                    fh.write(f"# {row_id} {query.name!r}\n")  # type: ignore[attr-defined]
                    for r in results:
                        fh.write(f"{r.entity_id}\t{r.score:.6f}\t{r.match}\t{r.matched_name}"
                                 f"\t{r.explanation}\n")
                cpu = time.process_time() - t[0]
                print(f"match: {len(items):,} queries, {cpu:.1f} s CPU "
                      f"({1000 * cpu / len(items):.3f} ms per query)")


if __name__ == "__main__":
    main()
