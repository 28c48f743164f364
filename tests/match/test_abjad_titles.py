"""Titles before a person's name in Arabic and Persian script: the name is also read without them."""

from __future__ import annotations

import pytest

from clearance.index.build import Index, build_index
from clearance.match.abjad_titles import without_titles
from clearance.match.engine import match_query, prepare_query_names
from clearance.match.score import Query

ZWNJ = "\u200c"


@pytest.mark.parametrize(("text", "bare"), [
    ("السيد كريم الفاضلي", "كريم الفاضلي"),  # Sayyid (Mr.), with the article
    ("سید کریم فاضلی", "کریم فاضلی"),  # Persian
    ("الشيخ سالم البرقاوي", "سالم البرقاوي"),
    ("اللواء سالم البرقاوي", "سالم البرقاوي"),  # a rank, Arab armies
    ("سرلشکر کریم فاضلی", "کریم فاضلی"),  # a rank, Iran
    ("حاج سرتیپ کریم فاضلی", "کریم فاضلی"),  # two titles in a row
    # a title of two words, with a non-joiner, a space or nothing between them, and
    # another title after it
    (f"آیت{ZWNJ}الله سید کریم فاضلی", "کریم فاضلی"),
    ("آیت الله سید کریم فاضلی", "کریم فاضلی"),
    ("آیتالله سید کریم فاضلی", "کریم فاضلی"),
    (f"حجت{ZWNJ}الاسلام والمسلمین کریم فاضلی", "کریم فاضلی"),
    # keyboards' spellings: Arabic yeh and kaf in Persian, a bare alef, a shadda
    ("آيت الله سيد كريم فاضلي", "كريم فاضلي"),
    ("ايت الله كريم فاضلي", "كريم فاضلي"),
    ("السيّد كريم الفاضلي", "كريم الفاضلي"),
])
def test_leading_titles_are_left_out(text: str, bare: str) -> None:
    assert without_titles(text) == bare


@pytest.mark.parametrize("text", [
    "كريم الفاضلي",  # no title
    "سعيد الفاضلي",  # Said: romanised like سید "syd", but a given name, not the title
    "سید کریم",  # one word would be left: a given name alone says too little
    f"آیت{ZWNJ}الله",  # nothing but a title
    "كريم السيد الفاضلي",  # not before the name
    "آیت کریم فاضلی",  # half of a title is none
    "Sayyid Karim Fadili",  # Latin script: not read here
    # polite forms of address a book writes before any customer's name (Mr., Dr., Eng.)
    "جناب آقای دکتر کریم فاضلی",
    "المهندس كريم الفاضلي",
])
def test_no_reading_without_a_leading_title_or_with_too_little_left(text: str) -> None:
    assert without_titles(text) is None


def test_the_query_keeps_the_name_as_written_beside_the_bare_one() -> None:
    names = prepare_query_names(Query("السيد كريم الفاضلي", "Person"))
    assert [n.text for n in names] == ["السيد كريم الفاضلي", "كريم الفاضلي"]
    # an organisation's name is not read so (السيد is no title of a company)
    assert len(prepare_query_names(Query("السيد كريم الفاضلي", "Company"))) == 1


def _people() -> Index:
    names = ["FADILI, Karim Salem", "HASHIMI, Seyed Karim", "BARQAWI, Salim"]
    return build_index([{"entity_id": f"p{k}", "dataset": "t", "source_id": str(k),
                         "schema": "Person", "caption": n, "properties": {"name": [n]}}
                        for k, n in enumerate(names)], "t")


@pytest.mark.parametrize(("query", "entity"), [
    ("آیت\u200cالله سید کریم فاضلی", "p0"),  # two titles before the name
    ("السيد كريم سالم الفاضلي", "p0"),
    ("اللواء سالم البرقاوي", "p2"),
    ("سید کریم هاشمی", "p1"),  # a list that carries the title as a name still meets it
])
def test_a_titled_name_in_arabic_script_alerts_on_the_listed_person(
        query: str, entity: str) -> None:
    found = match_query(_people(), Query(query, "Person"), limit=1)
    assert found and found[0].match and found[0].entity_id == entity, found[:1]


def test_the_first_of_two_yehs_is_no_j() -> None:
    # Persian's final yeh written twice (a long i or a) is a vowel: محسنی "mhsnyy" spells
    # MOHSENI alone, not MOHSENI EJEI run together (the consonant J of Slavic spellings)
    from clearance.match.abjad import similarity

    assert similarity("mhsnyy", "mohseni") > 0
    assert similarity("mhsnyy", "mohseniejei") == 0
    assert similarity("ywkytsh", "jokic") > 0  # an initial yeh is still a J (يوكيتش)
