"""A register's abbreviated phrase is read in full (`clearance.match.registered`)."""

from clearance.index.build import Index
from clearance.match.engine import match_query
from clearance.match.prepare import ORG, prepare_name
from clearance.match.score import Query
from tests.match.lists import list_index


def test_a_turkish_names_abbreviated_industry_and_trade_is_read_in_full() -> None:
    # "San. ve Tic." is "Sanayi ve Ticaret" (industry and trade), as the letterheads write it
    short = prepare_name("Korventa Makina San. ve Tic. Ltd. Şti.", ORG)
    full = prepare_name("KORVENTA MAKINA SANAYI VE TICARET LTD STI", ORG)
    assert short.tokens == full.tokens
    assert short.legal == full.legal


def test_the_short_words_alone_keep_their_letters() -> None:
    # SAN and TIC are words of other names: only the whole phrase is read in full
    assert "san" in prepare_name("San Lorenzo Tic Trading", ORG).tokens
    assert "tic" in prepare_name("San Lorenzo Tic Trading", ORG).tokens
    assert "san" in prepare_name("Korventa San Ltd", ORG).tokens
    assert "tic" in prepare_name("Korventa Tic Ith ve Ihr Ltd", ORG).tokens


def test_a_turkish_name_written_either_way_alerts_on_the_other() -> None:
    index = list_index("KORVENTA MAKINA SANAYI VE TICARET ANONIM SIRKETI",
                       "DELMARO KIMYA SAN VE TIC LTD STI", "VEGA SHIPPING", "NORDIC STEEL",
                       schema="Organization")
    for text, want in (("Korventa Makina San. ve Tic. A.Ş.", "s0"),
                       ("Delmaro Kimya Sanayi ve Ticaret Ltd. Şti.", "s1"),
                       ("Delmaro Kimya San. ve Tic. Ltd. Şti.", "s1")):
        found = [r.source_id for r in match_query(index, Query(text, "Organization"))
                 if r.match]
        assert found == [want], text


def test_san_tic_without_ve_is_read_in_full_too() -> None:
    # the lists write "SAN. TIC." too: a query's "San. ve Tic." must still pair with it
    index = list_index("ORVELA HAVACILIK SAN. TIC. LTD. STI", "VEGA SHIPPING",
                       schema="Organization")
    for text in ("Orvela Havacilik San. ve Tic. Ltd. Şti.", "Orvela Havacilik San. Tic. Ltd. Şti.",
                 "Orvela Havacilik Sanayi ve Ticaret Ltd. Şti."):
        found = [r.source_id for r in match_query(index, Query(text, "Organization"))
                 if r.match]
        assert found == ["s0"], text


def _alerts(index: Index, text: str) -> list[str]:
    return [r.source_id for r in match_query(index, Query(text, "Organization")) if r.match]


def test_turkish_import_export_and_foreign_trade_abbreviated_are_read_in_full() -> None:
    # "Ith. ve Ihr." is "Ithalat ve Ihracat" (import and export), "Dis Tic." "Dis Ticaret"
    # (foreign trade), as the letterheads and the lists write them
    for short, full in (("Torvalen Makina Ith. ve Ihr. Ltd. Şti.",
                         "TORVALEN MAKINA ITHALAT VE IHRACAT LTD STI"),
                        ("Torvalen Ith. Ihr. Ltd. Şti.", "TORVALEN ITHALAT IHRACAT LTD STI"),
                        ("Torvalen Dis Tic. Ltd. Şti.", "TORVALEN DIS TICARET LTD STI")):
        assert prepare_name(short, ORG).tokens == prepare_name(full, ORG).tokens, short


def test_hong_kong_abbreviated_is_hong_kong_on_either_side() -> None:
    # a group's Hong Kong company is registered "X (HK) Limited"; "HK" and "Hong Kong"
    # are one place, not two different ones
    hk = prepare_name("Velmora Optics (H.K.) Limited", ORG).tokens
    assert hk == prepare_name("VELMORA OPTICS HONG KONG LIMITED", ORG).tokens
    assert hk == prepare_name("Velmora Optics HK Ltd", ORG).tokens
    index = list_index("VELMORA OPTICS HK LIMITED", "DARVEL HONG KONG TRADING LIMITED",
                       "VEGA SHIPPING", schema="Organization")
    assert _alerts(index, "Hong Kong Velmora Optics Co., Ltd.") == ["s0"]
    assert _alerts(index, "Darvel HK Trading Ltd") == ["s1"]


def test_st_before_a_place_of_saint_is_saint() -> None:
    # "St. Petersburg" is Saint Petersburg: a bank named after the city is one name
    # whichever way the city is written
    assert (prepare_name("Korvel Bank St. Petersburg", ORG).tokens
            == prepare_name("KORVEL BANK SAINT PETERSBURG", ORG).tokens)
    index = list_index("KORVEL BANK SAINT PETERSBURG", "VEGA SHIPPING", schema="Organization")
    assert _alerts(index, "Korvel Bank St. Petersburg") == ["s0"]


def test_st_elsewhere_keeps_its_letters() -> None:
    # ST before a word that makes no place of Saint is a word of the name
    assert "st" in prepare_name("Korvel St Trading", ORG).tokens
    assert "st" in prepare_name("Velmora-ST", ORG).tokens


def test_a_registers_activity_phrase_costs_as_one_word_of_trade() -> None:
    # "X Sanayi ve Ticaret A.Ş." and "X General Trading L.L.C." name X's company as "X
    # Trading" does: the phrase says what it trades in, not which company it is
    index = list_index("MERVANO", "DALSTRO GROUP", "VEGA SHIPPING", schema="Organization")
    for text in ("Mervano Sanayi ve Ticaret A.Ş.", "Mervano San. ve Tic. Ltd. Şti.",
                 "Mervano General Trading L.L.C.", "Mervano Ithalat ve Ihracat Ltd. Şti."):
        assert _alerts(index, text) == ["s0"], text
    for text in ("Dalstro Group Sanayi ve Ticaret A.Ş.", "Dalstro Group General Trading LLC"):
        assert _alerts(index, text) == ["s1"], text


def test_an_activity_phrase_does_not_make_another_name_the_listed_one() -> None:
    # the phrase costs less; a name that differs still differs
    index = list_index("MERVANO", "DALSTRO GROUP", schema="Organization")
    for text in ("Torvalen Sanayi ve Ticaret A.Ş.", "Dalmora Group General Trading L.L.C.",
                 "Mervano Dalstro Kimya Sanayi ve Ticaret A.Ş."):
        assert _alerts(index, text) == [], text


def test_sankt_before_a_place_of_saint_is_saint() -> None:
    # "Sankt-Peterburg" (German and Russian's own romanisation of Saint) is Saint
    # Petersburg: a bank named after the city is one name whichever way it is written
    assert (prepare_name("Korvel Bank Sankt-Petersburg", ORG).tokens
            == prepare_name("KORVEL BANK SAINT PETERSBURG", ORG).tokens)
    index = list_index("KORVEL BANK SAINT-PETERSBURG", "VEGA SHIPPING", schema="Organization")
    assert _alerts(index, "Bank Korvel Sankt-Peterburg") == ["s0"]


def test_sankt_elsewhere_keeps_its_letters() -> None:
    assert prepare_name("Sankt Velmora GmbH", ORG).tokens[0] == "sankt"
