"""The name comparisons alone: a fixed set of them, timed, counted and written out.

usage: python benchmarks/compare_cpu.py collect SET [--names 1500] [--seed 20261130]
       python benchmarks/compare_cpu.py run SET [--out RESULTS] [--passes 2] [--limit N]
                                                [--warm 200]

`collect` (in a CLEARANCE_HOME holding the bundled lists) screens `--names` population
names the way `match_query` does and writes every name comparison it makes to SET (JSON):
each query name with its weights, and each compared list name with what the index keeps
for it (token weights, roles, abjad flag). `run` needs no index: it replays those
comparisons through `engine._Comparer` in the same order, query by query, and prints the
process CPU per comparison of each pass. The comparisons of the first `--warm` query names
come first, untimed (word lists and tables load, as a worker's first names load them);
the first timed pass then meets mostly pairs never seen, the next ones find them memoised.
`--out` writes every comparison's result (score to the last bit, pairs, leftovers,
counts) for `cmp` against another tree.

Because `run` loads no index it is small enough for `valgrind --tool=callgrind`, whose
instruction counts do not move with the load of a shared machine (`--limit` replays the
first N comparisons only):

    valgrind --tool=callgrind --callgrind-out-file=cg.out \\
        python benchmarks/compare_cpu.py run SET --passes 1 --limit 5000
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from common import header, population_names


def collect(path: Path, names: int, seed: int) -> None:
    from clearance.index.search import candidate_names
    from clearance.index.store import ensure_index
    from clearance.match.engine import as_person, prepare_query_names, query_weights
    from clearance.match.limits import FUZZY_KEYS_PER_QUERY
    from clearance.match.score import Query, ScoringConfig

    index = ensure_index()
    cfg = ScoringConfig()
    queries: list[dict[str, Any]] = []
    listed: dict[int, int] = {}  # index name id -> position in `cands`
    cands: list[dict[str, Any]] = []
    count = 0
    for name, schema in population_names(names, seed=seed):
        query = Query(name, schema)
        budget = [FUZZY_KEYS_PER_QUERY]
        for q in prepare_query_names(query, bounded=True):
            q_w = query_weights(index, q)
            comps: list[tuple[int, bool]] = []
            for n_idx in candidate_names(index, q, cfg.candidates, budget,
                                         schema == "Person").tolist():
                done: set[bool] = set()
                for e_idx, _, _ in index.owners[n_idx]:
                    person = as_person(schema, index.entities[e_idx].schema, index.names[n_idx])
                    if person in done:
                        continue
                    done.add(person)
                    if n_idx not in listed:
                        n = index.names[n_idx]
                        listed[n_idx] = len(cands)
                        cands.append({
                            "name": [n.text, n.tokens, n.folded, n.legal],
                            "w": index.token_weights[n_idx],
                            "pw": index.person_token_weights[n_idx],
                            "roles": index.roles[n_idx],
                            "abjad": index.abjad_names[n_idx],
                        })
                    comps.append((listed[n_idx], person))
            count += len(comps)
            queries.append({"name": [q.text, q.tokens, q.folded, q.legal], "w": q_w,
                            "comps": comps})
    path.write_text(json.dumps({"queries": queries, "cands": cands}))
    print(f"{len(queries)} query names, {len(cands)} list names, {count} comparisons")


def run(path: Path, out: Path | None, passes: int, limit: int | None, warm: int) -> None:
    from clearance.match.abjad import has_abjad
    from clearance.match.compare import compare_names, word_spans
    from clearance.match.engine import _Comparer
    from clearance.match.prepare import Name, name_roles
    from clearance.match.score import ScoringConfig
    from clearance.match.tables import load_lazy_tables

    def _no_weigher(folded: str, legal: bool) -> float:
        raise AssertionError("weights are given")

    data = json.loads(path.read_text())

    def name(row: list[Any]) -> Name:
        return Name(text=row[0], tokens=tuple(row[1]), folded=tuple(row[2]),
                    legal=tuple(row[3]))

    cands = data["cands"]
    index = SimpleNamespace(
        names=[name(c["name"]) for c in cands], abjad_names=[c["abjad"] for c in cands],
        roles=[tuple(c["roles"]) for c in cands],
        token_weights=[tuple(c["w"]) for c in cands],
        person_token_weights=[tuple(c["pw"]) for c in cands],
        weight=None, person_weight=None)
    comparer = _Comparer(index, ScoringConfig())  # type: ignore[arg-type]
    work = []
    total = 0
    load_lazy_tables()
    for row in data["queries"][:warm]:
        # word lists, population tables, transliterators: loaded by the first names, as a
        # worker's first queries load them (called directly, outside `_Comparer.compare`,
        # where a callgrind run starts counting)
        q = name(row["name"])
        for n_idx, person in row["comps"]:
            compare_names(q, index.names[n_idx], _no_weigher, 1.0, 0.5, bool(person),
                          row["w"][1 if person else 0],
                          index.person_token_weights[n_idx] if person
                          else index.token_weights[n_idx],
                          unvocalised=has_abjad(q.text) or index.abjad_names[n_idx],
                          query_roles=name_roles(q.text) if person else (),
                          cand_roles=index.roles[n_idx] if person else None)
    for row in data["queries"][warm:]:
        comps = row["comps"]
        if limit is not None:
            comps = comps[:max(0, limit - total)]
        total += len(comps)
        q = name(row["name"])
        q_w = (list(row["w"][0]), list(row["w"][1]))
        work.append((q, q_w, [(n, bool(p)) for n, p in comps]))
    lines: list[str] = []
    for p in range(passes):
        results = []
        start = time.process_time()
        for q, q_w, comps in work:
            # what match_query works out once per query name, as it does
            q_abjad, q_roles, q_spans = has_abjad(q.text), name_roles(q.text), word_spans(q)
            for n_idx, person in comps:
                results.append(comparer.compare(q, q_w, n_idx, person, q_abjad, q_roles,
                                                q_spans))
        spent = time.process_time() - start
        print(f"pass {p + 1}: {total} comparisons, {1e6 * spent / max(1, total):.2f} us CPU each")
        if p == 0 and out is not None:
            for c in results:
                lines.append(json.dumps([
                    c.score.hex(), [[t.query, t.candidate, t.similarity.hex(), t.weight.hex()]
                                    for t in c.pairs],
                    c.unmatched_query, c.unmatched_candidate, c.strongest.hex(),
                    c.distinct_leftover, c.query_words, c.cand_words, c.person,
                    c.explain()], ensure_ascii=False))
    if out is not None:
        out.write_text("\n".join(lines) + "\n")


def main() -> None:
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("set", type=Path)
    c.add_argument("--names", type=int, default=1500)
    c.add_argument("--seed", type=int, default=20261130)
    r = sub.add_parser("run")
    r.add_argument("set", type=Path)
    r.add_argument("--out", type=Path)
    r.add_argument("--passes", type=int, default=2)
    r.add_argument("--limit", type=int)
    r.add_argument("--warm", type=int, default=200)
    args = p.parse_args()
    header("collect: a new process, names never seen by it; run: each pass timed, the first on "
           "pairs never seen (after --warm other query names), the next ones memoised")
    if args.cmd == "collect":
        collect(args.set, args.names, args.seed)
    else:
        run(args.set, args.out, args.passes, args.limit, args.warm)


if __name__ == "__main__":
    sys.exit(main())
