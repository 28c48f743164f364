"""Delta monitoring cost: a list change costs what the change is, not book x list.

usage: python benchmarks/monitor.py [--book 1000000] [--workers 2]

In one fresh home: load the December 2023 SDN publication, import a synthetic book of
N entries (deterministic, built from real SDN name parts, plus 200 entries named after
entries the May 2024 publication adds), run the first cycle (a full screen of the whole
book: the baseline), build the book index, load the May 2024 publication and run the
delta cycle. Prints each step's time, the delta's ratio to the full screen, and the
resident memory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import SHARED, header

LISTS = SHARED / "data" / "lists"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_book(path: Path, n: int) -> int:
    """N synthetic entries plus entries named after May's new listings; returns their count."""
    from speed import synthetic_records

    from clearance.sources.detect import discover
    from clearance.store import iter_records

    dec = {r["entity_id"] for r in iter_records()}
    (pub,) = discover([LISTS / "ofac_sdn_20240503"])
    new = [e.to_record() for e in pub.load().entities]
    new = [r for r in new if r["schema"] in ("Person", "Organization", "Company")
           and r["entity_id"] not in dec]
    rng = random.Random(7)
    planted = rng.sample(new, min(200, len(new)))
    records, _ = synthetic_records(n - len(planted))
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps({"id": f"cust-{r['source_id']}", "name": r["caption"],
                                 "schema": r["schema"]}) + "\n")
        for i, r in enumerate(planted):
            fh.write(json.dumps({"id": f"planted-{i}", "name": r["caption"],
                                 "schema": r["schema"]}) + "\n")
    return len(planted)


def monitor_run(home: str, workers: int) -> tuple[float, dict[str, Any]]:
    """`clearance monitor run --json` in a fresh process: wall time and its report."""
    cmd = [str(Path(sys.executable).parent / "clearance"), "monitor", "run", "--json",
           "--workers", str(workers)]
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=True,
                          env={**os.environ, "CLEARANCE_HOME": home})
    took = time.perf_counter() - t
    return took, json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--book", type=int, default=1_000_000)
    p.add_argument("--workers", type=int, default=2)
    args = p.parse_args()
    header("cold: each monitoring cycle is a fresh `clearance monitor run` process that "
           "reads the list and book indexes from disk")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CLEARANCE_HOME"] = tmp
        from clearance.monitor.alerts import list_alerts
        from clearance.monitor.book import import_book
        from clearance.monitor.book_index import book_index
        from clearance.store.load import load_paths

        t = time.perf_counter()
        load_paths([LISTS / "ofac_sdn"])
        print(f"load Dec 2023 SDN: {time.perf_counter() - t:6.1f} s")
        book = Path(tmp) / "book.jsonl"
        planted = write_book(book, args.book)
        t = time.perf_counter()
        result = import_book(book)
        print(f"book import: {result.added:,} entries in {time.perf_counter() - t:6.1f} s")
        full, first = monitor_run(tmp, args.workers)
        print(f"full screen of the book (first cycle, {args.workers} workers, whole process): "
              f"{full:6.1f} s, {first['book_screened'] / full:,.0f} entries/s, "
              f"{first['opened']} alerts")
        t = time.perf_counter()
        bix = book_index()
        print(f"book index build: {time.perf_counter() - t:6.1f} s "
              f"({len(bix.main.names):,} distinct names; done once per book by the first "
              "delta that needs it, then read from disk)")
        del bix
        t = time.perf_counter()
        load_paths([LISTS / "ofac_sdn_20240503"])
        print(f"load May 2024 SDN: {time.perf_counter() - t:6.1f} s")
        took, delta = monitor_run(tmp, args.workers)
        print(f"delta cycle Dec 2023 -> May 2024, whole `clearance monitor run` process: "
              f"{took:6.1f} s (target <= 60 s; the cycle itself {delta['seconds']} s, the "
              f"rest start-up and reading the indexes); ratio to the full screen "
              f"{took / full:.3f}")
        (change,) = delta["lists"]
        print(f"  change: {change}")
        opened = [a for a in list_alerts(status="open", limit=1_000_000)
                  if a.book_id.startswith("planted")]
        print(f"  pairs re-scored {delta['pairs_scored']:,}; alerts opened {delta['opened']} "
              f"({len(opened)} of {planted} planted entries open), delisted {delta['delisted']}")
        took2, again = monitor_run(tmp, args.workers)
        print(f"next cycle with no change, whole process: {took2:6.1f} s "
              f"({again['pairs_scored']} pairs)")
        print(f"peak resident memory of this process: {rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
