"""Urdu's letters read as the standard romanisation reads them (`abjad._URDU_HEH`, `_ARABIC`)."""

import pytest

from clearance.match import abjad
from clearance.match.text import normalize


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("جہاد", ["jhd"]),  # the round heh inside a word is an h, as Arabic's heh
        ("ہاشم", ["hshm"]),  # ... and at its start
        ("زاہد", ["zhd"]),  # ... and after a long vowel
        ("شاہ", ["shh"]),  # ... and at its end
        ("اللہ", ["allh"]),  # Allah with Urdu's heh is Allah, not the article
        ("چوہدری", ["chwdhryy"]),  # the h of the aspirate دھ written before the d
        ("چودھری", ["chwdhryy"]),  # ... as the spelling with the two-eyed heh reads
        ("گئے", ["gyy"]),  # yeh barree with a hamza is a yeh
    ],
)
def test_urdu_round_heh_and_yeh_barree_romanise_as_their_sounds(text: str,
                                                                tokens: list[str]) -> None:
    assert normalize(text) == tokens


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("ٹیپو", "tipu"), ("ڈار", "dar"), ("بگڑا", "bigra"), ("میں", "main"),
        ("والے", "wale"), ("گل", "gul"), ("کرم", "karam"), ("پرویز", "parvez"),
        ("چمن", "chaman"), ("ژاله", "zhaleh"), ("یاسین", "yasin"), ("بھٹو", "bhutto"),
        ("جہاد", "jihad"), ("شاہد", "shahid"), ("طاہر", "tahir"), ("مجاہد", "mujahid"),
        ("چوہدری", "chaudhry"), ("طیبہ", "tayyiba"),
    ],
)
def test_urdu_letters_meet_the_standard_romanisation(text: str, latin: str) -> None:
    (token,) = normalize(text)
    marks = abjad.written(text).get(token, 0)
    assert abjad.similarity(token, latin, marks) > 0


def test_a_name_written_with_the_round_heh_meets_its_latin_spelling() -> None:
    from tests.match.test_abjad import _person_score

    # base: the round heh inside a word was left out, زاہد "zd" and شاہد "shd", which no
    # spelling with an h fits
    assert _person_score("زاہد حسین شاہد", "SHAHID, Zahid Hussain") >= 0.85
