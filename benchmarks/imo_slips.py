"""Listed vessels' IMO numbers typed with one slip: how often the check digit catches the
slip, how often one listed number alone is one slip away, and how often screening finds
the vessel.

usage: python benchmarks/imo_slips.py [--sample N]
       (in a CLEARANCE_HOME with the bundled lists loaded; `--sample`: screen every N-th
       slipped number that fails its check, default 1: all of them)

Session 37 (s37-craft; issue 11). Rule (written before the first run): every IMO number
of a listed Vessel that passes its check (`imo.imo_valid`) is typed with each slip a
typist makes: each digit replaced by each other digit, each two adjacent digits that
differ swapped. Counted: the slipped numbers that fail their check (a slip the check
catches), and among those the ones with exactly one listed vessel's number one slip away
(`imo.imo_slips`: unique), several, none but the number typed from (impossible: it is one
slip away); those that pass their check (another ship's number, never read as a slip), and
of these how many are another listed vessel's. Screened as `clearance screen` does
(threshold 0.80, top 10) with the slipped number as the identifier of a Vessel named
"Unrelated Name": found = an alert on the listed vessel typed from. No halves: no choice
is made on it.
"""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

from quality import screen


def _slipped(value: str) -> list[tuple[str, str]]:
    """(slip, number) for each one-slip typing of seven digits `value`."""
    out = [("swapped", value[:i] + value[i + 1] + value[i] + value[i + 2:])
           for i in range(6) if value[i] != value[i + 1]]
    return out + [("replaced", value[:i] + d + value[i + 1:])
                  for i in range(7) for d in "0123456789" if d != value[i]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=1)
    args = parser.parse_args()
    from clearance.index.store import ensure_index
    from clearance.match.imo import imo_slips, imo_valid
    from clearance.match.score import DEFAULT_THRESHOLD

    index = ensure_index()
    listed: dict[str, set[str]] = {}  # number -> entity ids
    for meta in index.entities:
        for prop, value in meta.identifiers:
            if meta.schema == "Vessel" and prop == "imoNumber" and imo_valid(value):
                listed.setdefault(value, set()).add(meta.entity_id)
    counts: Counter[str] = Counter()
    queries: list[dict[str, Any]] = []
    for value in sorted(listed):
        for slip, typed in _slipped(value):
            counts[f"{slip} typed"] += 1
            if imo_valid(typed):
                counts[f"{slip} passes its check"] += 1
                counts[f"{slip} passes, another listed"] += typed in listed
                continue
            near = [n for n, _ in imo_slips(typed) if n in listed]
            counts[f"{slip} fails its check"] += 1
            counts[f"{slip} fails, unique" if len(near) == 1 else f"{slip} fails, several"] += 1
            if counts[f"{slip} fails its check"] % args.sample == 0:
                queries.append({"id": f"q{len(queries)}", "slip": slip, "listed": value,
                                "query": {"name": "Unrelated Name", "schema": "Vessel",
                                          "identifiers": [typed]}})
    results = screen(queries, DEFAULT_THRESHOLD, index)
    for q in queries:
        alerts = {m["entity_id"] for m in results.get(q["id"], []) if m["match"]}
        counts[f"{q['slip']} screened"] += 1
        counts[f"{q['slip']} found"] += bool(alerts & listed[q["listed"]])
        counts[f"{q['slip']} other alerts"] += len(alerts - listed[q["listed"]])
    print(f"listed vessels' IMO numbers passing their check: {len(listed)}")
    for slip in ("replaced", "swapped"):
        typed, fails = counts[f"{slip} typed"], counts[f"{slip} fails its check"]
        print(f"{slip}: {typed} typed; fail their check {fails} ({fails / max(typed, 1):.1%}), "
              f"of which one listed number one slip away {counts[f'{slip} fails, unique']} "
              f"({counts[f'{slip} fails, unique'] / max(fails, 1):.1%}), several "
              f"{counts[f'{slip} fails, several']}; pass their check "
              f"{counts[f'{slip} passes its check']} (another listed vessel's: "
              f"{counts[f'{slip} passes, another listed']})")
        screened = counts[f"{slip} screened"]
        print(f"  screened {screened}: found {counts[f'{slip} found']}/{screened}, other "
              f"vessels' alerts {counts[f'{slip} other alerts'] / max(screened, 1):.2f} a query")


if __name__ == "__main__":
    main()
