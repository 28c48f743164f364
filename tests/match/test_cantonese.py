"""Cantonese readings of Han person names in Hong Kong's spelling."""

import pytest

from clearance.match import cantonese, zh
from clearance.match.prepare import person_variants
from clearance.resources import load_resource


@pytest.mark.parametrize(("syllable", "spelt"), [
    ("dang6", "tang"),  # b/d/g are written p/t/k
    ("bing2", "ping"),
    ("gaa1", "ka"),  # aa -> a
    ("zoeng1", "cheung"),  # z -> ch, oe -> eu
    ("ceoi4", "chui"),  # eoi -> ui (Tsui folds to the same key)
    ("jyut6", "yuet"),  # j -> y, yut -> uet
    ("jyu4", "yu"),
    ("kyun4", "kuen"),
    ("gwok3", "kwok"),
    ("seon6", "shun"),  # s -> sh before eo, oe, yu, e, aa
    ("saam1", "sham"),
    ("sai1", "sai"),  # but not before a short a
    ("lou4", "lo"),  # ou -> o
    ("ng4", "ng"),  # the syllabic nasal 吴 Ng
    ("hoeng", "heung"),  # the tone number is optional
])
def test_a_jyutping_syllable_is_spelt_as_hong_kong_writes_it(syllable: str, spelt: str) -> None:
    assert cantonese.hk_syllable(syllable) == spelt


@pytest.mark.parametrize(("name", "tokens"), [
    ("梁振英", ["leung", "chanying"]),
    ("黃大仙", ["wong", "taisin"]),
    ("歐陽明", ["au", "yeungming"]),  # three characters: one of surname, as in pinyin
    ("歐陽明德", ["auyeung", "mingtak"]),  # four: a two-character surname
    ("周星馳", ["chow", "singchi"]),  # a surname Hong Kong spells its own way (not Chau)
])
def test_a_han_name_is_read_as_surname_and_given_name_in_cantonese(
        name: str, tokens: list[str]) -> None:
    assert cantonese.person_tokens(name) == tokens


def test_traditional_and_simplified_characters_read_alike() -> None:
    assert cantonese.person_tokens("張國榮") == cantonese.person_tokens("张国荣")
    assert cantonese.person_tokens("张国荣") == ["cheung", "kwokwing"]


def test_a_character_without_a_reading_gives_no_cantonese_name(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cantonese, "jyutping", lambda char: None if char == "国" else "wai4")
    cantonese.person_reading.cache_clear()  # (readings are memoised)
    try:
        assert cantonese.person_tokens("张国荣") is None
    finally:
        cantonese.person_reading.cache_clear()


def test_a_business_term_keeps_a_han_text_from_being_read_as_a_name() -> None:
    assert zh.person_tokens("华为科技", "cantonese") is None
    assert zh.person_tokens("不是一个人的名字", "cantonese") is None


def test_a_han_person_name_has_a_mandarin_a_cantonese_and_a_wade_giles_reading() -> None:
    assert person_variants("王伟") == [["wang", "wei"], ["wong", "wai"], ["wang", "wei"]]
    assert person_variants("张伟") == [["zhang", "wei"], ["cheung", "wai"], ["chang", "wei"]]


def test_the_shipped_jyutping_table_is_the_one_the_installed_tojyutping_gives() -> None:
    # resources/jyutping.yml is read instead of ToJyutping's own table (its import costs
    # 1.3 s of CPU in every batch worker): regenerate it with benchmarks/make_resources.py
    pytest.importorskip("ToJyutping")
    shipped = load_resource("jyutping")["readings"]
    assert {str(k): str(v) for k, v in shipped.items()} == cantonese.build_readings()


@pytest.mark.parametrize(("syllables", "written", "agrees"), [
    (("kwok", "kei"), "kwokki", True),  # ei written i (CHAN Kwok-ki)
    (("yuet", "ngo"), "yuetngor", True),  # o written or
    (("chang",), "tsang", True),  # ch written ts
    (("chi", "wai"), "tszwai", True),  # a sibilant's i written z
    (("choi",), "choy", True),
    (("ching",), "chung", False),  # another final: another character
    (("shun", "wang"), "shusang", False),
    (("ping", "keung"), "pingkeu", False),  # a syllable cut short
    (("ping", "keung"), "pingkeungo", False),  # letters left over
])
def test_listed_letters_spell_a_cantonese_reading_syllable_by_syllable(
        syllables: tuple[str, ...], written: str, agrees: bool) -> None:
    assert cantonese.spells(syllables, written) is agrees


@pytest.mark.parametrize(("han", "tokens", "agrees"), [
    ("陈国基", ("chan", "kwok", "ki"), True),
    ("陈国基", ("kwok", "ki", "chan"), True),  # given name first
    ("陈国基", ("chan", "kwokki"), True),  # given name run together
    ("陈国基", ("chan", "eric", "kwok", "ki"), True),  # an English name between
    ("陈国基", ("chan", "eric"), False),  # no given name that spells it
    ("陈国基", ("chan",), False),
    ("陈国基", ("chan", "kwok", "kit"), False),  # another second syllable
    ("林郑月娥", ("lam", "cheng", "yuet", "ngor"), True),  # a surname of two syllables
    ("林郑月娥", ("lamcheng", "yuetngor"), True),
    ("李家超", ("lee", "ka", "chiu"), True),  # the surname's own spelling
    ("李家超", ("li", "ka", "chiu"), True),  # and its syllable's
    ("李家超", ("ka", "chiu"), False),  # no surname
    ("明晶", ("ming", "chung"), False),
])
def test_a_listed_name_agrees_with_a_cantonese_reading_by_its_runs_of_words(
        han: str, tokens: tuple[str, ...], agrees: bool) -> None:
    reading = cantonese.person_reading(han)
    assert reading is not None
    assert cantonese.name_agrees(reading, tokens) is agrees


def test_a_reading_that_agrees_holds_one_of_its_lookup_words_for_each_part() -> None:
    reading = cantonese.person_reading("林郑月娥")
    assert reading is not None
    surname, given = cantonese.lookup_words(reading)
    assert {"lam", "lamcheng"} <= surname
    assert {"yuet", "yuetngo", "yuetngor"} <= given


def test_person_tokens_run_the_reading_s_syllables_together() -> None:
    reading = cantonese.person_reading("李家超")
    assert reading == cantonese.Reading(("lei",), ("ka", "chiu"), "lee")
    assert cantonese.person_tokens("李家超") == ["lee", "kachiu"]
