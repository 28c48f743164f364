"""Every status, against the real OFAC consolidated list and CSL (loaded in the session home).

Names and identifiers are the list's own (cons_prim.csv) or deliberately unlisted ones.
"""

from datetime import date

import orjson
import pytest

from clearance.portfolio.holdings import Holding
from clearance.portfolio.listing import cmic_list
from clearance.portfolio.screen import ScreenConfig, Screener


def test_listed_isin_is_covered_with_the_dates(screener: Screener) -> None:
    r = screener.screen(Holding("h1", isin="CNE100000PM8"))  # Hikvision A share
    assert r.status == "covered" and r.entry is not None
    assert r.entry.entity_id == "us_ofac_cons-30946"  # OFAC's own list before the CSL copy
    assert r.evidence[0]["kind"] == "isin" and "decisive" in r.evidence[0]["detail"]
    out = r.to_dict()
    assert (out["listing_date"], out["effective_date"], out["divestment_deadline"]) == (
        "2021-06-03", "2021-08-02", "2022-06-03")
    assert "Divestment deadline 2022-06-03 passed" in out["actions"]


def test_cusip_counts_as_the_national_number_of_a_listed_isin(screener: Screener) -> None:
    r = screener.screen(Holding("h2", cusip="16941M109"))  # China Mobile ADR
    assert r.status == "covered" and r.evidence[0]["isin"] == "US16941M1099"
    r = screener.screen(Holding("h2b", cusip="G8020E119"))  # a CINS: SMIC, Cayman ISIN
    assert r.status == "covered" and r.evidence[0]["isin"] == "KYG8020E1199"
    r = screener.screen(Holding("h2c", cusip="16941M208"))  # another issue of the issuer
    assert r.status == "review" and r.evidence[0]["kind"] == "issuer_number"


def test_issuer_name_alone_is_covered_with_the_matcher_explanation(screener: Screener) -> None:
    r = screener.screen(Holding("h3", issuer="China Mobile Ltd", isin="HK1234567894"))  # valid, unlisted
    assert r.status == "covered" and r.entry is not None
    assert r.entry.name == "CHINA MOBILE LIMITED"
    assert "mobile~mobile" in r.evidence[0]["explanation"]
    assert any("is not among the ISINs listed" in e["detail"] for e in r.evidence)


def test_isin_exactly_as_published_even_when_malformed(screener: Screener) -> None:
    r = screener.screen(Holding("h4", isin="BRC1EODR004"))  # CNOOC BDR, 11 characters
    assert r.status == "covered" and r.entry is not None and r.entry.source_id == "30926"
    assert "11 characters where an ISIN has 12" in r.problems[0]


def test_other_issue_of_a_listed_cusip_issuer_is_for_review(screener: Screener) -> None:
    r = screener.screen(Holding("h5", isin="US16941M2089", issuer="Deutsche Bank Trust Co"))
    assert r.status == "review"
    assert r.evidence[0]["kind"] == "issuer_number" and "16941M" in r.evidence[0]["detail"]


def test_adr_named_in_the_description_is_for_review(screener: Screener) -> None:
    r = screener.screen(Holding("h6", issuer="Citibank NA",
                                security="CHINA MOBILE LTD SPON ADR EACH REPR 5 ORD"))
    assert r.status == "review"
    assert r.evidence[0]["kind"] == "description"
    assert "depositary receipt" in r.evidence[0]["detail"]


def test_subsidiary_holding_the_listed_name_is_for_review(screener: Screener) -> None:
    r = screener.screen(Holding("h7", issuer="Hikvision Robotics Inc"))
    assert r.status == "review" and r.entry is not None and r.entry.source_id == "30946"
    assert "holds the whole listed name 'HIKVISION'" in r.evidence[0]["detail"]


def test_a_country_branch_of_a_listed_issuer_matches_and_is_for_review(
        screener: Screener) -> None:
    # a country beside the legal form costs as a city (session 38): the name matches, and
    # the word it adds makes it a possible subsidiary, not the listed company itself
    r = screener.screen(Holding("h7b", issuer="Hikvision USA Inc"))
    assert r.status == "review" and r.entry is not None and r.entry.source_id == "30946"
    assert "adds 'USA'" in r.evidence[0]["detail"] and "subsidiary" in r.evidence[0]["detail"]


def test_financing_vehicle_of_a_listed_company_is_for_review(screener: Screener) -> None:
    r = screener.screen(Holding("h8", issuer="China Mobile Finance (2017) Ltd",
                                security="CHINA MOBILE FIN 4.5% 10/16/32 REGS"))
    assert r.status == "review"
    assert "adds 'Finance'" in r.evidence[0]["detail"]
    assert r.to_dict()["actions"].startswith("Possible NS-CMIC link")


def test_h_share_of_a_listed_issuer_by_name(screener: Screener) -> None:
    r = screener.screen(Holding("h9", issuer="CHINA TELECOM CORP LTD-H", isin="CNE1000002V2"))
    assert r.status == "covered" and r.entry is not None and r.entry.source_id == "30882"


def test_malformed_isin_alone_cannot_be_screened_and_is_not_cleared(screener: Screener) -> None:
    r = screener.screen(Holding("h10", isin="XX1234567890"))
    assert r.status == "review" and r.entry is None
    assert r.evidence[0]["kind"] == "unscreenable"
    assert "country code 'XX'" in r.problems[0]


def test_unlisted_issuer_is_clear_and_says_why(screener: Screener) -> None:
    r = screener.screen(Holding("h11", isin="US0378331005", issuer="Apple Inc",
                                security="APPLE INC COM"))
    assert r.status == "clear" and r.entry is None and r.problems == []
    details = [e["detail"] for e in r.evidence]
    assert details[0].startswith("ISIN US0378331005 is not on NS-CMIC")
    assert r.to_dict()["actions"].startswith("No NS-CMIC listing found")


def test_unrelated_chinese_issuer_is_clear(screener: Screener) -> None:
    r = screener.screen(Holding("h12", issuer="China Construction Bank Corp"))
    assert r.status == "clear"
    assert "under the review threshold 0.70" in r.evidence[0]["detail"]


def test_malformed_isin_with_a_clear_name_reports_the_problem(screener: Screener) -> None:
    r = screener.screen(Holding("h13", isin="CNE100000PM9", issuer="Apple Inc"))
    assert r.status == "clear"
    assert r.evidence[0]["detail"] == "screened on its names only: it has no valid identifier"
    assert "check digit '9'" in r.problems[0]


def test_conflicting_cusip_and_isin_are_both_screened(screener: Screener) -> None:
    r = screener.screen(Holding("h14", isin="US0378331005", cusip="16941M109"))
    assert r.status == "covered" and "name different securities" in r.problems[0]


def test_actions_follow_the_as_of_day(loaded_home: object, index: object) -> None:
    early = Screener(cmic_list(), ScreenConfig(as_of=date(2021, 9, 1)))
    r = early.screen(Holding("h", isin="CNE100000PM8")).to_dict()
    assert "Sales to divest allowed until 2022-06-03 (275 days left)" in r["actions"]


def test_the_jsonl_line_is_the_serialised_result(screener: Screener) -> None:
    for h in [Holding("a", isin="CNE100000PM8", quantity=5.0, fund="F"),
              Holding("b", isin="CNE100000PM8", quantity=7.0, fund="G"),
              Holding("c", issuer="Apple Inc")]:
        assert orjson.loads(screener.line(h)) == orjson.loads(
            orjson.dumps(screener.screen(h).to_dict()))


@pytest.mark.parametrize(("name", "status"), [
    ("Hangzhou Hikvision Digital Technology Co., Ltd.", "covered"),
    ("杭州海康威视数字技术股份有限公司", "covered"),  # the matcher reads Chinese legal names
    ("Semiconductor Manufacturing International Corp", "covered"),
    ("CNOOC Finance (2015) USA LLC", "review"),
    ("Zhejiang Dahua Technology", "clear"),  # on the Entity List, not on NS-CMIC
    ("Tencent Holdings Ltd", "clear"),
])
def test_issuer_names(screener: Screener, name: str, status: str) -> None:
    assert screener.screen(Holding("x", issuer=name)).status == status
