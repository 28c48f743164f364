"""Holdings as a monitored book while NS-CMIC changes.

Version 1 of the consolidated list is the real publication without two NS-CMIC entries
(Hikvision 30946 and China Mobile 30923; the files are cut at test time, in a temporary
folder); version 2 is the real publication. The delta cycle must re-screen only the
holdings those two entries reach, open alerts with their dates, and end where a full
cycle ends.
"""

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from clearance.monitor.alerts import Hit, Outcome, list_alerts, reconcile
from clearance.portfolio.book import import_holdings
from clearance.portfolio.monitor import run_portfolio_cycle
from clearance.store import activate
from clearance.store.db import engine, portfolio_holdings
from clearance.store.load import load_paths

REMOVED = {"30946", "30923"}
HOLDINGS = [
    ("H-isin", "CNE100000PM8", "", "", ""),                  # Hikvision by ISIN
    ("H-name", "", "Hangzhou Hikvision Digital Technology Co Ltd", "", ""),
    ("H-sub", "", "Hikvision USA Inc", "", ""),              # review once listed
    ("M-cusip", "", "", "16941M109", ""),                    # China Mobile ADR by CUSIP
    ("M-adr2", "US16941M2089", "Deutsche Bank Trust Co", "", ""),  # same CUSIP issuer
    ("T-isin", "CNE1000002V2", "", "", ""),                  # China Telecom: listed in both
    ("A-clear", "US0378331005", "Apple Inc", "", ""),
    ("B-clear", "", "Tencent Holdings Ltd", "", ""),
]


def _cut(src: Path, dst: Path) -> None:
    """The consolidated CSV files without the REMOVED entries (companions too)."""
    dst.mkdir()
    for f in src.iterdir():
        text = f.read_text(encoding="utf-8").rstrip("\x1a")
        rows = [r for r in csv.reader(io.StringIO(text, newline="")) if r and r[0] not in REMOVED]
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        dst.joinpath(f.name).write_text(out.getvalue(), encoding="utf-8")


def _statuses() -> dict[str, str | None]:
    with engine().connect() as conn:
        return {r.id: r.status for r in conn.execute(select(portfolio_holdings))}


@pytest.fixture
def book(home: Path, lists_dir: Path, tmp_path: Path) -> Path:
    _cut(lists_dir / "ofac_consolidated", tmp_path / "v1")
    assert [r.error for r in load_paths([tmp_path / "v1"])] == [None]
    path = tmp_path / "holdings.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Position ID", "ISIN", "Issuer Name", "CUSIP", "Market Value"])
        w.writerows(HOLDINGS)
    assert import_holdings(path).added == len(HOLDINGS)
    return path


def test_new_listing_rescreens_only_what_it_reaches(book: Path, lists_dir: Path) -> None:
    first = run_portfolio_cycle(as_of=date(2026, 11, 28))
    assert first.full and first.screened == len(HOLDINGS)
    before = _statuses()
    assert before["H-isin"] == before["M-cusip"] == "clear"
    assert before["T-isin"] == "covered"
    assert [r.error for r in load_paths([lists_dir / "ofac_consolidated"])] == [None]
    second = run_portfolio_cycle(as_of=date(2026, 11, 28))
    assert not second.full
    assert (second.delta.added, second.delta.removed) == (
        ["us_ofac_cons-30923", "us_ofac_cons-30946"], [])
    # the Hikvision and China Mobile holdings, not China Telecom nor the clear ones
    assert second.screened == 5
    after = _statuses()
    assert after == {**before, "H-isin": "covered", "H-name": "covered", "H-sub": "review",
                     "M-cusip": "covered", "M-adr2": "review"}
    opened = {a.book_id: a for a in second.outcome.opened}
    assert set(opened) == {"holding:H-isin", "holding:H-name", "holding:H-sub",
                           "holding:M-cusip", "holding:M-adr2"}
    hik = opened["holding:H-isin"].result
    assert (hik["listing_date"], hik["effective_date"], hik["divestment_deadline"]) == (
        "2021-06-03", "2021-08-02", "2022-06-03")
    assert "Divestment deadline 2022-06-03 passed" in hik["actions"]
    full = run_portfolio_cycle(as_of=date(2026, 11, 28), full=True)
    assert _statuses() == after and full.outcome.opened == []


def test_delisting_marks_the_alerts(book: Path, lists_dir: Path) -> None:
    run_portfolio_cycle(as_of=date(2026, 11, 28))
    load_paths([lists_dir / "ofac_consolidated"])
    run_portfolio_cycle(as_of=date(2026, 11, 28))
    activate("us_ofac_cons", 1)  # back to the publication without them
    third = run_portfolio_cycle(as_of=date(2026, 11, 28))
    assert sorted(third.delta.removed) == ["us_ofac_cons-30923", "us_ofac_cons-30946"]
    assert {a.book_id for a in third.outcome.delisted} == {
        "holding:H-isin", "holding:H-name", "holding:H-sub", "holding:M-cusip",
        "holding:M-adr2"}
    assert _statuses()["H-isin"] == "clear"
    assert {a.status for a in list_alerts(book_id="holding:H-isin")} == {"delisted"}


def test_a_passing_deadline_refreshes_the_actions(book: Path) -> None:
    run_portfolio_cycle(as_of=date(2022, 5, 1))
    alert = next(a for a in list_alerts() if a.book_id == "holding:T-isin")
    assert "Sales to divest allowed until 2022-06-03" in alert.result["actions"]
    quiet = run_portfolio_cycle(as_of=date(2022, 5, 20))  # no date passed: nothing to do
    assert quiet.screened == 0
    later = run_portfolio_cycle(as_of=date(2022, 7, 1))
    assert later.screened == 1  # the one covered holding whose deadline passed
    alert = next(a for a in list_alerts() if a.book_id == "holding:T-isin")
    assert "Divestment deadline 2022-06-03 passed" in alert.result["actions"]


def test_import_of_a_changed_holding_rescreens_it(book: Path, tmp_path: Path) -> None:
    run_portfolio_cycle(as_of=date(2026, 11, 28))
    path = tmp_path / "update.csv"
    path.write_text("id,isin,issuer,market_value\nA-clear,US0378331005,Apple Inc,99\n"
                    "B-clear,CNE1000002V2,Tencent Holdings Ltd,1\n", encoding="utf-8")
    result = import_holdings(path)
    assert (result.updated, result.unchanged) == (2, 0)
    cycle = run_portfolio_cycle(as_of=date(2026, 11, 28))
    assert cycle.screened == 1  # the new market value alone does not re-screen
    assert _statuses()["B-clear"] == "covered"
    with engine().connect() as conn:
        data = conn.execute(select(portfolio_holdings.c.data)
                            .where(portfolio_holdings.c.id == "A-clear")).scalar_one()
    assert json.loads(data)["market_value"] == 99.0


def test_leaving_ns_cmic_delists_only_the_holdings_alerts(book: Path, lists_dir: Path,
                                                          tmp_path: Path) -> None:
    load_paths([lists_dir / "ofac_consolidated"])
    run_portfolio_cycle(as_of=date(2026, 11, 28))
    with engine().begin() as conn:  # a counterparty alert on the same list entry
        reconcile(conn, [Hit("c-1", "d", "e", {"entity_id": "us_ofac_cons-30946",
                                              "dataset": "us_ofac_cons", "source_id": "30946",
                                              "name": "HIKVISION", "score": 1.0})], Outcome())
    moved = tmp_path / "v3"  # Hikvision stays on the list, under another program
    moved.mkdir()
    for f in (lists_dir / "ofac_consolidated").iterdir():
        data = f.read_bytes()
        if f.name == "cons_prim.csv":
            lines = [x.replace(b'"CMIC-EO13959"', b'"NS-PLC-OTHER"') if x.startswith(b"30946,")
                     else x for x in data.split(b"\r\n")]
            assert lines != data.split(b"\r\n")
            data = b"\r\n".join(lines)
        moved.joinpath(f.name).write_bytes(data)
    assert [r.error for r in load_paths([moved])] == [None]
    cycle = run_portfolio_cycle(as_of=date(2026, 11, 28))
    assert cycle.delta.removed == ["us_ofac_cons-30946"]
    assert {a.book_id for a in cycle.outcome.delisted} == {"holding:H-isin", "holding:H-name",
                                                           "holding:H-sub"}
    assert [a.status for a in list_alerts(book_id="c-1")] == ["open"]
