"""Deletion neighbourhoods: the stored key table answers exactly what a dict of lists did."""

from __future__ import annotations

import random
import string

from clearance.index.build import Index
from clearance.index.neighbours import (
    TWO_SLIPS_MIN,
    deletions,
    neighbour_tokens,
    two_deletion_table,
    two_deletion_tokens,
)


def _key_lists(index: Index) -> dict[str, list[int]]:
    """Deletion key -> token ids, worked out again from the index's own names the way the
    build worked them out before the table held one int a key: the reference."""
    spellings: dict[str, set[str]] = {}
    for name in index.names:
        for raw, folded, legal in zip(name.tokens, name.folded, name.legal):
            if not legal and raw != folded:
                spellings.setdefault(folded, set()).add(raw)
    out: dict[str, list[int]] = {}
    for token, tid in index.vocab.items():
        if len(token) >= (5 if token.isdigit() else 4):
            keys = deletions(token, 1)
            for raw in spellings.get(token, ()):
                if len(raw) >= 4:
                    keys |= deletions(raw, 1)
            for key in keys:
                bucket = out.setdefault(key, [])
                if not bucket or bucket[-1] != tid:
                    bucket.append(tid)
    return out


def _tokens_of(index: Index, key: str) -> list[int]:
    hit = index.fuzzy[key]
    return [hit] if hit >= 0 else index.fuzzy_shared[-1 - hit]


def test_every_deletion_key_of_the_lists_finds_exactly_its_tokens(index: Index) -> None:
    expected = _key_lists(index)
    assert len(expected) > 200_000  # the bundled lists, every key
    assert index.fuzzy.keys() == expected.keys()
    for key, tids in expected.items():
        assert _tokens_of(index, key) == tids, key
    shared = [v for v in index.fuzzy.values() if v < 0]
    assert len(shared) == len(set(shared)) == len(index.fuzzy_shared) > 1000  # no row twice


def _looked_up_both(index: Index, lists: dict[str, list[int]], keys: list[str]) -> list[int]:
    """The lookup before `neighbour_tokens`: every key in the deletion keys and the vocabulary."""
    found: dict[int, None] = {}
    for key in keys:
        found.update(dict.fromkeys(lists.get(key, ())))
        tid = index.vocab.get(key)
        if tid is not None:
            found[tid] = None
    return list(found)


def test_neighbour_tokens_find_what_both_lookups_found_in_the_same_order(index: Index) -> None:
    lists = _key_lists(index)
    # list tokens, with a letter changed, cut or doubled, short ones and 4-digit numbers
    words = [t for name in index.names[::7] for t in name.tokens]
    words += [w[:-1] + "q" for w in words] + [w[1:] for w in words] + [w + w[-1] for w in words]
    words += ["1234", "12345", "abc", "abcd"]
    found = short = 0
    for word in dict.fromkeys(words):
        keys = list(deletions(word, 2 if len(word) >= 8 else 1))
        got = list(neighbour_tokens(index.fuzzy, index.fuzzy_shared, index.vocab, keys))
        assert got == _looked_up_both(index, lists, keys), word
        found += bool(got)
        short += any(len(k) <= 4 and k in index.vocab for k in keys)
    assert found > 10_000 and short > 1000


def _every_order(token: str, depth: int) -> set[str]:
    """Deletion keys as first built: every key of a level expanded at every position."""
    out, frontier = {token}, {token}
    for _ in range(depth):
        frontier = {t[:i] + t[i + 1:] for t in frontier if len(t) > 3 for i in range(len(t))}
        out |= frontier
    return out


def test_deletion_keys_made_once_per_set_of_positions_are_the_keys_of_every_order() -> None:
    # (`deletions` deletes in increasing order only: "abcde" less b then d, never d then b)
    rng = random.Random(20)
    words = ["", "a", "abc", "abcd", "abcde", "aaaa", "aabbaa", "mohammed", "abcdefghijkl"]
    words += ["".join(rng.choice("ab" if k % 3 else string.ascii_lowercase)
                      for _ in range(rng.randint(0, 14))) for k in range(3000)]
    for word in words:
        for depth in (0, 1, 2, 3):
            assert deletions(word, depth) == _every_order(word, depth), (word, depth)
    assert deletions("x" * 49, 2) == {"x" * 49}  # longer than any real word: itself only


def test_two_deletion_keys_are_kept_for_long_words_only_and_find_them() -> None:
    words = [(0, "platifino"), (1, "testkomplekt"), (2, "kessler"), (3, "12345678"),
             (4, "abcdefgh")]
    hashes, tids = two_deletion_table(words)
    assert (hashes[:-1] <= hashes[1:]).all()  # sorted, for `searchsorted`
    # every string two letters shorter, once each, of the words of eight letters or more
    expected = {tid: {w[:i] + w[i + 1:j] + w[j + 1:] for j in range(len(w)) for i in range(j)}
                for tid, w in words if tid in (0, 1, 4)}
    assert sorted(tids.tolist()) == sorted(t for t, keys in expected.items() for _ in keys)
    assert len(expected[4]) == 28  # eight letters, all different: 8 x 7 / 2
    assert TWO_SLIPS_MIN == 8
    assert two_deletion_tokens(hashes, tids, deletions("palifino", 2)) == [0]
    assert two_deletion_tokens(hashes, tids, ["teskmplekt"]) == [1]
    assert two_deletion_tokens(hashes, tids, deletions("kassrer", 2)) == []  # 7 letters
    assert two_deletion_tokens(hashes, tids, deletions("12345699", 2)) == []  # digits


def test_two_deletion_keys_of_the_lists_find_their_long_words(index: Index) -> None:
    rng = random.Random(11)
    long_words = [(tid, w) for w, tid in index.vocab.items()
                  if len(w) >= TWO_SLIPS_MIN and not w.isdigit()]
    assert len(long_words) > 5000
    assert len(index.two_slips) == len(index.two_slips_tokens) > 300_000
    for tid, word in rng.sample(long_words, 300):
        i, j = sorted(rng.sample(range(len(word)), 2))
        slipped = word[:i] + rng.choice(string.ascii_lowercase) + word[i + 1:j] + word[j + 1:]
        found = two_deletion_tokens(index.two_slips, index.two_slips_tokens,
                                    deletions(slipped, 2))
        assert tid in found, (word, slipped)


def test_a_word_of_a_few_letters_finds_the_list_words_one_slip_away() -> None:
    # issue 11 (own typo set: AXS for ABS): a word of three letters or fewer keys as itself
    # only, so no deletion key reaches a list word one letter away; each spelling one slip
    # away is looked up instead: a letter replaced, lost, added, two letters swapped
    from clearance.index.neighbours import short_slips

    vocab = {"abs": 0, "gabs": 1, "ab": 2, "bas": 3, "xyz": 4, "abso": 5, "ws": 6, "fws": 7}
    assert sorted(short_slips(vocab, "axs")) == [0]  # replaced
    assert sorted(short_slips(vocab, "gbs")) == [0, 1]  # GABS less its A; ABS, G for A
    assert sorted(short_slips(vocab, "abx")) == [0, 2]  # replaced; ABX less its X
    assert sorted(short_slips(vocab, "asb")) == [0, 2]  # swapped; ASB less its S
    assert sorted(short_slips(vocab, "fw")) == [7] and short_slips(vocab, "wx") == [6]
    # two slips, a longer word, a list word (itself), not letters a-z: nothing
    assert short_slips(vocab, "xbx") == [] and short_slips(vocab, "absx") == []
    assert short_slips(vocab, "abs") == [] and short_slips(vocab, "a5s") == []


def test_a_list_word_of_a_few_letters_finds_its_neighbours_when_asked() -> None:
    # issue 11 (own typo set, a slip landing on a listed code): a list word is itself
    # unless the caller asks for the list words one slip from it too (not itself)
    from clearance.index.neighbours import short_slips

    vocab = {"abs": 0, "axs": 1, "gabs": 2, "xyz": 3}
    assert short_slips(vocab, "abs") == []  # a list word is itself
    assert sorted(short_slips(vocab, "abs", listed=True)) == [1, 2]
    assert short_slips(vocab, "xyz", listed=True) == []
