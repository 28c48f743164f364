"""Process housekeeping: orphaned temporary files of dead writers, and an exit that skips
the interpreter's teardown but nothing a command relies on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from clearance.processes import remove_orphans


def _dead_pid() -> int:
    done = subprocess.Popen([sys.executable, "-c", "pass"])
    done.wait(timeout=60)
    return done.pid


def test_only_temporary_files_of_writers_that_no_longer_run_are_removed(tmp_path: Path) -> None:
    dead = tmp_path / f"places-abc.json.tmp{_dead_pid()}"
    live = tmp_path / f"places-abc.json.tmp{os.getpid()}"
    final = tmp_path / "places-abc.json"
    for path in (dead, live, final):
        path.write_bytes(b"{}")
    assert remove_orphans(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, final.name])


def test_a_missing_folder_has_no_orphans(tmp_path: Path) -> None:
    assert remove_orphans(tmp_path / "nowhere") == 0


_EXIT = """
import atexit, sys, threading, time
from pathlib import Path
from clearance.processes import exit_now
marks = Path(sys.argv[1])
atexit.register(lambda: marks.write_text(marks.read_text() + "atexit;"))
sys.stdout.write("buffered, not yet flushed")
if sys.argv[2] == "thread":
    def work():
        time.sleep(0.5)
        marks.write_text(marks.read_text() + "thread done;")
    threading.Thread(target=work).start()
exit_now(3)
"""


def test_exit_now_runs_exit_handlers_flushes_output_and_keeps_the_code(tmp_path: Path) -> None:
    marks = tmp_path / "marks"
    marks.write_text("")
    run = subprocess.run([sys.executable, "-c", _EXIT, str(marks), "plain"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 3
    assert run.stdout == "buffered, not yet flushed"
    assert marks.read_text() == "atexit;"


def test_exit_now_waits_for_a_running_thread_as_a_normal_exit_does(tmp_path: Path) -> None:
    marks = tmp_path / "marks"
    marks.write_text("")
    run = subprocess.run([sys.executable, "-c", _EXIT, str(marks), "thread"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 3
    assert marks.read_text() == "thread done;atexit;"
