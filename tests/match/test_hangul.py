"""Korean names in Hangul, romanised as South Korean passports and the DPRK's lists write them."""

from __future__ import annotations

from clearance.match.hangul import person_tokens, romanize


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
