"""Korean organisation names in Hangul: term segmentation, readings, and matching."""

from __future__ import annotations

import pytest

from clearance.index.build import Index, build_index
from clearance.match.engine import match_query, prepare_query_names
from clearance.match.hangul_terms import english_names, segments, terms
from clearance.match.score import Query


@pytest.mark.parametrize(("text", "pieces"), [
    # every word a term, longest first (총회사 before 회사)
    ("조선기계총회사", [("조선", True), ("기계", True), ("총회사", True)]),
    # a proper name between terms stays one piece
    ("조선백두산무역회사", [("조선", True), ("백두산", False), ("무역", True), ("회사", True)]),
    # a one-syllable term only right after a term: 성 ends 인민무력성 ...
    ("인민무력성", [("인민", True), ("무력", True), ("성", True)]),
    # ... and is a syllable of the name in 룡성 and 김일성
    ("조선룡성은행", [("조선", True), ("룡성", False), ("은행", True)]),
    ("김일성", [("김일성", False)]),
    # digits are pieces of their own; written words are cut apart
    ("제3기계 공업성", [("제", False), ("3", False), ("기계", True), ("공업", True),
                    ("성", True)]),
])
def test_a_name_is_cut_into_terms_and_proper_names(text: str,
                                                   pieces: list[tuple[str, bool]]) -> None:
    assert segments(text) == pieces


def test_north_and_south_spellings_of_a_word_are_both_terms() -> None:
    # the DPRK keeps an initial ㄹ the South writes as ㅇ or ㄴ
    assert terms()["련합"] == terms()["연합"]
    assert terms()["로동당"] == terms()["노동당"]


def test_terms_go_into_english_and_the_rest_into_both_romanisations() -> None:
    names = english_names("조선백두산무역회사")
    # McCune-Reischauer as the DPRK writes it first, then the Revised Romanization
    assert names[0] == "korea paektusan trading corporation"
    assert names[1] == "korean baekdusan trade company"
    # the whole name word by word, for lists that transliterate it ("... MUYOK HOESA"):
    # ㅈ as the DPRK writes it now (j), as older entries do (ch), and the South's spelling
    assert names[-3:] == ["joson paektusan muyok hoesa", "choson paektusan muyok hoesa",
                          "joseon baekdusan muyeok hoesa"]
    assert len(names) <= 9


def test_a_proper_name_is_spelt_as_the_north_and_older_entries_spell_it_too() -> None:
    names = english_names("노성합영은행")  # 노성: Rosong in the North, ㅈ-less
    assert "nosong joint venture bank" in names
    assert "rosong joint venture bank" in names  # the North keeps the initial ㄹ
    assert "chinmyong joint venture bank" in english_names("진명합영은행")  # ㅈ as ch


def test_a_name_that_begins_with_the_country_has_a_reading_with_it_last() -> None:
    assert ("central bank of the democratic peoples republic of korea"
            in english_names("조선중앙은행"))
    assert all("of the democratic" not in n for n in english_names("중앙은행"))


def test_a_name_without_a_known_word_gives_no_reading() -> None:
    assert english_names("백두산") == []
    assert english_names("김정철") == []


@pytest.mark.parametrize("text", [
    "회사 한빛",  # a legal form and one name: "corporation hanbit" meets any HANBIT
    "종합 회사",  # a legal form and one generic word
])
def test_a_name_that_says_too_little_gives_no_reading(text: str) -> None:
    assert english_names(text) == []


@pytest.mark.parametrize("text", [
    "주식회사 한빛무역", "한빛무역 유한회사", "(주)한빛무역", "㈜한빛무역", "한빛무역(유)",
])
def test_a_south_korean_company_form_means_no_dprk_reading(text: str) -> None:
    # the Commercial Act's forms mark a South Korean company; DPRK names have none
    assert english_names(text) == []
    assert english_names("한빛무역회사")  # the same name without one is read


@pytest.mark.parametrize("text", [
    "조선백두산무역주식회사", "(주)조선백두산무역", "㈜ 조선백두산무역", "조선백두산무역 유한회사",
])
def test_a_dprk_name_with_a_south_korean_form_is_read_as_a_company(text: str) -> None:
    # 조선 is the DPRK's own name for its country (the South writes 한국): a South Korean
    # writer's register form on a DPRK company's name says it is a company (회사)
    assert english_names(text)[0] == "korea paektusan trading corporation"


@pytest.mark.parametrize("text", ["한국백두산무역주식회사", "백두산조선 주식회사"])
def test_a_south_korean_form_without_the_dprk_name_first_gives_no_reading(text: str) -> None:
    # 한국 is the South's name for its country; 조선 inside a name is shipbuilding (造船)
    assert english_names(text) == []


def _dprk_index() -> Index:
    names = ["KOREA PAEKTUSAN TRADING CORPORATION", "MYOHYANG COMMERCIAL BANK",
             "KOREA RYONGSONG GENERAL CORPORATION", "CHOSON SONGDO UNHAENG",
             "KOREA SAMHAE SHIPPING COMPANY"]
    return build_index([{"entity_id": f"c{k}", "dataset": "t", "source_id": str(k),
                         "schema": "Organization", "caption": n, "properties": {"name": [n]}}
                        for k, n in enumerate(names)], "t")


@pytest.mark.parametrize(("query", "entity"), [
    ("조선백두산무역회사", "c0"),  # every word translated but the name
    ("묘향상업은행", "c1"),  # 묘향 Myohyang in McCune-Reischauer
    ("조선 룡성 총회사", "c2"),  # written in words, 성 part of the name
    ("조선송도은행", "c3"),  # a list that keeps the Korean words (UNHAENG)
    ("조선삼해해운회사", "c4"),
    ("조선삼해해운주식회사", "c4"),  # a South Korean writer's form on a DPRK name
])
def test_a_hangul_organisation_name_finds_its_listed_english_name(query: str,
                                                                  entity: str) -> None:
    index = _dprk_index()
    for schema in ("LegalEntity", "Organization", "Company"):
        found = match_query(index, Query(query, schema), limit=1)
        assert found and found[0].entity_id == entity and found[0].match, (schema, found[:1])


def test_shared_business_words_alone_do_not_alert() -> None:
    index = _dprk_index()
    for query in ("조선상업은행", "조선금강무역회사", "조선해운회사"):
        found = match_query(index, Query(query, "LegalEntity"), limit=1)
        assert not found or not found[0].match, (query, found[:1])


def test_a_short_hangul_name_of_unknown_type_keeps_its_persons_reading() -> None:
    # 김은행 may be a person (three syllables): the person's readings stay beside the term
    # reading ("kim bank")
    readings = [n.tokens for n in prepare_query_names(Query("김은행"))]
    assert ("kim", "eunhaeng") in readings or ("gim", "eunhaeng") in readings
    assert ("kim", "bank") in readings


def test_a_persons_name_gets_no_organisation_reading() -> None:
    readings = [n.tokens for n in prepare_query_names(Query("김은행", "Person"))]
    assert all("bank" not in r for r in readings)
