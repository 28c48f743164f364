"""False alerts on ordinary people's names of the countries the population set leaves out.

usage: python benchmarks/population_world.py [--home DIR] [--threshold T] [--show-tuning]
       [--held-out] [--also-population] [--state-country]

The set is `evalsets.population_world_queries` (its rule: evalsets' docstring, set 7): 80
"Given Surname" names from each of the 89 countries of names-dataset that are not among
the population set's 16, screened as Person against every bundled list as `clearance
screen` screens. A query whose alerts are all unjustified (no alerted entity has a name
that corresponds to it token for token, `evalsets.token_for_token`) is a false alert; a
genuine same-name hit (a list person carrying exactly the query's name keys) must stay an
alert. A particle is aside only before a name word; an article or particle ending the
query is a name word (an article alone is no surname: `evalsets.name_tokens`), so a
one-word list name is never a genuine hit, nor a justified alert, of a two-word query
(amended in session 32). Printed for the tuning half: the totals, and per country the
queries with only unjustified alerts; `--show-tuning` lists those queries with their best
alert. The held-out half is printed only with `--held-out` (totals and per country): read
it once, at the end, never to choose a rule.

--also-population: the same for `evalsets.population_queries` (16 countries, 150 each),
the set the matcher was tuned on; its totals equal quality.py's.
--state-country: each query states the country its names were drawn from, as a bank's
row states a customer's nationality (`score.unconfirmed_omission` reads it).
--home: a CLEARANCE_HOME with the bundled lists loaded (its index is rebuilt when the
code changes); by default a temporary one is loaded from ../shared/data/lists.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import evalsets
from common import use_home
from quality import _entity_names, population_kind, screen


def _args() -> argparse.Namespace:
    p = argparse.ArgumentParser()
    p.add_argument("--home", type=Path, default=None)
    p.add_argument("--threshold", type=float, default=None)
    p.add_argument("--show-tuning", action="store_true",
                   help="list the tuning half's queries with only unjustified alerts")
    p.add_argument("--held-out", action="store_true", help="also print the held-out half")
    p.add_argument("--also-population", action="store_true",
                   help="also the 16 countries' population set, counted the same way")
    p.add_argument("--state-country", action="store_true",
                   help="each query states the country its names were drawn from")
    return p.parse_args()


def with_country(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The cases, each query stating its country (the code in its id, "popw-AE-8")."""
    return [{**c, "query": {**c["query"], "country": c["id"].split("-")[1]}} for c in cases]


def classify(cases: list[dict[str, Any]], results: dict[str, list[dict[str, Any]]],
             records: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """Case id -> (alerts, genuine), as quality.py counts them (`population_kind`)."""
    names = _entity_names(records)
    same = evalsets.same_name_people(records)
    return {c["id"]: population_kind(c, results, names, same) for c in cases}


def report(title: str, label: str, part: list[dict[str, Any]], kinds: dict[str, tuple[str, str]],
           results: dict[str, list[dict[str, Any]]], show: bool) -> None:
    counts = Counter(kinds[c["id"]][0] for c in part)
    genuine = Counter(kinds[c["id"]][1] for c in part)
    n = len(part)
    alerted = counts["justified"] + counts["unjustified"]
    print(f"# {title}, {label}: {n} queries")
    print(f"unjustified_only={counts['unjustified']} ({counts['unjustified'] / n:.4f}) "
          f"any_alert={alerted} ({alerted / n:.4f}) justified={counts['justified']} "
          f"genuine_hits_kept={genuine['kept']}/{genuine['kept'] + genuine['lost']}")
    per: Counter[str] = Counter()
    size: Counter[str] = Counter()
    for c in part:
        country = c["id"].split("-")[1]
        size[country] += 1
        per[country] += kinds[c["id"]][0] == "unjustified"
    print("per country, queries with only unjustified alerts (those with any): " + ", ".join(
        f"{k} {per[k]}/{size[k]}" for k in sorted(per, key=lambda k: (-per[k], k)) if per[k]))
    if show:
        for c in part:
            if kinds[c["id"]][1] == "lost":
                print(f"  genuine lost: {c['id']:12s} {c['query']['name']!r}")
            if kinds[c["id"]][0] != "unjustified":
                continue
            best = next(m for m in results[c["id"]] if m["match"])
            print(f"  {c['id']:12s} {c['query']['name']!r} -> {best['matched_name']!r} "
                  f"{best['score']:.3f} ({best['entity_id']})")


def main() -> None:
    args = _args()
    from clearance.index.store import ensure_index
    from clearance.match.score import DEFAULT_THRESHOLD

    threshold = args.threshold if args.threshold is not None else DEFAULT_THRESHOLD
    sets = {"population_world": evalsets.population_world_queries()}
    if args.also_population:
        sets["population"] = evalsets.population_queries()
    if args.state_country:
        sets = {title: with_country(cases) for title, cases in sets.items()}
    with tempfile.TemporaryDirectory() as tmp:
        use_home(args.home, tmp)
        index = ensure_index()
        records = evalsets.load_records()
        results = {title: screen(cases, threshold, index) for title, cases in sets.items()}
    for title, cases in sets.items():
        kinds = classify(cases, results[title], records)
        what = ("89 other countries" if title == "population_world" else "16 countries")
        print(f"## {title}: population names of {what} (generated from names-dataset, "
              f"see benchmarks/evalsets.py; threshold {threshold})")
        parts = evalsets.halves(cases)
        report(title, "tuning half (in-sample)", parts["tune"], kinds, results[title],
               args.show_tuning)
        if args.held_out:
            report(title, "held-out half", parts["test"], kinds, results[title], False)


if __name__ == "__main__":
    main()
