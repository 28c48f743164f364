"""The audit record of a screening run, written by a helper process (`screening.recorder`)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from clearance.screening.recorder import RunRecorder


def _runs(marker: str) -> list[dict[str, Any]]:
    from clearance.store import audit

    return [r.detail for r in audit.iter_records()
            if r.action == "screening.run" and r.detail.get("input") == marker]


def _signed_by_writer(monkeypatch: pytest.MonkeyPatch, fail_in_helper: bool = False) -> int:
    """Make every record carry the id of the process that writes it; with `fail_in_helper`
    any other process than this one fails to write. Returns this process's id."""
    from clearance.store import audit

    me = os.getpid()
    write = audit.record

    def record(actor: str, action: str, detail: dict[str, Any]) -> int:
        if fail_in_helper and os.getpid() != me:
            raise RuntimeError("the helper cannot write")
        return write(actor, action, {**detail, "writer": os.getpid()})

    monkeypatch.setattr(audit, "record", record)
    return me


def test_the_record_is_written_by_the_helper_with_the_active_lists(
        loaded_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from clearance.store import active_version_ids

    me = _signed_by_writer(monkeypatch)
    RunRecorder().record({"input": "helper-writes", "rows": 7})
    (run,) = _runs("helper-writes")
    assert run["writer"] != me
    assert run["rows"] == 7 and run["lists"] == active_version_ids()


def test_the_helper_opens_the_store_before_it_is_handed_the_record(
        loaded_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from clearance.store import db

    opened = tmp_path / "opened"
    real = db.engine

    def engine() -> Any:
        with open(opened, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        return real()

    monkeypatch.setattr(db, "engine", engine)
    recorder = RunRecorder()
    for _ in range(600):  # the helper's imports: a second or two on a busy machine
        if opened.exists():
            break
        time.sleep(0.1)
    assert opened.read_text(encoding="utf-8").split() == [str(recorder._helper.pid)]
    recorder.record({"input": "opened-early", "rows": 1})
    assert len(_runs("opened-early")) == 1


def test_a_record_the_helper_cannot_write_is_written_once_by_the_caller(
        loaded_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    me = _signed_by_writer(monkeypatch, fail_in_helper=True)
    RunRecorder().record({"input": "caller-writes", "rows": 3})
    assert [r["writer"] for r in _runs("caller-writes")] == [me]


def test_a_recorder_dropped_without_a_record_lets_its_helper_exit(loaded_home: Path) -> None:
    recorder = RunRecorder()
    helper = recorder._helper
    del recorder
    helper.join(timeout=60)
    assert helper.exitcode == 0


def test_the_screening_process_never_imports_the_store_to_record_its_run(
        loaded_home: Path, tmp_path: Path) -> None:
    # the helper imports SQLAlchemy and writes the record; the process whose workers match
    # the rows does not spend that time (a file of more rows than a pool is started for)
    src = tmp_path / "book.csv"
    src.write_text("id,name\n" + "".join(f"R{i},Hikvision {i}\n" for i in range(250)),
                   encoding="utf-8")
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print('sqlalchemy' in sys.modules, file=sys.stderr))\n"
            "from clearance.cli.app import main; main()")
    done = subprocess.run([sys.executable, "-c", code, "screen", str(src), "-o",
                           str(tmp_path / "out.jsonl"), "--workers", "2"],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "CLEARANCE_HOME": str(loaded_home)})
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "False"
    (run,) = _runs(str(src))
    assert run["rows"] == 250
