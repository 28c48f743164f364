"""Normalisation steps, each a table of cases with the entry or source that motivated it."""

import pytest

from clearance.match.text import clean, latinize, normalize, script_of, shown_word


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Hik\u200bvision", "hikvision"),  # zero-width space (rigour invisible-character tests)
        ("ANGLO\u00adCARIBBEAN", "anglocaribbean"),  # soft hyphen
        ("\ufeffBANK", "bank"),  # BOM
        ("Ｈｉｋｖｉｓｉｏｎ", "hikvision"),  # full-width forms fold under NFKC
        ("  MIXED   Case ", "mixed case"),
    ],
)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    ("text", "script"),
    [("Hikvision", "latin"), ("Сергей Лавров", "cyrillic"), ("海康威视", "han"),
     ("محمد", "arabic"), ("Σωκράτης", "greek"), ("1234", "none")],
)
def test_script_of(text: str, script: str) -> None:
    assert script_of(text) == script


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # Chinese: business terms translated, brand from the curated table
        ("杭州海康威视数字技术股份有限公司",
         ["hangzhou", "hikvision", "digital", "technology", "co", "ltd"]),
        ("王伟", ["wang", "wei"]),  # person names: pinyin syllables (Senzing truth set 王伟/Wang Wei)
        # Cyrillic in the spelling the lists use (BGN/PCGN-like), not ISO 9's viktorovic
        ("Сергей Викторович Лавров", ["sergey", "viktorovich", "lavrov"]),
        ("Юрьевич", ["yurevich"]),
        ("Σωκράτης", ["sokrates"]),
        ("محمد", ["mhmd"]),  # unvocalised Arabic: the skeleton rule meets Muhammad
        ("O'BRIEN, John", ["obrien", "john"]),
        ("ANGLO-CARIBBEAN CO., LTD.", ["anglo", "caribbean", "co", "ltd"]),  # SDN 173
    ],
)
def test_normalize(text: str, tokens: list[str]) -> None:
    assert normalize(text) == tokens


@pytest.mark.parametrize(
    "text",
    [
        "josé maría garcía núñez",  # Latin with accents (es_ES, es_MX population names)
        "müller & söhne gmbh",
        "łukasz wiśniewski sp. z o.o.",  # Polish letters without a decomposition
        "nguyễn thị phương thảo",  # Vietnamese: stacked diacritics
        "şahin çelik ığdır",  # Turkish dotless and dotted i
        "σωκράτης παπαδόπουλος",  # Greek, final sigma at the end of each word
        "さとう ひろし",  # Japanese kana
        "สมชาย ใจดี",  # Thai
        "राहुल शर्मा",  # Devanagari (hi_IN)
        "გიორგი ბერიძე",  # Georgian
        "արամ պետրոսյան",  # Armenian
        "ø æ ß þ đ",  # letters ICU spells as two
        "ab\u0301 c",  # a combining mark at the end of a word
    ],
)
def test_words_transliterated_one_by_one_read_as_the_whole_text(text: str) -> None:
    # scripts `latinize` leaves to ICU alone. It asks ICU for each word (memoised): the
    # result must be ICU's reading of the whole text
    from normality import ascii_text

    assert latinize(clean(text)) == ascii_text(clean(text)).lower()


def test_the_transliterator_uses_normality_s_rules() -> None:
    # built from the rules rather than imported (text._ascii_text): a normality release
    # that changes them must be followed here
    from normality.transliteration import ASCII_SCRIPT

    from clearance.match.text import ASCII_RULES

    assert ASCII_RULES == ASCII_SCRIPT


@pytest.mark.parametrize("word", ["ගුණසේකර", "សុខា", "ສົມພອນ"])  # Sinhala, Khmer, Lao
def test_a_word_no_transliterator_reads_is_kept_as_a_word(word: str) -> None:
    # issue 11: a word ICU cannot romanise vanished, so "Pich <Khmer word>" was read as
    # "Pich" alone (and met the one-word name PICHI)
    tokens = normalize(f"Pich {word}")
    assert len(tokens) == 2 and tokens[0] == "pich"
    assert tokens[1].isascii() and tokens[1].isalpha()
    assert normalize(word) == tokens[1:]  # the same word, the same stand-in
    assert normalize("ගුණසේකර") != normalize("සේනානායක")  # another word, another one


def test_an_explanation_shows_the_unread_word_itself_not_its_stand_in() -> None:
    # issue 11: "query only: yrkukna" told a reviewer nothing about which word was unread
    from clearance.match.compare import compare_names
    from clearance.match.prepare import prepare_name

    word = "សុខា"  # Khmer
    comp = compare_names(prepare_name(f"Pich {word}"), prepare_name("Pich Sokha"),
                         lambda token, person: 1.0)
    assert word in comp.explain()
    assert normalize(word)[0] not in comp.explain()
    assert shown_word("pich") == "pich"


def test_ascii_text_is_lowered_without_asking_which_script_it_holds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # most names of a book are ASCII: no script test (four regular expressions) is asked
    from clearance.match import abjad, cyrillic, hangul, zh

    def asked(text: str) -> bool:
        raise AssertionError(f"a script test asked about {text!r}")

    for module, name in ((zh, "has_han"), (cyrillic, "has_cyrillic"), (abjad, "has_abjad"),
                         (hangul, "has_hangul")):
        monkeypatch.setattr(module, name, asked)
    assert latinize.__wrapped__("ivan o'brien-petrov 2nd") == "ivan o'brien-petrov 2nd"
    assert latinize.__wrapped__("ACME Trading LLC") == "acme trading llc"
