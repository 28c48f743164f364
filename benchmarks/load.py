"""HTTP load on /match: 16 connections on loopback against `clearance serve --workers 2`.

usage: python benchmarks/load.py [--clients 16] [--bodies 12000] [--seconds 20] [--workers 2]

Starts the server (all bundled lists, embedded SQLite, open mode on 127.0.0.1) in its own
process and sends single-query yente-style /match requests, each for a different name:
the 3,107 names of screening_dev.jsonl plus real-looking people and companies from 23
locales (`common.population_names`), `--bodies` in all. The server's workers first load
their index on a separate warm-up set of 400 other names; the measured bodies were never
sent before:

- cold: every body sent at most once (each wrk thread walks its own slice and stops at
  its end), so no cache holds an answer a user would not meet cold;
- warm: the same bodies again, in the same order, on the same server.

Each pass also prints the server's CPU per request (user + system time of its processes
over the pass, from /proc: on a busy box a steadier figure than the latencies, which wait
for the other processes) and how many connections each server worker holds five seconds
in (the table the workers share to balance them, `clearance.api.fair_accept`). Meanwhile a
separate client polls GET /healthz every 50 ms and reports its worst latency
(target: under 100 ms). The baseline, in this process, is `match_query` on the first 1,000
bodies' queries, cold (nothing matched before); the ratio is the cost of HTTP, JSON and the
FtM records. Targets on 2 cores: >= 300 req/s, p99 <= 50 ms, 0 errors.

The load comes from `wrk` (Debian package `wrk`: a C load generator that leaves the cores
to the server). Without it an asyncio httpx client in this process is used, which costs
about as much CPU as the server and so understates it.
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
import threading
import time
from pathlib import Path

import httpx
from common import BUNDLED, SHARED, header, pct, population_names


def eval_names() -> list[tuple[str, str]]:
    out = []
    with open(SHARED / "eval" / "screening_dev.jsonl") as fh:
        for line in fh:
            q = json.loads(line)["query"]
            out.append((q["name"], q.get("schema", "LegalEntity")))
    return out


def body(name: str, schema: str) -> str:
    return json.dumps({"queries": {"q": {"schema": schema, "properties": {"name": [name]}}}},
                      ensure_ascii=False)


class HealthProbe(threading.Thread):
    """GET /healthz every 50 ms on its own connection; keeps every latency."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.latencies: list[float] = []
        self.failures = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=10) as client:
            while not self._stop_event.is_set():
                t = time.perf_counter()
                try:
                    ok = client.get("/healthz").status_code == 200
                except httpx.TransportError:
                    ok = False
                self.latencies.append((time.perf_counter() - t) * 1000)
                self.failures += not ok
                self._stop_event.wait(0.05)

    def stop(self) -> str:
        self._stop_event.set()
        self.join()
        lat = self.latencies or [0.0]
        return (f"/healthz meanwhile: {len(self.latencies)} polls, p50 {pct(lat, .5):.1f} ms, "
                f"max {max(lat):.1f} ms (target < 100 ms), {self.failures} failures")


LUA = """
local bodies = {}
for line in io.lines("%s") do bodies[#bodies + 1] = line end
local threads = %d
local counter = 1
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  n = id - 1 - threads
end
request = function()
  n = n + threads
  if n >= #bodies then
    wrk.thread:stop()
    n = n %% #bodies
  end
  return wrk.format("POST", "/match/default", {["Content-Type"] = "application/json"},
                    bodies[n + 1])
end
"""


def connection_split(folder: Path) -> str:
    """Connections each server worker holds, from the table the workers share to balance
    them (`clearance.api.fair_accept`; the server's TMPDIR is `folder`)."""
    from clearance.api.fair_accept import read_loads

    tables = list(folder.glob("clearance-serve-*/worker-loads"))
    if not tables:
        return "?"
    held = read_loads(tables[0])
    return " / ".join(str(h) for h in held)


def server_cpu(pid: int) -> dict[int, float]:
    """CPU seconds (user + system) each of the server's processes has used so far: the
    process and its children (the workers), read from /proc (none where there is none)."""
    total: dict[int, float] = {}
    pending = [pid]
    while pending:
        proc = pending.pop()
        try:
            stat = Path(f"/proc/{proc}/stat").read_text()
            children = Path(f"/proc/{proc}/task/{proc}/children").read_text().split()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        total[proc] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        pending += [int(c) for c in children]
    return total


def run_wrk(url: str, bodies: list[str], clients: int, seconds: int, folder: Path,
            label: str, server: int) -> tuple[str, int]:
    """One wrk pass over the bodies (each at most once); returns its line and request count."""
    threads = 2
    body_file = folder / "bodies.jsonl"
    body_file.write_text("".join(b + "\n" for b in bodies))
    script = folder / "match.lua"
    script.write_text(LUA % (body_file, threads))
    cmd = ["wrk", f"-t{threads}", f"-c{clients}", f"-d{seconds}s", "--latency", "-s",
           str(script), url + "/match/default"]
    probe = HealthProbe(url)
    probe.start()
    split: list[str] = []
    sampler = threading.Timer(min(5.0, seconds / 2), lambda: split.append(
        connection_split(folder)))
    sampler.start()
    before = server_cpu(server)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    after = server_cpu(server)
    cpu = sum(after[p] - before.get(p, 0.0) for p in after)
    # a worker that died (and was replaced) took its CPU with it: no figure then
    replaced = set(before) - set(after)
    health = probe.stop()
    sampler.cancel()
    done = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    took = _s(re.search(r"requests in ([\d.]+\w+),", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"50%\s+([\d.]+\w+)", out).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock_errors = re.search(r"Socket errors: (.*)", out)
    # wrk runs for its whole duration even when every thread has run out of bodies
    floor = " (every body sent before the end: a floor)" if done >= len(bodies) - clients else ""
    line = (f"{label}: {done:,} requests ({done / took:7.0f} req/s{floor}, target 300)   "
            f"p50 {p50:6.2f} ms   p99 {p99:6.2f} ms (target 50)   "
            f"{errors.group(1) if errors else 0} errors"
            + (f", socket errors {sock_errors.group(1)}" if sock_errors else "")
            + (f"\n  server CPU {cpu * 1000 / max(done, 1):.2f} ms a request (user + system "
               f"of its processes, /healthz polls included)" if not replaced else
               f"\n  server CPU: not counted ({len(replaced)} server process(es) ended "
               f"during the pass)")
            + f"\n  connections per server worker after {min(5.0, seconds / 2):.0f} s: "
            + (split[0] if split else "?") + f"\n  {health}")
    return line, done


async def run_clients(url: str, bodies: list[str], clients: int,
                      seconds: float) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    sent = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    headers = {"content-type": "application/json"}
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        async def worker() -> None:
            nonlocal sent, errors
            while sent < len(bodies) and time.perf_counter() < deadline:
                payload = bodies[sent]
                sent += 1
                t = time.perf_counter()
                res = await client.post("/match/default", content=payload, headers=headers)
                latencies.append((time.perf_counter() - t) * 1000)
                errors += res.status_code != 200

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - start
    return latencies, errors, elapsed


def run_httpx(url: str, bodies: list[str], clients: int, seconds: int, label: str) -> str:
    probe = HealthProbe(url)
    probe.start()
    lat, errors, elapsed = asyncio.run(run_clients(url, bodies, clients, seconds))
    health = probe.stop()
    return (f"{label}: {len(lat):,} requests ({len(lat) / elapsed:7.0f} req/s, target 300)   "
            f"p50 {pct(lat, .5):6.2f} ms   p99 {pct(lat, .99):6.2f} ms (target 50)   "
            f"{errors} errors\n  {health}")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--clients", type=int, default=16)
    p.add_argument("--bodies", type=int, default=12_000)
    p.add_argument("--seconds", type=int, default=20)
    p.add_argument("--workers", type=int, default=2)
    args = p.parse_args()
    header("cold server caches for the measured bodies (the workers warm up on 400 other "
           "names); the warm pass repeats the same bodies")
    measured = eval_names()
    measured += population_names(args.bodies - len(measured), seed=16,
                                 exclude={n for n, _ in measured})
    warmup = population_names(400, seed=17, exclude={n for n, _ in measured})
    bodies = [body(n, s) for n, s in measured]
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "CLEARANCE_HOME": home, "CLEARANCE_RATE_LIMIT": "1000000",
               "CLEARANCE_RATE_BURST": "1000000", "TMPDIR": home}
        os.environ["CLEARANCE_HOME"] = home
        from clearance.index.store import ensure_index
        from clearance.match.engine import match_query
        from clearance.match.score import Query
        from clearance.store.load import load_paths

        load_paths([SHARED / "data" / "lists" / d for d in BUNDLED])
        index = ensure_index()
        base = []
        for name, schema in measured[:1000]:
            t = time.perf_counter()
            match_query(index, Query(name, schema), limit=5)
            base.append((time.perf_counter() - t) * 1000)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        # the server imports the clearance this process measured in-process: `python -m`
        # puts the current directory first on sys.path, so run it from that package's
        # folder (from a source checkout beside an installed wheel it served the source)
        import clearance

        served = Path(clearance.__file__).resolve().parent.parent
        print(f"server: clearance from {served}")
        server = subprocess.Popen(
            [sys.executable, "-m", "clearance.cli.app", "serve", "--open", "--port", str(port),
             "--workers", str(args.workers)], env=env, stdout=subprocess.DEVNULL, cwd=served)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.time() + 120
            while time.time() < deadline:
                try:
                    if httpx.get(url + "/readyz", timeout=5).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.5)
            # one keep-alive connection per worker (the server spreads new connections to
            # the worker holding fewer), so every worker warms up, not only the first
            warmers = [httpx.Client(base_url=url, timeout=60) for _ in range(args.workers)]
            try:
                for k, (name, schema) in enumerate(warmup):
                    warmers[k % len(warmers)].post("/match/default", content=body(name, schema),
                                                   headers={"content-type": "application/json"})
                print(f"warm-up: {len(warmup)} other names over {len(warmers)} connections "
                      f"(connections per worker: {connection_split(Path(home))})")
            finally:
                for client in warmers:
                    client.close()
            tool = "wrk" if shutil.which("wrk") is not None else "httpx client"
            print(f"## /match over HTTP ({tool}): {len(bodies):,} distinct single-query bodies "
                  f"({len(measured) - 3107:,} generated), {args.clients} connections, "
                  f"{args.workers} server workers, at most {args.seconds} s per pass")
            for label in ("cold", "warm"):
                if tool == "wrk":
                    line, done = run_wrk(url, bodies, args.clients, args.seconds, Path(home),
                                         label, server.pid)
                    print(line)
                else:
                    print(run_httpx(url, bodies, args.clients, args.seconds, label))
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"in-process match_query p50 {statistics.median(base):5.2f} ms (cold, first 1,000 "
          "bodies)")


def _ms(text: str) -> float:
    value = float(re.match(r"[\d.]+", text).group(0))  # type: ignore[union-attr]
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[text.lstrip("0123456789.")]


def _s(text: str) -> float:
    return _ms(text) / 1000


if __name__ == "__main__":
    main()
