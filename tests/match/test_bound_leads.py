"""`bound._leads`: what `compare._same_start` asks of a run's first word, worked out once
per query word, tells for every listed word what `_same_start` tells (the bound of an
unvocalised comparison asks it for each first word of the query's runs and each listed
word of its candidates)."""

from __future__ import annotations

import pytest

from clearance.match.abjad import consonantal
from clearance.match.bound import _leads
from clearance.match.compare import _same_start

#: romanised abjad words (an alef, ayin-led, consonant-led; a two-letter article), Latin
#: words led by a vowel or not, an initial
FIRST_WORDS = ["azt", "ahmd", "abd", "al", "syd", "mhmd", "dya", "thna", "khlyl", "ywsf",
               "omar", "ali", "emma", "said", "a", "s", "qsy", "zyd", "ashrf", "ayshh"]
#: listed words: Latin spellings, romanised words, initials
WORDS = ["ezatullah", "ahmad", "said", "caid", "ziauddin", "sanaullah", "abdul", "abdur",
         "mhmd", "omar", "umar", "zaid", "daoud", "khalil", "youssef", "isa", "a", "e", "s",
         "ahmd", "ali", "aly", "ul", "uddin", "qusay", "ashraf", "achraf", "tsaid", "jusuf"]


@pytest.mark.parametrize("first", FIRST_WORDS)
def test_a_run_s_first_word_starts_a_listed_word_as_same_start_says(first: str) -> None:
    lead, vowel_led = _leads(first)
    for word in WORDS:
        told = word[:1] in lead or (vowel_led and word[:1] == "a" and consonantal(word))
        assert told == _same_start(first, word, True), (first, word)


def test_a_romanised_word_starts_its_latin_spellings() -> None:
    assert "c" in _leads("syd")[0] and "s" in _leads("syd")[0]  # CAID, SAID
    assert set("aeiou") <= set(_leads("azt")[0])  # EZATULLAH
    assert _leads("omar") == ("o", True)  # a Latin word: its own letter; "a" if romanised
