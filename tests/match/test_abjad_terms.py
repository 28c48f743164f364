"""Persian and Arabic company names: business words translated, the rest kept in the script."""

from __future__ import annotations

import pytest

from clearance.index.build import Index, build_index
from clearance.match.abjad_terms import (
    build_territory_terms,
    english_names,
    fold_arabic,
    territory_terms,
)
from clearance.match.engine import match_query
from clearance.match.score import Query
from clearance.match.term_readings import readings


def test_arabic_and_persian_letter_forms_fold_to_one_spelling() -> None:
    # Arabic yeh/kaf/teh marbuta and Persian forms; diacritics, tatweel, ZWNJ
    assert fold_arabic("شركة") == fold_arabic("شرکه")
    assert fold_arabic("مُؤَسَّسَة") == fold_arabic("موسسه")
    assert fold_arabic("سرمایه\u200cگذاری") == "سرمایه گذاری"


@pytest.mark.parametrize(("text", "names"), [
    ("شرکت فولاد کویر", ["company steel کویر", "company فولاد کویر"]),
    # the article dropped for the lookup
    ("شركة النفط الوطنية", ["company oil national", "company petroleum national",
                            "company النفط الوطنية"]),
    ("سرمایه\u200cگذاری زاگرس", ["investment زاگرس"]),  # a two-word term across a ZWNJ
    ("شرکت زاگرس", ["company زاگرس"]),  # forms only: one reading
    # then the forms alone in English, the terms kept: BANK MELLI IRAN, BANK TEJARAT
    ("بانک ملی ایران", ["bank national iran", "bank national iranian", "bank ملی iran",
                        "bank ملی iranian"]),
    ("بانک تجارت", ["bank trade", "bank تجارت"]),
    ("کویر زاگرس", []),  # no known word: no extra name
])
def test_known_words_are_translated_and_the_rest_kept(text: str, names: list[str]) -> None:
    assert english_names(text) == names


def _company_index() -> Index:
    names = ["KAVIR STEEL COMPANY", "NATIONAL IRANIAN PAPER COMPANY", "BANK TOSEH SANAT",
             "ZAGROS TRADING LLC"]
    return build_index([{"entity_id": f"c{k}", "dataset": "t", "source_id": str(k),
                         "schema": "Company", "caption": n, "properties": {"name": [n]}}
                        for k, n in enumerate(names)], "t")


@pytest.mark.parametrize(("query", "entity"), [
    ("شرکت فولاد کویر", "c0"),  # KAVIR STEEL COMPANY, its words in Persian order
    ("شرکت ملی کاغذ ایران", None),  # paper is no known term: كاغذ stays, no alert expected
    ("بانک توسعه صنعت", "c2"),  # a listed name that keeps its words transliterated
])
def test_a_registered_name_in_persian_reaches_the_listed_english_name(
        query: str, entity: str | None) -> None:
    index = _company_index()
    found = match_query(index, Query(query, "LegalEntity"), limit=1)
    if entity is None:
        assert not found or not found[0].match
    else:
        assert found[0].entity_id == entity and found[0].match, found[:1]


def test_a_listed_name_keeping_its_terms_in_persian_meets_the_forms_in_english() -> None:
    # NAFT KAVIR COMPANY keeps نفت (oil) as the Persian says it and writes شرکت in English:
    # the reading "company نفت کویر" pairs every word; the Persian alone left شرکت unpaired
    index = build_index([{"entity_id": "k", "dataset": "t", "source_id": "k",
                          "schema": "Company", "caption": "NAFT KAVIR COMPANY",
                          "properties": {"name": ["NAFT KAVIR COMPANY"]}}], "t")
    found = match_query(index, Query("شرکت نفت کویر", "LegalEntity"), limit=1)
    assert found and found[0].match and found[0].score > 0.9, found[:1]


def test_no_reading_translates_one_term_and_keeps_another() -> None:
    # "investment ملی iran" would make MELLI the one distinctive word, to meet any listed
    # "... MELLI ... INVESTMENT COMPANY" (the lists translate a name's terms or keep them)
    for name in english_names("سرمایه گذاری ملی ایران"):
        assert not ("investment" in name and "ملی" in name), name
    index = build_index([{"entity_id": "m", "dataset": "t", "source_id": "m",
                          "schema": "Company", "caption": "ZAGROS MELLI GROUP INVESTMENT CO",
                          "properties": {"name": ["ZAGROS MELLI GROUP INVESTMENT CO"]}}], "t")
    found = match_query(index, Query("سرمایه گذاری ملی ایران", "LegalEntity"), limit=1)
    assert not found or not found[0].match, found[:1]


def test_shared_business_words_alone_do_not_alert() -> None:
    index = _company_index()
    found = match_query(index, Query("شرکت فولاد البرز", "Company"), limit=1)
    assert not found or not found[0].match  # steel + company, another name: no alert


@pytest.mark.parametrize(("word", "reading"), [
    ("تونس", "tunisia|tunisian"), ("ليبيا", "libya|libyan"), ("العراق", "iraq|iraqi"),
    ("الأردن", "jordan|jordanian"), ("لبنان", "lebanon|lebanese"),
])
def test_a_country_in_arabic_script_reads_as_its_english_name_or_adjective(
        word: str, reading: str) -> None:
    table = territory_terms()
    folded = fold_arabic(word)
    assert table.get(folded, table.get(folded[2:])) == reading


@pytest.mark.parametrize(("word", "adjective"), [
    ("الليبية", "libyan"), ("ليبي", "libyan"), ("المغربية", "moroccan"),
    ("تونسي", "tunisian"), ("الأردنية", "jordanian"),
])
def test_a_nisba_adjective_of_a_country_reads_as_the_english_adjective(
        word: str, adjective: str) -> None:
    # the article and a final alef go, yeh (masculine, Persian) or yeh + teh marbuta
    # (feminine) is added: ليبيا -> ليبي, الليبية (ليبي is also Persian for Libya: its
    # reading is "libya|libyan", the adjective last)
    table = territory_terms()
    folded = fold_arabic(word)
    reading = table.get(folded, table.get(folded[2:], ""))
    assert reading.split("|")[-1] == adjective


def test_only_english_adjectives_the_territory_data_confirms_are_taken() -> None:
    # the data holds names in many languages: a form English morphology does not make
    # ("Yemenn", "Egypti") is never the adjective; a country without one reads as its name
    table = territory_terms()
    assert table[fold_arabic("اليمن")] == "yemen|yemeni"
    assert "|" not in table[fold_arabic("فرنسا")]  # France: no -ian/-i/-ese form


def test_the_shipped_territory_table_is_the_one_the_installed_data_gives() -> None:
    # resources/abjad_territories.yml is read instead of rigour's data (its import and walk
    # cost every batch worker ~0.2 s): stale after a rigour upgrade, it fails here;
    # `python benchmarks/make_resources.py territories` writes it again
    assert territory_terms() == build_territory_terms()


def test_the_term_table_wins_over_a_country_name() -> None:
    assert english_names("ایرانی") == ["iranian"]  # the table's own entry, one reading


def test_a_term_with_an_empty_form_gives_a_reading_with_the_word_kept() -> None:
    # جماعة "group|": lists translate it (... GROUP) or transliterate it (AL-JAMA'AH)
    names = english_names("الجماعة الليبية")
    assert names == ["group libyan", "الجماعة libyan"]


def test_readings_of_several_two_form_terms_combine_up_to_a_bound() -> None:
    names = english_names("الجماعة المقاتلة الليبية")
    assert names[:2] == ["group fighting libyan", "الجماعة combatant libyan"]
    assert "group combatant libyan" in names
    # (up to four with every term in English, two with the terms kept)
    assert len(names) == len(set(names)) <= 6


def test_every_form_of_a_term_is_among_the_readings() -> None:
    # مؤسسة has six forms, beside a country of two: a product of the forms cut at the
    # cap kept the first term's first forms only
    names = english_names("مؤسسة الصقر الليبية")
    for kind in ("corporation", "establishment", "authority", "foundation", "institution",
                 "institute"):
        assert f"{kind} الصقر libyan" in names or f"{kind} الصقر libya" in names, names
    # names of two-form terms keep their readings (both first, both last, the rest)
    assert english_names("الجماعة المقاتلة الليبية")[:2] == [
        "group fighting libyan", "الجماعة combatant libyan"]


def test_a_country_adjective_meets_the_listed_english_name() -> None:
    index = build_index([{"entity_id": "g", "dataset": "t", "source_id": "g",
                          "schema": "Organization", "caption": "LIBYAN AL-SAQR GROUP",
                          "properties": {"name": ["LIBYAN AL-SAQR GROUP"]}}], "t")
    found = match_query(index, Query("جماعة الصقر الليبية", "LegalEntity"), limit=1)
    assert found and found[0].match and found[0].entity_id == "g", found[:1]


def test_a_kept_word_keeps_its_own_letters() -> None:
    # folded for the lookup, the Arabic final yeh of الصناعي became Persian's, which may
    # be a long a: "snyy" met BANK SINA; kept as written it is "sny", an -i
    assert english_names("المصرف الصناعي")[-1] == "bank الصناعي"
    index = build_index([{"entity_id": f"b{k}", "dataset": "t", "source_id": str(k),
                          "schema": "Company", "caption": n, "properties": {"name": [n]}}
                         for k, n in enumerate(["BANK SINA", "INDUSTRIAL BANK"])], "t")
    found = match_query(index, Query("المصرف الصناعي", "LegalEntity"), limit=5)
    assert [r.entity_id for r in found if r.match] == ["b1"], found


@pytest.mark.parametrize(("query", "listed"), [
    ("مؤسسة البركة", "AL-BARAKA FOUNDATION"),
    ("المؤسسة العامة للكهرباء", "GENERAL ELECTRICITY CORPORATION"),
    ("موسسه زاگرس", "ZAGROS INSTITUTION"),
    ("جمعية الصقر", "AL-SAQR ASSOCIATION"),
    # made-up bodies: the kind of body in any of the six forms the lists write
    ("المؤسسة الأردنية للاستثمار", "JORDANIAN INVESTMENT AUTHORITY"),
    ("المؤسسة العامة للنقل البحري", "GENERAL ESTABLISHMENT FOR MARINE TRANSPORT"),
])
def test_an_establishment_meets_the_kind_of_body_the_list_names(query: str,
                                                                listed: str) -> None:
    # مؤسسة / موسسه and جمعية are written as the kind of body each is in English
    index = build_index([{"entity_id": "e", "dataset": "t", "source_id": "e",
                          "schema": "Organization", "caption": listed,
                          "properties": {"name": [listed]}}], "t")
    found = match_query(index, Query(query, "LegalEntity"), limit=1)
    assert found and found[0].match, found[:1]


@pytest.mark.parametrize("query", ["کویر لمیٹڈ", "كوير لمتد"])
def test_limited_written_in_the_script_meets_the_english_legal_form(query: str) -> None:
    # Urdu, Pashto and Dari names write "limited" in their script (لمیٹڈ, لمتد)
    index = build_index([{"entity_id": "k", "dataset": "t", "source_id": "k",
                          "schema": "Company", "caption": "KAVIR LTD.",
                          "properties": {"name": ["KAVIR LTD."]}}], "t")
    found = match_query(index, Query(query, "LegalEntity"), limit=1)
    assert found and found[0].match, found[:1]


def test_armed_is_a_term() -> None:
    # المسلحة kept in the script met nothing (ARMED ISLAMIC GROUP): armed, as lists write it
    assert english_names("الجماعة الاسلامية المسلحة")[0] == "group islamic armed"


def _one(name: str, entity_id: str = "x") -> Index:
    return build_index([{"entity_id": entity_id, "dataset": "t", "source_id": entity_id,
                         "schema": "Company", "caption": name,
                         "properties": {"name": [name]}}], "t")


def test_a_persian_compound_of_two_terms_reads_as_both() -> None:
    # فولادسازی is فولاد (steel) + سازی (manufacturing) written as one word
    assert english_names("شرکت فولادسازی کویر")[0] == "company steel manufacturing کویر"
    found = match_query(_one("KAVIR STEEL MANUFACTURING COMPANY"),
                        Query("شرکت فولادسازی کویر", "LegalEntity"), limit=1)
    assert found and found[0].match, found[:1]


def test_a_term_with_its_persian_ezafe_is_the_term() -> None:
    # هواپیمای کویر: هواپیما (aircraft) tied to the next word by a yeh
    assert english_names("شرکت هواپیمای کویر")[0] == "company aircraft کویر"


@pytest.mark.parametrize(("text", "reading"), [
    ("شركة زاغروس لنقل النفط", "company زاغروس for transport oil"),  # li- "for"
    # li- before the article (its alef dropped), wa- "and" before it
    ("بنك زاغروس للتجارة والتمويل", "bank زاغروس for trading and finance"),
])
def test_a_term_after_an_arabic_proclitic_is_the_term_with_the_proclitic_in_english(
        text: str, reading: str) -> None:
    assert english_names(text)[0] == reading
    # SYRIAN COMPANY FOR OIL TRANSPORT, ... IN IRAQ AND THE LEVANT: as the lists write it


def test_a_joining_word_is_translated_beside_terms_but_never_alone() -> None:
    assert english_names("کویر و زاگرس") == []  # only "and" known: no reading
    assert english_names("بانک صنعت و کویر")[0] == "bank industry and کویر"


def test_a_martyrs_title_before_a_name_is_also_kept() -> None:
    # شهید names a foundation's martyrs (MARTYRS FOUNDATION) or is the title of the person
    # a company is named after, which the lists keep: SHAHID ... INDUSTRIAL GROUP
    names = english_names("گروه صنعتی شهید کویر")
    assert "group industrial martyrs کویر" in names and "group industrial شهید کویر" in names
    found = match_query(_one("SHAHID KAVIR INDUSTRIAL GROUP"),
                        Query("گروه صنعتی شهید کویر", "LegalEntity"), limit=1)
    assert found and found[0].match, found[:1]


def test_a_place_the_lists_translate_reads_in_english() -> None:
    # جزيرة العرب is the Arabian Peninsula, as the lists write it
    assert english_names("مجاهدو جزيرة العرب")[0] == "مجاهدو arabian peninsula"


@pytest.mark.parametrize(("text", "reading"), [
    # an airline's wings (Arabic), atomic energy in Urdu and Arabic, a Persian ministry of
    # the armed forces' logistics, law enforcement forces (the ezafe yeh read as the word)
    ("أجنحة زاغروس", "wings زاغروس"),
    ("زاگرس ایٹمی توانائی کمیشن", "زاگرس atomic energy commission"),
    ("منظمة الطاقة الذرية", "organization energy atomic"),
    ("وزارت پشتیبانی نیروهای مسلح", "ministry logistics forces armed"),
    ("نیروی انتظامی زاگرس", "forces law enforcement زاگرس"),
])
def test_words_of_airlines_atomic_energy_and_forces_are_terms(text: str, reading: str) -> None:
    assert english_names(text)[0] == reading


def test_a_word_written_twice_or_read_twice_counts_once() -> None:
    # the name writes کویر twice and its reading gives "electric" twice (الکتریکی, برق):
    # said again, they are no words the listed name lacks
    index = _one("KAVIR ELECTRIC COMPANY")
    found = match_query(index, Query("شرکت کویر الکتریکی کویر برق", "LegalEntity"), limit=1)
    assert found and found[0].match and found[0].score > 0.9, found[:1]
    latin = match_query(index, Query("Kavir Electric Kavir Company", "LegalEntity"), limit=1)
    assert latin and latin[0].score > 0.9, latin[:1]
    # a word the listed name lacks still costs
    other = match_query(index, Query("Kavir Electric Zagros Company", "LegalEntity"), limit=1)
    assert not other or other[0].score < latin[0].score - 0.1, other[:1]


def test_a_network_or_front_in_arabic_script_meets_the_english_kind_of_body() -> None:
    names = ["NOORI BROTHERS NETWORK", "FAZAL KHAN NETWORK", "AL-KARAMA FRONT"]
    index = build_index([{"entity_id": f"n{k}", "dataset": "t", "source_id": str(k),
                          "schema": "Organization", "caption": n, "properties": {"name": [n]}}
                         for k, n in enumerate(names)], "t")
    assert english_names("شبکه فضل خان") == ["network فضل خان"]  # Pashto and Persian spelling
    found = match_query(index, Query("شبكة فضل خان", "LegalEntity"), limit=1)
    assert found[0].entity_id == "n1" and found[0].match, found[:1]
    front = match_query(index, Query("جبهة الكرامة", "LegalEntity"), limit=1)
    assert front[0].entity_id == "n2" and front[0].match, front[:1]


@pytest.mark.parametrize(("query", "listed"), [
    ("ورنيكا ذ.م.م", "WARNIKA LLC"),  # the UAE's LLC abbreviated, a word a letter
    ("ورنيكا ش.م.ل", "WARNIKA S.A.L."),  # Lebanon's S.A.L.
    ("ورنيكا ش.م.ع", "WARNIKA PJSC"),  # the UAE's PJSC
    ("ورنیکا (با مسئولیت محدود)", "WARNIKA LLC"),  # Iran's company with limited liability
    ("ورنیکا با مسئولیت محدود", "WARNIKA LLC"),
])
def test_a_registers_abbreviated_or_limited_liability_form_meets_the_english_form(
        query: str, listed: str) -> None:
    index = build_index([{"entity_id": "w", "dataset": "t", "source_id": "w",
                          "schema": "Company", "caption": listed,
                          "properties": {"name": [listed]}}], "t")
    found = match_query(index, Query(query, "LegalEntity"), limit=1)
    assert found and found[0].match, found[:1]


def test_the_abbreviated_forms_read_as_their_english_forms() -> None:
    assert english_names("ورنيكا ذ.م.م") == ["ورنيكا llc"]
    assert english_names("ورنيكا ش.م.ل") == ["ورنيكا sal"]
    assert english_names("ورنیکا (با مسئولیت محدود)") == ["ورنیکا llc"]


@pytest.mark.parametrize("query", ["هواپیمایی وردان ذ.م.م", "هواپیمایی وردان (سهامی خاص)",
                                   "شرکت هواپیمایی وردان (سهامی خاص)"])
def test_a_legal_form_beside_a_word_its_script_spells_in_full_costs_as_in_latin(
        query: str) -> None:
    # a full abjad fit (وردان "wrdn" ~ VARDAN) is the word as written in another script, no
    # misspelling: a legal form the listed name lacks is a style of the name, as "Vardan
    # Airlines LLC" is, not the second difference it is beside a misspelt word
    _first_listed_alerts(["VARDAN AIRLINES", "KESTREL SHIPPING", "NORTH STAR AIRLINES"], query)


def _first_listed_alerts(listed: list[str], query: str) -> None:
    """The first of the listed companies is the query's best result, and alerts."""
    index = build_index([{"entity_id": f"v{k}", "dataset": "t", "source_id": str(k),
                          "schema": "Company", "caption": n, "properties": {"name": [n]}}
                         for k, n in enumerate(listed)], "t")
    found = match_query(index, Query(query, "LegalEntity"), limit=1)
    assert found and found[0].entity_id == "v0" and found[0].match, found[:1]


def test_a_name_is_also_read_with_only_its_legal_form_in_english() -> None:
    # the other words kept for the patterns: a list may transliterate the whole name
    assert english_names("المصرف الدارواني الساحلي ذ.م.م") == [
        "bank الدارواني الساحلي llc", "المصرف الدارواني الساحلي llc"]
    # no legal form: no such reading
    assert english_names("المصرف الدارواني الساحلي") == ["bank الدارواني الساحلي"]


@pytest.mark.parametrize("query", ["المصرف الدارواني الساحلي ذ.م.م",
                                   "المصرف الدارواني الساحلي المحدودة"])
def test_a_legal_form_after_a_transliterated_listed_name_costs_as_a_form(query: str) -> None:
    # two distinctive words each spelt in full (الدارواني DARAWANI, الساحلي SAHILI) are
    # the name: the register's form is a style of it (fails on main: 0.687)
    _first_listed_alerts(["AL MASRAF AL DARAWANI AL SAHILI", "KESTREL SHIPPING",
                          "NORTH STAR AIRLINES"], query)


def test_a_country_only_the_register_names_after_a_bank_costs_as_in_latin() -> None:
    # بانک وردان ایران (سهامی خاص): IRAN beside BANK, which agrees surely, and a pattern
    # spelling VARDAN in full is the register's country, not a second difference (fails
    # on main: 0.788)
    _first_listed_alerts(["VARDAN BANK", "VARDAN SHIPPING", "KESTREL SHIPPING",
                          "NORTH STAR AIRLINES"], "بانک وردان ایران (سهامی خاص)")


def test_a_registers_activity_is_read_in_english_beside_the_kept_words() -> None:
    # للتجارة العامة ("for general trading") is the register's activity, read as the legal
    # form is: in English, every other word kept for the patterns
    assert "المصرف الدارواني الساحلي for trading general" in english_names(
        "المصرف الدارواني الساحلي للتجارة العامة")
    # a bank's تجارت without the "for" Arabic writes onto an activity is its name (BANK
    # TEJARAT): no such reading
    assert not any("trade" in r and "بانک" in r for r in english_names("بانک تجارت ایران"))


@pytest.mark.parametrize("query", ["المصرف الدارواني الساحلي للتجارة",
                                   "المصرف الدارواني الساحلي للتجارة العامة"])
def test_a_registers_activity_after_a_transliterated_listed_name_alerts(query: str) -> None:
    # (fails on main: 0.687 and 0.610, the activity kept as the letters "lltjr")
    _first_listed_alerts(["AL MASRAF AL DARAWANI AL SAHILI", "KESTREL SHIPPING",
                          "NORTH STAR AIRLINES"], query)


def test_each_other_form_of_a_narrower_term_is_read_beside_the_first_forms() -> None:
    # a term of six forms beside one of two: the k-th readings paired "corporation" with
    # "oil" only, and GENERAL PETROLEUM CORPORATION's reading was never made (fails on main)
    table = {"a": "corporation|establishment|authority|foundation|institution|institute",
             "b": "general", "c": "oil|petroleum"}
    found = readings(["a", "b", "c"], lambda words: (1, table[words[0]])
                     if words[0] in table else None)
    assert "corporation general petroleum" in found
    assert {"corporation general oil", "institute general petroleum"} <= set(found)


def test_a_prefixed_lam_between_words_that_paired_costs_nothing() -> None:
    # للنفط reads "for oil": the "for" of the lam Arabic writes onto a word says nothing
    # the Latin name lacks once the words either side paired (main: 0.877 against 0.893
    # written without it; the listed NATIONAL ... OIL COMPANY of s36 fell under the line)
    listed = ["ZARVAN OIL COMPANY", "KESTREL SHIPPING", "NORTH STAR AIRLINES"]
    index = build_index([{"entity_id": f"v{k}", "dataset": "t", "source_id": str(k),
                          "schema": "Company", "caption": n, "properties": {"name": [n]}}
                         for k, n in enumerate(listed)], "t")
    scores = [match_query(index, Query(q, "LegalEntity"), limit=1)[0].score
              for q in ("شركة زروان للنفط ذ.م.م", "شركة زروان النفط ذ.م.م")]
    assert scores[0] == scores[1]
