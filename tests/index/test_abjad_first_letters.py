"""`abjad.starts`: a first look at an abjad word skips the Latin spellings under its keys
whose first letter its pattern cannot start with, and finds exactly what trying every
spelling found.

A key files consonants of one class together (s, d, z, t; "syd" under "t", with DAOUD and
TOOS), so most spellings under a key are tried and refused by the pattern; a word not led
by an alef starts with its first unit's spellings, told before the pattern is tried.
"""

from __future__ import annotations

import pytest

from clearance.index import search
from clearance.index.build import Index
from clearance.match import abjad


def test_a_word_led_by_a_consonant_starts_with_its_spellings_only() -> None:
    firsts = abjad.starts("syd")
    assert "s" in firsts and "c" in firsts  # (SAID, CAID)
    assert "d" not in firsts and "z" not in firsts
    assert abjad.key("syd") == abjad.key("daoud")  # one key, yet no fit: skipped unread
    assert abjad.similarity("syd", "daoud") == 0.0
    assert abjad.similarity("syd", "said") > 0.0


def test_an_initial_alef_leaves_the_first_letter_open() -> None:
    # its vowels may be written or left out (أحمد AHMAD, AHMED; HMD is no spelling of it,
    # but EHMED and the like start otherwise than the alef's "a")
    assert abjad.starts("ahmd") == ""


@pytest.mark.parametrize("token", ["syd", "mhmd", "khlyl", "zyd", "qsy", "tkryty", "jbhh",
                                   "hsyn", "shryf", "ywsf", "brykh", "slmn", "dwd", "tlhh"])
def test_every_fitting_spelling_starts_with_one_of_its_letters(index: Index,
                                                                token: str) -> None:
    firsts = abjad.starts(token)
    fitting = [spelling for k in abjad.keys(token) for _, spelling in index.abjad.get(k, ())
               if abjad.similarity(token, spelling) > 0.0]
    assert fitting
    assert not firsts or all(spelling[0] in firsts for spelling in fitting)


def test_a_first_look_finds_what_trying_every_spelling_found(
        index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    tokens = ["syd", "mhmd", "khlyl", "zyd", "qsy", "hsyn", "shryf", "ywsf", "dwd", "ahmd",
              "tkryty", "jbhh", "brykh", "slmn", "tlhh", "nsrllh", "ashrf", "krym"]
    index.abjad_fits.clear()
    cut = {t: sorted(search.abjad_alternatives(index, t)) for t in tokens}
    index.abjad_fits.clear()
    monkeypatch.setattr(search, "abjad_starts", lambda token: "")
    every = {t: sorted(search.abjad_alternatives(index, t)) for t in tokens}
    index.abjad_fits.clear()
    assert cut == every


def test_a_key_s_spellings_are_filed_by_first_letter_in_their_order(index: Index) -> None:
    # each spelling once, under its first letter, with its place under the key and its
    # letters as bits (-1: a character outside a-z, told by `_within`)
    for k in ("td", "mhmd", "khll", "ahmd"):
        listed = index.abjad.get(k, [])
        filed = search._filed_spellings(index, k)
        rows = sorted(row for group in filed.values() for row in group)
        assert [(tid, spelling) for _, tid, spelling, _ in rows] == listed
        assert all(spelling[0] == first for first, group in filed.items()
                   for _, _, spelling, _ in group)
        assert all(bits == search._az_bits(spelling) for _, _, spelling, bits in rows)
    assert search._az_bits("said") == search._letter_mask(frozenset("sadi"))
    assert search._az_bits("saïd") == -1


@pytest.mark.parametrize("token", ["syd", "mhmd", "khlyl", "ahmd", "ashrf", "nsrllh",
                                   "abdllh", "hsyn", "tkryty", "ywsf"])
def test_a_first_look_finds_the_fitting_tokens_in_the_order_every_spelling_gave(
        index: Index, token: str) -> None:
    # the order of the answer is the order of the keys and of the spellings under each
    # (the candidate merge reads it): as trying every spelling in turn gave it
    allowed = abjad.letters(token)
    assert allowed is not None
    best: dict[int, float] = {}
    for k in abjad.keys(token):
        for tid, spelling in index.abjad.get(k, ()):
            sim = abjad.similarity(token, spelling) if abjad.consonantal(token) else 0.0
            if sim > best.get(tid, 0.0):
                best[tid] = sim
    index.abjad_fits.clear()
    assert search.abjad_alternatives(index, token) == list(best.items())
    index.abjad_fits.clear()
