"""What a new batch worker pays before it screens at full speed, this tree against a baseline.

usage: python benchmarks/first_names.py --base DIR [--this DIR] [--rounds 7] [--names 100]

A `clearance screen` worker is forked from a process that has loaded the index; the word
lists, the transliterator and the pinyin tables load on the first names that need them,
in every worker. Each round starts, for each tree in turn (order alternating), a fresh
process that loads the index (not timed), forks, and times in the child the CPU of
screening `--names` population names it has never seen (people and companies of 23
locales: Latin with accents, Cyrillic, Han, kana, Hangul, Arabic ...), then the CPU of
`--names` more (by then warm). The first figure minus the second is the one-time cost a
worker pays; CPU times move less with the machine's load than wall times. `--base` and
`--this` are folders holding a `clearance` package (as for `ab.py`); each tree has a home
of its own (the lists loaded once, not timed, and the store copied): a tree removes index
files of other fingerprints.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import BUNDLED, SHARED, header

_CHILD = """
import os, sys, time
sys.path.insert(0, sys.argv[3])
from common import population_names
from clearance.index.store import ensure_index
from clearance.match.score import Query, ScoringConfig
from clearance.screening.group import MIN_SCORE, screen_query
from clearance.match.tables import freeze_heap
n, seed = int(sys.argv[1]), int(sys.argv[2])
names = [Query(a, b) for a, b in population_names(2 * n, seed=seed)]
index = ensure_index()
cfg = ScoringConfig()
freeze_heap(collect=False)
read, write = os.pipe()
if os.fork() == 0:
    out = []
    for part in (names[:n], names[n:]):
        t = time.process_time()
        for q in part:
            screen_query(index, q, cfg, 5, MIN_SCORE)
        out.append(time.process_time() - t)
    os.write(write, f"{out[0]} {out[1]}".encode())
    os._exit(0)
os.close(write)
print(os.read(read, 100).decode())
"""


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--base", type=Path, required=True)
    p.add_argument("--this", type=Path)
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--names", type=int, default=100)
    args = p.parse_args()
    header("cold: a new process per measurement; the index and word-list copies on disk")
    trees = {"this": "" if args.this is None else str(args.this.resolve()),
             "base": str(args.base.resolve())}
    here = str(Path(__file__).resolve().parent)
    python = str(Path(sys.executable))
    with tempfile.TemporaryDirectory() as tmp:
        homes = {label: Path(tmp) / f"home-{label}" for label in trees}
        clearance = str(Path(sys.executable).parent / "clearance")
        subprocess.run([clearance, "lists", "load",
                        *(str(SHARED / "data" / "lists" / d) for d in BUNDLED)],
                       env={**os.environ, "CLEARANCE_HOME": str(homes["this"]),
                            "PYTHONPATH": trees["this"]}, check=True, capture_output=True)
        shutil.copytree(homes["this"], homes["base"], ignore=shutil.ignore_patterns("index",
                                                                                   "cache"))
        envs = {label: {**os.environ, "CLEARANCE_HOME": str(homes[label]),
                        "PYTHONPATH": path} for label, path in trees.items()}
        first: dict[str, list[float]] = {label: [] for label in trees}
        warm: dict[str, list[float]] = {label: [] for label in trees}
        for label in trees:  # each tree's index file (and word-list copies), not timed
            subprocess.run([python, "-c", _CHILD, "1", "1", here], env=envs[label],
                           check=True, capture_output=True)
        for r in range(args.rounds):
            order = list(trees) if r % 2 == 0 else list(reversed(trees))
            for label in order:
                done = subprocess.run([python, "-c", _CHILD, str(args.names), str(100 + r),
                                       here], env=envs[label], check=True,
                                      capture_output=True, text=True)
                a, b = map(float, done.stdout.split())
                first[label].append(a)
                warm[label].append(b)
            print(f"round {r + 1}: " + ", ".join(
                f"{label} first {first[label][-1]:.3f} s warm {warm[label][-1]:.3f} s"
                for label in trees), flush=True)
    print(f"\nmedians of {args.rounds} rounds, CPU seconds of a forked worker, "
          f"{args.names} names each")
    for label in trees:
        f, w = statistics.median(first[label]), statistics.median(warm[label])
        print(f"{label}: first {f:.3f} s, warm {w:.3f} s, one-time cost {f - w:.3f} s")


if __name__ == "__main__":
    main()
