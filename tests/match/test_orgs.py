"""Legal forms: canonical compare forms, and no false finds inside names."""

import pytest

from clearance.match.prepare import ANY, ORG, prepare_name


def _marked(text: str) -> list[str]:
    name = prepare_name(text, ORG)
    return [t + ("*" if lf else "") for t, lf in zip(name.tokens, name.legal)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ANGLO-CARIBBEAN CO., LTD.", ["anglo", "caribbean", "ltd*"]),
        ("Kinglead Electronics Company Limited", ["kinglead", "electronics", "ltd*"]),
        ("OOO Rosneft", ["llc*", "rosneft"]),
        ("ООО Роснефть", ["llc*", "rosneft"]),  # Cyrillic OOO
        ("Obshchestvo s Ogranichennoi Otvetstvennostyu Vega", ["llc*", "vega"]),
        ("LTD LIABILITY COMPANY DUBAI WATER FRONT", ["llc*", "dubai", "water", "front"]),
        ("OPEN JOINT STOCK COMPANY GAZPROM", ["jsc*", "gazprom"]),
        ("Gazprom OAO", ["gazprom", "jsc*"]),
        ("Siemens Aktiengesellschaft", ["siemens", "jsc*"]),
        ("Grupo Mexico S.A. de C.V.", ["grupo", "mexico", "sadecv*"]),
        ("UT IT NOVAYA INDUSTRIYA O.O.O.", ["ut", "it", "novaya", "industriya", "llc*"]),
        ("VELESSTROI LIMtTED LIABILITY COMPAjNY", ["velesstroi", "llc*"]),  # typo'd form
        ("LARGE RANGELIMITED", ["large", "range", "ltd*"]),  # glued form
        ("SBERBANK EUROPE AG Group", ["sberbank", "europe", "jsc*", "group"]),
        ("Công ty TNHH Thịnh Cường", ["llc*", "thinh", "cuong"]),
        # short forms that are name words stay name words (rigour: samsung, astra)
        ("AS SALAM TRADING", ["as", "salam", "trading"]),
        ("SA MARINE", ["sa", "marine"]),
        ("BANCO CORPORATIVO SA", ["banco", "corporativo", "jsc*"]),
        # Russian state enterprises and research-and-production firms, in every spelling
        ("ФГУП «Орион»", ["fsue*", "orion"]),
        ("Federal State Unitary Enterprise Orion", ["fsue*", "orion"]),
        ("Госкорпорация Орион", ["statecorp*", "orion"]),
        ("Государственная корпорация «Орион»", ["statecorp*", "orion"]),
        ("АО «НПП «Орион»", ["jsc*", "npp*", "orion"]),
        ("Scientific and Production Association Orion",
         ["npo*", "orion"]),
        ("ФГБУ Орион", ["stateinst*", "orion"]),
    ],
)
def test_legal_forms(text: str, expected: list[str]) -> None:
    assert _marked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # one letter more than LIMITED, two edits from LIMITADA (which shares "limitad" with it)
    ("KORVALE TRADE LIMITEAD", ["korvale", "trade", "ltd*"]),
    ("KORVALE TRADE LIMITADA", ["korvale", "trade", "llc*"]),
])
def test_a_misspelt_legal_form_is_the_closest_form(text: str, expected: list[str]) -> None:
    assert _marked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("KORVALE TRADE TLD", ["korvale", "trade", "ltd*"]),  # two letters swapped
    ("KORVALE TRADE JCS", ["korvale", "trade", "jsc*"]),
    ("KORVALE GBMH", ["korvale", "gmbh*"]),
    ("KORVALE CROP", ["korvale", "crop"]),  # a word of its own: not CORP
])
def test_a_short_legal_form_with_two_letters_swapped_is_that_form(
        text: str, expected: list[str]) -> None:
    assert _marked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a short Russian form is a form before the name, a name word elsewhere
    ("NPO Orion", ["npo*", "orion"]),
    ("Orion NPO Vega", ["orion", "npo", "vega"]),
    ("GUP Orion", ["sue*", "orion"]),
    ("Orion Gup Farm", ["orion", "gup", "farm"]),
])
def test_a_short_russian_form_counts_before_the_name_only(text: str, expected: list[str]
                                                         ) -> None:
    assert _marked(text) == expected


def test_an_article_and_a_bodys_kind_weigh_as_generic_words() -> None:
    # "Khatam ol Anbia Construction Base" scored 0.55 against KHATAM AL-ANBIYA CONSTRUCTION
    # HEADQUARTERS: "ol" (the article as Persian writes it) weighed as a rare word against
    # "al", and the kind of body ("base", "headquarters") as distinctive words
    from clearance.match.engine import match_query
    from clearance.match.score import Query
    from tests.match.lists import list_index

    index = list_index("ROSTAM AL-ZARIN CONSTRUCTION HEADQUARTERS", "ORLIK TRADING LLC",
                       "VELMAR BASE CAMP", "TOROS UL HAQ", schema="Organization")
    found = match_query(index, Query("Rostam ol Zarin Construction Base", "Organization"),
                        limit=1)
    assert found[0].source_id == "s0" and found[0].match


@pytest.mark.parametrize(("text", "expected"), [
    # a word of a form of three words or more, two slips off, between the form's other words
    ("JOINT STMC COMPANY KORVALE", ["jsc*", "korvale"]),
    ("Korvale Joint Stodcfk Company", ["korvale", "jsc*"]),
    ("PUBLIC JOINT STCOKK COMPANY KORVALE", ["jsc*", "korvale"]),
    ("Obshchestvo s Ogranichennoi Ohtvtestvennostyu Vega", ["llc*", "vega"]),
    # three slips, or two words off, or a word of the form missing: no form
    ("JOINT STAR COMPANY KORVALE", ["joint", "star", "co*", "korvale"]),
    ("JOLLY STMC COMPANY KORVALE", ["jolly", "stmc", "co*", "korvale"]),
    ("JOINT STMC KORVALE", ["joint", "stmc", "korvale"]),
    ("JOINT STMC COMPANY", ["joint", "stmc", "co*"]),  # a name that would be only a form
])
def test_two_slips_in_a_word_of_a_long_form_its_other_words_spell(
        text: str, expected: list[str]) -> None:
    assert _marked(text) == expected


def test_the_spanish_sl_is_a_form_where_forms_stand() -> None:
    assert _marked("KORVALE TRADING S.L.") == ["korvale", "trading", "llc*"]
    assert _marked("Korvale SL") == ["korvale", "llc*"]
    assert _marked("SL KORVALE TRADING") == ["sl", "korvale", "trading"]


@pytest.mark.parametrize(("text", "expected"), [
    # Ukraine's joint stock companies, written out, transliterated or romanised from
    # Cyrillic ("aktsionerne" was read as the Russian AKTSIONERNOE less a letter)
    ("Publichne Aktsionerne Tovarystvo Korvale", ["jsc*", "korvale"]),
    ("Pryvatne aktsionerne tovarystvo Korvale", ["jsc*", "korvale"]),
    ("Приватне акціонерне товариство «Корвале»", ["jsc*", "korvale"]),
    ("Aktsionerne Tovarystvo Korvale", ["jsc*", "korvale"]),
    ("ПрАТ «Корвале»", ["jsc*", "korvale"]),
    ("PAT Korvale Seaport", ["jsc*", "korvale", "seaport"]),
    ("OSOO Korvale", ["llc*", "korvale"]),
    ("KORVALE SEAPORT, PAT", ["korvale", "seaport", "jsc*"]),
    # Indonesia's PT, first; PRAT, a name's word too, where forms stand only
    ("PT Korvale Jaya Tbk", ["ltd*", "korvale", "jaya", "jsc*"]),
    ("NPP PT KORVALE, AO", ["npp*", "pt", "korvale", "jsc*"]),
    ("El Prat Korvale Airport", ["el", "prat", "korvale", "airport"]),
])
def test_ukrainian_and_indonesian_forms_before_the_name(text: str, expected: list[str]
                                                       ) -> None:
    assert _marked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a form of several words written as one word
    ("KORVALE MICROWAVE SDNBHD", ["korvale", "microwave", "ltd*"]),
    ("Korvale Trading Coltd", ["korvale", "trading", "ltd*"]),
    # a form of one word split into a letter and the rest where the name ends
    ("KORVALE TRADING COMPANY, L TD", ["korvale", "trading", "ltd*"]),
    ("KORVALE X3 LT D", ["korvale", "x3", "ltd*"]),
    # not where a piece is a form of its own
    ("KORVALE A SA", ["korvale", "a", "jsc*"]),
])
def test_a_form_run_together_or_split_is_that_form(text: str, expected: list[str]) -> None:
    assert _marked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # forms the lists write last, which were a name's words: Iran's P.J.S., the US
    # states' L.C., Poland's sp. z o.o. with its letters run together; the Gulf's
    # shareholding company written out
    ("KORVALE GOSTARESH COMPANY, P.J.S.", ["korvale", "gostaresh", "co*", "jsc*"]),
    ("Korvale Public Shareholding Company", ["korvale", "jsc*"]),
    ("KORVALE TRANSPORTES L.C.", ["korvale", "transportes", "llc*"]),
    ("KORVALE-TRANS SP Z OO", ["korvale", "trans", "llc*"]),
    # two letters that are a form stand where forms do only
    ("LC Korvale Trading", ["lc", "korvale", "trading"]),
])
def test_forms_the_lists_write_last_are_forms(text: str, expected: list[str]) -> None:
    assert _marked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Lithuania's UAB (ISO 20275), last as the lists write it or first as its register
    # does; Госкорпорация abbreviated, first
    ("UAB Korvale", ["jsc*", "korvale"]),
    ('UAB "Korvale Trans"', ["jsc*", "korvale", "trans"]),
    ("KORVALE UAB", ["korvale", "jsc*"]),
    ("ГК «Корвале»", ["statecorp*", "korvale"]),
])
def test_lithuanias_uab_and_a_state_corporations_gk_are_forms(text: str, expected: list[str]
                                                              ) -> None:
    assert _marked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Latvia's SIA and Estonia's OÜ, first or last, in a name known to be an
    # organisation's, kept as written (a party of unknown type writing it pairs with it)
    ("KORVALE SIA", ["korvale", "sia*"]),
    ('SIA "Korvale Trans"', ["sia*", "korvale", "trans"]),
    ("KORVALE EUROPE OÜ", ["korvale", "europe", "ou*"]),
    ("OU KORVALE", ["ou*", "korvale"]),
    # SRL written first and a free-zone company's DMCC stay a name's words (a slip of
    # them pairs as a word's: VSRL, DMC), SRL last is the form
    ("SRL KORVALE AVIATION", ["srl", "korvale", "aviation"]),
    ("KORVALE TRADE DMCC", ["korvale", "trade", "dmcc"]),
    ("DMC Private Joint Stock Company", ["dmc", "jsc*"]),
    ("KORVALE AVIATION SRL", ["korvale", "aviation", "llc*"]),
    # inside a name, or a name of that word alone, they are words
    ("VENTA OU KORVALE", ["venta", "ou", "korvale"]),
    ("SIA", ["sia"]),
])
def test_an_organisations_sia_or_ou_first_or_last_is_its_form(text: str, expected: list[str]
                                                               ) -> None:
    assert _marked(text) == expected


@pytest.mark.parametrize("text", ["Zhang Ou", "Liu Sia", "Ou Zhang", "SRL Korvale"])
def test_sia_ou_and_a_first_srl_are_words_in_a_name_of_unknown_type(text: str) -> None:
    # people's names too (Sia, the Chinese Ou): a party of unknown type keeps its words
    name = prepare_name(text, ANY)
    assert not any(name.legal)


def test_a_listed_companys_sia_or_ou_is_no_name_word_a_query_lacks() -> None:
    from clearance.match.engine import match_query
    from clearance.match.score import Query
    from tests.match.lists import list_index

    # main: KORVALE SIA 0.61 for OOO Korvale, VENTARO TRADE OU 0.79 for Ventaro Trade
    orgs = list_index("KORVALE SIA", "VENTARO TRADE OU", schema="Organization")
    for query, listed in (("ООО «Корвале»", "s0"), ("Korvale LLC", "s0"), ("Korvale SIA", "s0"),
                          ("Ventaro Trade", "s1"), ("Ventaro Trade OÜ", "s1")):
        for schema in ("Company", "LegalEntity"):
            (first, *_) = match_query(orgs, Query(query, schema))
            assert first.match and first.source_id == listed, (query, schema, first)
    # a listed person's given name Ou stays a name
    (first, *_) = match_query(list_index("ZHANG, Ou"), Query("Zhang Ou", "LegalEntity"))
    assert first.match and first.score == 1.0
