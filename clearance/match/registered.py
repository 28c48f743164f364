"""Registered names' abbreviated phrases: "X San. ve Tic. Ltd. Şti." is "X Sanayi ve
Ticaret Ltd. Şti.", as other registered names and the lists spell it.

A register's style abbreviates words only where they stand in a phrase of its own (a
Turkish name's "San. ve Tic.", industry and trade): the phrase is read in full, both on
the listed side and in a query, so that one name written both ways is one name (the full
words are generic words of commerce, `resources/generic_words.yml`). The short words
alone keep their letters: SAN and TIC are words of other names. The phrases are
`resources/register_words.yml`, each sourced there.
"""

from __future__ import annotations

from functools import cache

from clearance.resources import load_resource

__all__ = ["spell_out"]


@cache
def _phrases() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Abbreviated phrase -> its words in full: ('san', 've', 'tic') -> sanayi ve ticaret."""
    return {tuple(str(k).split()): tuple(str(v).split())
            for k, v in load_resource("register_words")["phrases"].items()}


def spell_out(tokens: list[str]) -> list[str]:
    """A name's tokens with each abbreviated phrase of a register's style written in full
    where all its words stand together ("acme san ve tic ltd sti" -> "acme sanayi ve
    ticaret ltd sti"); any other token as it is."""
    if _firsts().isdisjoint(tokens):
        return tokens
    phrases = _phrases()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for short, full in phrases.items():
            if tuple(tokens[i:i + len(short)]) == short:
                out.extend(full)
                i += len(short)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


@cache
def _firsts() -> frozenset[str]:
    """The first words of the abbreviated phrases (a quick test that a name holds none)."""
    return frozenset(short[0] for short in _phrases())
