"""Loading the saved index whole in a fresh process: this tree against a baseline, alternated.

usage: python benchmarks/index_load.py --base DIR [--this DIR] [--rounds 7]

What a `clearance screen` parent, a server or a batch worker started on its own pays
before its first name: `read_index(path)` of the bundled lists' index file, in a new
process each time (imports not timed; the file in the page cache, read once before).
Reported per tree: CPU seconds of the load, of the whole process and of the loading
thread alone (what the caller waits for: the checksum runs in a thread beside the decode),
as medians; the process's peak resident
memory after it, and the same as ratios of this tree to the baseline. `--base DIR` and
`--this DIR` are folders holding a `clearance` package, as for `ab.py`; each tree has a
home of its own (the bundled lists loaded once and the store copied), since each tree's
index file has its own fingerprint. The machine is shared: compare CPU within one run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import header, tree_envs

_LOAD = """
import json, resource, time
from clearance.index.store import ensure_index_file, read_index
path = ensure_index_file()
path.read_bytes()  # in the page cache, as after any earlier run
start, own = time.process_time(), time.thread_time()
index = read_index(path)
cpu, own = time.process_time() - start, time.thread_time() - own
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"cpu": cpu, "thread": own, "rss_mb": rss, "names": len(index.names)}))
"""


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--base", type=Path, required=True)
    p.add_argument("--this", type=Path, help="a folder holding this side's package "
                   "(default: this tree)")
    p.add_argument("--rounds", type=int, default=7)
    args = p.parse_args()
    header("index file in the page cache; a new process per load")
    trees = {"this": "" if args.this is None else str(args.this.resolve()),
             "base": str(args.base.resolve())}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        envs = tree_envs(work, trees)
        results: dict[str, list[dict[str, float]]] = {label: [] for label in envs}
        for env in envs.values():  # each tree builds its own index file first
            subprocess.run([sys.executable, "-c", _LOAD], env=env, check=True,
                           capture_output=True, cwd=work)
        for r in range(args.rounds):
            for label in (list(envs) if r % 2 == 0 else list(reversed(envs))):
                done = subprocess.run([sys.executable, "-c", _LOAD], env=envs[label],
                                      check=True, capture_output=True, text=True, cwd=work)
                row = json.loads(done.stdout.strip().splitlines()[-1])
                results[label].append(row)
                print(f"round {r + 1} {label:4} load {row['cpu']:.3f} s CPU "
                      f"({row['thread']:.3f} s of the loading thread), "
                      f"peak RSS {row['rss_mb']:.0f} MB")
        keys = ("cpu", "thread", "rss_mb")
        med = {label: {k: statistics.median(row[k] for row in rows) for k in keys}
               for label, rows in results.items()}
        print(f"\nmedians of {args.rounds} rounds")
        for label, m in med.items():
            print(f"{label:5} load {m['cpu']:.3f} s CPU ({m['thread']:.3f} s of the loading "
                  f"thread), peak RSS {m['rss_mb']:.0f} MB")
        print(f"ratio this/base: CPU {med['this']['cpu'] / med['base']['cpu']:.2f}, "
              f"loading thread {med['this']['thread'] / med['base']['thread']:.2f}, "
              f"RSS {med['this']['rss_mb'] / med['base']['rss_mb']:.2f}")


if __name__ == "__main__":
    main()
