"""Foreign names written in Hangul read as the Latin names they transcribe
(`match.hangul_foreign`)."""


import pytest

from clearance.match import hangul_foreign as hf
from clearance.match import kana
from clearance.match.abjad import key
from clearance.match.engine import match_query, prepare_query_names
from clearance.match.prepare import prepare_name
from clearance.match.score import Query
from tests.match.lists import list_index


def _table(*spellings: str, weights: tuple[float, ...] = ()) -> kana.Spellings:
    """List spellings by consonant key as an index holds them (`Index.abjad`), each its
    own token, equally rare unless `weights` says otherwise."""
    table: dict[str, list[tuple[int, str]]] = {}
    for tid, s in enumerate(spellings):
        table.setdefault(key(s), []).append((tid, s))
    return kana.Spellings(table, weights or (1.0,) * len(spellings))


@pytest.mark.parametrize(("text", "expected"), [
    ("보리스 베레조프스키", True),
    ("보리스·베레조프스키", True),  # a middle dot between the words
    ("김정은", True),
    ("金正恩", False),  # Han: read as today
    ("보리스 Berezovsky", False),  # mixed scripts
    ("Boris", False),
])
def test_only_text_in_hangul_alone_is_read(text: str, expected: bool) -> None:
    assert hf.is_hangul(text) is expected


@pytest.mark.parametrize(("word", "spelling"), [
    ("보리스", "boris"),  # 스: the ㅡ after a final s is Hangul's
    ("베레조프스키", "berezovsky"),  # 프 for a lone v, 키 ky
    ("그레고리", "gregory"),  # 그 a lone g
    ("블라디미르", "vladimir"),  # ㅂ for v, 블라 (ㄹㄹ) for vla
    ("빅토르", "viktor"),  # a final ㄱ k
    ("헌터", "hunter"),  # an r after ㅓ unwritten
    ("마르코스", "marcos"),  # ㅋ for c
    ("한네", "hanne"),  # ㄴㄴ: the doubled n Latin writes once
    ("필리프", "philippe"),  # ㅍ for ph, a final e
    ("슈트라우스", "strauss"),  # 슈 s(ch) before a consonant
    ("라이더", "rider"),  # 아이 one vowel
    ("세르게이", "sergey"),  # 에이 ey
    ("마쓰다", "matsuda"),  # 쓰 tsu (Japanese)
    ("삿포로", "sapporo"),  # a final ㅅ doubles the consonant after it
    ("셴", "xian"),  # pinyin x as ㅅ, ㅖ ia
    ("잭슨", "jackson"),
    ("존스", "jones"),  # a final s after a silent e
    ("하인즈", "hines"),
])
def test_pattern_fits_the_latin_spelling_a_word_transcribes(word: str, spelling: str) -> None:
    fit = hf.pattern(word)
    assert fit is not None
    assert fit.fullmatch(kana.latin(spelling)) is not None
    # and the spelling is found by one of the word's keys
    assert key(spelling) in hf.keys(word)


@pytest.mark.parametrize(("word", "spelling"), [
    ("보리스", "borisov"),  # letters the Hangul does not write
    ("이바노프", "ivanova"),
    ("베를린", "berlinger"),
    ("김", "kimball"),
    ("드미트리", "demetrios"),
])
def test_pattern_refuses_other_names(word: str, spelling: str) -> None:
    fit = hf.pattern(word)
    assert fit is not None
    assert fit.fullmatch(kana.latin(spelling)) is None


def test_slots_of_a_syllable_are_its_initial_vowel_and_final() -> None:
    (initial, vowel, r, final) = hf.slots("칸") or ()
    assert "k" in initial.spellings and not initial.optional
    assert "a" in vowel.spellings and not vowel.optional
    assert r.spellings == ("r", "h") and r.optional  # Kant, Karn or Kahn
    assert final.spellings == ("n",)
    assert hf.slots("ab") is None


def test_readings_are_list_spellings_long_enough_nearest_first() -> None:
    table = _table("ivanov", "ivanova", "ivanoff", "iv", "ivanovsky")
    assert sorted(hf.readings("이바노프", table)) == ["ivanoff", "ivanov"]
    # nearest the plain reading "ibanop" first, however common the other
    assert hf.readings("이바노프", _table("evanov", "ibanov", weights=(0.5, 0.9))) == [
        "ibanov", "evanov"]
    # as near: the commoner first
    assert hf.readings("이바노프", _table("ivanov", "ivanof", weights=(0.9, 0.5))) == [
        "ivanof", "ivanov"]
    assert hf.readings("이바", _table("iva", "ivah")) == []  # shorter than kana.MIN_FIT



def test_foreign_names_read_each_word_and_the_article() -> None:
    table = _table("boris", "berezovsky", "hafez", "assad")
    assert hf.foreign_names("보리스 베레조프스키", table) == ["boris berezovsky"]
    assert hf.foreign_names("하페즈 알 아사드", table) == ["hafez al assad"]
    # the article written together with the name
    assert hf.foreign_names("하페즈 알아사드", table) == ["hafez al assad"]
    # a word that fits no list spelling: its plain reading
    assert hf.foreign_names("보리스 김", table) == ["boris gim"]


def test_foreign_names_are_none_without_a_fit_or_hangul() -> None:
    table = _table("boris", "berezovsky")
    assert hf.foreign_names("김영숙", table) == []
    assert hf.foreign_names("Boris Berezovsky", table) == []


def test_foreign_names_are_bounded() -> None:
    table = _table("boris", "borys", "baris", "berezovsky", "berezovski", "berezovskiy")
    assert len(hf.foreign_names("보리스 베레조프스키", table)) == kana.MAX_READINGS


def test_query_names_add_the_readings_after_the_korean_ones() -> None:
    index = list_index("BEREZOVSKY, Boris Abramovich")
    lists = kana.Spellings(index.abjad, index.weights)
    names = prepare_query_names(Query("보리스 베레조프스키", "Person"), spellings=lists)
    assert names[-1].folded == prepare_name("Boris Berezovsky").folded
    assert names[0].tokens[0] != "boris"  # the Korean reading first, as before
    # without the index's table (a caller with no index) the Korean readings alone
    assert all("boris" not in n.tokens
               for n in prepare_query_names(Query("보리스 베레조프스키", "Person")))


def test_a_listed_person_in_hangul_alerts_and_says_how_it_was_read() -> None:
    index = list_index("BEREZOVSKY, Boris Abramovich", "KIM, Yong Su")
    (first, *_) = match_query(index, Query("보리스 베레조프스키", "Person"))
    assert first.match
    assert first.source_id == "s0"
    assert "berezovsky" in first.explanation


def test_a_korean_name_keeps_its_reading_and_alerts_on_no_foreign_one() -> None:
    index = list_index("BEREZOVSKY, Boris Abramovich", "KIM, Yong Su", "KIMBERLEY, Sue")
    found = [r.source_id for r in match_query(index, Query("김영수", "Person")) if r.match]
    assert found == ["s1"]


@pytest.mark.parametrize(("words", "expected"), [
    (["하지아"], True),  # a Korean surname and a given name in one word
    (["남궁민수"], True),  # a two-syllable surname
    (["김", "지영"], True),  # written apart
    (["푸틴"], False),  # 푸 heads no Korean name
    (["마이클", "잭슨"], False),  # a first word longer than a surname
    (["김", "블라디미르"], False),  # a given name longer than a Korean one
    (["김정은김정은"], False),  # longer than a Korean name
])
def test_korean_person_is_a_korean_surname_and_a_short_given_name(
        words: list[str], expected: bool) -> None:
    assert hf.korean_person(words) is expected


def test_a_korean_persons_name_gets_no_foreign_reading() -> None:
    table = _table("hazia", "haziya", "jiyoung")
    assert hf.foreign_names("하지아", table) == []
    assert hf.foreign_names("하 지영", table) == []
    # though its words fit list spellings
    assert "hazia" in hf.readings("하지아", table)
    assert hf.readings("지영", table) == ["jiyoung"]


def test_a_south_korean_companys_name_gets_no_foreign_reading() -> None:
    table = _table("wind", "global")
    assert hf.foreign_names("윈드 글로벌", table) == ["wind global"]
    assert hf.foreign_names("주식회사 윈드", table) == []
    assert hf.foreign_names("유한회사 글로벌", table) == []


@pytest.mark.parametrize(("hangul", "listed"), [
    ("매퀸", "McQueen"), ("맥그리거", "McGregor"), ("매키넌", "McKinnon"), ("맥도널드", "McDonald"),
])
def test_hangul_mac_fits_a_listed_mc(hangul: str, listed: str) -> None:
    # the Loanword Orthography writes Mc and Mac as 맥, and as 매 before a k sound
    fit = hf.pattern(hangul)
    assert fit is not None and fit.fullmatch(kana.latin(listed))
    assert key(listed.lower()) in hf.keys(hangul)


@pytest.mark.parametrize(("words", "korean"), [
    (["조", "앨런"], False),  # 앨 is no character's Korean reading: Joe Allen
    (["김정은"], True), (["조", "민수"], True), (["이서연"], True),
])
def test_a_korean_persons_shape_needs_syllables_characters_read(words: list[str],
                                                                  korean: bool) -> None:
    assert hf.korean_person(words) is korean


def test_a_foreign_name_headed_by_a_korean_surnames_syllable_is_read() -> None:
    index = list_index("Joe ALLEN")
    spellings = kana.Spellings(index.abjad, index.weights)
    assert any("allen" in str(n).split() for n in hf.foreign_names("조 앨런", spellings))


@pytest.mark.parametrize(("hangul", "listed"), [
    ("루소", "Rousseau"),  # French eau
    ("브란트", "Brandt"),  # German dt
    ("마이클슨", "Michaelson"),  # the English schwa spelt ae
    ("파운데이션", "Foundation"), ("코퍼레이션", "Corporation"),  # English -tion
    ("호샤", "Rocha"), ("호드리구", "Rodrigo"),  # Portuguese r at a word's start
    ("레이건", "Reagan"), ("그레이트", "Great"),  # English ea for /eɪ/
    ("브란츠", "Brands"), ("롤란츠", "Rolands"),  # Dutch and German final ds, [ts]
    ("시망", "Simao"), ("팔캉", "Falcao"),  # Portuguese ão at a word's end
])
def test_hangul_fits_a_spelling_of_the_source_languages_orthography(hangul: str,
                                                                     listed: str) -> None:
    fit = hf.pattern(hangul)
    assert fit is not None and fit.fullmatch(kana.latin(listed))
    assert key(listed.lower()) in hf.keys(hangul)


def test_hangul_reads_h_as_a_portuguese_r_only_at_a_words_start() -> None:
    fit = hf.pattern("아호")
    assert fit is not None and fit.fullmatch("aho") and not fit.fullmatch("aro")


def test_hangul_reads_a_portuguese_ao_only_in_a_words_last_syllable() -> None:
    fit = hf.pattern("망고")
    assert fit is not None and fit.fullmatch("mango") and not fit.fullmatch("maogo")
    last = hf.pattern("캉")
    assert last is not None and last.fullmatch("kang") and last.fullmatch("cao")


@pytest.mark.parametrize(("hangul", "listed"), [
    ("존", "John"), ("존슨", "Johnson"), ("존스턴", "Johnston"),  # English oh: silent h
    ("콜", "Kohl"), ("달", "Dahl"),  # German h lengthening a vowel
])
def test_hangul_fits_a_silent_h_after_a_first_syllables_vowel(hangul: str, listed: str) -> None:
    fit = hf.pattern(hangul)
    assert fit is not None and fit.fullmatch(kana.latin(listed))
    assert key(listed.lower()) in hf.keys(hangul)


def test_hangul_reads_a_silent_h_only_in_a_first_syllable_with_a_final() -> None:
    assert not hf.pattern("조니").fullmatch("johni")  # no final: no h
    assert not hf.pattern("레존").fullmatch("lejohn")  # not the first syllable


def test_a_silent_h_never_takes_a_words_keys_past_the_cap() -> None:
    # (a long Korean-shaped word: the h's choice would pass MAX_KEYS; its keys stay)
    assert hf.keys("박영철")
