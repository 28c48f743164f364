"""Time loading every bundled list into a fresh store (target: <= 15 s on 2 cores).

usage: python benchmarks/ingest.py [--lists DIR]

Baseline in the same run: reading the same files with the csv/XML parsers alone (no
entities, no store), so the ratio shows what entity building and storage cost on top.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import os
import tempfile
import time
from pathlib import Path

import defusedxml.ElementTree as ET
from common import BUNDLED, SHARED, header


def raw_read(lists: Path) -> int:
    """Baseline: parse every file's rows/elements and do nothing with them."""
    rows = 0
    for path in sorted(p for d in BUNDLED for p in (lists / d).iterdir()):
        if path.suffix == ".xml":
            rows += sum(1 for _ in ET.parse(path).getroot().iter())
        elif path.name.endswith(".gz"):
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                rows += sum(1 for _ in csv.reader(fh))
        else:
            text = path.read_text(encoding="utf-8", errors="replace").rstrip("\x1a")
            delim = "\t" if path.suffix == ".txt" else ","
            rows += sum(1 for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    return rows


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--lists", type=Path, default=SHARED / "data" / "lists")
    args = p.parse_args()
    header("cold store: a new temporary home; the list files in the page cache after the "
           "parsers-only baseline reads them first")
    t0 = time.perf_counter()
    rows = raw_read(args.lists)
    t_raw = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as home:
        os.environ["CLEARANCE_HOME"] = home
        from clearance.index.store import ensure_index
        from clearance.store.load import load_paths

        t0 = time.perf_counter()
        results = load_paths([args.lists / d for d in BUNDLED])
        t_load = time.perf_counter() - t0
        t0 = time.perf_counter()
        index = ensure_index()
        t_index = time.perf_counter() - t0
    entities = sum(r.version.entity_count for r in results if r.version is not None)
    print(f"raw parse baseline : {t_raw:6.2f} s  ({rows} rows/elements)")
    print(f"load into store    : {t_load:6.2f} s  ({entities} entities, 5 datasets)"
          f"  ratio to baseline {t_load / t_raw:.1f}x")
    print(f"build + save index : {t_index:6.2f} s  ({len(index.names)} distinct names)")
    print(f"load + index total : {t_load + t_index:6.2f} s  (target <= 15 s for the load)")


if __name__ == "__main__":
    main()
