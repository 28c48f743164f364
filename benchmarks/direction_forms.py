"""Listed organisations named by a place that a word of direction tells apart, queried with
the other direction.

usage: python benchmarks/direction_forms.py [--home DIR] [-v]

A set of its own (session 23, s23-orgs). Labelling rule (written 2026-11-30 before the
first run): every name of an entity on the bundled lists that is no person, vessel or
aircraft (each name field whole, and without a trailing parenthesis), holding a word of
direction (north, south, east, west, northern, southern, eastern, western, upper, lower)
directly before a word that names a place (`places.place_at` of that next word: the
gazetteer, countries' names and adjectives) gives a case N. N is queried as an
Organization with its first such word replaced by the opposite one (north and south, east
and west, their adjectives, upper and lower): "Mujahidin of Western Indonesia" for
MUJAHIDIN OF EASTERN INDONESIA, "South Korean Zinc Industry Group". Form "other-direction":
expected NOT to alert on the entities listed with N and not under the new name (threshold
0.80, top 5): another direction names another place, and so another party (other parties
may alert, those listed under the new name among them: a list may give a party both as
aliases; a probe of the scratch tree, before any run of the set, showed one such).
Halves by `evalsets.split` of N.

Form "same-direction" (added session 24, rule written before its first run): N queried with
that word replaced by the other word of the same compass point (north and northern, south
and southern, east and eastern, west and western; upper and lower have none): "Mujahidin
of East Indonesia". Expected to alert on an entity listed with N: one direction written
two ways names the same place.
"""

from __future__ import annotations

import re
from collections import defaultdict

from common import run_forms_set

_OPPOSITE = {"north": "south", "east": "west", "northern": "southern",
             "eastern": "western", "upper": "lower"}
OPPOSITE = {**_OPPOSITE, **{b: a for a, b in _OPPOSITE.items()}}
_SAME = {"north": "northern", "south": "southern", "east": "eastern", "west": "western"}
SAME = {**_SAME, **{b: a for a, b in _SAME.items()}}


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower().replace("'", "").replace("’", ""))


def cases() -> list[dict[str, object]]:
    from clearance.match.places import place_at
    from clearance.store import iter_records

    found: dict[str, set[str]] = defaultdict(set)
    same: dict[str, set[str]] = defaultdict(set)
    for r in iter_records():
        if r["schema"] in ("Person", "Sanction", "Ownership", "Vessel", "Airplane"):
            continue
        for text in r["properties"].get("name", []) + r["properties"].get("alias", []):
            for whole in {text, re.sub(r"\s*\([^()]*\)\s*$", "", text)}:
                words = _words(whole)
                at = [j for j in range(len(words) - 1)
                      if words[j] in OPPOSITE and place_at(tuple(words), j + 1)]
                if at:
                    name = " ".join(words)
                    word = words[at[0]]
                    words[at[0]] = OPPOSITE[word]
                    found[name + "|" + " ".join(words)].add(r["entity_id"])
                    if word in SAME:
                        words[at[0]] = SAME[word]
                        same[name + "|" + " ".join(words)].add(r["entity_id"])
    named: dict[str, set[str]] = defaultdict(set)  # a name -> the entities listed with it
    for key, entities in found.items():
        named[key.split("|")[0]] |= entities
    out: list[dict[str, object]] = []
    for key, entities in sorted(found.items()):
        name, query = key.split("|")
        others = entities - named.get(query, set())
        if others:
            out.append({"id": f"{name}|other-direction", "query": query, "alert": False,
                        "entities": others})
    for key, entities in sorted(same.items()):
        name, query = key.split("|")
        out.append({"id": f"{name}|same-direction", "query": query, "alert": True,
                    "entities": entities})
    return out


if __name__ == "__main__":
    run_forms_set(cases)
