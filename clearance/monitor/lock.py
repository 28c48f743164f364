"""One monitoring cycle at a time, across processes, API instances and hosts on one store.

- PostgreSQL: a session advisory lock (`pg_try_advisory_lock`) held on a connection of its
  own for the whole cycle. The server drops it when that connection ends, so a killed
  process never leaves it behind.
- SQLite: a POSIX record lock (`lockf`) on a file beside the database. The kernel drops it
  when the process dies. (SQLite stores live on one host, which is where lockf works.)

Worker processes forked during a cycle must not keep a dead cycle's lock: POSIX record
locks are not inherited across fork, and a forked child's copy of the PostgreSQL lock
connection's socket is pointed at /dev/null (`os.register_at_fork`), so orphaned workers
of a killed cycle do not keep the server's session, and its lock, alive.

The `monitor_cycles` table records each cycle (holder, start, status). A cycle that finds
an earlier one still marked "running" while it holds the lock knows that one was killed:
it marks it "interrupted" and takes over reporting the alerts that one changed.
"""

from __future__ import annotations

import fcntl
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, Engine, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from clearance import settings
from clearance.exc import Busy
from clearance.store.db import engine, monitor_cycles, utc_now

__all__ = ["CycleRun", "begin", "cycle_lock", "finish", "holder"]

#: The advisory lock's two keys: "Clea"(rance) and 1, the monitoring cycle.
PG_KEYS = {"k1": 0x436C6561, "k2": 1}
POLL = 0.2  # seconds between attempts while waiting
_in_process = threading.Lock()  # record locks do not exclude threads of one process
_inherited: set[int] = set()  # sockets a forked child must not keep open


def _blind_children() -> None:
    """In a forked child: point the lock connection's socket at /dev/null."""
    if not _inherited:
        return
    null = os.open(os.devnull, os.O_RDWR)
    for fd in _inherited:
        os.dup2(null, fd)
    os.close(null)
    _inherited.clear()


os.register_at_fork(after_in_child=_blind_children)


@dataclass
class CycleRun:
    """The running cycle's row, and the cycles found killed before it: (started, holder)."""

    id: int
    started_at: str
    interrupted: list[tuple[str, str]] = field(default_factory=list)


def holder() -> str:
    """Who runs this cycle, as told to whoever finds the lock taken."""
    return f"pid {os.getpid()} on {socket.gethostname()}"


def _lock_file(eng: Engine) -> Path:
    database = eng.url.database
    if database is None or database in ("", ":memory:"):
        return settings.home() / "monitor.lock"
    path = Path(database)
    return path.with_name(path.name + ".monitor.lock")


def _running() -> str:
    """What the `monitor_cycles` table says about the cycle that holds the lock."""
    with engine().connect() as conn:
        row = conn.execute(select(monitor_cycles).where(monitor_cycles.c.status == "running")
                           .order_by(monitor_cycles.c.id.desc()).limit(1)).first()
    return "" if row is None else f" ({row.holder}, since {row.started_at})"


def _poll(attempt: Callable[[], bool], deadline: float) -> bool:
    while True:
        if attempt():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(POLL)


@contextmanager
def _postgres(eng: Engine, deadline: float) -> Iterator[bool]:
    conn: Connection = eng.connect().execution_options(isolation_level="AUTOCOMMIT")
    got = False
    try:
        got = _poll(lambda: bool(conn.execute(text("SELECT pg_try_advisory_lock(:k1, :k2)"),
                                              PG_KEYS).scalar()), deadline)
        fd = conn.connection.dbapi_connection.fileno() if got else -1  # type: ignore[union-attr]
        if got:
            _inherited.add(fd)
        try:
            yield got
        finally:
            _inherited.discard(fd)
    finally:
        try:
            if got:
                conn.execute(text("SELECT pg_advisory_unlock(:k1, :k2)"), PG_KEYS)
        except DBAPIError:
            conn.invalidate()  # the session is gone, and its lock with it
        conn.close()


@contextmanager
def _file(path: Path, deadline: float) -> Iterator[bool]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fh: IO[bytes] = open(path, "ab")  # noqa: SIM115 - held for the whole cycle
    try:
        def attempt() -> bool:
            try:
                fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return False
            return True

        yield _poll(attempt, deadline)
    finally:
        fh.close()  # closing releases the record lock


@contextmanager
def cycle_lock(wait: float = 0.0) -> Iterator[None]:
    """Hold the store's monitoring lock, waiting up to `wait` seconds; else `Busy`."""
    deadline = time.monotonic() + max(0.0, wait)
    if not _in_process.acquire(timeout=max(0.0, wait)):
        raise Busy("another monitoring cycle is running in this process")
    try:
        eng = engine()
        hold = (_postgres(eng, deadline) if eng.dialect.name == "postgresql"
                else _file(_lock_file(eng), deadline))
        with hold as got:
            if not got:
                waited = f" after waiting {wait:g} s" if wait > 0 else ""
                raise Busy(f"another monitoring cycle is running{_running()}; still held"
                           f"{waited}: try again later, or pass --wait SECONDS")
            yield
    finally:
        _in_process.release()


def begin() -> CycleRun:
    """Record this cycle as running (call with the lock held); earlier "running" rows died."""
    now = utc_now()
    with engine().begin() as conn:
        dead = conn.execute(select(monitor_cycles.c.id, monitor_cycles.c.started_at,
                                   monitor_cycles.c.holder)
                            .where(monitor_cycles.c.status == "running")
                            .order_by(monitor_cycles.c.id)).all()
        if dead:
            conn.execute(update(monitor_cycles).where(monitor_cycles.c.id.in_([d.id for d in dead]))
                         .values(status="interrupted"))
        new = conn.execute(insert(monitor_cycles).values(
            started_at=now, holder=holder(), status="running")).inserted_primary_key
    assert new is not None
    return CycleRun(int(new[0]), now, [(d.started_at, d.holder) for d in dead])


def finish(run: CycleRun) -> None:
    """Mark the cycle done (after its alerts are committed and its notifications sent)."""
    with engine().begin() as conn:
        conn.execute(update(monitor_cycles).where(monitor_cycles.c.id == run.id)
                     .values(status="done", finished_at=utc_now()))
