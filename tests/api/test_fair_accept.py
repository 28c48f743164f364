"""Several server workers on one socket share its connections evenly, and none waits on a
worker too busy to accept.

The unit tests run two `FairAcceptLoop`s in two threads on one listening socket and one
loads table, as two worker processes would; the last test runs `clearance serve --workers 2`.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from clearance.api import fair_accept
from clearance.api.fair_accept import (
    SLOTS,
    TABLE_SIZE,
    FairAcceptLoop,
    WorkerLoads,
    create_loads_file,
    mark_index_loaded,
    read_loads,
    workers_ready,
)

CLEARANCE = str(Path(sys.executable).parent / "clearance")


@pytest.fixture
def loads_file(tmp_path: Path) -> Path:
    path = tmp_path / "loads"
    create_loads_file(path, workers=2)
    return path


def test_workers_take_their_own_slots_and_read_each_others_loads(loads_file: Path) -> None:
    a, b = WorkerLoads(loads_file), WorkerLoads(loads_file)
    assert not a.others_hold_fewer() and not b.others_hold_fewer()
    a.change(+1)
    assert a.others_hold_fewer() and not b.others_hold_fewer()
    b.change(+2)
    assert b.others_hold_fewer() and not a.others_hold_fewer()
    b.change(-2)
    assert a.others_hold_fewer()


def test_a_stopped_worker_neither_counts_nor_keeps_its_slot(loads_file: Path) -> None:
    a = WorkerLoads(loads_file)
    a.change(+3)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # its pid is now free: a worker that died with 0 connections in its slot
    with open(loads_file, "r+b") as fh:
        fh.seek(8 + 24)  # the second slot, after the header (workers) and the first slot
        fh.write(gone.pid.to_bytes(8, "little") + bytes(16))
    assert not a.others_hold_fewer()  # a dead worker's 0 is not a load to defer to
    b = WorkerLoads(loads_file)  # takes the dead worker's slot
    assert a.others_hold_fewer()
    b.change(+5)
    b.release()
    assert not a.others_hold_fewer()
    assert len(loads_file.read_bytes()) == TABLE_SIZE == 8 + 24 * SLOTS


def test_the_table_says_ready_only_once_every_worker_has_loaded_its_index(
        loads_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fair_accept, "_index_loaded", False)
    monkeypatch.setattr(fair_accept, "_claimed", [])
    assert workers_ready(loads_file) == (0, 2)  # no worker has started
    first = WorkerLoads(loads_file)
    assert workers_ready(loads_file) == (0, 2)
    mark_index_loaded()  # the slot already claimed says so at once
    assert workers_ready(loads_file) == (1, 2)
    second = WorkerLoads(loads_file)  # claimed after the mark (same process): loaded too
    assert workers_ready(loads_file) == (2, 2)
    first.change(+3)  # counting connections keeps the mark
    assert workers_ready(loads_file) == (2, 2) and read_loads(loads_file) == [3, 0]
    second.release()  # a stopped worker no longer counts
    assert workers_ready(loads_file) == (1, 2) and read_loads(loads_file) == [3]


class _Echo(asyncio.Protocol):
    def __init__(self, held: list[int]) -> None:
        self._held = held

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport
        self._held[0] += 1

    def data_received(self, data: bytes) -> None:
        self._transport.write(data)  # type: ignore[attr-defined]

    def connection_lost(self, exc: Exception | None) -> None:
        self._held[0] -= 1


class _Worker(threading.Thread):
    """One worker: its own FairAcceptLoop serving the shared socket with an echo protocol."""

    def __init__(self, sock: socket.socket) -> None:
        super().__init__(daemon=True)
        self.sock = sock
        self.held = [0]
        self.loop = FairAcceptLoop()
        self.ready = threading.Event()

    def run(self) -> None:
        asyncio.set_event_loop(self.loop)

        async def main() -> None:
            self.server = await self.loop.create_server(lambda: _Echo(self.held),
                                                        sock=self.sock, backlog=64)
            self.ready.set()
            self.stop = asyncio.Event()
            await self.stop.wait()
            self.server.close()
            await self.server.wait_closed()

        self.loop.run_until_complete(main())

    def shut(self) -> None:
        self.loop.call_soon_threadsafe(self.stop.set)
        self.join(timeout=10)


@pytest.fixture
def two_workers(loads_file: Path, monkeypatch: pytest.MonkeyPatch
                ) -> Iterator[tuple[int, list[_Worker]]]:
    monkeypatch.setenv("CLEARANCE_WORKER_LOADS", str(loads_file))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))  # bound, not listening: what uvicorn's parent hands over
    workers = [_Worker(sock), _Worker(sock)]
    for w in workers:
        w.start()
        assert w.ready.wait(10)
    yield sock.getsockname()[1], workers
    for w in workers:
        w.shut()
    sock.close()


def _echoes(client: socket.socket) -> bool:
    client.sendall(b"ping")
    return client.recv(4) == b"ping"


def test_bursts_of_connections_are_shared_evenly_by_two_workers(
        two_workers: tuple[int, list[_Worker]]) -> None:
    port, workers = two_workers
    for _ in range(3):  # plain uvloop split them 11/5, 13/3 and 16/0 in three tries
        clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(16)]
        try:
            assert all(_echoes(c) for c in clients)
            held = sorted(w.held[0] for w in workers)
            assert sum(held) == 16 and held[1] - held[0] <= 2
        finally:
            for c in clients:
                c.close()
        deadline = time.time() + 5
        while any(w.held[0] for w in workers) and time.time() < deadline:
            time.sleep(0.01)
        assert [w.held[0] for w in workers] == [0, 0]  # closed connections leave the count


def test_a_worker_too_busy_to_accept_does_not_hold_connections_up(
        two_workers: tuple[int, list[_Worker]]) -> None:
    port, (idle, busy) = two_workers
    busy.loop.call_soon_threadsafe(time.sleep, 1.5)  # its loop cannot accept meanwhile
    time.sleep(0.05)
    start = time.perf_counter()
    clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(6)]
    try:
        assert all(_echoes(c) for c in clients)
        # the idle worker defers each new connection to the emptier busy one only briefly
        assert time.perf_counter() - start < 0.5
        assert idle.held[0] == 6 and busy.held[0] == 0
    finally:
        for c in clients:
            c.close()


def _held(table: Path) -> list[int]:
    return sorted(read_loads(table))


def _wait_until_ready(url: str, tmp_path: Path) -> Path:
    """The workers' table, once /readyz answers 200: every worker has loaded its index (a
    worker still loading hardly runs its loop, so a burst sent when only the first one was
    ready landed mostly on that one: 3/13 in a CI run)."""
    deadline = time.time() + 120
    while True:
        assert time.time() < deadline, "the server never became ready"
        try:
            reply = httpx.get(f"{url}/readyz", timeout=2)
            if reply.status_code == 200:
                break
            assert reply.status_code == 503
        except httpx.TransportError:
            pass  # not listening yet
        time.sleep(0.3)
    (table,) = tmp_path.glob("clearance-serve-*/worker-loads")
    assert workers_ready(table) == (2, 2)
    while _held(table) != [0, 0] and time.time() < deadline:
        time.sleep(0.01)  # the polls' connections closed
    return table


def _burst_of_keep_alive_clients(url: str, table: Path) -> list[int]:
    """Connections each worker held once 16 keep-alive clients asked at once (sorted)."""
    clients = [httpx.Client(base_url=url, timeout=30) for _ in range(16)]
    barrier = threading.Barrier(16)
    codes: list[int] = []

    def ask(client: httpx.Client) -> None:
        barrier.wait()
        codes.append(client.post("/match/default", json={"queries": {"q": {
            "schema": "Person", "properties": {"name": ["Aleksandr Petrov"]}}}}
                                 ).status_code)

    threads = [threading.Thread(target=ask, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert codes == [200] * 16
    held = _held(table)
    assert sum(held) == 16
    for c in clients:
        c.close()
    deadline = time.time() + 10
    while _held(table) != [0, 0] and time.time() < deadline:
        time.sleep(0.01)
    return held


def test_serve_with_two_workers_spreads_keep_alive_clients_and_stops_cleanly(
        loaded_home: Path, tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "CLEARANCE_HOME": str(loaded_home), "TMPDIR": str(tmp_path),
           "CLEARANCE_RATE_LIMIT": "100000", "CLEARANCE_RATE_BURST": "100000"}
    proc = subprocess.Popen([CLEARANCE, "serve", "--port", str(port), "--open",
                             "--workers", "2"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        table = _wait_until_ready(url, tmp_path)
        splits = []
        for _ in range(3):  # a worker that gets no CPU within the defer leaves its share
            held = _burst_of_keep_alive_clients(url, table)
            splits.append(held)
            if held[0] >= 7:
                break
        # plain uvloop split such bursts 10/6, 11/5, 13/3 and 16/0
        assert splits[-1][0] >= 7, f"connections per worker in three bursts: {splits}"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
        assert not table.exists()  # the table goes with the server
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
