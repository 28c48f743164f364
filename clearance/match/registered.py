"""Registered names' abbreviated phrases: "X San. ve Tic. Ltd. Şti." is "X Sanayi ve
Ticaret Ltd. Şti.", as other registered names and the lists spell it.

A register's style abbreviates words only where they stand in a phrase of its own (a
Turkish name's "San. ve Tic.", industry and trade; "Ith. ve Ihr.", import and export): the
phrase is read in full, both on the listed side and in a query, so that one name written
both ways is one name (the full words are generic words of commerce,
`resources/generic_words.yml`). The short words alone keep their letters: SAN and TIC are
words of other names. A place the registers abbreviate is read in full the same way: "HK"
and "H.K." of "X (HK) Limited" are Hong Kong, "St." of "St. Petersburg" and "Sankt" of
"Sankt-Peterburg" Saint, where the place's other words follow. The phrases are
`resources/register_words.yml`, each sourced there; the places "St X" and "Sankt X" are
those of `resources/places.yml` named after a saint (`places.saint_places`).

A register's activity phrase ("Sanayi ve Ticaret", "Import and Export") says what the
company may trade in, as one word of general commerce does: where it stands whole, its
words after the first cost nothing (`phrase_goes_on`), as a place's do.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from clearance.match.places import saint_places, saint_spellings, stands_whole
from clearance.resources import load_resource

__all__ = ["phrase_goes_on", "spell_out"]


@cache
def _phrases() -> dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    """An abbreviated phrase's first word -> its phrases (longest first), each with its
    words in full: san -> (('san', 've', 'tic'), ('sanayi', 've', 'ticaret')), ...; a
    place's abbreviation (hk -> hong kong) and a place "St X" or "Sankt X" (-> saint x)
    among them."""
    data = load_resource("register_words")
    pairs = [(tuple(str(k).split()), tuple(str(v).split()))
             for section in ("phrases", "places") for k, v in data[section].items()]
    # a place named after a saint, in each spelling of Saint: "st" and "sankt" of "St.
    # Petersburg", "Sankt-Peterburg" (`places.saint_spellings`) read "saint"
    pairs += [((saint, *tail), ("saint", *tail)) for saint in sorted(saint_spellings())
              for tail in sorted(tuple(p.split()[1:]) for p in saint_places())]
    out: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for short, full in pairs:
        out.setdefault(short[0], []).append((short, full))
    return {w: tuple(sorted(p, key=lambda sf: -len(sf[0]))) for w, p in out.items()}


def spell_out(tokens: list[str]) -> list[str]:
    """A name's tokens with each abbreviated phrase of a register's style written in full
    where all its words stand together ("acme san ve tic ltd sti" -> "acme sanayi ve
    ticaret ltd sti"; "acme hk ltd" -> "acme hong kong ltd"); any other token as it is."""
    phrases = _phrases()
    if phrases.keys().isdisjoint(tokens):
        return tokens
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for short, full in phrases.get(tokens[i], ()):
            if tuple(tokens[i:i + len(short)]) == short:
                out.extend(full)
                i += len(short)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


@cache
def _activities() -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """A word of a register's activity phrase, not its first (`register_words.yml`'s
    `activities`: "ve", "ticaret" of "sanayi ve ticaret") -> the phrases holding it, each
    with the word's place in it."""
    out: dict[str, set[tuple[tuple[str, ...], int]]] = {}
    for phrase in load_resource("register_words")["activities"]:
        words = tuple(str(phrase).split())
        for k in range(1, len(words)):
            out.setdefault(words[k], set()).add((words, k))
    return {w: tuple(sorted(p)) for w, p in out.items()}


def phrase_goes_on(tokens: Sequence[str], i: int) -> bool:
    """Whether the word at `i` is a word after the first of a register's activity phrase
    whose words all stand there together ("ticaret" of "X Sanayi ve Ticaret A.Ş.",
    "export" of "X Import and Export Co."): the phrase is charged once, at its first
    word, as a place is."""
    return stands_whole(_activities(), tokens, i)
