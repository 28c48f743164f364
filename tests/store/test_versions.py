"""Versioned store: each load a new version, atomic switch, rollback, diff of real snapshots."""

from pathlib import Path

import pytest

from clearance.exc import UnknownVersion
from clearance.store import activate, diff, get_record, get_version, list_versions, status
from clearance.store.load import load_paths


def test_loading_creates_an_active_version_with_counts(home: Path, lists_dir: Path) -> None:
    (res,) = load_paths([lists_dir / "bis_dpl"])
    assert res.error is None and res.version is not None
    (row,) = status()
    assert (row.dataset, row.version, row.entity_count) == ("us_bis_dpl", 1, 663)
    assert row.published == "2023-11-28"
    assert row.files == {"dpl.txt": "b4d9a287f8527af7c5713f7cc03751c639819aa44595863088506a80cd63988a"}


def test_failed_load_leaves_previous_version_active_and_intact(
    home: Path, lists_dir: Path, tmp_path: Path
) -> None:
    load_paths([lists_dir / "bis_dpl"])
    before = get_record(next(iter(_ids())))
    bad = tmp_path / "bad" / "dpl.txt"
    bad.parent.mkdir()
    good = (lists_dir / "bis_dpl" / "dpl.txt").read_bytes()
    bad.write_bytes(good[: len(good) // 2])  # truncated download, cut mid-row
    (res,) = load_paths([bad.parent])
    assert res.error is not None and "dpl.txt, line" in res.error
    assert [v.version for v in list_versions("us_bis_dpl")] == [1]
    assert get_version("us_bis_dpl").entity_count == 663
    assert get_record(before["entity_id"]) == before  # type: ignore[index]


def _ids() -> list[str]:
    from clearance.store import iter_records

    return [r["entity_id"] for r in iter_records()]


def test_diff_between_the_two_real_sdn_snapshots(home: Path, lists_dir: Path) -> None:
    load_paths([lists_dir / "ofac_sdn"])
    load_paths([lists_dir / "ofac_sdn_20240503"])
    d = diff("us_ofac_sdn")
    assert (d.from_version, d.to_version) == (1, 2)
    assert len(d.added) == 14965 - 13821 + len(d.removed)
    added = {c.source_id for c in d.added}
    assert "34741" in added  # JOINT STOCK COMPANY SOVCOMFLOT, designated Feb 2024
    assert all(int(s) > 0 for s in added)
    # the May file ships without add.csv/alt.csv: addresses and aliases are what changed
    assert {"address", "alias"} <= set(d.field_counts())
    warned = get_version("us_ofac_sdn").warnings
    assert warned and "no add.csv or alt.csv" in warned[0]


def test_activate_rolls_back_in_one_switch(home: Path, lists_dir: Path) -> None:
    load_paths([lists_dir / "ofac_sdn"])
    load_paths([lists_dir / "ofac_sdn_20240503"])
    assert get_version("us_ofac_sdn").entity_count == 14965
    activate("us_ofac_sdn", 1)
    assert get_version("us_ofac_sdn").entity_count == 13821
    assert get_record("us_ofac_sdn-34741") is None


def test_records_read_again_come_from_the_active_version_of_this_store(
        home: Path, lists_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from clearance.store import get_records
    from clearance.store.db import reset_engines

    load_paths([lists_dir / "ofac_sdn_20240503"])
    assert get_records(["us_ofac_sdn-34741"])["us_ofac_sdn-34741"]["entity_id"] == (
        "us_ofac_sdn-34741")
    again = get_records(["us_ofac_sdn-34741", "us_ofac_sdn-34741"])  # from memory
    assert list(again) == ["us_ofac_sdn-34741"]
    load_paths([lists_dir / "ofac_sdn"])  # December 2023: the entity is not listed there
    assert get_records(["us_ofac_sdn-34741"]) == {}
    monkeypatch.setenv("CLEARANCE_HOME", str(tmp_path / "other"))  # another store, same ids
    reset_engines()
    load_paths([lists_dir / "ofac_sdn"])
    assert get_records(["us_ofac_sdn-34741"]) == {}
    reset_engines()


def test_records_read_again_are_each_callers_own_and_kept_as_text(home: Path,
                                                                  lists_dir: Path) -> None:
    """A caller changing its record cannot change what the next caller reads, and the
    records kept in memory are text, which garbage collections do not walk."""
    import gc

    from clearance.store import get_records
    from clearance.store.versions import _RECORDS

    load_paths([lists_dir / "ofac_sdn_20240503"])
    first = get_records(["us_ofac_sdn-34741"])["us_ofac_sdn-34741"]
    first["properties"]["name"].append("SOMEONE ELSE")
    again = get_records(["us_ofac_sdn-34741"])["us_ofac_sdn-34741"]
    assert "SOMEONE ELSE" not in again["properties"]["name"]
    assert again is not first
    assert _RECORDS and not any(gc.is_tracked(v) for v in _RECORDS.values())


def test_unknown_version_is_a_clear_error(home: Path) -> None:
    with pytest.raises(UnknownVersion, match="no active version"):
        get_version("us_ofac_sdn")


def test_source_ids_sort_as_numbers() -> None:
    from clearance.store.versions import natural_key

    ids = ["45735", "7480", "QDi.101", "QDi.12", "f0956", "10000"]
    assert sorted(ids, key=natural_key) == ["7480", "10000", "45735", "QDi.12", "QDi.101",
                                            "f0956"]


def test_records_on_sqlite_are_read_on_its_cursor_as_the_statement_reads_them(
        home: Path, lists_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server reads records for every /match request: on SQLite through the DB-API
    cursor, not SQLAlchemy's statement execution (a fifth of the cost), with the same
    records for known, unknown and repeated ids, more than one chunk of them."""
    from sqlalchemy.engine import Connection

    from clearance.store import get_records
    from clearance.store.db import engine
    from clearance.store.versions import _RECORDS, active_version_ids

    load_paths([lists_dir / "ofac_sdn_20240503"])
    with engine().connect() as conn:
        known = [r[0] for r in conn.exec_driver_sql("SELECT entity_id FROM entities LIMIT 700")]
    ids = [*known, "nobody-1", known[3], "nobody-2"]
    active_version_ids(60.0)
    statement = Connection.execute

    def refused(*args: object, **kwargs: object) -> object:
        raise AssertionError("read through SQLAlchemy's statement")

    monkeypatch.setattr(Connection, "execute", refused)
    cursor = get_records(ids, max_age=60.0)
    monkeypatch.setattr(Connection, "execute", statement)
    _RECORDS.clear()
    monkeypatch.setattr(engine().dialect, "name", "postgresql")  # any other database
    assert get_records(ids, max_age=60.0) == cursor
    assert sorted(cursor) == sorted(known) and len(known) == 700
