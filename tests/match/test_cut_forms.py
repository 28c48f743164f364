"""A legal form cut short where a name ends, as a field's width cuts it ("... OIL COMP",
"... LIMITED LIABILITY COMP", "... CORPORATI"), is that form (issue 11): a weak qualifier,
never a distinctive word; a short word that is a form or a word of its own (CO, INC, COM,
INT) stays what it is. Names here are made up."""

import pytest

from clearance.match.engine import match_query
from clearance.match.score import Query
from tests.match.lists import list_index
from tests.match.test_orgs import _marked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("QUORVEX OIL COMP", ["quorvex", "oil", "co*"]),
        ("Quorvex Holdings Corporati", ["quorvex", "holdings", "corp*"]),
        ("Quorvex Trading Limi", ["quorvex", "trading", "ltd*"]),
        ("QUORVEX LIMITED LIABILITY COMP", ["quorvex", "llc*"]),
        ("Quorvex Private Joint Stock Com", ["quorvex", "jsc*"]),
        ("Quorvex Trading Co., Li", ["quorvex", "trading", "ltd*"]),  # after a form: 2
        ("Quorvex Trading Company Lim", ["quorvex", "trading", "ltd*"]),
        ("Quorvex (Private) Lim", ["quorvex", "ltd*"]),
        ("Quorvex Youxian Gon", ["quorvex", "ltd*"]),  # GONG is a word of GONG SI
        ("Quorvex Obshchestvo s Ogranichennoi Otvets", ["quorvex", "llc*"]),
    ],
)
def test_a_form_cut_where_the_name_ends_is_that_form(text: str, expected: list[str]) -> None:
    assert _marked(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("QUORVEX INTERNATIONAL LTD CO", ["quorvex", "international", "ltd*", "co*"]),
        ("Quorvex Com", ["quorvex", "com"]),  # three letters alone: a word (.com)
        ("Quorvex Int", ["quorvex", "int"]),
        ("Quorvex Inc", ["quorvex", "inc*"]),  # a form is what it is
        ("Quorvex Corp", ["quorvex", "corp*"]),
        ("Quorvex Berh", ["quorvex", "berh"]),  # BERHAD: a form of six letters
        ("Li Gong", ["li", "gong"]),  # a syllable, no form's first word
        ("Quorvex Youxian Go", ["quorvex", "youxian", "go"]),  # two letters after one word
        ("Quorvex Comp Steel", ["quorvex", "comp", "steel"]),  # not where the name ends
        ("Comp", ["comp"]),  # a name that is only a form keeps its word
    ],
)
def test_a_short_word_is_no_cut_form(text: str, expected: list[str]) -> None:
    assert _marked(text) == expected


def test_a_cut_form_is_no_distinctive_word() -> None:
    lists = list_index("QUORVEX OIL COMPANY", "VELMAR ENERGY CORPORATION", schema="Company")
    for text, entity in [("Quorvex Oil Comp", "e0"), ("VELMAR ENERGY CORPORATI", "e1"),
                         ("Velmar Energy Corp", "e1")]:
        results = match_query(lists, Query(text, "Company"))
        assert results[0].entity_id == entity and results[0].match, text
        assert results[0].score >= 0.99, text


def _cut(name: str, width: int = 35) -> str:
    return name[:width].rstrip()


@pytest.mark.parametrize("listed", ["OPEN JOINT STOCK COMPANY QUORVEX MALDREKTA",
                                    "JOINT STOCK COMPANY QUORVEX MALDREKTA"])
def test_a_name_cut_inside_its_last_word_pairs_it_with_the_listed_word(listed: str) -> None:
    lists = list_index(listed, "QUORVEX MAGNA", schema="Company")
    query = _cut(listed + " SYSTEMS")  # "... QUORVEX MA", "... QUORVEX MALDREK": 35
    assert len(query) == 35 and query[-1].isalpha()
    top = match_query(lists, Query(query, "Company"))[0]
    assert top.entity_id == "e0" and top.match
    assert top.score >= 0.9


@pytest.mark.parametrize(
    "query",
    [
        "OPEN JOINT STOCK COMPANY QUORVEX MO",  # no start of the listed word (35)
        "OPEN JOINT STOCK COMPANY, QUORVEX MA",  # 36 characters: no field's width
    ],
)
def test_a_name_not_cut_at_a_width_keeps_its_last_word(query: str) -> None:
    lists = list_index("OPEN JOINT STOCK COMPANY QUORVEX MALDREKTA", schema="Company")
    results = match_query(lists, Query(query, "Company"))
    assert not any(r.match for r in results), query


def test_a_cut_word_pairs_with_no_word_the_name_writes_already() -> None:
    # (35 characters, the last word the start of a word the query wrote: no second pair)
    lists = list_index("COMPLEJO QUORVEX SOCIEDAD ANONIMA DE CAPITAL", schema="Company")
    query = "COMPLEJO QUORVEX SOCIEDAD ANONIMA C"
    assert len(query) == 35
    explained = match_query(lists, Query(query, "Company"))[0].explanation
    assert "(complejo)" not in explained
