"""Chinese names written in Hangul by the Korean reading of their characters, read in the
pinyin the lists write (`match.hangul_sino`)."""

import pytest

from clearance.index.build import build_index
from clearance.match import hangul_sino
from clearance.match.engine import match_query
from clearance.match.score import Query


def _index(*names: str):  # type: ignore[no-untyped-def]
    return build_index([{"entity_id": f"p{k}", "dataset": "t", "source_id": str(k),
                         "schema": "Person", "caption": n, "properties": {"name": [n]}}
                        for k, n in enumerate(names)], "t")


@pytest.mark.parametrize(("syllable", "first", "pinyin", "read"), [
    ("택", False, "ze", True),  # 澤
    ("연", True, "lian", True),  # 連 련, written 연 at a word's start
    ("연", False, "lian", False),  # inside a word 련 stays 련
    ("노", True, "lu", True),  # 盧 로, written 노
    ("이", True, "li", True),  # 李 리, written 이
])
def test_a_syllable_reads_as_the_mandarin_of_the_characters_it_writes(
        syllable: str, first: bool, pinyin: str, read: bool) -> None:
    assert (pinyin in hangul_sino.readings(syllable, first)) is read


@pytest.mark.parametrize(("text", "listed", "country"), [
    ("모택동", "MAO, Zedong", "cn"),  # 毛澤東
    ("이연걸", "LI Lianjie", "hk"),  # 李連杰: the given name's first syllable by the initial rule
    ("장 개석", "JIANG Jieshi", "tw"),  # written apart
])
def test_a_chinese_name_by_its_korean_readings_alerts_for_a_party_of_a_chinese_country(
        text: str, listed: str, country: str) -> None:
    index = _index(listed, "KIM Chol Su")
    res = match_query(index, Query(text, "Person", countries=[country]),  # type: ignore[arg-type]
                      limit=1)
    assert res and res[0].name == listed and res[0].match


@pytest.mark.parametrize("countries", [[], ["kr"], ["kp"]])
def test_a_korean_persons_name_is_not_read_as_a_chinese_one(countries: list[str]) -> None:
    # 이명호 is a Korean's name as often as it is 李明浩's Korean reading: without a stated
    # Chinese country it keeps its Korean readings alone
    index = _index("LI Minghao")
    res = match_query(index, Query("이명호", "Person", countries=countries),  # type: ignore[arg-type]
                      limit=1)
    assert not (res and res[0].match)


def test_a_name_no_korean_surname_heads_is_read_without_a_country() -> None:
    # 등 (鄧) is no Korean surname: 등소평 is read as DENG Xiaoping whatever the country
    index = _index("DENG, Xiaoping")
    res = match_query(index, Query("등소평", "Person"), limit=1)  # type: ignore[arg-type]
    assert res and res[0].match


def test_only_the_given_names_the_lists_hold_are_read() -> None:
    index = _index("LI Lianjie")
    from clearance.match import kana

    spellings = kana.Spellings(index.abjad, index.weights)
    read = hangul_sino.chinese_names("이연걸", spellings, chinese=True)
    assert read and all(str(r).split()[1] == "lianjie" for r in read)
    assert hangul_sino.chinese_names("이연걸", spellings) == []  # a Korean person's shape


@pytest.mark.parametrize(("syllable", "sino"), [
    ("김", True),  # 金 as a surname
    ("이", True), ("녀", True), ("앨", False), ("쩌", False), ("핑", False),
])
def test_a_syllable_is_sino_korean_when_a_character_reads_so(syllable: str, sino: bool) -> None:
    assert hangul_sino.sino_korean(syllable) is sino
