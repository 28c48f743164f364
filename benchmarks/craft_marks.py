"""Vessels' and aircraft's names screened as themselves and one character off: how many
alerts on other listed names?

usage: python benchmarks/craft_marks.py [--dump FILE] [--grouped]
       (in a CLEARANCE_HOME with the bundled lists loaded; `--dump`: each query, its
       category and its alerts' names and scores, one JSON object a line; `--grouped`:
       counted by listed party, one party's listings across lists as one, as `clearance
       screen` writes a file's rows, `screening/group.py`, instead of by listing)

Session 32 (s32-typo; issue 11). A registration mark, a call sign or a hull code one
character off is another craft: EP-ABD is not EP-ABC mistyped, and an alert on it is a
false one. Rule (written before the first run): every listed Vessel or Airplane entity's
first two names (sorted) are queried (a) as written, with the entity's schema and as a
LegalEntity, expected to alert on that name and counted for alerts on any other listed
name; (b) with the last character changed (a letter to X, X to Y, a digit to the next),
counted for alerts on any listed name other than the one written; (c) (session 33,
s33-mark) a registration mark (`compare._MARK`) with its mark part's last character lost
(EP-ABC typed EP-AB), counted for alerts on the listed mark it was typed from and on any
other listed name; (d) (session 34, s34-mark) the same with the mark part's FIRST
character lost (EP-ABC typed EP-BC), counted so too; (e) (s34-mark) the first code word
(`_CODE`: two or three letters and 3-6 digits, YV3360, or a number of 3-6 digits,
standing alone) of each name with its last digit lost or written twice ("code lost",
"code added", "number lost", "number added"), with the entity's schema, counted so too.
Screened as
`clearance screen` screens (threshold 0.80, top 10). No halves: no choice is made on it.
"""

from __future__ import annotations

import argparse
import json
import re
from typing import Any

from quality import screen


def _off(text: str) -> str | None:
    """`text` with its last character changed, or None when that is no letter or digit."""
    last = text[-1]
    if last.isdigit():
        return text[:-1] + str((int(last) + 1) % 10)
    if last.isalpha():
        return text[:-1] + ("Y" if last.upper() == "X" else "X")
    return None


def _lost(text: str, first: bool = False) -> str | None:
    """A registration mark `text` with its mark part's last (`first`: first) character
    lost, or None."""
    from clearance.match.compare import _MARK

    mark = _MARK.fullmatch(text)
    if mark is None:
        return None
    return text[:mark.start(2)] + text[mark.start(2) + 1:] if first else text[:-1]


#: a code word or a number standing alone in a craft's name (YV3360, MSN 391)
_CODE = re.compile(r"(?<![\w-])([A-Z]{1,3}\d{3,6}[A-Z]?|\d{3,6})(?![\w-])")


def _digit_slips(text: str) -> list[tuple[str, str]]:
    """(category, query) of `text`'s first code word or number (`_CODE`) with its last
    digit lost and written twice."""
    found = _CODE.search(text.upper())
    if found is None:
        return []
    word, (start, end) = found.group(1), found.span(1)
    last = max([k for k, ch in enumerate(word) if ch.isdigit()])
    kind = "number" if word.isdigit() else "code"
    return [(f"{kind} lost", text[:start] + word[:last] + word[last + 1:] + text[end:]),
            (f"{kind} added", text[:start] + word[:last + 1] + word[last:] + text[end:])]


def _parties(queries: list[dict[str, Any]], threshold: float, index: Any
             ) -> dict[str, list[dict[str, Any]]]:
    """`quality.screen`'s shape, by listed party as `clearance screen` writes a file's rows
    (`screen_rows`: top 10 parties): each party's best listing, its `matched_name` the
    query's own name where any of its listings carries that name (the SDN entry and its
    CSL copy are one craft)."""
    from clearance.match.score import ScoringConfig
    from clearance.screening.batch import screen_rows
    from clearance.screening.io import InputRow, row_to_query

    items = [(*row_to_query(InputRow(i + 1, q), "eval"), {}) for i, q in enumerate(queries)]
    wanted = {q["id"]: q.get("listed", q["query"]["name"]).upper() for q in queries}
    out: dict[str, list[dict[str, Any]]] = {}
    for (row_id, _, _), parties, _ in screen_rows(items, ScoringConfig(threshold=threshold),
                                                  limit=10, index=index):
        own = wanted[row_id]
        out[row_id] = [{**p, "matched_name": own} if any(
            m["matched_name"].upper() == own for m in p["listings"]) else p for p in parties]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", help="write each query's alerts here (JSON lines)")
    parser.add_argument("--grouped", action="store_true",
                        help="count listed parties (listings across lists grouped), not listings")
    args = parser.parse_args()
    from clearance.index.store import ensure_index
    from clearance.match.score import DEFAULT_THRESHOLD

    index = ensure_index()
    written: dict[int, set[str]] = {}
    for owners in index.owners:
        for e_idx, _, text in owners:
            if index.entities[e_idx].schema in ("Vessel", "Airplane"):
                written.setdefault(e_idx, set()).add(text)
    queries: list[dict[str, Any]] = []
    for e_idx, texts in sorted(written.items()):
        for text in sorted(texts)[:2]:
            for schema in (index.entities[e_idx].schema, "LegalEntity"):
                kind = "own" if schema != "LegalEntity" else "LegalEntity"
                queries.append({"id": f"q{len(queries)}", "category": f"exact {kind}",
                                "query": {"name": text, "schema": schema}})
                off = _off(text)
                if off is not None:
                    queries.append({"id": f"q{len(queries)}", "category": f"off {kind}",
                                    "query": {"name": off, "schema": schema}})
                if kind == "own":
                    for category, typed in _digit_slips(text):
                        queries.append({"id": f"q{len(queries)}", "category": category,
                                        "query": {"name": typed, "schema": schema},
                                        "listed": text})
                for category, first in (("lost", False), ("first lost", True)):
                    lost = _lost(text, first)
                    if lost is not None:
                        queries.append({"id": f"q{len(queries)}", "category": f"{category} {kind}",
                                        "query": {"name": lost, "schema": schema},
                                        "listed": text})
    results = (_parties if args.grouped else screen)(queries, DEFAULT_THRESHOLD, index)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for q in queries:
                out.write(json.dumps({**q, "alerts": [
                    [m["matched_name"], round(m["score"], 4)]
                    for m in results.get(q["id"], []) if m["match"]]}) + "\n")
    counts: dict[str, list[int]] = {}
    for q in queries:
        name = q.get("listed", q["query"]["name"]).upper()
        alerts = [m for m in results.get(q["id"], []) if m["match"]]
        other = [m for m in alerts if m["matched_name"].upper() != name]
        c = counts.setdefault(q["category"], [0, 0, 0, 0, 0])
        c[0] += 1
        c[1] += len(other)
        c[2] += bool(other)
        c[3] += bool(alerts)
        c[4] += any(m["matched_name"].upper() == name for m in alerts)
    for category, (n, other, with_other, alerting, own) in sorted(counts.items()):
        print(f"{category:16} {n} queries: alerts on another name {other} "
              f"({other / n:.2f} a query; {with_other} queries), alerting {alerting}, "
              f"on the name {'written' if category.startswith(('exact', 'off')) else 'typed from'} {own}")


if __name__ == "__main__":
    main()
