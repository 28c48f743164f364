"""Deletion neighbourhoods (SymSpell keys): a misspelt token and its list spelling share one.

Indexing stores the keys of every list token; a query token looks its own keys up, so
candidates within an edit or two are found without scanning the vocabulary.
"""

from __future__ import annotations

from clearance.match.limits import MAX_FUZZY_TOKEN

__all__ = ["deletions"]


def deletions(token: str, depth: int = 1) -> set[str]:
    """All strings made by deleting up to `depth` characters (SymSpell-style keys).

    A token longer than `MAX_FUZZY_TOKEN` (no real word is) keys as itself only: its keys
    would number about length^depth / depth! and weigh length^(depth+1).
    """
    out = {token}
    if len(token) > MAX_FUZZY_TOKEN:
        return out
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
