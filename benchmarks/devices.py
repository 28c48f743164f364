"""Classify a large synthetic device inventory, as `clearance devices classify` does.

usage: python benchmarks/devices.py [--devices 1000000] [--sites 300] [--cities 8]

Writes a deterministic demo inventory (not timed), then times reading the CSV, resolving
every device (OUI registry, brand matcher, model and network fingerprints, rules) and
writing its JSONL line. Two baselines in the same run, each on the first 20,000 devices:

- simple cached (the honest one): what a sensible simple implementation does, each
  device resolved and serialised on its own, with the brand matcher's and the OUI
  registry's look-ups cached per distinct value (as `functools.cache` gives anyone); only
  the classifier's per-clue-set memo (identical clue sets share one decision and one
  serialised tail) is turned off;
- nothing cached (kept for comparison with earlier sessions): every look-up afresh.

The ratio is devices/s over each. Prints the peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from common import header


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(path: Path, out: Path, limit: int | None, memo: bool,
        lookups_cached: bool = True) -> tuple[int, float]:
    from clearance.exposure.brands import resolve_brand
    from clearance.exposure.coverage import Classifier
    from clearance.exposure.inventory import Device, read_inventory
    from clearance.exposure.oui import organization_link

    resolve_brand.cache_clear()
    organization_link.cache_clear()
    classifier = Classifier(None, "")
    start = time.perf_counter()
    done = 0
    with open(out, "w", encoding="utf-8") as fh:
        for item in read_inventory(path):
            if not isinstance(item, Device):
                continue
            if not memo:  # this device's clue set decided and serialised afresh
                classifier._memo.clear()
            if not lookups_cached:  # brand matcher and registry look-ups afresh too
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
    header("cold: every run (both baselines and the measured one) starts with empty caches")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CLEARANCE_HOME"] = tmp
        from clearance.exposure.demo import write_csv

        inventory = Path(tmp) / "devices.csv"
        t = time.perf_counter()
        write_csv(inventory, args.devices, args.sites, args.cities)
        print(f"wrote {args.devices:,} devices ({inventory.stat().st_size / 1e6:.0f} MB) "
              f"in {time.perf_counter() - t:.1f} s (not timed below)")
        bases = {}
        for label, lookups in (("nothing cached", False), ("simple cached", True)):
            n, base = run(inventory, Path(tmp) / "base.jsonl", 20_000, memo=False,
                          lookups_cached=lookups)
            bases[label] = n / base
            print(f"baseline, {label}: {n:,} devices in {base:.1f} s = {n / base:,.0f} devices/s")
        n, took = run(inventory, Path(tmp) / "out.jsonl", None, memo=True)
        size = (Path(tmp) / "out.jsonl").stat().st_size / 1e6
        print(f"classify: {n:,} devices in {took:.1f} s = {n / took:,.0f} devices/s "
              f"(target: 1,000,000 in <= 60 s); output {size:,.0f} MB JSONL")
        for label, rate in bases.items():
            print(f"  {(n / took) / rate:.1f}x the {label} baseline")
        print(f"peak resident memory: {rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
