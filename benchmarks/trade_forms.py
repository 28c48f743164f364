"""Listed businesses named by their trade, under the other ways a book writes the trade.

usage: python benchmarks/trade_forms.py [--home DIR] [-v]

A set of its own (session 22). Labelling rule (written 2026-11-30 before the first run):
every name of an entity on the bundled lists that is no person, vessel or aircraft (each
name field whole, and without a trailing parenthesis), of two to five words, whose last word
and no other is a word of a trade T (the `industries` table of
`resources/generic_words.yml`: "bank", "shipping", "airlines" ...), and another of which
has four letters or more and is no generic word, stopword or trade word of that file,
gives a case N (the name), for the entities listed with it. (Amended after the first run,
on the base tree, whose misses showed that the rule, which first took T anywhere in the
name, made unnatural tails: "abar service sal - lebanese petroleum" of ABAR PETROLEUM
SERVICE SAL.) The set reads the trade table the matcher's rule reads (`orgs.industry`):
it measures what the rule does with the table, not how much of the world's trades the
table holds.
Each N is queried as an Organization in three forms:
- "tail" (expected to alert on one of those entities, threshold 0.80, top 5): N without T,
  a dash, the adjective of the entity's first country (code order) that
  `resources/countries.yml` gives one, and T ("Aeroflot - Russian Airlines"); names whose
  entities name no such country give no tail case;
- "added" (expected to alert): N followed by "and Trading", a style books add to a
  business's name ("X Shipping and Trading");
- "other-trade" (expected NOT to alert on those entities; other parties may): N with T
  replaced by the first word of the next trade in the table's order ("X Shipping" for
  "X Airlines"): two businesses in two trades that share a name are two businesses;
- "same-trade" (expected to alert; added by session 22's s22-trades before its first run):
  N with T replaced by the word after it in its trade's list in the table, the first after
  the last ("X Banking" for "X Bank", "X Bank" for "X Bancorp"): one trade written another
  way, as the table reads it.
Amended by session 23's s23-orgs before its first run, when the table let a word name
several trades ("oil": crude and refined petroleum): a word's trade T is the first in the
table's order that holds it; "other-trade" takes the first word of the next trade after T
in the table's order (round to the first) that names none of the word's trades ("X Gas"
for "X Oil", "X Shipbuilding" for "X Shipping"); "same-trade" the word after it in T's list.
Halves by `evalsets.split` of N (a name's forms in one half). The tables are read from this
tree's resource files and the names parsed here, so the same cases run on a base tree.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import yaml
from common import run_forms_set

RESOURCES = Path(__file__).resolve().parent.parent / "clearance" / "resources"


def _key(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower().replace("'", "").replace("’", "")))


def _tables() -> tuple[dict[str, list[str]], frozenset[str], dict[str, str]]:
    """trade -> its words (in the table's order), the generic words and stopwords, country
    code -> its first adjective."""
    generic = yaml.safe_load((RESOURCES / "generic_words.yml").read_text(encoding="utf-8"))
    words_of = {str(t): [str(w) for w in words] for t, words in generic["industries"].items()}
    common = frozenset(map(str, generic["words"] + generic["stopwords"]))
    countries = yaml.safe_load((RESOURCES / "countries.yml").read_text(encoding="utf-8"))
    adjectives: dict[str, str] = {}
    for adjective, code in countries["adjectives"].items():
        adjectives.setdefault(str(code), str(adjective))
    return words_of, common, adjectives


def cases() -> list[dict[str, object]]:
    from clearance.store import iter_records

    words_of, common, adjectives = _tables()
    order = list(words_of)
    trades: dict[str, str] = {}  # word -> the first trade that holds it
    named: dict[str, set[str]] = defaultdict(set)  # word -> every trade that holds it
    for trade, words in words_of.items():
        for word in words:
            trades.setdefault(word, trade)
            named[word].add(trade)
    found: dict[str, set[str]] = defaultdict(set)
    country: dict[str, str] = {}
    for r in iter_records():
        if r["schema"] in ("Person", "Sanction", "Ownership", "Vessel", "Airplane"):
            continue
        codes = sorted(c for c in r["properties"].get("country", []) if c in adjectives)
        for text in r["properties"].get("name", []) + r["properties"].get("alias", []):
            for whole in {text, re.sub(r"\s*\([^()]*\)\s*$", "", text)}:
                words = _key(whole).split()
                if (not 2 <= len(words) <= 5 or words[-1] not in trades
                        or sum(w in trades for w in words) != 1):
                    continue
                if not any(len(w) >= 4 and w not in common and w not in trades for w in words):
                    continue
                name = " ".join(words)
                found[name].add(r["entity_id"])
                if codes and name not in country:
                    country[name] = codes[0]
    out: list[dict[str, object]] = []
    for name, entities in sorted(found.items()):
        words = name.split()
        trade = trades[words[-1]]
        after = [order[(order.index(trade) + k) % len(order)] for k in range(1, len(order))]
        other = next(words_of[t][0] for t in after
                     if not named[words_of[t][0]] & named[words[-1]])
        rest = " ".join(words[:-1])
        same = words_of[trade]
        forms = {"added": (f"{name} and trading", True),
                 "other-trade": (f"{rest} {other}", False),
                 "same-trade": (f"{rest} {same[(same.index(words[-1]) + 1) % len(same)]}",
                                True)}
        if name in country:
            forms["tail"] = (f"{rest} - {adjectives[country[name]]} {words[-1]}", True)
        for form, (query, alert) in forms.items():
            out.append({"id": f"{name}|{form}", "query": query, "alert": alert,
                        "entities": entities})
    return out


if __name__ == "__main__":
    run_forms_set(cases)
