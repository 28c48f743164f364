"""Scoring runs off the event loop: the server stays responsive and stops when told to.

Both tests run `clearance serve` as its own process on a free loopback port, as deployed.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import string
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

CLEARANCE = str(Path(sys.executable).parent / "clearance")


@pytest.fixture(scope="module")
def served(session_home: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """One server for the module; the last test stops it with SIGTERM."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "CLEARANCE_HOME": str(session_home), "CLEARANCE_RATE_LIMIT": "100000",
           "CLEARANCE_RATE_BURST": "100000"}
    proc = subprocess.Popen([CLEARANCE, "serve", "--port", str(port), "--open"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("the server did not get ready")
    yield url, proc
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def max_size_body() -> bytes:
    """The costliest request the server admits: 100 queries (the most per request) holding
    `MAX_REQUEST_CHARS` characters of random words, which miss every cache and each reach
    many list names through the typo search (measured the most expensive per character)."""
    import json

    from clearance.api.routers.match import MAX_QUERIES, MAX_REQUEST_CHARS

    rng = random.Random(14)

    def words(chars: int) -> str:
        out: list[str] = []
        while sum(len(w) + 1 for w in out) < chars - 10:
            out.append("".join(rng.choice(string.ascii_lowercase) for _ in range(5)))
        return " ".join(out)

    per_query = MAX_REQUEST_CHARS // MAX_QUERIES
    queries = {f"q{i}": {"schema": "Person", "properties": {
        "name": [words(per_query // 2)], "alias": [words(per_query // 2)]}}
        for i in range(MAX_QUERIES)}
    return json.dumps({"queries": queries}).encode()


def test_healthz_answers_within_100_ms_while_maximum_requests_run(
        served: tuple[str, subprocess.Popen[bytes]]) -> None:
    url, _ = served
    body = max_size_body()
    stop = threading.Event()
    answered: list[tuple[int, float]] = []

    def hammer() -> None:
        with httpx.Client(timeout=300) as client:
            while not stop.is_set():
                start = time.perf_counter()
                res = client.post(f"{url}/match/default", content=body,
                                  headers={"content-type": "application/json"})
                answered.append((res.status_code, time.perf_counter() - start))

    workers = [threading.Thread(target=hammer) for _ in range(3)]
    for w in workers:
        w.start()
    time.sleep(1.0)  # requests in flight
    latencies = []
    with httpx.Client(timeout=10) as client:
        for _ in range(40):
            start = time.perf_counter()
            assert client.get(f"{url}/healthz").status_code == 200
            latencies.append(time.perf_counter() - start)
            time.sleep(0.05)
    stop.set()
    for w in workers:
        w.join()
    latencies.sort()
    assert latencies[len(latencies) // 2] < 0.1 and latencies[-3] < 0.1, latencies
    assert answered and {code for code, _ in answered} == {200}
    # and a maximum request itself is bounded: seconds, not the minutes it used to take
    assert max(seconds for _, seconds in answered) < 30, answered


def test_the_server_stops_within_10_s_of_sigterm_mid_request(
        served: tuple[str, subprocess.Popen[bytes]]) -> None:
    url, proc = served
    body = max_size_body()
    outcome: list[object] = []
    started = threading.Event()

    def post() -> None:  # maximal requests back to back, so one is in flight at SIGTERM
        while True:
            started.set()
            try:
                reply = httpx.post(f"{url}/match/default", content=body, timeout=60,
                                   headers={"content-type": "application/json"})
            except httpx.HTTPError as exc:
                outcome.append(exc)
                return
            outcome.append(reply)
            if proc.poll() is not None:
                return

    client = threading.Thread(target=post)
    client.start()
    started.wait(10)
    time.sleep(0.3)  # the request is being scored
    assert proc.poll() is None
    start = time.perf_counter()
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=15)
    assert time.perf_counter() - start < 10
    client.join(timeout=30)
    assert not client.is_alive()


def test_a_result_reaches_its_request_soon_while_the_next_one_is_computed() -> None:
    """The event loop's thread (uvloop, as served) gets the GIL back within about a
    millisecond of a result, though the matching thread goes straight on to the next
    request's work."""
    import asyncio
    import statistics

    import uvloop

    from clearance.api.work import Worker

    def busy() -> float:
        end = time.perf_counter() + 0.01
        while time.perf_counter() < end:  # pure Python: holds the GIL throughout
            pass
        return time.perf_counter()

    async def main() -> list[float]:
        worker = Worker()
        pending = [asyncio.ensure_future(worker.run(busy)) for _ in range(30)]
        delays = []
        for job in pending:
            done = await job
            delays.append(time.perf_counter() - done)
        worker.stop()
        return delays

    # a loaded machine only adds delay: the best of three runs' medians tells the mechanism
    medians = []
    for _ in range(3):
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            medians.append(statistics.median(runner.run(main())))
    assert min(medians) < 0.003  # 5.8 ms with Python's default interval
