"""Katakana names of foreign people read as the Latin names they transcribe (`match.kana`)."""

from typing import Any

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
    ("ボリス・ベレゾフスキー", True),
    ("ﾎﾞﾘｽ ﾍﾞﾚｿﾞﾌｽｷｰ", True),  # Zengin half-width katakana (NFKC folds it)
    ("ヨハン＝シュトラウス", True),
    ("田中 太郎", False),  # kanji: read as today
    ("たなか たろう", False),  # hiragana
    ("田中マリア", False),  # mixed scripts
    ("Boris", False),
])
def test_only_text_in_katakana_alone_is_read(text: str, expected: bool) -> None:
    assert kana.is_katakana(text) is expected


@pytest.mark.parametrize(("word", "expected"), [
    ("シャ", (("sh", "a"),)),  # a glide joins the kana before it
    ("キョ", (("ky", "o"),)),
    ("ティ", (("t", "i"),)),  # the 1991 notice's kana for foreign sounds
    ("ウィ", (("w", "i"),)),
    ("ヴァ", (("v", "a"),)),
    ("マックス", (("m", "a"), ("k", "u"), ("s", "u"))),  # ッ adds no sound of its own
    ("ルーン", (("r", "u"), ("-", ""), ("n", ""))),
])
def test_units_read_kana_with_their_small_kana(word: str, expected: tuple[Any, ...]) -> None:
    assert kana.units(word) == expected


def test_units_refuse_a_character_outside_the_table() -> None:
    assert kana.units("ボa") is None


@pytest.mark.parametrize(("word", "spelling"), [
    ("ボリス", "boris"),  # the vowel after a final s is katakana's
    ("グスタフ", "gustav"),  # ス s, フ for a final v
    ("ヴィクトル", "viktor"),  # ク k, ル a final r
    ("ビクトル", "victor"),  # ビ for v, c for k
    ("ベルリン", "berlin"),  # ル for l
    ("フセイン", "hussein"),  # フ for hu, an s Latin doubles
    ("マックス", "max"),  # ックス for x
    ("ディミトリ", "dimitri"),
    ("チャールズ", "charles"),  # ー an r, ズ a final s
    ("ゲオルギー", "georgiy"),  # ー a second vowel letter
    ("ドミトリー", "dmitry"),  # ド for a lone d
    ("ニコラス", "nicolas"),
    ("ウラジスラフ", "vladislav"),  # ウ for v before a consonant, ジ for di
    ("ジューコフ", "zhukov"),  # ジ for zh
    ("イワノフ", "ivanov"),  # ワ for va
    ("ペトロヴィチ", "petrovich"),  # チ for a final ch
    ("モネ", "monet"),  # a French final t katakana leaves unwritten
    ("ベルナール", "bernard"),  # and d
    ("デュマ", "dumas"),  # and s
    ("オリヴィエ", "olivier"),  # the r of -ier after a final e
    ("ロジェ", "roger"),
])
def test_pattern_fits_the_latin_spelling_a_word_transcribes(word: str, spelling: str) -> None:
    fit = kana.pattern(word)
    assert fit is not None
    assert fit.fullmatch(kana.latin(spelling)) is not None
    # and the spelling is found by one of the word's keys
    assert key(spelling) in kana.keys(word)


@pytest.mark.parametrize(("word", "spelling"), [
    ("ボリス", "borisa"),  # a vowel the katakana does not write
    ("イワノフ", "ivanova"),
    ("ベルリン", "berlinger"),
    ("サトウ", "saturn"),
    ("ドミトリー", "demetrios"),
])
def test_pattern_refuses_other_names(word: str, spelling: str) -> None:
    fit = kana.pattern(word)
    assert fit is not None
    assert fit.fullmatch(kana.latin(spelling)) is None


def test_readings_are_list_spellings_long_enough_nearest_first() -> None:
    table = _table("ivanov", "ivanova", "ivanoff", "iv", "ivanovsky")
    # each a token of its own here: every spelling that fits, and no other
    assert sorted(kana.readings("イワノフ", table)) == ["ivanoff", "ivanov"]
    # nearest the plain reading ("evanov" is one letter further from "iwanof")
    assert kana.readings("イワノフ", _table("evanov", "ivanov")) == ["ivanov", "evanov"]
    # but the commonest list word first
    assert kana.readings("イワノフ", _table("evanov", "ivanov", weights=(0.5, 0.9))) == [
        "evanov", "ivanov"]
    assert kana.readings("イワ", _table("iva", "ivah")) == []  # shorter than MIN_FIT


def test_readings_keep_at_most_a_few_per_word() -> None:
    table = _table("boris", "borys", "boriss", "baris", "burys", "boress")
    assert len(kana.readings("ボリス", table)) == kana.MAX_PER_WORD


def test_foreign_names_read_each_word_and_the_article() -> None:
    table = _table("boris", "berezovsky", "hafez", "assad")
    assert kana.foreign_names("ボリス・ベレゾフスキー", table) == ["boris berezovsky"]
    assert kana.foreign_names("ﾍﾞﾚｿﾞﾌｽｷｰ ﾎﾞﾘｽ", table) == ["berezovsky boris"]
    assert kana.foreign_names("ハーフェズ・アル＝アサド", table) == ["hafez al assad"]
    # a word that fits no list spelling stays as written, for today's reading
    assert kana.foreign_names("ボリス・タナカ", table) == ["boris タナカ"]


def test_foreign_names_are_none_without_a_fit_or_katakana() -> None:
    table = _table("boris", "berezovsky")
    assert kana.foreign_names("タナカ・タロウ", table) == []
    assert kana.foreign_names("田中 太郎", table) == []
    assert kana.foreign_names("Boris Berezovsky", table) == []


def test_foreign_names_are_bounded() -> None:
    table = _table("boris", "borys", "baris", "berezovsky", "berezovski", "berezovskiy")
    assert len(kana.foreign_names("ボリス・ベレゾフスキー", table)) == kana.MAX_READINGS


def test_query_names_add_the_readings_and_keep_the_kana_reading() -> None:
    index = list_index("BEREZOVSKY, Boris Abramovich")
    lists = kana.Spellings(index.abjad, index.weights)
    names = prepare_query_names(Query("ボリス・ベレゾフスキー", "Person"), spellings=lists)
    assert [n.tokens[0] for n in names] == ["borisu", "boris"]
    assert names[0].tokens[1] == "berezofusuki"
    assert names[1].folded == prepare_name("Boris Berezovsky").folded
    # without the index's table (a caller with no index) the katakana reading alone
    assert len(prepare_query_names(Query("ボリス・ベレゾフスキー", "Person"))) == 1


def test_a_listed_person_in_katakana_alerts_and_says_how_it_was_read() -> None:
    index = list_index("BEREZOVSKY, Boris Abramovich", "TANAKA, Hiroshi")
    (first, *_) = match_query(index, Query("ﾍﾞﾚｿﾞﾌｽｷｰ ﾎﾞﾘｽ", "Person"))
    assert first.match
    assert first.source_id == "s0"
    assert "berezovsky" in first.explanation


def test_a_japanese_name_in_katakana_does_not_alert_on_a_foreign_one() -> None:
    index = list_index("BEREZOVSKY, Boris Abramovich", "SATORI, Tarik")
    assert [r for r in match_query(index, Query("サトウ タロウ", "Person")) if r.match] == []


def test_an_unwritten_final_r_follows_an_e_alone() -> None:
    fit = kana.pattern("ボリス")
    assert fit is not None and fit.fullmatch("boris") and not fit.fullmatch("borisr")


def test_a_french_name_without_its_final_consonant_alerts_on_the_listed_person() -> None:
    index = list_index("MONET, Claude", "MONE, Claudia")
    (first, *_) = match_query(index, Query("クロード・モネ", "Person"))
    assert first.match and first.source_id == "s0"


@pytest.mark.parametrize(("spelling", "read"), [
    ("McQueen", "maquen"),  # a first Mc as Mac; cq one sound (as ck is)
    ("MacQueen", "maquen"),
    ("Jacques", "jaques"),
    ("Mcgee", "macge"),
    ("Mc", "mc"),  # (no name after it)
])
def test_a_first_mc_is_read_as_the_mac_the_scripts_write(spelling: str, read: str) -> None:
    assert kana.latin(spelling) == read


def test_a_katakana_mac_fits_a_listed_mc() -> None:
    fit = kana.pattern("マクドナルド")
    assert fit is not None and fit.fullmatch(kana.latin("McDonald"))


@pytest.mark.parametrize(("katakana", "listed"), [
    ("ルソー", "Rousseau"),  # French eau
    ("ブラント", "Brandt"),  # German dt
    ("カルヴァリョ", "Carvalho"), ("ミーニョ", "Minho"),  # Portuguese lh, nh
    ("ノイマン", "Neumann"), ("オイラー", "Euler"),  # German eu as オイ
    ("シーモア", "Seymour"), ("ギルモア", "Gilmore"), ("ラモア", "Lamore"),  # English -ore as オア
])
def test_katakana_fits_a_spelling_of_the_source_languages_orthography(katakana: str,
                                                                      listed: str) -> None:
    fit = kana.pattern(katakana)
    assert fit is not None and fit.fullmatch(kana.latin(listed))
    assert key(listed.lower()) in kana.keys(katakana)


@pytest.mark.parametrize(("katakana", "listed"), [
    ("ノイマン", "Noiman"), ("モアナ", "Moana"), ("ドイル", "Doyle"),  # the vowels' own
    ("トア", "Tore"),  # not after ト's added o: it writes a t alone
])
def test_oi_and_oa_keep_their_own_vowels_and_the_added_o(katakana: str, listed: str) -> None:
    fit = kana.pattern(katakana)
    assert fit is not None
    assert bool(fit.fullmatch(kana.latin(listed))) == (listed != "Tore")


@pytest.mark.parametrize(("text", "listed", "word"), [
    ("モーガン・デクスター", "DEXTER, Morgan", "dexter"),  # x, folded "ks": longer
    ("オスカー・ウォルター", "WALTER, Oskar", "walter"),  # w, folded "v": as long
    ("모건 덱스터", "DEXTER, Morgan", "dexter"),  # Hangul reads by the same lookup
])
def test_a_reading_is_the_lists_own_spelling_not_its_fold(text: str, listed: str,
                                                          word: str) -> None:
    index = list_index(listed)
    lists = kana.Spellings(index.abjad, index.weights)
    names = kana.foreign_names(text, lists) or hf.foreign_names(text, lists)
    assert word in names[0].split()
    (first, *_) = match_query(index, Query(text, "Person"))
    assert first.score == 1.0


def test_a_short_word_is_read_only_beside_a_word_the_pattern_reads() -> None:
    table = _table("tim", "cook", "dan")
    # ティム fits TIM, under MIN_FIT: read so beside a surname the pattern reads
    assert kana.foreign_names("ティム・クック", table) == ["tim cook"]
    # alone, or beside a word no list spelling fits, it keeps its own letters
    assert kana.foreign_names("ティム", table) == []
    assert kana.foreign_names("ティム・タナカ", table) == []
    # an article is no reading: ダン beside アル keeps its letters (DAN is not read)
    assert kana.foreign_names("アル・ダン", table) == ["al ダン"]
    # a word of MIN_FIT letters or more keeps its reading alone
    assert kana.foreign_names("ティム・クック", _table("tim", "timm", "cook")) == [
        "timm cook"]


@pytest.mark.parametrize(("text", "listed"), [
    ("ティム・クック", "COOK, Tim"),  # katakana: a given name of three letters
    ("サム・ハリス", "HARRIS, Sam"),
    ("팀 로빈슨", "ROBINSON, Tim"),  # Hangul: the same rule
    ("이브 마틴", "MARTIN, Eve"),  # 이브: a vowel first
    ("マーク・リン", "LIN, Mark"),  # a short surname: リン "rin" as written
    ("마크 린", "LIN, Mark"),
])
def test_a_short_given_name_beside_a_read_surname_meets_the_listed_person(
        text: str, listed: str) -> None:
    index = list_index(listed, "KUMAR, Timur", "HARRIS, Samuel")
    (first, *_) = match_query(index, Query(text, "Person"))
    assert first.source_id == "s0"
    assert first.match


@pytest.mark.parametrize(("word", "listed"), [
    ("ウォーカー", "Walker"), ("ホームズ", "Holmes"), ("パーマー", "Palmer"),  # katakana ー
    ("워커", "Walker"), ("홈스", "Holmes"), ("파머", "Palmer"), ("포크너", "Faulkner"),  # Hangul
])
def test_an_english_silent_l_before_k_or_m_fits_the_long_vowel_it_leaves(
        word: str, listed: str) -> None:
    fit = kana.pattern(word) or hf.pattern(word)
    keys = kana.keys(word) or hf.keys(word)
    assert fit is not None and fit.fullmatch(kana.latin(listed.lower()))
    assert key(listed.lower()) in keys


def test_a_silent_l_is_read_only_between_an_a_or_o_and_a_k_or_m() -> None:
    assert not kana.pattern("カーター").fullmatch("kalter")  # before t: no l
    assert not kana.pattern("ピーク").fullmatch("pilk")  # after i: no l
    assert not hf.pattern("카터").fullmatch("kalter")
    assert not hf.pattern("피크").fullmatch("pilk")


@pytest.mark.parametrize(("word", "listed"), [
    ("ダラム", "Durham"), ("グレアム", "Graham"), ("ベンサム", "Bentham"),  # katakana
    ("더럼", "Durham"), ("그레이엄", "Graham"), ("니덤", "Needham"),  # Hangul
])
def test_an_english_ham_fits_without_its_h(word: str, listed: str) -> None:
    fit = kana.pattern(word) or hf.pattern(word)
    keys = kana.keys(word) or hf.keys(word)
    assert fit is not None and fit.fullmatch(kana.latin(listed.lower()))
    assert key(listed.lower()) in keys


def test_a_silent_ham_h_is_read_only_before_a_words_last_m() -> None:
    assert not kana.pattern("ハム").fullmatch("hham")  # a word's first kana: no h
    assert not kana.pattern("ナムラ").fullmatch("nhamra")  # not last
    assert not hf.pattern("넘버").fullmatch("nhumber")


@pytest.mark.parametrize(("text", "listed"), [
    ("カール5世", "Karl V"),  # katakana: the number written onto the name
    ("グスタフ・アドルフ4世", "Gustav Adolf IV"),
    ("레오폴트 2세", "Leopold II"),  # Hangul: the number a word of its own
    ("구스타프 아돌프 4세", "Gustav Adolf IV"),
    ("프톨레마이오스 3세 에우에르게테스", "Ptolemaios III Euergetes"),  # an epithet after it
])
def test_a_rulers_number_is_read_as_the_roman_numeral_the_list_writes(
        text: str, listed: str) -> None:
    index = list_index(listed, "KUMAR, Timur", "HARRIS, Samuel")
    (first, *_) = match_query(index, Query(text, "Person"))
    assert first.source_id == "s0"
    assert first.match


@pytest.mark.parametrize(("words", "mark"), [
    (["5세", "카를"], "세"),  # a name's first word
    (["카를", "1세대"], "세"),  # "first generation": a word of its own
    (["구스타프", "4세", "아돌프", "에릭"], "세"),  # two words after it
    (["카를", "5세", "6세"], "세"),  # two numbers
    (["카를", "45세"], "세"),  # more than MAX_REGNAL: an age
    (["カール"], "世"),  # no number
])
def test_a_rulers_number_is_read_only_after_a_names_first_word(
        words: list[str], mark: str) -> None:
    assert kana.regnal(words, mark) is None


def test_a_rulers_number_is_no_reading_of_its_own() -> None:
    # beside no word a list spelling fits, the number reads nothing: no Guess is made
    spellings = _table("samuel", "harris")
    assert kana.foreign_names("カール5世", spellings) == []
    assert hf.foreign_names("레오폴트 2세", spellings) == []
    assert [str(n) for n in kana.foreign_names("カール5世", _table("karl"))] == ["karl v"]
    assert [str(n) for n in hf.foreign_names("레오폴트 2세", _table("leopold"))] == [
        "leopold ii"]


@pytest.mark.parametrize(("word", "listed"), [
    ("ハインリヒ", "Heinrich"), ("ブレヒト", "Brecht"), ("ライプツィヒ", "Leipzig"),  # katakana
    ("하인리히", "Heinrich"), ("브레히트", "Brecht"), ("라이프치히", "Leipzig"),  # Hangul
    ("디트리히", "Dietrich"),
])
def test_a_german_ch_after_a_front_vowel_fits_the_hi_it_is_written(
        word: str, listed: str) -> None:
    fit = kana.pattern(word) or hf.pattern(word)
    keys = kana.keys(word) or hf.keys(word)
    assert fit is not None and fit.fullmatch(kana.latin(listed.lower()))
    assert key(listed.lower()) in keys


def test_a_german_ch_is_read_only_after_a_front_vowel() -> None:
    assert not kana.pattern("ヒルト").fullmatch("chlt")  # a word's first kana: its i written
    assert not kana.pattern("バッハ").fullmatch("bachi")  # ハ: not ヒ
    assert not kana.pattern("ロヒト").fullmatch("rocht")  # after o
    assert not kana.pattern("リヒテン").fullmatch("rigten")  # g only at a word's end
    assert not hf.pattern("히르트").fullmatch("chrt")
    assert not hf.pattern("로히트").fullmatch("rocht")
    assert not hf.pattern("리히텐").fullmatch("rigten")


@pytest.mark.parametrize(("word", "listed"), [
    ("ゲルハルト", "Gerhard"), ("ベルンハルト", "Bernhard"), ("アルノルト", "Arnold"),
    ("ヘートヴィヒ", "Hedwig"), ("ローラント", "Roland"), ("ラインホルト", "Reinhold"),
])
def test_a_german_final_d_fits_the_to_it_is_written(word: str, listed: str) -> None:
    fit = kana.pattern(word)
    assert fit is not None and fit.fullmatch(kana.latin(listed.lower()))
    assert key(listed.lower()) in kana.keys(word)


def test_a_to_is_read_as_a_d_only_at_a_words_end_or_before_v() -> None:
    assert not kana.pattern("ピョートル").fullmatch("pyodr")  # before r: a t
    assert not kana.pattern("トマス").fullmatch("dmas")  # a word's first kana
    assert not kana.pattern("ベルトラン").fullmatch("berdran")
    assert [str(n) for n in kana.foreign_names("ピョートル", _table("pyotr", "padros"))] == [
        "pyotr"]


@pytest.mark.parametrize(("word", "listed"), [
    ("リヒャルト", "Richard"), ("ミヒャエル", "Michael"), ("ディートリヒャー", "Dietricher"),
])
def test_a_german_ch_before_a_back_vowel_fits_the_hya_it_is_written(
        word: str, listed: str) -> None:
    fit = kana.pattern(word)
    assert fit is not None and fit.fullmatch(kana.latin(listed.lower()))
    assert key(listed.lower()) in kana.keys(word)


def test_a_german_ch_before_a_back_vowel_is_read_only_after_a_front_vowel() -> None:
    assert not kana.pattern("ヒャルト").fullmatch("chart")  # a word's first kana
    assert not kana.pattern("ロヒャルト").fullmatch("rochart")  # after o


@pytest.mark.parametrize(("word", "listed"), [
    ("バッハ", "Bach"), ("コッホ", "Koch"), ("ブルッフ", "Bruch"),
    ("ラッハマン", "Lachmann"), ("ヴァッハター", "Wachter"), ("ホッハー", "Hocher"),
    ("ランゲマッハ", "Langemacher"),
])
def test_a_german_ach_laut_fits_the_kana_it_is_written(word: str, listed: str) -> None:
    fit = kana.pattern(word)
    assert fit is not None and fit.fullmatch(kana.latin(listed.lower()))
    assert key(listed.lower()) in kana.keys(word)


def test_an_ach_laut_is_read_only_after_sokuon_and_its_own_vowel() -> None:
    assert not kana.pattern("バハ").fullmatch("bach")  # no ッ: a ha
    assert not kana.pattern("ベッハ").fullmatch("bech")  # after e: no ach-Laut
    assert not kana.pattern("バッハマン").fullmatch("bachermann")  # -er only at the end


@pytest.mark.parametrize(("word", "listed"), [
    ("ジーベル", "Siebel"), ("ジグルト", "Sigurd"), ("ジーモン", "Simon"),
])
def test_a_german_s_before_a_vowel_fits_the_ji_it_is_written(word: str, listed: str) -> None:
    fit = kana.pattern(word)
    assert fit is not None and fit.fullmatch(kana.latin(listed.lower()))
    assert key(listed.lower()) in kana.keys(word)


def test_a_ji_is_read_as_a_german_s_only_at_a_words_start() -> None:
    assert not kana.pattern("アジム").fullmatch("asim")
    assert not kana.pattern("ジャン").fullmatch("san")  # ジャ: not [zi]
