"""The screening page's results: one row per listed party, as the CLI and result files show
them, with the party's other listings named under it (on the bundled lists)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from clearance.index.store import LiveIndex
from clearance.web.routes.screening import _search
from clearance.web.templating import env


def _request() -> Any:
    return SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(index=LiveIndex())))


def test_a_company_on_ofac_and_the_csl_is_one_row_naming_its_other_listings(
        loaded_home: Path) -> None:
    items = _search(_request(), "Hangzhou Hikvision Digital Technology Co., Ltd.",
                    "LegalEntity", "", "")
    first = items[0]
    assert first["match"] and first["result"].name.lower().startswith("hangzhou hikvision")
    listings = [first["result"], *first["others"]]
    # the same company on OFAC's non-SDN list and twice on the CSL: one row, three listings
    assert {r.dataset for r in listings} == {"us_ofac_cons", "us_trade_csl"}
    assert len(listings) == 3
    shown = [(r.dataset, r.source_id) for item in items
             for r in [item["result"], *item["others"]]]
    assert len(shown) == len(set(shown))  # no listing appears in two rows
    # the first row names its two other listings (rows below it, other parties, may be
    # listed twice too)
    html = env.get_template("_match_results.html").render(results=items[:1])
    assert html.count("also us_trade_csl") == 2


def test_two_people_of_one_name_on_one_list_stay_two_rows(loaded_home: Path) -> None:
    items = _search(_request(), "Kim Yong Chol", "Person", "", "")
    rows = [{r.source_id for r in [item["result"], *item["others"]]
             if r.dataset == "us_ofac_sdn" and r.name.upper() == "KIM, YONG CHOL"}
            for item in items]
    sdn = [ids for ids in rows if ids]
    # two SDN entries of that name: two people, two rows, one entry each
    assert len(sdn) >= 2 and all(len(ids) == 1 for ids in sdn)
    # the UN's KIM YONG CHOL (born 1962) joins the SDN entry born 1962 (17614), not the
    # one the CSL says was born circa 1947 (12211): their birth years tell them apart
    un = next(item for item in items if item["result"].dataset == "un_sc_sanctions"
              and item["result"].name.upper() == "KIM YONG CHOL")
    assert ("us_ofac_sdn", "17614") in {(r.dataset, r.source_id) for r in un["others"]}
    assert "12211" not in {r.source_id for r in un["others"]}


def test_a_name_compared_in_another_reading_says_which(loaded_home: Path) -> None:
    # a Persian company name meets the list through its English reading: the page says so
    name = "شرکت ملی نفت ایران"
    items = _search(_request(), name, "LegalEntity", "", "")
    assert items[0]["result"].name == "NATIONAL IRANIAN OIL COMPANY" and items[0]["match"]
    html = env.get_template("_match_results.html").render(results=items, q={"name": name})
    assert "read as: company national oil iranian" in html
    typed = "Hangzhou Hikvision Digital Technology Co., Ltd."
    items = _search(_request(), typed, "LegalEntity", "", "")
    html = env.get_template("_match_results.html").render(results=items, q={"name": typed})
    assert "read as" not in html  # compared as typed: nothing to say
