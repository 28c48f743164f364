"""Listed people named with a middle name left out, their row stating a country.

usage: python benchmarks/stated_country.py [--home DIR] [-v] [--heldout]

A bank's row often states a customer's nationality, and a country the listed person does
not record costs the score (`score.country_evidence`). This set measures what a stated
country costs and keeps: the listed people a shortened name must still find, whatever
country the row states (people live and bank away from the countries lists record).

The set (rule of 2026-12-01, session 27, written before the first run): every Person of
the bundled lists whose name (primary or alias) is written "SURNAME, Given Middle" with
one surname word and two or more given words, and which records at least one country;
the query is "Given Surname" (the middle names left out, as a book often writes a name).
Each query is screened as Person three times: stating no country, stating the first of the
person's recorded countries (agrees), and stating the first of `OTHERS` the person does
not record (conflicts: a customer of another nationality, or a book that writes the
residence). Expected: the listed entity alerts. Halves by `evalsets.split` of the case id
("sc-<dataset>-<source id>-<k>"); the held-out half only with --heldout.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import evalsets
from common import run_heldout_set
from quality import screen

#: countries a conflicting row states, the first the listed person does not record
OTHERS = ("gb", "br", "in", "us")
_SHORTENED = re.compile(r"([A-Z][A-Z'-]+), ([A-Z][a-z'-]+)( [A-Z][a-z'-]+)+")


def cases(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in records:
        countries = sorted(r["properties"].get("country", []))
        if r["schema"] != "Person" or not countries:
            continue
        names = r["properties"].get("name", []) + r["properties"].get("alias", [])
        for k, text in enumerate(n for n in names if _SHORTENED.fullmatch(n)):
            surname, rest = text.split(", ", 1)
            out.append({"id": f"sc-{r['dataset']}-{r['source_id']}-{k}",
                        "query": {"name": f"{rest.split()[0]} {surname.title()}",
                                  "schema": "Person"},
                        "agree": countries[0],
                        "other": next(c for c in OTHERS if c not in countries),
                        "expected": r["entity_id"]})
    return out


def run(verbose: bool, heldout: bool) -> None:
    from clearance.index.store import ensure_index
    from clearance.match.score import DEFAULT_THRESHOLD

    index = ensure_index()
    every = cases(evalsets.load_records())
    found: dict[str, dict[str, bool]] = {}
    for mode in ("none", "agree", "other"):
        queries = [{**c, "query": {**c["query"], **(
            {} if mode == "none" else {"country": c[mode]})}} for c in every]
        results = screen(queries, DEFAULT_THRESHOLD, index)
        found[mode] = {c["id"]: any(m["match"] and m["entity_id"] == c["expected"]
                                    for m in results.get(c["id"], [])) for c in every}
        if verbose and mode == "other":
            for c in evalsets.halves(every)["tune"]:
                if found["none"][c["id"]] and not found[mode][c["id"]]:
                    print(f"  lost stating {c['other']}: {c['query']['name']!r} ({c['id']})")
    parts = evalsets.halves(every)
    for half in ("tune", "test") if heldout else ("tune",):
        part = parts[half]
        counts = Counter(mode for mode in found for c in part if found[mode][c["id"]])
        label = "tuning half" if half == "tune" else "held-out half"
        print(f"# stated_country, {label}: {len(part)} shortened names; found (alert) "
              f"stating no country {counts['none']}, the listed one {counts['agree']}, "
              f"another {counts['other']}")


if __name__ == "__main__":
    run_heldout_set(run)
