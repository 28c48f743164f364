"""A bet inside a Hebrew word read as the W of a Polish or German name, and a -vich's ץ' as
the TZ of a German -witz (`hebrew.w_readings`).

Own names: made-up people with Polish and German surnames, as Hebrew writes them."""

from __future__ import annotations

from clearance.match import abjad, hebrew
from clearance.match.engine import match_query
from clearance.match.score import Query, ScoringConfig
from tests.match.lists import list_index


def test_a_bet_inside_a_hebrew_word_is_also_read_as_a_w() -> None:
    readings = [abjad.romanize(r) for r in hebrew.w_readings("שמואל הורוביץ")]
    assert readings == ["shmwl hwrwfyts"]
    assert abjad.similarity("hwrwfyts", "horowitz") > 0
    assert abjad.similarity("hwrwbyts", "horowitz") == 0  # the bet as typed: B, P, V
    # a word of two such bets: all, then the last only (a B, then the W of -owitz)
    assert [abjad.romanize(r) for r in hebrew.w_readings("רבינוביץ")] == [
        "rfynwfyts", "rbynwfyts"]
    # each word apart: ROBERT keeps its B beside the W-read surname
    assert "rwbrt lfndwfsky" in [abjad.romanize(r) for r in hebrew.w_readings("רוברט לבנדובסקי")]


def test_a_bet_first_or_last_or_in_a_name_borne_in_hebrew_or_in_arabic_is_not_a_w() -> None:
    assert hebrew.w_readings("אברהם בן דוד") == []  # AVRAHAM: a name Israelis bear so
    assert hebrew.w_readings("בני יעקב") == []  # first, last
    assert hebrew.w_readings("ربيع الحلبي") == []  # Arabic script: و is its W
    assert len(hebrew.w_readings("דוד קובלסקי לבנדובסקי רבינוביץ")) <= hebrew.W_READINGS_MAX


def test_a_polish_or_german_name_in_hebrew_finds_its_listed_latin_spelling() -> None:
    index = list_index("HOROWITZ, Shmuel", "KOWALSKI, Dawid", "LEWANDOWSKI, Robert")
    for text, source in (("שמואל הורוביץ", "s0"), ("דוד קובלסקי", "s1"),
                         ("רוברט לבנדובסקי", "s2")):
        results = match_query(index, Query(text, "Person"), ScoringConfig(), limit=5)
        assert results and results[0].source_id == source and results[0].match, (
            text, results[:1])


def test_a_final_tsadi_and_geresh_after_vi_is_also_read_as_the_tz_of_witz() -> None:
    read = {abjad.romanize(r): r.how for r in hebrew.w_readings("דב לפקוביץ'")}
    # the bet as W, with the ending as typed (-wicz's CH) and as -witz's TZ
    assert list(read) == ["db lfkwfych", "db lfkwfyts", "db lfkwbyts"]
    assert read["db lfkwfyts"] == hebrew.BET_AND_TZ
    assert read["db lfkwbyts"] == hebrew.CH_AS_TZ
    assert abjad.similarity("lfkwfyts", "lefkowitz") > 0
    assert abjad.similarity("lfkwfych", "lefkowitz") == 0  # ch: -wicz, -vich
    # a waw's -vich too, with no bet to read
    assert [abjad.romanize(r) for r in hebrew.w_readings("הרשוויץ'")] == ["hrshwwyts"]


def test_a_tsadi_and_geresh_not_after_vi_nor_last_is_not_a_tz() -> None:
    assert hebrew.w_readings("צ'רלי קץ'") == []  # not after -vi-
    assert hebrew.w_readings("גריץ' מור") == []  # after a resh: -rich's CH


def test_a_witz_name_in_hebrew_finds_its_listed_latin_spelling() -> None:
    index = list_index("LEFKOWITZ, Dov", "LEFKOVICH, Dov")
    results = match_query(index, Query("דב לפקוביץ'", "Person"), ScoringConfig(), limit=5)
    assert {r.source_id for r in results if r.match} == {"s0", "s1"}, results
