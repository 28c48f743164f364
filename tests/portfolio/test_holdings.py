"""Holdings rows: amounts as exports write them, and bad rows named by line and field."""

import json
from pathlib import Path

import pytest

from clearance.exc import InputError
from clearance.portfolio.columns import HOLDING_FIELDS, ColumnMap, map_columns
from clearance.portfolio.holdings import (
    Holding,
    column_positions,
    holding_from_row,
    holding_from_values,
    parse_amount,
    read_holdings,
)


@pytest.mark.parametrize(("text", "value"), [
    ("1,234.50", 1234.5), ("(1 234,50)", -1234.5), ("$12.5", 12.5), ("USD 100", 100.0),
    ("1.234.567,89", 1234567.89), ("12,5", 12.5), ("1,234", 1234.0), ("", None), (3, 3.0),
])
def test_amounts_as_exports_write_them(text: object, value: float | None) -> None:
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["abc", "1.2.3", "nan", "inf", float("nan")])
def test_non_amounts_are_refused(text: object) -> None:
    with pytest.raises(ValueError):
        parse_amount(text)


def _cmap(*headers: str) -> ColumnMap:
    return map_columns(list(headers), HOLDING_FIELDS)


def test_a_row_needs_an_id() -> None:
    with pytest.raises(InputError, match=r"h.csv, line 7: missing field 'id'"):
        holding_from_row({"ISIN": "CNE100000PM8"}, _cmap("ISIN"), "h.csv", 7)


def test_a_row_needs_an_identifier_or_an_issuer() -> None:
    with pytest.raises(InputError, match="needs an identifier .* or an issuer name"):
        holding_from_row({"id": "1", "Quantity": "5"}, _cmap("id", "Quantity"), "h.csv", 2)


def test_an_isin_alone_is_enough_and_a_malformed_one_is_kept_for_the_result() -> None:
    h = holding_from_row({"id": "1", "ISIN": " CNE100000PM9 "}, _cmap("id", "ISIN"))
    assert h.isin == "CNE100000PM9" and h.issuer == ""


def test_bad_amount_names_field_and_column() -> None:
    with pytest.raises(InputError, match=r"line 3: row '1': 'lots' is not a number "
                                         r"\(field 'market_value', column 'MV'\)"):
        holding_from_row({"id": "1", "Issuer": "X", "MV": "lots"}, _cmap("id", "Issuer", "MV"),
                         "h.csv", 3)


def test_currency_comes_from_the_row_or_the_header() -> None:
    cmap = _cmap("id", "Issuer", "Market Value (EUR)", "Currency")
    assert holding_from_row({"id": "1", "Issuer": "X", "Market Value (EUR)": "5",
                             "Currency": ""}, cmap).currency == "EUR"
    assert holding_from_row({"id": "1", "Issuer": "X", "Market Value (EUR)": "5",
                             "Currency": "hkd"}, cmap).currency == "HKD"
    with pytest.raises(InputError, match="currency 'DOLLARS' is not a 3-letter code"):
        holding_from_row({"id": "1", "Issuer": "X", "Currency": "dollars"}, cmap)


def test_list_rows_read_like_dict_rows() -> None:
    headers = ["Position ID", "ISIN", "Issuer Name", "Quantity", "Market Value (USD)"]
    cmap = _cmap(*headers)
    values = ["P1", "CNE100000PM8", "Hikvision", "1,000", "25000.5"]
    fast = holding_from_values(values, column_positions(headers, cmap), cmap, "h.csv", 2)
    slow = holding_from_row(dict(zip(headers, values)), cmap, "h.csv", 2)
    assert fast == slow
    assert (fast.quantity, fast.market_value, fast.currency) == (1000.0, 25000.5, "USD")


def test_security_key_ignores_amounts_and_place() -> None:
    a = Holding("1", isin="CNE100000PM8", quantity=1, fund="A")
    b = Holding("2", isin="CNE100000PM8", quantity=9, fund="B")
    assert a.key == b.key and a.digest == b.digest
    assert Holding("3", isin="CNE100000PM8", issuer="x").key != a.key


def test_jsonl_and_csv_files_with_bank_headers(tmp_path: Path) -> None:
    csv_path = tmp_path / "h.csv"
    csv_path.write_text("\ufeffPosition ID,ISIN Code,Issuer Name,Mkt Val\n"
                        "P1,CNE100000PM8,Hikvision,10\n,US0378331005,Apple,5\n", encoding="utf-8")
    items = list(read_holdings(csv_path))
    assert isinstance(items[0], Holding) and items[0].isin == "CNE100000PM8"
    assert isinstance(items[1], InputError) and "line 3" in str(items[1])
    jsonl = tmp_path / "h.jsonl"
    jsonl.write_text(json.dumps({"id": "j1", "isin": "CNE100000PM8"}) + "\n{oops\n")
    items = list(read_holdings(jsonl))
    assert isinstance(items[0], Holding) and isinstance(items[1], InputError)
