"""Cyrillic romanised as the lists write it (`clearance.match.cyrillic`)."""

from clearance.match.cyrillic import romanize
from clearance.match.engine import match_query
from clearance.match.score import Query, ScoringConfig
from tests.match.lists import list_index


def test_yo_after_a_vowel_is_yo_and_after_a_consonant_e() -> None:
    # a Japanese name in Russian writes the yo of MIYOKO as ё after a vowel; a Russian
    # name's ё after a consonant is the e of the lists' ARTEM, FEDOROV
    assert romanize("миёко тоёда") == "miyoko toyoda"
    assert romanize("артём фёдоров") == "artem fedorov"
    assert romanize("соловьёв") == "solovev"  # (after a sign, kept as the lists write it)


def test_a_japanese_name_with_yo_in_cyrillic_alerts_on_the_listed_name() -> None:
    index = list_index("TOYODA, Miyoko", "TODA, Mieko")
    results = match_query(index, Query("Миёко Тоёда", "Person"), ScoringConfig(), limit=5)
    assert results and results[0].source_id == "s0" and results[0].match


def test_bulgarian_yer_before_a_consonant_is_a_and_russian_hard_sign_is_nothing() -> None:
    # Bulgarian's ъ is a vowel, romanised a (Bulgaria's Transliteration Act, BGN/PCGN);
    # Russian writes ъ before е, ё, ю, я alone, a sign of no sound
    assert romanize("петър вълчев") == "petar valchev"
    assert romanize("лъчезар кръстев") == "lachezar krastev"
    assert romanize("подъячев объезд") == "podyachev obezd"


def test_a_bulgarian_name_in_cyrillic_is_the_listed_name_written_the_bulgarian_way() -> None:
    index = list_index("VALCHEV, Petar", "PETROV, Valentin")
    (first, *_) = match_query(index, Query("Петър Вълчев", "Person"), ScoringConfig(), limit=3)
    assert first.source_id == "s0" and first.score == 1.0
