"""The audit log is append-only and hash-chained: any edit or deletion is found and named."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from clearance.store import audit
from clearance.store.db import engine
from clearance.store.keys import create_key, revoke_key


def _db(home: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(home / "clearance.db")
    conn.execute("DROP TRIGGER audit_log_no_update")  # an attacker with file access
    conn.execute("DROP TRIGGER audit_log_no_delete")
    return conn


def _fill() -> None:
    key, _ = create_key("analyst", "screen", actor="admin")
    revoke_key(key.id, actor="admin")
    for i in range(3):
        audit.record("ana", "alert.decide", {"alert_id": i, "to": "false_positive"})


def test_key_changes_and_records_chain_and_verify(home: Path) -> None:
    _fill()
    records = list(audit.iter_records())
    assert [r.action for r in records[:2]] == ["key.create", "key.revoke"]
    assert records[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(records, records[1:]))
    assert audit.verify().ok and audit.verify().records == 5


def test_the_database_refuses_updates_and_deletes(home: Path) -> None:
    _fill()
    with pytest.raises(DBAPIError), engine().begin() as conn:
        conn.exec_driver_sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2")
    with pytest.raises(DBAPIError), engine().begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_log WHERE seq = 2")
    assert audit.verify().ok


def test_an_edited_record_is_named(home: Path) -> None:
    _fill()
    with _db(home) as conn:
        conn.execute("UPDATE audit_log SET detail = '{\"alert_id\":1,\"to\":\"true_match\"}' "
                     "WHERE seq = 4")
    result = audit.verify()
    assert not result.ok and result.broken_seq == 4 and "hash" in (result.problem or "")


def test_a_deleted_record_is_named(home: Path) -> None:
    _fill()
    with _db(home) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq = 3")
    result = audit.verify()
    assert not result.ok and result.broken_seq == 3 and "missing" in (result.problem or "")


def test_records_deleted_from_the_end_are_found_through_the_head_file(home: Path) -> None:
    _fill()
    with _db(home) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq >= 4")
    result = audit.verify()
    assert not result.ok and result.broken_seq == 4 and "deleted" in (result.problem or "")


def test_a_rolled_back_action_leaves_no_record(home: Path) -> None:
    _fill()
    with pytest.raises(RuntimeError), engine().begin() as conn:
        audit.append(conn, "ana", "alert.decide", {"alert_id": 9})
        raise RuntimeError("the action failed")
    assert audit.verify().ok and audit.verify().records == 5


def _append_many(args: tuple[str, int]) -> int:
    home, worker = args
    import os

    os.environ["CLEARANCE_HOME"] = home
    from clearance.store import audit as log

    failures = 0
    for i in range(150):
        try:
            log.record(f"worker-{worker}", "test.append", {"i": i})
        except Exception:  # noqa: BLE001 - counting every failure is the point
            failures += 1
    return failures


def test_concurrent_writers_never_fork_the_chain(home: Path) -> None:
    import multiprocessing as mp

    audit.record("init", "test.start", {})
    with mp.get_context("spawn").Pool(4) as pool:
        failures = pool.map(_append_many, [(str(home), w) for w in range(4)])
    assert failures == [0, 0, 0, 0]
    result = audit.verify()
    assert result.ok and result.records == 601
