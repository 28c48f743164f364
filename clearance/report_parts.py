"""Table building blocks shared by the HTML and PDF exposure reports (devices, portfolio)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlab.platypus import Table

__all__ = ["html_table", "pdf_table"]


def html_table(head: list[str], rows: Iterable[list[str]]) -> str:
    """An HTML table, every cell escaped."""
    return ("<table><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr>"
            + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>"
                      for r in rows) + "</table>")


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
