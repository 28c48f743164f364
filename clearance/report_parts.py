"""Building blocks shared by the HTML and PDF exposure reports (devices, portfolio): tables
and stacked bar charts."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlab.platypus import Table

__all__ = ["html_table", "pdf_table", "short", "svg_bars"]


def html_table(head: list[str], rows: Iterable[list[str]]) -> str:
    """An HTML table, every cell escaped."""
    return ("<table><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr>"
            + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>"
                      for r in rows) + "</table>")


def short(name: str, size: int = 34) -> str:
    """A label cut to `size` characters, the cut shown."""
    return name if len(name) <= size else name[:size - 1] + "\u2026"


def svg_bars(title: str, rows: list[tuple[str, dict[str, float]]], keys: list[str],
             colour: Callable[[str], str], amount: Callable[[float], str] = "{:,.0f}".format,
             ) -> str:
    """Horizontal stacked bars as inline SVG (no scripts): one bar per row, one segment per
    key, its `amount` in the segment's tooltip and the row's total after the bar."""
    if not rows:
        return f"<h3>{html.escape(title)}</h3><p>nothing to show</p>"
    top = max(sum(v.get(k, 0.0) for k in keys) for _, v in rows) or 1.0
    width, bar, label_w = 780, 18, 260
    parts = [(f'<svg width="{width}" height="{(bar + 6) * len(rows) + 30}" role="img" '
             f'aria-label="{html.escape(title)}" xmlns="http://www.w3.org/2000/svg">')]
    for i, (name, vals) in enumerate(rows):
        y = i * (bar + 6)
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end" font-size="12">'
                     f"{html.escape(short(name))}</text>")
        x = float(label_w)
        for k in keys:
            w = (width - label_w - 120) * vals.get(k, 0.0) / top
            if w > 0:
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" '
                             f'fill="{colour(k)}"><title>{html.escape(k)}: '
                             f'{html.escape(amount(vals.get(k, 0.0)))}</title></rect>')
            x += w
        total = sum(vals.get(k, 0.0) for k in keys)
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 13}" font-size="12">'
                     f"{html.escape(amount(total))}</text>")
    y = len(rows) * (bar + 6) + 14
    for j, k in enumerate(keys):
        parts.append(f'<rect x="{label_w + 150 * j}" y="{y}" width="10" height="10" '
                     f'fill="{colour(k)}"/><text x="{label_w + 150 * j + 14}" '
                     f'y="{y + 9}" font-size="11">{html.escape(k.replace("_", " "))}</text>')
    parts.append("</svg>")
    return f"<h3>{html.escape(title)}</h3>" + "".join(parts)


def pdf_table(head: list[str], rows: list[list[str]]) -> Table:
    """A reportlab table in the reports' style: small type, grid, grey header repeated on
    each page (reportlab is imported here: only PDF output needs it)."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    t = Table([head, *rows], repeatRows=1)
    t.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -1), 7),
                           ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]))
    return t
