"""The NS-CMIC exposure report: market value covered by issuer, fund and deadline, and a
timeline of effective dates and divestment deadlines. HTML (inline SVG, no scripts), PDF
(reportlab), JSON; the per-holding CSV is the screening CSV.

Amounts are added up in one currency (`currency`, default the most frequent one); holdings
in other currencies are counted and listed apart, never converted at a guessed rate.
Positions in funds whose constituents are known add their look-through share.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from clearance.portfolio.dates import disclaimer
from clearance.portfolio.funds import Constituent, FundExposure, look_through
from clearance.portfolio.holdings import Holding
from clearance.portfolio.screen import Screener
from clearance.report_parts import html_table, pdf_table, short, svg_bars

__all__ = ["PortfolioExposure", "build_exposure", "screen_exposure", "write_report"]

COLOURS = {"covered": "#b2182b", "review": "#ef8a62", "clear": "#67a9cf"}


def _blank() -> dict[str, float]:
    return {"covered": 0.0, "review": 0.0, "clear": 0.0}


@dataclass
class PortfolioExposure:
    """Totals of one screening run (see module doc)."""

    as_of: date
    currency: str
    holdings: int = 0
    count_by_status: Counter[str] = field(default_factory=Counter)
    value_by_status: dict[str, float] = field(default_factory=_blank)
    by_issuer: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_fund: dict[str, dict[str, float]] = field(default_factory=dict)
    by_deadline: dict[str, dict[str, float]] = field(default_factory=dict)
    look_through: list[dict[str, Any]] = field(default_factory=list)
    other_currencies: dict[str, dict[str, float]] = field(default_factory=dict)
    without_value: int = 0
    with_problems: int = 0
    lists: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items()}
        out["as_of"] = self.as_of.isoformat()
        out["count_by_status"] = dict(self.count_by_status)
        return out


def _add(bucket: dict[str, float], status: str, value: float) -> None:
    bucket[status] = bucket.get(status, 0.0) + value


def build_exposure(results: Iterable[dict[str, Any]], as_of: date,
                   funds: Iterable[FundExposure] = (), currency: str | None = None
                   ) -> PortfolioExposure:
    """Add up screening results (`HoldingResult.to_dict()`, streamed), plus fund look-through.

    Without `currency`, amounts are added up in the currency of the first holding that
    names one (USD if none does).
    """
    exp = PortfolioExposure(as_of=as_of, currency=currency or "")
    for r in results:
        h, status = r["holding"], r["status"]
        if exp.currency == "" and h.get("currency"):
            exp.currency = h["currency"]
        exp.holdings += 1
        exp.count_by_status[status] += 1
        exp.with_problems += bool(r["problems"])
        if r.get("dataset"):
            exp.lists[r["dataset"]] = r["list_version"]
        value = h.get("market_value")
        ccy = h.get("currency") or exp.currency
        if value is None:
            exp.without_value += 1
            continue
        if exp.currency != "" and ccy != exp.currency:
            other = exp.other_currencies.setdefault(ccy, {"holdings": 0, **_blank()})
            other["holdings"] += 1
            _add(other, status, value)
            continue
        _add(exp.value_by_status, status, value)
        place = h.get("fund") or h.get("account") or "(no fund or account)"
        _add(exp.by_fund.setdefault(place, _blank()), status, value)
        if status == "clear" or r.get("listed_name") is None:
            continue
        issuer = exp.by_issuer.setdefault(r["listed_name"], {
            "entity_id": r["entity_id"], "holdings": 0, "covered": 0.0, "review": 0.0,
            "listing_date": r["listing_date"], "effective_date": r["effective_date"],
            "divestment_deadline": r["divestment_deadline"]})
        issuer["holdings"] += 1
        _add(issuer, status, value)
        _add(exp.by_deadline.setdefault(r["divestment_deadline"] or "no date", _blank()),
             status, value)
    exp.currency = exp.currency or "USD"
    for f in funds:
        for held in f.held_by:
            if held["market_value"] is None or (held["currency"] or exp.currency) != exp.currency:
                continue
            exp.look_through.append({"fund": f.fund, "holding": held["holding"],
                                     "place": held["fund_or_account"] or "(no fund or account)",
                                     "market_value": held["market_value"],
                                     "covered_weight": round(f.covered_weight, 4),
                                     "covered_value": held["covered_value"],
                                     "review_value": held["review_value"]})
            place = exp.by_fund.setdefault(held["fund_or_account"] or "(no fund or account)",
                                           _blank())
            _add(place, "covered_through_funds", held["covered_value"] or 0.0)
    return exp


def screen_exposure(holdings: list[Holding], screener: Screener,
                    constituents: list[Constituent], header_percent: bool = False,
                    currency: str | None = None,
                    each: Callable[[dict[str, Any]], None] | None = None) -> PortfolioExposure:
    """Screen holdings and fund constituents and add up the exposure; `each` sees every
    holding's result (to write the per-holding CSV in the same pass)."""
    funds = look_through(constituents, screener, header_percent=header_percent,
                         holdings=holdings)

    def results() -> Iterator[dict[str, Any]]:
        for h in holdings:
            result = screener.screen(h).to_dict()
            if each is not None:
                each(result)
            yield result

    return build_exposure(results(), screener.cfg.as_of, funds, currency)


def _money(v: float, ccy: str) -> str:
    return f"{ccy} {v:,.0f}"


def _bars(title: str, rows: list[tuple[str, dict[str, float]]], keys: list[str],
          ccy: str) -> str:
    """Horizontal stacked bars of market value as inline SVG."""
    return svg_bars(title, rows, keys, lambda k: COLOURS.get(k, "#7b3294"),
                    lambda v: _money(v, ccy))


def _timeline(exp: PortfolioExposure, limit: int = 30) -> str:
    """Per listed issuer held: listing -> effective -> divestment deadline, and 'as of'."""
    issuers = sorted(exp.by_issuer.items(), key=lambda kv: -(kv[1]["covered"] + kv[1]["review"]))
    issuers = [(n, v) for n, v in issuers[:limit] if v["listing_date"] is not None]
    if not issuers:
        return "<h3>Timeline</h3><p>no dated listing among the holdings</p>"
    days = [date.fromisoformat(v[k]) for _, v in issuers
            for k in ("listing_date", "effective_date", "divestment_deadline") if v[k]]
    start, end = min(days + [exp.as_of]), max(days + [exp.as_of])
    span = max((end - start).days, 1)
    width, label_w, row = 780, 260, 20
    plot = width - label_w - 20

    def x(d: str | date) -> float:
        day = d if isinstance(d, date) else date.fromisoformat(d)
        return label_w + plot * (day - start).days / span

    parts = [(f'<svg width="{width}" height="{row * len(issuers) + 50}" role="img" '
             'aria-label="NS-CMIC timeline" xmlns="http://www.w3.org/2000/svg">')]
    for i, (name, v) in enumerate(issuers):
        y = i * row + 12
        parts.append(f'<text x="{label_w - 6}" y="{y + 4}" text-anchor="end" font-size="11">'
                     f"{html.escape(short(name))}</text>")
        end_day = v["divestment_deadline"] or v["effective_date"] or v["listing_date"]
        parts.append(f'<line x1="{x(v["listing_date"]):.1f}" y1="{y}" x2="{x(end_day):.1f}" '
                     f'y2="{y}" stroke="#999" stroke-width="3"/>')
        for key, shape, colour in (("listing_date", "circle", "#555"),
                                   ("effective_date", "circle", COLOURS["covered"]),
                                   ("divestment_deadline", "rect", "#000")):
            if v[key] is None:
                continue
            cx = x(v[key])
            tip = f"<title>{key.replace('_', ' ')}: {v[key]}</title>"
            parts.append(f'<circle cx="{cx:.1f}" cy="{y}" r="4" fill="{colour}">{tip}</circle>'
                         if shape == "circle" else
                         f'<rect x="{cx - 4:.1f}" y="{y - 4}" width="8" height="8" '
                         f'fill="{colour}">{tip}</rect>')
    base = row * len(issuers) + 20
    ax = x(exp.as_of)
    parts.append(f'<line x1="{ax:.1f}" y1="0" x2="{ax:.1f}" y2="{base}" stroke="#2166ac" '
                 f'stroke-dasharray="4 3"/><text x="{ax + 3:.1f}" y="{base + 12}" '
                 f'font-size="11" fill="#2166ac">as of {exp.as_of}</text>')
    parts.append(f'<text x="{label_w}" y="{base + 26}" font-size="11">{start}</text>'
                 f'<text x="{width - 20}" y="{base + 26}" font-size="11" text-anchor="end">'
                 f"{end}</text>")
    parts.append("</svg>")
    legend = ("<p>grey dot: listing; red dot: effective (purchases prohibited); black square: "
              "divestment deadline (sales to divest no longer allowed)</p>")
    return "<h3>Timeline of effective dates and divestment deadlines</h3>" + "".join(parts) + legend



def _issuer_rows(exp: PortfolioExposure) -> list[list[str]]:
    ordered = sorted(exp.by_issuer.items(), key=lambda kv: -(kv[1]["covered"] + kv[1]["review"]))
    return [[name, str(v["holdings"]), _money(v["covered"], exp.currency),
             _money(v["review"], exp.currency), v["listing_date"] or "-",
             v["effective_date"] or "-", v["divestment_deadline"] or "-"]
            for name, v in ordered]


def write_html(exp: PortfolioExposure, path: Path, title: str) -> Path:
    ccy = exp.currency
    v = exp.value_by_status
    funds = sorted(exp.by_fund.items(), key=lambda kv: -(kv[1].get("covered", 0.0)
                                                        + kv[1].get("covered_through_funds", 0.0)
                                                        + kv[1].get("review", 0.0)))[:25]
    issuers = sorted(exp.by_issuer.items(),
                     key=lambda kv: -(kv[1]["covered"] + kv[1]["review"]))[:25]
    deadlines = sorted(exp.by_deadline.items())
    page = [
        "<!doctype html><html lang=en><meta charset=utf-8>",
        f"<title>{html.escape(title)}</title>",
        ("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1000px}"
         "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
         "padding:3px 8px;font-size:13px;text-align:left}.k{font-size:1.6em;font-weight:600}"
         ".note{color:#555;font-size:13px}</style>"),
        f"<h1>{html.escape(title)}</h1>",
        f"<p class=note>As of {exp.as_of}. {html.escape(disclaimer())}</p>",
        (f"<p><span class=k>{_money(v['covered'], ccy)}</span> covered and "
         f"<span class=k>{_money(v['review'], ccy)}</span> for review, of "
         f"{_money(sum(v.values()), ccy)} in {exp.holdings:,} holdings "
         f"({exp.count_by_status['covered']:,} covered, {exp.count_by_status['review']:,} "
         f"review, {exp.count_by_status['clear']:,} clear).</p>"),
        _bars("Market value by listed issuer (top 25)", issuers, ["covered", "review"], ccy),
        _bars("Market value by fund or account (top 25)", funds,
              ["covered", "covered_through_funds", "review"], ccy),
        _bars("Market value by divestment deadline", deadlines, ["covered", "review"], ccy),
        _timeline(exp),
        "<h2>Listed issuers held</h2>",
        html_table(["listed issuer", "holdings", "covered", "review", "listed", "effective",
                "divestment deadline"], _issuer_rows(exp)),
    ]
    if exp.look_through:
        page += ["<h2>Fund look-through</h2>", html_table(
            ["fund", "holding", "fund or account", "market value", "covered weight %",
             "covered value", "review value"],
            [[r["fund"], r["holding"], r["place"], _money(r["market_value"], ccy),
              f"{r['covered_weight']:.2f}", _money(r["covered_value"] or 0.0, ccy),
              _money(r["review_value"] or 0.0, ccy)] for r in exp.look_through])]
    notes = []
    for other, o in sorted(exp.other_currencies.items()):
        notes.append(f"{int(o['holdings']):,} holdings in {other} not added up (covered "
                     f"{_money(o['covered'], other)}, review {_money(o['review'], other)})")
    if exp.without_value:
        notes.append(f"{exp.without_value:,} holdings without a market value")
    if exp.with_problems:
        notes.append(f"{exp.with_problems:,} holdings with identifier problems (see the CSV)")
    if exp.lists:
        notes.append("list versions: " + ", ".join(f"{d} version {n}"
                                                   for d, n in sorted(exp.lists.items())))
    page += ["<h2>Notes</h2><ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in notes)
             + "</ul>"]
    path.write_text("\n".join(page), encoding="utf-8")
    return path


def write_pdf(exp: PortfolioExposure, path: Path, title: str) -> Path:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    ccy = exp.currency

    def chart(rows: list[tuple[str, float]]) -> Drawing:
        rows = rows or [("none", 0.0)]
        drawing = Drawing(480, 16 * len(rows) + 30)
        bars = HorizontalBarChart()
        bars.x, bars.y, bars.width, bars.height = 170, 10, 290, 16 * len(rows)
        bars.data = [[v for _, v in rows]]
        bars.categoryAxis.categoryNames = [k[:32] for k, _ in rows]
        bars.categoryAxis.labels.fontSize = 7
        bars.valueAxis.valueMin = 0
        bars.valueAxis.labels.fontSize = 7
        bars.bars[0].fillColor = colors.HexColor(COLOURS["covered"])
        drawing.add(bars)
        return drawing

    v = exp.value_by_status
    issuers = sorted(exp.by_issuer.items(), key=lambda kv: -kv[1]["covered"])[:20]
    funds = sorted(exp.by_fund.items(), key=lambda kv: -kv[1].get("covered", 0.0))[:20]
    story = [
        Paragraph(html.escape(title), styles["Title"]),
        Paragraph(html.escape(f"As of {exp.as_of}. {disclaimer()}"), styles["Italic"]),
        Paragraph(f"{_money(v['covered'], ccy)} covered and {_money(v['review'], ccy)} for "
                  f"review, of {_money(sum(v.values()), ccy)} in {exp.holdings:,} holdings.",
                  styles["Normal"]),
        Spacer(1, 8), Paragraph("Covered market value by listed issuer", styles["Heading3"]),
        chart([(k, x["covered"]) for k, x in issuers]),
        Paragraph("Covered market value by fund or account", styles["Heading3"]),
        chart([(k, x.get("covered", 0.0)) for k, x in funds]),
        Paragraph("Covered market value by divestment deadline", styles["Heading3"]),
        chart([(k, x["covered"]) for k, x in sorted(exp.by_deadline.items())]),
        Paragraph("Timeline: listed issuers held", styles["Heading3"]),
        pdf_table(["listed issuer", "holdings", "covered", "review", "listed", "effective",
               "deadline"], [[r[0][:40], *r[1:]] for r in _issuer_rows(exp)]),
    ]
    SimpleDocTemplate(str(path), pagesize=A4, title=title).build(story)
    return path


def write_report(exp: PortfolioExposure, path: Path,
                 title: str = "NS-CMIC investment exposure") -> Path:
    """HTML, PDF or JSON, by the file's extension."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return write_pdf(exp, path, title)
    if suffix == ".json":
        path.write_text(json.dumps(exp.to_dict(), indent=1, default=str), encoding="utf-8")
        return path
    return write_html(exp, path, title)
