"""`clearance serve` and `clearance keys ...`: run the HTTP API, manage its keys."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from clearance import settings
from clearance.cli.output import console, err, fail
from clearance.exc import ClearanceError
from clearance.store.keys import SCOPES, create_key, list_keys, revoke_key

__all__ = ["serve", "keys_app"]

keys_app = typer.Typer(help="API keys: create, list, revoke.", no_args_is_help=True)

LOCAL = ("127.0.0.1", "localhost", "::1")


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1)] = 1,
    open_access: Annotated[bool, typer.Option(
        "--open", help="No API keys (refused unless listening on 127.0.0.1).")] = False,
) -> None:
    """Run the HTTP API (OpenAPI at /docs); the index is built first if needed."""
    import os
    import tempfile
    from pathlib import Path

    from clearance.index.store import ensure_index_file

    if open_access and host not in LOCAL:
        err.print("[red]error:[/] --open serves without API keys: only on 127.0.0.1")
        raise typer.Exit(2)
    try:  # settings the server reads are checked here, not in a worker's traceback
        settings.rate_limit()
        settings.rate_burst()
        settings.max_upload()
    except ClearanceError as exc:
        raise fail(exc) from None
    ensure_index_file()  # built here once; each worker process loads the saved file
    mode = "open, no keys" if open_access else "API keys"
    console.print(f"starting on http://{host}:{port} ({mode}); loading the index ...")
    os.environ["CLEARANCE_OPEN"] = "1" if open_access else "0"  # read by clearance.api.main
    _announce_when_ready(host, port, mode)
    if workers == 1:
        _run(host, port, workers, "auto")
        return
    # the workers share one socket; a table of their open connections lets each new one go
    # to the least loaded worker (uvloop and fcntl: not on Windows, which has neither)
    from clearance.api.fair_accept import create_loads_file

    with tempfile.TemporaryDirectory(prefix="clearance-serve-") as tmp:
        loads = Path(tmp) / "worker-loads"
        create_loads_file(loads, workers)
        os.environ["CLEARANCE_WORKER_LOADS"] = str(loads)
        _run(host, port, workers, "clearance.api.fair_accept:FairAcceptLoop")


def _run(host: str, port: int, workers: int, loop: str) -> None:
    import uvicorn

    # a stop signal waits at most this long for requests in flight (scoring is bounded)
    uvicorn.run("clearance.api.main:app", host=host, port=port, workers=workers, loop=loop,
                log_level="warning", timeout_graceful_shutdown=5)


def _announce_when_ready(host: str, port: int, mode: str) -> None:
    """Say "ready" once /readyz answers 200 (the index is loaded), and how to stop."""
    import os
    import threading
    import time

    def watch() -> None:
        # the standard library's client: importing httpx here took the GIL from the
        # server's own start-up for a quarter of a second
        import json
        import urllib.error
        import urllib.request

        local = "127.0.0.1" if host in ("0.0.0.0", "", "::") else host
        url = f"http://{'[' + local + ']' if ':' in local else local}:{port}/readyz"
        hinted = False
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as reply:
                    entities = json.loads(reply.read() or b"{}").get("entities", 0)
                console.print(f"ready: http://{host}:{port} serves {entities:,} list "
                              f"entities ({mode}); docs at /docs, web UI at /ui. Press "
                              f"Ctrl+C to stop (or send SIGTERM to process {os.getpid()}).")
                return
            except urllib.error.HTTPError as exc:  # 503 while loading
                if not hinted and "no lists" in exc.read().decode("utf-8", "replace"):
                    err.print("not ready: no lists loaded (clearance lists load ...)")
                    hinted = True
            except (OSError, ValueError):
                pass  # not listening yet
            time.sleep(0.2)

    threading.Thread(target=watch, name="ready-announcer", daemon=True).start()


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="Who or what uses the key.")],
    scope: Annotated[str, typer.Option(help=f"One of {', '.join(SCOPES)}.")] = "read",
) -> None:
    """Create a key; its secret is shown once and stored only as a hash."""
    try:
        key, secret = create_key(name, scope)
    except ClearanceError as exc:
        raise fail(exc) from None
    console.print(f"key {key.id} ({key.scope}) for {key.name}: {secret}")


@keys_app.command("list")
def keys_list() -> None:
    """Keys with their scopes (never the secrets)."""
    table = Table()
    for col in ("id", "name", "scope", "created", "revoked"):
        table.add_column(col)
    for k in list_keys():
        table.add_row(str(k.id), k.name, k.scope, k.created_at, "yes" if k.revoked else "")
    console.print(table)


@keys_app.command("revoke")
def keys_revoke(key_id: int) -> None:
    """Revoke a key at once."""
    try:
        revoke_key(key_id)
    except ClearanceError as exc:
        raise fail(exc) from None
    console.print(f"key {key_id} revoked")
