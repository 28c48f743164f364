"""`compare._join_pass`' first rejection: no free word on the other side is long enough for
two free words run together, told for every target at once (of the longest, raw and
folded) in a name with no abjad script. It must reject exactly when `_too_short` holds for
each target, as the pass read it target by target: a wrong "too short" would leave words
that run together ("QiTechnology") unjoined, and a listed party might score below its alert.
"""

from __future__ import annotations

import random

from clearance.match.compare import _join_pass, _too_short, _two_shortest
from clearance.match.prepare import prepare_name

# (own made-up words: a few letters to a long run, with folds that differ from the raw)
_WORDS = ("qi", "li", "ahn", "tech", "nology", "technology", "qitechnology", "mayra",
          "galaviz", "mayragalaviz", "schmidt", "smit", "phillips", "filips", "kh", "x",
          "nordwind", "nord", "wind", "ooo", "zhejiang", "dahua", "zhejiangdahua", "ltd")


def _names(rng: random.Random) -> tuple[str, str]:
    left = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 5)))
    right = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 4)))
    return left, right


def test_the_join_pass_rejects_at_once_exactly_when_every_target_is_too_short() -> None:
    rng = random.Random(29)
    rejected = joined = 0
    for _ in range(3000):
        left_text, right_text = _names(rng)
        left, right = prepare_name(left_text), prepare_name(right_text)
        free_l = set(range(len(left.tokens)))
        free_r = {j for j in range(len(right.tokens)) if rng.random() < 0.8}
        if len(free_l) < 2 or not free_r:
            continue
        shortest = _two_shortest(left.tokens, free_l)
        shortest_f = _two_shortest(left.folded, free_l)
        every_short = all(_too_short(right.tokens[j], right.folded[j], shortest, shortest_f,
                                     False) for j in free_r)
        found = _join_pass(left, right, set(free_l), set(free_r))
        if every_short:
            rejected += 1
            assert found == []
        elif found:
            joined += 1
    assert rejected > 100 and joined > 50  # (both sides of the rejection were asked)


def test_words_run_together_into_a_longer_word_are_still_joined() -> None:
    left, right = prepare_name("Qi Technology"), prepare_name("Qitechnology Ltd")
    found = _join_pass(left, right, {0, 1}, {0, 1})
    assert [(run, j) for run, j, _ in found] == [([0, 1], 0)]
