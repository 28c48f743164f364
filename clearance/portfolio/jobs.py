"""Holdings files screened in the background: the row screener of "portfolio" jobs.

The job machinery is screening/jobs.py (stored uploads, chunked commits, resume after a
restart); this module only says how one uploaded row becomes a result line.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from clearance.portfolio.batch import make_screener
from clearance.portfolio.columns import HOLDING_FIELDS, ColumnMap, map_columns
from clearance.portfolio.holdings import holding_from_row
from clearance.screening.io import InputRow
from clearance.screening.jobs import RowScreener

__all__ = ["holding_rows"]


def holding_rows(job: Any) -> RowScreener:
    """A holdings row -> (its result line, whether it is covered or for review)."""
    options = job.options or {}
    as_of = options.get("as_of")
    screener = make_screener(date.fromisoformat(as_of) if as_of else None,
                             options.get("threshold"), options.get("review_threshold"))
    maps: dict[tuple[str, ...], ColumnMap] = {}

    def screen_row(row: InputRow, filename: str) -> tuple[str, bool]:
        keys = tuple(row.data)
        cmap = maps.get(keys)
        if cmap is None:
            cmap = maps[keys] = map_columns(list(keys), HOLDING_FIELDS)
        line, core = screener.line_and_core(holding_from_row(row.data, cmap, filename, row.line))
        return line, core.status != "clear"

    return screen_row
