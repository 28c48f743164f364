"""Process housekeeping: whether a process still runs (for records other processes leave
behind: index build temporaries, the server workers' connection table, half-written
copies), and ending a one-shot command without the interpreter's teardown."""

from __future__ import annotations

import atexit
import os
import re
import sys
import threading
from pathlib import Path
from typing import NoReturn

__all__ = ["alive", "exit_now", "remove_orphans", "skip_teardown", "teardown_skipped"]

#: the suffix a writer gives its temporary file: `.tmp` and its process id
_TMP_SUFFIX = re.compile(r"\.tmp(\d+)$")
_skip = False


def alive(pid: int) -> bool:
    """True while process `pid` exists (also when it belongs to another user)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_orphans(folder: Path) -> int:
    """Delete the `NAME.tmp<pid>` files in `folder` whose writer no longer runs; returns
    how many went.

    A writer renames its temporary file over the final name once it is whole; a writer
    killed in between (a batch worker stopped by `Pool.terminate`, a SIGKILL) leaves it
    behind for good. A file whose process still runs is being written and is kept."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        found = _TMP_SUFFIX.search(name)
        if found is None or alive(int(found.group(1))):
            continue
        try:
            (folder / name).unlink()
            removed += 1
        except FileNotFoundError:
            pass  # another process cleaned it up first
    return removed


def skip_teardown(skip: bool = True) -> None:
    """Declare this command's work done and durable: every file it wrote is closed and
    every transaction committed, so `exit_now` may end the process without tearing the
    interpreter down.

    Why: a process that loaded the index holds millions of small objects, and freeing them
    one by one at exit takes 0.2-0.5 s of a one-shot `clearance screen` or `clearance
    match` after the last result is written; the operating system takes the memory back at
    once. `skip=False` withdraws it (the entry point, before it runs a command)."""
    global _skip
    _skip = skip


def teardown_skipped() -> bool:
    """True once `skip_teardown` was called in this process."""
    return _skip


def exit_now(code: int) -> NoReturn:
    """End the process with `code`: the exit handlers run (`atexit`: multiprocessing's,
    logging's, temporary folders'), standard output and error are flushed, and the
    interpreter's teardown, which only frees memory, is skipped (`os._exit`).

    Falls back to a normal exit while a non-daemon thread runs: the interpreter would
    wait for it, and so must this."""
    main = threading.main_thread()
    if any(t is not main and not t.daemon and t.is_alive() for t in threading.enumerate()):
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: Python's own exit reports 120
            code = code or 120
    os._exit(code)
