"""What a new NS-CMIC listing would cover: stored holdings and funds, with the dates.

The designated company (and any ISINs given) becomes a scenario entry dated by EO 14032
from the scenario day (effective after 60 days, divestment until 365); the holdings it can
reach are found as a monitoring cycle finds them for a real listing (ISINs, CUSIP issuer
numbers, the book's distinct names against this entry only) and screened against it; the
stored fund constituents are looked through. Nothing is written to the store.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from typing import Any

from clearance.index.store import ensure_index
from clearance.match.text import clean
from clearance.portfolio.book import holdings_of_funds, stored_constituents, stored_holdings
from clearance.portfolio.dates import cmic_program, rule_dates
from clearance.portfolio.funds import look_through
from clearance.portfolio.listing import list_from_records
from clearance.portfolio.monitor import CmicDelta, holdings_reached
from clearance.portfolio.screen import ScreenConfig, Screener
from clearance.securities import check_isin

__all__ = ["cmic_scenario"]


def _record(name: str, dataset: str, isins: list[str], listing: date) -> dict[str, Any]:
    dates = rule_dates(listing)
    digest = hashlib.sha1(clean(name).encode()).hexdigest()[:16]
    return {
        "entity_id": f"whatif-{digest}", "dataset": f"{dataset} (scenario)",
        "source_id": name, "schema": "Company", "caption": name,
        "properties": {"name": [name], "program": [cmic_program()], "isinCode": isins},
        "sanctions": [{"schema": "Sanction", "properties": {
            "program": [cmic_program()], "listingDate": [listing.isoformat()],
            "startDate": [str(dates.effective)], "date": [str(dates.divestment)]}}]}


def cmic_scenario(name: str, dataset: str = "us_ofac_cons", isins: Iterable[str] = (),
                  as_of: date | None = None) -> dict[str, Any]:
    """Holdings and funds a listing of `name` (with `isins`) on `as_of` would cover."""
    listing = as_of or date.today()
    valid, problems = [], []
    for raw in isins:
        checked = check_isin(raw)
        if checked.value is None:
            problems.append(f"ISIN {raw!r} is malformed ({checked.problem}); left out")
        else:
            valid.append(checked.value)
    record = _record(name, dataset, valid, listing)
    base = ensure_index()
    screener = Screener(list_from_records([(record, 0, "whatif")]),
                        ScreenConfig(as_of=listing), base)
    delta = CmicDelta(added=[record["entity_id"]], named=[record], isins=set(valid))
    reached = holdings_reached(delta, screener, base)
    holdings: list[dict[str, Any]] = []
    for h in stored_holdings(reached):
        r = screener.screen(h)
        if r.status != "clear":
            holdings.append({"id": h.id, "status": r.status, "issuer": h.issuer or None,
                             "isin": h.isin or None, "market_value": h.market_value,
                             "currency": h.currency or None,
                             "fund_or_account": h.fund or h.account or None,
                             "why": r.evidence[0]["detail"]})
    constituents, percent = stored_constituents()
    held = holdings_of_funds({c.fund for c in constituents})
    funds = [f.to_dict() for f in look_through(constituents, screener, header_percent=percent,
                                               holdings=held)
             if f.covered_weight > 0 or f.review_weight > 0]
    totals: dict[str, float] = {}
    for item in holdings:
        if item["market_value"] is not None:
            key = f"{item['status']} {item['currency'] or ''}".strip()
            totals[key] = totals.get(key, 0.0) + item["market_value"]
    return {"designated": name, "as": f"{dataset}, NS-CMIC ({cmic_program()})",
            "isins": valid, "problems": problems, **rule_dates(listing).to_dict(),
            "dates_from": rule_dates(listing).source, "holdings": holdings,
            "market_value": {k: round(v, 2) for k, v in sorted(totals.items())},
            "funds": funds}
