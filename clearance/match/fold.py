"""Spelling folds for romanised name tokens: one key for many romanisations.

`fold` rewrites the letter groups on which romanisation standards disagree (kh/h, yu/iu/ju,
-iy/-ii/-y, x/ks, w/v, doubled letters, ...) so that Yuryevich, Iurevich and Jurjevic, or
Sergey, Sergei and Sergej, meet. `skeleton` keeps only consonants, the form in which
Arabic-script names arrive (محمد -> "mhmd" ~ Muhammad). `variant_key` applies the curated
given-name groups (Mohammed / Muhammad, Yevgeny / Evgenii) from `resources/name_variants.yml`,
and its one group of an airline's words (Air / Airlines / Airways).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from clearance.resources import load_resource

__all__ = ["fold", "folded_skeleton", "skeleton", "variant_key"]

# (letters, pattern, replacement, gate): every match of the pattern holds one of the
# letters, so a token without any of them skips the rule (most tokens skip most rules).
# The gate is a finer test, for the patterns whose letters most tokens hold: a token it
# does not pass cannot match the pattern either, so it skips the regex (a `sub` that finds
# nothing costs about as much as one that rewrites). It passes a token that holds one of
# its substrings, starts with one of its prefixes or ends with one of its suffixes. A
# pattern of plain letters is None: it is replaced as `str.replace` does, which is what
# `sub` does with it, at a fraction of the cost
_Gate = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
_RULES: list[tuple[str, re.Pattern[str] | None, str, str, _Gate]] = [
    (letters, None if p.isalpha() else re.compile(p), p, r, gate)
    for letters, p, r, gate in [
        ("h", r"shch|sch", "sh", (("sch", "shch"), (), ())),
        ("h", r"tch", "ch", ((), (), ())),
        ("h", r"ch", "c", ((), (), ())),
        ("h", r"kh", "h", ((), (), ())),
        ("h", r"gh", "g", ((), (), ())),
        ("h", r"ph", "f", ((), (), ())),
        ("h", r"th", "t", ((), (), ())),
        ("kq", r"ck|q", "k", (("ck", "q"), (), ())),
        ("x", r"x", "ks", ((), (), ())),
        ("w", r"w", "v", ((), (), ())),
        ("t", r"tz|ts", "c", (("tz", "ts"), (), ())),
        # vowel glide: Nikolayev / Nikolaev
        ("yj", r"(?<=[aeiou])(?:y|j)(?=e)", "", (("ye", "je"), (), ())),
        # initial Yu/Iu/Ju, Ye/E: Yuri, Yevgeny
        ("yij", r"^(?:y|i)(?=[uaeo])|^j(?=u)", "", ((), ("y", "i", "j"), ())),
        # Yuryevich / Jurjevic
        ("yj", r"(?<=[^aeiouy])(?:y|j)(?=[eu])", "", (("ye", "yu", "je", "ju"), (), ())),
        ("hj", r"dzh|dj|zh", "j", (("dj", "zh"), (), ())),
        ("o", r"ou", "u", ((), (), ())),
        ("e", r"ee", "i", ((), (), ())),
        ("o", r"oo", "u", ((), (), ())),
        ("e", r"(?:ey|ej|ei)$", "ei", ((), (), ("ey", "ej", "ei"))),
        ("iy", r"(?:iy|ii|ij|yi|yy|y)$", "i", ((), (), ("y", "i", "j"))),
        ("y", r"y", "i", ((), (), ())),
        ("j", r"j", "i", ((), (), ())),
    ]
]


def _bit(letter: str) -> int:
    """A lower-case letter's bit in `_letter_mask` (a: 1, b: 2, ...; 0 for any other)."""
    code = ord(letter)
    return 1 << (code - 97) if 97 <= code <= 122 else 0


def _letter_mask(token: str) -> int:
    """The letters a-z a token holds, as bits (`_bit`): one pass over the token tells which
    rules' letters it holds, for the 23 rules at once, instead of a substring search per
    rule letter (`fold`)."""
    mask = 0
    for i in range(len(token)):
        code = ord(token[i])
        if 97 <= code <= 122:
            mask |= 1 << (code - 97)
    return mask


#: `_RULES` with each rule's letters as a `_letter_mask`
_MASKED: list[tuple[int, re.Pattern[str] | None, str, str, _Gate]] = [
    (sum(_bit(letter) for letter in letters), pattern, literal, repl, gate)
    for letters, pattern, literal, repl, gate in _RULES
]


def _passes(token: str, gate: _Gate) -> bool:
    """Whether `token` passes a rule's gate (see `_RULES`)."""
    inner, starts, ends = gate
    for part in inner:
        if part in token:
            return True
    return token.startswith(starts) or token.endswith(ends)


def _undouble(text: str) -> str:
    """Each run of one letter as the letter once ("mohammad" -> "mohamad")."""
    doubled = False
    for i in range(1, len(text)):
        if text[i] == text[i - 1]:
            doubled = True
            break
    if not doubled:
        return text  # (most words: no list and join to build)
    out: list[str] = []
    prev = ""
    for ch in text:
        if ch != prev:
            out.append(ch)
            prev = ch
    return "".join(out)


@lru_cache(maxsize=500_000)
def fold(token: str) -> str:
    """A romanisation-neutral spelling of one lower-case ASCII token."""
    if token.isdigit() or len(token) < 3:
        return token
    out = token
    held = _letter_mask(out)  # (the letters `out` holds: worked out again when it changes)
    for letters, pattern, literal, repl, gate in _MASKED:
        if held & letters:
            if pattern is None:
                changed = out.replace(literal, repl)
            elif _passes(out, gate):
                changed = pattern.sub(repl, out)
            else:
                continue
            if changed != out:
                out = changed
                held = _letter_mask(out)
    out = _undouble(out)  # doubled letters last (a regex back-reference costs more here)
    return out if len(out) >= 3 else token


@lru_cache(maxsize=500_000)
def skeleton(token: str) -> str:
    """Consonants only (first letter kept): how unvocalised Arabic script romanises."""
    if token.isdigit() or len(token) < 2:
        return token
    return folded_skeleton(fold(token))


def folded_skeleton(folded: str) -> str:
    """`skeleton` of a token `fold` wrote already (folding twice is no cost to pay again):
    its first letter, then its consonants, each run once. One pass over the letters: a
    `str.translate` deleting the vowels, then `_undouble`, cost compiled some 5,000
    machine instructions a word (a table build of population.py asks it of ~38,000)."""
    if len(folded) < 2:
        return folded
    prev = folded[0]
    out = [prev]
    for i in range(1, len(folded)):
        ch = folded[i]
        code = ord(ch)
        if code == 97 or code == 101 or code == 105 or code == 111 or code == 117 or code == 121:
            continue  # (aeiouy; by character code, which compiled code reads without a string)
        if ch != prev:
            out.append(ch)
            prev = ch
    return "".join(out)


@cache
def _variants() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in load_resource("name_variants")["groups"]:
        canonical = fold(str(group[0]).replace(" ", ""))
        for item in group:
            table[fold(str(item).replace(" ", ""))] = canonical
    return table


def variant_key(folded: str) -> str:
    """The canonical spelling of a folded given name or airline word (itself when not in
    a group)."""
    return _variants().get(folded, folded)
