"""CPU-bound request work, off the event loop: one daemon thread per server process.

Scoring inside an `async def` handler blocks the event loop, so `/healthz` and every other
request wait for it; in the default thread pool, forty threads would contend for the GIL.
Matching runs here instead, one request at a time per process (as fast as the event loop
ran it, measured in benchmarks/RESULTS.md), while the loop keeps answering. The thread is a
daemon: a process asked to stop does not wait for a computation nobody will read.

A finished result still needs the event loop's thread to write it, and that thread needs
the GIL, which the matching thread, already on the next request, hands over only when the
interpreter's switch interval runs out: 5 ms by default, so a response waited 3-4.5 ms on
average under load. `SWITCH_INTERVAL` cuts that to 1.5-1.8 ms (benchmarks/RESULTS.md).
"""

from __future__ import annotations

import asyncio
import queue
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

__all__ = ["Worker"]

T = TypeVar("T")

SWITCH_INTERVAL = 0.001  # seconds a thread holding the GIL keeps it from a waiting one


class Worker:
    """Runs submitted calls in order on its own daemon thread."""

    def __init__(self, name: str = "clearance-matching") -> None:
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))
        self._jobs: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]] | None] = (
            queue.SimpleQueue())
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Let the thread end once the calls submitted before have run."""
        self._jobs.put(None)

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            future, call = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(call())
            except BaseException as exc:  # handed to the awaiting request, never lost
                future.set_exception(exc)

    async def run(self, call: Callable[[], T]) -> T:
        """Await `call()` computed on the worker thread."""
        future: Future[T] = Future()
        self._jobs.put((future, call))
        result: T = await asyncio.wrap_future(future)
        return result
