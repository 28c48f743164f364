"""All configuration in one place: `CLEARANCE_*` environment variables, read when asked.

Values are read on each call (not frozen at import) so that tests and the CLI can point
`CLEARANCE_HOME` at a temporary folder without reloading modules.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["database_url", "download_timeout", "home", "index_dir", "lists_dir"]


def home() -> Path:
    """The store home: SQLite database and index files (`CLEARANCE_HOME`, default ~/.clearance)."""
    raw = os.environ.get("CLEARANCE_HOME")
    path = Path(raw) if raw is not None and raw != "" else Path.home() / ".clearance"
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url() -> str:
    """SQLAlchemy URL of the store (`CLEARANCE_DATABASE_URL`, default SQLite in the home)."""
    raw = os.environ.get("CLEARANCE_DATABASE_URL")
    if raw is not None and raw != "":
        return raw
    return f"sqlite:///{home() / 'clearance.db'}"


def index_dir() -> Path:
    """Where persisted candidate indexes live (inside the home)."""
    path = home() / "index"
    path.mkdir(parents=True, exist_ok=True)
    return path


def lists_dir() -> Path | None:
    """Default folder of official list files for `lists load` (`CLEARANCE_LISTS`), if set."""
    raw = os.environ.get("CLEARANCE_LISTS")
    return Path(raw) if raw is not None and raw != "" else None


def download_timeout() -> float:
    """Seconds before a list download gives up (`CLEARANCE_DOWNLOAD_TIMEOUT`, default 60)."""
    return float(os.environ.get("CLEARANCE_DOWNLOAD_TIMEOUT", "60"))


def open_access() -> bool:
    """Serve the API without keys (`CLEARANCE_OPEN=1`; `clearance serve --open` sets it)."""
    return os.environ.get("CLEARANCE_OPEN") == "1"


def rate_limit() -> float:
    """Sustained API requests per second per key (`CLEARANCE_RATE_LIMIT`, default 200)."""
    return float(os.environ.get("CLEARANCE_RATE_LIMIT", "200"))


def rate_burst() -> int:
    """Requests a key may send at once before the rate applies (`CLEARANCE_RATE_BURST`)."""
    return int(os.environ.get("CLEARANCE_RATE_BURST", "400"))


def busy_timeout() -> float:
    """Seconds a writer waits for another writer's lock on SQLite before giving up with
    "store busy" (HTTP 503 + Retry-After) (`CLEARANCE_BUSY_TIMEOUT`, default 30)."""
    return float(os.environ.get("CLEARANCE_BUSY_TIMEOUT", "30"))


def max_upload() -> int:
    """Largest screening file `POST /screenings` accepts, in bytes read
    (`CLEARANCE_MAX_UPLOAD_MB`, default 100 MiB); other requests are limited to 1 MiB."""
    return int(float(os.environ.get("CLEARANCE_MAX_UPLOAD_MB", "100")) * (1 << 20))
