"""Trades in organisation names: two different trades name two businesses, one trade
written two ways or added to a name is a style of that name."""

import pytest

from clearance.index.build import Index
from clearance.match.engine import match_query
from clearance.match.orgs import industry
from clearance.match.score import Query
from tests.match.lists import list_index


@pytest.mark.parametrize(
    ("word", "trade"),
    [("airlines", "aviation"), ("air", "aviation"), ("bank", "banking"),
     ("shipping", "shipping"), ("marine", "shipping"), ("trading", None), ("kestrel", None)],
)
def test_a_word_names_the_trade_it_says(word: str, trade: str | None) -> None:
    assert industry(word) == trade


@pytest.fixture(scope="module")
def trades() -> Index:
    return list_index("KESTREL SHIPPING", "ORLIK BANK", "VELMAR TRADING LLC", "NORDWIND GMBH",
                      "TOROS ELECTRONICS", schema="Company")


def _alerts(index: Index, query: str) -> list[str]:
    return [r.name for r in match_query(index, Query(query, "Company"), limit=3) if r.match]


@pytest.mark.parametrize(("query", "listed"), [("Kestrel Airlines", "KESTREL SHIPPING"),
                                               ("Kestrel Air", "KESTREL SHIPPING"),
                                               ("Orlik Insurance", "ORLIK BANK")])
def test_two_different_trades_do_not_alert(trades: Index, query: str, listed: str) -> None:
    # session 21: "Kestrel Airlines" alerted on KESTREL SHIPPING at 0.833, two generic
    # words costing as little as one shared
    assert listed not in _alerts(trades, query)


@pytest.mark.parametrize(("query", "listed"), [("Kestrel Shipping and Trading", "KESTREL SHIPPING"),
                                               ("Kestrel Marine", "KESTREL SHIPPING"),
                                               ("Orlik Bank Group", "ORLIK BANK"),
                                               ("Velmar Shipping", "VELMAR TRADING LLC")])
def test_a_trade_added_or_written_another_way_still_alerts(trades: Index, query: str,
                                                           listed: str) -> None:
    # (trading names no one trade: "Velmar Shipping" may be VELMAR TRADING's own business)
    assert listed in _alerts(trades, query)
