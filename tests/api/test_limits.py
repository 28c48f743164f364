"""Rate limits key on who the request really is, and their memory stays bounded."""

from __future__ import annotations

import os
import time
from pathlib import Path

import httpx
import pytest

from clearance.api.limits import RateLimiter
from clearance.store.keys import create_key
from tests.api.conftest import Server


def test_a_bucket_refills_at_the_rate() -> None:
    limiter = RateLimiter(rate=10.0, burst=2)
    assert [limiter.take("a"), limiter.take("a")] == [0.0, 0.0]
    wait = limiter.take("a")
    assert 0.0 < wait <= 0.1 and limiter.wait("a") > 0.0
    assert limiter.take("b") == 0.0  # another identity has its own bucket
    time.sleep(0.15)
    assert limiter.wait("a") == 0.0 and limiter.take("a") == 0.0


def test_the_table_of_buckets_is_bounded() -> None:
    limiter = RateLimiter(rate=1.0, burst=5, max_keys=1000)
    for i in range(50_000):
        limiter.take(f"bogus-{i}")
        assert len(limiter) <= 1000
    limiter.take("busy")
    limiter.take("busy")
    for i in range(999):  # the most recently used survive a flood of new identities
        limiter.take(f"later-{i}")
    assert limiter.wait("busy") == 0.0 and len(limiter) == 1000


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_ten_thousand_bogus_keys_get_429_after_the_burst_and_memory_stays_flat(
        loaded_home: Path) -> None:
    server = Server(open_access=False, rate=50.0, burst=100)
    app = server.server.config.app
    try:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            codes: list[int] = []
            for i in range(10_000):
                res = client.get("/lists", headers={"Authorization": f"Bearer bogus-{i}"})
                codes.append(res.status_code)
                if i == 1_000:
                    rss_early = rss_kb(os.getpid())
            assert set(codes[:100]) == {401}  # the burst: each one checked and refused
            assert codes[-1] == 429 and codes.count(429) > 9_000
            assert int(res.headers["Retry-After"]) >= 1
            assert len(app.state.failure_limiter) == 1  # one client address, one bucket
            assert len(app.state.key_limiter) == 0
            assert rss_kb(os.getpid()) - rss_early < 20_000  # KB: flat, not per header
            # a valid key is limited by its own id, not by the failures of its address
            _, secret = create_key("analyst", "read")
            good = client.get("/lists", headers={"Authorization": f"Bearer {secret}"})
            assert good.status_code == 200 and len(app.state.key_limiter) == 1
    finally:
        server.stop()


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
