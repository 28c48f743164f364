"""Shared fixtures. Data comes from ../shared (never copied into the repository).

- `lists_dir`: the real official list files (../shared/data/lists).
- `home`: an empty, temporary CLEARANCE_HOME for one test (its audit signing key path,
  CLEARANCE_SIGNING_KEY, is beside it and holds no key until a test creates one).
- `loaded_home`: one temporary home per session with all bundled lists loaded and the
  index built (about 15 s, paid once); tests that only read use it.
- `index`: the candidate index of that session home.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance.index.build import Index
from clearance.store.db import reset_engines

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
LISTS = SHARED / "data" / "lists"
BUNDLED = ["ofac_sdn", "ofac_consolidated", "trade_csl", "bis_dpl", "un_sc"]


def _use_home(path: Path) -> None:
    os.environ["CLEARANCE_HOME"] = str(path)
    os.environ.pop("CLEARANCE_DATABASE_URL", None)
    # the audit signing key of a test home sits beside it, never in the user's ~/.config
    os.environ["CLEARANCE_SIGNING_KEY"] = str(path.parent / f"{path.name}-keys" / "audit.pem")
    os.environ.pop("CLEARANCE_CHECKPOINT_DIR", None)
    reset_engines()


@pytest.fixture
def lists_dir() -> Path:
    return LISTS


@pytest.fixture(scope="session")
def session_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from clearance.index.store import ensure_index
    from clearance.store.load import load_paths

    home = tmp_path_factory.mktemp("loaded_home")
    _use_home(home)
    results = load_paths([LISTS / d for d in BUNDLED])
    assert all(r.error is None for r in results), [r.error for r in results]
    ensure_index()
    return home


@pytest.fixture
def loaded_home(session_home: Path) -> Iterator[Path]:
    previous = os.environ.get("CLEARANCE_HOME")
    _use_home(session_home)
    yield session_home
    if previous is not None and previous != str(session_home):
        _use_home(Path(previous))


@pytest.fixture
def index(loaded_home: Path) -> Index:
    from clearance.index.store import ensure_index

    return ensure_index()


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    previous = os.environ.get("CLEARANCE_HOME")
    _use_home(tmp_path / "home")
    yield tmp_path / "home"
    if previous is not None:
        _use_home(Path(previous))


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Path]:
    """One PostgreSQL server for the session (pgserver, Unix socket in its data folder);
    each test that uses it makes its own database with `pg_database`.

    The data folder is not under pytest's temporary root: run as root, pgserver runs the
    server as its own user, and every pytest session that starts meanwhile (another
    checkout's included) resets that root to mode 0700, which locks the server out.
    """
    import shutil
    import tempfile

    import pgserver

    data = Path(tempfile.mkdtemp(prefix="clearance-pg-"))
    server = pgserver.get_server(data, cleanup_mode="stop")  # type: ignore[attr-defined]
    yield data
    server.cleanup()
    shutil.rmtree(data, ignore_errors=True)


def new_pg_database(cluster: Path) -> str:
    """The URL of a new, empty PostgreSQL database on the session's server."""
    import uuid

    from sqlalchemy import create_engine

    name = "t" + uuid.uuid4().hex[:12]
    admin = create_engine(f"postgresql+psycopg://postgres:@/postgres?host={cluster}",
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    admin.dispose()
    return f"postgresql+psycopg://postgres:@/{name}?host={cluster}"


@pytest.fixture
def pg_database(pg_cluster: Path) -> str:
    """The URL of a new, empty PostgreSQL database on the session's server."""
    return new_pg_database(pg_cluster)
