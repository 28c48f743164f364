"""Arabic-script names of UN-listed people that no OFAC record carries, against their own Latin names.

usage: python benchmarks/arabic_unlinked.py [--home DIR] [-v]

A set of its own (session 17, issue 11), disjoint from both halves of `arabic_listed`
(quality.py): the people of the UN list with an Arabic-script name whose Latin names link
to no OFAC record (`evalsets.arabic_listed` makes a case only when one does). Labelling
rule: the UN record names one person in both scripts, so each of its Arabic-script names
should match one of the same record's Latin names of two or more words that is not a
kunya ("Abu Akram"), the generator's own rule for a name that links. Name level, as the
wikidata pairs are scored: the query is matched against an index holding only that
record's Latin names, weighted by the rarity of words on the real lists
(`quality._pair_index`). No halves: it is a check on rules made on the tuning half, not
a set to tune on. `-v` lists the misses.

--home: a CLEARANCE_HOME with the bundled lists loaded (for the word weights); by default
a temporary one is loaded from ../shared/data/lists.
"""

from __future__ import annotations

import re

import evalsets
import quality
from common import run_own_set


def _key(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))


def run(verbose: bool) -> None:
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig
    from clearance.match.text import script_of

    reference = ensure_index()
    records = evalsets.load_records()
    linked = {c["source"]["source_id"] for c in evalsets.arabic_listed(records)}
    cfg = ScoringConfig()
    cases = hits = 0
    for r in records:
        if (r["dataset"] != "un_sc_sanctions" or r["schema"] != "Person"
                or r["source_id"] in linked):
            continue
        names = r["properties"].get("name", []) + r["properties"].get("alias", [])
        arabic = [n for n in names if script_of(n) == "arabic"]
        latin = [n for n in names if script_of(n) == "latin" and len(_key(n)) >= 2
                 and evalsets._KUNYA.match(n) is None]
        if not arabic or not latin:
            continue
        record = {"entity_id": "c", "dataset": "pair", "source_id": "c", "schema": "Person",
                  "caption": latin[0], "properties": {"name": latin}}
        index = quality._pair_index(record, reference)
        for text in arabic:
            res = match_query(index, Query(name=text, schema="Person"), cfg, limit=1)
            found = bool(res) and res[0].match
            cases += 1
            hits += found
            if verbose and not found:
                best = f"{res[0].score:.3f} {res[0].explanation}" if res else "no candidate"
                print(f"miss {r['source_id']}: {text} | {latin[:3]} | {best}")
    print(f"arabic_unlinked (UN people no OFAC record carries; threshold {cfg.threshold}): "
          f"recall {hits}/{cases} = {hits / max(cases, 1):.4f}")


def main() -> None:
    run_own_set(run)


if __name__ == "__main__":
    main()
