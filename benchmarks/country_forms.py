"""Listed state bodies and national companies under the other ways a book writes their country.

usage: python benchmarks/country_forms.py [--home DIR] [-v]

A set of its own (session 20). Labelling rule (written 2026-11-30 before the first run):
every name of a non-person entity on the bundled lists (each name field whole, and without
a trailing parenthesis) that ends in "of [the] <country>", where <country> is a name of a
country in `resources/countries.yml` (rigour's names) and the entity's countries include
it, gives its rest R (two words or more) and its country C. Each (R, C) is queried as an
Organization in two positive forms: "R of <C's other name>" (the short name where the list
wrote the official one, else the first other name of C the table holds) and "<C's
adjective> R" (the table's first adjective of C), each expected to alert (threshold 0.80,
top 5) on an entity listed with that name; and in two negative forms with another country
D (the country after C in code order that has an adjective): "R of <D's short name>" and
"<D's adjective> R", each expected NOT to alert on those entities (other parties may).
Halves by `evalsets.split` of "R|C" (a body's four forms in one half). The reading
(`countries.country_qualifier`, the index's names without their country) was written
before this set from a handful of probes; nothing was tuned on either half.

The table is read from this tree's resource file and the names are parsed here, not by
`clearance.match.countries`, so the same cases run on a base tree that lacks the reading.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import yaml
from common import run_forms_set

TABLE = Path(__file__).resolve().parent.parent / "clearance" / "resources" / "countries.yml"


def _key(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower().replace("'", "").replace("’", "")))


def _table() -> tuple[dict[str, str], dict[str, list[str]], dict[str, list[str]]]:
    data = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    names: dict[str, str] = data["names"]
    by_code: dict[str, list[str]] = defaultdict(list)
    for name, code in names.items():
        by_code[code].append(name)
    adjectives: dict[str, list[str]] = defaultdict(list)
    for adjective, code in data["adjectives"].items():
        adjectives[code].append(adjective)
    return names, dict(by_code), dict(adjectives)


def cases() -> list[dict[str, object]]:
    from clearance.store import iter_records

    names, by_code, adjectives = _table()
    ending = re.compile(r"^(?P<rest>.+?) of (?:the )?(?P<country>"
                        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                        + ")$")
    codes = sorted(c for c in by_code if c in adjectives)
    found: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r in iter_records():
        if r["schema"] in ("Person", "Sanction", "Ownership"):
            continue
        countries = set(r["properties"].get("country", []))
        for text in r["properties"].get("name", []) + r["properties"].get("alias", []):
            for whole in {text, re.sub(r"\s*\([^()]*\)\s*$", "", text)}:
                m = ending.match(_key(whole))
                if m is None or len(m.group("rest").split()) < 2:
                    continue
                code = names[m.group("country")]
                if code in countries and code in adjectives:
                    found[(m.group("rest"), m.group("country"), code)].add(r["entity_id"])
    out: list[dict[str, object]] = []
    for (rest, written, code), entities in sorted(found.items()):
        others = [n for n in by_code[code] if n != written]
        other = min(others, key=len) if others else written
        d = codes[(codes.index(code) + 1) % len(codes)]
        d_name = min(by_code[d], key=len)
        base = f"{rest}|{code}"
        out += [
            {"id": f"{base}|name", "query": f"{rest} of {other}", "alert": True},
            {"id": f"{base}|adjective", "query": f"{adjectives[code][0]} {rest}", "alert": True},
            {"id": f"{base}|other-name", "query": f"{rest} of {d_name}", "alert": False},
            {"id": f"{base}|other-adjective", "query": f"{adjectives[d][0]} {rest}",
             "alert": False},
        ]
        for case in out[-4:]:
            case["entities"] = entities
    return out


if __name__ == "__main__":
    run_forms_set(cases)
