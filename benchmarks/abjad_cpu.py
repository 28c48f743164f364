"""Names in Arabic, Persian or Hebrew script: CPU per name and every result, two trees.

usage: python benchmarks/abjad_cpu.py --base DIR [--this DIR] [--rounds 3] [--out FOLDER]

Such names cost more than others (their spelling patterns are tried on every Latin spelling
under their consonant keys, and on the joins of their words), so a speed-up there is
checked on a query set made of them alone:

- population names in these scripts (`common.population_names`, seed 1212, 24,000 names
  of which the Arabic-, Persian- and Hebrew-script ones, about 3,200), timed: process CPU
  per name, first sight (each round a new process; 100 other such names first, the index
  frozen as the batch pool does);
- then, untimed, the same names and the Arabic-script queries of screening_dev, of the
  wikidata transliteration pairs, and of `evalsets.arabic_listed` / `script_orgs`, every
  result written out as `same_results.py` writes `match` results (limit 10, no floor).

`--base DIR` / `--this DIR`: folders holding a tree's `clearance` package (as for
`ab.py`; `--this` defaults to this tree). The result files of both trees are compared
line by line: a speed-up must leave them identical. The machine is shared: compare CPU
between trees only within one run.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import SHARED, header, population_names, tree_envs


def _queries() -> list[tuple[str, str, str]]:
    """(origin, name, schema) of every query in an abjad script (the current home's lists
    feed the listed-name sets)."""
    import evalsets

    from clearance.match.abjad import has_abjad

    out = [("pop", n, s) for n, s in population_names(24_000, seed=1212) if has_abjad(n)]
    with open(SHARED / "eval" / "screening_dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            q = json.loads(line)["query"]
            if has_abjad(q["name"]):
                out.append(("dev", q["name"], q["schema"]))
    with open(SHARED / "eval" / "external" / "wikidata_transliteration_pairs.jsonl",
              encoding="utf-8") as fh:
        for line in fh:
            pair = json.loads(line)
            if has_abjad(pair["query"]):
                schema = "Person" if pair.get("entity_type") == "person" else "Organization"
                out.append(("wikidata", pair["query"], schema))
    records = evalsets.load_records()
    for origin, items in (("arabic_listed", evalsets.arabic_listed(records)),
                          ("script_orgs", evalsets.script_orgs(records))):
        out += [(origin, it["query"]["name"], it["query"].get("schema", "Person"))
                for it in items]
    return out


def _child(queries_file: str, out: str) -> None:
    """Time the population names, then write every query's results to `out`."""
    import gc
    import time

    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig
    from clearance.match.tables import load_lazy_tables
    from clearance.screening.group import MIN_SCORE, SPAN

    with open(queries_file, encoding="utf-8") as fh:
        queries = json.load(fh)
    index = ensure_index()
    gc.freeze()
    load_lazy_tables()
    cfg = ScoringConfig()
    timed = [(n, s) for origin, n, s in queries if origin == "pop"]
    for name, schema in timed[-100:]:
        match_query(index, Query(name, schema), cfg, limit=5 * SPAN, min_score=MIN_SCORE)
    timed = timed[:-100]
    start = time.process_time()
    for name, schema in timed:
        match_query(index, Query(name, schema), cfg, limit=5 * SPAN, min_score=MIN_SCORE)
    cpu = time.process_time() - start
    with open(out, "w", encoding="utf-8") as fh:
        for k, (origin, name, schema) in enumerate(queries):
            fh.write(f"# {origin}-{k} {name!r} {schema}\n")
            for r in match_query(index, Query(name, schema), limit=10):
                fh.write(f"{r.entity_id}\t{r.score:.6f}\t{r.match}\t{r.matched_name}"
                         f"\t{r.explanation}\n")
    print(json.dumps({"names": len(timed), "ms_per_name": 1000 * cpu / len(timed)}))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--base", type=Path, help="a folder holding a baseline's clearance package")
    p.add_argument("--this", type=Path, help="a folder holding this side's package "
                   "(default: this tree)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--out", type=Path, help="keep the result files in this folder")
    p.add_argument("--home", type=Path, help="a CLEARANCE_HOME with the bundled lists "
                   "loaded, copied for each tree (default: load them anew)")
    p.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        _child(*args.child)
        return
    if args.base is None:
        p.error("--base is required")
    header("cold: a new process per round, names never seen before by that process")
    trees = {"this": "" if args.this is None else str(args.this.resolve()),
             "base": str(args.base.resolve())}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        envs = tree_envs(work, trees, args.home)
        os.environ["CLEARANCE_HOME"] = envs["this"]["CLEARANCE_HOME"]
        queries = work / "queries.json"
        queries.write_text(json.dumps(_queries(), ensure_ascii=False), encoding="utf-8")
        cpu: dict[str, list[float]] = {label: [] for label in envs}
        for r in range(args.rounds):
            order = list(envs) if r % 2 == 0 else list(reversed(envs))
            for label in order:
                out = work / f"results-{label}-{r}.txt"
                done = subprocess.run([sys.executable, __file__, "--child", str(queries),
                                       str(out)], env=envs[label], capture_output=True,
                                      text=True, cwd=work)
                if done.returncode != 0:
                    sys.exit(f"{label}: {done.stderr}")
                row = json.loads(done.stdout.strip().splitlines()[-1])
                cpu[label].append(row["ms_per_name"])
                print(f"round {r + 1} {label:4} {row['ms_per_name']:.3f} ms CPU a name "
                      f"({row['names']} population names in an abjad script)")
        print("\nms CPU a name, median of rounds: " + ", ".join(
            f"{label} {statistics.median(v):.3f}" for label, v in cpu.items()))
        files = sorted(work.glob("results-*.txt"))
        same = all(filecmp.cmp(files[0], f, shallow=False) for f in files[1:])
        lines = len(files[0].read_text(encoding="utf-8").splitlines())
        print(f"results of {len(json.loads(queries.read_text(encoding='utf-8')))} queries "
              f"({lines} lines), every round of both trees: "
              + ("identical" if same else "DIFFERENT"))
        if args.out is not None:
            args.out.mkdir(parents=True, exist_ok=True)
            for f in files:
                shutil.copy(f, args.out / f.name)
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
