"""Korean names in Hangul, romanised as South Korean passports and the DPRK's lists write them."""

from __future__ import annotations

import pytest

from clearance.match.hangul import (
    given_agrees,
    korean_given,
    korean_surname,
    north_spelling,
    person_tokens,
    romanize,
    surname_agrees,
)


def test_mccune_reischauer_voices_k_t_p_inside_a_word_after_a_voiced_sound() -> None:
    assert person_tokens("리만건", "mr") == ["ri", "mangon"]  # after n
    assert person_tokens("김수길", "mr") == ["kim", "sugil"]  # after a vowel
    assert romanize("순덕", "mr") == "sundok"  # after n: d
    assert romanize("박철", "mr") == "pakchol"  # after k: no voicing, ch never voiced


def test_a_given_names_first_syllable_keeps_its_word_initial_consonant() -> None:
    assert person_tokens("김덕훈", "mr") == ["kim", "tokhun"]
    assert person_tokens("박봉주", "mr") == ["pak", "pongju"]


def test_revised_romanization_writes_each_consonant_one_way() -> None:
    assert person_tokens("리만건", "rr") == ["ri", "mangeon"]
    assert person_tokens("김정은", "rr") == ["gim", "jeongeun"]


def test_a_four_syllable_name_has_a_two_syllable_surname() -> None:
    assert person_tokens("남궁민수", "rr") == ["namgung", "minsu"]
    assert person_tokens("Kim Jong Un") is None


def test_the_popular_spelling_is_the_one_south_korean_passports_use() -> None:
    assert person_tokens("최두호", "pop") == ["choi", "dooho"]
    assert person_tokens("황종수", "pop") == ["hwang", "jongsoo"]
    assert person_tokens("현우성", "pop") == ["hyun", "woosung"]
    assert person_tokens("오슬기", "pop") == ["oh", "seulki"]
    assert person_tokens("이시영", "pop") == ["lee", "siyoung"]
    assert person_tokens("장서희", "pop") == ["chang", "suhhee"]  # surname ch, open eo uh


@pytest.mark.parametrize(("given", "written"), [
    ("용택", "yongtaek"), ("용택", "yongtaik"), ("용택", "yongthaek"),
    ("수정", "sujeong"), ("수정", "soojung"), ("수정", "soojeong"),  # mixed systems
    ("정은", "jongun"), ("정은", "chongun"), ("영", "young"), ("희", "hee"),
])
def test_a_given_name_in_any_romanisation_spells_its_syllables(given: str, written: str
                                                               ) -> None:
    assert given_agrees(given, written)


@pytest.mark.parametrize(("given", "written"), [
    ("영숙", "yongsu"),  # 숙 ends in k
    ("동현", "dongjin"),  # another second syllable, letters alike
    ("상훈", "songhun"),  # 상 is sang
    ("정", "jeongsu"),  # a syllable more
])
def test_another_syllable_is_another_given_name_however_near_its_letters(
        given: str, written: str) -> None:
    assert not given_agrees(given, written)


def test_surnames_meet_in_the_norths_and_the_souths_spellings_and_the_conventional_ones(
        ) -> None:
    for surname, written in [("이", "lee"), ("이", "ri"), ("리", "yi"), ("이", "rhee"),
                             ("박", "park"), ("박", "pak"), ("최", "choi"), ("임", "rim"),
                             ("양", "ryang"), ("안", "ahn"), ("노", "roh"), ("남궁", "namgung")]:
        assert surname_agrees(surname, written), (surname, written)
    for surname, written in [("양", "jang"), ("장", "jong"), ("최", "cho"), ("김", "kam")]:
        assert not surname_agrees(surname, written), (surname, written)


def test_only_a_name_written_the_korean_way_is_read_syllable_by_syllable() -> None:
    assert (korean_surname("남궁민수"), korean_given("남궁민수")) == ("남궁", "민수")
    assert (korean_surname("김정은"), korean_given("김정은")) == ("김", "정은")
    assert korean_given("윌 포터") is None  # Will Potter: words apart, a foreign name
    assert korean_given("Kim Jong Un") is None and korean_given("김") is None


@pytest.mark.parametrize(("south", "north"), [
    ("능라도", "릉라도"),  # ㄴ before ㅡ: Rungrado
    ("노동", "로동"),  # ㄴ before ㅗ
    ("연하", "련하"),  # ㅇ before ㅕ: Ryonha
    ("이", "리"),
    ("유경", "류경"),  # ㅇ before ㅠ: Ryugyong
    ("아리랑", "아리랑"),  # ㅇ before ㅏ: no ㄹ was dropped
    ("대성", "대성"),  # another initial
    ("나선", "라선"),  # ㄴ before ㅏ: Rason
    ("니", "니"),  # ㄴ before ㅣ stays (녀 여 is the rule there, not ㄹ)
])
def test_the_norths_initial_lieul_is_restored_where_the_south_drops_it(south: str,
                                                                      north: str) -> None:
    assert north_spelling(south) == north


def test_agreement_answers_are_kept_and_are_those_read_letter_by_letter() -> None:
    # (made-up pairs: the spellings of a syllable and words that spell another one)
    from clearance.match import hangul

    for given, written in [("용택", "yongtaik"), ("영숙", "yongsu"), ("수정", "sujeong"),
                           ("수정", "sujong"), ("민", "min")]:
        first = given_agrees(given, written)
        assert first == hangul._given_agrees(given, written), (given, written)
        hits = given_agrees.cache_info().hits
        assert given_agrees(given, written) == first
        assert given_agrees.cache_info().hits == hits + 1
    for surname, written in [("임", "rim"), ("양", "jang"), ("남궁", "namgung"), ("남궁", "nam")]:
        first = surname_agrees(surname, written)
        hits = surname_agrees.cache_info().hits
        assert surname_agrees(surname, written) == first
        assert surname_agrees.cache_info().hits == hits + 1
    assert surname_agrees("임", "rim") and not surname_agrees("양", "jang")
    assert surname_agrees("남궁", "namgung") and not surname_agrees("남궁", "nam")
