"""Chinese organisations on the lists, queried in Han script built from their English names.

usage: python benchmarks/zh_orgs.py [--home DIR] [-v]

A set of its own (session 18). Labelling rule: for each organisation on the bundled lists
with a Chinese or Hong Kong address (trade_csl entities; OFAC SDN and consolidated
non-individuals) whose English name splits, word for word and in order, into phrases of
this tree's Chinese tables -- business terms (`resources/zh_terms.yml`), places
(`resources/places.yml` zh) and curated brands (`resources/zh_companies.yml`) -- the Han
form is those phrases' Chinese terms in the same order (the shortest term for each
phrase), and it should match that list record at the threshold, screened as a Company
against every bundled list. Names of one phrase, or of places and legal forms only, are
left out.

How circular it is: the Han forms are built from the very tables under test, so the set
measures whether a term the table holds reads back to the listed words and then matches
(segmentation, term order, weights, the threshold), and which names the table covers at
all; it cannot show a term the table lacks, nor real registered names that differ from
a word-by-word rendering (昆仑银行 is "Bank of Kunlun"; names with "of" are left out).
The set is read from this script's tree, so a base tree is measured on the same cases.
No halves: a check, not a set to tune on. `-v` lists the misses.

--home: a CLEARANCE_HOME with the bundled lists loaded; by default a temporary one is
loaded from ../shared/data/lists.
"""

from __future__ import annotations

import csv
import gzip
import re
from pathlib import Path

import yaml
from common import SHARED, run_own_set

RESOURCES = Path(__file__).resolve().parent.parent / "clearance" / "resources"
LISTS = SHARED / "data" / "lists"
#: English legal-form spellings the lists use for the table's "co ltd"
LEGAL = {"limited": "co ltd", "ltd": "co ltd", "company limited": "co ltd",
         "co limited": "co ltd"}
#: words that make a name that is only these not worth a case
WEAK = {"co ltd", "company", "china", "group", "corporation"}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def phrase_table() -> dict[tuple[str, ...], tuple[str, str]]:
    """English phrase (words) -> (Chinese term, kind), the shortest term for a phrase."""
    out: dict[tuple[str, ...], tuple[str, str]] = {}

    def add(en: str, zh: str, kind: str) -> None:
        key = tuple(_words(en))
        if key and (key not in out or len(zh) < len(out[key][0])):
            out[key] = (zh, kind)

    terms = yaml.safe_load((RESOURCES / "zh_terms.yml").read_text())["terms"]
    for zh, en in terms.items():
        add(str(en), str(zh), "term")
    for zh, en in yaml.safe_load((RESOURCES / "places.yml").read_text())["zh"].items():
        add(str(en), str(zh), "place")
    for c in yaml.safe_load((RESOURCES / "zh_companies.yml").read_text())["companies"]:
        add(str(c["brand_en"]), str(c["brand_zh"]), "brand")
    for en, canon in LEGAL.items():
        add(en, out[tuple(canon.split())][0], "term")
    return out


def han_form(name: str, table: dict[tuple[str, ...], tuple[str, str]]) -> str | None:
    """The name's Han form, phrase by phrase (longest phrase first), or None when a word
    is not covered, or the name is one phrase or only places and legal forms."""
    words = _words(name)
    longest = max(len(k) for k in table)
    out: list[tuple[str, str, str]] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            hit = table.get(tuple(words[i:i + size]))
            if hit is not None:
                out.append((hit[0], hit[1], " ".join(words[i:i + size])))
                i += size
                break
        else:
            return None
    strong = [en for _, kind, en in out if kind != "place" and en not in WEAK
              and LEGAL.get(en) != "co ltd"]
    if len(out) < 2 or not strong:
        return None
    return "".join(zh for zh, _, _ in out)


def listed_orgs() -> list[tuple[str, str]]:
    """(source_id, English name) of the CN/HK organisations on the bundled lists."""
    csv.field_size_limit(1 << 30)
    out: list[tuple[str, str]] = []
    with gzip.open(LISTS / "trade_csl" / "consolidated.csv.gz", "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["type"] in ("", "Entity") and re.search(r"\b(CN|HK)\b", r["addresses"]):
                names = [r["name"], *[a for a in r["alt_names"].split(";") if a.strip()]]
                out += [(r["_id"], n.strip()) for n in names]
    for prim, add in (("ofac_sdn/sdn.csv", "ofac_sdn/add.csv"),
                      ("ofac_consolidated/cons_prim.csv", "ofac_consolidated/cons_add.csv")):
        with open(LISTS / prim, encoding="latin-1") as f:
            orgs = {r[0]: r[1] for r in csv.reader(f)
                    if len(r) > 3 and r[2].strip() not in ("individual", "vessel")}
        with open(LISTS / add, encoding="latin-1") as f:
            places = {r[0] for r in csv.reader(f)
                      if len(r) > 4 and ("China" in r[4] or "Hong Kong" in r[4])}
        out += [(sid, name) for sid, name in orgs.items() if sid in places]
    return out


def cases() -> list[tuple[str, str, str]]:
    """(source_id, English name, Han form), one per distinct Han form."""
    table = phrase_table()
    seen: dict[str, tuple[str, str, str]] = {}
    for sid, name in listed_orgs():
        han = han_form(name, table)
        if han is not None and han not in seen:
            seen[han] = (sid, name, han)
    return sorted(seen.values())


def run(verbose: bool) -> None:
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig

    index = ensure_index()
    cfg = ScoringConfig()
    todo = cases()
    hits = 0
    for sid, name, han in todo:
        res = match_query(index, Query(name=han, schema="Company"), cfg, limit=10)
        found = any(r.match and r.source_id == sid for r in res)
        hits += found
        if verbose and not found:
            best = f"{res[0].score:.3f} {res[0].name}" if res else "no candidate"
            print(f"miss {sid} {han} ({name}): {best}")
    print(f"zh_orgs (threshold {cfg.threshold}): recall {hits}/{len(todo)}"
          f" = {hits / max(len(todo), 1):.4f}")


def main() -> None:
    run_own_set(run)


if __name__ == "__main__":
    main()
