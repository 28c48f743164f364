"""A register's abbreviated phrase is read in full (`clearance.match.registered`)."""

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
