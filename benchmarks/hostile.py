"""What hostile names cost, against a real name (issue 14: "one request kills the server").

usage: python benchmarks/hostile.py [--home DIR] [--lists DIR]

In process: `match_query` time (first run) and peak memory allocated (tracemalloc, second
run) for each kind of name, alone and as a query of 200 names of that kind with 500 10 KB
identifiers and countries. From the shell: `clearance match` with a 1 MB name and
`clearance screen` of a file whose rows hold 1 MB names, wall time and peak resident
memory of the process. Before the bounds, a 1,000-letter word took 20 s and 4.5 GB in
`clearance match`, and a 1 MB name hung the server for over 10 minutes.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import string
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from common import BUNDLED, SHARED, header

RNG = random.Random(14)
CLEARANCE = str(Path(sys.executable).parent / "clearance")
# `clearance match NAME` with NAME read from a file (one argument may hold 128 KB at most)
MATCH_FROM_FILE = ("import sys; from clearance.cli.app import main; "
                   "sys.argv = ['clearance', 'match', open(sys.argv[1]).read()]; main()")


def word(n: int) -> str:
    return "".join(RNG.choice(string.ascii_lowercase) for _ in range(n))


KINDS: dict[str, Callable[[], str]] = {
    "real name (reference)": lambda: "Andrey Vladimirovich Khokhlof",
    "10 KB word": lambda: word(10_000),
    "1 MB word": lambda: word(1 << 20),
    "1 MB of spaces": lambda: " " * (1 << 20) + "x",
    "100k random tokens": lambda: " ".join(word(5) for _ in range(100_000)),
    "100k listed words": lambda: " ".join(RNG.choice(["mohammed", "ali", "ivanov", "bank",
                                                      "trading", "kim"]) for _ in range(100_000)),
    "1 MB of one Han character": lambda: "王" * (1 << 20),
    "40 tokens of 8-48 letters": lambda: " ".join(word(RNG.randint(8, 48)) for _ in range(40)),
}


def in_process() -> None:
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query

    index = ensure_index()
    match_query(index, Query("王伟 warm up the caches", "Person"))
    print(f"{'kind of name':28s} {'names':>5s} {'schema':8s} {'first run':>10s} "
          f"{'peak alloc':>11s}")
    for label, make in KINDS.items():
        for names, schema in ((1, "Person"), (1, "Company"), (200, "Person"), (200, "Company")):
            many = names > 1
            text = make()  # names of that kind: rotations of one
            query = Query(text, schema, aliases=[text[k * 997:] + text[:k * 997]
                                                 for k in range(1, names)],
                          identifiers=["x" * 10_000] * (500 if many else 0),
                          countries=["zz" * 5000] * (500 if many else 0))
            start = time.perf_counter()
            match_query(index, query)
            seconds = time.perf_counter() - start
            tracemalloc.start()
            match_query(index, query)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(f"{label:28s} {names:5d} {schema:8s} {seconds * 1000:8.1f} ms "
                  f"{peak / 1e6:8.2f} MB")


def from_the_shell(env: dict[str, str], folder: Path) -> None:
    def run(argv: list[str]) -> tuple[float, float]:
        start = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # MB, max so far
        return time.perf_counter() - start, peak

    for label, name in (("real name", "Andrey Vladimirovich Khokhlof"),
                        ("1 MB word", word(1 << 20))):
        argfile = folder / "name.txt"
        argfile.write_text(name)
        seconds, peak = run([sys.executable, "-c", MATCH_FROM_FILE, str(argfile)])
        print(f"clearance match, {label:10s}: {seconds:6.2f} s wall, peak RSS so far "
              f"{peak:6.0f} MB")
    book = folder / "hostile.jsonl"
    with open(book, "w", encoding="utf-8") as fh:
        for i in range(20):
            fh.write(f'{{"id": "h{i}", "name": "{word(1 << 20)}", "schema": "Person"}}\n')
        fh.write('{"id": "real", "name": "Andrey Vladimirovich Khokhlof", "schema": "Person"}\n')
    seconds, peak = run([CLEARANCE, "screen", str(book), "-o", str(folder / "out.jsonl")])
    print(f"clearance screen, 20 rows of 1 MB names + 1 real row: {seconds:6.2f} s wall, "
          f"peak RSS so far {peak:6.0f} MB\n")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--home", type=Path, help="a CLEARANCE_HOME with the lists loaded")
    p.add_argument("--lists", type=Path, default=SHARED / "data" / "lists")
    args = p.parse_args()
    header("in process: each kind of name timed on its first run (the index and tables loaded "
           "by a real name first); from the shell: a new process per command")
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp) / "home"
        env = {**os.environ, "CLEARANCE_HOME": str(home)}
        env.pop("CLEARANCE_DATABASE_URL", None)
        os.environ["CLEARANCE_HOME"] = str(home)
        if args.home is None:
            subprocess.run([CLEARANCE, "lists", "load", *[str(args.lists / d) for d in BUNDLED]],
                           env=env, check=True, stdout=subprocess.DEVNULL)
        print(f"## hostile names (load average {os.getloadavg()[0]:.1f} on "
              f"{os.cpu_count()} cores)")
        from_the_shell(env, Path(tmp))  # first: children forked later share the index's pages
        in_process()


if __name__ == "__main__":
    main()
