"""A Han-script person's name read syllable by syllable against a listed word (`pinyin`)."""

import pytest

from clearance.match import pinyin, zh
from clearance.match.compare import compare_names
from clearance.match.engine import match_query
from clearance.match.prepare import PERSON, name_roles, prepare_name
from clearance.match.score import Query
from clearance.screening.group import MIN_SCORE, SPAN
from tests.match.lists import list_index


def flat(folded: str, legal: bool) -> float:
    return 0.1 if legal else 1.0


def test_person_syllables_reads_each_word_of_the_mandarin_and_wade_giles_readings() -> None:
    assert pinyin.person_syllables("秦秀荣") == {"qin": ("qin",), "xiurong": ("xiu", "rong"),
                                               "chin": ("qin",), "hsiujung": ("xiu", "rong")}
    assert pinyin.person_syllables("欧阳秀英") == {"ouyang": ("ou", "yang"),
                                                 "xiuying": ("xiu", "ying"),
                                                 "hsiuying": ("xiu", "ying")}
    assert pinyin.person_syllables("Qin Xiurong") == {}


def test_a_surname_is_read_apart_from_the_given_name_in_every_reading() -> None:
    # 殷红 read whole is the word "yanhong" (dark red); as a name it is Yin Hong
    assert pinyin.person_syllables("殷红")["yin"] == ("yin",)
    assert zh.person_tokens("殷红") == ["yin", "hong"]


def test_a_han_name_costs_one_pypinyin_reading_for_all_its_readings(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import pypinyin

    calls: list[object] = []
    real = pypinyin.lazy_pinyin
    monkeypatch.setattr(pypinyin, "lazy_pinyin", lambda *a, **k: calls.append(a) or real(*a, **k))
    name = "蔺秀凤"  # made-up, read nowhere else in the tests
    assert zh.person_tokens(name) == ["lin", "xiufeng"]
    assert zh.person_tokens(name, "wadegiles") == ["lin", "hsiufeng"]
    assert pinyin.person_syllables(name)["xiufeng"] == ("xiu", "feng")
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("syllables", "listed"),
    [(("xiu", "rong"), "xutong"),  # a syllable's vowel and another's initial changed
     (("gui", "ying"), "cuiying"),  # one initial: another character
     (("zheng",), "zhang"),
     (("feng",), "yufeng"),  # a syllable more
     (("jian", "ping"), "jinping"),
     (("cheng", "en"), "chen gen")],
)
def test_a_listed_word_spelling_other_syllables_is_another_name(
        syllables: tuple[str, ...], listed: str) -> None:
    assert pinyin.other_syllables(syllables, listed)


@pytest.mark.parametrize(
    ("syllables", "listed"),
    [(("zhang",), "chang"),  # Wade-Giles writes the same syllables with other letters
     (("jian",), "chien"), (("guo",), "kuo"), (("deng",), "teng"), (("xu",), "hsu"),
     (("jian", "ping"), "jianping"),
     (("cheng", "en"), "cheng en"),  # words of a listed run: syllables within each
     (("xiong",), "hsiung"),
     (("lv",), "lyu"),  # no pinyin syllables spell it: left to the letters
     (("li",), "lee"),  # nor a vowel starting a later syllable ("le" + "e")
     (("song",), "soong"),
     (("xiu", "rong"), "robert")],
)
def test_the_same_syllables_otherwise_spelt_or_no_syllables_are_not_another_name(
        syllables: tuple[str, ...], listed: str) -> None:
    assert not pinyin.other_syllables(syllables, listed)


def _score(query: str, listed: str) -> float:
    q, c = prepare_name(query, PERSON), prepare_name(listed, PERSON)
    return compare_names(q, c, flat, initials=True, cand_roles=name_roles(listed),
                         query_roles=name_roles(q.text)).score


def test_a_han_name_does_not_pair_with_a_listed_given_name_of_other_syllables() -> None:
    # made-up names: 秦秀荣 is Qin Xiurong, not "QIN, Xutong" (near letters, other characters)
    assert _score("秦秀荣", "QIN, Xutong") < 0.8
    assert _score("秦秀荣", "QIN, Xiurong") >= 0.95
    assert _score("秦秀荣", "Xiu Rong Qin") >= 0.9  # its syllables written apart
    # a listed name whose words run together into other syllables: 李建平 is not Jin Ping
    assert _score("李建平", "Jin Ping Li") < 0.8
    assert _score("李建平", "Jian Ping Li") >= 0.9


def test_a_latin_query_keeps_its_letters_similarity() -> None:
    # a typist's Xiurong may be a slip: only a Han name's syllables are sure
    assert _score("Qin Xiurongg", "QIN, Xiurong") >= 0.8


def test_an_initial_only_pinyin_writes_is_that_initial() -> None:
    # made-up: 臧 "zang" is not ZHANG (zh is pinyin's alone), while Wade-Giles's Chang or
    # Tsang may write either
    assert pinyin.other_syllables(("zang",), "zhang")
    assert not pinyin.other_syllables(("zang",), "tsang")
    assert not pinyin.other_syllables(("zhang",), "chang")


def test_a_surname_is_not_a_listed_given_name_of_more_syllables_however_near() -> None:
    # made-up: 钟岩 is Zhong Yan; "zhong" is within a slip of ZHIYONG's letters
    assert _score("钟岩", "YAN, Zhiyong") < 0.8
    assert _score("钟岩", "ZHONG, Yan") >= 0.95


def test_wade_giles_syllables_are_written_as_the_lists_write_them() -> None:
    # no aspiration apostrophes, u for ü, and pypinyin's "hei" for 海 hai mended
    assert zh.wade_giles("吳宥辰") == ["wu", "yu", "chen"]
    assert zh.wade_giles("許海") == ["hsu", "hai"]
    assert zh.person_tokens("张春雄", "wadegiles") == ["chang", "chunhsiung"]


@pytest.mark.parametrize(
    ("syllables", "listed"),
    [(("you", "chen"), "yu chen"),  # Wade-Giles's yu for pinyin's you
     (("yan",), "yen"), (("zi",), "tzu"), (("ci",), "tzu")],
)
def test_wade_giles_finals_after_y_and_a_sibilant_are_the_same_syllables(
        syllables: tuple[str, ...], listed: str) -> None:
    assert not pinyin.other_syllables(syllables, listed)


def test_a_han_name_meets_its_wade_giles_spelling_in_its_wade_giles_reading() -> None:
    # made-up names: 张春雄 listed as Taiwan writes it; the pinyin reading (zhang
    # chunxiong) is no near spelling of it
    q = prepare_name("张春雄", PERSON, 2)
    for listed in ("CHANG, Chun-hsiung", "CHANG Chun-hsiung", "Chun Hsiung Chang"):
        c = prepare_name(listed, PERSON)
        assert compare_names(q, c, flat, initials=True, cand_roles=name_roles(listed),
                             query_roles=name_roles(q.text)).score >= 0.9
    assert _score("张春雄", "CHANG, Chun-hsiung") < 0.8



def test_a_han_name_with_an_umlaut_is_also_spelt_as_chinas_passports_spell_it() -> None:
    assert zh.passport_name("吕伟") == "lyu wei"  # made-up names
    assert zh.passport_name("陈律明") == "chen lyuming"
    assert zh.passport_name("王伟") is None
    assert zh.passport_name("Lv Wei") is None


def test_an_organisations_han_name_is_not_spelt_as_a_passport_would() -> None:
    # a made-up travel agency whose 旅 is lü: a company's name, no person's
    index = list_index("XIONGBAO LYUYOU", "WANG, Ming")
    assert not [r for r in match_query(index, Query("雄豹旅遊", "Company"), limit=5)
                if r.match]
    assert zh.english_names("雄豹旅遊") == []


@pytest.mark.parametrize(("query", "listed"), [
    ("吕伟", "LYU, Wei"), ("吕伟", "LV, Wei"), ("吕伟", "LU, Wei"),  # made-up names
    ("吕秀英", "LYU, Xiuying"), ("张女", "ZHANG, Nyu"), ("王略", "WANG, Lyue"),
    ("陈律明", "CHEN, Lyuming"), ("陈律明", "CHEN Lyu Ming"),
])
def test_a_han_name_with_an_umlaut_meets_a_list_writing_it_v_yu_or_u(query: str,
                                                                     listed: str) -> None:
    index = list_index(listed, "LIU, Wei", "WANG, Ming")
    for found in (match_query(index, Query(query, "Person"), limit=5),
                  match_query(index, Query(query, "Person"), limit=5 * SPAN,
                              min_score=MIN_SCORE)):
        assert [r.entity_id for r in found if r.match] == ["e0"]


@pytest.mark.parametrize(("query", "listed"), [
    ("吕建军", "LU, Jianjun"), ("陈律明", "CHEN, Luming"),  # made-up names
])
def test_an_umlaut_written_u_meets_the_listed_name_beside_a_pinyin_given_name(
        query: str, listed: str) -> None:
    # Wade-Giles writes the u ("lu chienchun"), pinyin the given name: the passport
    # reading's lyu is LU too (`guess`), where their letters are far apart (0.40)
    index = list_index(listed, "LIU, Jianjun", "WANG, Ming")
    for found in (match_query(index, Query(query, "Person"), limit=5),
                  match_query(index, Query(query, "Person"), limit=5 * SPAN,
                              min_score=MIN_SCORE)):
        assert [r.entity_id for r in found if r.match] == ["e0"]


def test_the_passport_readings_other_words_are_the_syllables_written() -> None:
    # the lyu of 吕秀英 is LU, but xiuying is not XINNING (0.83 by its letters), as
    # the Mandarin reading's syllables are not (`pinyin.other_syllables`)
    index = list_index("LU, Xinning", "WANG, Ming")
    assert not [r for r in match_query(index, Query("吕秀英", "Person"), limit=5) if r.match]


@pytest.mark.parametrize(("query", "listed"), [("王陆", "WANG, Lyu"), ("刘伟", "LYU, Wei")])
def test_a_han_name_without_an_umlaut_is_not_the_one_written_yu(query: str,
                                                               listed: str) -> None:
    # 陆 is lu, 刘 liu: LYU is 吕
    index = list_index(listed, "WANG, Ming")
    assert not [r for r in match_query(index, Query(query, "Person"), limit=5) if r.match]
