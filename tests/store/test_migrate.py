"""Schema migrations: a store of a previous schema (the baseline; revision 0003, as the
scale-out branch left it; main's before migrations were merged) upgrades in place, keeping
its data and its audit chain, the application works on it, and the migrations always
create exactly what `store/db.py` declares."""

from __future__ import annotations

import io
import json
import multiprocessing as mp
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, insert, inspect, select, text
from sqlalchemy.exc import DBAPIError

from clearance.monitor import lock
from clearance.screening.jobs import claim, get_job, submit
from clearance.store import audit, signing
from clearance.store.db import (
    active_versions,
    alert_assignments,
    alert_comments,
    alert_events,
    alert_proposals,
    alerts,
    api_keys,
    audit_checkpoints,
    audit_log,
    book_entries,
    engine,
    entities,
    file_book_state,
    metadata,
    monitor_cycles,
    portfolio_constituents,
    portfolio_holdings,
    portfolio_state,
    reset_engines,
    screening_jobs,
    users,
    versions,
    web_sessions,
    whatif_scenarios,
)
from clearance.store.migrate import HEAD, alembic_config, current_revision, upgrade
from clearance.store.users import authenticate, create_user, get_session, start_session


def _chain_and_lists(conn: Connection) -> None:
    """Rows every store of a previous schema holds: lists, a book, an alert, a key, and an
    audit chain of four records."""
    conn.execute(insert(versions).values(
        id=1, dataset="us_ofac_sdn", version=1, published="2023-12-01",
        loaded_at="2026-11-01T00:00:00+00:00", files={"sdn.csv": "abc"}, origin="test",
        entity_count=1, warnings=[]))
    conn.execute(insert(active_versions).values(dataset="us_ofac_sdn", version_id=1,
                                                activated_at="2026-11-01T00:00:00+00:00"))
    conn.execute(insert(entities).values(
        version_id=1, entity_id="us_ofac_sdn-1", source_id="1", schema="Person",
        caption="DOE, John", digest="d" * 40,
        data=json.dumps({"properties": {"name": ["DOE, John"]}})))
    conn.execute(insert(book_entries).values(
        id="c1", name="John Doe", schema="Person", data="{}", digest="b" * 40,
        created_at="2026-11-02", updated_at="2026-11-02", screened_digest=None))
    conn.execute(insert(alerts).values(
        id=1, book_id="c1", entity_id="us_ofac_sdn-1", dataset="us_ofac_sdn", source_id="1",
        list_name="DOE, John", score=0.97, status="open", opened_at="2026-11-02",
        updated_at="2026-11-02", book_digest="b" * 40, entity_digest="d" * 40,
        result="{}"))
    conn.execute(insert(alert_events).values(alert_id=1, at="2026-11-02", actor="monitor",
                                             status="open", reason="new match", changes={}))
    conn.execute(insert(api_keys).values(name="ops", scope="admin", key_hash="h" * 64,
                                         created_at="2026-11-02", revoked=False))
    for i in range(4):
        audit.append(conn, "ana", "alert.decide", {"alert_id": 1, "step": i})


def _baseline_store(url: str, pre_alembic: bool, _keys: Path) -> None:
    """A store as the baseline schema made it, holding lists, a book, an alert, a key and
    an audit chain; `pre_alembic`: as `create_all` left it, without `alembic_version`."""
    eng = create_engine(url)
    upgrade(eng, "0001")
    with eng.begin() as conn:
        _chain_and_lists(conn)
        if pre_alembic:
            conn.execute(text("DROP TABLE alembic_version"))
    eng.dispose()


def _i13_store(url: str, _pre_alembic: bool, _keys: Path) -> None:
    """A store at revision 0003, as the scale-out branch made it before main's tables were
    migrated: lists, a book, an alert, a key, an audit chain, the state of a book kept as
    files (0002) and a screening job claimed by a runner (0003)."""
    eng = create_engine(url)
    upgrade(eng, "0003")
    with eng.begin() as conn:
        _chain_and_lists(conn)
        conn.execute(insert(file_book_state).values(
            book="/data/book.parquet", dataset="us_ofac_sdn", version_id=1, at="2026-11-02"))
        conn.execute(text(
            "INSERT INTO screening_jobs (id, filename, path, status, threshold, result_limit, "
            "created_at, updated_at, rows_done, rows_alerted, rows_failed, claimed_by, "
            "heartbeat) VALUES ('" + "k" * 36 + "', 'book.csv', '/tmp/book.csv', 'done', '0.8', "
            "5, '2026-11-02', '2026-11-02', 3, 1, 0, 'host-a:41', '2026-11-02')"))
    eng.dispose()


def _revision(rev: str) -> Any:
    script = ScriptDirectory.from_config(alembic_config())  # type: ignore[arg-type]
    return script.get_revision(rev).module


def _main_store(url: str, _pre_alembic: bool, keys: Path) -> None:
    """A store as main made it before migrations were merged: `create_all` of its tables
    and its audit triggers (no `alembic_version`, no Spark book state, no job claims),
    holding rows in the web UI, portfolio, job and cycle tables, an audit chain and a
    signed checkpoint of it."""
    eng = create_engine(url)
    metadata.create_all(eng)
    with eng.begin() as conn:
        for rev in ("0001", "0004"):  # main's trigger statements, split over the two
            for statement in _revision(rev).APPEND_ONLY[conn.dialect.name]:
                conn.execute(text(statement))
        # what migrations 0002 and 0003 add, main never had
        conn.execute(text("DROP TABLE file_book_state"))
        for column in ("claimed_by", "heartbeat"):
            conn.execute(text(f"ALTER TABLE screening_jobs DROP COLUMN {column}"))
        _chain_and_lists(conn)
        made = conn.execute(insert(users).values(
            name="ana", role="analyst", password_hash="!", created_at="2026-11-02",
            disabled=False, failed_logins=0, locked_until=None)).inserted_primary_key
        assert made is not None
        conn.execute(insert(web_sessions).values(
            token_hash="t" * 64, user_id=made[0], csrf="c" * 64, created_at="2026-11-02",
            expires_at="2026-11-03"))
        conn.execute(insert(alert_proposals).values(
            alert_id=1, batch=None, decision="false_positive", reason_code="other-person",
            reason="another John Doe", proposed_by="ana", proposed_at="2026-11-02",
            state="pending"))
        conn.execute(insert(alert_comments).values(alert_id=1, at="2026-11-02", author="ana",
                                                   text="asked the branch"))
        conn.execute(insert(alert_assignments).values(alert_id=1, assignee="ana",
                                                      at="2026-11-02"))
        conn.execute(insert(whatif_scenarios).values(
            name="if X is listed", created_by="ana", created_at="2026-11-02",
            params={"designate": "X"}, result={"hits": []}))
        conn.execute(insert(portfolio_holdings).values(
            id="h1", isin="US0000000001", cusip="000000000", issuer="ACME", security="ACME 1",
            data="{}", digest="p" * 40, origin="test", created_at="2026-11-02",
            updated_at="2026-11-02", status="clear", entity_id=None, result="{}",
            screened_digest="p" * 40))
        conn.execute(insert(portfolio_constituents).values(
            fund="F1", data="{}", origin="test", imported_at="2026-11-02"))
        conn.execute(insert(portfolio_state).values(
            dataset="us_ofac_cons", version_id=1, at="2026-11-02", as_of="2026-11-02"))
        conn.execute(insert(screening_jobs).values(
            id="j" * 36, filename="holdings.csv", path="/tmp/holdings.csv", status="done",
            threshold=0.8, result_limit=5, created_at="2026-11-02", updated_at="2026-11-02",
            rows_done=1, rows_alerted=0, rows_failed=0, error=None, kind="portfolio",
            options={"as_of": "2026-11-02"}))
        conn.execute(insert(monitor_cycles).values(
            started_at="2026-11-02", holder="pid 1 on host", status="done",
            finished_at="2026-11-02"))
        head = conn.execute(select(audit_log.c.seq, audit_log.c.hash)
                            .order_by(audit_log.c.seq.desc()).limit(1)).one()
        signing.generate_key(keys / "audit.pem")
        private = signing.load_private_key(keys / "audit.pem")
        cp = signing.sign(private, head.seq, head.hash, "2026-11-02T00:00:00+00:00")
        conn.execute(insert(audit_checkpoints).values(seq=cp.seq, hash=cp.hash, at=cp.at,
                                                      key_id=cp.key_id, signature=cp.signature))
    eng.dispose()


def _snapshot(url: str) -> dict[str, list[dict[str, str]]]:
    eng = create_engine(url)
    with eng.connect() as conn:
        tables = sorted(t for t in inspect(conn).get_table_names() if t != "alembic_version")
        out = {t: sorted(({k: str(v) for k, v in r._mapping.items()} for r in
                          conn.execute(text(f"SELECT * FROM {t}"))), key=str)
               for t in tables}
    eng.dispose()
    return out


def _check_upgrade(url: str, make: Callable[[str, bool, Path], None], pre_alembic: bool,
                   keys: Path) -> None:
    make(url, pre_alembic, keys)
    before = _snapshot(url)
    reset_engines()
    eng = engine()  # the first use migrates
    assert current_revision(eng) == HEAD
    after = _snapshot(url)
    # every row of every table, unchanged (in the columns it had: added ones hold defaults)
    kept = {t: sorted(({k: r[k] for k in before[t][0]} for r in after[t]), key=str)
            if before[t] else after[t] for t in before}
    assert kept == before
    assert set(after) == set(metadata.tables)
    assert _drift(eng) == []
    public = (signing.load_public_key(signing.public_path(keys / "audit.pem"))
              if (keys / "audit.pem").exists() else None)
    result = audit.verify(public_key=public)
    assert result.ok and result.records == 4
    assert (result.checkpoint is not None) == (public is not None)  # signed, and it holds
    for refused in ("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2",
                    # out of the chain: main's audit_log_extend trigger, on every store now
                    ("INSERT INTO audit_log (seq, at, actor, action, detail, prev_hash, hash) "
                     f"VALUES (9, 'x', 'x', 'x', '{{}}', '{'0' * 64}', '{'f' * 64}')")):
        with pytest.raises(DBAPIError), eng.begin() as conn:
            conn.execute(text(refused))
    audit.record("ops", "key.create", {"key_id": 2})  # the chain goes on after the upgrade
    assert audit.verify().ok and audit.verify().records == 5
    _app_works()
    with eng.begin() as conn:  # a checkpoint row, then no way to remove it
        conn.execute(insert(audit_checkpoints).values(seq=5, hash="h", at="now", key_id="k",
                                                      signature="s"))
    with pytest.raises(DBAPIError), eng.begin() as conn:
        conn.execute(text("DELETE FROM audit_checkpoints"))


def _app_works() -> None:
    """What main's tables serve works on the upgraded store: web UI users and sessions, a
    monitoring cycle under the lock and in the register, a screening job of a kind with
    options, claimed by a runner; the audit chain stays whole throughout."""
    user = create_user("rui", "analyst", "a long enough password", actor="ops")
    assert authenticate("rui", "a long enough password").name == "rui"
    token, _ = start_session(user)
    assert get_session(token) is not None
    with lock.cycle_lock():
        run = lock.begin()
        lock.finish(run)
    job = submit("holdings.jsonl", io.BytesIO(b'{"id": "h", "isin": "US0000000001"}\n'),
                 0.8, 3, kind="portfolio", options={"as_of": "2026-11-28"})
    assert claim(job.id, "host-b:7") and get_job(job.id).status == "running"
    with engine().connect() as conn:
        assert conn.execute(select(monitor_cycles.c.status)
                            .where(monitor_cycles.c.id == run.id)).scalar() == "done"
        got = conn.execute(select(screening_jobs.c.kind, screening_jobs.c.options,
                                  screening_jobs.c.claimed_by)
                           .where(screening_jobs.c.id == job.id)).one()
    assert tuple(got) == ("portfolio", {"as_of": "2026-11-28"}, "host-b:7")
    assert audit.verify().ok


def _drift(eng: Engine) -> list[Any]:
    with eng.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": (
            lambda name, type_, _p: not (type_ == "table" and name == "alembic_version"))})
        return list(compare_metadata(ctx, metadata))


def test_head_names_the_newest_migration() -> None:
    script = ScriptDirectory.from_config(alembic_config())  # type: ignore[arg-type]
    assert script.get_heads() == [HEAD]


def test_migrations_create_exactly_the_declared_tables_on_sqlite(tmp_path: Path) -> None:
    eng = create_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    upgrade(eng)
    # a table, column, index or type added to store/db.py without a migration shows here
    assert _drift(eng) == []


def test_migrations_create_exactly_the_declared_tables_on_postgres(pg_database: str) -> None:
    eng = create_engine(pg_database)
    upgrade(eng)
    assert _drift(eng) == []
    eng.dispose()


def test_a_table_declared_without_a_migration_is_reported(tmp_path: Path) -> None:
    from sqlalchemy import Column, Integer, Table

    eng = create_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    upgrade(eng)
    extra = Table("not_migrated", metadata, Column("id", Integer, primary_key=True))
    try:
        assert [d[0] for d in _drift(eng)] == ["add_table"]
    finally:
        metadata.remove(extra)


STORES = [pytest.param(_baseline_store, True, id="baseline-created-before-alembic"),
          pytest.param(_baseline_store, False, id="baseline-at-0001"),
          pytest.param(_main_store, True, id="main-created-by-create-all"),
          pytest.param(_i13_store, False, id="scale-out-at-0003")]


@pytest.mark.parametrize(("make", "pre_alembic"), STORES)
def test_a_sqlite_store_of_a_previous_schema_upgrades_in_place(
        home: Path, tmp_path: Path, make: Callable[[str, bool, Path], None],
        pre_alembic: bool) -> None:
    home.mkdir(parents=True, exist_ok=True)
    _check_upgrade(f"sqlite:///{home / 'clearance.db'}", make, pre_alembic, tmp_path / "keys")


@pytest.mark.parametrize(("make", "pre_alembic"), [STORES[0], STORES[2], STORES[3]])
def test_a_postgres_store_of_a_previous_schema_upgrades_in_place(
        home: Path, tmp_path: Path, pg_database: str, make: Callable[[str, bool, Path], None],
        pre_alembic: bool) -> None:
    os.environ["CLEARANCE_DATABASE_URL"] = pg_database
    try:
        _check_upgrade(pg_database, make, pre_alembic, tmp_path / "keys")
    finally:
        os.environ.pop("CLEARANCE_DATABASE_URL", None)
        reset_engines()


def _open_store(url: str) -> str | None:
    eng = create_engine(url)
    upgrade(eng)
    return current_revision(eng)


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_instances_starting_together_migrate_the_store_once(
        tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> None:
    url = (f"sqlite:///{tmp_path / 'shared.db'}" if backend == "sqlite"
           else request.getfixturevalue("pg_database"))
    with mp.get_context("spawn").Pool(4) as pool:
        assert pool.map(_open_store, [url] * 4) == [HEAD] * 4
    eng = create_engine(url)
    with eng.connect() as conn:
        assert conn.execute(select(text("count(*)")).select_from(text("alembic_version"))
                            ).scalar() == 1
    assert _drift(eng) == []
    eng.dispose()
