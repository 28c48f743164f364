"""Russian organisation names: translate the business and state words listed names translate.

The lists name many Russian companies and state bodies in English only (FEDERAL SECURITY
SERVICE, MOSCOW EXCHANGE), while a Russian book holds the registered name in Cyrillic
(Федеральная служба безопасности, ПАО «Московская биржа»). Romanised, those words meet a
transliterated listed name (OBEDINENNAYA SUDOSTROITELNAYA KORPORATSIYA) but never a
translated one. The term table (`resources/cyrillic_terms.yml`) gives them in English;
Russian inflects them (федеральная, федерального, федеральной), so the table holds stems
and a word matches a stem followed by an inflection ending (`ENDINGS`). Each reading is an
extra query name (`term_readings.readings`): the original is still compared.
"""

from __future__ import annotations

import re
from functools import cache

from clearance.match.term_readings import readings
from clearance.resources import load_resource

__all__ = ["ENDINGS", "english_names", "fold_word", "place_stem", "stems", "terms"]

#: endings of Russian adjectives and nouns in their cases and numbers, and of their
#: spellings without й (OFAC's ROSSISKI, KOMMERCHESKI: российский, коммерческий)
ENDINGS = frozenset({
    "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й", "ая", "яя", "ое", "ее", "ый", "ий", "ой",
    "ей", "ую", "юю", "ые", "ие", "ых", "их", "ым", "им", "ом", "ем", "ах", "ях", "ов", "ев",
    "ам", "ям", "ью", "ия", "ию", "ии", "ого", "его", "ому", "ему", "ыми", "ими", "ами", "ями",
})
_WORD = re.compile(r"[^\W_]+")
#: the endings of adjectives formed from place names (краснодарский, хабаровская)
_PLACE_ENDINGS = ("ий", "ый", "ой", "ая", "ое", "ого", "ому", "ом", "ую", "ие", "ые", "их",
                  "ых", "им", "ым", "ими", "ыми", "и", "ы")
#: the shortest stem read (shorter ones match too many words by chance)
_STEM_MIN = 3


@cache
def terms() -> dict[tuple[str, ...], str]:
    """Stems of a term's words -> its English forms ("a|b")."""
    table = load_resource("cyrillic_terms")["terms"]
    return {tuple(fold_word(w) for w in str(k).split()): str(v) for k, v in table.items()}


def fold_word(word: str) -> str:
    """A Russian word as the table is read: lower case, ё as е, soft and hard signs left
    out (транспортный and a romanisation's "transportny" written back without them)."""
    return word.lower().replace("ё", "е").replace("ь", "").replace("ъ", "")


@cache
def _by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Terms by their first stem, longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, english in sorted(terms().items(), key=lambda kv: -len(kv[0])):
        out.setdefault(key[0], []).append((key, english))
    return out


def stems(word: str) -> set[str]:
    """The stems a Russian word may have: itself, and it less any inflection ending that
    leaves `_STEM_MIN` letters or more."""
    out = {word}
    for k in range(1, 4):
        if len(word) - k >= _STEM_MIN and word[-k:] in ENDINGS:
            out.add(word[:-k])
    return out


def place_stem(word: str) -> str | None:
    """The place an adjective names: краснодарский is of Краснодар, казанский of Казань
    (the lists write KRASNODAR, KAZAN HELICOPTERS); khabarovsky already meets KHABAROVSK.
    None for a word that is no such adjective, or an -ic adjective (механический)."""
    for ending in _PLACE_ENDINGS:
        if word.endswith("ск" + ending) and not word.endswith("ческ" + ending):
            stem = word[:-2 - len(ending)]
            return stem if len(stem) >= 3 else None
    return None


def _longest(words: list[str]) -> tuple[int, str] | None:
    """The longest term the words start with: (its words, its English forms); else a
    place's adjective read as the adjective or the place (`place_stem`)."""
    firsts = _by_first()
    found: tuple[int, str] | None = None
    word_stems = [stems(w) for w in words[:6]]
    for stem in word_stems[0]:
        for key, english in firsts.get(stem, ()):
            if len(key) <= len(word_stems) and (found is None or len(key) > found[0]) and all(
                    key[k] in word_stems[k] for k in range(1, len(key))):
                found = (len(key), english)
    if found is None and len(words[0]) >= 6:
        place = place_stem(words[0])
        if place is not None:
            found = (1, f"{words[0]}|{place}")
    return found


def english_names(text: str) -> list[str]:
    """The name with its known business words in English ("пао moscow exchange" for
    ПАО «Московская биржа": the abbreviated legal form is read as one where the name is
    prepared), or none when no word is known."""
    words = [fold_word(w) for w in _WORD.findall(text)]
    return readings(words, _longest)
