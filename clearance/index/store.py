"""Persist the candidate index in `CLEARANCE_HOME/index/`, keyed by everything that shaped it.

The key covers the active list versions, the algorithm version and digests of the
matcher's code (`clearance/match`, `clearance/index`) and of its word lists
(`clearance/resources/*.yml`): editing any of them, or loading, updating or activating a
list, calls for a new index, built once and saved as `index-<fingerprint>.cidx` in the
non-executable format of `clearance.index.artifact`. A file that is corrupt, foreign or
of another layout is rebuilt with a warning.

The same file is what other processes load: `ensure_index_file()` builds it if needed and
returns its path, `read_index(path)` loads it anywhere (batch workers, servers, Spark
executors on other machines that see the path).
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
import time
from contextlib import closing
from functools import cache
from pathlib import Path
from typing import Any

from clearance import settings
from clearance.exc import IndexFileError
from clearance.index.artifact import (
    FORMAT,
    read_file,
    read_footer,
    remove_stale_temporaries,
    write_file,
)
from clearance.index.build import Index
from clearance.index.codec import type_name
from clearance.match.algorithm import ALGORITHM, VERSION
from clearance.match.score import Query, ScoringConfig

__all__ = [
    "LiveIndex",
    "active_lists",
    "digest_inputs",
    "ensure_index",
    "ensure_index_file",
    "index_for_query",
    "fingerprint",
    "index_key",
    "index_path",
    "inputs_digest",
    "read_index",
]

log = logging.getLogger("clearance.index")
SUFFIX = ".cidx"
_lock = threading.Lock()
_loaded: dict[str, Index] = {}


def digest_inputs(root: Path) -> dict[str, str]:
    """Digests of the matcher's source code (`match/*.py`, `index/*.py`) and of its word
    lists (`resources/*.yml`) in the package folder `root`."""
    out: dict[str, str] = {}
    for part, folders, pattern in (("code", ("match", "index"), "*.py"),
                                   ("resources", ("resources",), "*.yml")):
        digest = hashlib.sha256()
        for folder in folders:
            for path in sorted((root / folder).glob(pattern)):
                digest.update(f"{folder}/{path.name}\0".encode())
                digest.update(path.read_bytes())
        out[part] = digest.hexdigest()[:16]
    return out


@cache
def inputs_digest() -> dict[str, str]:
    """`digest_inputs` of this package, read once per process: code that changes under a
    running process is not the code it runs, and the next process sees the new digest."""
    return digest_inputs(Path(__file__).resolve().parent.parent)


def active_lists() -> dict[str, int]:
    """The active version of each dataset, as `clearance.store.active_version_ids` says.

    For a SQLite store this one read goes through the standard library: importing
    SQLAlchemy costs a one-shot command (`clearance match`) more than all its matching.
    tests/index/test_store.py checks that both ways agree.
    """
    url = settings.database_url()
    path = Path(url.removeprefix("sqlite:///"))
    if url.startswith("sqlite:///") and "?" not in url and path.is_file():
        try:
            with closing(sqlite3.connect(path, timeout=settings.busy_timeout())) as conn:
                rows = conn.execute("SELECT dataset, version_id FROM active_versions").fetchall()
            return {str(d): int(v) for d, v in rows}
        except sqlite3.Error:
            pass  # not (yet) a store: the store module says what is wrong
    from clearance.store import active_version_ids

    return active_version_ids()


def index_key() -> dict[str, Any]:
    """What the index of the active versions is built from (recorded in its file)."""
    return {"algorithm": f"{ALGORITHM}/{VERSION}", **inputs_digest(),
            "lists": {d: v for d, v in sorted(active_lists().items())}}


def _fingerprint_of(key: dict[str, Any]) -> str:
    raw = repr(sorted(key.items())).encode()
    return hashlib.sha256(raw).hexdigest()[:16]


def fingerprint() -> str:
    """Identity of the index the active versions, this code and these word lists call for."""
    return _fingerprint_of(index_key())


def index_path(fp: str) -> Path:
    """The file of the index with fingerprint `fp`."""
    return settings.index_dir() / f"index-{fp}{SUFFIX}"


def read_index(path: Path) -> Index:
    """Load a saved index (any process, any machine that sees the file).

    Raises `IndexFileError` if the file is corrupt, truncated, or written for another
    layout of `Index`. Arrays are read-only views of the memory-mapped file.
    """
    return read_file(path, Index)


def _build_and_save(key: dict[str, Any], fp: str) -> Index:
    from clearance.index.build import build_index
    from clearance.index.search import memoise_list_tokens
    from clearance.store import iter_records

    index = build_index(iter_records(), fp)
    memoise_list_tokens(index)
    folder = settings.index_dir()
    remove_stale_temporaries(folder)
    path = index_path(fp)
    write_file(index, path, key)
    for old in [*folder.glob(f"index-*{SUFFIX}"), *folder.glob("index-*.pkl")]:
        if old != path:  # older indexes, and the pickles of earlier versions (never loaded)
            old.unlink(missing_ok=True)
    return index


def _usable(path: Path, key: dict[str, Any]) -> bool:
    """Whether `path` holds the index for `key` in this version's layout of `Index` (footer
    only; the checksum is read later): a file of an earlier layout is rebuilt here, not
    handed to workers that would refuse it."""
    if not path.exists():
        return False
    try:
        footer = read_footer(path)
    except IndexFileError as exc:
        log.warning("%s; rebuilding it", exc)
        return False
    if footer.get("format") != FORMAT or footer.get("layout") != _layout():
        log.warning("%s: written for another layout of the index; rebuilding it", path)
        return False
    return footer.get("key") == key


@cache
def _layout() -> str:
    return type_name(Index)


def ensure_index_file() -> Path:
    """The path of the saved index for the active versions, built and saved first if needed."""
    key = index_key()
    fp = _fingerprint_of(key)
    path = index_path(fp)
    if _usable(path, key):
        return path
    with _lock:
        if not _usable(path, key):
            index = _build_and_save(key, fp)
            _loaded.clear()
            _loaded[fp] = index
    return path


def ensure_index() -> Index:
    """The index for the active versions: from memory, from its file, or built now and saved."""
    key = index_key()
    fp = _fingerprint_of(key)
    with _lock:
        cached = _loaded.get(fp)
        if cached is not None:
            return cached
        path = index_path(fp)
        index: Index | None = None
        if path.exists():
            try:
                index = read_file(path, Index, key)
            except IndexFileError as exc:
                log.warning("%s; rebuilding it", exc)
        if index is None:
            index = _build_and_save(key, fp)
        _loaded.clear()
        _loaded[fp] = index
        return index


def index_for_query(query: Query, cfg: ScoringConfig | None = None) -> Index:
    """What matching `query` reads of the saved index (`clearance.index.view`): for a
    process that answers one query, far cheaper than `ensure_index()`."""
    from clearance.index.view import query_index

    key = index_key()
    path = ensure_index_file()
    try:
        return query_index(path, query, cfg, key)
    except IndexFileError as exc:
        log.warning("%s; rebuilding it", exc)
        path.unlink(missing_ok=True)
        return query_index(ensure_index_file(), query, cfg, key)


class LiveIndex:
    """The index a server answers from, swapped atomically when the lists change.

    Readers always get a complete index: after a list load the old one keeps serving while
    the new one is built in a background thread, then one reference assignment swaps them.
    The active versions are checked at most once per `check_every` seconds.
    """

    def __init__(self, check_every: float = 1.0) -> None:
        self.check_every = check_every
        self._index: Index | None = None
        self._checked = 0.0
        self._building: threading.Thread | None = None
        self._guard = threading.Lock()

    def current(self) -> Index | None:
        """The index, if loaded and checked against the store within `check_every`
        seconds; None when `get` has to look (it reads the store)."""
        index = self._index
        if index is not None and time.monotonic() - self._checked < self.check_every:
            return index
        return None

    def get(self) -> Index:
        index = self._index
        now = time.monotonic()
        if index is not None and now - self._checked < self.check_every:
            return index
        self._checked = now
        fp = fingerprint()
        if index is not None and index.fingerprint == fp:
            return index
        if index is None:
            self._index = _frozen(ensure_index())
            return self._index
        self._build_in_background()
        return index

    def ready(self) -> Index | None:
        """The index if one is loaded; otherwise start loading it and return None."""
        if self._index is None:
            self._build_in_background()
        return self._index

    def _build_in_background(self) -> None:
        with self._guard:
            if self._building is None or not self._building.is_alive():
                self._building = threading.Thread(target=self._rebuild, daemon=True)
                self._building.start()

    def _rebuild(self) -> None:
        self._index = _frozen(ensure_index())


def _frozen(index: Index) -> Index:
    """Move the index, and the tables the matcher loads lazily, out of the garbage
    collector's sight: their millions of objects are never garbage, and full collections
    over them stall a server for 100+ ms."""
    from clearance.match.tables import freeze_heap, load_lazy_tables

    load_lazy_tables()
    freeze_heap()
    return index
