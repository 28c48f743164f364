"""Rate limits key on who the request really is, and their memory stays bounded."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from clearance.api.limits import RateLimiter
from clearance.store.keys import create_key
from tests.api.conftest import Server

CLEARANCE = str(Path(sys.executable).parent / "clearance")


def test_a_bucket_refills_at_the_rate() -> None:
    limiter = RateLimiter(rate=10.0, burst=2)
    assert [limiter.take("a"), limiter.take("a")] == [0.0, 0.0]
    wait = limiter.take("a")
    assert 0.0 < wait <= 0.1 and limiter.wait("a") > 0.0
    assert limiter.take("b") == 0.0  # another identity has its own bucket
    time.sleep(0.15)
    assert limiter.wait("a") == 0.0 and limiter.take("a") == 0.0


def test_the_table_of_buckets_is_bounded() -> None:
    limiter = RateLimiter(rate=1.0, burst=2, max_keys=1000)
    for i in range(50_000):
        limiter.take(f"bogus-{i}")
        assert len(limiter) <= 1000
    limiter.take("busy")
    limiter.take("busy")
    for i in range(500):  # the recently used keep their state through a flood of others
        limiter.take(f"later-{i}")
    assert limiter.wait("busy") > 0.0 and len(limiter) <= 1000


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_ten_thousand_bogus_keys_get_429_after_the_burst_and_memory_stays_flat(
        loaded_home: Path) -> None:
    """The issue's probe: every distinct bogus header used to get a bucket of its own."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "CLEARANCE_HOME": str(loaded_home), "CLEARANCE_RATE_LIMIT": "1",
           "CLEARANCE_RATE_BURST": "100"}
    server = subprocess.Popen([CLEARANCE, "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                httpx.get(f"{url}/healthz", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.1)

        def send(start: int, count: int) -> list[tuple[int, str]]:
            with httpx.Client(base_url=url, timeout=30) as client:
                out = []
                for i in range(start, start + count):
                    res = client.get("/lists", headers={"Authorization": f"Bearer bogus-{i}"})
                    out.append((res.status_code, res.headers.get("Retry-After", "")))
                return out

        first = send(0, 100)
        assert {code for code, _ in first} == {401}  # the burst: each checked and refused
        with ThreadPoolExecutor(4) as pool:
            early = sum(pool.map(send, range(100, 1100, 250), [250] * 4), [])
            rss_early = rss_kb(server.pid)
            late = sum(pool.map(send, range(1100, 10_000, 2225), [2225] * 4), [])
        rss_late = rss_kb(server.pid)
        answers = early + late
        assert len(first) + len(answers) == 10_000
        refused = [after for code, after in answers if code == 429]
        assert len(refused) > 9_500 and all(int(after) >= 1 for after in refused)
        assert {code for code, _ in answers} <= {401, 429}  # a refill lets the odd one through
        assert rss_late - rss_early < 8_000, (rss_early, rss_late)  # KB: flat
        # a valid key is limited by its own id, not by the failures of its address
        _, secret = create_key("analyst", "read")
        good = httpx.get(f"{url}/lists", headers={"Authorization": f"Bearer {secret}"})
        assert good.status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.parametrize("open_access", [False, True])
def test_each_key_has_its_own_bucket(loaded_home: Path, open_access: bool) -> None:
    server = Server(open_access=open_access, rate=1.0, burst=3)
    try:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            _, one = create_key("one", "read")
            _, two = create_key("two", "read")
            def get(secret: str) -> int:
                return client.get("/lists", headers={"Authorization": f"Bearer {secret}"}
                                  ).status_code
            first = [get(one) for _ in range(4)]
            assert first == [200, 200, 200, 429]
            # open mode has no keys: one address, one bucket; with keys, `two` is untouched
            assert get(two) == (429 if open_access else 200)
            assert client.get("/healthz").status_code == 200  # never limited
    finally:
        server.stop()
