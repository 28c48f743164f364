"""Arabic, Persian and Hebrew script against Latin spellings (consonant patterns)."""

import pytest

from clearance.match import abjad
from clearance.match.prepare import PERSON, prepare_name
from clearance.match.text import normalize


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("صدام", ["sdm"]),  # short vowels are not written; medial alef is a long vowel
        ("التكريتي", ["al", "tkryty"]),  # the article is split off
        ("عمر", ["amr"]),  # a word-initial ayin is a vowel
        ("پهلوی", ["phlwy"]),  # Persian letters
        ("مصطفى", ["mstf"]),  # final alef maqsura is the vowel a
    ],
)
def test_romanise_letter_by_letter(text: str, tokens: list[str]) -> None:
    assert normalize(text) == tokens


@pytest.mark.parametrize(
    ("abjad_token", "latin", "fits"),
    [
        ("sdm", "saddam", True),  # doubled consonants are written once
        ("hsyn", "hussein", True),  # yeh as a long vowel
        ("hsyn", "hassan", False),  # ... which Hassan lacks: another name
        ("mhmwd", "mahmoud", True),
        ("mhmwd", "muhammad", False),  # Mahmoud is not Muhammad
        ("amr", "omar", True),
        ("ysf", "yusuf", True),
        ("tkryty", "tikriti", True),
    ],
)
def test_similarity_follows_the_letters(abjad_token: str, latin: str, fits: bool) -> None:
    assert (abjad.similarity(abjad_token, latin) > 0) is fits


def test_keys_meet_across_scripts() -> None:
    assert abjad.key("hsyn") == abjad.key("hussein")
    assert abjad.key("mhmwd") == abjad.key("mahmoud")


def test_arabic_script_name_finds_its_latin_record(index: object) -> None:
    # issue 11: an Arabic-script name of a listed person must reach the Latin OFAC record
    from clearance.index.build import Index
    from clearance.match.engine import match_query
    from clearance.match.score import Query

    assert isinstance(index, Index)
    results = match_query(index, Query("قصي صدام حسين التكريتي", "Person"), limit=20)
    assert any(r.dataset == "us_ofac_sdn" and r.match for r in results)


def test_latin_names_are_not_treated_as_abjad() -> None:
    assert not abjad.has_abjad("Saddam Hussein")
    assert prepare_name("Saddam Hussein", PERSON).tokens == ("saddam", "hussein")
