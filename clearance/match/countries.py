"""A country an organisation's name states at its end: "... of the Russian Federation".

State bodies and national companies are registered under names that end in their
country ("Federal Security Service of the Russian Federation", "Ministry of Atomic Energy
Industry of the DPRK"), which the lists often drop (FEDERAL SECURITY SERVICE): the
country then costs as much as a distinctive word, and the party is missed (0.55). So the
name is read without it too (`country_qualifier`), and that reading may only find a
listed party the country agrees with (`engine.match_query`: one whose countries include
it, or that has none): "Ministry of Defence of Ukraine" is not Myanmar's MINISTRY OF
DEFENCE. A place inside a name ("Bank of China Limited", "Sberbank of Russia Leasing")
is part of the name and is left alone: only a name's last words are read so.

The country names are `resources/countries.yml` (rigour's territory data: each country's
English short and official name; benchmarks/make_resources.py countries).
"""

from __future__ import annotations

import re
from functools import cache

from clearance.resources import load_resource

__all__ = ["build_country_names", "country_names", "country_qualifier"]

#: fewest words the name must keep: "Bank of Russia" stays whole
MIN_WORDS = 2
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_OF = re.compile(r"\sof\s", re.IGNORECASE)


def _key(text: str) -> str:
    """Words in lower case, apostrophes and punctuation dropped: "People's" -> "peoples"."""
    return " ".join(w.replace("'", "").replace("’", "") for w in _WORD.findall(text.lower()))


@cache
def country_names() -> dict[str, str]:
    """Country name (as `_key` writes it) -> ISO 3166 alpha-2 code, lower case."""
    return {str(k): str(v) for k, v in load_resource("countries")["names"].items()}


@cache
def _pattern() -> re.Pattern[str]:
    names = sorted(country_names(), key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"^(?P<name>.+?)\s+of\s+(?:the\s+)?(?P<country>{alternatives})$")


def country_qualifier(text: str) -> tuple[str, str] | None:
    """(the name without its last words "of [the] <country>", the country's code), or
    None when the name does not end so or too little would be left."""
    if _OF.search(text) is None:  # most names: one search, nothing built
        return None
    key = _key(text)
    m = _pattern().match(key)
    if m is None or len(m.group("name").split()) < MIN_WORDS:
        return None
    # the name as written, cut before the " of " that starts the country (its own name
    # may hold one: "Islamic Republic of Iran")
    for cut in (k.start() for k in re.finditer(r"\s+of\s", text, re.IGNORECASE)):
        rest = text[:cut].rstrip(" ,")
        if _key(rest) == m.group("name"):
            return rest, country_names()[m.group("country")]
    return None


def build_country_names() -> dict[str, str]:
    """`country_names` worked out from its source: rigour's territory data (a declared
    dependency, compiled from Wikidata and CLDR), each present-day country's English
    name and official name ("Russia", "Russian Federation"), and the acronyms among its
    names that the lists use for it (DPRK)."""
    from rigour._core import territories_jsonl
    from rigour.data import iter_jsonl_text
    from rigour.territories import get_territory

    table: dict[str, str] = {}
    for data in iter_jsonl_text(territories_jsonl()):
        territory = get_territory(str(data["code"]))
        if territory is None or not territory.is_country or territory.is_historical:
            continue
        code = str(territory.code)
        if len(code) != 2:
            continue
        names = [territory.name, territory.full_name]
        names += [str(n) for n in data.get("names_strong", [])
                  if str(n).isascii() and str(n).isupper() and 3 <= len(str(n)) <= 5]
        for name in names:
            if name and name.isascii() and "," not in name and "(" not in name:
                table.setdefault(_key(name), code)
    return dict(sorted(table.items()))
