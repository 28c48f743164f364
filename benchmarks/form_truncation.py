"""Listed companies under names a field's width cut: at 35 characters, or in the last
word of their legal form.

usage: python benchmarks/form_truncation.py [--home DIR] [-v]

A set of its own (session 28, s28-forms; issue 11: registered company names as books
write them; banks' core systems and SWIFT's MT 50/59 lines hold 35 characters). Labelling
rule (written 2026-12-01 before the first run), every case expected to alert (threshold
0.80, top 5) on one of the entities listed with its name:
- "cut35-word" / "cut35-space": every name field of a Company or Organization on the
  bundled lists (whole, spaces collapsed) of more than 35 characters, cut to its first 35
  characters with spaces dropped from the cut's end: "-word" where the cut falls inside a
  word (the 35th and 36th characters both letters or digits), "-space" where it does not;
- "form-cut": every name N of registered_forms.py's rule (`registered_forms.listed_names`)
  with the form registered_forms' "form" case gives it where that form is written after
  the name and its last word has five letters or more, written "N <form>" with that last
  word cut to its first k letters, k drawn (a generator seeded with N's CRC-32) from 4 to
  the word's length less one for a form of one word (fewer is a word of its own: CO, COM,
  INC) and from 2 for a form of several words ("N Company Lim", "N Private Joint Stock
  Comp", "N Corpo").
Halves by `evalsets.split` of the name (the whole listed name for cut35, N for form-cut).
"""

from __future__ import annotations

import random
import re
import zlib
from collections import defaultdict

from common import run_forms_set
from registered_forms import FORMS, _pick, alert_cases, listed_names

#: the width of the field that cuts a name (SWIFT MT 50/59 lines)
WIDTH = 35


def _cut_names() -> dict[str, set[str]]:
    """Names of more than `WIDTH` characters -> the entities listed with them."""
    from clearance.store import iter_records

    found: dict[str, set[str]] = defaultdict(set)
    for r in iter_records():
        if r["schema"] in ("Company", "Organization"):
            for text in r["properties"].get("name", []):
                whole = " ".join(text.split())
                if len(whole) > WIDTH:
                    found[whole].add(r["entity_id"])
    return found


def _cut_word(form: str, seed: int) -> str | None:
    """`form` with its last word cut to k letters (the rule above), None for a form whose
    last word has fewer than five letters."""
    words = form.split()
    last = re.sub(r"[^\w]", "", words[-1])
    if len(last) < 5:
        return None
    k = random.Random(seed).randint(4 if len(words) == 1 else 2, len(last) - 1)
    return " ".join([*words[:-1], last[:k]])


def cases() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for whole, entities in sorted(_cut_names().items()):
        inside = whole[WIDTH - 1].isalnum() and whole[WIDTH].isalnum()
        query = whole[:WIDTH].rstrip()
        kind = "cut35-word" if inside else "cut35-space"
        out += [{"id": f"{whole.lower()}|{kind}", "query": query, "alert": True,
                 "entities": entities}]
    for (name, code), entities in sorted(listed_names(FORMS).items()):
        _, before, after = FORMS[code]
        form = _pick(name, (*before, *after))
        if form in before:
            continue
        cut = _cut_word(form, zlib.crc32(name.encode()))
        if cut is not None:
            out += alert_cases(name, {"form-cut": f"{name} {cut}"}, entities)
    return out


if __name__ == "__main__":
    run_forms_set(cases)
