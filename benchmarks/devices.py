"""Classify a large synthetic device inventory, as `clearance devices classify` does.

usage: python benchmarks/devices.py [--devices 1000000] [--sites 300] [--cities 8]

Writes a deterministic demo inventory (not timed), then times reading the CSV, resolving
every device (OUI registry, brand matcher, model and network fingerprints, rules) and
writing its JSONL line. The baseline, in the same run, is the same work with the
per-clue-set memo and the brand/registry caches turned off, on the first 5,000
devices; the ratio is devices/s over it.
Prints the peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(path: Path, out: Path, limit: int | None, memo: bool) -> tuple[int, float]:
    from clearance.exposure.brands import resolve_brand
    from clearance.exposure.coverage import Classifier
    from clearance.exposure.inventory import Device, read_inventory
    from clearance.exposure.oui import organization_link

    classifier = Classifier(None, "")
    start = time.perf_counter()
    done = 0
    with open(out, "w", encoding="utf-8") as fh:
        for item in read_inventory(path):
            if not isinstance(item, Device):
                continue
            if not memo:  # every clue resolved afresh: brand matcher, registry, rules
                classifier._memo.clear()
                resolve_brand.cache_clear()
                organization_link.cache_clear()
            fh.write(classifier.classify_json(item) + "\n")
            done += 1
            if limit is not None and done >= limit:
                break
    return done, time.perf_counter() - start


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--devices", type=int, default=1_000_000)
    p.add_argument("--sites", type=int, default=300)
    p.add_argument("--cities", type=int, default=8)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CLEARANCE_HOME"] = tmp
        from clearance.exposure.demo import write_csv

        inventory = Path(tmp) / "devices.csv"
        t = time.perf_counter()
        write_csv(inventory, args.devices, args.sites, args.cities)
        print(f"wrote {args.devices:,} devices ({inventory.stat().st_size / 1e6:.0f} MB) "
              f"in {time.perf_counter() - t:.1f} s (not timed below)")
        n, base = run(inventory, Path(tmp) / "base.jsonl", 5_000, memo=False)
        print(f"baseline, no memo: {n:,} devices in {base:.1f} s = {n / base:,.0f} devices/s")
        n, took = run(inventory, Path(tmp) / "out.jsonl", None, memo=True)
        size = (Path(tmp) / "out.jsonl").stat().st_size / 1e6
        print(f"classify: {n:,} devices in {took:.1f} s = {n / took:,.0f} devices/s "
              f"(target: 1,000,000 in <= 60 s); {(n / took) / (5_000 / base):.1f}x the "
              f"baseline; output {size:,.0f} MB JSONL")
        print(f"peak resident memory: {rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
