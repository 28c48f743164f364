"""HTTP load on /match: N concurrent clients on loopback against `clearance serve`.

usage: python benchmarks/load.py [--clients 16] [--requests 4000] [--seconds 30] [--workers 2]

Starts the server (all bundled lists, embedded SQLite, open mode on 127.0.0.1) in its own
process, sends single-query yente-style /match requests built from screening_dev.jsonl
(3,107 different names, in rotation) from `--clients` concurrent clients, bounded in time,
and reports throughput and latency percentiles, with the in-process `match_query` latency
of the same queries as the baseline (the ratio is the cost of HTTP, JSON and FtM records).
Targets on 2 cores: >= 300 req/s, p99 <= 50 ms.

The load comes from `wrk` (Debian package `wrk`: a C load generator that leaves the cores
to the server) when it is installed, else from an asyncio httpx client in this process,
which itself costs about as much CPU as the server and so understates the server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from common import BUNDLED, SHARED, pct


def bodies() -> list[dict[str, object]]:
    out = []
    with open(SHARED / "eval" / "screening_dev.jsonl") as fh:
        for line in fh:
            q = json.loads(line)["query"]
            out.append({"queries": {"q": {"schema": q.get("schema", "LegalEntity"),
                                          "properties": {"name": [q["name"]]}}}})
    return out


async def run_clients(url: str, payloads: list[dict[str, object]], clients: int,
                      total: int, seconds: float) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    sent = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        async def worker() -> None:
            nonlocal sent, errors
            while sent < total and time.perf_counter() < deadline:
                body = payloads[sent % len(payloads)]
                sent += 1
                t = time.perf_counter()
                res = await client.post("/match/default", json=body)
                latencies.append((time.perf_counter() - t) * 1000)
                errors += res.status_code != 200

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - start
    return latencies, errors, elapsed


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--clients", type=int, default=16)
    p.add_argument("--requests", type=int, default=4000)
    p.add_argument("--seconds", type=float, default=30.0)
    p.add_argument("--workers", type=int, default=2)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "CLEARANCE_HOME": home, "CLEARANCE_RATE_LIMIT": "1000000",
               "CLEARANCE_RATE_BURST": "1000000"}
        os.environ["CLEARANCE_HOME"] = home
        from clearance.index.store import ensure_index
        from clearance.match.engine import match_query
        from clearance.screening.io import InputRow, row_to_query
        from clearance.store.load import load_paths

        load_paths([SHARED / "data" / "lists" / d for d in BUNDLED])
        index = ensure_index()
        with open(SHARED / "eval" / "screening_dev.jsonl") as fh:
            queries = [row_to_query(InputRow(i, json.loads(x)), "dev")[1]
                       for i, x in enumerate(fh, start=1)]
        base = []
        for q in queries[:1000]:
            t = time.perf_counter()
            match_query(index, q, limit=5)
            base.append((time.perf_counter() - t) * 1000)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = subprocess.Popen(
            [sys.executable, "-m", "clearance.cli.app", "serve", "--open", "--port", str(port),
             "--workers", str(args.workers)], env=env, stdout=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.time() + 120
            while time.time() < deadline:
                try:
                    if httpx.get(url + "/readyz", timeout=5).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.5)
            payloads = bodies()
            if shutil.which("wrk") is not None:
                run_wrk(url, payloads, args, Path(home), statistics.median(base))
                return
            asyncio.run(run_clients(url, payloads[:200], args.clients, 200, 30))  # warm up
            lat, errors, elapsed = asyncio.run(
                run_clients(url, payloads, args.clients, args.requests, args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
    rate = len(lat) / elapsed
    print(f"## /match over HTTP (httpx client): {len(lat)} requests, {args.clients} clients, "
          f"{args.workers} server workers, {errors} errors")
    print(f"throughput {rate:7.0f} req/s (target 300)   p50 {pct(lat, .5):6.2f} ms   "
          f"p99 {pct(lat, .99):6.2f} ms (target 50)")
    print(f"in-process match_query p50 {statistics.median(base):5.2f} ms -> HTTP p50 is "
          f"{pct(lat, .5) / statistics.median(base):.1f}x")


LUA = """
local bodies = {}
for line in io.lines("%s") do bodies[#bodies + 1] = line end
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/match/default", {["Content-Type"] = "application/json"},
                    bodies[(n %% #bodies) + 1])
end
"""


def run_wrk(url: str, payloads: list[dict[str, object]], args: argparse.Namespace,
            folder: Path, base_p50: float) -> None:
    """Warm both server workers, then measure with wrk (bounded by --seconds)."""
    body_file = folder / "bodies.jsonl"
    body_file.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in payloads))
    script = folder / "match.lua"
    script.write_text(LUA % body_file)
    base = ["wrk", "-t2", f"-c{args.clients}", "--latency", "-s", str(script)]
    subprocess.run(base[:3] + ["-d5s", "-s", str(script), url + "/match/default"],
                   capture_output=True, check=True)  # warm-up: every worker loads its index
    out = subprocess.run(base + [f"-d{int(args.seconds)}s", url + "/match/default"],
                         capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"50%\s+([\d.]+\w+)", out).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    print(f"## /match over HTTP (wrk): {args.clients} connections, {args.workers} server "
          f"workers, {int(args.seconds)} s, {errors.group(1) if errors else 0} errors")
    print(f"throughput {rate:7.0f} req/s (target 300)   p50 {p50:6.2f} ms   "
          f"p99 {p99:6.2f} ms (target 50)")
    print(f"in-process match_query p50 {base_p50:5.2f} ms -> HTTP p50 is {p50 / base_p50:.1f}x")


def _ms(text: str) -> float:
    value = float(re.match(r"[\d.]+", text).group(0))  # type: ignore[union-attr]
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[text.lstrip("0123456789.")]


if __name__ == "__main__":
    main()
