"""CPU per name by step of `match_query`, first sight: this tree, or it against a baseline.

usage: python benchmarks/steps.py [--base DIR] [--this DIR] [--rounds 5] [--names 6000]

Each measurement is a new process: the index is loaded and frozen (as the batch pool
does), 200 names are screened first (word lists, transliteration tables), then `--names`
population names none of which that process has seen are matched the way `match_query`
does, and each step's process CPU time is added up: preparing the query names, their
token weights, candidate generation, the name comparisons, ranking (with the grouping
`screen_query` adds). The steps are called one by one from here, a copy of
`match_query`'s loop; the figures are comparable between trees, not a profile.

`--base DIR` (a folder holding a baseline's `clearance` package, as for `ab.py`) adds that
tree; both are measured on a new name set each round, the order alternating. Each tree
has a home of its own (the bundled lists loaded once, the store copied). The machine is
shared: CPU times move with the load, so compare trees only within one run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import import_module
from pathlib import Path
from typing import Any

from common import header, population_names, tree_envs

STEPS = ("prepare", "weights", "candidates", "comparisons", "ranking", "total")


def _child(names_file: str) -> None:
    """Time each step on the names in `names_file` (JSON: warm-up names, timed names)."""
    import gc

    from clearance.index.search import candidate_names
    from clearance.index.store import ensure_index
    from clearance.match.abjad import has_abjad
    from clearance.match.engine import _compare, _ranked, as_person, match_query, prepare_query_names
    from clearance.match.engine import query_weights as weights_of
    from clearance.match.hangul import korean_name
    from clearance.match.limits import FUZZY_KEYS_PER_QUERY
    from clearance.match.prepare import name_roles
    from clearance.match.score import Query, ScoringConfig
    from clearance.match.tables import load_lazy_tables
    from clearance.screening.group import MIN_SCORE, SPAN, group_results

    # how a tree's `match_query` compares (trees before session 10: `_compare` alone)
    word_spans = getattr(import_module("clearance.match.compare"), "word_spans", None)
    comparer_class = getattr(import_module("clearance.match.engine"), "_Comparer", None)
    # trees since session 13: comparisons that cannot reach batch screening's floor are
    # left out unmade (`bound.QueryBound`)
    name_floor = getattr(import_module("clearance.match.engine"), "name_floor", None)
    query_bound = getattr(import_module("clearance.match.engine"), "_query_bound", None)
    left_out = getattr(import_module("clearance.match.engine"), "_left_out", None)

    with open(names_file, encoding="utf-8") as fh:
        warm, timed = json.load(fh)
    index = ensure_index()
    gc.freeze()
    load_lazy_tables()
    cfg = ScoringConfig()
    for name, schema in warm:
        match_query(index, Query(name, schema), cfg, limit=5 * SPAN, min_score=MIN_SCORE)
    comparer = None if comparer_class is None else comparer_class(index, cfg)
    cpu = time.process_time
    spent = dict.fromkeys(STEPS, 0.0)
    start = cpu()
    for name, schema in timed:
        query = Query(name, schema)
        t0 = cpu()
        q_names = prepare_query_names(query, bounded=True)
        spent["prepare"] += cpu() - t0
        best: dict[int, Any] = {}
        budget = [FUZZY_KEYS_PER_QUERY]
        floor = 0.0 if name_floor is None else name_floor(query, cfg, MIN_SCORE)
        for q in q_names:
            t1 = cpu()
            q_w = weights_of(index, q)
            q_abjad, q_roles = has_abjad(q.text), name_roles(q.text)
            q_spans = None if word_spans is None else word_spans(q)
            korean = (korean_name(q.text) if floor > 0.0 and len(q.tokens) == 2
                      and not q.text.isascii() else None)
            bound = (query_bound(q, q_roles, cfg, korean)
                     if query_bound is not None and floor > 0.0 and not q_abjad else None)
            factors: dict[str, float] = {}
            t2 = cpu()
            found = candidate_names(index, q, cfg.candidates, budget,
                                    query.schema == "Person").tolist()
            t3 = cpu()
            for n_idx in found:
                comps: dict[bool, Any] = {}
                if left_out is not None and floor > 0.0:
                    # (trees since session 16: with the bound that applies to the pair)
                    person_out, org_out = left_out(index, query, q_w, q_spans, n_idx, floor,
                                                   bound, None, factors)[:2]
                    if person_out:
                        comps[True] = None
                    if org_out:
                        comps[False] = None
                for e_idx, quality, text in index.owners[n_idx]:
                    person = as_person(query.schema, index.entities[e_idx].schema,
                                       index.names[n_idx])
                    if person not in comps and comparer is not None:
                        comps[person] = comparer.compare(q, q_w, n_idx, person, q_abjad, q_roles,
                                                         q_spans)
                    elif person not in comps:
                        comps[person] = _compare(index, q, q_w, n_idx, person, cfg, q_abjad,
                                                 q_roles)
                    comp = comps[person]
                    if comp is None:  # (left out below the floor)
                        continue
                    score = comp.score * quality
                    prev = best.get(e_idx)
                    if prev is None or score > prev[0]:
                        best[e_idx] = (score, comp, q, text, quality)
            t4 = cpu()
            spent["weights"] += t2 - t1
            spent["candidates"] += t3 - t2
            spent["comparisons"] += t4 - t3
        t5 = cpu()
        group_results(_ranked(index, query, cfg, best, {}, 5 * SPAN, MIN_SCORE), index)
        spent["ranking"] += cpu() - t5
    spent["total"] = cpu() - start
    print(json.dumps({k: 1e6 * v / len(timed) for k, v in spent.items()}))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--base", type=Path, help="a folder holding a baseline's clearance package")
    p.add_argument("--this", type=Path, help="a folder holding this side's package "
                   "(default: this tree)")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--names", type=int, default=6000)
    p.add_argument("--child", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        _child(args.child)
        return
    header("cold: a new process per measurement, names never seen before by that process")
    trees = {"this": "" if args.this is None else str(args.this.resolve())}
    if args.base is not None:
        trees["base"] = str(args.base.resolve())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        envs = tree_envs(work, trees)
        pool = population_names(args.rounds * args.names + 200, seed=20261129)
        warm = pool[-200:]
        results: dict[str, list[dict[str, float]]] = {label: [] for label in envs}
        for r in range(args.rounds):
            names = work / f"names{r}.json"
            names.write_text(json.dumps([warm, pool[r * args.names:(r + 1) * args.names]]))
            order = list(envs) if r % 2 == 0 else list(reversed(envs))
            for label in order:
                done = subprocess.run([sys.executable, __file__, "--child", str(names)],
                                      env=envs[label], capture_output=True, text=True,
                                      cwd=work)  # not a tree: `-m`-style path lookups
                if done.returncode != 0:
                    sys.exit(f"{label}: {done.stderr}")
                row = json.loads(done.stdout.strip().splitlines()[-1])
                results[label].append(row)
                print(f"round {r + 1} {label:4} " + " ".join(f"{k} {row[k]:.0f}" for k in STEPS))
        print(f"\nus CPU per name, medians of {args.rounds} rounds")
        print(f"{'':6}" + "".join(f"{k:>13}" for k in STEPS))
        for label, rows in results.items():
            print(f"{label:6}" + "".join(f"{statistics.median(r[k] for r in rows):13.0f}"
                                         for k in STEPS))


if __name__ == "__main__":
    main()
