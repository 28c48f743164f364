"""Foreign names in the Chinese transcription read as the Latin names they transcribe
(`match.han`)."""

import pytest

from clearance.index.build import build_index
from clearance.match import han
from clearance.match.abjad import key
from clearance.match.engine import match_query, prepare_query_names
from clearance.match.kana import Spellings
from clearance.match.score import Query


def _table(*spellings: str, weights: tuple[float, ...] = ()) -> Spellings:
    """List spellings by consonant key as an index holds them (`Index.abjad`), each its
    own token, equally rare unless `weights` says otherwise."""
    table: dict[str, list[tuple[int, str]]] = {}
    for tid, s in enumerate(spellings):
        table.setdefault(key(s), []).append((tid, s))
    return Spellings(table, weights or (1.0,) * len(spellings))


@pytest.mark.parametrize(("text", "expected"), [
    ("鲍里斯·叶利钦", ["鲍里斯", "叶利钦"]),  # a separator: read whatever the characters
    ("鮑里斯•葉利欽", ["鮑里斯", "葉利欽"]),  # traditional, another dot
    ("鲍里斯‧叶利钦", ["鲍里斯", "叶利钦"]),  # Taiwan's hyphenation point
    ("卡斯特罗", ["卡斯特罗"]),  # one word, no common surname first
    ("阿卜杜拉希姆", ["阿卜杜拉希姆"]),  # five transcription characters
    ("王伟", None),  # a Chinese person's name
    ("马丽娜", None),  # transcription characters, but 马 heads a Chinese name
    ("欧阳拉娜", None),  # a two-character surname
    ("陈海东", None),  # no transcription character past the surname
    ("华为技术有限公司", None),  # a company
    ("Boris Yeltsin", None),
    ("米", None),  # one character
    ("安娜", None),  # two characters after one of the 200 commonest surnames: a Chinese name
    ("葛凯", None),  # 葛 (rank 109) heads two characters: a Chinese name
    ("普京", ["普京"]),  # two characters, no common surname first: a foreign name
    ("邦迪", ["邦迪"]),
    ("霍尼卡特", ["霍尼卡特"]),  # 霍 is tested as a surname before one more character only
])
def test_only_plausible_transcriptions_are_read(text: str, expected: list[str] | None) -> None:
    assert han.transcribed_words(text) == expected


@pytest.mark.parametrize(("word", "spelling"), [
    ("鲍里斯", "boris"),  # 斯 a lone s
    ("叶利钦", "yeltsin"),
    ("卡斯特罗", "castro"),  # 卡 ca, 特 a lone t
    ("安德森", "anderson"),
    ("乔治", None),  # 治 is no transcription character
    ("弗朗西斯", "francis"),
    ("皮埃尔", "pierre"),  # a silent final e
    ("杰克逊", None),
    ("汉斯", "hans"),
    ("沃尔夫冈", "wolfgang"),  # a final nasal as ng
    ("斯塔尔", "stahl"),  # an h after a vowel German writes to make it long
    ("布鲁恩斯", "bruhns"),
    ("内森", "nathan"),  # English th, written with the s series
    ("沃辛顿", "worthington"),
    ("巴勃罗", "pablo"),  # the b series writes an unaspirated p
    ("纳波利塔诺", "napolitano"),  # 诺 no (the table's "no" is no YAML false)
    ("米歇尔", "michel"),  # 歇 French ch
    ("卡斯蒂略", "castillo"),  # 略 the Spanish table's llo
    ("愛麗絲", "alice"),  # Taiwan's 愛 for 艾
    ("雪兒", "cher"),  # 兒 a feminine ending's r
    ("马克思", "marx"),  # 思 s
])
def test_pattern_fits_the_names_a_word_transcribes(word: str, spelling: str | None) -> None:
    fit = han.pattern(word)
    if spelling is None:
        assert fit is None  # a character outside the table: no pattern
    else:
        assert fit is not None and fit.fullmatch(han._latin(spelling)) is not None


@pytest.mark.parametrize(("word", "spelling"), [
    ("鲍里斯", "morris"),
    ("卡斯特罗", "gastrin"),
    ("汉斯", "hands"),
])
def test_pattern_refuses_other_names(word: str, spelling: str) -> None:
    fit = han.pattern(word)
    assert fit is not None and fit.fullmatch(spelling) is None


@pytest.mark.parametrize(("word", "spelling"), [
    ("伯顿", "burton"),  # 伯 writes English's /ɜː/, spelt ur
    ("特纳", "turner"),
    ("赫斯特", "hurst"),
    ("凯萨", "caesar"),  # ae: the sound the ai series writes
    ("迈克尔", "michael"),
    ("德梅斯特", "demestre"),  # a last lone consonant ending a French -tre
    ("桑坦德", "santandre"),
])
def test_pattern_fits_an_english_vowel_before_r_ae_and_a_final_tre(word: str,
                                                                   spelling: str) -> None:
    fit = han.pattern(word)
    assert fit is not None and fit.fullmatch(han._latin(spelling)) is not None
    assert key(spelling) in han.keys(word)


@pytest.mark.parametrize(("word", "spelling"), [
    ("伯顿", "buton"),  # ur: the r is written
    ("卡特", "katra"),  # a final -re, not -ra
])
def test_those_spellings_stay_where_they_belong(word: str, spelling: str) -> None:
    fit = han.pattern(word)
    assert fit is not None and fit.fullmatch(han._latin(spelling)) is None


def test_keys_find_the_spelling_under_its_consonant_key() -> None:
    assert key("yeltsin") in han.keys("叶利钦")
    assert key("castro") in han.keys("卡斯特罗")
    assert key("stahl") in han.keys("斯塔尔")  # a silent h: no last letter of its class


def test_every_reading_of_the_table_is_letters() -> None:
    # YAML reads a bare no or on as a boolean: 诺 was read "False", 翁 "True"
    assert all(r.isalpha() and r.islower() for rs in han._chars().values() for r in rs)


def test_readings_are_list_spellings_the_word_fits_commonest_first() -> None:
    table = _table("boris", "borys", "morris", "bor", weights=(0.5, 0.9, 0.5, 0.1))
    assert han.readings("鲍里斯", table) == ["boris", "borys"]  # "bor": shorter than MIN_FIT


def test_readings_give_the_lists_spelling_not_its_fold() -> None:
    # an index files a token under its fold ("volf") and the spellings the lists write
    table = _table("volf", "wolff")
    table.table[key("wolff")] = [(0, "volf"), (0, "wolff")]
    assert han.readings("沃爾夫", Spellings(table.table, (1.0,))) == ["wolff"]


def test_foreign_names_read_each_word_and_keep_an_unread_one() -> None:
    table = _table("boris", "yeltsin")
    assert han.foreign_names("鲍里斯·叶利钦", table) == ["boris yeltsin"]
    assert han.foreign_names("鲍里斯·某某", table) == ["boris 某某"]
    assert han.foreign_names("王伟", table) == []
    assert han.foreign_names("卡斯特罗", table) == []  # no list spelling fits


def _index() -> object:
    records = [
        {"entity_id": "p1", "dataset": "t", "source_id": "1", "schema": "Person",
         "caption": "YELTSIN, Boris Nikolayevich",
         "properties": {"name": ["YELTSIN, Boris Nikolayevich"]}},
        {"entity_id": "p2", "dataset": "t", "source_id": "2", "schema": "Person",
         "caption": "WANG, Wei", "properties": {"name": ["WANG, Wei"]}},
    ]
    return build_index(records, "t")


def test_a_transcribed_name_alerts_on_the_listed_person() -> None:
    index = _index()
    res = match_query(index, Query("鲍里斯·尼古拉耶维奇·叶利钦", "Person"), limit=1)  # type: ignore[arg-type]
    assert res and res[0].entity_id == "p1" and res[0].match


def _alerts_on(listed: str, text: str) -> bool:
    """Whether a Person query `text` alerts on the one listed person `listed`."""
    index = build_index([{"entity_id": "p1", "dataset": "t", "source_id": "1",
                          "schema": "Person", "caption": listed, "properties": {
                              "name": [listed]}}], "t")
    res = match_query(index, Query(text, "Person"), limit=1)  # type: ignore[arg-type]
    return bool(res) and res[0].entity_id == "p1" and res[0].match


@pytest.mark.parametrize(("listed", "text"), [
    ("BUNDY", "邦迪"),  # two characters
    ("SMITH", "史密斯"),  # headed by a Chinese surname, with a lone s no given name writes
])
def test_a_one_word_transcription_alerts_on_the_listed_person(listed: str, text: str) -> None:
    assert _alerts_on(listed, text)


def test_a_chinese_persons_readings_are_unchanged() -> None:
    index = _index()
    lists = Spellings(index.abjad, index.weights)  # type: ignore[attr-defined]
    query = Query("王伟", "Person")
    assert ([n.tokens for n in prepare_query_names(query, spellings=lists)]
            == [n.tokens for n in prepare_query_names(query)])


def test_a_company_is_not_read_as_a_transcription() -> None:
    index = _index()
    lists = Spellings(index.abjad, index.weights)  # type: ignore[attr-defined]
    query = Query("鲍里斯·叶利钦", "Company")
    assert ([n.tokens for n in prepare_query_names(query, spellings=lists)]
            == [n.tokens for n in prepare_query_names(query)])


@pytest.mark.parametrize(("text", "expected"), [
    ("史密斯", ["史密斯"]),  # 史 heads Chinese names, but no given name writes a lone s
    ("马斯克", ["马斯克"]),
    ("罗斯", ["罗斯"]),  # two characters
    ("马丽娜", None),  # transcription characters a Chinese given name uses too
    ("马克", None),  # 克 writes a lone k, and Chinese given names use it (克强)
])
def test_a_lone_consonant_no_given_name_uses_marks_a_transcription_after_a_surname(
        text: str, expected: list[str] | None) -> None:
    assert han.transcribed_words(text) == expected



@pytest.mark.parametrize(("text", "listed"), [
    ("马里奥", "MARIO"),  # a common surname and two transcription characters: "malio"
    ("马丽娜", "MARINA"),  # the transcription characters a Chinese given name uses too
])
def test_three_characters_after_a_surname_are_read_near_their_plain_reading(
        text: str, listed: str) -> None:
    assert han.transcribed_words(text) is None  # shaped as a Chinese person's name ...
    assert han.foreign_names(text, _table(listed.lower())) == [listed.lower()]  # ... read too
    assert _alerts_on(listed, text)


def test_a_chinese_shaped_name_is_not_read_as_a_spelling_far_from_its_sound() -> None:
    # 柯丽雪 ("kolishu" by the table's first readings) fits KHALEESI's letters, 5 apart
    assert han.readings("柯丽雪", _table("khaleesi")) == ["khaleesi"]
    assert han.foreign_names("柯丽雪", _table("khaleesi")) == []


def test_a_surname_and_one_character_stay_unread() -> None:
    assert han.foreign_names("高丹", _table("godan")) == []  # 高 is a common surname
    assert han.foreign_names("欧阳拉娜", _table("ouyanglana")) == []  # a two-character one


@pytest.mark.parametrize(("han_word", "listed"), [
    ("麦克法兰", "McFarlane"), ("麦克米伦", "McMillan"), ("麦克尼尔", "McNeil"),
])
def test_han_mac_fits_a_listed_mc(han_word: str, listed: str) -> None:
    # 麦克 transcribes Mac and Mc alike (GB/T 17693.1's English table: 麦克阿瑟 MacArthur)
    fit = han.pattern(han_word)
    assert fit is not None and fit.fullmatch(han._latin(listed))
    assert key(listed.lower()) in han.keys(han_word)


@pytest.mark.parametrize(("han_word", "listed"), [
    ("海因里希", "Heinrich"), ("迪特里希", "Dietrich"), ("埃里希", "Erich"),
    ("赫德维希", "Hedwig"),
])
def test_a_german_ch_after_a_front_vowel_fits_the_xi_it_is_written(
        han_word: str, listed: str) -> None:
    fit = han.pattern(han_word)
    assert fit is not None and fit.fullmatch(listed.lower())
    assert key(listed.lower()) in han.keys(han_word)


def test_a_german_ch_is_read_from_xi_only_after_a_front_vowel() -> None:
    assert not han.pattern("希尔").fullmatch("chl")  # a word's first character
    assert not han.pattern("巴希").fullmatch("bach")  # after a
    assert not han.pattern("埃里希特").fullmatch("erigt")  # g only at a word's end
    assert not han.pattern("莱希").fullmatch("leach")  # two characters: RAISI


def test_an_english_dge_fits_the_qi_it_is_written() -> None:
    fit = han.pattern("布里奇")
    assert fit is not None and fit.fullmatch("bridge")
    assert key("bridge") in han.keys("布里奇")


@pytest.mark.parametrize(("text", "head", "numeral"), [
    ("亨利八世", "亨利", "viii"), ("奥托二世", "奥托", "ii"), ("格里高利十三世", "格里高利", "xiii"),
    ("约翰二十三世", "约翰", "xxiii"), ("奥托·三世", "奥托", "iii"), ("奥托2世", "奥托", "ii"),
])
def test_a_rulers_number_in_han_is_the_roman_numeral_the_list_writes(
        text: str, head: str, numeral: str) -> None:
    assert han.regnal(text) == (head, numeral)


def test_a_rulers_number_in_han_needs_a_name_before_it_and_a_small_number() -> None:
    assert han.regnal("二世") is None  # nothing before it
    assert han.regnal("王二世") is None  # one character: a Chinese name
    assert han.regnal("奥托四十世") is None  # above 39
    assert han.regnal("奥托十十世") is None  # no numeral
    assert han.regnal("奥托二世纪") is None  # 世纪, "century", is no ruler's mark


def test_a_rulers_number_in_han_is_put_back_in_each_reading() -> None:
    spellings = _table("otto", "henry")
    assert [str(n) for n in han.foreign_names("奥托二世", spellings)] == ["otto ii"]
    assert han.foreign_names("王二世", spellings) == []
