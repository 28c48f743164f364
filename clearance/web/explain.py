"""The stored explanation of a score as table rows for the case page (pure functions).

A result stores its features as `{name, value, detail}`; the name feature's detail reads
`'query' ~ 'list name': tok~tok (0.95, w=0.56); ...; query only: x; list only: y`
(`match.compare.NameComparison.explain`). The case page shows that as a table: which
tokens met, how similar they were, how much each weighs, and what was left unmatched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FeatureRow", "TokenRow", "explanation_rows"]

_HEAD = re.compile(r"^'(?P<q>.*?)' ~ '(?P<c>.*)': (?P<rest>.*)$", re.S)
_PAIR = re.compile(r"^(?P<q>.+?)~(?P<c>.+?) \((?P<sim>\d+(?:\.\d+)?), w=(?P<w>\d+(?:\.\d+)?)\)$")


@dataclass
class TokenRow:
    """Two tokens that met (a query token may be several words run together)."""

    query: str
    listed: str
    similarity: float
    weight: float


@dataclass
class FeatureRow:
    """One contribution to the score, with the token table for the name feature."""

    name: str
    value: float
    detail: str
    query_name: str | None = None
    list_name: str | None = None
    tokens: list[TokenRow] = field(default_factory=list)
    query_only: list[str] = field(default_factory=list)
    list_only: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _name_row(row: FeatureRow) -> None:
    head = _HEAD.match(row.detail)
    if head is None:
        return
    row.query_name, row.list_name = head["q"], head["c"]
    for part in head["rest"].split("; "):
        pair = _PAIR.match(part)
        if pair is not None:
            row.tokens.append(TokenRow(pair["q"], pair["c"], float(pair["sim"]),
                                       float(pair["w"])))
        elif part.startswith("query only: "):
            row.query_only = part.removeprefix("query only: ").split()
        elif part.startswith("list only: "):
            row.list_only = part.removeprefix("list only: ").split()
        elif part.strip() != "":
            row.notes.append(part)


def explanation_rows(features: list[dict[str, Any]]) -> list[FeatureRow]:
    """Feature rows in stored order; the name feature's detail split into token rows."""
    rows = []
    for f in features:
        row = FeatureRow(str(f.get("name", "")), float(f.get("value", 0.0)),
                         str(f.get("detail", "")))
        if row.name == "name":
            _name_row(row)
        rows.append(row)
    return rows
