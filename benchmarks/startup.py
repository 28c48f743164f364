"""Start-up of the command line and the server, each also as a multiple of `python -c pass`.

usage: python benchmarks/startup.py [--home DIR] [--rounds 7] [--lists DIR]

Targets (issue 14): `clearance match NAME` <= 0.8 s wall on the bundled lists,
`clearance --help` <= 0.3 s, `clearance serve` ready (`/readyz` answers 200) <= 3 s once
the index file exists; and the server stops within 10 s of SIGTERM. Every figure is the
median of `--rounds` rounds that interleave all the measurements, and is also given as a
ratio to `python -c pass` measured in the same rounds, so that runs on machines of
different speed, or on one machine under different load, can be compared.

Without `--home`, a temporary home is made and the bundled lists are loaded into it first
(not timed); `clearance lists load` also builds the index file.

Then, in this process: loading the saved index whole (`read_index`, what servers and batch
workers do), the rows one query needs (`index_for_query`, what `clearance match` does),
and, as the baseline, unpickling the same `Index` (the format before issue 14).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
from common import BUNDLED, SHARED, header

BIN = Path(sys.executable).parent
CLEARANCE = str(BIN / "clearance")
TARGETS = {"clearance --help": 0.3, "clearance match NAME": 0.8, "clearance serve, ready": 3.0,
           "clearance serve, stopped by SIGTERM": 10.0}


def run(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def serve(env: dict[str, str]) -> tuple[float, float]:
    """Seconds from start to the first 200 from /readyz, and from SIGTERM to exit."""
    port = free_port()
    start = time.perf_counter()
    proc = subprocess.Popen([CLEARANCE, "serve", "--port", str(port), "--open"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ready = float("nan")
    try:
        while proc.poll() is None and time.perf_counter() - start < 120:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                    ready = time.perf_counter() - start
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.02)
    finally:
        stop = time.perf_counter()
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return ready, time.perf_counter() - stop


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--home", type=Path, help="a CLEARANCE_HOME with the lists loaded")
    p.add_argument("--lists", type=Path, default=SHARED / "data" / "lists")
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--name", default="Hikvision")
    args = p.parse_args()
    header("a new process per measurement; the index file and the OS page cache warm after "
           "the first round (medians of interleaved rounds)")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CLEARANCE_HOME": str(args.home or tmp)}
        env.pop("CLEARANCE_DATABASE_URL", None)
        if args.home is None:
            subprocess.run([CLEARANCE, "lists", "load", *[str(args.lists / d) for d in BUNDLED]],
                           env=env, check=True, stdout=subprocess.DEVNULL)
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "clearance --help": [CLEARANCE, "--help"],
            "clearance match NAME": [CLEARANCE, "match", args.name, "--limit", "3"],
        }
        for argv in commands.values():  # warm the page cache (and build the index if needed)
            run(argv, env)
        times: dict[str, list[float]] = {k: [] for k in [*commands, *list(TARGETS)[2:]]}
        for _ in range(args.rounds):
            for label, argv in commands.items():
                times[label].append(run(argv, env))
            ready, stopped = serve(env)
            times["clearance serve, ready"].append(ready)
            times["clearance serve, stopped by SIGTERM"].append(stopped)
        loads = index_loads(env["CLEARANCE_HOME"], args.rounds, args.name)
    base = statistics.median(times["python -c pass"])
    print(f"## start-up, median of {args.rounds} rounds (python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})")
    for label, values in times.items():
        median = statistics.median(values)
        target = TARGETS.get(label)
        verdict = "" if target is None else (
            f"  target {target:.1f} s: {'met' if median <= target else 'NOT met'}")
        print(f"{label:38s} {median:7.3f} s  {median / base:6.1f}x python -c pass"
              f"  (min {min(values):.3f}, max {max(values):.3f}){verdict}")
    print("## loading the saved index, in process (median)")
    for label, (seconds, extra) in loads.items():
        print(f"{label:38s} {seconds:7.3f} s  {extra}")


def index_loads(home: str, rounds: int, name: str) -> dict[str, tuple[float, str]]:
    """Seconds to load the saved index whole, for one query, and as a pickle (baseline)."""
    import gc
    import pickle

    os.environ["CLEARANCE_HOME"] = home
    from clearance.index.store import ensure_index_file, index_for_query, read_index
    from clearance.match.score import Query

    path = ensure_index_file()
    out: dict[str, tuple[float, str]] = {}

    def median_of(load: Callable[[], object]) -> float:
        seconds = []
        for _ in range(rounds):
            start = time.perf_counter()
            value = load()
            seconds.append(time.perf_counter() - start)
            del value
            gc.collect()
        return statistics.median(seconds)

    out["read_index (whole index)"] = (median_of(lambda: read_index(path)),
                                       f"file {path.stat().st_size / 1e6:.1f} MB")
    out["index_for_query (one query's rows)"] = (
        median_of(lambda: index_for_query(Query(name))), "")
    pickled = pickle.dumps(read_index(path), protocol=pickle.HIGHEST_PROTOCOL)
    out["pickle.loads (baseline: old format)"] = (median_of(lambda: pickle.loads(pickled)),
                                                  f"{len(pickled) / 1e6:.1f} MB")
    return out


if __name__ == "__main__":
    main()
