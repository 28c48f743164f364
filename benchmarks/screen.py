"""`clearance screen` as a user runs it: a whole fresh process on default settings.

usage: python benchmarks/screen.py [--names 10000] [--sample 200] [--runs 1]

In a fresh home the bundled lists are loaded and their index built (as `make run` leaves
things; not timed). A CSV of `--names` distinct real-looking names (people and registered
companies from 23 locales, in their own scripts, with the headers a bank export uses) is
then screened by `clearance screen BOOK.csv -o OUT.jsonl` in a new process with no options:
the wall time includes start-up, loading the index, forking the default workers and
writing the results. The CPU time of its processes is printed beside it, and per name:
on a busy machine the wall time says little, and the brute-force denominator of the ratio
varies 2x within minutes; the brute force's own CPU a name (its pool's workers) is printed
too, with the ratio of the two CPU times, which the machine's load moves far less. With
`--runs N` the screen is run N times, each run printed; the ratio is then that of the
fastest run, and the median is printed beside it.
"Cold" means a new process: the index file was just written, so the operating system's
page cache holds it (as it does for any screen after the first).

The baseline, in the same run, is a brute-force scan a developer might write first: each
name against every list name with rapidfuzz's WRatio (`process.extract`), spread over
every core with a process pool, timed on `--sample` of the same names. Target: the whole
`clearance screen` process >= 200x the brute-force names/s.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

from common import BUNDLED, SHARED, header, population_names

_CHOICES: list[str] = []


def _init(choices: list[str]) -> None:
    global _CHOICES
    _CHOICES = choices


def _brute(name: str) -> int:
    from rapidfuzz import fuzz, process, utils

    return len(process.extract(utils.default_process(name), _CHOICES, scorer=fuzz.WRatio,
                               limit=10, processor=None))


def _children_cpu() -> float:
    """User + system CPU seconds of this process's children that ended (with theirs: the
    screen's workers and audit helper, which it waits for). On a shared machine the wall
    time depends on the others' load; this far less."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--names", type=int, default=10_000)
    p.add_argument("--sample", type=int, default=200)
    p.add_argument("--runs", type=int, default=1)
    args = p.parse_args()
    header("cold: a new `clearance screen` process per run, reading the index file (in the "
           "page cache: it was just written)")
    names = population_names(args.names, seed=21)
    with tempfile.TemporaryDirectory() as home:
        os.environ["CLEARANCE_HOME"] = home
        from rapidfuzz import utils

        from clearance.index.store import ensure_index
        from clearance.store.load import load_paths

        load_paths([SHARED / "data" / "lists" / d for d in BUNDLED])
        index = ensure_index()
        choices = sorted({utils.default_process(owner[2])
                          for owners in index.owners for owner in owners})
        del index
        book = Path(home) / "customers.csv"
        with open(book, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["Customer ID", "Customer Name", "Entity Type"])
            for i, (name, schema) in enumerate(names, start=1):
                writer.writerow([f"C{i:07d}", name, schema])
        cmd = [str(Path(sys.executable).parent / "clearance"), "screen", str(book), "-o",
               str(Path(home) / "out.jsonl")]
        runs: list[tuple[float, float]] = []  # (wall, CPU) of each run
        for r in range(args.runs):
            before = _children_cpu()
            t = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, text=True,
                                  env={**os.environ, "CLEARANCE_HOME": home})
            runs.append((time.perf_counter() - t, _children_cpu() - before))
            if done.returncode != 0:
                sys.exit(f"clearance screen failed:\n{done.stderr}")
            if args.runs > 1:
                print(f"run {r + 1}: {runs[-1][0]:.2f} s, CPU {runs[-1][1]:.2f} s, load "
                      f"average {os.getloadavg()[0]:.2f}")
        took, cpu = min(runs)
        with open(Path(home) / "out.jsonl", encoding="utf-8") as fh:
            rows = sum(1 for _ in fh)
        cores = os.cpu_count() or 1
        sample = [n for n, _ in names[:: max(1, len(names) // args.sample)]]
        before = _children_cpu()
        with Pool(cores, initializer=_init, initargs=(choices,)) as pool:
            t = time.perf_counter()
            pool.map(_brute, sample, chunksize=1)
            brute = len(sample) / (time.perf_counter() - t)
            pool.close()
            pool.join()  # (the workers' CPU is counted once they are waited for)
        brute_cpu = (_children_cpu() - before) / len(sample)
    rate = len(names) / took
    print(f"$ {' '.join(['clearance', *cmd[1:]])}")
    print(f"   {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ''}")
    fastest = "" if args.runs == 1 else (
        f" (the fastest of {args.runs} runs; median "
        f"{statistics.median(w for w, _ in runs):.2f} s)")
    print(f"clearance screen, whole process: {len(names):,} names in {took:.2f} s{fastest} = "
          f"{rate:,.0f} names/s ({rows:,} result lines); CPU, user + sys of all its "
          f"processes: {cpu:.2f} s = {1000 * cpu / len(names):.3f} ms a name")
    print(f"brute-force rapidfuzz WRatio over {len(choices):,} list names on {cores} cores: "
          f"{brute:,.1f} names/s ({len(sample)} names); CPU {1000 * brute_cpu:.1f} ms a name")
    print(f"ratio: {rate / brute:,.0f}x (target 200x); CPU a name, brute force / clearance "
          f"screen: {brute_cpu * len(names) / cpu:,.0f}x")


if __name__ == "__main__":
    main()
