"""Another writer holding the SQLite store: the API answers 503 with Retry-After, the
command line says so and exits 75, and nothing is half-written."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from clearance.store.db import engine, reset_engines
from tests.api.conftest import Server

CLEARANCE = str(Path(sys.executable).parent / "clearance")


@pytest.fixture
def busy_home(home: Path) -> Iterator[Path]:
    """An empty store whose writers wait one second for a lock."""
    os.environ["CLEARANCE_BUSY_TIMEOUT"] = "1"
    reset_engines()
    engine()  # tables exist
    yield home
    del os.environ["CLEARANCE_BUSY_TIMEOUT"]
    reset_engines()


def hold_write_lock(home: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(home / "clearance.db", isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    return conn


def test_a_write_while_another_holds_the_store_is_503_and_writes_nothing(
        busy_home: Path) -> None:
    server = Server(open_access=True)
    lock = hold_write_lock(busy_home)
    try:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            start = time.perf_counter()
            res = client.post("/book", json=[{"id": "c1", "name": "Acme Trading"}])
            waited = time.perf_counter() - start
            assert res.status_code == 503 and int(res.headers["Retry-After"]) >= 1
            assert "store is busy" in res.json()["detail"] and waited >= 0.9
            assert client.get("/book").status_code == 200  # readers are not blocked
            lock.execute("ROLLBACK")
            assert client.get("/book/c1").status_code == 404  # nothing half-written
            assert client.post("/book", json=[{"id": "c1", "name": "Acme Trading"}]
                               ).status_code == 200  # the retry Retry-After asks for
            assert client.get("/book/c1").json()["name"] == "Acme Trading"
    finally:
        lock.close()
        server.stop()


def test_the_command_line_says_the_store_is_busy_and_changes_nothing(busy_home: Path,
                                                                     tmp_path: Path) -> None:
    book = tmp_path / "book.csv"
    book.write_text("id,name\nc1,Acme Trading\nc2,Globex\n", encoding="utf-8")
    lock = hold_write_lock(busy_home)
    try:
        run = subprocess.run([CLEARANCE, "book", "import", str(book)], capture_output=True,
                             text=True, env={**os.environ}, timeout=120)
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    assert run.returncode == 75, run.stderr
    assert "store is busy" in run.stderr and "nothing was written" in run.stderr
    assert "Traceback" not in run.stderr
    with sqlite3.connect(busy_home / "clearance.db") as conn:
        assert conn.execute("SELECT count(*) FROM book_entries").fetchone() == (0,)


def test_api_writes_during_a_long_import_get_503_or_200_never_500(busy_home: Path,
                                                                  tmp_path: Path) -> None:
    rows = 150_000
    book = tmp_path / "big.csv"
    with open(book, "w", encoding="utf-8") as fh:
        fh.write("id,name,country\n")
        for i in range(rows):
            fh.write(f"b{i},Customer Number {i} Trading,de\n")
    importer = subprocess.Popen([CLEARANCE, "book", "import", str(book)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "CLEARANCE_BUSY_TIMEOUT": "60"})
    probe = sqlite3.connect(busy_home / "clearance.db", timeout=0, isolation_level=None)
    deadline = time.time() + 120
    while time.time() < deadline and importer.poll() is None:  # until the import writes
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            time.sleep(0.05)
        except sqlite3.OperationalError:
            break
    probe.close()
    server = Server(open_access=True)
    answers: dict[str, int] = {}

    def write(n: int) -> None:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            res = client.post("/book", json=[{"id": f"api-{n}", "name": f"Api Party {n}"}])
            answers[f"api-{n}"] = res.status_code

    try:
        writers = [threading.Thread(target=write, args=(n,)) for n in range(4)]
        for w in writers:
            w.start()
        for w in writers:
            w.join()
        out, err = importer.communicate(timeout=600)
    finally:
        server.stop()
    assert importer.returncode == 0, err
    assert f"{rows} added" in out
    assert answers and set(answers.values()) <= {200, 503}, answers
    assert 503 in answers.values()  # the import held the store past the 1 s busy timeout
    with sqlite3.connect(busy_home / "clearance.db") as conn:
        stored = {r[0] for r in conn.execute("SELECT id FROM book_entries WHERE id LIKE 'api-%'")}
        assert conn.execute("SELECT count(*) FROM book_entries WHERE id LIKE 'b%'"
                            ).fetchone() == (rows,)
    assert stored == {k for k, code in answers.items() if code == 200}
