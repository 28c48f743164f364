"""CPU of a /match request in one process, the matcher's share and the rest's.

usage: python benchmarks/api_cpu.py [--home H] [--bodies 400] [--skip 0] [--warm 200]
                                    [--profile OUT.prof] [--dump OUT.jsonl]

Drives the ASGI app (`clearance.api.app.create_app`, open mode) directly, without sockets
or a server: each of `--bodies` distinct single-query yente bodies (the names
`benchmarks/load.py` sends, from its `--skip`-th on) goes through the middleware, the
router, validation, `match_query`, the records and the response's JSON, with the matching
call run inline instead of on the matching thread (one thread: the process's CPU time is
the request's). First `--warm` other names are matched (as load.py's warm-up does), so
the one-time tables are built before the measured requests.

Prints the process CPU per request, the part spent inside `match_query` (thread CPU
around each call) and the rest (HTTP layer: parsing, validation, records, explanation,
JSON, middleware). `--profile` writes a cProfile of the measured requests; `--dump`
writes each body's status and response, keys sorted, to compare two trees' answers;
`--callgrind` (under `valgrind --tool=callgrind --instr-atstart=no`) counts instructions
over the measured requests only: repeatable on a busy machine.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import population_names  # noqa: E402
from load import body, eval_names  # noqa: E402


def load_bodies(n: int, skip: int) -> tuple[list[str], list[str]]:
    measured = eval_names()
    measured += population_names(12_000 - len(measured), seed=16,
                                 exclude={name for name, _ in measured})
    warmup = population_names(400, seed=17, exclude={name for name, _ in measured})
    return ([body(name, schema) for name, schema in measured[skip:skip + n]],
            [body(name, schema) for name, schema in warmup])


class Inline:
    """The app's matching thread replaced by a call in place (one thread to measure)."""

    async def run(self, call: Any) -> Any:
        return call()

    def stop(self) -> None:
        pass


async def request(app: Any, payload: bytes, path: str = "/match/default",
                  content_type: bytes = b"application/json") -> tuple[int, bytes]:
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": path, "raw_path": path.encode(),
             "root_path": "", "query_string": b"", "server": ("127.0.0.1", 8000),
             "client": ("127.0.0.1", 40000),
             "headers": [(b"host", b"127.0.0.1:8000"), (b"content-type", content_type),
                         (b"content-length", str(len(payload)).encode())]}
    sent = False
    status = 0
    chunks: list[bytes] = []

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": payload, "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--home", type=Path)
    p.add_argument("--bodies", type=int, default=400)
    p.add_argument("--skip", type=int, default=0)
    p.add_argument("--warm", type=int, default=200)
    p.add_argument("--profile", type=Path)
    p.add_argument("--dump", type=Path)
    p.add_argument("--callgrind", action="store_true",
                   help="under `valgrind --tool=callgrind --instr-atstart=no`: instructions "
                        "counted over the measured requests only")
    args = p.parse_args()
    if args.home is not None:
        os.environ["CLEARANCE_HOME"] = str(args.home)
    os.environ.setdefault("CLEARANCE_RATE_LIMIT", "1000000")
    os.environ.setdefault("CLEARANCE_RATE_BURST", "1000000")
    bodies, warmup = load_bodies(args.bodies, args.skip)

    import clearance.api.routers.match as route
    from clearance.api.app import create_app

    spent = [0.0]
    plain = route.match_query

    def timed(*a: Any, **k: Any) -> Any:
        t = time.thread_time()
        try:
            return plain(*a, **k)
        finally:
            spent[0] += time.thread_time() - t

    route.match_query = timed  # type: ignore[assignment]
    app = create_app(open_access=True)
    app.state.matcher = Inline()
    app.state.index.get()

    async def run() -> None:
        for payload in warmup[:args.warm]:
            await request(app, payload.encode())
        from clearance.match.tables import freeze_heap

        freeze_heap(collect=True)
        out = []
        spent[0] = 0.0
        profiler = None
        if args.profile is not None:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        if args.callgrind:  # count the measured requests only
            subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], check=True,
                           capture_output=True)
        per: list[float] = []
        inside: list[float] = []
        cpu0 = time.process_time()
        for payload in bodies:
            t = time.process_time()
            before = spent[0]
            status, content = await request(app, payload.encode())
            per.append((time.process_time() - t) * 1000)
            inside.append((spent[0] - before) * 1000)
            out.append((status, content))
        cpu = time.process_time() - cpu0
        if args.callgrind:
            subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], check=True,
                           capture_output=True)
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(str(args.profile))
        n = len(bodies)
        matcher = spent[0]
        print(f"{n} bodies: process CPU {cpu * 1000 / n:.3f} ms/request "
              f"(p50 {statistics.median(per):.2f}, max {max(per):.1f}); match_query "
              f"{matcher * 1000 / n:.3f} ms; the rest {(cpu - matcher) * 1000 / n:.3f} ms "
              f"({(cpu - matcher) / cpu:.0%}); statuses {sorted({s for s, _ in out})}; "
              f"gc {gc.get_stats()[2]['collections']} full collections")
        ranked = sorted(range(n), key=per.__getitem__)
        tail = ranked[int(n * .99):]
        print(f"per request CPU p90 {per[ranked[int(n * .9)]]:.2f} ms, p99 "
              f"{per[ranked[int(n * .99)]]:.2f} ms; the slowest 1%: match_query "
              f"{statistics.mean(inside[k] for k in tail):.2f} ms, the rest "
              f"{statistics.mean(per[k] - inside[k] for k in tail):.2f} ms on average")
        if args.dump is not None:
            with open(args.dump, "w") as fh:
                for payload, (status, content) in zip(bodies, out, strict=True):
                    answer = json.loads(content)
                    fh.write(json.dumps({"body": json.loads(payload), "status": status,
                                         "answer": answer}, sort_keys=True,
                                        ensure_ascii=False) + "\n")

    asyncio.run(run())


if __name__ == "__main__":
    main()
