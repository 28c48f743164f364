"""`compare.similar_possible`: false only when `token_similarity` is zero, told cheaply.

The bound (`bound.QueryBound`) asks it before `token_similarity` for every query word and
list word; a wrong "no" there would make the bound leave a word unpaired that pairs, and
the bound could drop below a real score. So it is tested against `token_similarity`
itself on the pairs most likely to break it: words a few edits apart, folds, words
written without vowels, numbers.
"""

from __future__ import annotations

import random

import pytest

from clearance.index.build import Index
from clearance.match.compare import TokenShape, letter_bits, similar_possible, token_similarity
from clearance.match.prepare import prepare_name


def _shape(word: str) -> tuple[str, str, TokenShape]:
    name = prepare_name(word)
    token, folded = name.tokens[0], name.folded[0]
    return token, folded, TokenShape(token, folded)


def _edited(word: str, rng: random.Random) -> str:
    """`word` with one to four random edits: substitutions, insertions, deletions,
    transpositions of neighbours, or its vowels after the first letter dropped."""
    letters = list(word)
    for _ in range(rng.randint(1, 4)):
        k = rng.randrange(len(letters))
        edit = rng.randrange(5)
        if edit == 0:
            letters[k] = rng.choice("abcdefghijklmnopqrstuvwxyz")
        elif edit == 1:
            letters.insert(k, rng.choice("abcdefghijklmnopqrstuvwxyz"))
        elif edit == 2 and len(letters) > 1:
            del letters[k]
        elif edit == 3 and k + 1 < len(letters):
            letters[k], letters[k + 1] = letters[k + 1], letters[k]
        elif edit == 4:
            letters = [c for i, c in enumerate(letters) if i == 0 or c not in "aeiouy"]
    return "".join(letters) or word[:1]


@pytest.mark.parametrize(("a", "b"), [
    ("mohammed", "muhammad"),  # a fold
    ("mhmd", "muhammad"),  # a word written without vowels: its consonant skeleton
    ("nr", "nur"),  # a short skeleton, the vowels all that differ
    ("hussein", "husein"),  # one edit
    ("abdulrahman", "abdurrahman"),  # two edits in a long word
    ("ivan", "iavn"),  # a transposition in a short word
    ("12345", "12346"),  # one slip in a long number
    ("jose", "jose"),
    ("j", "j"),
])
def test_similar_words_are_never_ruled_out(a: str, b: str) -> None:
    qt, qf, qs = _shape(a)
    ct, cf, cs = _shape(b)
    assert token_similarity(qt, qf, ct, cf) > 0.0
    assert similar_possible(qs, cs) and similar_possible(cs, qs)


@pytest.mark.parametrize(("a", "fa", "b", "fb"), [
    ("lark", "lark", "alay", "alai"),  # four letters: one edit at most, and two letters differ
    ("hammed", "hamed", "hamoun", "hamun"),  # folds near, the spellings too far to trust them
])
def test_pairs_without_the_edits_their_lengths_allow_are_ruled_out(a: str, fa: str, b: str,
                                                                   fb: str) -> None:
    assert token_similarity(a, fa, b, fb) == 0.0
    assert not similar_possible(TokenShape(a, fa), TokenShape(b, fb))
    assert not similar_possible(TokenShape(b, fb), TokenShape(a, fa))


def test_no_pair_with_a_similarity_is_ruled_out_and_most_others_are(index: Index) -> None:
    rng = random.Random(1614)
    words = sorted({t for n in index.names[::3] for t in n.tokens if t.isalpha()})
    similar = ruled_out = unrelated = 0
    for _ in range(40_000):
        word = rng.choice(words)
        for other in (_edited(word, rng), rng.choice(words)):
            qt, qf, qs = _shape(word)
            if not prepare_name(other).tokens:
                continue
            ct, cf, cs = _shape(other)
            sim = token_similarity(qt, qf, ct, cf)
            possible = similar_possible(qs, cs)
            assert possible or sim == 0.0, (qt, qf, ct, cf, sim)
            assert possible == similar_possible(cs, qs)
            similar += sim > 0.0
            unrelated += sim == 0.0
            ruled_out += not possible
    assert similar > 15_000
    # the point of it: most pairs that do not agree are told so without token_similarity
    assert ruled_out > 0.6 * unrelated


def test_letter_bits_count_a_letter_once_whatever_its_place() -> None:
    assert letter_bits("anna") == letter_bits("na")
    assert letter_bits("ab") != letter_bits("ac")
    assert letter_bits("") == 0
