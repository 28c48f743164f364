"""Chinese names written in Hangul by their Mandarin sound, read in pinyin
(`match.hangul_chinese`)."""

import pytest

from clearance.index.build import build_index
from clearance.match import hangul_chinese
from clearance.match.engine import match_query, prepare_query_names
from clearance.match.guess import Guess
from clearance.match.score import Query


@pytest.mark.parametrize(("pinyin", "hangul"), [
    ("zhao", "자오"), ("jia", "자"), ("jie", "제"), ("jiu", "주"),  # ㅑ ㅖ ㅠ after ㅈ: plain
    ("xian", "셴"), ("shi", "스"), ("zi", "쯔"), ("si", "쓰"), ("wei", "웨이"), ("gui", "구이"),
    ("jun", "쥔"), ("yue", "웨"), ("yuan", "위안"), ("zhou", "저우"), ("dong", "둥"),
])
def test_the_table_writes_pinyin_as_the_loanword_orthography_does(pinyin: str,
                                                                   hangul: str) -> None:
    assert hangul_chinese._hangul(pinyin) == hangul


@pytest.mark.parametrize(("text", "reading"), [
    ("덩샤오핑", "deng xiaoping"),  # no Korean surname first: surname, the given name run together
    ("저우언라이", "zhou enlai"),  # five syllables: no Korean name
    ("후진타오", "hu jintao"),
    ("왕웨이", "wang wei"),  # a Korean surname, but 웨 no Sino-Korean reading has
    ("덩 샤오핑", "deng xiaoping"),  # written apart
])
def test_a_chinese_name_in_hangul_is_read_in_pinyin(text: str, reading: str) -> None:
    readings = hangul_chinese.chinese_names(text)
    assert reading in readings
    assert all(isinstance(r, Guess) and r.sure for r in readings)


@pytest.mark.parametrize("text", ["김정은", "박지성", "이민호", "장민수", "남궁민수", "블라디미르 푸틴"])
def test_korean_and_other_names_are_not_read_in_pinyin(text: str) -> None:
    assert hangul_chinese.chinese_names(text) == []


def test_each_pinyin_a_syllable_may_write_is_kept_beside_another() -> None:
    # 장 writes zhang and jiang: both readings kept, though they fold alike
    texts = [str(n.text) for n in prepare_query_names(Query("장웨이", "Person"))]
    assert "jiang wei" in texts and "zhang wei" in texts


def test_a_chinese_name_in_hangul_alerts_on_the_listed_person() -> None:
    index = build_index([{"entity_id": "p1", "dataset": "t", "source_id": "1",
                          "schema": "Person", "caption": "DENG, Xiaoping",
                          "properties": {"name": ["DENG, Xiaoping"]}}], "t")
    res = match_query(index, Query("덩샤오핑", "Person"), limit=1)  # type: ignore[arg-type]
    assert res and res[0].entity_id == "p1" and res[0].match


@pytest.mark.parametrize("text", ["아마르", "파티마", "마리야 자하로바"])
def test_a_name_not_headed_by_a_chinese_surname_is_not_read(text: str) -> None:
    # each cuts into the table's syllables ("a mari", "fa tima"), but no Chinese surname heads it
    assert hangul_chinese.chinese_names(text) == []


def test_the_syllable_list_is_what_pypinyins_dictionary_holds() -> None:
    """`resources/pinyin_syllables.yml` (the table's syllables, read without importing
    pypinyin's dictionary) lists every toneless syllable of the installed pypinyin's
    character dictionary: an upgrade that adds one fails here."""
    import unicodedata

    from pypinyin.pinyin_dict import pinyin_dict

    from clearance.resources import load_resource

    found: set[str] = set()
    for readings in pinyin_dict.values():
        for r in readings.split(","):
            plain = "".join(c for c in unicodedata.normalize("NFD", r)
                            if not unicodedata.combining(c))
            found.add(plain.replace("\u00fc", "v").replace("u\u0308", "v"))
    assert load_resource("pinyin_syllables")["syllables"] == sorted(found)


def test_the_table_is_built_without_importing_pypinyin() -> None:
    """Reading the table costs a fresh process no import of pypinyin's dictionary (~0.3 s
    on main, where one Hangul name of unknown type paid it)."""
    import subprocess
    import sys

    code = ("import sys, importlib; m = importlib.import_module('clearance.match.hangul_chinese'); "
            "assert 'zhao' in m.syllables('자오')[0][0]; "
            "print(sorted(k for k in sys.modules if 'pypinyin' in k))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(("text", "reading"), [
    ("장쩌민", "jiang zemin"),  # 쩌 is no character's Korean reading: no Korean's name
    ("왕후닝", "wang huning"),  # 닝 neither
])
def test_a_korean_shaped_name_with_a_syllable_no_character_reads_is_read_in_pinyin(
        text: str, reading: str) -> None:
    assert reading in hangul_chinese.chinese_names(text)
