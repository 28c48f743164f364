"""Listed companies under a registered name in the style of a country other than their own:
a group's company registered in India or Malaysia carries the group's name with that
register's form.

usage: python benchmarks/registered_abroad.py [--home DIR] [-v]   (print the tuning half:
`| grep '^tune'`; the held-out half is read once, at a session's end)

A set of its own (session 36, s36-reg; issue 11: "registered company names in the forms
companies actually use ... with province/city and legal form"). registered_styles.py asks
each country's styles only of the names listed with that country, and the lists name one
Indian company and five Malaysian ones of its rule: too few to say how those styles fare.
Labelling rule (written 2026-12-02 before the first run): every name N of
registered_forms.py's rule (`registered_forms.listed_names` over registered_forms' and
registered_styles' countries: a Company or Organization giving exactly one country, N of
one to six words, none a word of a legal form or a country's name), N none of whose words
is a word of the styles below, and one name in eight (the first byte of SHA-256 of N, 0
modulo 8: a stable sample, to keep the set small), is queried as an Organization in each
style, each expected to alert (threshold 0.80, top 5) on one of the entities listed with N.
The styles (registered_styles.py's, public knowledge, written before any run; nothing tuned
on either half):
- in (Companies Act 2013, s. 2(68): a private company's name ends "Private Limited",
  abbreviated "Pvt. Ltd."): 'N Private Limited', 'N Pvt. Ltd.';
- my (Companies Act 2016 of Malaysia, s. 27: a private company's name ends "Sendirian
  Berhad", "Sdn. Bhd."): 'N Sdn. Bhd.', 'N Sendirian Berhad'.
Each style is a form "<country>-<k>" (k its place in the list). Halves by `evalsets.split`
of N (a name's forms in one half).
"""

from __future__ import annotations

import hashlib

from common import run_forms_set
from registered_forms import FORMS, _key, alert_cases, listed_names
from registered_styles import STYLES

#: the styles asked of every sampled name, "{}" where the listed name stands
ABROAD: dict[str, tuple[str, ...]] = {code: STYLES[code] for code in ("in", "my")}


def _sampled(name: str) -> bool:
    return hashlib.sha256(name.encode()).digest()[0] % 8 == 0


def cases() -> list[dict[str, object]]:
    style_words = {w for styles in ABROAD.values() for style in styles
                   for w in _key(style.replace("{}", " ")).split()}
    table = {code: ("", (), ()) for code in {*FORMS, *STYLES}}
    names: dict[str, set[str]] = {}
    for (name, _), entities in listed_names(table).items():
        names.setdefault(name, set()).update(entities)
    out: list[dict[str, object]] = []
    for name, entities in sorted(names.items()):
        if style_words.intersection(name.split()) or not _sampled(name):
            continue
        queries = {f"{code}-{k}": style.format(name.title())
                   for code, styles in ABROAD.items() for k, style in enumerate(styles)}
        out += alert_cases(name, queries, entities)
    return out


if __name__ == "__main__":
    run_forms_set(cases)
