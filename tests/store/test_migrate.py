"""Schema migrations: a store of the previous schema upgrades in place, keeping its data and
its audit chain, and the migrations always create exactly what `store/db.py` declares."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, insert, inspect, select, text
from sqlalchemy.exc import DBAPIError

from clearance.store import audit
from clearance.store.db import (
    active_versions,
    alert_events,
    alerts,
    api_keys,
    book_entries,
    engine,
    entities,
    metadata,
    reset_engines,
    versions,
)
from clearance.store.migrate import HEAD, alembic_config, current_revision, upgrade


def _baseline_store(url: str, pre_alembic: bool) -> None:
    """A store as the previous schema made it, holding lists, a book, an alert, a key and
    an audit chain; `pre_alembic`: as `create_all` left it, without `alembic_version`."""
    eng = create_engine(url)
    upgrade(eng, "0001")
    with eng.begin() as conn:
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
        if pre_alembic:
            conn.execute(text("DROP TABLE alembic_version"))
    eng.dispose()


def _snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    eng = create_engine(url)
    with eng.connect() as conn:
        tables = sorted(t for t in inspect(conn).get_table_names() if t != "alembic_version")
        out = {t: sorted(tuple(str(v) for v in r) for r in conn.execute(text(f"SELECT * FROM {t}")))
               for t in tables}
    eng.dispose()
    return out


def _check_upgrade(url: str, pre_alembic: bool) -> None:
    _baseline_store(url, pre_alembic)
    before = _snapshot(url)
    reset_engines()
    eng = engine()  # the first use migrates
    assert current_revision(eng) == HEAD
    after = _snapshot(url)
    assert {t: after[t] for t in before} == before  # every row of every table, unchanged
    assert set(after) == set(metadata.tables)
    result = audit.verify()
    assert result.ok and result.records == 4
    with pytest.raises(DBAPIError), eng.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"))
    audit.record("ops", "key.create", {"key_id": 2})  # the chain goes on after the upgrade
    assert audit.verify().ok and audit.verify().records == 5


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


@pytest.mark.parametrize("pre_alembic", [True, False], ids=["created-before-alembic", "at-0001"])
def test_a_sqlite_store_of_the_previous_schema_upgrades_in_place(home: Path,
                                                                 pre_alembic: bool) -> None:
    home.mkdir(parents=True, exist_ok=True)
    _check_upgrade(f"sqlite:///{home / 'clearance.db'}", pre_alembic)


def test_a_postgres_store_of_the_previous_schema_upgrades_in_place(
        home: Path, pg_database: str) -> None:
    os.environ["CLEARANCE_DATABASE_URL"] = pg_database
    try:
        _check_upgrade(pg_database, pre_alembic=True)
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
