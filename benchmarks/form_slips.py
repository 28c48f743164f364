"""Listed companies with a slip in their legal form, or with a form written before the name
as Ukraine, Indonesia and Kyrgyzstan write it.

usage: python benchmarks/form_slips.py [--home DIR] [-v]

A set of its own (session 26, s26-forms; issue 11: legal forms as real books write them,
and slipped typing). Labelling rule (written 2026-12-01 before the first run): every name
N of registered_forms.py's rule (`registered_forms.listed_names`: a Company or
Organization giving exactly one country C, N of one to six words, none a word of a legal
form or a country's name), C one of registered_forms' `FORMS` countries or of `MORE`, N
none of whose words is a word of `MORE`'s forms, is queried as an Organization, expected
to alert (threshold 0.80, top 5) on one of the entities listed with N:
- "slipped-form" (C of `FORMS`): N with the form registered_forms' "form" case gives it
  (`registered_forms._pick`), placed as C writes it, with one slip in the form's letters
  (typos.py's `slip`: a substitution, deletion, insertion or swap at a letter, drawn by a
  generator seeded with N's CRC-32): "N Sdn. Bhf.", "OOL N";
- "more-form" (C of `MORE`): N with one of `MORE`'s forms of C (picked as
  registered_forms picks), before the name: "Pryvatne Aktsionerne Tovarystvo N", "PT N".
Halves by `evalsets.split` of N. The forms of `MORE` are the forms of those countries'
company law (Ukraine's Law "On Joint Stock Companies": PAT and PrAT, public and private
joint stock companies, in the national transliteration; Indonesia's PT, perseroan
terbatas; Kyrgyzstan's OsOO, the limited liability company), written before any run.
"""

from __future__ import annotations

import random
import zlib

from common import run_forms_set
from registered_forms import FORMS, _key, _pick, alert_cases, listed_names
from typos import slip

#: country -> (no city, forms written before the name, none after): forms registered_forms
#: lacks
MORE: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "ua": ("", ("Publichne Aktsionerne Tovarystvo", "Pryvatne Aktsionerne Tovarystvo",
                "PrAT", "Aktsionerne Tovarystvo"), ()),
    "id": ("", ("PT",), ()),
    "kg": ("", ("OsOO",), ()),
}


def cases() -> list[dict[str, object]]:
    more_words = {w for _, before, _ in MORE.values() for form in before
                  for w in _key(form).split()}
    out: list[dict[str, object]] = []
    for (name, code), entities in sorted(listed_names({**FORMS, **MORE}).items()):
        if more_words.intersection(name.split()):
            continue
        queries: dict[str, str] = {}
        if code in FORMS:
            _, before, after = FORMS[code]
            form = _pick(name, (*before, *after))
            slipped = slip(form, random.Random(zlib.crc32(name.encode())))
            queries["slipped-form"] = (f"{slipped} {name}" if form in before
                                       else f"{name} {slipped}")
        if code in MORE:
            queries["more-form"] = f"{_pick(name, MORE[code][1])} {name}"
        out += alert_cases(name, queries, entities)
    return out


if __name__ == "__main__":
    run_forms_set(cases)
