"""`clearance serve` (what `make run` ends with) says it is ready when it is, and how to stop."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

CLEARANCE = str(Path(sys.executable).parent / "clearance")


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
