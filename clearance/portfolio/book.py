"""Holdings kept as a monitored book, and the fund constituents they are looked through with.

An import upserts holdings by id in one transaction (a holding whose screening fields did
not change keeps its last screening); constituents are replaced fund by fund. Each
holding keeps its last screening (status, linked entry, result), which monitoring updates
only where a list change or an import can have changed it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from clearance.exc import InputError
from clearance.portfolio.funds import Constituent, read_constituents
from clearance.portfolio.holdings import Holding, read_holdings
from clearance.securities import check_cusip, check_isin, isin_cusip
from clearance.store import audit
from clearance.store.db import engine, portfolio_constituents, portfolio_holdings, utc_now

__all__ = ["ImportResult", "book_holdings", "holding_cusip", "holding_isin",
           "holdings_of_funds", "import_constituents", "import_holdings", "stored_constituents",
           "stored_holdings"]

CHUNK = 5000


@dataclass
class ImportResult:
    """Counts of an import, and each skipped row with its line and reason."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    constituents: int = 0
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def holding_isin(h: Holding) -> str | None:
    """The holding's ISIN when valid: what monitoring looks it up by."""
    checked = check_isin(h.isin) if h.isin else None
    return None if checked is None else checked.value


def holding_cusip(h: Holding) -> str | None:
    """Its CUSIP when valid, else the CUSIP or CINS inside its ISIN."""
    cusip = check_cusip(h.cusip) if h.cusip else None
    if cusip is not None and cusip.value is not None:
        return cusip.value
    isin = holding_isin(h)
    return None if isin is None else isin_cusip(isin)


def _row(h: Holding, origin: str, now: str) -> dict[str, Any]:
    return {"id": h.id, "isin": holding_isin(h), "cusip": holding_cusip(h),
            "issuer": h.issuer, "security": h.security,
            "data": json.dumps(h.to_dict(), ensure_ascii=False, sort_keys=True),
            "digest": h.digest, "origin": origin, "updated_at": now}


def _write(conn: Connection, chunk: list[Holding], origin: str, result: ImportResult) -> None:
    now = utc_now()
    old = {r.id: (r.data, r.digest) for r in conn.execute(
        select(portfolio_holdings.c.id, portfolio_holdings.c.data, portfolio_holdings.c.digest)
        .where(portfolio_holdings.c.id.in_([h.id for h in chunk])))}
    new_rows = []
    for h in chunk:
        row = _row(h, origin, now)
        prior = old.get(h.id)
        if prior is None:
            new_rows.append({**row, "created_at": now, "status": None, "entity_id": None,
                             "result": None, "screened_digest": None})
            result.added += 1
        elif prior[0] == row["data"]:
            result.unchanged += 1
        else:  # a new market value keeps the screening; new identifiers or names do not
            conn.execute(update(portfolio_holdings).where(portfolio_holdings.c.id == h.id)
                         .values(**row))
            result.updated += 1
    if new_rows:
        conn.execute(insert(portfolio_holdings), new_rows)


def import_holdings(path: Path, replace: bool = False, actor: str | None = None
                    ) -> ImportResult:
    """Add or update holdings by id (or replace the book: `replace`); bad rows skipped."""
    result = ImportResult()
    holdings = read_holdings(path)
    seen: dict[str, int] = {}

    def valid() -> Iterator[Holding]:
        for item in holdings:
            if isinstance(item, InputError):
                result.skipped.append(str(item))
            elif item.id in seen:
                result.skipped.append(str(InputError(
                    f"id {item.id!r} repeats line {seen[item.id]} (field 'id')",
                    path=str(path), line=item.line)))
            else:
                seen[item.id] = item.line
                yield item

    with engine().begin() as conn:
        chunk: list[Holding] = []
        for h in valid():
            chunk.append(h)
            if len(chunk) >= CHUNK:
                _write(conn, chunk, str(path), result)
                chunk = []
        if chunk:
            _write(conn, chunk, str(path), result)
        if replace:
            stored = [r.id for r in conn.execute(select(portfolio_holdings.c.id))]
            gone = [i for i in stored if i not in seen]
            for start in range(0, len(gone), 500):
                conn.execute(delete(portfolio_holdings)
                             .where(portfolio_holdings.c.id.in_(gone[start:start + 500])))
            result.removed = len(gone)
        audit.append(conn, actor or audit.default_actor(), "portfolio.import", {
            "origin": str(path), "added": result.added, "updated": result.updated,
            "unchanged": result.unchanged, "removed": result.removed,
            "skipped": len(result.skipped)})
    result.notes = holdings.notes
    return result


def import_constituents(path: Path, actor: str | None = None) -> ImportResult:
    """Store fund constituents; the funds in the file replace what was stored for them."""
    constituents, skipped, percent = read_constituents(path)
    result = ImportResult(constituents=len(constituents), skipped=skipped)
    now = utc_now()
    funds = sorted({c.fund for c in constituents})
    rows = [{"fund": c.fund, "origin": str(path), "imported_at": now,
             "data": json.dumps({"holding": c.holding.to_dict(), "line": c.holding.line,
                                 "weight": c.weight, "percent": percent}, ensure_ascii=False)}
            for c in constituents]
    with engine().begin() as conn:
        for start in range(0, len(funds), 500):
            conn.execute(delete(portfolio_constituents).where(
                portfolio_constituents.c.fund.in_(funds[start:start + 500])))
        if rows:
            conn.execute(insert(portfolio_constituents), rows)
        audit.append(conn, actor or audit.default_actor(), "portfolio.import_funds", {
            "origin": str(path), "funds": len(funds), "constituents": len(rows),
            "skipped": len(skipped)})
    return result


def _holding(data: str) -> Holding:
    return Holding(**json.loads(data))


def stored_holdings(ids: Iterable[str] | None = None) -> Iterator[Holding]:
    """The stored holdings (all, or these ids), ordered by id, streamed."""
    q = select(portfolio_holdings.c.data).order_by(portfolio_holdings.c.id)
    if ids is None:
        with engine().connect() as conn:
            for (data,) in conn.execution_options(stream_results=True).execute(q):
                yield _holding(data)
        return
    wanted = sorted(set(ids))
    with engine().connect() as conn:
        for start in range(0, len(wanted), 500):
            for (data,) in conn.execute(q.where(
                    portfolio_holdings.c.id.in_(wanted[start:start + 500]))):
                yield _holding(data)


def holdings_of_funds(funds: Iterable[str]) -> list[Holding]:
    """Stored positions in these funds: holdings whose ISIN or id is a fund's id."""
    keys = sorted({"".join(f.split()).upper() for f in funds} | set(funds))
    ids: set[str] = set()
    h = portfolio_holdings.c
    with engine().connect() as conn:
        for start in range(0, len(keys), 500):
            part = keys[start:start + 500]
            ids |= {r[0] for r in conn.execute(select(h.id).where(h.isin.in_(part)))}
            ids |= {r[0] for r in conn.execute(select(h.id).where(h.id.in_(part)))}
    return list(stored_holdings(ids))


def stored_constituents() -> tuple[list[Constituent], bool]:
    """Stored constituents, and whether any file's header said percent."""
    out: list[Constituent] = []
    percent = False
    with engine().connect() as conn:
        for fund, data in conn.execute(select(portfolio_constituents.c.fund,
                                              portfolio_constituents.c.data)
                                       .order_by(portfolio_constituents.c.id)):
            d = json.loads(data)
            holding = Holding(**d["holding"], line=d["line"])
            out.append(Constituent(fund, holding, float(d["weight"])))
            percent = percent or bool(d["percent"])
    return out, percent


def book_holdings() -> int:
    with engine().connect() as conn:
        return int(conn.execute(select(func.count()).select_from(portfolio_holdings))
                   .scalar() or 0)
