"""`abjad.abjad_sides`: the directions of `abjad.similarity` a comparison skips are those
whose answer is 0 whatever the pattern, cold and with answers kept (no behaviour change)."""
import random

from clearance.match import abjad
from clearance.match.abjad import ABJAD_SIDE, LATIN_SIDE, abjad_sides, similarity

# made-up romanised abjad words and Latin words, vowel-led pairs and one-letter words among them
_WORDS = ["mhmd", "muhammad", "allh", "alla", "ag", "agh", "ul", "a", "b", "krym", "karim",
          "abd", "abdul", "hsn", "hassan", "ys", "yusuf", "aly", "ali", "dnh", "dana",
          "shykh", "shaikh", "bn", "bin", "ibn", "nwr", "nour", "zadh", "zadeh", "al", "el",
          "khn", "cohen", "awr", "or", "ts", "tzvi", "sry", "sari", "'ali", "ay", "aw"]


def _random_words(count: int) -> list[str]:
    rng = random.Random(32)
    return ["".join(rng.choice("abdhiklmnorstuwyz") for _ in range(rng.randint(1, 7)))
            for _ in range(count)]


def test_a_direction_abjad_sides_rules_out_is_zero_cold_and_with_answers_kept() -> None:
    words = _WORDS + _random_words(160)
    for warm in (False, True):
        if not warm:
            abjad._FITS.clear()
            abjad._fits_kept[0] = 0
        for a in words:
            for b in words:
                for marks in (0, abjad.FINAL_HE, 1):
                    if not (abjad_sides(a) & ABJAD_SIDE and abjad_sides(b) & LATIN_SIDE):
                        assert similarity(a, b, marks) == 0.0, (a, b, marks)
                    else:
                        similarity(a, b, marks)  # (answers kept for the warm round)


def test_each_side_is_told_from_the_word_alone() -> None:
    assert abjad_sides("mhmd") == ABJAD_SIDE
    assert abjad_sides("muhammad") == LATIN_SIDE
    assert abjad_sides("ag") == ABJAD_SIDE | LATIN_SIDE  # an alef and a consonant, or AG
    assert abjad_sides("a") == 0
    assert abjad_sides("b") == 0
