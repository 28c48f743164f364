"""Prepare a name once, identically for list entries (at index time) and queries.

A `Name` holds the romanised tokens, their folded forms (romanisation-neutral keys, see
`clearance.match.fold`) and which tokens are legal forms. Scoring never re-normalises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from clearance.match.fold import fold, variant_key
from clearance.match.orgs import join_letters, mark_legal_forms, split_glued_forms
from clearance.match.text import normalize
from clearance.resources import load_resource

__all__ = ["ANY", "ORG", "PERSON", "Name", "prepare_name", "strip_parentheses", "trailing_words"]

_PARENS = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")


def strip_parentheses(text: str) -> str | None:
    """The name without its parenthesised qualifiers ("X (HK)" -> "X"), or None if none."""
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


def prepare_name(text: str, kind: str = ANY) -> Name:
    """Normalise, romanise, tokenise, mark legal forms (not for people), fold."""
    tokens = normalize(text)
    if kind != PERSON:
        tokens, legal = mark_legal_forms(split_glued_forms(join_letters(tokens)),
                                         trailing_words())
    else:
        legal = [False] * len(tokens)
    folded = tuple(variant_key(fold(t)) for t in tokens)
    return Name(text=text, tokens=tuple(tokens), folded=folded, legal=tuple(legal))
