"""A name field that holds several names is read as each of them (`name_parts`)."""

from __future__ import annotations

import pytest

from clearance.match.engine import match_query
from clearance.match.name_parts import name_parts
from clearance.match.score import Query
from tests.match.lists import list_index


def name_parts1(text: str) -> list[str]:
    """Every name a list's field holds, as the index reads it."""
    return name_parts(text, min_words=1)


@pytest.mark.parametrize("text", [
    "Acme Trading LLC",
    "AKA INTEGRAL TRADING, S.A.",  # "AKA" is the name's own word
    "YK-AKA",
    "Born Free Foundation",
    "Orion Holdings (HK)",  # a qualifier, not a name: strip_parentheses' work
])
def test_a_field_with_one_name_holds_no_other(text: str) -> None:
    assert name_parts1(text) == []


def test_a_description_after_the_name_is_cut() -> None:
    assert name_parts1("Ministry of Fisheries of Ruritania, including the Coast Guard of "
                      "Ruritania and all operating units. This includes the navy") == [
        "Ministry of Fisheries of Ruritania"]
    assert name_parts1("Orion Optics LLC and any successor, sub-unit, or subsidiary "
                      "thereof") == ["Orion Optics LLC"]
    # (a qualifier in brackets stays: the index reads the name without it too)
    assert name_parts1("Orion Optics Institute (OOI), and its sub-units and successors") == [
        "Orion Optics Institute (OOI)"]
    assert name_parts1("Jane Q. Doe, born 2 Feb. 1960 (passport no. 123)") == ["Jane Q. Doe"]


def test_a_sub_unit_is_named_by_its_own_name() -> None:
    # (the parent is listed on its own: a dozen sub-units named after it would crowd it
    # out of a query's results)
    assert name_parts1("Northwind Research Group 7th Institute (NRG 7). Subordinate "
                      "Institution - Riverside Microwave") == ["Riverside Microwave"]


def test_aliases_and_former_names_are_names() -> None:
    assert name_parts1("Orion Optics, Inc. (a.k.a. Orion Lenses; Bright Glass Co.)") == [
        "Orion Optics, Inc", "Orion Lenses", "Bright Glass Co"]
    assert name_parts1("Neva Tools, OOO (f.k.a., Obshchestvo Nevsky Instrument)") == [
        "Neva Tools, OOO", "Obshchestvo Nevsky Instrument"]
    assert name_parts1("Thermal Works Institute, a.k.a., Hot Works Institute") == [
        "Thermal Works Institute", "Hot Works Institute"]
    assert name_parts1("Kim Chol Su (aka Kim Ch'o'l-su) (an individual)") == [
        "Kim Chol Su", "Kim Ch'o'l-su"]


def test_names_split_by_semicolons_and_enumerations_are_each_a_name() -> None:
    assert name_parts1("Reza Karimi; Riza Kareemi b) R. Karimi Sabz") == [
        "Reza Karimi", "Riza Kareemi", "R. Karimi Sabz"]
    assert name_parts1("LLC Polar Star;-LLC Polyarnaya Zvezda") == [
        "LLC Polar Star", "LLC Polyarnaya Zvezda"]
    # OFAC remarks once packed two aliases into one; a link is a fact, never a name
    assert name_parts1("ABU AL-HAWA''; a.k.a. 'ABU SAMIR") == ["ABU AL-HAWA", "ABU SAMIR"]
    assert name_parts1("LLC 'KVT''; Linked To: ACME HOLDING") == ["LLC 'KVT"]


def test_names_in_their_own_script_in_brackets_are_names() -> None:
    assert name_parts1("Ilyas Khamzat (original script: Ильяс Хамзат)") == [
        "Ilyas Khamzat", "Ильяс Хамзат"]
    assert name_parts1("جبهة الشرق (the Eastern Front; Jabhat al-Sharq - sub-unit name)") == [
        "جبهة الشرق", "the Eastern Front", "Jabhat al-Sharq"]
    # a bracket inside a bracket: the label of the script is no name
    assert name_parts1("Liwa al-Sharq (LS) (لواء الشرق (original script); Liwa al-Sharq; "
                      "Eastern Brigade)") == ["Liwa al-Sharq", "لواء الشرق", "Eastern Brigade"]


def test_a_party_named_inside_a_described_list_field_alerts() -> None:
    index = list_index(
                   "Ministry of Fisheries of Ruritania, including the Coast Guard of Ruritania "
                   "and all operating units wherever located. This includes the national "
                   "fleet (trawlers and tenders), as well as the harbour police.",
                   "Northwind Research Group 7th Institute. Subordinate Institution - "
                   "Riverside Microwave",
                   "Orion Optics Institute", schema="Organization")
    (first, *_) = match_query(index, Query("Ministry of Fisheries of Ruritania"))
    assert first.match and first.source_id == "s0"
    assert first.matched_name == "Ministry of Fisheries of Ruritania"
    (first, *_) = match_query(index, Query("Riverside Microwave"))
    assert first.match and first.source_id == "s1"


def test_a_query_field_holding_a_former_name_is_read_as_both() -> None:
    index = list_index("Bright Glass Trading", "Orion Lenses", schema="Organization")
    found = {r.source_id for r in match_query(
        index, Query("Orion Lenses Ltd (f.k.a. Bright Glass Trading)")) if r.match}
    assert found == {"s0", "s1"}


def test_a_query_field_reads_no_one_word_name_out_of_it() -> None:
    # a book's bracketed brand screened alone would meet any short listed name
    assert name_parts("Huaxing Network Technology Co., Ltd. (Ixo; formerly Lumo)") == [
        "Huaxing Network Technology Co., Ltd"]
    assert name_parts1("Huaxing Network Technology Co., Ltd. (Ixo; formerly Lumo)") == [
        "Huaxing Network Technology Co., Ltd", "Ixo", "Lumo"]
