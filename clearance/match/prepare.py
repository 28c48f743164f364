"""Prepare a name once, identically for list entries (at index time) and queries.

A `Name` holds the romanised tokens, their folded forms (romanisation-neutral keys, see
`clearance.match.fold`) and which tokens are legal forms. Scoring never re-normalises.
"""

from __future__ import annotations

from dataclasses import dataclass

from clearance.match.fold import fold, variant_key
from clearance.match.orgs import mark_legal_forms
from clearance.match.text import normalize

__all__ = ["Name", "prepare_name", "PERSON", "ORG", "ANY"]

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
        tokens, legal = mark_legal_forms(tokens)
    else:
        legal = [False] * len(tokens)
    folded = tuple(variant_key(fold(t)) for t in tokens)
    return Name(text=text, tokens=tuple(tokens), folded=folded, legal=tuple(legal))
