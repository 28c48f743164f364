"""The words books write a country or a region in beside a company's name: "Hikvision UK
Limited", "Rosneft Deutschland GmbH", "Hikvision Europe B.V.".

A listed company's subsidiaries and branches register under its name with the country or
region they serve and that country's legal form. The English names and adjectives of
`resources/countries.yml` miss how such names write them: a country's short form (UK, USA,
UAE, PRC), its own name in its own language (Deutschland, España, Polska, Rossiya) and the
regions a branch serves (Europe, Asia Pacific, EMEA, Middle East). Read as countries
(`places.country_words`), they are a place only the query gives: a weak qualifier, not a
distinctive word the listed name lacks.

Built here from their sources (benchmarks/make_resources.py countries writes them to
`resources/countries.yml`; the matcher reads only that file): rigour's territory names
(acronyms, strong names), CLDR's territory names in each country's official languages and
its UN M49 regions (via babel), and the business regions below.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from clearance.match.countries import _key, build_country_adjectives, build_country_names
from clearance.resources import load_resource

__all__ = ["BUSINESS_REGIONS", "build_endonyms", "build_regions", "build_short_forms"]

#: regions companies name their branches by that CLDR has no code for (Wikipedia's articles
#: "Asia-Pacific", "EMEA", "MENA", "Latin America", "Middle East", "Benelux", "Indo-Pacific",
#: "Eurasia"); not "Nordic", as often a company's own word as its region (a "Nordic Star"
#: is not NORDIC MARITIME PTE. LTD.: a place word would leave "Star" no name's own word)
BUSINESS_REGIONS = ("apac", "asia pacific", "emea", "mena", "latam", "middle east", "benelux",
                    "indo pacific", "eurasia")
#: acronyms that spell an English word before a country (CAR: Central African Republic;
#: `countries.build_country_names` holds its strong acronym already)
_WORD_ACRONYMS = frozenset({"car"})
#: the words an acronym of a country's name may leave out ("Republic of Korea": ROK, "United
#: States of America": USA)
_SKIPPED = frozenset({"of", "the", "and"})
#: CLDR's regions no branch is named after ("world") or that are no region (United Nations)
_NO_REGION = frozenset({"001", "UN"})


def _unmarked(text: str) -> str:
    """`text` without its letters' marks: "España" -> "Espana"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


def _countries() -> Iterator[tuple[str, Any, dict[str, Any]]]:
    """(code, territory, raw data) of each present-day country in rigour's territory data,
    as `countries.build_country_names` reads them."""
    from rigour._core import territories_jsonl
    from rigour.data import iter_jsonl_text
    from rigour.territories import get_territory

    for data in iter_jsonl_text(territories_jsonl()):
        territory = get_territory(str(data["code"]))
        if territory is None or not territory.is_country or territory.is_historical:
            continue
        if len(str(territory.code)) == 2:
            yield str(territory.code), territory, data


def _initials(name: str) -> set[str]:
    """The acronyms of a name: its words' first letters, with and without "of", "the" and
    "and" ("United States of America": USA, USOA)."""
    words = _key(_unmarked(name)).split()
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in _SKIPPED)}


def build_short_forms() -> dict[str, str]:
    """Acronym (as `countries._key` writes it, its dotted spelling too: "u s a") -> code:
    the acronyms among a country's names in rigour (strong or weak; two letters only from
    its strong names) that spell its English or official name's initials (UK, US, USA, UAE,
    PRC, DRC, BVI), not those the English name table already holds (DPRK) nor an English
    word (CAR)."""
    known = build_country_names()
    out: dict[str, str] = {}
    for code, territory, data in _countries():
        initials = _initials(territory.name) | _initials(territory.full_name)
        strong = [str(n) for n in data.get("names_strong", [])]
        for name in strong + [str(n) for n in data.get("names_weak", [])]:
            letters = name.replace(".", "").replace(" ", "")
            if not (letters.isascii() and letters.isalpha() and letters.isupper()):
                continue
            if not 2 <= len(letters) <= 5 or len(letters) == 2 and name not in strong:
                continue
            acronym = letters.lower()
            if acronym in initials and acronym not in _WORD_ACRONYMS:
                for key in (acronym, " ".join(acronym)):
                    if key not in known:
                        out.setdefault(key, code)
    return dict(sorted(out.items()))


def build_endonyms() -> dict[str, str]:
    """A country's own name (as `countries._key` writes it, marks dropped) -> code: CLDR's
    name of the country in each of its official languages written in Latin letters
    (babel: Deutschland, España, Italia, Polska, Türkiye) and rigour's strong names of one
    Latin word of four letters or more (Rossiya, Zhongguo, Nippon), not a word people bear
    as a name (`resources/population_names.yml`: "Mann" of the Isle of Man), nor an
    ordinary word of place names (`resources/places.yml`'s `generic_words`: Iceland's
    "Ísland"), nor a name or adjective the English tables already hold."""
    from babel import Locale, UnknownLocaleError
    from babel.languages import get_official_languages

    known = set(build_country_names()) | set(build_country_adjectives())
    generic = {str(w) for w in load_resource("places")["generic_words"]}
    people = {str(n) for names in load_resource("population_names")["bands"].values()
              for n in (names.split() if isinstance(names, str) else names)}
    out: dict[str, str] = {}

    def add(name: str, code: str) -> None:
        key = _key(_unmarked(name))
        if (key and key.isascii() and "&" not in name and "(" not in name and "," not in name
                and key not in known and key not in generic):
            out.setdefault(key, code)

    for code, _territory, data in _countries():
        for language in get_official_languages(code.upper(), de_facto=True):
            try:
                name = Locale.parse(language).territories.get(code.upper())
            except (UnknownLocaleError, ValueError):
                continue
            if name:
                add(str(name), code)
        for strong in (str(n) for n in data.get("names_strong", [])):
            word = _unmarked(strong)
            if (word.isascii() and word.isalpha() and not word.isupper() and len(word) >= 4
                    and word.lower() not in people):
                add(word, code)
    return dict(sorted(out.items()))


def build_regions() -> list[str]:
    """The regions a branch names (as `countries._key` writes them): CLDR's UN M49 regions
    in English (babel: Europe, Asia, Latin America, Western Asia) and the European Union,
    but the world and the United Nations, and `BUSINESS_REGIONS`."""
    from babel import Locale

    names = Locale("en").territories
    cldr = {_key(str(v)) for k, v in names.items()
            if (k.isdigit() or k == "EU") and k not in _NO_REGION}
    return sorted((cldr | set(BUSINESS_REGIONS)) - set(build_country_names()))

