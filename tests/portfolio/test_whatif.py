"""What a new NS-CMIC listing would cover: stored holdings and funds, nothing written."""

import json
from pathlib import Path

from sqlalchemy import func, select
from typer.testing import CliRunner

from clearance.cli.app import _register, app
from clearance.monitor.whatif import run_whatif
from clearance.portfolio.book import import_constituents, import_holdings
from clearance.store.db import alerts, engine, portfolio_holdings
from clearance.store.load import load_paths

runner = CliRunner()
_register()
DAHUA = "CNE100000BJ4"  # on the Entity List, not on NS-CMIC: the scenario lists it


def _book(tmp_path: Path, lists_dir: Path) -> None:
    assert [r.error for r in load_paths([lists_dir / "ofac_consolidated"])] == [None]
    holdings = tmp_path / "holdings.csv"
    holdings.write_text(
        "id,isin,issuer,security,market_value,currency,fund\n"
        f"D1,{DAHUA},,DAHUA TECHNOLOGY-A,25000,USD,Global Equity\n"
        "D2,,Zhejiang Dahua Technology Co Ltd,,5000,USD,Global Equity\n"
        "D3,,Zhejiang Dahua Technology Finance Ltd,DAHUA FIN 3.5% 2027 REGS,700,USD,Bonds\n"
        "H1,CNE100000PM8,Hikvision,,100,USD,Global Equity\n"
        "A1,US0378331005,Apple Inc,,900,USD,Global Equity\n"
        "F1,IE00B4L5Y983,Demo ETF,,1000,USD,Pension\n", encoding="utf-8")
    funds = tmp_path / "funds.csv"
    funds.write_text("fund,isin,issuer,weight\n"
                     f"IE00B4L5Y983,{DAHUA},Zhejiang Dahua Technology,2.5\n"
                     "IE00B4L5Y983,US0378331005,Apple Inc,97.5\n", encoding="utf-8")
    assert import_holdings(holdings).added == 6
    import_constituents(funds)


def test_new_listing_covers_holdings_and_funds(home: Path, tmp_path: Path,
                                               lists_dir: Path) -> None:
    _book(tmp_path, lists_dir)
    scenario = run_whatif("Zhejiang Dahua Technology Co., Ltd.", "us_ofac_cons",
                          isins=[DAHUA, "CNE100000BJ5"])
    p = scenario.portfolio
    assert p is not None
    assert {h["id"]: h["status"] for h in p["holdings"]} == {
        "D1": "covered", "D2": "covered", "D3": "review"}
    assert p["problems"] == [("ISIN 'CNE100000BJ5' is malformed (check digit '5' does not fit "
                             "the other characters); left out")]
    assert (p["effective_date"], p["divestment_deadline"]) != (None, None)
    (fund,) = p["funds"]
    assert (fund["fund"], fund["covered_weight"]) == ("IE00B4L5Y983", 2.5)
    assert fund["held_by"][0]["covered_value"] == 25.0
    assert p["market_value"] == {"covered USD": 30000.0, "review USD": 700.0}
    with engine().connect() as conn:  # a sandbox: the book and the alerts are untouched
        assert conn.execute(select(func.count()).select_from(alerts)).scalar() == 0
        assert set(conn.execute(select(portfolio_holdings.c.status)).scalars()) == {None}


def test_whatif_command_shows_the_holdings(home: Path, tmp_path: Path,
                                           lists_dir: Path) -> None:
    _book(tmp_path, lists_dir)
    res = runner.invoke(app, ["whatif", "--designate", "Zhejiang Dahua Technology Co., Ltd.",
                              "--as", "us_ofac_cons", "--as-of", "2026-11-28",
                              "--report", str(tmp_path / "w.md")])
    assert res.exit_code == 0, res.output
    assert "on NS-CMIC would cover (effective 2027-01-27, divestment until 2027-11-28)" in \
        res.output.replace("\n", " ")
    assert "D2" in res.output and "IE00B4L5Y983" in res.output
    assert "| D2 | covered |" in (tmp_path / "w.md").read_text()
    res = runner.invoke(app, ["whatif", "--designate", "Zhejiang Dahua Technology Co., Ltd.",
                              "--as", "us_ofac_sdn", "--json"])
    assert json.loads(res.output)["portfolio"] is None  # SDN: no NS-CMIC reading
