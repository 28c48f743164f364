"""Holdings headers as bank exports spell them map to fields; clashes are named."""

import pytest

from clearance.portfolio.columns import (
    CONSTITUENT_FIELDS,
    HOLDING_FIELDS,
    fold_header,
    map_columns,
)


@pytest.mark.parametrize(("header", "folded"), [
    ("Market Value (USD)", "market value usd"),
    ("market_value", "market value"),
    ("MarketValue", "market value"),
    ("Mkt. Val.", "mkt val"),
    ("ISIN Code", "isin code"),
])
def test_fold_header(header: str, folded: str) -> None:
    assert fold_header(header) == folded


def test_custodian_export_headers_map_to_fields() -> None:
    cmap = map_columns(["Position ID", "ISIN Code", "CUSIP", "Issuer Name", "Security Description",
                        "Qty", "Market Value (USD)", "Ccy", "Portfolio", "Acct No"],
                       HOLDING_FIELDS)
    assert cmap.fields == {"id": "Position ID", "isin": "ISIN Code", "cusip": "CUSIP",
                           "issuer": "Issuer Name", "security": "Security Description",
                           "quantity": "Qty", "market_value": "Market Value (USD)",
                           "currency": "Ccy", "fund": "Portfolio", "account": "Acct No"}
    assert cmap.currency == "USD"  # from the header, for rows without a currency
    assert cmap.notes == []


def test_a_second_column_for_one_field_is_named_not_mixed() -> None:
    cmap = map_columns(["id", "Issuer Name", "Name", "Description", "Security Name"],
                       HOLDING_FIELDS)
    assert cmap.fields["issuer"] == "Issuer Name"
    assert cmap.fields["security"] == "Security Name"
    assert cmap.notes == ["column 'Name' not read: 'Issuer Name' gives issuer",
                          "column 'Description' not read: 'Security Name' gives security"]


def test_one_header_gives_one_field() -> None:
    # "Holding Name" is a constituent's issuer and, for holdings, a security name
    cmap = map_columns(["Fund", "Holding Name", "Weight"], CONSTITUENT_FIELDS)
    assert cmap.fields == {"fund": "Fund", "issuer": "Holding Name", "weight": "Weight"}


@pytest.mark.parametrize(("header", "percent"), [
    ("Weight (%)", True), ("Pct of NAV", True), ("Percent of Net Assets", True),
    ("Weight", False), ("weighting", False)])
def test_weight_header_says_percent(header: str, percent: bool) -> None:
    assert map_columns(["fund", "isin", header], CONSTITUENT_FIELDS).percent is percent
