"""Deletion neighbourhoods (SymSpell keys): a misspelt token and its list spelling share one.

Indexing stores the keys of every list token; a query token looks its own keys up, so
candidates within an edit or two are found without scanning the vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable

from clearance.match.limits import MAX_FUZZY_TOKEN

__all__ = ["deletions", "neighbour_tokens"]


def deletions(token: str, depth: int = 1) -> set[str]:
    """All strings made by deleting up to `depth` characters (SymSpell-style keys).

    A token longer than `MAX_FUZZY_TOKEN` (no real word is) keys as itself only: its keys
    would number about length^depth / depth! and weigh length^(depth+1). A key of three
    characters or fewer has no keys of its own. Each set of deleted positions is made once
    (in increasing order: a key deletes only at or after its last deletion), not once per
    order of its deletions: half the strings at depth 2.
    """
    out = {token}
    if len(token) > MAX_FUZZY_TOKEN:
        return out
    frontier = [(token, 0)]
    for _ in range(depth):
        nxt: list[tuple[str, int]] = []
        for t, start in frontier:
            if len(t) <= 3:
                continue
            for i in range(start, len(t)):
                key = t[:i] + t[i + 1:]
                out.add(key)
                nxt.append((key, i))
        frontier = nxt
    return out


def neighbour_tokens(fuzzy: dict[str, int], shared: list[list[int]], vocab: dict[str, int],
                     keys: Iterable[str]) -> dict[int, None]:
    """The list tokens (ids, in the order found) that have one of `keys` among their
    deletion keys or are one of them: `Index.fuzzy` (a token id, or -1 - a row of
    `shared`) and `Index.vocab`.

    A key of 5+ characters, or of 4 that are not all digits, is looked up in `fuzzy` only:
    every list token that long keys as itself there (`build_index`), so the vocabulary
    would add nothing; a shorter key (a 4-letter word less a letter, a 4-digit number) is
    looked up in the vocabulary too. About half the lookups of a typo search, saved.
    """
    found: dict[int, None] = {}
    for key in keys:
        hit = fuzzy.get(key)
        if hit is not None:
            if hit >= 0:
                found[hit] = None
            else:
                for tid in shared[-1 - hit]:
                    found[tid] = None
        if len(key) < 4 or (len(key) == 4 and key.isdigit()):
            own = vocab.get(key)
            if own is not None:
                found[own] = None
    return found
