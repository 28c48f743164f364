"""Prepare a name once, identically for list entries (at index time) and queries.

A `Name` holds the romanised tokens, their folded forms (romanisation-neutral keys, see
`clearance.match.fold`) and which tokens are legal forms. Scoring never re-normalises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from clearance.match.fold import fold, variant_key
from clearance.match.limits import MAX_FUZZY_TOKEN, MAX_NAME_TOKENS, bounded_text
from clearance.match.orgs import join_letters, mark_legal_forms, split_glued_forms
from clearance.match.text import normalize
from clearance.resources import load_resource

__all__ = ["ANY", "ORG", "PERSON", "Name", "fold_key", "prepare_name", "strip_parentheses",
           "trailing_words"]

_PARENS = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")


def strip_parentheses(text: str) -> str | None:
    """The name without its parenthesised qualifiers ("X (HK)" -> "X"), or None if none."""
    text = bounded_text(text)  # the pattern backtracks over runs of spaces: keep them short
    out = _PARENS.sub("", text).strip()
    return out if out != text.strip() and out != "" else None


@cache
def trailing_words() -> frozenset[str]:
    """Generic words that may follow a legal form ("... AG Group", "... S.A. Holding")."""
    return frozenset(str(w) for w in load_resource("generic_words")["words"])

PERSON, ORG, ANY = "person", "org", "any"


@dataclass(frozen=True, slots=True)
class Name:
    """One prepared name: original text, tokens, folded keys, legal-form flags."""

    text: str
    tokens: tuple[str, ...]
    folded: tuple[str, ...]
    legal: tuple[bool, ...]

    @property
    def joined(self) -> str:
        """Folded tokens run together, for names whose words were joined or split."""
        return "".join(f for f, lf in zip(self.folded, self.legal) if not lf)


def fold_key(token: str) -> str:
    """The folded key of a token; a token too long to be a real word keys as itself."""
    return variant_key(fold(token)) if len(token) <= MAX_FUZZY_TOKEN else token


def prepare_name(text: str, kind: str = ANY) -> Name:
    """Normalise, romanise, tokenise, mark legal forms (not for people), fold.

    Bounded (`clearance.match.limits`): the first `MAX_NAME_CHARS` characters and
    `MAX_NAME_TOKENS` tokens are read, far more than any real name has.
    """
    text = bounded_text(text)
    tokens = normalize(text)[:MAX_NAME_TOKENS]
    if kind != PERSON:
        tokens, legal = mark_legal_forms(split_glued_forms(join_letters(tokens)),
                                         trailing_words())
    else:
        legal = [False] * len(tokens)
    tokens, legal = tokens[:MAX_NAME_TOKENS], legal[:MAX_NAME_TOKENS]  # forms may split words
    folded = tuple(fold_key(t) for t in tokens)
    return Name(text=text, tokens=tuple(tokens), folded=folded, legal=tuple(legal))
