"""The event loop of `clearance serve --workers N`: connections spread evenly over the workers.

The workers share one listening socket. uvloop (libuv) accepts every pending connection at
once when that socket becomes readable, so the worker that wakes first takes most of a burst
and keeps those keep-alive connections: measured with 16 clients on 2 workers, 10 / 6 and
5 / 11 connections, and one worker queued its requests p99 41.5 ms, the other 8.8 ms
(benchmarks/RESULTS.md). Here each worker publishes how many connections it holds in a small
file the workers share (`WorkerLoads`), accepts one connection at a time, and leaves a new
connection for `ACCEPT_DEFER` seconds to a worker that holds fewer: the least loaded worker
takes it, unless it is too busy to wake up in that time. Everything else is uvloop's: the
accepted socket becomes an ordinary uvloop transport.

The same table says which workers have loaded their index, so that `/readyz` answers 200
only once every worker can serve (`workers_ready`): a worker still loading accepts its
share of keep-alive connections and holds their requests until it is done.

uvicorn takes the loop class by import string (`loop="clearance.api.fair_accept:FairAcceptLoop"`);
it calls `create_server(sock=...)` with the shared socket only in multi-worker mode, so a
single worker (which binds its own socket) is served by plain uvloop.
"""

from __future__ import annotations

import asyncio
import fcntl
import logging
import mmap
import os
import select
import socket
import struct
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import uvloop

from clearance import settings
from clearance.processes import alive

__all__ = ["FairAcceptLoop", "OneAtATimeServer", "WorkerLoads", "create_loads_file",
           "mark_index_loaded", "read_loads", "workers_ready"]

log = logging.getLogger("uvicorn.error")

# how long a worker holding more connections than another leaves a new one to it (seconds):
# an idle worker wakes well within it, and so does one busy scoring (its loop thread gets
# the GIL within a millisecond, clearance.api.work); a worker that does not (no CPU for
# it) leaves the connection to this one, which does not keep it waiting longer
ACCEPT_DEFER = 0.005
DEFER_STEP = 0.001  # how often a deferring worker looks whether the connection was taken
ACCEPT_ERROR_PAUSE = 1.0  # seconds; asyncio's own accept loop pauses as long

_HEADER = struct.Struct("<q")  # how many workers the server runs
_SLOT = struct.Struct("<qqq")  # worker pid, connections it holds, 1 once its index is loaded
SLOTS = 256  # more workers than any machine this runs on has cores
TABLE_SIZE = _HEADER.size + _SLOT.size * SLOTS


def create_loads_file(path: Path, workers: int) -> None:
    """An empty table for `workers` workers, made by the parent before they start."""
    path.write_bytes(_HEADER.pack(workers) + bytes(_SLOT.size * SLOTS))


def _slots(raw: bytes) -> list[tuple[int, int, int]]:
    return list(_SLOT.iter_unpack(raw[_HEADER.size:TABLE_SIZE]))


def read_loads(path: Path) -> list[int]:
    """Connections each live slot of a table holds, in slot order (what benchmarks print)."""
    return [held for pid, held, _ in _slots(path.read_bytes()) if pid != 0]


def workers_ready(path: Path) -> tuple[int, int]:
    """(workers with their index loaded, workers the server runs): a worker that has not
    started yet has no slot, so it counts as not ready."""
    raw = path.read_bytes()
    (workers,) = _HEADER.unpack_from(raw)
    ready = sum(1 for pid, _, loaded in _slots(raw) if pid != 0 and loaded and alive(pid))
    return ready, workers


class WorkerLoads:
    """This worker's slot in the shared table of open connections per worker.

    Each worker writes only its own slot; others read it. A slot whose worker has died is
    reused by the next worker that starts (uvicorn replaces dead workers).
    """

    def __init__(self, path: Path) -> None:
        self._pid = os.getpid()
        self.open = 0
        with open(path, "r+b") as fh:
            self._map = mmap.mmap(fh.fileno(), TABLE_SIZE)
            fcntl.flock(fh, fcntl.LOCK_EX)  # two workers starting together take two slots
            try:
                self._slot = self._claim()
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
        _claimed.append(self)
        self._publish()

    def _offset(self, slot: int) -> int:
        return _HEADER.size + slot * _SLOT.size

    def _claim(self) -> int:
        for slot in range(SLOTS):
            pid, _, _ = _SLOT.unpack_from(self._map, self._offset(slot))
            if pid == 0 or not alive(pid):
                _SLOT.pack_into(self._map, self._offset(slot), self._pid, 0, 0)
                return slot
        raise RuntimeError(f"more than {SLOTS} server workers")

    def _publish(self) -> None:
        _SLOT.pack_into(self._map, self._offset(self._slot), self._pid, self.open,
                        int(_index_loaded))

    def change(self, delta: int) -> None:
        self.open += delta
        self._publish()

    def others_hold_fewer(self) -> bool:
        """Does another live worker hold fewer connections than this one?"""
        for slot in range(SLOTS):
            if slot == self._slot:
                continue
            pid, held, _ = _SLOT.unpack_from(self._map, self._offset(slot))
            if pid != 0 and held < self.open and alive(pid):
                return True
        return False

    def release(self) -> None:
        _claimed.remove(self)
        _SLOT.pack_into(self._map, self._offset(self._slot), 0, 0, 0)


_claimed: list[WorkerLoads] = []  # this process's slots (one, but for tests' threads)
_index_loaded = False  # has this worker process loaded its index?


def mark_index_loaded() -> None:
    """This worker's index is loaded: its slot says so, now or once the server claims it."""
    global _index_loaded
    _index_loaded = True
    for loads in _claimed:
        loads._publish()


class _Lease:
    """One accepted connection in this worker's count, given back exactly once."""

    def __init__(self, loads: WorkerLoads) -> None:
        self._loads = loads
        self._held = True
        loads.change(+1)

    def end(self) -> None:
        if self._held:
            self._held = False
            self._loads.change(-1)


class _Counted(asyncio.Protocol):
    """Passes everything to uvicorn's protocol; ends the lease when the connection ends."""

    def __init__(self, inner: asyncio.Protocol, lease: _Lease) -> None:
        self._inner = inner
        self._lease = lease

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        self._inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self._inner.eof_received()

    def pause_writing(self) -> None:
        self._inner.pause_writing()

    def resume_writing(self) -> None:
        self._inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        self._lease.end()
        self._inner.connection_lost(exc)


class OneAtATimeServer:
    """Accepts one connection per wake-up, deferring to less loaded workers for a moment.

    Has the part of `asyncio.Server` that uvicorn uses: `close()` and `wait_closed()`.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop,
                 protocol_factory: Callable[[], asyncio.Protocol],
                 sock: socket.socket, loads: WorkerLoads, ssl: Any = None) -> None:
        self._loop = loop
        self._factory = protocol_factory
        self._sock = sock
        self._loads = loads
        self._ssl = ssl
        self._watching = False
        self._closed = False
        self._deferring_since: float | None = None  # when we first left it to the others
        self._pending: set[asyncio.Task[Any]] = set()
        sock.setblocking(False)
        self._watch()

    def _watch(self) -> None:
        self._watching = True
        self._loop.add_reader(self._sock.fileno(), self._on_readable)

    def _pause(self, seconds: float, then: Callable[[], None]) -> None:
        self._loop.remove_reader(self._sock.fileno())
        self._watching = False
        self._loop.call_later(seconds, then)

    def _resume(self) -> None:
        if not self._closed and not self._watching:
            self._watch()

    def _on_readable(self) -> None:
        if self._loads.others_hold_fewer():
            now = time.monotonic()
            if self._deferring_since is None:
                self._deferring_since = now
            if now - self._deferring_since < ACCEPT_DEFER:
                # theirs if they take it in time; look again soon, so that a connection
                # arriving meanwhile is not left to a worker that holds as many as we do
                self._pause(DEFER_STEP, self._look_again)
                return
        self._accept_one()  # still waiting: the other workers are busy, so take it

    def _look_again(self) -> None:
        if self._closed:
            return
        self._resume()
        if not select.select([self._sock], [], [], 0)[0]:
            self._deferring_since = None  # another worker took it

    def _accept_one(self) -> None:
        try:
            conn, _ = self._sock.accept()
        except (BlockingIOError, InterruptedError, ConnectionAbortedError):
            self._deferring_since = None
            return  # another worker took it, or the client gave up first
        except OSError as exc:  # out of descriptors, say: don't spin on a readable socket
            log.error("cannot accept a connection (%s); pausing %.0f s", exc, ACCEPT_ERROR_PAUSE)
            self._pause(ACCEPT_ERROR_PAUSE, self._resume)
            return
        self._deferring_since = None
        lease = _Lease(self._loads)
        conn.setblocking(False)
        task = self._loop.create_task(self._loop.connect_accepted_socket(
            lambda: _Counted(self._factory(), lease), conn, ssl=self._ssl))
        self._pending.add(task)
        task.add_done_callback(lambda t: self._connected(t, conn, lease))

    def _connected(self, task: asyncio.Task[Any], conn: socket.socket, lease: _Lease) -> None:
        self._pending.discard(task)
        if task.cancelled() or task.exception() is not None:
            lease.end()  # the transport never took it over
            conn.close()

    def is_serving(self) -> bool:
        return not self._closed

    def close(self) -> None:
        """Stop accepting; connections already accepted are left to the server's shutdown."""
        if self._watching:
            self._loop.remove_reader(self._sock.fileno())
        self._watching = False
        self._closed = True  # the parent process owns the socket and closes it
        self._loads.release()

    async def wait_closed(self) -> None:
        if self._pending:
            await asyncio.wait(self._pending)


class FairAcceptLoop(uvloop.Loop):
    """uvloop, except that a server on an already-listening socket accepts one at a time."""

    # the stubs' overloads spell out every keyword; this passes them on unchanged
    async def create_server(  # type: ignore[override]
            self, protocol_factory: Callable[[], asyncio.Protocol],
                            host: Any = None, port: Any = None, *,
                            sock: socket.socket | None = None, **kwargs: Any) -> Any:
        path = settings.worker_loads_file()
        if sock is None or path is None:
            return await super().create_server(protocol_factory, host, port, sock=sock,
                                               **kwargs)
        sock.listen(kwargs.get("backlog", 100))  # the parent only binds it
        return OneAtATimeServer(self, protocol_factory, sock, WorkerLoads(path),
                                kwargs.get("ssl"))
