"""The demo portfolio mixes real listed ISINs, synthetic valid ones, names and bad ISINs."""

import csv
import io
from pathlib import Path

import pytest

from clearance.exc import InputError
from clearance.portfolio.demo import write_demo
from clearance.portfolio.listing import CmicList, cmic_list
from clearance.securities import check_isin


def test_demo_mix_and_determinism(loaded_home: Path, tmp_path: Path) -> None:
    cmic = cmic_list()
    counts = write_demo(tmp_path / "a.csv", cmic, 4000, seed=7, funds_path=tmp_path / "f.csv")
    write_demo(tmp_path / "b.csv", cmic, 4000, seed=7)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert sum(counts.values()) == 4000
    assert set(counts) == {"listed", "by_name", "derived", "malformed", "name_only", "fund",
                           "clear"}
    rows = list(csv.DictReader(io.StringIO((tmp_path / "a.csv").read_text("utf-8"))))
    isins = [r["ISIN"] for r in rows if r["ISIN"]]
    listed = [i for i in isins if i in cmic.by_isin]
    malformed = [i for i in isins if not check_isin(i).valid and i not in cmic.by_isin]
    unlisted = [i for i in isins if check_isin(i).valid and i not in cmic.by_isin]
    assert listed and malformed and unlisted
    assert any(r["ISIN"] == "" and r["CUSIP"] == "" for r in rows)  # name-only rows
    funds = list(csv.DictReader(io.StringIO((tmp_path / "f.csv").read_text("utf-8"))))
    assert {r["Fund ISIN"] for r in funds} & {r["ISIN"] for r in rows}  # funds are held


def test_demo_needs_the_list(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="load the OFAC consolidated list first"):
        write_demo(tmp_path / "x.csv", CmicList({}, "none"), 10)
