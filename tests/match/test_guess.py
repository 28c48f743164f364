"""A name read from another script as list spellings is a guess (`match.guess`): its read
words pair only with the spellings the script allows."""

import copy
import pickle

from clearance.index.build import build_index
from clearance.match.engine import match_query, prepare_query_names
from clearance.match.guess import Guess, word_fits
from clearance.match.kana import Spellings
from clearance.match.score import Query


def _index(person: str) -> object:
    # HIGER is a list spelling (a company's word) that 赫凯 (he kai) may transcribe
    records = [
        {"entity_id": "o1", "dataset": "t", "source_id": "1", "schema": "Company",
         "caption": "HIGER BUS COMPANY", "properties": {"name": ["HIGER BUS COMPANY"]}},
        {"entity_id": "p1", "dataset": "t", "source_id": "2", "schema": "Person",
         "caption": person, "properties": {"name": [person]}},
    ]
    return build_index(records, "t")


def test_a_guess_keeps_its_words_tests_and_pickles_as_its_text() -> None:
    guess = Guess("higer", {"higer": lambda listed: listed == "higger"})
    tests = word_fits(guess, ("higer", "bus"))
    assert tests[0] is not None and tests[0]("higger") and tests[1] is None
    assert word_fits("higer", ("higer",)) == ()  # a name typed as it is: no guess
    for copied in (pickle.loads(pickle.dumps(guess)), copy.deepcopy(guess)):
        assert copied == "higer" and type(copied) is str


def test_a_han_reading_is_a_guess_of_its_words() -> None:
    index = _index("HIPER")
    lists = Spellings(index.abjad, index.weights)  # type: ignore[attr-defined]
    names = prepare_query_names(Query("赫凯", "Person"), spellings=lists)
    assert [n.tokens for n in names if isinstance(n.text, Guess)] == [("higer",)]


def test_a_reading_pairs_only_with_the_spellings_its_characters_give() -> None:
    # HIPER is one letter from the reading HIGER, but no spelling of 赫凯: a guess of a guess
    res = match_query(_index("HIPER"), Query("赫凯", "Person"), limit=5)  # type: ignore[arg-type]
    assert not any(r.match for r in res)
    # HIGGER, HIGER with its g doubled, is a spelling 赫凯 gives
    res = match_query(_index("HIGGER"), Query("赫凯", "Person"), limit=5)  # type: ignore[arg-type]
    assert [r.entity_id for r in res if r.match] == ["p1"]


def test_katakana_and_hangul_readings_are_guesses_too() -> None:
    # プーチン and 푸틴 are read PUTIN (a company's word here); PUTAN, one letter from it,
    # is no spelling of either
    index = build_index([
        {"entity_id": "o1", "dataset": "t", "source_id": "1", "schema": "Company",
         "caption": "PUTIN TRADING", "properties": {"name": ["PUTIN TRADING"]}},
        {"entity_id": "p1", "dataset": "t", "source_id": "2", "schema": "Person",
         "caption": "PUTAN", "properties": {"name": ["PUTAN"]}},
    ], "t")
    lists = Spellings(index.abjad, index.weights)
    for text in ("プーチン", "푸틴"):
        names = prepare_query_names(Query(text, "Person"), spellings=lists)
        assert ("putin",) in [n.tokens for n in names if isinstance(n.text, Guess)]
        assert not [r for r in match_query(index, Query(text, "Person"), limit=5) if r.match]
