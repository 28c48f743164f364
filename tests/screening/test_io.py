"""Screening inputs in four formats, with malformed rows named by line."""

import json
from pathlib import Path

import pytest

from clearance.exc import InputError
from clearance.screening.io import read_rows, row_to_query

ROWS = [
    {"id": "1", "name": "Hikvision", "schema": "Company", "country": "cn"},
    {"id": "2", "name": "Sergei Lavrov", "schema": "Person", "birth_date": "1950-03-21",
     "aliases": "Sergey Lavrov; С. Лавров"},
]


def _write(tmp_path: Path, suffix: str) -> Path:
    path = tmp_path / f"in{suffix}"
    if suffix == ".csv":
        import csv

        with open(path, "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=["id", "name", "schema", "country", "birth_date",
                                               "aliases"])
            w.writeheader()
            w.writerows(ROWS)
    elif suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    elif suffix == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        keys = ["id", "name", "schema", "country", "birth_date", "aliases"]
        ws.append(keys)
        for r in ROWS:
            ws.append([r.get(k) for k in keys])
        wb.save(path)
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        keys = ["id", "name", "schema", "country", "birth_date", "aliases"]
        pq.write_table(pa.table({k: [r.get(k) for r in ROWS] for k in keys}), path)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".xlsx", ".parquet"])
def test_every_format_reads_the_same_queries(tmp_path: Path, suffix: str) -> None:
    path = _write(tmp_path, suffix)
    queries = [row_to_query(r, str(path)) for r in read_rows(path)]
    assert [q[0] for q in queries] == ["1", "2"]
    lavrov = queries[1][1]
    assert lavrov.schema == "Person" and lavrov.birth_date == "1950-03-21"
    assert lavrov.aliases == ["Sergey Lavrov", "С. Лавров"]
    assert queries[0][1].countries == ["cn"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "9"}', "line 1: row '9': missing field 'name'"),
        ('{"name": "X"}', "line 1: missing field 'id'"),
        ('{"id": 1, "name": "X", "schema": "Spaceship"}', "unknown type 'Spaceship'"),
        ('{"id": 1, "name": "X", "birth_date": "yesterday"}', "'yesterday' is not a date"),
        ("{not json", "line 1: invalid JSON"),
    ],
)
def test_malformed_rows_name_line_and_field(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n")
    (row,) = list(read_rows(path))
    with pytest.raises(InputError) as err:
        row_to_query(row, str(path))
    assert message in str(err.value)
