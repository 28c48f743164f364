"""Fund look-through on real listed ISINs: weights added up, funds flagged, positions valued."""

from pathlib import Path

import pytest

from clearance.exc import InputError
from clearance.portfolio.funds import look_through, read_constituents
from clearance.portfolio.holdings import Holding
from clearance.portfolio.screen import Screener

HEADER = "Fund ISIN,Constituent ISIN,Issuer,Weight (%)\n"


def _file(tmp_path: Path, text: str, name: str = "funds.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_covered_and_review_weights_per_fund(screener: Screener, tmp_path: Path) -> None:
    path = _file(tmp_path, HEADER
                 + "IE00FUND0001,CNE100000PM8,Hikvision,4.5\n"        # covered by ISIN
                 + "IE00FUND0001,,Hikvision USA Inc,1.5\n"            # review: subsidiary
                 + "IE00FUND0001,US0378331005,Apple Inc,94\n"         # clear
                 + "IE00FUND0002,US0378331005,Apple Inc,100\n")
    constituents, skipped, percent = read_constituents(path)
    assert (len(constituents), skipped, percent) == (4, [], True)
    holdings = [Holding("P1", isin="IE00FUND0001", market_value=1_000_000.0, fund="Pension A"),
                Holding("P2", isin="IE00FUND0002", market_value=50.0)]
    funds = {f.fund: f for f in look_through(constituents, screener, holdings=holdings)}
    one, two = funds["IE00FUND0001"], funds["IE00FUND0002"]
    assert (one.covered_weight, one.review_weight, one.clear_weight) == (4.5, 1.5, 94.0)
    assert one.flagged and not two.flagged
    assert one.covered[0]["entity_id"] == "us_ofac_cons-30946"
    assert one.covered[0]["divestment_deadline"] == "2022-06-03"
    assert one.held_by == [{"holding": "P1", "fund_or_account": "Pension A",
                            "market_value": 1_000_000.0, "currency": None,
                            "covered_value": 45_000.0, "review_value": 15_000.0}]


def test_flag_threshold_is_a_share(screener: Screener, tmp_path: Path) -> None:
    path = _file(tmp_path, HEADER + "F1,CNE100000PM8,Hikvision,4.5\nF1,,Apple Inc,95.5\n")
    constituents, _, percent = read_constituents(path)
    assert look_through(constituents, screener, flag_above=5.0,
                        header_percent=percent)[0].flagged is False
    assert look_through(constituents, screener, flag_above=4.0,
                        header_percent=percent)[0].flagged is True


def test_fractions_are_recognised_and_said(screener: Screener, tmp_path: Path) -> None:
    path = _file(tmp_path, "fund,isin,issuer,weight\nF1,CNE100000PM8,,0.25\nF1,,Apple,0.75\n")
    constituents, _, percent = read_constituents(path)
    fund = look_through(constituents, screener, header_percent=percent)[0]
    assert (fund.weights_as, fund.covered_weight) == ("fraction", 25.0)
    forced = look_through(constituents, screener, weights="percent")[0]
    assert forced.covered_weight == 0.25


def test_weights_over_the_whole_fund_are_a_problem(screener: Screener, tmp_path: Path) -> None:
    path = _file(tmp_path, HEADER + "F1,,Apple,80\nF1,,Tencent,70\n")
    fund = look_through(read_constituents(path)[0], screener)[0]
    assert fund.problems == ["weights sum to 150.00%: more than the whole fund (read as percent)"]


def test_bad_constituent_rows_are_skipped_by_line(tmp_path: Path) -> None:
    path = _file(tmp_path, HEADER + ",CNE100000PM8,,1\nF1,CNE100000PM8,,lots\nF1,,,3\n")
    constituents, skipped, _ = read_constituents(path)
    assert constituents == []
    assert [s.split(": ", 1)[0].rsplit(", ", 1)[1] for s in skipped] == ["line 2", "line 3",
                                                                         "line 4"]
    assert "missing field 'fund'" in skipped[0] and "field 'weight'" in skipped[1]


def test_a_file_without_weights_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no weight column"):
        read_constituents(_file(tmp_path, "fund,isin\nF1,CNE100000PM8\n"))
