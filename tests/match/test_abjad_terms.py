"""Persian and Arabic company names: business words translated, the rest kept in the script."""

from __future__ import annotations

import pytest

from clearance.index.build import Index, build_index
from clearance.match.abjad_terms import english_names, fold_arabic
from clearance.match.engine import match_query
from clearance.match.score import Query


def test_arabic_and_persian_letter_forms_fold_to_one_spelling() -> None:
    # Arabic yeh/kaf/teh marbuta and Persian forms; diacritics, tatweel, ZWNJ
    assert fold_arabic("شركة") == fold_arabic("شرکه")
    assert fold_arabic("مُؤَسَّسَة") == fold_arabic("موسسه")
    assert fold_arabic("سرمایه\u200cگذاری") == "سرمایه گذاری"


@pytest.mark.parametrize(("text", "names"), [
    ("شرکت فولاد کویر", ["company steel کویر"]),
    ("شركة النفط الوطنية", ["company oil national"]),  # the article dropped for the lookup
    ("سرمایه\u200cگذاری زاگرس", ["investment زاگرس"]),  # a two-word term across a ZWNJ
    ("بانک ملی ایران", ["bank national iran", "bank national iranian"]),
    ("کویر زاگرس", []),  # no known word: no extra name
])
def test_known_words_are_translated_and_the_rest_kept(text: str, names: list[str]) -> None:
    assert english_names(text) == names


def _company_index() -> Index:
    names = ["KAVIR STEEL COMPANY", "NATIONAL IRANIAN PAPER COMPANY", "BANK TOSEH SANAT",
             "ZAGROS TRADING LLC"]
    return build_index([{"entity_id": f"c{k}", "dataset": "t", "source_id": str(k),
                         "schema": "Company", "caption": n, "properties": {"name": [n]}}
                        for k, n in enumerate(names)], "t")


@pytest.mark.parametrize(("query", "entity"), [
    ("شرکت فولاد کویر", "c0"),  # KAVIR STEEL COMPANY, its words in Persian order
    ("شرکت ملی کاغذ ایران", None),  # paper is no known term: كاغذ stays, no alert expected
    ("بانک توسعه صنعت", "c2"),  # a listed name that keeps its words transliterated
])
def test_a_registered_name_in_persian_reaches_the_listed_english_name(
        query: str, entity: str | None) -> None:
    index = _company_index()
    found = match_query(index, Query(query, "LegalEntity"), limit=1)
    if entity is None:
        assert not found or not found[0].match
    else:
        assert found[0].entity_id == entity and found[0].match, found[:1]


def test_shared_business_words_alone_do_not_alert() -> None:
    index = _company_index()
    found = match_query(index, Query("شرکت فولاد البرز", "Company"), limit=1)
    assert not found or not found[0].match  # steel + company, another name: no alert
