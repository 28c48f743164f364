"""Monitoring the holdings book against NS-CMIC: re-screen what a change can reach.

A cycle compares the NS-CMIC entries of the active list versions with those the book was
last reconciled with (`portfolio_state`), and re-screens:
- holdings imported or changed since their last screening;
- holdings whose ISIN (or CUSIP issuer number) is one an added, removed or changed entry
  states, before or after the change;
- holdings linked to a changed or removed entry (new dates, a delisting);
- holdings whose issuer or description name may be an added entry, or an entry that
  gained names: the book's distinct names are matched against those entries only;
- holdings linked to an entry with a date between the last cycle's day and this one's
  (an effective date or a divestment deadline passed: the actions change).
Everything else keeps its last screening. Covered and review holdings open alerts (one per
holding and list entry, in the same `alerts` table as counterparty monitoring, book id
"holding:<id>") carrying the dates and actions; alerts on entries that left the list are
marked delisted (only the holdings' alerts: an entry can leave NS-CMIC and stay on its list).
The re-screening is the one `clearance portfolio screen` does, so a
delta cycle ends where a full one would (tests/portfolio/test_monitor.py checks it).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, or_, select, update

from clearance.exc import StoreError
from clearance.index.build import NAME_PROPS, Index
from clearance.index.store import ensure_index
from clearance.monitor.alerts import Hit, Outcome, delist, reconcile
from clearance.portfolio.book import stored_holdings
from clearance.portfolio.instruments import read_description
from clearance.portfolio.listing import cmic_list, cmic_records, list_from_records
from clearance.portfolio.screen import HoldingResult, ScreenConfig, Screener
from clearance.securities import isin_cusip
from clearance.store import active_version_ids, audit
from clearance.store.db import engine, portfolio_holdings, portfolio_state, utc_now

__all__ = ["ALERT_PREFIX", "CmicDelta", "PortfolioCycle", "alert_hit", "holdings_reached",
           "run_portfolio_cycle"]

ALERT_PREFIX = "holding:"
CHUNK = 2000


@dataclass
class CmicDelta:
    """NS-CMIC entries that moved since the book was last reconciled."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    named: list[dict[str, Any]] = field(default_factory=list)  # records with new names
    isins: set[str] = field(default_factory=set)

    def to_dict(self) -> dict[str, Any]:
        return {"added": len(self.added), "removed": len(self.removed),
                "changed": len(self.changed), "isins": len(self.isins)}


@dataclass
class PortfolioCycle:
    """What one cycle looked at and what it did."""

    started: str
    as_of: date
    full: bool
    delta: CmicDelta = field(default_factory=CmicDelta)
    screened: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    outcome: Outcome = field(default_factory=Outcome)

    def to_dict(self) -> dict[str, Any]:
        o = self.outcome
        return {"started": self.started, "as_of": self.as_of.isoformat(), "full": self.full,
                "cmic": self.delta.to_dict(), "screened": self.screened,
                "statuses": self.statuses, "seconds": round(self.seconds, 2),
                "opened": len(o.opened), "reopened": len(o.reopened),
                "delisted": len(o.delisted), "suppressed": o.suppressed,
                "refreshed": o.updated}


def _names(record: dict[str, Any]) -> set[str]:
    return {v for p, _ in NAME_PROPS for v in record["properties"].get(p, [])}


def _delta(state: dict[str, int], active: dict[str, int]) -> CmicDelta:
    """Entries added, removed and changed across every dataset whose version moved."""
    moved = sorted(d for d in set(state) | set(active) if state.get(d) != active.get(d))
    old = {r["entity_id"]: (r, digest) for r, _, digest in
           cmic_records([state[d] for d in moved if d in state])}
    new = {r["entity_id"]: (r, digest) for r, _, digest in
           cmic_records([active[d] for d in moved if d in active])}
    delta = CmicDelta()
    for eid in sorted(set(old) | set(new)):
        before, after = old.get(eid), new.get(eid)
        if before is not None and after is not None and before[1] == after[1]:
            continue
        if after is None:
            delta.removed.append(eid)
        elif before is None:
            delta.added.append(eid)
            delta.named.append(after[0])
        else:
            delta.changed.append(eid)
            if _names(after[0]) - _names(before[0]):
                delta.named.append(after[0])
        for side in (before, after):
            if side is not None:
                delta.isins.update(v.strip().upper()
                                   for v in side[0]["properties"].get("isinCode", []))
    return delta


def _ids(query: Any) -> set[str]:
    with engine().connect() as conn:
        return {r[0] for r in conn.execute(query)}


def holdings_reached(delta: CmicDelta, screener: Screener, base: Index) -> set[str]:
    """Holdings a list change can reach (see module doc)."""
    h = portfolio_holdings.c
    out: set[str] = set()
    isins = sorted(delta.isins)
    codes = sorted({c[:6] for c in map(isin_cusip, isins) if c is not None})
    for start in range(0, len(isins), 500):
        out |= _ids(select(h.id).where(h.isin.in_(isins[start:start + 500])))
    for start in range(0, len(codes), 500):  # the same CUSIP, or its issuer's other issues
        out |= _ids(select(h.id).where(func.substr(h.cusip, 1, 6).in_(codes[start:start + 500])))
    linked = delta.changed + delta.removed
    for start in range(0, len(linked), 500):
        out |= _ids(select(h.id).where(h.entity_id.in_(linked[start:start + 500])))
    if delta.named:
        names = Screener(list_from_records((r, 0, "") for r in delta.named), screener.cfg, base)
        issuers: set[str] = set()
        securities: set[str] = set()
        with engine().connect() as conn:
            for issuer in conn.execute(select(h.issuer).distinct()).scalars():
                desc = read_description(issuer) if issuer else None
                name = (desc.name or issuer) if desc is not None else ""
                found = names.match_name(name) if name else None
                if found is not None and (found.matches or found.contained):
                    issuers.add(issuer)
            for security in conn.execute(select(h.security).distinct()).scalars():
                name = read_description(security).name if security else ""
                found = names.match_name(name) if name else None
                if found is not None and (found.matches or found.contained):
                    securities.add(security)
        for group, column in ((sorted(issuers), h.issuer), (sorted(securities), h.security)):
            for start in range(0, len(group), 500):
                out |= _ids(select(h.id).where(column.in_(group[start:start + 500])))
    return out


def _passed(start: date, end: date, screener: Screener) -> set[str]:
    """Holdings linked to an entry whose effective date or deadline lies in (start, end]."""
    if start == end:
        return set()
    moved = [e.entity_id for e in screener.cmic.entries.values()
             if any(d is not None and start < d <= end
                    for d in (e.dates.effective, e.dates.divestment))]
    out: set[str] = set()
    for chunk in _chunks(moved):
        out |= _ids(select(portfolio_holdings.c.id)
                    .where(portfolio_holdings.c.entity_id.in_(chunk)))
    return out


def alert_hit(result: HoldingResult) -> Hit | None:
    """The alert of a covered or review holding: the result with its dates and actions."""
    e = result.entry
    if result.status == "clear" or e is None:
        return None
    data = result.to_dict()
    dates = (f"effective {data['effective_date'] or '?'}, divestment deadline "
             f"{data['divestment_deadline'] or '?'}")
    return Hit(ALERT_PREFIX + result.holding.id, result.holding.digest, e.digest, {
        "entity_id": e.entity_id, "dataset": e.dataset, "source_id": e.source_id,
        "name": e.name, "score": result.score if result.score is not None else 1.0,
        "match": True, "portfolio_status": result.status,
        "explanation": f"{result.status}: {result.evidence[0]['detail']} ({dates})",
        "listing_date": data["listing_date"], "effective_date": data["effective_date"],
        "divestment_deadline": data["divestment_deadline"], "actions": data["actions"],
        "holding": data})


def _pending(full: bool) -> set[str]:
    h = portfolio_holdings.c
    q = select(h.id)
    if not full:
        q = q.where(or_(h.screened_digest.is_(None), h.screened_digest != h.digest))
    return _ids(q)


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _screen(ids: Iterable[str], screener: Screener, cycle: PortfolioCycle) -> None:
    for chunk in _chunks(sorted(ids)):
        results = [screener.screen(h) for h in stored_holdings(chunk)]
        hits = [hit for hit in map(alert_hit, results) if hit is not None]
        with engine().begin() as conn:
            conn.execute(update(portfolio_holdings)
                         .where(portfolio_holdings.c.id == bindparam("h_id"))
                         .values(status=bindparam("h_status"), entity_id=bindparam("h_entity"),
                                 result=bindparam("h_result"),
                                 screened_digest=bindparam("h_digest")),
                         [{"h_id": r.holding.id, "h_status": r.status,
                           "h_entity": None if r.entry is None else r.entry.entity_id,
                           "h_result": json.dumps(r.to_dict(), ensure_ascii=False),
                           "h_digest": r.holding.digest} for r in results])
            reconcile(conn, hits, cycle.outcome)
        cycle.screened += len(results)
        for r in results:
            cycle.statuses[r.status] = cycle.statuses.get(r.status, 0) + 1


def run_portfolio_cycle(as_of: date | None = None, full: bool = False,
                        actor: str = "monitor") -> PortfolioCycle:
    """Bring the book's screenings and alerts up to date with the active lists."""
    t0 = time.perf_counter()
    active = active_version_ids()
    if not active:
        raise StoreError("no list is loaded: load the official lists before monitoring "
                         "(clearance lists load)")
    cfg = ScreenConfig(as_of=as_of or date.today())
    base = ensure_index()
    screener = Screener(cmic_list(), cfg, base)
    with engine().connect() as conn:
        rows = conn.execute(select(portfolio_state)).all()
    state = {r.dataset: r.version_id for r in rows}
    cycle = PortfolioCycle(started=utc_now(), as_of=cfg.as_of, full=full or not state)
    todo = _pending(cycle.full)
    if not cycle.full:
        cycle.delta = _delta(state, active)
        todo |= holdings_reached(cycle.delta, screener, base)
        last = {date.fromisoformat(r.as_of) for r in rows}
        todo |= _passed(min(last | {cfg.as_of}), max(last | {cfg.as_of}), screener)
    _screen(todo, screener, cycle)
    removed = cycle.delta.removed
    if cycle.full and state:  # a full cycle still notices what left the list
        removed = _delta(state, active).removed
    with engine().begin() as conn:
        delist(conn, removed, cycle.outcome, book_prefix=ALERT_PREFIX)
        conn.execute(delete(portfolio_state))
        now = utc_now()
        conn.execute(insert(portfolio_state), [
            {"dataset": d, "version_id": v, "at": now, "as_of": cfg.as_of.isoformat()}
            for d, v in active.items()])
        cycle.seconds = time.perf_counter() - t0
        audit.append(conn, actor, "portfolio.monitor", {**cycle.to_dict(),
                                                         "lists_active": active})
    return cycle
