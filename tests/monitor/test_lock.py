"""One monitoring cycle at a time on a store, whoever runs it; a killed holder frees it.

The holders are real processes (the lock is between processes); `run_cycle` and the
`monitor run` command in this process are the second comer.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearance.cli.app import _register, app
from clearance.exc import Busy
from clearance.monitor import lock
from clearance.monitor.cycle import run_cycle

HOLD = """
import sys, time
from clearance.monitor import lock
with lock.cycle_lock():
    run = lock.begin()
    print("held", flush=True)
    time.sleep(float(sys.argv[1]))
    lock.finish(run)
"""

#: Holds the lock, then forks a worker that outlives it when the holder is killed.
HOLD_AND_FORK = """
import multiprocessing as mp, time
from clearance.monitor import lock
def work():
    time.sleep(120)
with lock.cycle_lock():
    child = mp.get_context("fork").Process(target=work)
    child.start()
    print("held", child.pid, flush=True)
    time.sleep(120)
"""


def holder(script: str, *args: str) -> tuple[subprocess.Popen[str], list[str]]:
    """A process running `script` once it says it holds the lock, and what it said."""
    proc = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                            text=True, env=os.environ.copy())
    assert proc.stdout is not None
    said = proc.stdout.readline().split()
    assert said[:1] == ["held"], said
    return proc, said


@pytest.fixture
def held(sdn_home: Path) -> Iterator[subprocess.Popen[str]]:
    proc, _ = holder(HOLD, "120")
    yield proc
    proc.kill()
    proc.wait()


def test_a_second_cycle_gives_up_naming_the_holder(held: subprocess.Popen[str]) -> None:
    with pytest.raises(Busy, match=f"pid {held.pid} on "):
        run_cycle()
    _register()
    result = CliRunner().invoke(app, ["monitor", "run", "--wait", "0.5"])
    assert result.exit_code == 75
    assert "another monitoring cycle is running" in result.output
    assert "after waiting 0.5 s" in result.output and "Traceback" not in result.output


def test_a_waiting_cycle_runs_once_the_holder_is_done(sdn_home: Path) -> None:
    proc, _ = holder(HOLD, "1.5")
    started = time.monotonic()
    report = run_cycle(wait=60)
    assert time.monotonic() - started >= 0.5 and proc.wait(10) == 0
    # the holder finished: it is not taken for a killed cycle
    assert all(str(proc.pid) not in r["holder"] for r in report.resumed)


def test_a_killed_holder_frees_the_lock_and_is_reported(held: subprocess.Popen[str]) -> None:
    held.send_signal(signal.SIGKILL)
    held.wait()
    report = run_cycle()
    assert f"pid {held.pid} on {os.uname().nodename}" in [r["holder"] for r in report.resumed]


def test_forked_workers_of_a_killed_holder_do_not_keep_the_lock(sdn_home: Path) -> None:
    proc, said = holder(HOLD_AND_FORK)
    child = int(said[1])
    try:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        os.kill(child, 0)  # the orphaned worker is still alive ...
        with lock.cycle_lock():  # ... and the lock is free
            pass
    finally:
        os.kill(child, signal.SIGKILL)


def test_threads_of_one_process_take_turns(sdn_home: Path) -> None:
    with lock.cycle_lock(), pytest.raises(Busy, match="in this process"):
        run_cycle()
