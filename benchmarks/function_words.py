"""Listed organisations' names that hold a function word, written without it.

usage: python benchmarks/function_words.py [--home DIR] [-v]

A set of its own (session 24, s24-function; issue 11: "Bank Industry and Mine", a Persian
registered name read in English, was capped against BANK OF INDUSTRY AND MINE).
Labelling rule (written 2026-11-30 before the first run): every name of an entity on the
bundled lists that is no person, vessel or aircraft (each name or alias field whole, and
without a trailing parenthesis), of three to eight words, with a word of `FUNCTION`
between two other words (neither its first nor its last word), gives a case N (the name,
lower case, punctuation dropped), for the entities listed with it. (Amended after the
first run, on the base tree, whose misses showed that the rule read legal forms and
initials written letter by letter as words: "s a de c v" of S.A. DE C.V., "d and s
international": the nearest other word on each side of the function word has two letters
or more.) `FUNCTION` holds the
articles, prepositions and conjunctions that English, the Romance languages and German
write between the words of a registered name (of, and, the, for, de, la, et, und ...);
not the Arabic article and particles (al, el, bin, abu: a person's name holds them), nor
van and von (a family name begins with them). Each N is queried as an Organization in two
forms, both expected to alert on one of N's entities (threshold 0.80, top 5): a book may
write a registered name without its function words, as a name read from another script
does:
- "first": N without the first function word that stands between two other words;
- "all": N without every function word that stands between two other words.
Halves by `evalsets.split` of N (a name's forms in one half).
"""

from __future__ import annotations

import re
from collections import defaultdict

from common import run_forms_set

#: the function words of the rule (see the module doc)
FUNCTION = frozenset({
    "of", "and", "the", "for", "de", "del", "della", "la", "le", "les", "des", "du", "da",
    "do", "dos", "das", "di", "y", "e", "et", "und", "der", "die", "den"})


def _key(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower().replace("'", "").replace("’", "")))


def _inner(words: list[str]) -> list[int]:
    """Positions of the function words between two other words of two letters or more
    (the nearest other word on each side)."""
    out = []
    for k in range(1, len(words) - 1):
        before = [w for w in words[:k] if w not in FUNCTION]
        after = [w for w in words[k + 1:] if w not in FUNCTION]
        if words[k] in FUNCTION and before and after and min(
                len(before[-1]), len(after[0])) >= 2:
            out.append(k)
    return out


def cases() -> list[dict[str, object]]:
    from clearance.store import iter_records

    found: dict[str, set[str]] = defaultdict(set)
    for r in iter_records():
        if r["schema"] in ("Person", "Sanction", "Ownership", "Vessel", "Airplane"):
            continue
        for text in r["properties"].get("name", []) + r["properties"].get("alias", []):
            for whole in {text, re.sub(r"\s*\([^()]*\)\s*$", "", text)}:
                words = _key(whole).split()
                if 3 <= len(words) <= 8 and _inner(words):
                    found[" ".join(words)].add(r["entity_id"])
    out: list[dict[str, object]] = []
    for name, entities in sorted(found.items()):
        words = name.split()
        inner = _inner(words)
        forms = {"first": [w for k, w in enumerate(words) if k != inner[0]],
                 "all": [w for k, w in enumerate(words) if k not in inner]}
        for form, kept in forms.items():
            out.append({"id": f"{name}|{form}", "query": " ".join(kept), "alert": True,
                        "entities": entities})
    return out


if __name__ == "__main__":
    run_forms_set(cases)
