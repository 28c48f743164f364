"""Fund look-through: each fund's weight in covered and review securities, flagged above a share.

A constituent file lists, per fund (its id, ISIN or ticker), the securities it holds and
their weights. Every constituent is screened like a holding; a fund's covered weight is
the sum of its covered constituents' weights, and a fund is flagged when that exceeds
`flag_above` percent (default 0: any covered constituent). Weights are percent, unless
a fund's weights are all at most 1 and sum to at most 1 (fractions) - or the header says
"%", "pct" or "percent", which settles it. Positions in a fund (a holding whose ISIN or
id is the fund's id) get the fund's covered share of their market value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearance.exc import InputError
from clearance.portfolio.columns import CONSTITUENT_FIELDS, ColumnMap, map_columns
from clearance.portfolio.holdings import Holding, parse_amount, text_value
from clearance.portfolio.screen import Screener
from clearance.screening.io import read_rows

__all__ = ["Constituent", "FundExposure", "look_through", "read_constituents", "WEIGHT_MODES"]

WEIGHT_MODES = ("auto", "percent", "fraction")


@dataclass
class Constituent:
    """One security in one fund, with its weight as written."""

    fund: str
    holding: Holding
    weight: float


@dataclass
class FundExposure:
    """What a fund holds of covered and review securities, and who holds the fund."""

    fund: str
    constituents: int
    weights_as: str
    total_weight: float
    covered_weight: float = 0.0
    review_weight: float = 0.0
    flagged: bool = False
    covered: list[dict[str, Any]] = field(default_factory=list)
    review: list[dict[str, Any]] = field(default_factory=list)
    held_by: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def clear_weight(self) -> float:
        return max(0.0, self.total_weight - self.covered_weight - self.review_weight)

    def to_dict(self) -> dict[str, Any]:
        return {"fund": self.fund, "constituents": self.constituents,
                "weights_as": self.weights_as, "total_weight": round(self.total_weight, 4),
                "covered_weight": round(self.covered_weight, 4),
                "review_weight": round(self.review_weight, 4),
                "clear_weight": round(self.clear_weight, 4), "flagged": self.flagged,
                "covered": self.covered, "review": self.review, "held_by": self.held_by,
                "problems": self.problems}


def _constituent(data: dict[str, Any], columns: ColumnMap, path: str, line: int
                 ) -> Constituent:
    value = {name: text_value(columns.get(data, name)) for name in CONSTITUENT_FIELDS}
    if value["fund"] == "":
        raise InputError("missing field 'fund' (the fund's id, ISIN or ticker)", path=path,
                         line=line)
    if not any(value[k] for k in ("isin", "cusip", "figi", "issuer")):
        raise InputError(f"fund {value['fund']!r}: a constituent needs an identifier (field "
                         "'isin', 'cusip' or 'figi') or an issuer name (field 'issuer')",
                         path=path, line=line)
    try:
        weight = parse_amount(str(columns.get(data, "weight") or "").replace("%", ""))
    except ValueError as exc:
        raise InputError(f"fund {value['fund']!r}: {exc} (field 'weight')", path=path,
                         line=line) from None
    if weight is None or weight < 0:
        raise InputError(f"fund {value['fund']!r}: missing or negative weight (field "
                         "'weight')", path=path, line=line)
    holding = Holding(id=f"{value['fund']}#{line}", line=line, isin=value["isin"],
                      cusip=value["cusip"], figi=value["figi"], issuer=value["issuer"],
                      security=value["security"], security_type=value["security_type"],
                      cfi=value["cfi"], fund=value["fund"])
    return Constituent(value["fund"], holding, weight)


def read_constituents(path: Path) -> tuple[list[Constituent], list[str], bool]:
    """(constituents, skipped rows with line and reason, whether a header said percent)."""
    if not path.exists():
        raise InputError("no such file", path=str(path))
    out: list[Constituent] = []
    skipped: list[str] = []
    percent = False
    maps: dict[tuple[str, ...], ColumnMap] = {}
    for row in read_rows(path):
        if row.error is not None:
            skipped.append(str(InputError(row.error, path=str(path), line=row.line)))
            continue
        keys = tuple(row.data)
        cmap = maps.get(keys)
        if cmap is None:
            cmap = maps[keys] = map_columns(list(keys), CONSTITUENT_FIELDS)
            if "weight" not in cmap.fields:
                raise InputError(f"no weight column among {list(keys)} (e.g. 'weight', "
                                 "'Weight (%)', 'pct of nav')", path=str(path))
            percent = percent or cmap.percent
        try:
            out.append(_constituent(row.data, cmap, str(path), row.line))
        except InputError as exc:
            skipped.append(str(exc))
    return out, skipped, percent


def _as_percent(weights: list[float], mode: str, header_percent: bool) -> tuple[float, str]:
    """The factor that turns these weights into percent, and what they were read as."""
    if mode == "percent" or (mode == "auto" and header_percent):
        return 1.0, "percent"
    if mode == "fraction":
        return 100.0, "fraction"
    if weights and max(weights) <= 1.0 and sum(weights) <= 1.0 + 1e-6:
        return 100.0, "fraction"
    return 1.0, "percent"


def look_through(constituents: Iterable[Constituent], screener: Screener,
                 flag_above: float = 0.0, weights: str = "auto", header_percent: bool = False,
                 holdings: Iterable[Holding] = ()) -> list[FundExposure]:
    """Screen every constituent and add up each fund's covered and review weights."""
    if weights not in WEIGHT_MODES:
        raise InputError(f"weights {weights!r} is not one of {', '.join(WEIGHT_MODES)}")
    by_fund: dict[str, list[Constituent]] = {}
    for c in constituents:
        by_fund.setdefault(c.fund, []).append(c)
    out: dict[str, FundExposure] = {}
    for fund, members in by_fund.items():
        factor, read_as = _as_percent([c.weight for c in members], weights, header_percent)
        exposure = FundExposure(fund, len(members), read_as,
                                sum(c.weight for c in members) * factor)
        if exposure.total_weight > 100.5:
            exposure.problems.append(f"weights sum to {exposure.total_weight:.2f}%: more than "
                                     "the whole fund (read as " + read_as + ")")
        for c in members:
            result = screener.screen(c.holding)
            weight = c.weight * factor
            if result.status == "clear" or result.entry is None:
                continue
            item = {"isin": c.holding.isin or None, "issuer": c.holding.issuer or None,
                    "weight": round(weight, 4), "entity_id": result.entry.entity_id,
                    "listed_name": result.entry.name, **result.entry.dates.to_dict(),
                    "evidence": result.evidence[0]["detail"] if result.evidence else ""}
            if result.status == "covered":
                exposure.covered_weight += weight
                exposure.covered.append(item)
            else:
                exposure.review_weight += weight
                exposure.review.append(item)
        exposure.flagged = exposure.covered_weight > flag_above
        out[_key(fund)] = exposure
    for h in holdings:
        for ref in (h.isin, h.id):
            held = out.get(_key(ref)) if ref else None
            if held is not None:
                value = h.market_value
                held.held_by.append({
                    "holding": h.id, "fund_or_account": h.fund or h.account or None,
                    "market_value": value, "currency": h.currency or None,
                    "covered_value": None if value is None else
                    round(value * held.covered_weight / 100.0, 2),
                    "review_value": None if value is None else
                    round(value * held.review_weight / 100.0, 2)})
                break
    return sorted(out.values(), key=lambda e: (-e.covered_weight, -e.review_weight, e.fund))


def _key(ref: str) -> str:
    return "".join(ref.split()).upper()
