"""Matcher speed: latency and throughput on the bundled lists, and on 1,000,000 entities.

usage: python benchmarks/speed.py [--synthetic N] [--skip-synthetic] [--workers 2]

Bundled lists (targets on 2 cores: p50 <= 2 ms, p99 <= 10 ms, batch >= 5,000 names/s):
two books are screened in batch with fresh worker pools (cold caches, as `clearance
screen`): a population book (the eval queries plus 12,000 real-looking people and
companies from 23 locales, mostly tokens that are not on any list) and, for comparison
with earlier sessions, a list-vocabulary book whose tokens all come from the lists.
Latency is then timed on queries this process has never matched (eval queries and
population names; the warm-up uses 300 other names). The baseline, in the same process,
is a brute-force rapidfuzz scan (`process.extract`, WRatio) against every list name.

Synthetic list (targets: build <= 120 s, resident memory <= 4 GB, p99 <= 50 ms): N
entities generated deterministically (seed 20261126) from real name parts of the bundled
lists; queries are synthetic names with one typo and names that are not on the list.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import tempfile
import time
from typing import Any

from common import BUNDLED, SHARED, header, pct, population_names


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bundled(workers: int) -> None:
    from rapidfuzz import fuzz, process, utils

    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query
    from clearance.screening.batch import screen_row_lines
    from clearance.screening.group import MIN_SCORE
    from clearance.screening.io import InputRow, row_to_query
    from clearance.store.load import load_paths

    load_paths([SHARED / "data" / "lists" / d for d in BUNDLED])
    index = ensure_index()
    with open(SHARED / "eval" / "screening_dev.jsonl") as fh:
        items = [row_to_query(InputRow(i, json.loads(line)), "dev")
                 for i, line in enumerate(fh, start=1)]
    evals = {q.name for _, q in items}
    # two books of distinct names (no repeats, so no cache makes a row cheaper than it
    # would be), each the eval queries plus 12,000 more:
    # - population: real-looking people and registered companies from 23 locales, in
    #   their own scripts; most tokens are not list tokens, as in a real book;
    # - list vocabulary (flattering, kept for comparison with earlier sessions): names
    #   composed from list name parts, so every token hits the alternatives the index
    #   memoised at build time.
    population = [(n, Query(n, s)) for n, s in population_names(12_000, seed=3, exclude=evals)]
    vocabulary = {q.name: (i, q) for i, q in items}
    _, parts = synthetic_records(0)
    rng = random.Random(11)
    while len(vocabulary) < len(items) + 12_000:
        if rng.random() < 0.6:
            name = f"{rng.choice(parts['given'])} {rng.choice(parts['surnames'])}"
            vocabulary.setdefault(name, (name, Query(name, "Person")))
        else:
            name = f"{rng.choice(parts['words'])} {rng.choice(parts['words'])} LLC"
            vocabulary.setdefault(name, (name, Query(name, "Organization")))
    books = {
        "population": [(str(i), q, {}) for i, q in items] + [(i, q, {}) for i, q in population],
        "list vocabulary": [(str(i), q, {}) for i, q in vocabulary.values()],
    }
    # batch first, before anything in this process has matched a name: forked workers
    # start with cold caches, as in `clearance screen`; three rounds, each a fresh pool
    rates: dict[str, list[float]] = {}
    for label, batch in books.items():
        rates[label] = []
        for _ in range(3):
            t = time.perf_counter()
            n = sum(1 for _ in screen_row_lines(batch, index=index, workers=workers, limit=5,
                                                min_score=MIN_SCORE))
            rates[label].append(n / (time.perf_counter() - t))
    # latency: warm up on 300 names that are timed nowhere, then time each query the
    # first time this process sees it (eval queries, then population names)
    for name, schema in population_names(300, seed=4, exclude=evals | {n for n, _ in population}):
        match_query(index, Query(name, schema))
    lat: dict[str, list[float]] = {"eval": [], "population": []}
    for label, queries in (("eval", [q for _, q in items]),
                           ("population", [q for _, q in population[:3000]])):
        for q in queries:
            t = time.perf_counter()
            match_query(index, q)
            lat[label].append((time.perf_counter() - t) * 1000)
    names = sorted({owner[2] for owners in index.owners for owner in owners})
    choices = [utils.default_process(x) for x in names]
    sample = items[:: max(1, len(items) // 200)]
    base = []
    for _, q in sample:
        t = time.perf_counter()
        process.extract(utils.default_process(q.name), choices, scorer=fuzz.WRatio, limit=10,
                        processor=None)
        base.append((time.perf_counter() - t) * 1000)
    base_p50 = statistics.median(base)
    print(f"## bundled lists: {len(index.entities)} entities, {len(names)} names")
    for label, values in lat.items():
        print(f"latency {label:>10} ({len(values):,} queries, each timed the first time it is "
              f"matched) p50 {pct(values, .5):6.2f} ms   p99 {pct(values, .99):6.2f} ms   "
              f"(targets 2 / 10 ms); brute force is {base_p50 / pct(values, .5):.0f}x slower "
              "at p50")
    print(f"brute-force rapidfuzz WRatio scan p50 {base_p50:6.2f} ms "
          f"({1000 / statistics.mean(base):.0f} names/s single core)")
    for label, values in rates.items():
        print(f"batch {label:>15}: {statistics.median(values):6.0f} names/s (median of 3 rounds: "
              f"{', '.join(f'{r:.0f}' for r in values)}) with {workers} workers over "
              f"{len(books[label]):,} distinct names, 5 listed parties kept per row "
              "(listings grouped, non-alerts from 0.50 up), JSONL lines as `clearance screen` "
              "writes them (target 5,000)")


def synthetic_records(n: int, seed: int = 20261126) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """N deterministic entities built from real surname, given-name and org-word parts."""
    from clearance.store import iter_records

    surnames, given, words = set(), set(), set()
    for rec in iter_records():
        for name in rec["properties"].get("name", []):
            if rec["schema"] == "Person" and "," in name:
                last, first = name.split(",", 1)
                surnames.add(last.strip().title())
                given.update(first.split())
            elif rec["schema"] in ("Organization", "Company"):
                words.update(w for w in name.replace(",", " ").split() if w.isalpha())
    parts = {"surnames": sorted(surnames), "given": sorted(given), "words": sorted(words)}
    rng = random.Random(seed)
    forms = ["LLC", "LTD", "CO., LTD.", "JSC", "GMBH", "S.A.", "INC", ""]
    out = []
    for i in range(n):
        if rng.random() < 0.6:
            name = (f"{rng.choice(parts['surnames'])}, {rng.choice(parts['given'])} "
                    f"{rng.choice(parts['given'])}")
            schema = "Person"
        else:
            k = rng.choice((1, 2, 2, 3))
            name = " ".join(rng.choice(parts["words"]) for _ in range(k)) + " " + rng.choice(forms)
            schema = "Organization"
        props: dict[str, list[str]] = {"name": [name.strip()]}
        if rng.random() < 0.2:
            props["alias"] = [" ".join(reversed(name.split(",")))]
        out.append({"entity_id": f"syn-{i}", "dataset": "synthetic", "source_id": str(i),
                    "schema": schema, "caption": name, "properties": props})
    return out, parts


def typo(rng: random.Random, text: str) -> str:
    i = rng.randrange(1, max(2, len(text) - 1))
    return text[:i] + text[i + 1:]


def synthetic(n: int) -> None:
    from clearance.index.build import build_index
    from clearance.index.search import memoise_list_tokens
    from clearance.match.engine import match_query
    from clearance.match.score import Query

    t = time.perf_counter()
    records, parts = synthetic_records(n)
    t_gen = time.perf_counter() - t
    t = time.perf_counter()
    index = build_index(records, "synthetic")
    memoise_list_tokens(index)  # as ensure_index builds the list index
    t_build = time.perf_counter() - t
    rng = random.Random(7)
    queries = [Query(typo(rng, rng.choice(records)["caption"]), "LegalEntity") for _ in range(500)]
    queries += [Query(f"{rng.choice(parts['given'])} {rng.choice(parts['given'])}zz "
                      f"{rng.choice(parts['surnames'])}", "Person") for _ in range(500)]
    del records
    lat = []
    for q in queries:
        t = time.perf_counter()
        match_query(index, q)
        lat.append((time.perf_counter() - t) * 1000)
    print(f"## synthetic list: {n:,} entities, {len(index.names):,} distinct names "
          f"(generated in {t_gen:.1f} s)")
    print(f"index build {t_build:6.1f} s (target 120 s); peak resident memory "
          f"{rss_mb():,.0f} MB (target 4,096 MB)")
    print(f"latency  p50 {pct(lat, .5):6.2f} ms   p99 {pct(lat, .99):6.2f} ms (target p99 50 ms)")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--synthetic", type=int, default=1_000_000)
    p.add_argument("--skip-synthetic", action="store_true")
    p.add_argument("--workers", type=int, default=2)
    args = p.parse_args()
    header("cold: batch workers are forked before this process matches anything; latency "
           "is timed on queries never matched before (warm-up on 300 other names)")
    with tempfile.TemporaryDirectory() as home:
        os.environ["CLEARANCE_HOME"] = home
        bundled(args.workers)
        if not args.skip_synthetic:
            synthetic(args.synthetic)


if __name__ == "__main__":
    main()
