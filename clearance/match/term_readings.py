"""English readings of an organisation's name from a term table, for any script.

The lists name many foreign companies in English (NATIONAL IRANIAN OIL COMPANY, MOSCOW
EXCHANGE) while a book holds the registered name in its own script. A term table per
language gives the business words in English; `readings` segments a name's words by the
longest term and writes each known term in English, the other words as they are (they meet
their Latin spelling by the usual romanisation). Each reading is an extra query name
beside the original, so a name that keeps a word transliterated still meets it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

__all__ = ["JOINING", "MAX_READINGS", "readings"]

#: the most readings of one name (each term with two forms doubles them)
MAX_READINGS = 4

#: words that join a name's terms: translated with them, never a reason for a reading alone
#: (a name whose only known word is "and" reads as itself)
JOINING = frozenset({"and", "in", "of", "for"})

#: (words from position i on) -> (how many words a term covers, its English forms "a|b"),
#: or None when no term starts at the first word
Lookup = Callable[[list[str]], "tuple[int, str] | None"]


def readings(words: list[str], lookup: Lookup) -> list[str]:
    """The name with its known terms in English, or none when no word is known.

    A term with two English forms ("iran|iranian") gives a reading with each; an empty
    form ("group|") a reading with the term's own words kept, a "-" one without them (a
    qualifier names leave out: "russian federation|-"). Readings combine the forms
    of every such term, up to `MAX_READINGS`, or as many as one term has forms: every
    form of every term is among them (the k-th reading gives each term its k-th form, or
    its last), since the lists write a kind of body in any of its forms (مؤسسة: LIBYAN
    INVESTMENT AUTHORITY, SYRIAN GENERAL ESTABLISHMENT ...), and a product of every term's
    forms cut at the cap left out the forms of the first term after its first ones."""
    options: list[list[str]] = []
    translated = False
    i = 0
    while i < len(words):
        found = lookup(words[i:])
        if found is not None:
            size, english = found
            kept = " ".join(words[i:i + size])
            forms = [f or kept for f in english.split("|")]
            options.append(list(dict.fromkeys("" if f == "-" else f for f in forms)))
            translated = translated or english not in JOINING
            i += size
        else:
            options.append([words[i]])
            i += 1
    if not translated:
        return []
    widest = max(len(o) for o in options)
    out = [_join(o[min(k, len(o) - 1)] for o in options) for k in range(widest)]
    # each other form of a term beside the first form of every other term: the k-th
    # readings pair the k-th forms, and never a term's first form with another's second
    # (المؤسسة العامة للنفط: "corporation ... petroleum", GENERAL PETROLEUM CORPORATION,
    # beside "corporation ... oil" and "establishment ... petroleum")
    firsts = [o[0] for o in options]
    varied = [_join([*firsts[:t], f, *firsts[t + 1:]]) for t, o in enumerate(options)
              if len(o) < widest for f in o[1:]]
    out += varied
    out += [_join(r) for r in itertools.islice(itertools.product(*options), MAX_READINGS * 2)]
    return [r for r in dict.fromkeys(out) if r][:max(widest + len(varied), MAX_READINGS)]


def _join(words: Iterable[str]) -> str:
    return " ".join(w for w in words if w)
