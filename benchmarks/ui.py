"""Web UI page times with 10,000 alerts on the bundled lists (issue 12: <= 200 ms a page).

usage: python benchmarks/ui.py [--alerts 10000] [--rounds 20] [--home DIR]

Builds a store in a temporary home: the five bundled lists, a book of `--alerts` entries
named after list entities, one alert per entry scored by the real matcher (its stored
explanation is the one the case page shows), 500 decisions awaiting approval, 2,000
assigned cases and two users. Then `clearance serve` runs in its own process and an
httpx client signs in and fetches each page `--rounds` times (after two warm-ups),
reporting the median and the 95th percentile of the full request (server and loopback).
`--home DIR` keeps the store there and reuses it on the next run (building takes minutes).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from common import BUNDLED, SHARED, header, pct

TARGET_MS = 200.0


def build_store(home: Path, count: int) -> list[int]:
    """Lists, book, alerts, proposals, assignments; returns some alert ids to open."""
    os.environ["CLEARANCE_HOME"] = str(home)
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import ScoringConfig
    from clearance.monitor.alerts import Hit, Outcome, reconcile
    from clearance.monitor.book import BookEntry, upsert_entries
    from clearance.monitor.review import assign, submit_bulk
    from clearance.store import iter_records
    from clearance.store.db import engine
    from clearance.store.load import load_paths
    from clearance.store.users import create_user

    t0 = time.perf_counter()
    load_paths([SHARED / "data" / "lists" / d for d in BUNDLED])
    index = ensure_index()
    print(f"lists loaded and indexed in {time.perf_counter() - t0:.1f} s", flush=True)
    rng = random.Random(12)
    records = [r for r in iter_records() if r["schema"] in ("Person", "Company",
                                                            "Organization", "LegalEntity")]
    chosen = rng.sample(records, count)
    entries, hits = [], []
    cfg = ScoringConfig()
    t0 = time.perf_counter()
    for i, record in enumerate(chosen):
        entry = BookEntry(f"b-{i:05d}", record["caption"], record["schema"],
                          attributes={"desk": rng.choice(["retail", "corporate", "private"])})
        entries.append(entry)
        results = match_query(index, entry.query(), cfg, limit=1)
        best = results[0].to_dict() if results else None
        if best is None:
            continue
        hits.append(Hit(entry.id, entry.digest, "0" * 40, best))
    print(f"{len(hits):,} alerts scored in {time.perf_counter() - t0:.1f} s", flush=True)
    upsert_entries(entries, "benchmark", "benchmark")
    with engine().begin() as conn:
        reconcile(conn, hits, Outcome())
    ids = list(range(1, len(hits) + 1))
    submit_bulk(ids[:500], "false_positive", "benchmark proposals", "user:ana", "partial_name")
    assign(ids[500:2500], "user:ana", "user:ana")
    for name, role in (("ana", "analyst"), ("rev", "reviewer")):
        create_user(name, role, "benchmark password", actor="benchmark")
    return [ids[0], ids[len(ids) // 2], ids[-1]]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def sign_in(client: httpx.Client) -> None:
    page = client.get("/ui/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert token is not None
    done = client.post("/ui/login", data={"csrf": token.group(1), "username": "rev",
                                          "password": "benchmark password"})
    assert done.status_code in (200, 303) and "clearance_session" in client.cookies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--alerts", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--home", type=Path, default=None)
    args = parser.parse_args()
    header("warm: one server process, each page fetched twice before the --rounds timed "
           "fetches (a reviewer paging through cases)")
    with tempfile.TemporaryDirectory(prefix="clearance-ui-bench-") as tmp:
        home = args.home or Path(tmp)
        ready = home / "ui-bench.ready"
        if ready.exists():
            cases = [int(x) for x in ready.read_text().split()]
        else:
            cases = build_store(home, args.alerts)
            ready.write_text(" ".join(map(str, cases)))
        port = free_port()
        env = {**os.environ, "CLEARANCE_HOME": str(home)}
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "clearance"), "serve", "--port", str(port)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.time() + 120
            while time.time() < deadline:
                try:
                    if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(0.5)
            pages = {
                "dashboard": "/ui/",
                "queue (open, by score)": "/ui/alerts",
                "queue (filters: dataset, score, tag)":
                    "/ui/alerts?dataset=us_ofac_sdn&score_min=0.9&score_max=1&tag=retail",
                "queue (oldest first, page 100 of 25)": "/ui/alerts?sort=opened&per_page=25&page=100",
                "queue (assigned to ana)": "/ui/alerts?assignee=user%3Aana",
                "queue (awaiting approval)": "/ui/alerts?awaiting=1",
                **{f"case #{c}": f"/ui/alerts/{c}" for c in cases},
                "approvals (500 pending)": "/ui/approvals",
                "screening: one name": "/ui/screening?name=Hikvision",
                "book": "/ui/book?q=b-0",
                "lists": "/ui/lists",
                "audit": "/ui/audit",
            }
            rows = []
            with httpx.Client(base_url=base, timeout=60) as client:
                sign_in(client)
                for label, url in pages.items():
                    times = []
                    for i in range(args.rounds + 2):
                        t0 = time.perf_counter()
                        response = client.get(url)
                        elapsed = (time.perf_counter() - t0) * 1000
                        assert response.status_code == 200, (url, response.status_code)
                        if i >= 2:
                            times.append(elapsed)
                    rows.append((label, statistics.median(times), pct(times, 0.95)))
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"\n## Web UI pages: {args.alerts:,} alerts, bundled lists, {args.rounds} rounds "
          f"(target <= {TARGET_MS:.0f} ms)\n")
    print("| page | median ms | p95 ms |")
    print("|---|---:|---:|")
    for label, median, p95 in rows:
        flag = "" if p95 <= TARGET_MS else " (over)"
        print(f"| {label} | {median:.1f} | {p95:.1f}{flag} |")


if __name__ == "__main__":
    main()
