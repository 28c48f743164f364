"""Holdings and fund-constituent columns, as bank and custodian exports spell them.

Headers are compared in a folded form (camelCase split, case and punctuation dropped:
"Market Value (USD)", "market_value", "MarketValue" -> "market value"), and a currency
code in the header ("Market Value (USD)") is kept as the default currency of its values.
Each field lists its spellings in order of preference; when two columns of a file mean
the same field, the preferred one is read and the other is named in a note, never
silently mixed. Spellings follow custody and portfolio-system exports (State Street,
BNY Mellon, Northern Trust position reports, Bloomberg PORT/AIM, SimCorp, Aladdin) and
ISO 20022 semt.003 statement field names ("FinancialInstrumentIdentification", "Quantity").

Kept here, beside the portfolio code, while screening/io.py gains its own header mapping;
the two are meant to share one mechanism (see the report of branch i17-portfolio).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["CONSTITUENT_FIELDS", "HOLDING_FIELDS", "ColumnMap", "fold_header", "map_columns"]

HOLDING_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "holding id", "position id", "position", "line id", "row id", "lot id",
           "reference", "ref", "record id", "position key"),
    "isin": ("isin", "isin code", "security isin", "isin number", "instrument isin",
             "isin id", "financial instrument identification isin"),
    "cusip": ("cusip", "cusip number", "security cusip", "cusip cins", "cusip id", "cins"),
    "figi": ("figi", "figi code", "bbg figi", "bloomberg figi", "composite figi",
             "id bb global"),
    "issuer": ("issuer", "issuer name", "issuer long name", "company", "company name",
               "obligor", "ultimate issuer", "name"),
    "security": ("security", "security description", "security name", "description",
                 "security long name", "instrument", "instrument name", "asset description",
                 "asset name", "holding name", "long name", "security desc", "sec desc"),
    "security_type": ("security type", "sec type", "asset type", "asset class",
                      "instrument type", "product type", "security class", "market sector"),
    "cfi": ("cfi", "cfi code", "classification of financial instrument"),
    "quantity": ("quantity", "qty", "shares", "units", "nominal", "par value", "par",
                 "position quantity", "quantity held", "face amount", "holding", "holdings",
                 "shares held"),
    "market_value": ("market value", "market value base", "base market value", "mv",
                     "mkt value", "mkt val", "market val", "position value", "value",
                     "market value local", "local market value", "valuation"),
    "currency": ("currency", "ccy", "crncy", "currency code", "local currency",
                 "price currency", "trade currency", "base currency", "valuation currency"),
    "fund": ("fund", "fund id", "fund code", "fund name", "portfolio", "portfolio id",
             "portfolio code", "portfolio name"),
    "account": ("account", "account id", "account number", "account no", "acct",
                "acct no", "custody account", "safekeeping account", "sub account"),
}

#: A fund's constituents: which fund (by its id, ISIN or ticker), what, and how much.
CONSTITUENT_FIELDS: dict[str, tuple[str, ...]] = {
    "fund": ("fund", "fund id", "fund isin", "fund code", "fund ticker", "fund name",
             "etf", "etf ticker", "portfolio", "portfolio id", "parent", "parent isin"),
    "isin": HOLDING_FIELDS["isin"] + ("constituent isin", "holding isin", "underlying isin"),
    "cusip": HOLDING_FIELDS["cusip"],
    "figi": HOLDING_FIELDS["figi"],
    "issuer": HOLDING_FIELDS["issuer"] + ("constituent", "constituent name", "holding name"),
    "security": HOLDING_FIELDS["security"],
    "security_type": HOLDING_FIELDS["security_type"],
    "cfi": HOLDING_FIELDS["cfi"],
    "weight": ("weight", "weight pct", "weight percent", "weighting", "percent of fund",
               "pct of fund", "percent of net assets", "pct of nav", "percent of nav",
               "portfolio weight", "index weight", "allocation", "percentage",
               "weight percentage", "holding weight"),
}

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_CURRENCY = re.compile(r"[\(\[]\s*([A-Za-z]{3})\s*[\)\]]")
_PERCENT = re.compile(r"%|\bpct\b|\bpercent", re.IGNORECASE)


def fold_header(header: str) -> str:
    """'Market_Value (USD)' -> 'market value usd'; 'MarketValue' -> 'market value'."""
    text = _CAMEL.sub(" ", header.strip())
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


@dataclass
class ColumnMap:
    """Which header of a file gives which field, and what the headers implied."""

    fields: dict[str, str] = field(default_factory=dict)  # field -> header as written
    currency: str | None = None  # "Market Value (USD)" -> "USD"
    percent: bool = False  # the weight header says percent ("Weight (%)")
    notes: list[str] = field(default_factory=list)

    def get(self, row: dict[str, object], name: str) -> object:
        header = self.fields.get(name)
        return None if header is None else row.get(header)


def map_columns(headers: list[str], table: dict[str, tuple[str, ...]]) -> ColumnMap:
    """Map a file's headers to fields by the spellings of `table` (see module doc)."""
    out = ColumnMap()
    folded: dict[str, str] = {}
    for header in headers:
        key = fold_header(_CURRENCY.sub(" ", header))
        folded.setdefault(key, header)
    used: set[str] = set()  # a header gives one field only
    for name, spellings in table.items():
        found = [folded[s] for s in spellings if s in folded and folded[s] not in used]
        found = list(dict.fromkeys(found))
        if not found:
            continue
        used.update(found)
        out.fields[name] = found[0]
        for other in found[1:]:
            out.notes.append(f"column {other!r} not read: {found[0]!r} gives {name}")
        if name == "market_value":
            m = _CURRENCY.search(found[0])
            out.currency = m.group(1).upper() if m is not None else None
        if name == "weight":
            out.percent = _PERCENT.search(found[0]) is not None
    return out
