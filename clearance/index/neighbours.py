"""Deletion neighbourhoods (SymSpell keys): a misspelt token and its list spelling share one.

Indexing stores the keys of every list token; a query token looks its own keys up, so
candidates within an edit or two are found without scanning the vocabulary.
"""

from __future__ import annotations

__all__ = ["deletions"]


def deletions(token: str, depth: int = 1) -> set[str]:
    """All strings made by deleting up to `depth` characters (SymSpell-style keys)."""
    out = {token}
    frontier = {token}
    for _ in range(depth):
        nxt: set[str] = set()
        for t in frontier:
            if len(t) <= 3:
                continue
            for i in range(len(t)):
                nxt.add(t[:i] + t[i + 1:])
        out |= nxt
        frontier = nxt
    return out
