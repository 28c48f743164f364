"""What the script wrote beside an abjad token (`abjad.written`), read against Latin words."""

import pytest

from clearance.match import abjad
from clearance.match.compare import compare_names
from clearance.match.prepare import ORG, PERSON, prepare_name, written_marks


def _org_score(query: str, listed: str) -> float:
    def flat(folded: str, legal: bool) -> float:
        return 0.1 if legal else 1.0

    return compare_names(prepare_name(query, ORG), prepare_name(listed, ORG), flat, 1.0, 0.6,
                         False, unvocalised=True).score


@pytest.mark.parametrize(("text", "token", "marks"), [
    ("قد", "qd", 0),  # nothing left out
    ("القاعدة", "qd", 2),  # alef and ayin between q and d, the same token as قد
    ("سعد", "sd", 1),  # an ayin
    ("سپه", "sph", abjad.FINAL_HE | abjad.END_HE),  # a Persian word's he after a consonant
    ("بانک آینده", "ayndh", abjad.FINAL_HE | abjad.END_HE),
    # in Arabic, a ta marbuta typed as a he, which Latin may leave out; a he all the same
    # (`END_HE`: a vowel a Latin word may run two words together with)
    ("حماده", "hmdh", 1 | abjad.END_HE),
    ("شاه", "shh", 1),  # its alef; a he after an alef is no vowel of its own
    ("وفاء", "wfh", 1),  # a final alef and hamza is "h" too: no he
    ("صالح", "slh", 1),  # a final ح: no he either
    ("משה", "mshh", abjad.HEBREW_FINAL_HE | abjad.END_HE),  # Hebrew's final he after a consonant: MOSHE
    ("חנה", "khnh", abjad.HEBREW_FINAL_HE | abjad.END_HE),
    ("לאה", "lh", 1),  # after an alef (LEAH): the alef is the vowel
    ("אריה", "aryh", 0),  # after a yod (ARYEH)
])
def test_written_marks_what_the_token_leaves_out(text: str, token: str, marks: int) -> None:
    assert written_marks(text)[token] == marks


def test_a_token_two_words_share_keeps_the_marks_both_have() -> None:
    assert written_marks("القاعدة قد")["qd"] == 0


def test_a_latin_name_has_no_marks() -> None:
    assert written_marks("AL QAIDA") == {}


@pytest.mark.parametrize(("latin", "marks", "expected"), [
    ("qaida", 0, 0.75),  # two letters say little
    ("qaida", 2, 0.9),  # ... but alef and ayin were written where QAIDA has its vowels
    ("qaeda", 2, 0.9),
    ("gaz", 2, 0.75),  # one vowel for two written letters
    ("qada", 2, 0.75),
])
def test_a_written_alef_or_ayin_shown_by_latin_vowels_counts_as_a_letter(
        latin: str, marks: int, expected: float) -> None:
    assert abjad.similarity("qd", latin, marks) == expected


@pytest.mark.parametrize(("token", "latin", "expected"), [
    ("sph", "sepah", 0.9),  # the he written as an h
    ("sph", "sepa", 0.75),  # as a vowel: what any two-letter token may end with
    ("sph", "cuba", 0.75),
    ("sph", "siib", 0.75),  # not written at all: ends on a consonant
    ("ayndh", "ayandeh", 0.9),
    ("ayndh", "aynaz", 0.75),
    ("jbhh", "jabhat", 0.9),  # a ta marbuta typed as a he
])
def test_a_final_he_after_a_consonant_is_written_in_latin(token: str, latin: str,
                                                          expected: float) -> None:
    assert abjad.similarity(token, latin, abjad.FINAL_HE) == expected


def test_without_marks_as_before() -> None:
    assert abjad.similarity("sph", "siib") == 0.9
    assert abjad.similarity("wfh", "wafa") == 0.9


@pytest.mark.parametrize(("query", "listed", "alerts"), [
    ("القاعدة", "AL-QA'IDA", True),
    ("بانک سپه", "BANK SEPAH", True),
    ("بانک سپه", "NATIONAL BANK OF CUBA", False),
    ("بانک آینده", "AYANDEH BANK", True),
    ("بانک آینده", "AYNAZ", False),
])
def test_names_in_the_script_against_latin_records(query: str, listed: str,
                                                   alerts: bool) -> None:
    assert (_org_score(query, listed) >= 0.8) == alerts


def test_a_hebrew_final_he_is_the_vowel_latin_writes() -> None:
    marks = written_marks("חנה כהן")["khnh"]
    assert abjad.similarity("khnh", "hana", marks) == 0.9
    assert abjad.similarity("khnh", "han", marks) == 0.75  # HAN ends without it
    assert abjad.similarity("dnh", "dana", written_marks("דנה")["dnh"]) == 0.9  # 3 letters


def test_words_run_together_keep_the_final_he_of_the_last() -> None:
    def pair(listed: str) -> float:
        query = prepare_name("نیک نامه", PERSON)
        comp = compare_names(query, prepare_name(listed, PERSON), lambda f, lf: 1.0, 1.0,
                             0.15, True, unvocalised=True)
        return {p.query: p.similarity for p in comp.pairs}["nyk nmh"]

    assert pair("NIKNAMEH") == 0.9
    assert pair("NIKNAM") == 0.75  # the he written, as a vowel or an h, is not in NIKNAM
