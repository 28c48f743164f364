"""A country an organisation's name states: "... of the Russian Federation", "Russian ...".

State bodies and national companies are registered under names that end in their
country ("Federal Security Service of the Russian Federation", "Ministry of Atomic Energy
Industry of the DPRK"), which the lists often drop (FEDERAL SECURITY SERVICE): the
country then costs as much as a distinctive word, and the party is missed (0.55). So the
name is read without it too (`country_qualifier`), and that reading may only find a
listed party the country agrees with (`engine.match_query`: one whose countries include
it, or that has none): "Ministry of Defence of Ukraine" is not Myanmar's MINISTRY OF
DEFENCE. A place inside a name ("Bank of China Limited", "Sberbank of Russia Leasing")
is part of the name and is left alone: only a name's last words are read so, or a
country's adjective before it ("Russian Ministry of Defence": `country_qualifier`).

A name stating its country is also read with the country's every name in the table
(`country_spellings`): "Ministry of Defence of Russia" and "Russian Ministry of Defence"
then meet MINISTRY OF DEFENCE OF THE RUSSIAN FEDERATION, which their words alone
("russia" is not "russian federation") did not (0.75), while "Ministry of Defence of
Rwanda" stays as far from it as before. (Indexing such listed names without their
country was tried: a long name with another country's one word then alerted.)

The country names and adjectives are `resources/countries.yml` (rigour's territory data:
each country's English short and official name; countryinfo's demonyms, from Wikipedia;
benchmarks/make_resources.py countries).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import islice

from clearance.resources import load_resource

__all__ = ["build_country_adjectives", "build_country_names", "country_adjectives",
           "country_named", "country_names", "country_qualifier", "country_spellings",
           "country_suffix", "load_tables", "state_words"]

#: fewest words the name must keep: "Bank of Russia" stays whole
MIN_WORDS = 2
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
#: "of" as registered names in English and the Romance languages write it before their
#: country ("Banco Nacional de Cuba", "Banque Centrale du Congo", "Petroleos de Venezuela")
_OF_WORDS = r"(?:of|de|del|do|da|du|des|di)"
_OF = re.compile(rf"\s{_OF_WORDS}\s", re.IGNORECASE)


def _key(text: str) -> str:
    """Words in lower case, apostrophes and punctuation dropped: "People's" -> "peoples"."""
    return " ".join(w.replace("'", "").replace("’", "") for w in _WORD.findall(text.lower()))


@cache
def country_names() -> dict[str, str]:
    """Country name (as `_key` writes it) -> ISO 3166 alpha-2 code, lower case."""
    return {str(k): str(v) for k, v in load_resource("countries")["names"].items()}


@cache
def _spellings() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for name, code in country_names().items():
        out.setdefault(code, []).append(name)
    return {code: tuple(names) for code, names in out.items()}


def country_spellings(code: str) -> tuple[str, ...]:
    """Every name of the country `code` in the table, as `_key` writes it ("russia",
    "russian federation")."""
    return _spellings().get(code, ())


@cache
def country_adjectives() -> dict[str, str]:
    """A country's adjective (as `_key` writes it: "russian", "north korean") -> its code."""
    return {str(k): str(v) for k, v in load_resource("countries")["adjectives"].items()}


@cache
def _pattern() -> re.Pattern[str]:
    names = sorted(country_names(), key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"^(?P<name>.+?)\s+{_OF_WORDS}\s+(?:(?:the|la|el|l)\s+)?"
                      rf"(?P<country>{alternatives})$")


def load_tables() -> None:
    """Build the tables a name's country words are read by (`country_suffix`'s regular
    expression of every country's name: ~8-13 ms of CPU, `re`'s compiler is pure Python
    even in the compiled build; the first words and the longest name). Each is built at a
    process's first name that needs it, most often a Latin organisation's "... of X": a
    batch builds them before its workers fork (`tables.load_script_tables`), so that each
    worker does not build its own."""
    _pattern()
    _first_words()
    _most_words()


@cache
def _first_words() -> frozenset[str]:
    """The first words of the countries' adjectives and names."""
    return frozenset(k.split()[0] for k in (*country_adjectives(), *country_names()))


def country_qualifier(text: str) -> tuple[str, str] | None:
    """(the name without the country it states, the country's code): its last words
    "of [the] <country>" (`country_suffix`), else a country's adjective before it
    or its name of two words or more ("Russian Ministry of Defence", "Russian Federation
    Savings Bank"); None when it states none or too little would be left."""
    suffix = country_suffix(text)
    if suffix is not None:
        return suffix
    words = list(islice(_WORD.finditer(text), 8))  # "the", a country's name, 2 words left
    first = 1 if words and words[0].group().lower() == "the" else 0
    if len(words) <= first or _key(words[first].group()) not in _first_words():
        return None  # most names: no country's word leads them
    adjectives, names = country_adjectives(), country_names()
    for n in range(min(len(words) - first - MIN_WORDS, 5), 0, -1):  # the longest first
        key = _key(" ".join(w.group() for w in words[first:first + n]))
        # a country's adjective, or its name of two words or more ("Russian Federation
        # Savings Bank"; not "China ...": "China National Nuclear" is a company's own name)
        code = adjectives.get(key) or (names.get(key) if n > 1 else None)
        if code is not None:
            return text[words[first + n - 1].end():].strip(" ,-"), code
    return None


@cache
def state_words() -> frozenset[str]:
    """Words of a body every state has ("defence", "post", "central"): a name of them
    alone tells which state's body it is by the country it states only
    (`resources/generic_words.yml`'s `state_words`, `engine._other_country`)."""
    return frozenset(str(w) for w in load_resource("generic_words")["state_words"])


@cache
def _most_words() -> int:
    """The most words of a country's name or adjective ("islamic republic of iran")."""
    return max(len(k.split()) for k in (*country_adjectives(), *country_names()))


def country_named(text: str) -> tuple[str, str] | None:
    """(the country's code, its name or adjective as `_key` writes it) of the first
    country named whole among a name's words, the longest there ("Bank Melli Iran",
    "Iranian Oil Company", "Bank of the Islamic Republic of Iran"); None when it names
    none or is nothing but the country."""
    words = _key(text).split()
    first = _first_words()
    if len(words) < MIN_WORDS or first.isdisjoint(words):
        return None  # most names: no country's word in them
    adjectives, names = country_adjectives(), country_names()
    for i, word in enumerate(words):
        if word not in first:
            continue
        for n in range(min(len(words) - i, _most_words()), 0, -1):
            key = " ".join(words[i:i + n])
            code = names.get(key) or adjectives.get(key)
            if code is not None:
                return (code, key) if n < len(words) else None
    return None


def country_suffix(text: str) -> tuple[str, str] | None:
    """(the name without its last words "of [the] <country>", the country's code), or
    None when the name does not end so or too little would be left."""
    if _OF.search(text) is None:  # most names: one search, nothing built
        return None
    key = _key(text)
    m = _pattern().match(key)
    if m is None or len(m.group("name").split()) < MIN_WORDS:
        return None
    # the name as written, cut before the " of " (" de ") that starts the country (its own name
    # may hold one: "Islamic Republic of Iran")
    for cut in (k.start() for k in re.finditer(rf"\s+{_OF_WORDS}\s", text, re.IGNORECASE)):
        rest = text[:cut].rstrip(" ,")
        if _key(rest) == m.group("name"):
            return rest, country_names()[m.group("country")]
    return None


def build_country_names() -> dict[str, str]:
    """`country_names` worked out from its source: rigour's territory data (a declared
    dependency, compiled from Wikidata and CLDR), each present-day country's English
    name and official name ("Russia", "Russian Federation"), and the acronyms among its
    names that the lists use for it (DPRK). A name written with marks is read without
    them ("Türkiye": turkiye, "Côte d'Ivoire"), and such a country is also named by the
    ASCII names of one or two words among its strong names ("Turkey", "Ivory Coast"),
    as an English book writes it: it had no name in the table at all."""
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
        strong = [str(n) for n in data.get("names_strong", []) if str(n).isascii()]
        names = [territory.name, territory.full_name]
        names += [n for n in strong if n.isupper() and 3 <= len(n) <= 5]
        if not (territory.name.isascii() and territory.full_name.isascii()):
            names += [n for n in strong if not n.isupper() and len(n.split()) <= 2]
        for name in (_unmarked(n) for n in names if n):
            if name.isascii() and "," not in name and "(" not in name:
                table.setdefault(_key(name), code)
    return dict(sorted(table.items()))


def _unmarked(text: str) -> str:
    """`text` without its letters' marks: "Türkiye" -> "Turkiye"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


def build_country_adjectives() -> dict[str, str]:
    """`country_adjectives` worked out from its source: countryinfo's demonym of each
    country `build_country_names` holds (compiled from Wikipedia; "Antiguan,Barbudan"
    gives both). An adjective several countries share means the most populous of them
    ("Indian": India, not the British Indian Ocean Territory; "Dominican": the Dominican
    Republic)."""
    import countryinfo

    codes = set(build_country_names().values())
    best: dict[str, tuple[int, str]] = {}
    for country in countryinfo.all_countries():
        code = str(country.iso().get("alpha2", "")).lower()
        demonym = country.demonym()
        if code not in codes or not demonym:
            continue
        people = int(country.population() or 0)
        for word in str(demonym).split(","):
            key = _key(word)
            if key and word.strip().isascii() and people >= best.get(key, (-1, ""))[0]:
                best[key] = (people, code)
    return {k: code for k, (_, code) in sorted(best.items())}
