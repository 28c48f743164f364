"""All configuration in one place: `CLEARANCE_*` environment variables, read when asked.

Values are read on each call (not frozen at import) so that tests and the CLI can point
`CLEARANCE_HOME` at a temporary folder without reloading modules.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "checkpoint_dir", "database_url", "download_timeout", "home", "index_dir", "lists_dir",
    "signing_key",
]


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


def signing_key() -> Path:
    """The Ed25519 private key that signs audit checkpoints (`CLEARANCE_SIGNING_KEY`).

    Default `~/.config/clearance/audit_signing_key.pem`: outside `CLEARANCE_HOME` on
    purpose, so that whoever can rewrite the store cannot also sign a rewritten log.
    The public key sits beside it (same name, `.pub`).
    """
    raw = os.environ.get("CLEARANCE_SIGNING_KEY")
    if raw is not None and raw != "":
        return Path(raw).expanduser()
    return Path.home() / ".config" / "clearance" / "audit_signing_key.pem"


def checkpoint_dir() -> Path | None:
    """Folder that receives a copy of every signed checkpoint (`CLEARANCE_CHECKPOINT_DIR`).

    Unset by default. Point it at storage the store's writers cannot rewrite (another
    machine, a write-once share): its files are the anchors a rewrite cannot remove.
    """
    raw = os.environ.get("CLEARANCE_CHECKPOINT_DIR")
    return Path(raw).expanduser() if raw is not None and raw != "" else None
