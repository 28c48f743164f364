"""Russian organisation names in Cyrillic meet the English names the lists give them."""

from __future__ import annotations

import pytest

from clearance.index.build import Index, build_index
from clearance.match.cyrillic_terms import english_names, stems
from clearance.match.engine import match_query
from clearance.match.score import Query


def test_a_word_s_stems_are_it_less_an_inflection_ending_of_three_letters_left() -> None:
    assert {"федеральн", "федеральная"} <= stems("федеральная")
    assert "федеральн" in stems("федерального") and "федеральн" in stems("федеральной")
    assert stems("газ") == {"газ"}  # "га" is too short to be a stem


@pytest.mark.parametrize(("text", "reading"), [
    ("Федеральной службы безопасности", "federal service security"),  # inflected
    ("Общество с ограниченной ответственностью Ромашка",  # the phrase wins over its words
     "limited liability company ромашка"),
    ("Научно-исследовательский институт Квант", "scientific research institute квант"),
    ("Коммерчески банк Восток", "commercial bank восток"),  # OFAC's spelling without й
])
def test_known_words_are_translated_in_any_case_and_the_rest_kept(text: str,
                                                                  reading: str) -> None:
    assert english_names(text)[0] == reading


def test_a_name_with_no_known_word_gives_no_reading() -> None:
    assert english_names("Ромашка") == [] and english_names("Иван Петров") == []


def test_a_term_with_two_english_forms_gives_a_reading_with_each() -> None:
    names = english_names("Российский фонд")
    assert names[:2] == ["russian fund", "russia foundation"] and len(names) <= 4


def _index() -> Index:
    names = ["FEDERAL SECURITY SERVICE", "MOSCOW EXCHANGE", "VOSTOK TRADING LLC"]
    return build_index([{"entity_id": f"o{k}", "dataset": "t", "source_id": str(k),
                         "schema": "Organization", "caption": n, "properties": {"name": [n]}}
                        for k, n in enumerate(names)], "t")


@pytest.mark.parametrize(("query", "entity"), [
    ("Федеральная служба безопасности", "o0"),
    ("Федеральная служба безопасности Российской Федерации", "o0"),
    ("ПАО «Московская биржа»", "o1"),
    ("Московский банк", None),  # moscow + bank: another name, no alert
])
def test_a_registered_name_in_russian_reaches_the_listed_english_name(
        query: str, entity: str | None) -> None:
    found = match_query(_index(), Query(query, "LegalEntity"), limit=1)
    if entity is None:
        assert not found or not found[0].match, found[:1]
    else:
        assert found[0].entity_id == entity and found[0].match, found[:1]


def test_a_person_s_name_in_cyrillic_is_not_read_as_business_words() -> None:
    # (a person is never an organisation's reading: Банк is a surname too)
    found = match_query(_index(), Query("Банк Москва", "Person"), limit=1)
    assert not found or not found[0].match


def test_the_state_s_name_after_a_body_s_name_is_read_with_and_without_it() -> None:
    # the lists name the FSB "FEDERAL SECURITY SERVICE", its own name adds "of the Russian
    # Federation"
    names = english_names("Федеральная служба безопасности Российской Федерации")
    assert names == ["federal service security russian federation", "federal service security"]
