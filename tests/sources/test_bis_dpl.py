"""BIS Denied Persons List: tab-separated, quoted, no ids; repeats kept once."""

from pathlib import Path

import pytest

from clearance.exc import FormatError
from clearance.sources import bis_dpl
from clearance.sources.bis_dpl import HEADER


def test_dpl_loads_665_rows_as_663_entities(lists_dir: Path) -> None:
    parsed = bis_dpl.load(lists_dir / "bis_dpl" / "dpl.txt")
    assert len(parsed.entities) == 663
    assert len(parsed.warnings) == 2 and "exact repeat" in parsed.warnings[0]
    assert str(parsed.published) == "2023-11-28"  # the 3033 typo row is not a publish date
    dahua = [e for e in parsed.entities if e.proxy.caption == "DAHUA ELECTRONICS CORPORATION"]
    assert len(dahua) == 1 and "FLUSHING" in dahua[0].proxy.get("address")[0]


def _row(*values: str) -> str:
    return "\t".join(f'"{v}"' for v in values) + "\n"


def test_bad_date_names_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "dpl.txt"
    path.write_text(_row(*HEADER) + _row("ACME", "", "", "", "US", "", "13/45/2020", "",
                                         "Y", "2020-01-01", "", ""), encoding="utf-8")
    with pytest.raises(FormatError) as err:
        bis_dpl.load(path)
    assert (err.value.line, err.value.field) == (2, "Effective_Date")


def test_wrong_column_count(tmp_path: Path) -> None:
    path = tmp_path / "dpl.txt"
    path.write_text(_row(*HEADER) + _row("ACME", "street"), encoding="utf-8")
    with pytest.raises(FormatError, match="expected 12 columns, found 2"):
        bis_dpl.load(path)
