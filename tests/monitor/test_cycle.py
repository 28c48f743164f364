"""A monitoring cycle killed midway (SIGKILL of a real process) leaves only whole chunks
of work, and the next cycle completes it: the alerts then equal a full reconciliation,
and the alerts the killed cycle opened are reported by the one that completed it."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from clearance import settings
from clearance.cli.app import _register, app
from clearance.index.store import ensure_index
from clearance.monitor.book import import_book
from clearance.monitor.cycle import run_cycle
from clearance.store import audit, signing
from clearance.store.db import engine
from tests.conftest import LISTS

#: `clearance monitor run` with small chunks, so that a kill lands between commits.
KILLABLE = """
import sys
import clearance.monitor.cycle as cycle
cycle.CHUNK = 50
from clearance.cli.app import main
sys.argv = ["clearance", "monitor", "run", "--workers", "2"]
main()
"""


def _book(path: Path, listed: int, other: int) -> int:
    """Names copied from the SDN file (they alert) and invented ones (they do not)."""
    with open(LISTS / "ofac_sdn" / "sdn.csv", encoding="latin-1", newline="") as fh:
        rows = [r for r in csv.reader(fh) if len(r) > 2]
    rng = random.Random(15)
    rows = rng.sample(rows, listed)
    letters = "bcdfghjklmnprstvz"
    book = [{"name": r[1], "schema": "Person" if r[2].strip() == "individual" else "Company"}
            for r in rows]
    book += [{"name": " ".join("".join(rng.choice(letters) + rng.choice("aeiou")
                                       for _ in range(3)) for _ in range(2)),
              "schema": "Person"} for _ in range(other)]
    rng.shuffle(book)  # ids in screening order: listed and invented names interleave
    book = [{"id": f"b{i:05d}", **b} for i, b in enumerate(book)]
    path.write_text("".join(json.dumps(b) + "\n" for b in book), encoding="utf-8")
    return len(book)


def _count(sql: str) -> int:
    with engine().connect() as conn:
        return int(conn.exec_driver_sql(sql).scalar() or 0)


def _rows(sql: str) -> list[tuple[object, ...]]:
    with engine().connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


ALERTS = "SELECT id, book_id, entity_id, score, status FROM alerts ORDER BY id"
SCREENED = "SELECT COUNT(*) FROM book_entries WHERE screened_digest IS NOT NULL"


def killed_cycle_is_completed(tmp_path: Path) -> None:
    """Kill `monitor run` (a real process) midway, then check what it left and the next
    cycle's work. Shared with tests/store/test_postgres.py (same checks on PostgreSQL)."""
    total = _book(tmp_path / "book.jsonl", 600, 600)
    assert import_book(tmp_path / "book.jsonl").added == total
    ensure_index()  # the killed process loads it instead of building it
    state = _rows("SELECT * FROM monitor_state ORDER BY dataset")
    proc = subprocess.Popen([sys.executable, "-c", KILLABLE], env=os.environ.copy(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while _count(SCREENED) < 150:
            assert proc.poll() is None, f"the cycle ended before the kill: {proc.stderr}"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)  # the cycle's process only: its workers live on
        proc.wait()
        done = _count(SCREENED)
        assert 150 <= done < total, done
        # only whole chunks: each alert with its event, on an entry marked screened
        assert _count("SELECT COUNT(*) FROM alerts") > 0
        assert _count("SELECT COUNT(*) FROM alerts a WHERE NOT EXISTS (SELECT 1 FROM "
                      "alert_events e WHERE e.alert_id = a.id)") == 0
        assert _count("SELECT COUNT(*) FROM alerts a JOIN book_entries b ON b.id = "
                      "a.book_id WHERE b.screened_digest IS NULL") == 0
        assert _count("SELECT COUNT(*) FROM near_pairs p JOIN book_entries b ON b.id = "
                      "p.book_id WHERE b.screened_digest IS NULL") == 0
        assert _rows("SELECT * FROM monitor_state ORDER BY dataset") == state
        before = _count("SELECT COUNT(*) FROM alerts a WHERE substr(a.book_id, 1, 1) = 'b'")

        # the lock is free although the workers still run: at once on SQLite (the kernel
        # drops a killed process's file lock), within moments on PostgreSQL (the server ends
        # a session whose socket closed when it next reads it; a busy CI box lags)
        completing = run_cycle(wait=2.0)
        assert [r["holder"].split()[1] for r in completing.resumed] == [str(proc.pid)]
        assert _count(SCREENED) >= total
        # the book was new: every alert on it is new, those the killed cycle opened included
        opened = {a.id for a in completing.outcome.opened if a.book_id.startswith("b")}
        assert len(opened) == _count("SELECT COUNT(*) FROM alerts WHERE substr(book_id, 1, 1) = 'b'")
        assert len(opened) > before > 0
        after = _rows(ALERTS)
        reconciled = run_cycle(full=True)
        assert reconciled.outcome.opened == reconciled.outcome.reopened == []
        assert _rows(ALERTS) == after
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the orphaned workers


def test_each_cycle_signs_a_checkpoint_of_its_own_audit_record(sdn_home: Path) -> None:
    unsigned = run_cycle()
    assert unsigned.checkpoint is None and not unsigned.checkpoint_refused
    assert "no audit signing key" in (unsigned.checkpoint_problem or "")
    signing.generate_key(settings.signing_key())
    signed = run_cycle()
    last = list(audit.iter_records())[-1]
    assert last.action == "monitor.run" and signed.checkpoint is not None
    assert signed.checkpoint["seq"] == last.seq and signed.checkpoint["hash"] == last.hash
    result = audit.verify()
    assert result.ok and result.checkpoint is not None and result.checkpoint.seq == last.seq


def test_a_cycle_killed_midway_is_completed_by_the_next(sdn_home: Path, tmp_path: Path) -> None:
    killed_cycle_is_completed(tmp_path)


def test_a_cycle_over_a_rewritten_log_stores_its_alerts_but_refuses_to_sign(
        sdn_home: Path) -> None:
    """Last in this module: it leaves the store's audit log broken on purpose."""
    if not settings.signing_key().exists():
        signing.generate_key(settings.signing_key())
    run_cycle()
    with sqlite3.connect(sdn_home / "clearance.db") as db:
        db.execute("DROP TRIGGER audit_log_no_update")
        last = db.execute("SELECT MAX(seq) FROM audit_log").fetchone()[0]
        db.execute(f"UPDATE audit_log SET actor = 'mallory' WHERE seq = {last}")
    _register()
    result = CliRunner().invoke(app, ["monitor", "run"])
    assert result.exit_code == 1 and "cycle (delta)" in result.output
    assert "audit checkpoint refused" in result.output and f"record {last}" in result.output
    assert list(audit.iter_records())[-1].action == "monitor.run"
