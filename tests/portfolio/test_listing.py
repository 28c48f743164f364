"""NS-CMIC entries come from the stored list versions, with their ISINs and dates."""

from datetime import date
from pathlib import Path

import pytest

from clearance.index.build import Index
from clearance.index.store import ensure_index
from clearance.match.engine import match_query
from clearance.match.score import Query, ScoringConfig
from clearance.portfolio.listing import cmic_list
from clearance.portfolio.screen import Screener
from clearance.store.load import load_paths


def test_cmic_entries_of_the_consolidated_list(loaded_home: Path) -> None:
    cmic = cmic_list()
    ofac = [e for e in cmic.entries.values() if e.dataset == "us_ofac_cons"]
    assert len(ofac) == 68
    hik = cmic.entries["us_ofac_cons-30946"]
    assert hik.isins == ("CNE100000PM8",) and hik.version == 1
    assert (hik.dates.listing, hik.dates.effective, hik.dates.divestment) == (
        date(2021, 6, 3), date(2021, 8, 2), date(2022, 6, 3))
    assert cmic.by_isin["CNE100000PM8"] == ["us_ofac_cons-30946", "us_trade_csl-30946"]
    assert cmic.entries["us_ofac_cons-30926"].malformed == ("BRC1EODR004",)
    assert cmic.by_issuer_code["16941M"] == [("us_ofac_cons-30923", "US16941M1099"),
                                            ("us_trade_csl-30923", "US16941M1099")]
    assert cmic.by_cusip["G8020E119"][0] == ("us_ofac_cons-30951", "KYG8020E1199")


def test_the_december_2021_listings_keep_their_own_dates(loaded_home: Path) -> None:
    later = [e for e in cmic_list().entries.values()
             if e.dataset == "us_ofac_cons" and e.dates.listing == date(2021, 12, 16)]
    assert len(later) == 8  # one of them written "16 Dec 2021." in the remarks
    assert {(e.dates.effective, e.dates.divestment) for e in later} == {
        (date(2022, 2, 14), date(2022, 12, 16))}


@pytest.mark.parametrize("name", ["China Mobile Ltd", "Hangzhou Hikvision Digital Tech",
                                  "China Construction Bank Corp", "SZ DJI Technology",
                                  "Hikvision USA Inc", "Semiconductor Manufacturing Intl"])
def test_name_index_scores_equal_the_full_matcher(screener: Screener, index: Index,
                                                  name: str) -> None:
    cfg = ScoringConfig()
    full = {r.entity_id: round(r.score, 6) for r in match_query(
        index, Query(name=name, schema="Company"), cfg, limit=10_000)}
    small = match_query(screener.cmic.index, Query(name=name, schema="Company"), cfg, limit=50)
    assert small, name
    for r in small:
        assert full.get(r.entity_id) == round(r.score, 6), (name, r.entity_id)


def test_enhanced_xml_gives_the_same_dates(home: Path, lists_dir: Path) -> None:
    results = load_paths([lists_dir / "ofac_consolidated_enhanced"])
    assert [r.error for r in results] == [None]
    ensure_index()
    hik = cmic_list().entries["us_ofac_cons-30946"]
    assert (hik.dates.listing, hik.dates.effective, hik.dates.divestment) == (
        date(2021, 6, 3), date(2021, 8, 2), date(2022, 6, 3))
    assert hik.isins == ("CNE100000PM8",)
    assert len(cmic_list().entries) == 68
