"""A yod between a consonant and a waw inside a Hebrew word read away: the long u of an
English name, which Hebrew writes יו (`hebrew.u_reading`).

Own names: made-up people with English surnames, as Hebrew writes them."""

from __future__ import annotations

from clearance.match import abjad, hebrew
from clearance.match.engine import match_query
from clearance.match.score import Query, ScoringConfig
from tests.match.lists import list_index


def test_a_yod_between_a_consonant_and_a_waw_is_also_read_as_the_u_it_writes() -> None:
    read = hebrew.u_reading("טמסין ביוקנן")
    assert read is not None and read.how == hebrew.YOD_AS_U and read.typed == "טמסין ביוקנן"
    assert abjad.romanize(read) == "tmsyn bwknn"
    assert abjad.similarity("bwknn", "buchanan") > 0
    assert abjad.similarity("bywknn", "buchanan") == 0  # the yod asks for an I or E
    assert abjad.romanize(hebrew.u_reading("אליס סטיוארט") or "") == "alys stwrt"


def test_a_yod_first_or_before_a_last_waw_or_in_arabic_script_is_kept() -> None:
    assert hebrew.u_reading("יונתן לוי") is None  # first: the consonant Y
    assert hebrew.u_reading("מתיו גרין") is None  # the waw last: MATTHEW's -ew
    assert hebrew.u_reading("ميونخ") is None  # Arabic script


def test_an_english_name_in_hebrew_finds_its_listed_latin_spelling() -> None:
    index = list_index("BUCHANAN, Tamsin", "STUART, Ellis Graham")
    for text, source in (("טמסין ביוקנן", "s0"), ("אליס גרהם סטיוארט", "s1")):
        results = match_query(index, Query(text, "Person"), ScoringConfig(), limit=5)
        assert results and results[0].source_id == source and results[0].match, (
            text, results[:1])
