"""File screening: same results whatever the path (CSV fast path, other formats, workers)."""

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from clearance.exc import InputError
from clearance.portfolio.batch import CSV_FIELDS, ResultWriter, screen_file
from clearance.portfolio.holdings import Holding
from clearance.portfolio.screen import Screener

ROWS = [
    ["Position ID", "ISIN", "Issuer Name", "Security Description", "Market Value (USD)"],
    ["P1", "CNE100000PM8", "Hikvision", "HANGZHOU HIKVISION-A", "1,000"],
    ["P2", "US0378331005", "Apple Inc", 'APPLE INC "COM"\nNEW LINE', "5"],
    ["P3", "", "China Mobile Finance (2017) Ltd", "CHINA MOBILE FIN 4.5% REGS", ""],
    ["", "CNE100000PM8", "no id", "", ""],
    ["P5", "XX1234567890", "", "", ""],
]


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "holdings.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(ROWS)
    return path


def _run(screener: Screener, path: Path, out: Path | None = None, workers: int = 1
         ) -> tuple[list[dict[str, object]], object]:
    buffer = io.StringIO()
    writer = ResultWriter(out, buffer)
    summary = screen_file(path, writer, screener, workers)
    writer.close()
    if out is not None and out.suffix != ".jsonl":
        return [], summary
    text = buffer.getvalue() if out is None else out.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()], summary


def test_csv_rows_screened_in_order_and_bad_rows_named(screener: Screener,
                                                        tmp_path: Path) -> None:
    results, summary = _run(screener, _csv(tmp_path))
    assert [r["id"] for r in results] == ["P1", "P2", "P3", "P5"]
    assert [r["status"] for r in results] == ["covered", "clear", "review", "review"]
    assert results[1]["holding"]["security"] == 'APPLE INC "COM"\nNEW LINE'
    assert results[0]["holding"]["market_value"] == 1000.0
    assert summary.skipped == [f"{tmp_path / 'holdings.csv'}, line 6: missing field 'id'"]
    assert summary.with_problems == 1 and summary.statuses["review"] == 2


def test_two_workers_write_what_one_writes(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(ROWS[0])
        for n in range(12_000):
            w.writerow([f"P{n}", ["CNE100000PM8", "US0378331005", ""][n % 3],
                        ["Hikvision", "Apple", "Hikvision USA Inc"][n % 3], "", str(n)])
    one, _ = _run(screener, path, tmp_path / "one.jsonl", 1)
    two, summary = _run(screener, path, tmp_path / "two.jsonl", 2)
    assert one == two and len(one) == 12_000
    assert summary.statuses == {"covered": 4000, "clear": 4000, "review": 4000}


def test_xlsx_input_reads_like_csv(screener: Screener, tmp_path: Path) -> None:
    wb = Workbook()
    for row in ROWS:
        wb.active.append(row)
    path = tmp_path / "holdings.xlsx"
    wb.save(path)
    from_xlsx, summary = _run(screener, path)
    from_csv, _ = _run(screener, _csv(tmp_path))
    assert [r["status"] for r in from_xlsx] == [r["status"] for r in from_csv]
    assert summary.skipped[0].endswith("line 5: missing field 'id'")  # sheet row 5


def test_csv_and_xlsx_output_one_row_per_holding(screener: Screener, tmp_path: Path) -> None:
    _run(screener, _csv(tmp_path), tmp_path / "out.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text("utf-8"))))
    assert [r["status"] for r in rows] == ["covered", "clear", "review", "review"]
    assert rows[0]["listed_name"] == "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD."
    assert rows[0]["divestment_deadline"] == "2022-06-03" and "decisive" in rows[0]["evidence"]
    _run(screener, _csv(tmp_path), tmp_path / "out.xlsx")
    sheet = load_workbook(tmp_path / "out.xlsx").active
    assert [c.value for c in sheet[1]] == CSV_FIELDS and sheet.max_row == 5



@pytest.mark.parametrize("workers", [1, 2])
def test_an_issuer_written_as_a_formula_is_exported_as_text(screener: Screener, tmp_path: Path,
                                                            workers: int) -> None:
    path = tmp_path / "h.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([ROWS[0], ["P1", "", "=1+1", "@SUM(A1)", "-5"]])
    _run(screener, path, tmp_path / "out.csv", workers)
    (row,) = csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text("utf-8")))
    assert (row["issuer"], row["security"], row["market_value"]) == ("'=1+1", "'@SUM(A1)",
                                                                    "-5.0")
    _run(screener, path, tmp_path / "out.xlsx", workers)
    issuer = load_workbook(tmp_path / "out.xlsx").active["A2":"Z2"][0]
    assert ("=1+1", "s") in [(c.value, c.data_type) for c in issuer]

def test_row_with_more_fields_than_the_header_is_refused(screener: Screener,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("id,isin,issuer\nP1,CNE100000PM8,Hikvision, Co\nP2,CNE100000PM8,X\n")
    results, summary = _run(screener, path)
    assert [r["id"] for r in results] == ["P2"]
    assert "line 2: 4 fields where the header has 3" in summary.skipped[0]


def test_non_utf8_file_is_refused_whole(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_bytes("id,issuer\nP1,Soci\xe9t\xe9 G\xe9n\xe9rale\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        _run(screener, path)


def test_unknown_output_format_is_refused() -> None:
    with pytest.raises(InputError, match="unsupported output format 'txt'"):
        ResultWriter(Path("out.txt"), io.StringIO())


def test_results_cached_per_security_keep_each_holdings_own_fields(screener: Screener) -> None:
    a = screener.screen(Holding("a", isin="CNE100000PM8", market_value=1.0))
    b = screener.screen(Holding("b", isin="CNE100000PM8", market_value=2.0))
    assert (a.holding.id, b.holding.id) == ("a", "b")
    assert a.evidence is b.evidence  # one screening for the security


def test_parquet_and_jsonl_inputs(screener: Screener, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"id": ["P1", "P2"], "isin": ["CNE100000PM8", None],
                      "issuer": [None, "Apple Inc"], "market_value": [10.5, 3.0]})
    pq.write_table(table, tmp_path / "h.parquet")
    from_parquet, summary = _run(screener, tmp_path / "h.parquet")
    assert [(r["id"], r["status"]) for r in from_parquet] == [("P1", "covered"), ("P2", "clear")]
    assert from_parquet[0]["holding"]["market_value"] == 10.5 and summary.skipped == []
    (tmp_path / "h.jsonl").write_text(
        json.dumps({"id": "J1", "ISIN Code": "CNE100000PM8"}) + "\n" + "not json\n")
    from_jsonl, summary = _run(screener, tmp_path / "h.jsonl")
    assert [r["status"] for r in from_jsonl] == ["covered"]
    assert "line 2: invalid JSON" in summary.skipped[0]
