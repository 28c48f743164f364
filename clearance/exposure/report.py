"""The exposure report: HTML (inline SVG charts, no scripts), PDF (reportlab) and CSV.

Charts: devices by vendor and status, devices by rule, replacement cost by site; then the
riskiest sites, the cost assumptions with their sources, and totals by city and country.
"""

from __future__ import annotations

import csv
import html
import json
from collections.abc import Iterable
from pathlib import Path

from clearance.exposure.costs import CostTable, Exposure
from clearance.exposure.coverage import Classification
from clearance.report_parts import html_table, pdf_table, svg_bars
from clearance.spreadsheet import csv_row

__all__ = ["bar_chart", "write_csv", "write_html", "write_pdf", "write_report"]

STATUS_COLOURS = {"covered": "#b2182b", "possibly_covered": "#ef8a62", "not_covered": "#67a9cf",
                  "unknown": "#bbbbbb", "devices": "#b2182b"}


def _money(v: float) -> str:
    return f"${v:,.0f}"


def _status_colour(key: str) -> str:
    return STATUS_COLOURS.get(key.replace("cost_", "").replace("possible", "possibly_covered"),
                              "#888")


def bar_chart(title: str, rows: list[tuple[str, dict[str, float]]], keys: list[str],
              money: bool = False) -> str:
    """A horizontal stacked bar chart as SVG, coloured by coverage status."""
    return svg_bars(title, rows, keys, _status_colour, _money if money else "{:,.0f}".format)


def write_html(exposure: Exposure, costs: CostTable, path: Path, title: str) -> Path:
    status_keys = ["covered", "possibly_covered", "not_covered", "unknown"]
    vendors = sorted(exposure.by.get("vendor", {}).items(), key=lambda kv: -kv[1]["devices"])
    rules = [(k, {"devices": float(v)}) for k, v in sorted(exposure.by_rule.items(),
                                                            key=lambda kv: -kv[1])]
    sites = exposure.riskiest("site", 20)
    page = [
        "<!doctype html><html lang=en><meta charset=utf-8>",
        f"<title>{html.escape(title)}</title>",
        ("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1000px}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
        "padding:3px 8px;font-size:13px;text-align:left}.k{font-size:1.6em;font-weight:600}"
        "</style>"),
        f"<h1>{html.escape(title)}</h1>",
        (f"<p><span class=k>{exposure.by_status.get('covered', 0):,}</span> covered and "
        f"<span class=k>{exposure.by_status.get('possibly_covered', 0):,}</span> possibly "
        f"covered of {exposure.devices:,} devices. Replacement: "
        f"<b>{_money(exposure.cost_covered)}</b> for covered devices, "
        f"<b>{_money(exposure.cost_possible)}</b> more for possibly covered ones.</p>"),
        bar_chart("Devices by vendor and status", vendors, status_keys),
        bar_chart("Devices a rule reaches (covered, or possibly: depending on use)", rules,
              ["devices"]),
        bar_chart("Replacement cost by site (top 20)", sites, ["cost_covered", "cost_possible"],
              money=True),
        "<h2>Riskiest sites</h2>",
        html_table(["site", "devices", "covered", "possibly", "cost covered", "cost possibly"],
               [[k, f"{v['devices']:.0f}", f"{v['covered']:.0f}", f"{v['possibly_covered']:.0f}",
                 _money(v["cost_covered"]), _money(v["cost_possible"])] for k, v in sites]),
    ]
    for dim in ("city", "country"):
        rows = sorted(exposure.by.get(dim, {}).items(), key=lambda kv: -kv[1]["cost_covered"])
        page += [f"<h2>By {dim}</h2>", html_table(
            [dim, "devices", "covered", "possibly", "cost covered", "cost possibly"],
            [[k, f"{v['devices']:.0f}", f"{v['covered']:.0f}", f"{v['possibly_covered']:.0f}",
              _money(v["cost_covered"]), _money(v["cost_possible"])] for k, v in rows])]
    page += ["<h2>Cost assumptions</h2>", html_table(
        ["device type", "unit", "labour hours", "per device", "sources"],
        [[k, _money(costs.unit[k]), f"{costs.labour_hours[k]:g}",
          _money(costs.unit[k] + costs.labour_hours[k] * costs.labour_rate),
          f"{costs.sources.get(k + '.unit', '')}; {costs.sources.get(k + '.labour_hours', '')}"]
         for k in costs.unit]),
        (f"<p>Labour rate {_money(costs.labour_rate)}/h "
        f"({html.escape(costs.sources.get('labour_rate', ''))}).</p>")]
    path.write_text("\n".join(page), encoding="utf-8")
    return path


def write_pdf(exposure: Exposure, costs: CostTable, path: Path, title: str) -> Path:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()

    def chart(rows: list[tuple[str, float]]) -> Drawing:
        drawing = Drawing(480, 18 * len(rows) + 30)
        bars = HorizontalBarChart()
        bars.x, bars.y, bars.width, bars.height = 150, 10, 310, 18 * len(rows)
        bars.data = [[v for _, v in rows]]
        bars.categoryAxis.categoryNames = [k[:28] for k, _ in rows]
        bars.categoryAxis.labels.fontSize = 7
        bars.valueAxis.valueMin = 0
        bars.bars[0].fillColor = colors.HexColor("#b2182b")
        drawing.add(bars)
        return drawing

    vendors = sorted(exposure.by.get("vendor", {}).items(), key=lambda kv: -kv[1]["devices"])
    sites = exposure.riskiest("site", 20)
    story = [
        Paragraph(html.escape(title), styles["Title"]),
        Paragraph(f"{exposure.by_status.get('covered', 0):,} covered and "
                  f"{exposure.by_status.get('possibly_covered', 0):,} possibly covered of "
                  f"{exposure.devices:,} devices. Replacement {_money(exposure.cost_covered)} "
                  f"(covered) + {_money(exposure.cost_possible)} (possibly covered).",
                  styles["Normal"]),
        Spacer(1, 8), Paragraph("Covered devices by vendor", styles["Heading3"]),
        chart([(k, v["covered"]) for k, v in vendors][:15] or [("none", 0.0)]),
        Paragraph("Devices by rule", styles["Heading3"]),
        chart([(k, float(v)) for k, v in sorted(exposure.by_rule.items())] or [("none", 0.0)]),
        Paragraph("Replacement cost of covered devices by site (top 20)", styles["Heading3"]),
        chart([(k, v["cost_covered"]) for k, v in sites] or [("none", 0.0)]),
        Paragraph("Riskiest sites", styles["Heading3"]),
        pdf_table(["site", "devices", "covered", "possibly", "cost covered", "cost possibly"],
              [[k, f"{v['devices']:.0f}", f"{v['covered']:.0f}", f"{v['possibly_covered']:.0f}",
                _money(v["cost_covered"]), _money(v["cost_possible"])] for k, v in sites]),
        Paragraph("Cost assumptions", styles["Heading3"]),
        pdf_table(["type", "unit", "labour h", "source"],
              [[k, _money(costs.unit[k]), f"{costs.labour_hours[k]:g}",
                costs.sources.get(k + ".unit", "")[:80]] for k in costs.unit]),
    ]
    SimpleDocTemplate(str(path), pagesize=A4, title=title).build(story)
    return path


def write_csv(results: Iterable[Classification], costs: CostTable, path: Path) -> int:
    """One row per device: where it is, what it is, status, rules, confidence, cost."""
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["asset_id", "site", "city", "country", "device_type", "vendor_group",
                    "manufacturer", "status", "rules", "confidence", "replacement_cost",
                    "reasoning"])
        for r in results:
            d = r.device
            cost = costs.cost(d.device_type) if d and r.status in ("covered",
                                                                   "possibly_covered") else 0.0
            w.writerow(csv_row([r.asset_id, d.site if d else "", d.city if d else "",
                        d.country if d else "", d.device_type if d else "",
                        r.vendor_group or "", r.manufacturer or "", r.status,
                        ";".join(f"{x['rule']}={x['applies']}" for x in r.rules),
                        f"{r.confidence:.2f}", f"{cost:.2f}", " | ".join(r.reasoning)]))
            count += 1
    return count


def write_report(exposure: Exposure, costs: CostTable, path: Path,
                 title: str = "Covered equipment exposure") -> Path:
    """HTML or PDF by the file's extension (JSON too, for machines)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return write_pdf(exposure, costs, path, title)
    if suffix == ".json":
        path.write_text(json.dumps(exposure.to_dict(), indent=1), encoding="utf-8")
        return path
    return write_html(exposure, costs, path, title)
