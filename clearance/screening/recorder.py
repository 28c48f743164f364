"""The audit record of a `clearance screen` run, written by a process forked as it starts.

Why: the record needs the store's modules (SQLAlchemy, cryptography), some 0.2 s of CPU
to import. Imported by the screening process, they took that time from the workers while
they matched rows on every core; a helper forked when the run starts imports them while
the index loads, when one core of two has nothing else to do, and is handed the record's
details at the end.

When the helper does not say that the record is written (it failed, or it is gone), the
caller writes it itself: a failure is raised where and as it was before.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import signal
from multiprocessing.connection import Connection
from typing import Any

__all__ = ["RunRecorder", "record_run"]

#: what writing the record imports (see the module doc)
STORE_MODULE = "clearance.store"


def _append(detail: dict[str, Any]) -> None:
    """Append the "screening.run" record of the command line's actor: `detail` and the
    active list versions."""
    from clearance.store import active_version_ids, audit

    audit.record(audit.default_actor(), "screening.run",
                 {**detail, "lists": active_version_ids()})


def record_run(detail: dict[str, Any]) -> None:
    """`_append` in this process, its connections closed after."""
    from clearance.store.db import dispose_engine

    _append(detail)
    dispose_engine()


class RunRecorder:
    """A helper process that imports the store's modules and opens the store now, and
    writes the run's record when `record` hands it the details (once). A recorder dropped
    without a record closes its end of the pipe, and the helper exits."""

    def __init__(self) -> None:
        ctx = mp.get_context("fork")
        self._conn, theirs = ctx.Pipe()
        self._helper = ctx.Process(target=_serve, args=(theirs, self._conn),
                                   name="audit record", daemon=True)
        self._helper.start()
        theirs.close()

    def record(self, detail: dict[str, Any]) -> None:
        """Write the record (`record_run`): by the helper, else here."""
        try:
            self._conn.send(detail)
            written = bool(self._conn.recv())
        except (OSError, EOFError):  # the helper is gone
            written = False
        finally:
            self._conn.close()
        if not written:
            record_run(detail)


def _serve(conn: Connection, callers: Connection) -> None:
    """The helper: import, wait for the details, write, say whether it did. `callers` is
    the caller's end of the pipe, which the fork copied: closed, so that the helper sees
    the end of the pipe when the caller closes it."""
    callers.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the run, which ends this
    with contextlib.suppress(Exception):  # the caller's own write raises it again
        __import__(STORE_MODULE)
        # and the store's engine, its schema checked: 30-45 ms of the run's end otherwise,
        # while the caller waits for the record after its last row
        from clearance.store.db import engine

        engine()
    try:
        detail = conn.recv()
    except EOFError:  # the run ended without a record
        return
    try:
        _append(detail)
    except Exception:
        conn.send(False)
        return
    conn.send(True)  # written: whatever happens next, the caller must not write it again
    from clearance.store.db import dispose_engine

    with contextlib.suppress(Exception):
        dispose_engine()
