"""Deletion neighbourhoods (SymSpell keys): a misspelt token and its list spelling share one.

Indexing stores the keys of every list token; a query token looks its own keys up, so
candidates within an edit or two are found without scanning the vocabulary.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable

import numpy as np
import numpy.typing as npt

from clearance.match.limits import MAX_FUZZY_TOKEN

__all__ = ["SHORT_SLIP_MAX", "TWO_SLIPS_MIN", "deletions", "mark_slips", "neighbour_tokens",
           "short_slips", "short_slips_cost", "two_deletion_table", "two_deletion_tokens"]

#: the shortest list word whose two-deletion keys are kept (`two_deletion_table`)
TWO_SLIPS_MIN = 8
#: the longest query word looked up one slip away letter by letter (`short_slips`)
SHORT_SLIP_MAX = 3
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_MARK_CHARACTERS = _LETTERS + "0123456789"


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
    for level in range(depth):
        more = level + 1 < depth  # (the last level's keys, most of them, start nothing)
        nxt: list[tuple[str, int]] = []
        for t, start in frontier:
            if len(t) <= 3:
                continue
            for i in range(start, len(t)):
                key = t[:i] + t[i + 1:]
                out.add(key)
                if more:
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


def short_slips(vocab: dict[str, int], word: str, listed: bool = False) -> list[int]:
    """The list tokens (ids) one slip (a letter replaced, dropped or added, two swapped)
    from a word of two or three letters (`SHORT_SLIP_MAX`) that is no list word: AXS for
    ABS, GUA for GUGA. Deletion keys do not reach them: a word that short
    keys as itself only (`deletions`), and a key of two letters would be shared by most
    short words of the lists. Each spelling one slip away (at most 26 x 7 + 3 of them)
    is looked up in `vocab` instead. Lower-case letters a-z only; a list word is itself
    (its one-slip neighbours are other names) unless `listed`: the caller has judged a
    slip may have landed on it (WS for FWS, IKS for IPS: most short list words are some
    one listed company's code, `search.SHORT_LISTED_NAMES_MAX`)."""
    if not (2 <= len(word) <= SHORT_SLIP_MAX and word.isascii() and word.isalpha()
            and word.islower()) or (word in vocab and not listed):
        return []
    near: dict[str, None] = {}
    for i in range(len(word) + 1):
        for ch in _LETTERS:
            near[word[:i] + ch + word[i:]] = None  # a letter lost
            if i < len(word):
                near[word[:i] + ch + word[i + 1:]] = None  # a letter replaced
        if i < len(word) and len(word) > 2:
            near[word[:i] + word[i + 1:]] = None  # a letter added
        if i + 1 < len(word):
            near[word[:i] + word[i + 1] + word[i] + word[i + 2:]] = None  # two swapped
    near.pop(word, None)
    return [tid for spelling in near if (tid := vocab.get(spelling)) is not None]


def mark_slips(vocab: dict[str, int], word: str, key: Callable[[str], str]) -> list[int]:
    """The list tokens (ids) one character longer than a typed registration mark's part of
    two or three characters (`SHORT_SLIP_MAX`), as if the typist lost one of its letters
    or digits: AB for the ABC of EP-ABC. Never one a character replaced: that is another
    mark of the series (`compare._replaced`). A word that short has no deletion keys of
    its own (`deletions`); a part a character longer than listed (ABCC) reaches it by
    its own keys, and a longer part lost a character (ABD for ABCD) by the list word's.
    `key`: a spelling's vocabulary key (`prepare.fold_key`: a listed AJH is keyed AIH)."""
    if not (2 <= len(word) <= SHORT_SLIP_MAX and word.isascii() and word.isalnum()
            and word == word.lower()):
        return []
    near = dict.fromkeys([word[:i] + ch + word[i:] for i in range(len(word) + 1)
                          for ch in _MARK_CHARACTERS])
    return [tid for spelling in near if (tid := vocab.get(key(spelling))) is not None]


def short_slips_cost(word: str) -> int:
    """The lookups `short_slips` may make for a word, from its length only."""
    n = len(word)
    return 26 * (2 * n + 1) + 2 * n if 2 <= n <= SHORT_SLIP_MAX else 0


def _key_hash(key: str) -> int:
    """A deletion key's hash in `two_deletion_table`: CRC-32, the same in every process and
    a twentieth of a cryptographic hash's cost (a query word looks up tens of keys; a hash
    shared by two keys only costs a word checked for nothing)."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass"))


def two_deletion_table(words: Iterable[tuple[int, str]]
                       ) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.int32]]:
    """The keys that delete two letters of each list word of `TWO_SLIPS_MIN` letters or more
    (not digits), as sorted hashes (`_key_hash`), and the token id of each: (token id, word).

    A query word with two slips that each replace or drop a letter of a long list word
    (PALIFINO for PLATIFINO) shares no key with the list's one-deletion keys; it shares one
    of these. Hashes in arrays, not a dict of strings: the saved index maps them, so a
    process that loads it pays nothing for them (a dict of 360,000 keys would cost each
    process about as much as `Index.fuzzy` does).
    """
    hashes: list[int] = []
    tids: list[int] = []
    for tid, word in words:
        if TWO_SLIPS_MIN <= len(word) <= MAX_FUZZY_TOKEN and not word.isdigit():
            for key in deletions(word, 2):
                if len(key) == len(word) - 2:
                    hashes.append(_key_hash(key))
                    tids.append(tid)
    keys = np.asarray(hashes, dtype=np.uint32)
    order = keys.argsort(kind="stable")
    return keys[order], np.asarray(tids, dtype=np.int32)[order]


def two_deletion_tokens(hashes: npt.NDArray[np.uint32], tids: npt.NDArray[np.int32],
                        keys: Iterable[str]) -> list[int]:
    """The token ids of `two_deletion_table` (`hashes`, `tids`) that one of `keys` reaches
    (a hash may meet another key's: callers check the words). Keys shorter than any in the
    table are not looked up."""
    probe = np.asarray([_key_hash(k) for k in keys if len(k) >= TWO_SLIPS_MIN - 2],
                       dtype=np.uint32)
    if len(hashes) == 0 or len(probe) == 0:
        return []
    lo = hashes.searchsorted(probe, "left")
    met = probe[hashes[lo.clip(max=len(hashes) - 1)] == probe]  # most keys meet none
    found: dict[int, None] = {}
    if len(met) > 0:
        starts = hashes.searchsorted(met, "left").tolist()
        ends = hashes.searchsorted(met, "right").tolist()
        for a, b in zip(starts, ends):
            for tid in tids[a:b].tolist():
                found[tid] = None
    return list(found)
