"""A real uvicorn server on a free loopback port, talking HTTP (no test client shortcuts)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from clearance.api import create_app


class Server:
    def __init__(self, open_access: bool, rate: float | None = None,
                 burst: int | None = None) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        config = uvicorn.Config(create_app(open_access=open_access, rate=rate, burst=burst),
                                host="127.0.0.1",
                                port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started and time.time() < deadline:
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def _client(open_access: bool) -> Iterator[httpx.Client]:
    server = Server(open_access=open_access)
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client
    server.stop()


@pytest.fixture
def api(loaded_home: Path) -> Iterator[httpx.Client]:
    """A client of a server in open mode (no keys)."""
    yield from _client(open_access=True)


@pytest.fixture
def secured(loaded_home: Path) -> Iterator[httpx.Client]:
    """A client of a server that demands API keys."""
    yield from _client(open_access=False)
