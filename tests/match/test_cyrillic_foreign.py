"""Foreign names written in Cyrillic read as the Latin names they transcribe
(`match.cyrillic_foreign`)."""

import pytest

from clearance.match import cyrillic_foreign as cf
from clearance.match import kana
from clearance.match.abjad import key
from clearance.match.engine import match_query, prepare_query_names
from clearance.match.guess import Guess, word_fits
from clearance.match.prepare import prepare_name
from clearance.match.score import Query
from tests.match.lists import list_index


def _table(*spellings: str) -> kana.Spellings:
    """List spellings by consonant key as an index holds them (`Index.abjad`), each its
    own token, equally rare."""
    table: dict[str, list[tuple[int, str]]] = {}
    for tid, s in enumerate(spellings):
        table.setdefault(key(s), []).append((tid, s))
    return kana.Spellings(table, (1.0,) * len(spellings))


@pytest.mark.parametrize(("word", "spelling"), [
    ("уилсон", "wilson"),  # у before a vowel at a word's head: w
    ("уэст", "west"),
    ("джонсон", "johnson"),  # дж: j
    ("хэмилтон", "hamilton"),  # х: h, э: a
    ("шмидт", "schmidt"),  # ш: sch
    ("вайнштейн", "weinstein"),  # в: w, ай: ei, шт: st
    ("штайнер", "steiner"),
    ("хименес", "jimenez"),  # Spanish j as х, z as с
    ("гарнье", "garnier"),  # ье: ier
    ("рено", "renault"),  # French final letters unwritten
    ("макдональд", "mcdonald"),  # Мак: Mc
    ("скьявоне", "schiavone"),  # Italian sch as ск
    ("фудзимори", "fujimori"),  # Polivanov: дзи ji
    ("кавасима", "kawashima"),  # си shi
    ("тиба", "chiba"),  # ти chi
    ("цукамото", "tsukamoto"),  # цу tsu
    ("брук", "brooke"),  # у: oo, a final silent e
    ("лейкфорд", "lakeford"),  # ей: a, the e of "lake" between consonants
])
def test_pattern_fits_the_latin_spelling_a_word_transcribes(word: str, spelling: str) -> None:
    fit = cf.pattern(word)
    assert fit is not None
    assert fit.fullmatch(kana.latin(spelling)) is not None
    # and the spelling is found by one of the word's keys
    assert key(spelling) in cf.keys(word)


@pytest.mark.parametrize(("word", "spelling"), [
    ("иван", "ivanov"),  # letters the Cyrillic does not write
    ("петров", "petrovsky"),
    ("джон", "johnson"),
    ("сергей", "serhat"),  # no letter unwritten after a final й
    ("барак", "parak"),  # б is b
])
def test_pattern_refuses_other_names(word: str, spelling: str) -> None:
    fit = cf.pattern(word)
    assert fit is not None
    assert fit.fullmatch(kana.latin(spelling)) is None


def test_slots_read_a_doubled_consonant_once_and_signs_as_nothing() -> None:
    assert len(cf.slots("анна") or ()) == len(cf.slots("ана") or ())
    assert cf.slots("руль") == cf.slots("рул")
    assert cf.slots("ив") is None  # shorter than MIN_LETTERS
    assert cf.slots("ivan") is None


def test_foreign_names_read_each_word_as_a_list_spelling() -> None:
    table = _table("john", "wilson", "smith")
    assert cf.foreign_names("Джон Уилсон", table) == ["john wilson"]
    # a word that fits no list spelling: as romanised
    assert cf.foreign_names("Уилсон Бобр", table) == ["wilson bobr"]
    assert cf.foreign_names("Боб Бобр", table) == []
    assert cf.foreign_names("John Wilson", table) == []


@pytest.mark.parametrize(("words", "expected"), [
    (["иван", "петров"], True),  # a Russian surname
    (["тарас", "шевченко"], True),  # Ukrainian
    (["анна", "сергеевна"], True),  # a patronymic
    (["нурсултан", "назарбаев"], True),  # Kazakh
    (["кэрол", "уорвикова"], False),  # э and уо are written in foreign words alone
    (["джон", "уилсон"], False),
    (["мартин"], True),  # an -ин of five letters: Slavic-shaped
])
def test_slavic_person_is_a_name_with_a_slavic_ending(words: list[str], expected: bool) -> None:
    assert cf.slavic_person(words) is expected


def test_a_word_without_a_foreign_letter_group_keeps_its_reading() -> None:
    table = _table("cire", "kira", "wilson")
    assert cf.readings("кира", table) == ["kira", "cire"]  # the word fits
    assert cf.foreign_names("Кира", table) == []
    # beside a foreign word, its plain reading first, then the spellings it fits
    assert cf.foreign_names("Кира Уилсон", table) == ["kira wilson", "cire wilson"]


def test_a_slavic_persons_name_gets_no_foreign_reading() -> None:
    table = _table("hassanov", "ivan", "ivanov")
    assert cf.readings("хассанов", table) == ["hassanov"]  # the word fits
    assert cf.foreign_names("Иван Хассанов", table) == []


def test_query_names_add_the_readings_after_the_plain_one() -> None:
    index = list_index("WILSON, John Hamilton")
    lists = kana.Spellings(index.abjad, index.weights)
    names = prepare_query_names(Query("Джон Уилсон", "Person"), spellings=lists)
    assert names[0].tokens == ("dzhon", "uilson")  # as before, first
    assert names[-1].folded == prepare_name("John Wilson").folded
    # an organisation's name too: a company's name may be a foreign word in Russian letters
    names = prepare_query_names(Query("Уилсон", "Company"), spellings=lists)
    assert [n.tokens for n in names] == [("uilson",), ("wilson",)]


def test_a_listed_person_in_cyrillic_alerts_and_says_how_it_was_read() -> None:
    index = list_index("WHEELER, Hamilton", "KHAMIDOV, Ilyas")
    (first, *_) = match_query(index, Query("Гамильтон Уилер", "Person"))
    assert first.match
    assert first.source_id == "s0"
    assert "wheeler" in first.explanation



def test_a_word_no_russian_or_ukrainian_dictionary_holds_is_read_as_a_foreign_name() -> None:
    # Карвер CARVER and Пелоси PELOSI hold no letter group of a foreign word, but neither
    # dictionary holds them; the Slavic names and words beside them are held, and kept
    assert not cf.slavic_word("карвер") and not cf.slavic_word("пелоси")
    assert cf.slavic_word("оксана") and cf.slavic_word("шевчук") and cf.slavic_word("кино")
    table = _table("carver", "pelosi", "cire", "kira", "oceanos")
    assert cf.foreign_names("Карвер", table) == ["carver"]
    assert cf.foreign_names("Пелоси", table) == ["pelosi"]
    assert cf.foreign_names("Кира Оксана", table) == []


@pytest.mark.parametrize("word", [
    "карвер", "пелоси", "брокар",  # no dictionary holds them
    "оксана", "шевчук", "кино",  # held as written
    "елка", "ежик",  # held with ё (ёлка, ёжик), typed with е
    "кто-то", "карвер-пелоси",  # hyphenated, held and not
    "ґанок", "ганок",  # Ukrainian ґ, and typed with г
])
def test_a_dictionary_holds_a_word_as_a_parse_of_it_says_without_parsing_it(
        word: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # `slavic_word` asks each dictionary whether it holds the word, as a parse's
    # `is_known` answers (ё for е, ґ for г allowed), without pymorphy3's guessers
    parsed = any(p.is_known for morph in cf._dictionaries() for p in morph.parse(word))
    cf.slavic_word.cache_clear()
    cf._given_name.cache_clear()
    for morph in cf._dictionaries():
        monkeypatch.setattr(morph, "parse", _no_parse)
    assert cf.slavic_word(word) == parsed
    monkeypatch.undo()
    cf.slavic_word.cache_clear()
    assert cf.slavic_word(word) == parsed


def _no_parse(word: str) -> list[object]:
    raise AssertionError(f"{word!r} parsed")


def test_a_given_name_is_parsed_only_in_a_dictionary_that_holds_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Меннетта no dictionary holds: no parse asked; Жанна both hold as a given name
    cf._given_name.cache_clear()
    for morph in cf._dictionaries():
        monkeypatch.setattr(morph, "parse", _no_parse)
    assert not cf._given_name("меннетта")
    monkeypatch.undo()
    cf._given_name.cache_clear()
    assert cf._given_name("жанна") and not cf._given_name("меннетта")


@pytest.mark.parametrize("word", [
    "ивайло", "зорница",  # Bulgarian given names of `resources/cyrillic_slavic.yml`
    "ивица",  # a Serbian one
    "седефчо", "гремислав",  # rarer Bulgarian names of their endings (-чо, -слав)
    "лъчезар",  # Bulgarian's vowel ъ before a consonant
])
def test_a_south_slavic_name_no_dictionary_holds_is_kept_as_a_slavic_name(word: str) -> None:
    # neither pymorphy3 dictionary holds these; read as the foreign names they may
    # transcribe, they were as often another list word (Седефчо SADAFCO)
    assert cf.slavic_word(word)
    table = _table("sadafco", "ivailo", "lachezar", "ivica")
    assert cf.foreign_names(word.capitalize(), table) == []


def test_a_foreign_name_is_still_read_beside_the_south_slavic_names() -> None:
    # an ending needs three letters before it (NACHO); a foreign name is read beside
    assert not cf.slavic_word("начо") and not cf.slavic_word("карвер")  # NACHO
    assert cf.foreign_names("Ивайло Карвер", _table("carver")) == ["ivaylo carver"]


@pytest.mark.parametrize(("words", "expected"), [
    (["делян", "пеевски"], True),
    (["гордана", "петровска"], True),
    (["франческа"], False),  # -ска after a vowel: FRANCESCA
])
def test_a_bulgarian_or_macedonian_surname_is_a_slavic_persons(words: list[str],
                                                              expected: bool) -> None:
    assert cf.slavic_person(words) is expected


def test_the_given_name_beside_a_foreign_surname_is_read_as_a_foreign_name_too() -> None:
    # Мишель is a name the Russian dictionary holds; beside Лубанга, which none holds, it
    # is read as the list spellings it fits too, after its plain reading
    table = _table("michel", "lubanga", "oceanos")
    assert cf.foreign_names("Мишель Лубанга", table) == ["mishel lubanga", "michel lubanga"]
    # a name without a foreign word keeps its words' reading (Оксана is not OCEANOS)
    assert cf.foreign_names("Оксана Кира", table) == []


def test_a_foreign_persons_name_with_a_russian_given_name_alerts_on_the_listed_person() -> None:
    index = list_index("LUBANGA, Thomas", "LUBANGA, Toma Jean")
    (first, *_) = match_query(index, Query("Тома Лубанга", "Person"))
    assert first.match and first.source_id == "s0"


def test_a_slavic_given_name_with_a_doubled_consonant_keeps_its_reading() -> None:
    # Жанна, Нонна: given names the dictionaries hold; Меннетта MENNETTA, which they do
    # not hold as a given name, is still read for its doubled consonant
    table = _table("sana", "naned", "mennetta")
    assert cf.foreign_names("Жанна", table) == []
    assert cf.foreign_names("Нонна", table) == []
    assert cf.foreign_names("Меннетта", table) == ["mennetta"]


def test_a_cyrillic_reading_pairs_only_with_the_spellings_its_letters_give() -> None:
    # Завен is read SEVEN (a company's word here) and Ричерд RICHARD; SEVIN and RICARDO,
    # a letter or two from those readings, are no spellings of either
    for text, listed in (("Завен", "SEVIN"), ("Ричерд", "RICARDO")):
        index = list_index(listed, "SEVEN RICHARD TRADING")
        assert not [r for r in match_query(index, Query(text, "Person")) if r.match]


def test_a_cyrillic_reading_is_a_guess_of_its_read_words_alone() -> None:
    # Мишель is kept romanised (no guess) beside its reading MICHEL (a guess), as Лубанга's
    # reading LUBANGA is
    names = cf.foreign_names("Мишель Лубанга", _table("michel", "lubanga"))
    assert names == ["mishel lubanga", "michel lubanga"]
    assert all(isinstance(n, Guess) for n in names)
    plain, read = (word_fits(n, tuple(n.split())) for n in names)
    assert plain[0] is None and read[0] is not None
    assert read[0]("michel") and not read[0]("mikhail")
    assert plain[1] is read[1] and read[1] is not None and read[1]("lubanga") and not read[1]("luganda")


def test_a_reading_that_folds_as_the_plain_one_is_kept_as_written() -> None:
    # Хирт reads "khirt" letter by letter, which folds as HIRTH does; the written words
    # are two letters apart, so the reading HIRTH is a query name of its own
    index = list_index("HIRTH")
    lists = kana.Spellings(index.abjad, index.weights)
    names = prepare_query_names(Query("Хирт", "Person"), spellings=lists)
    assert [n.tokens for n in names] == [("khirt",), ("hirth",)]
    (first, *_) = match_query(index, Query("Хирт", "Person"))
    assert first.match


def test_a_companys_name_in_quotes_after_its_legal_form_is_read_as_list_spellings() -> None:
    # ООО «Фаратех»: the quotes part words as spaces do, the form is kept as romanised
    table = _table("faratech", "ooo", "oo")
    assert cf.foreign_names("ООО «Фаратех»", table) == ["ooo faratech"]
    assert cf.foreign_names('АО "Фаратех"', table) == ["ao faratech"]


def test_beside_a_legal_form_every_word_of_the_name_is_read_as_a_foreign_word() -> None:
    # words the Russian dictionary holds (Актив, Капитал), borrowed from English: a name
    # of them alone keeps them as romanised, a company's is read as the lists spell it
    table = _table("active", "capital")
    assert cf.foreign_names("Актив Капитал", table) == []
    assert cf.foreign_names("ООО «Актив Капитал»", table) == ["ooo active capital"]


def test_a_russian_companys_register_name_alerts_on_its_english_spelling() -> None:
    # ООО «Корватех» read "korvatekh" scored 0.60 against KORVATECH; ГК «Кортех», a state
    # corporation abbreviated, 0.40 against one whose English name writes TEC
    index = list_index("KORVATECH", "STATE CORPORATION KORTEC", schema="Organization")
    for query, listed in (("ООО «Корватех»", "s0"), ("ГК «Кортех»", "s1"),
                          ("Госкорпорация Кортех", "s1")):
        for schema in ("Company", "LegalEntity"):
            (first, *_) = match_query(index, Query(query, schema))
            assert first.match and first.source_id == listed, (query, schema, first)
            assert first.score > 0.85  # (main: 0.807 for Госкорпорация Кортех)


@pytest.mark.parametrize(("word", "spelling"), [
    # English words a company's name writes by their sound: -tion as шн, -tional as шнл,
    # -cial as шл, -age as идж, a -ge's unwritten e after дж
    ("корпорейшн", "corporation"),
    ("солюшнс", "solutions"),
    ("интернэшнл", "international"),
    ("файнэншл", "financial"),
    ("брокеридж", "brokerage"),
    ("менеджмент", "management"),
])
def test_english_words_written_by_their_sound_fit_their_english_spelling(word: str,
                                                                         spelling: str) -> None:
    fit = cf.pattern(word)
    assert fit is not None and fit.fullmatch(kana.latin(spelling)) is not None


def test_a_word_no_letter_by_letter_reading_spells_is_read_as_its_english_word() -> None:
    # бизнес: the u of BUSINESS is said и; read so beside a form or not
    table = _table("korvale", "business")
    assert cf.foreign_names("ООО «Корвале Бизнес»", table) == ["ooo korvale business"]
    assert "korvale business" in cf.foreign_names("Корвале Бизнес", table)


def test_beside_a_legal_form_a_word_is_read_as_a_list_spelling_of_three_letters() -> None:
    # Скай is SKY in a company's name; elsewhere a three-letter spelling fits too many
    table = _table("korvale", "sky")
    assert cf.foreign_names("ООО «Корвале Скай»", table) == ["ooo korvale sky"]
    assert cf.foreign_names("Корвале Скай", table) == ["korvale skay"]


def test_a_companys_english_words_written_by_their_sound_alert_on_its_listed_name() -> None:
    index = list_index("KORVALE BUSINESS CONSULT", "VENTARO SKY TECH", "MIRADAL SOLUTIONS",
                       schema="Organization")
    for query, listed in (("ООО «Корвале Бизнес Консалт»", "s0"), ("ООО «Вентаро Скай Тех»", "s1"),
                          ("АО «Мирадал Солюшнс»", "s2")):
        for schema in ("Company", "LegalEntity"):
            (first, *_) = match_query(index, Query(query, schema))
            assert first.match and first.source_id == listed, (query, schema, first)
