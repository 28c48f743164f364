"""`clearance serve`: it says it is ready when it is, and how to stop (what `make run` ends
with); several instances on one PostgreSQL store, as behind a load balancer.

Two real server processes, each with its own CLEARANCE_HOME (as on two hosts), share a
PostgreSQL database started by the test suite. A list loaded through one of them is
served by both within seconds, without a restart, while concurrent clients see no failed
request; API keys created or revoked anywhere apply everywhere at once; audit records
appended through both instances form one intact chain.
"""

from __future__ import annotations

import os
import re
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

from tests.conftest import LISTS, new_pg_database

CLEARANCE = str(Path(sys.executable).parent / "clearance")
SOVCOMFLOT = {"queries": {"q": {"schema": "Company",
                                "properties": {"name": ["JOINT STOCK COMPANY SOVCOMFLOT"]}}}}


def _env(url: str, home: Path) -> dict[str, str]:
    return {**os.environ, "CLEARANCE_DATABASE_URL": url, "CLEARANCE_HOME": str(home),
            "CLEARANCE_RATE_LIMIT": "100000", "CLEARANCE_RATE_BURST": "100000"}


def _cli(url: str, home: Path, *args: str) -> str:
    done = subprocess.run([CLEARANCE, *args], env=_env(url, home), capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def instances(pg_cluster: Path, tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[tuple[str, list[str], str]]:
    """(database URL, the two instances' base URLs, an admin key), Dec 2023 SDN loaded."""
    pg_database = new_pg_database(pg_cluster)
    tmp_path = tmp_path_factory.mktemp("instances")
    _cli(pg_database, tmp_path / "cli", "lists", "load", str(LISTS / "ofac_sdn"))
    secret = re.search(r"(clr_\S+)", _cli(pg_database, tmp_path / "cli", "keys", "create",
                                          "--name", "ops", "--scope", "admin"))
    assert secret is not None
    procs, urls = [], []
    for name in ("a", "b"):
        port = _free_port()
        procs.append(subprocess.Popen(
            [CLEARANCE, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=_env(pg_database, tmp_path / name), stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL))
        urls.append(f"http://127.0.0.1:{port}")
    try:
        deadline = time.time() + 240
        for url in urls:
            while True:
                assert time.time() < deadline, f"{url} never became ready"
                try:
                    if httpx.get(url + "/readyz", timeout=5).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.5)
        yield pg_database, urls, secret.group(1)
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)


def test_a_list_loaded_through_one_instance_is_served_by_all_without_a_failed_request(
        instances: tuple[str, list[str], str]) -> None:
    _, urls, secret = instances
    auth = {"Authorization": f"Bearer {secret}"}
    seen: dict[str, list[tuple[float, bool]]] = {u: [] for u in urls}
    failures: list[str] = []
    stop = threading.Event()

    def client(url: str) -> None:
        with httpx.Client(base_url=url, headers=auth, timeout=60) as http:
            while not stop.is_set():
                res = http.post("/match/default", json=SOVCOMFLOT)
                if res.status_code != 200:
                    failures.append(f"{url}: {res.status_code} {res.text[:200]}")
                    continue
                hits = res.json()["responses"]["q"]["results"]
                seen[url].append((time.time(), any(r["source_id"] == "34741" and r["match"]
                                                   for r in hits)))

    threads = [threading.Thread(target=client, args=(u,), daemon=True) for u in urls * 2]
    for t in threads:
        t.start()
    try:
        time.sleep(2.0)
        res = httpx.post(urls[0] + "/lists/update", headers=auth, timeout=300,
                         params={"mirror": str(LISTS / "ofac_sdn_20240503")})
        assert res.status_code == 200 and res.json()[0]["version"] == 2
        loaded = time.time()
        deadline = loaded + 180
        while time.time() < deadline and not all(s and s[-1][1] for s in seen.values()):
            time.sleep(0.2)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
    assert failures == []
    for url in urls:
        before = [found for at, found in seen[url] if at < loaded - 1]
        assert before and not any(before)  # Dec 2023: Sovcomflot JSC not yet designated
        switched = min(at for at, found in seen[url] if found)
        assert seen[url][-1][1] and switched - loaded < 120
        print(f"{url} serves the new list {switched - loaded:.1f} s after the load")


def test_keys_and_audit_appends_hold_across_instances(
        instances: tuple[str, list[str], str], tmp_path: Path) -> None:
    url, urls, secret = instances
    home = tmp_path / "cli"  # another host's command line
    created = _cli(url, home, "keys", "create", "--name", "teller", "--scope", "screen")
    key_id, teller = re.search(r"key (\d+) .*: (clr_\S+)", created).groups()  # type: ignore[union-attr]
    auth = {"Authorization": f"Bearer {teller}"}
    assert all(httpx.get(u + "/lists", headers=auth).status_code == 200 for u in urls)

    def post_book(url: str, start: int) -> None:
        with httpx.Client(base_url=url, headers=auth, timeout=60) as http:
            for i in range(start, start + 10):
                assert http.post("/book", json=[{"id": f"c{i}", "name": f"Customer {i}"}]
                                 ).status_code == 200

    threads = [threading.Thread(target=post_book, args=(u, k * 10))
               for k, u in enumerate(urls * 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    page = httpx.get(urls[1] + "/book", headers=auth, params={"limit": 100}).json()
    assert len(page["entries"] if isinstance(page, dict) else page) == 40
    out = _cli(url, home, "audit", "verify")
    assert "audit log intact" in out
    records = int(re.search(r"(\d+) records", out).group(1))  # type: ignore[union-attr]
    assert records >= 40 + 3  # two loads, two keys, forty imports through two instances

    _cli(url, home, "keys", "revoke", key_id)
    assert all(httpx.get(u + "/lists", headers=auth).status_code == 401 for u in urls)
    admin = {"Authorization": f"Bearer {secret}"}
    assert all(httpx.get(u + "/lists", headers=admin).status_code == 200 for u in urls)


def test_serve_announces_ready_only_once_readyz_answers(loaded_home: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([CLEARANCE, "serve", "--port", str(port), "--open"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "CLEARANCE_HOME": str(loaded_home)})
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith(f"starting on http://127.0.0.1:{port}") and "loading" in first
        start = time.time()
        line = proc.stdout.readline()
        while not line.startswith("ready:") and time.time() - start < 120:
            line = proc.stdout.readline()
        ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=5)
        assert ready.status_code == 200 and line.startswith("ready:")
        assert f"{ready.json()['entities']:,} list entities" in line
        assert "Ctrl+C" in line and f"SIGTERM to process {proc.pid}" in line
        proc.send_signal(signal.SIGINT)  # what Ctrl+C sends
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
