"""All configuration in one place: `CLEARANCE_*` environment variables, read when asked.

Values are read on each call (not frozen at import) so that tests and the CLI can point
`CLEARANCE_HOME` at a temporary folder without reloading modules.
"""

from __future__ import annotations

import os
from pathlib import Path

from clearance.exc import ConfigError

__all__ = ["checkpoint_dir", "database_url", "download_timeout", "four_eyes", "home",
           "index_dir", "lists_dir", "max_unpacked", "open_access", "rate_burst", "rate_limit",
           "session_hours", "signing_key"]


def _number(name: str, default: str, kind: type[float] | type[int], low: float) -> float:
    """A numeric setting; a value that is not a number (or below `low`) is a `ConfigError`."""
    raw = os.environ.get(name, "")
    text = raw.strip() if raw.strip() != "" else default
    try:
        value = kind(text)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not {'an integer' if kind is int else 'a number'}"
                          ) from None
    if not value >= low or value == float("inf"):  # also refuses NaN
        raise ConfigError(f"{name}={raw!r} must be a finite number >= {low:g}")
    return value


def home() -> Path:
    """The store home: SQLite database and index files (`CLEARANCE_HOME`, default ~/.clearance)."""
    raw = os.environ.get("CLEARANCE_HOME")
    path = Path(raw) if raw is not None and raw != "" else Path.home() / ".clearance"
    if path.exists() and not path.is_dir():
        raise ConfigError(f"CLEARANCE_HOME={str(path)!r} is a file, not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"CLEARANCE_HOME={str(path)!r} cannot be created: "
                          f"{exc.strerror or exc}") from None
    return path


def database_url() -> str:
    """SQLAlchemy URL of the store (`CLEARANCE_DATABASE_URL`, default SQLite in the home)."""
    raw = os.environ.get("CLEARANCE_DATABASE_URL")
    if raw is not None and raw != "":
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            make_url(raw)
        except ArgumentError:
            raise ConfigError(f"CLEARANCE_DATABASE_URL={raw!r} is not a database URL "
                              "(e.g. postgresql+psycopg://user@host/db)") from None
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
    return _number("CLEARANCE_DOWNLOAD_TIMEOUT", "60", float, 0.001)


def open_access() -> bool:
    """Serve the API without keys (`CLEARANCE_OPEN=1`; `clearance serve --open` sets it)."""
    return os.environ.get("CLEARANCE_OPEN") == "1"


def worker_loads_file() -> Path | None:
    """Table the server's workers share to balance connections (`CLEARANCE_WORKER_LOADS`;
    `clearance serve --workers N` sets it)."""
    raw = os.environ.get("CLEARANCE_WORKER_LOADS")
    return Path(raw) if raw else None


def rate_limit() -> float:
    """Sustained API requests per second per key (`CLEARANCE_RATE_LIMIT`, default 200)."""
    return _number("CLEARANCE_RATE_LIMIT", "200", float, 0.001)


def rate_burst() -> int:
    """Requests a key may send at once before the rate applies (`CLEARANCE_RATE_BURST`)."""
    return int(_number("CLEARANCE_RATE_BURST", "400", int, 1))


def max_unpacked() -> int:
    """Most bytes a gzip, zip or spreadsheet may unpack to (`CLEARANCE_MAX_UNPACKED_MB`,
    default 2048): more is refused as a possible zip bomb (see `clearance.archive`)."""
    return int(_number("CLEARANCE_MAX_UNPACKED_MB", "2048", float, 1) * 1024 * 1024)


def four_eyes() -> frozenset[str]:
    """Decisions a second person must approve (`CLEARANCE_FOUR_EYES`).

    A comma-separated list of decisions; default `true_match,false_positive`; `off` (or an
    empty value) lets every decision take effect at once.
    """
    raw = os.environ.get("CLEARANCE_FOUR_EYES", "true_match,false_positive").strip().lower()
    if raw in ("", "off", "none", "0"):
        return frozenset()
    return frozenset(part.strip() for part in raw.split(",") if part.strip() != "")


def session_hours() -> float:
    """How long a web UI sign-in lasts before it asks again (`CLEARANCE_SESSION_HOURS`, 8)."""
    return _number("CLEARANCE_SESSION_HOURS", "8", float, 1e-6)


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


def busy_timeout() -> float:
    """Seconds a writer waits for another writer's lock on SQLite before giving up with
    "store busy" (HTTP 503 + Retry-After) (`CLEARANCE_BUSY_TIMEOUT`, default 30)."""
    return _number("CLEARANCE_BUSY_TIMEOUT", "30", float, 0)


def max_upload() -> int:
    """Largest screening file `POST /screenings` accepts, in bytes read
    (`CLEARANCE_MAX_UPLOAD_MB`, default 100 MiB); other requests are limited to 1 MiB."""
    return int(_number("CLEARANCE_MAX_UPLOAD_MB", "100", float, 1e-6) * (1 << 20))
