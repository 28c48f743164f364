"""Loading a new list version while requests run: none fails, the index swaps whole."""

import os
import threading
import time
from pathlib import Path

import httpx

from clearance.store.db import reset_engines
from clearance.store.load import load_paths
from tests.api.conftest import Server

SOVCOMFLOT = {"queries": {"q": {"schema": "Company",
                                "properties": {"name": ["JOINT STOCK COMPANY SOVCOMFLOT"]}}}}


def test_requests_during_a_list_update_all_succeed(tmp_path: Path, lists_dir: Path) -> None:
    previous = os.environ.get("CLEARANCE_HOME")
    os.environ["CLEARANCE_HOME"] = str(tmp_path / "home")
    reset_engines()
    try:
        load_paths([lists_dir / "ofac_sdn"])
        server = Server(open_access=True, rate=1e6, burst=10**6)  # rate limits not under test
        statuses: list[int] = []
        found: list[bool] = []
        stop = threading.Event()

        def hammer() -> None:
            with httpx.Client(base_url=server.url, timeout=60) as client:
                while not stop.is_set():
                    res = client.post("/match/default", json=SOVCOMFLOT)
                    statuses.append(res.status_code)
                    if res.status_code == 200:
                        hits = res.json()["responses"]["q"]["results"]
                        found.append(any(r["source_id"] == "34741" and r["match"]
                                         for r in hits))

        httpx.post(server.url + "/match/default", json=SOVCOMFLOT, timeout=120)  # index warm
        threads = [threading.Thread(target=hammer, daemon=True) for _ in range(4)]
        for t in threads:
            t.start()
        try:
            time.sleep(1.0)
            before = list(found)
            load_paths([lists_dir / "ofac_sdn_20240503"])  # designated Feb 2024
            deadline = time.time() + 90
            while time.time() < deadline and not (found and found[-1]):
                time.sleep(0.2)
        finally:
            stop.set()
            for t in threads:
                t.join(timeout=60)
            server.stop()
        assert before and not any(before)  # Dec 2023: Sovcomflot JSC not yet designated
        assert statuses and set(statuses) == {200}
        assert found[-1] is True
    finally:
        if previous is not None:
            os.environ["CLEARANCE_HOME"] = previous
        reset_engines()
