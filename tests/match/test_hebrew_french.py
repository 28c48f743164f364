"""French names in Hebrew letters: the endings French writes and does not say, which
Hebrew (and Arabic script) leave unwritten (`abjad._silent_endings`), and a final he as
the silent -et (`hebrew.et_reading`).

Own names: made-up French people as the Hebrew press writes such names."""

from __future__ import annotations

import pytest

from clearance.match import abjad, hebrew
from clearance.match.engine import match_query
from clearance.match.score import Query, ScoringConfig
from tests.match.lists import list_index


@pytest.mark.parametrize(("token", "listed"), [
    ("brnr", "bernard"),  # ברנאר: after an r (session 27)
    ("zhrr", "gerard"),  # ז'ראר: an r written twice, its alef dropped
    ("lwy", "louis"), ("dny", "denis"),  # a final yod: -is
    ("zhwrzh", "georges"),  # ז'ורז': -es after the soft G
    ("zhk", "jacques"),  # ז'אק: -ques, its CQ one k
])
def test_a_french_silent_ending_fits_the_name_its_sound_writes(token: str, listed: str) -> None:
    assert abjad.similarity(token, listed) > 0
    if not token.endswith("y"):
        # (a final yod's -is is not looked up by its s: that key is a ta marbuta's -at,
        # which no long vowel takes; the name is found by its other words)
        assert abjad.key(listed) in abjad.keys(token)


def test_a_silent_ending_is_read_only_after_those_sounds() -> None:
    assert abjad.similarity("mhmd", "mohammeds") == 0  # after a d: not French
    assert abjad.similarity("ly", "lis") == 0  # two units say too little
    assert abjad.similarity("dnyh", "denis") == 0  # a final he after the yod: -ier, not -is


def test_a_final_he_after_a_consonant_is_also_read_as_a_silent_et() -> None:
    read = hebrew.et_reading("מרסל פוקה")
    assert read is not None and read.how == hebrew.HE_AS_ET and read.typed == "מרסל פוקה"
    assert abjad.romanize(read) == "mrsl fwkt"
    assert abjad.similarity("fwkt", "fouquet") > 0
    assert hebrew.et_reading("משה כהן") is None  # a name Israelis bear as written
    assert hebrew.et_reading("מסונייה") is None  # after a yod: -ier, read already
    assert hebrew.et_reading("مونيه") is None  # Arabic script


def test_a_french_name_in_hebrew_finds_its_listed_latin_spelling() -> None:
    index = list_index("FOUQUET, Gerard", "PELLETIER, Louis Georges")
    for text, source in (("ז'ראר פוקה", "s0"), ("לואי ז'ורז' פלטייה", "s1")):
        results = match_query(index, Query(text, "Person"), ScoringConfig(), limit=5)
        assert results and results[0].source_id == source and results[0].match, (
            text, results[:1])
