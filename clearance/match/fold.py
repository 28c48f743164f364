"""Spelling folds for romanised name tokens: one key for many romanisations.

`fold` rewrites the letter groups on which romanisation standards disagree (kh/h, yu/iu/ju,
-iy/-ii/-y, x/ks, w/v, doubled letters, ...) so that Yuryevich, Iurevich and Jurjevic, or
Sergey, Sergei and Sergej, meet. `skeleton` keeps only consonants, the form in which
Arabic-script names arrive (محمد -> "mhmd" ~ Muhammad). `variant_key` applies the curated
given-name groups (Mohammed / Muhammad, Yevgeny / Evgenii) from `resources/name_variants.yml`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from clearance.resources import load_resource

__all__ = ["fold", "skeleton", "variant_key"]

# (letters, pattern, replacement): every match of the pattern holds one of the letters, so
# a token without any of them skips the regex (most tokens skip most rules)
_RULES: list[tuple[str, re.Pattern[str], str]] = [
    (letters, re.compile(p), r)
    for letters, p, r in [
        ("h", r"shch|sch", "sh"),
        ("h", r"tch", "ch"),
        ("h", r"ch", "c"),
        ("h", r"kh", "h"),
        ("h", r"gh", "g"),
        ("h", r"ph", "f"),
        ("h", r"th", "t"),
        ("kq", r"ck|q", "k"),
        ("x", r"x", "ks"),
        ("w", r"w", "v"),
        ("t", r"tz|ts", "c"),
        ("yj", r"(?<=[aeiou])(?:y|j)(?=e)", ""),             # vowel glide: Nikolayev / Nikolaev
        ("yij", r"^(?:y|i)(?=[uaeo])|^j(?=u)", ""),          # initial Yu/Iu/Ju, Ye/E: Yuri, Yevgeny
        ("yj", r"(?<=[^aeiouy])(?:y|j)(?=[eu])", ""),        # Yuryevich / Jurjevic
        ("hj", r"dzh|dj|zh", "j"),
        ("o", r"ou", "u"),
        ("e", r"ee", "i"),
        ("o", r"oo", "u"),
        ("e", r"(?:ey|ej|ei)$", "ei"),
        ("iy", r"(?:iy|ii|ij|yi|yy|y)$", "i"),
        ("y", r"y", "i"),
        ("j", r"j", "i"),
    ]
]
_VOWELS = re.compile(r"[aeiouy]")


def _undouble(text: str) -> str:
    """Each run of one letter as the letter once ("mohammad" -> "mohamad")."""
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
    for letters, pattern, repl in _RULES:
        for letter in letters:
            if letter in out:
                out = pattern.sub(repl, out)
                break
    out = _undouble(out)  # doubled letters last (a regex back-reference costs more here)
    return out if len(out) >= 3 else token


@lru_cache(maxsize=500_000)
def skeleton(token: str) -> str:
    """Consonants only (first letter kept): how unvocalised Arabic script romanises."""
    if token.isdigit() or len(token) < 2:
        return token
    folded = fold(token)
    return _undouble(folded[0] + _VOWELS.sub("", folded[1:]))


@cache
def _variants() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in load_resource("name_variants")["groups"]:
        canonical = fold(str(group[0]).replace(" ", ""))
        for item in group:
            table[fold(str(item).replace(" ", ""))] = canonical
    return table


def variant_key(folded: str) -> str:
    """The canonical spelling of a folded given name (itself when not in a group)."""
    return _variants().get(folded, folded)
