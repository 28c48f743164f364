"""This tree against a baseline tree, alternated in one run: start-up, whole screens, CPU per name.

usage: python benchmarks/ab.py --base DIR [--this DIR] [--rounds 5] [--names 10000]
                               [--cpu-names 2000] [--skip-screen]

`--base DIR` is a folder holding the baseline's `clearance` package with its compiled
modules, e.g. a copy of `clearance/` taken after `make setup` on the unmodified tree
(`cp -a clearance /tmp/base/`), or a `git worktree` of main after its own `make setup`.
Both run on this virtualenv's Python; the baseline through `PYTHONPATH=DIR`. `--this DIR`
measures such a copy instead of this tree (so that editing the tree during a long run
changes nothing). Each tree has
a home of its own (the bundled lists are loaded once, in a temporary folder, and the store
copied), since each tree's index file has its own fingerprint and a tree removes the
others' index files.

Every round runs, for each tree in turn (the order alternates from round to round):

- `clearance screen` of a one-row book: a whole new process (interpreter, imports,
  opening the index, the first name, the audit record); wall time and CPU time;
- `clearance screen` of `--names` distinct real-looking names (a new set each round, the
  same set for both trees): the whole process on default settings (every core);
- CPU time per name in one process, first sight: `screen_query` on `--cpu-names` names of
  a set of their own (none seen before by that process; the index, the
  transliteration tables and the word lists loaded first by 200 other names, not timed).

The machine is shared: wall times move with the load of the moment; CPU times less so. The
figures are medians over the rounds and the ratios are this tree's to the baseline's, so
the two trees are compared under the same conditions.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import BUNDLED, SHARED, header, population_names

ROOT = Path(__file__).resolve().parent.parent
CLEARANCE = str(Path(sys.executable).parent / "clearance")

_CPU_PER_NAME = """
import csv, sys, time
from clearance.index.store import ensure_index
from clearance.match.score import Query, ScoringConfig
from clearance.match.tables import load_lazy_tables
from clearance.screening.group import MIN_SCORE, screen_query
index = ensure_index()
load_lazy_tables()
cfg = ScoringConfig()
with open(sys.argv[2], encoding="utf-8") as fh:  # warm-up: every lazily loaded word list
    for _, name, schema in list(csv.reader(fh))[1:]:
        screen_query(index, Query(name, schema), cfg, 5, MIN_SCORE)
with open(sys.argv[1], encoding="utf-8") as fh:
    rows = list(csv.reader(fh))[1:]
t = time.process_time()
for _, name, schema in rows:
    screen_query(index, Query(name, schema), cfg, 5, MIN_SCORE)
print(1000 * (time.process_time() - t) / len(rows))
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the process and its workers), standard output.

    Run from the home's folder: `python -c` puts its working folder first on the path, and
    from the repository's root that is this tree's `clearance`, whatever PYTHONPATH says.
    """
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True,
                          cwd=Path(env["CLEARANCE_HOME"]).parent)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed:\n{done.stderr}")
    return wall, _children_cpu() - cpu, done.stdout


def _book(path: Path, names: list[tuple[str, str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Customer ID", "Customer Name", "Entity Type"])
        for i, (name, schema) in enumerate(names, start=1):
            writer.writerow([f"C{i:07d}", name, schema])
    return path


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--base", type=Path, required=True,
                   help="a folder holding the baseline's clearance package")
    p.add_argument("--this", type=Path, help="a folder holding this side's clearance package "
                   "(default: this tree)")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--names", type=int, default=10_000)
    p.add_argument("--cpu-names", type=int, default=2_000)
    p.add_argument("--skip-screen", action="store_true", help="no whole screens of --names")
    args = p.parse_args()
    for folder in (args.base, args.this):
        if folder is not None and not (folder / "clearance" / "__init__.py").is_file():
            sys.exit(f"{folder}: no clearance package there")
    header("cold: a new process per measurement, names never seen before by that process")
    trees = {"this": "" if args.this is None else str(args.this.resolve()),
             "base": str(args.base.resolve())}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        envs: dict[str, dict[str, str]] = {}
        for label, pythonpath in trees.items():
            home = work / f"home-{label}"
            env = {**os.environ, "CLEARANCE_HOME": str(home), "PYTHONPATH": pythonpath}
            envs[label] = env
        # lists loaded once (by this tree), the store copied; each tree builds its index
        first = envs["this"]
        subprocess.run([CLEARANCE, "lists", "load", *(str(SHARED / "data" / "lists" / d)
                                                       for d in BUNDLED)],
                       env=first, check=True, capture_output=True)
        shutil.copytree(first["CLEARANCE_HOME"], envs["base"]["CLEARANCE_HOME"],
                        ignore=shutil.ignore_patterns("index"))
        one = _book(work / "one.csv", [("Hikvision", "Company")])
        for env in envs.values():  # builds the index file (not timed)
            _run([CLEARANCE, "screen", str(one), "-o", str(work / "one.jsonl")], env)
        total = args.rounds * (args.names + args.cpu_names)
        pool = population_names(total + 200, seed=20261128)
        warm = _book(work / "warm.csv", pool[total:])
        results: dict[tuple[str, str], list[float]] = {}
        for r in range(args.rounds):
            chunk = pool[r * (args.names + args.cpu_names):(r + 1) * (args.names + args.cpu_names)]
            big = _book(work / f"big{r}.csv", chunk[:args.names])
            cold = _book(work / f"cold{r}.csv", chunk[args.names:])
            order = list(envs) if r % 2 == 0 else list(reversed(envs))
            for label in order:
                env = envs[label]
                wall, cpu, _ = _run([CLEARANCE, "screen", str(one), "-o",
                                     str(work / "one.jsonl")], env)
                results.setdefault((label, "one-row wall"), []).append(wall)
                results.setdefault((label, "one-row cpu"), []).append(cpu)
                if not args.skip_screen:
                    wall, cpu, _ = _run([CLEARANCE, "screen", str(big), "-o",
                                         str(work / "big.jsonl")], env)
                    results.setdefault((label, "screen wall"), []).append(wall)
                    results.setdefault((label, "screen cpu"), []).append(cpu)
                _, _, out = _run([sys.executable, "-c", _CPU_PER_NAME, str(cold), str(warm)],
                                 env)
                results.setdefault((label, "ms cpu/name"), []).append(float(out))
            print(f"round {r + 1}: " + ", ".join(
                f"{label} {what} {values[-1]:.3f}" for (label, what), values in results.items()),
                flush=True)
    print(f"\nmedians of {args.rounds} rounds (this tree / baseline)")
    for what in dict.fromkeys(w for _, w in results):
        this = statistics.median(results[("this", what)])
        base = statistics.median(results[("base", what)])
        unit = "ms" if what.startswith("ms") else "s"
        print(f"{what:14s} this {this:8.3f} {unit}   base {base:8.3f} {unit}   "
              f"ratio {this / base:5.3f}")
    if not args.skip_screen:
        this = statistics.median(results[("this", "screen wall")])
        print(f"clearance screen of {args.names:,} names: {args.names / this:,.0f} names/s "
              f"(this tree, whole process)")


if __name__ == "__main__":
    main()
