"""Holdings from bank exports (CSV, XLSX, JSONL, Parquet) or JSON: one `Holding` per row.

A row needs an id and either an identifier (ISIN, CUSIP or FIGI) or an issuer name; all
else is optional. A malformed ISIN is not a reason to skip the row: it is screened on
what else it has and the problem is reported in its result. Rows that cannot be read
raise an `InputError` naming the file, line and field, reported and skipped by callers.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from clearance.exc import InputError
from clearance.portfolio.columns import HOLDING_FIELDS, ColumnMap, map_columns
from clearance.screening.io import read_rows

__all__ = ["Holding", "HoldingsFile", "column_positions", "holding_from_row",
           "holding_from_values", "parse_amount", "read_holdings", "text_value"]

_SYMBOLS = re.compile(r"[$€£¥\s'’]|\b[A-Z]{3}\b")
_THOUSANDS = re.compile(r"^-?\d{1,3}(?:,\d{3})+$")


@dataclass(slots=True)
class Holding:
    """One position: what it is, whose it is, how much, and where it sits."""

    id: str
    line: int = 0
    isin: str = ""
    cusip: str = ""
    figi: str = ""
    issuer: str = ""
    security: str = ""
    security_type: str = ""
    cfi: str = ""
    quantity: float | None = None
    market_value: float | None = None
    currency: str = ""
    fund: str = ""
    account: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The fields that have a value (the line number stays out)."""
        return {k: v for k in _OUT if (v := getattr(self, k)) != "" and v is not None}

    @property
    def key(self) -> tuple[str, ...]:
        """What screening reads: holdings with equal keys get equal results."""
        return (self.isin, self.cusip, self.figi, self.issuer, self.security,
                self.security_type, self.cfi)

    @property
    def digest(self) -> str:
        """Digest of what screening reads (a new market value does not re-screen)."""
        raw = json.dumps(self.key, ensure_ascii=False)
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()


_OUT = tuple(f.name for f in fields(Holding) if f.name != "line")
_FIELDS = tuple(HOLDING_FIELDS)  # `_holding` unpacks rows in this order


def text_value(value: object) -> str:
    """A cell as stripped text (integral floats from spreadsheets lose their '.0')."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_amount(value: object) -> float | None:
    """'1,234.50', '(1 234,50)', '$12.5m'-free numbers -> float; '' -> None.

    Thousands separators and currency symbols or codes are dropped; parentheses mean a
    negative amount. Anything else raises ValueError.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} is not a finite number")
        return float(value)
    text = str(value).strip()
    if text == "":
        return None
    negative = text.startswith("(") and text.endswith(")")
    text = _SYMBOLS.sub("", text.strip("()").upper())
    if "," in text and "." in text:
        text = (text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".")
                else text.replace(",", ""))
    elif "," in text:
        text = text.replace(",", "") if _THOUSANDS.match(text) else text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number")
    return -number if negative else number


def holding_from_row(data: dict[str, Any], columns: ColumnMap, path: str = "<input>",
                     line: int = 0) -> Holding:
    """A holding from one row; `InputError` names the line and the field at fault."""
    headers = columns.fields
    return _holding([data.get(headers[f]) if f in headers else None for f in _FIELDS],
                    columns, path, line)


def column_positions(headers: list[str], columns: ColumnMap) -> list[int | None]:
    """Where each field sits in a header row (None: not in the file)."""
    where = {h: i for i, h in enumerate(headers)}
    return [where[columns.fields[f]] if f in columns.fields else None for f in _FIELDS]


def holding_from_values(values: list[str], positions: list[int | None], columns: ColumnMap,
                        path: str, line: int) -> Holding:
    """`holding_from_row` for a CSV row as a list (no dict per row: the fast path)."""
    width = len(values)
    return _holding([values[i] if i is not None and i < width else None for i in positions],
                    columns, path, line)


def _text(raw: object) -> str:
    return raw.strip() if isinstance(raw, str) else text_value(raw)


def _holding(raw: list[Any], columns: ColumnMap, path: str, line: int) -> Holding:
    (row_id, isin, cusip, figi, issuer, security, security_type, cfi, quantity, market_value,
     currency, fund, account) = raw
    row_id = _text(row_id)
    if row_id == "":
        raise InputError("missing field 'id'", path=path, line=line)
    isin, cusip, figi, issuer = _text(isin), _text(cusip), _text(figi), _text(issuer)
    if not (isin or cusip or figi or issuer):
        raise InputError(f"row {row_id!r}: needs an identifier (field 'isin', 'cusip' or "
                         "'figi') or an issuer name (field 'issuer')", path=path, line=line)
    try:
        qty = _amount(quantity)
    except ValueError as exc:
        raise InputError(f"row {row_id!r}: {exc} (field 'quantity', column "
                         f"{columns.fields.get('quantity')!r})", path=path, line=line) from None
    try:
        value = _amount(market_value)
    except ValueError as exc:
        raise InputError(f"row {row_id!r}: {exc} (field 'market_value', column "
                         f"{columns.fields.get('market_value')!r})", path=path,
                         line=line) from None
    ccy = _text(currency).upper() or (columns.currency or "")
    if ccy != "" and not (len(ccy) == 3 and ccy.isalpha() and ccy.isascii()):
        raise InputError(f"row {row_id!r}: currency {ccy!r} is not a 3-letter code "
                         "(field 'currency')", path=path, line=line)
    return Holding(row_id, line, isin, cusip, figi, issuer, _text(security),
                   _text(security_type), _text(cfi), qty, value, ccy, _text(fund),
                   _text(account))


def _amount(raw: object) -> float | None:
    """`parse_amount`, with plain decimal text ("85120.00") read directly."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        try:
            number = float(raw)
        except ValueError:
            return parse_amount(raw)
        if math.isfinite(number) and "_" not in raw:
            return number
    return parse_amount(raw)


class HoldingsFile:
    """The holdings of one file, streamed, with the notes its headers caused."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise InputError("no such file", path=str(path))
        self.path = path
        self.notes: list[str] = []
        self._maps: dict[tuple[str, ...], ColumnMap] = {}

    def _columns(self, keys: tuple[str, ...]) -> ColumnMap:
        cmap = self._maps.get(keys)
        if cmap is None:
            cmap = self._maps[keys] = map_columns(list(keys), HOLDING_FIELDS)
            self.notes += [f"{self.path}: {n}" for n in cmap.notes if
                           f"{self.path}: {n}" not in self.notes]
        return cmap

    def __iter__(self) -> Iterator[Holding | InputError]:
        for row in read_rows(self.path):
            if row.error is not None:  # undecodable bytes, invalid JSON, ragged CSV rows
                yield InputError(row.error, path=str(self.path), line=row.line)
                continue
            try:
                yield holding_from_row(row.data, self._columns(tuple(row.data)),
                                       str(self.path), row.line)
            except InputError as exc:
                yield exc


def read_holdings(path: Path) -> HoldingsFile:
    """Holdings of a CSV/XLSX/JSONL/Parquet file (bad rows come back as `InputError`)."""
    return HoldingsFile(path)
