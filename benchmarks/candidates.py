"""What the candidate cut-off loses: alerts an exhaustive comparison finds and `match_query` does not.

usage: python benchmarks/candidates.py [--queries 600] [--seed 7]

`match_query` compares a query only with the list names its candidate generation returns
(token and deletion-key lookups, at most `ScoringConfig.candidates` names). This script
scores a sample of queries against *every* list entity with `score_entities` (every name
pair compared, no cut-off) and counts the entities that reach the alert threshold there but
are not among `match_query`'s alerts. Queries: screening_dev (positives and negatives),
population names (`common.population_names`, their own scripts) and the Arabic-script
names of listed people (evalsets.arabic_listed), sampled evenly. A missed alert on a
positive query's expected entity is a recall loss; any other is an alert the exhaustive
scan raises that candidate generation keeps out (often rightly: printed for a reader).
Slow on purpose (about 0.5 s a query: 30,000 entities each).
"""

from __future__ import annotations

import argparse
import json
import random
import time

from common import BUNDLED, SHARED, header, population_names


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--queries", type=int, default=600)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args()
    header("not relevant (counts, not timings)")
    import os
    import tempfile

    os.environ.setdefault("CLEARANCE_HOME", tempfile.mkdtemp(prefix="clearance-cand-"))
    from evalsets import arabic_listed, load_records

    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query, score_entities
    from clearance.match.score import Query, ScoringConfig
    from clearance.store.load import load_paths
    from clearance.store.versions import active_version_ids

    if not active_version_ids():
        load_paths([SHARED / "data" / "lists" / d for d in BUNDLED])
    index = ensure_index()
    cfg = ScoringConfig()
    rng = random.Random(args.seed)
    with open(SHARED / "eval" / "screening_dev.jsonl") as fh:
        dev = [json.loads(line) for line in fh]
    pools: dict[str, list[tuple[str, str, set[str]]]] = {
        "screening_dev": [(c["query"]["name"], c["query"].get("schema", "LegalEntity"),
                           {f"{d}-{s}" for d, s in c["expected"]}) for c in dev],
        "population": [(n, s, set()) for n, s in population_names(5000, seed=args.seed)],
        "arabic": [(c["query"]["name"], "Person", {f"{d}-{s}" for d, s in c["expected"]})
                   for c in arabic_listed(load_records())],
    }
    every = [meta.entity_id for meta in index.entities]
    per = args.queries // len(pools)
    t0 = time.perf_counter()
    for label, pool in pools.items():
        sample = rng.sample(pool, min(per, len(pool)))
        lost_expected = lost_other = queries_losing = 0
        shown = []
        for name, schema, expected in sample:
            query = Query(name, schema)
            found = {r.entity_id for r in match_query(index, query, cfg, limit=500,
                                                        min_score=cfg.threshold) if r.match}
            full = [r for r in score_entities(index, query, every, cfg) if r.match]
            lost = [r for r in full if r.entity_id not in found]
            queries_losing += bool(lost)
            for r in lost:
                if r.entity_id in expected:
                    lost_expected += 1
                else:
                    lost_other += 1
                if len(shown) < 8:
                    shown.append(f"    {name!r} ~ {r.entity_id} {r.name!r} {r.score:.3f}"
                                 + (" (expected)" if r.entity_id in expected else ""))
        print(f"{label:14s} {len(sample):4d} queries: {queries_losing} lose an alert to the "
              f"cut-off; alerts lost: {lost_expected} expected (recall), {lost_other} other")
        print("\n".join(shown))
    print(f"({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
