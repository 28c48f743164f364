"""The store on PostgreSQL: a real server started on a Unix socket by the suite (pgserver).

The same operations as on SQLite: versioned loads and diff, the append-only audit chain,
API keys, the counterparty book and a monitoring cycle across the two SDN snapshots.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from clearance.store.db import reset_engines
from tests.conftest import LISTS, new_pg_database


@pytest.fixture(scope="module")
def postgres(pg_cluster: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = new_pg_database(pg_cluster)
    previous = {k: os.environ.get(k) for k in ("CLEARANCE_DATABASE_URL", "CLEARANCE_HOME")}
    os.environ["CLEARANCE_DATABASE_URL"] = url
    os.environ["CLEARANCE_HOME"] = str(tmp_path_factory.mktemp("pg_home"))
    reset_engines()
    yield url
    for key, value in previous.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    reset_engines()


def test_loads_diff_audit_keys_book_and_monitoring_on_postgres(postgres: str,
                                                               tmp_path: Path) -> None:
    from clearance.monitor.alerts import decide, list_alerts
    from clearance.monitor.book import import_book
    from clearance.monitor.cycle import run_cycle
    from clearance.store import audit, diff
    from clearance.store.db import engine
    from clearance.store.keys import check_key, create_key
    from clearance.store.load import load_paths

    assert engine().dialect.name == "postgresql"
    (first,) = load_paths([LISTS / "ofac_sdn"])
    assert first.error is None and first.version is not None
    assert first.version.entity_count == 13821

    book = tmp_path / "book.jsonl"
    book.write_text("\n".join(json.dumps(r) for r in [
        {"id": "p1", "name": "Jhon Eidelber Cano Correa", "schema": "Person"},
        {"id": "p2", "name": "Company Group Structura LLC", "schema": "Company"},
        {"id": "p3", "name": "Nordwind Bakery GmbH", "schema": "Company"}]), encoding="utf-8")
    assert import_book(book).added == 3
    assert [a.book_id for a in run_cycle().outcome.opened] == ["p1"]

    (second,) = load_paths([LISTS / "ofac_sdn_20240503"])
    assert second.error is None
    d = diff("us_ofac_sdn")
    assert (len(d.added), len(d.removed), len(d.changed)) == (1256, 112, 11967)
    delta = run_cycle()
    assert [a.book_id for a in delta.outcome.opened] == ["p2"]
    (alert,) = list_alerts(book_id="p1")
    assert decide(alert.id, "true_match", "checked", "ana").status == "true_match"

    _, secret = create_key("pg", "read")
    assert check_key(secret) is not None
    assert audit.verify().ok
    actions = [r.action for r in audit.iter_records()]
    assert actions.count("list.load") == 2 and "alert.decide" in actions
    with pytest.raises(DBAPIError), engine().begin() as conn:
        conn.exec_driver_sql("UPDATE audit_log SET actor = 'mallory'")


def _ensure_loaded() -> None:
    from clearance.store import active_version_ids
    from clearance.store.load import load_paths

    if not active_version_ids():
        assert [r.error for r in load_paths([LISTS / "ofac_sdn"])] == [None]


def test_the_audit_log_refuses_upserts_truncate_and_out_of_chain_inserts_on_postgres(
        postgres: str) -> None:
    from clearance.store import audit
    from clearance.store.db import engine

    audit.record("ana", "test.pg", {"n": 1})
    last = list(audit.iter_records())[-1]
    insert = "INSERT INTO audit_log (seq, at, actor, action, detail, prev_hash, hash) VALUES "
    forged = "'f' || repeat('0', 63)"
    attempts = [
        (f"{insert} ({last.seq}, 'now', 'x', 'x', '{{}}', '{last.prev_hash}', {forged}) "
         "ON CONFLICT (seq) DO UPDATE SET actor = 'x'"),
        f"{insert} ({last.seq + 1}, 'now', 'x', 'x', '{{}}', repeat('0', 64), {forged})",
        f"{insert} ({last.seq + 2}, 'now', 'x', 'x', '{{}}', '{last.hash}', {forged})",
        "TRUNCATE audit_log",
        "DELETE FROM audit_log",
        "TRUNCATE audit_checkpoints",
        "DELETE FROM audit_checkpoints",
    ]
    for sql in attempts:
        with pytest.raises(DBAPIError, match="append-only"), engine().begin() as conn:
            conn.exec_driver_sql(sql)
    assert list(audit.iter_records())[-1] == last
    assert audit.record("ana", "test.pg", {"n": 2}) == last.seq + 1


def _advisory_locks() -> int:
    from clearance.monitor.lock import PG_KEYS
    from clearance.store.db import engine

    with engine().connect() as conn:
        return int(conn.exec_driver_sql(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND "
            f"classid = {PG_KEYS['k1']} AND objid = {PG_KEYS['k2']}").scalar() or 0)


def test_one_cycle_at_a_time_through_an_advisory_lock_on_postgres(postgres: str) -> None:
    import signal

    from clearance.exc import Busy
    from clearance.monitor import lock
    from clearance.monitor.cycle import run_cycle
    from tests.monitor.test_lock import HOLD, HOLD_AND_FORK, holder

    _ensure_loaded()
    proc, _ = holder(HOLD, "120")
    try:
        assert _advisory_locks() == 1
        with pytest.raises(Busy, match=f"pid {proc.pid} on "):
            run_cycle(wait=0.5)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    report = run_cycle(wait=30)  # the server dropped the dead session's lock
    assert str(proc.pid) in " ".join(r["holder"] for r in report.resumed)
    assert _advisory_locks() == 0

    proc, said = holder(HOLD_AND_FORK)
    child = int(said[1])
    try:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        os.kill(child, 0)  # the forked worker lives on, holding a copy of the socket
        with lock.cycle_lock(wait=30):
            assert _advisory_locks() == 1
    finally:
        os.kill(child, signal.SIGKILL)


def test_a_cycle_killed_midway_on_postgres_is_completed_by_the_next(postgres: str,
                                                                    tmp_path: Path) -> None:
    from tests.monitor.test_cycle import killed_cycle_is_completed

    _ensure_loaded()
    killed_cycle_is_completed(tmp_path)
