"""Screen a large demo portfolio against NS-CMIC, as `clearance portfolio screen` does.

usage: python benchmarks/portfolio.py [--holdings 1000000] [--workers 2] [--securities N]
                                      [--lists all|cons]

In a temporary home: loads the lists (all bundled ones, or only the OFAC consolidated
list) and builds the index (not timed), writes the demo portfolio (not timed; positions
drawn from a universe of `--securities` distinct securities, default holdings/20 capped
at 50,000), then times:
- setup: loading the index from disk and the NS-CMIC entries, as the command does;
- screen: reading the CSV, screening every holding and writing its JSONL line, with
  `--workers` processes (target: 1,000,000 holdings in <= 30 s on 2 cores).
Prints wall time, the CPU seconds of this process and its workers, and the load average
before and after: on a shared machine wall time is only meaningful next to the load.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BUNDLED, SHARED, header  # noqa: E402


def cpu() -> tuple[float, float]:
    """User + system CPU seconds of this process, and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--holdings", type=int, default=1_000_000)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--securities", type=int, default=None)
    p.add_argument("--lists", choices=["all", "cons"], default="all")
    args = p.parse_args()
    header("cold: a new temporary home; the index read from disk by the timed setup; a "
           "security's description read once per worker (holdings repeat it; an LRU memo)")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CLEARANCE_HOME"] = tmp
        from clearance.index import store as index_store
        from clearance.portfolio.batch import ResultWriter, make_screener, screen_file
        from clearance.portfolio.demo import write_demo
        from clearance.portfolio.listing import cmic_list
        from clearance.store.load import load_paths

        folders = BUNDLED if args.lists == "all" else ["ofac_consolidated"]
        t = time.perf_counter()
        results = load_paths([SHARED / "data" / "lists" / d for d in folders])
        assert all(r.error is None for r in results), [r.error for r in results]
        index_store.ensure_index()
        print(f"loaded {', '.join(folders)} and built the index in "
              f"{time.perf_counter() - t:.1f} s (not timed below)")
        holdings = Path(tmp) / "holdings.csv"
        t = time.perf_counter()
        counts = write_demo(holdings, cmic_list(), args.holdings, securities=args.securities)
        print(f"wrote {args.holdings:,} holdings ({holdings.stat().st_size / 1e6:.0f} MB; "
              + ", ".join(f"{v:,} {k}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
              + f") in {time.perf_counter() - t:.1f} s (not timed below)")
        index_store._loaded.clear()  # the command starts from the index file
        load_before = os.getloadavg()
        t, c = time.perf_counter(), cpu()
        screener = make_screener()
        setup, setup_cpu = time.perf_counter() - t, cpu()[0] - c[0]
        out = Path(tmp) / "out.jsonl"
        writer = ResultWriter(out, io.StringIO())
        t, c = time.perf_counter(), cpu()
        summary = screen_file(holdings, writer, screener, args.workers)
        writer.close()
        took = time.perf_counter() - t
        parent, workers = cpu()[0] - c[0], cpu()[1] - c[1]
        load_after = os.getloadavg()
        n = summary.screened
        print(f"setup (index from disk, NS-CMIC entries): {setup:.1f} s, {setup_cpu:.1f} s CPU")
        print(f"screen: {n:,} holdings in {took:.1f} s = {n / took:,.0f} holdings/s with "
              f"{args.workers} workers (target: 1,000,000 in <= 30 s on 2 cores); CPU: "
              f"{parent:.1f} s parent (reads, writes), {workers:.1f} s workers (parse, screen, "
              "serialise)")
        print("statuses: " + ", ".join(f"{v:,} {k}" for k, v in summary.statuses.most_common())
              + f"; {summary.with_problems:,} with identifier problems; "
              f"{len(summary.skipped):,} skipped; output {out.stat().st_size / 1e6:,.0f} MB JSONL")
        print(f"load average before {load_before[0]:.1f} / after {load_after[0]:.1f} "
              f"on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
