"""Persist the candidate index in `CLEARANCE_HOME/index/` keyed by the active versions.

The file name is a fingerprint of the active version ids and the matching algorithm
version: start-up loads the file if it matches, and any list change (load, update,
activate) builds a new one. Writes go to a temporary file renamed into place, so a crash
never leaves a half-written index behind.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import threading
import time
from dataclasses import fields
from pathlib import Path

from clearance import settings
from clearance.index.build import Index, build_index
from clearance.index.search import memoise_list_tokens
from clearance.match.algorithm import ALGORITHM, VERSION
from clearance.store import active_version_ids, iter_records

__all__ = ["ensure_index", "ensure_index_file", "fingerprint", "index_path", "read_index"]

_lock = threading.Lock()
_loaded: dict[str, Index] = {}


def fingerprint() -> str:
    """Identity of the index the active versions call for."""
    active = sorted(active_version_ids().items())
    raw = f"{ALGORITHM}:{VERSION}:" + ",".join(f"{d}={v}" for d, v in active)
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def index_path(fp: str) -> Path:
    return settings.index_dir() / f"index-{fp}.pkl"


def _write(index: Index, path: Path) -> None:
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "wb") as fh:
        pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    for old in path.parent.glob("index-*.pkl"):
        if old != path:
            old.unlink(missing_ok=True)


def ensure_index() -> Index:
    """The index for the active versions: from memory, from disk, or built now and saved."""
    fp = fingerprint()
    with _lock:
        cached = _loaded.get(fp)
        if cached is not None:
            return cached
        path = index_path(fp)
        index: Index | None = None
        if path.exists():
            try:
                with open(path, "rb") as fh:
                    loaded = pickle.load(fh)
                if (isinstance(loaded, Index) and loaded.fingerprint == fp
                        and all(hasattr(loaded, f.name) for f in fields(Index))):
                    index = loaded  # a file from another code version is rebuilt
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
                index = None
        if index is None:
            index = build_index(iter_records(), fp)
            memoise_list_tokens(index)
            _write(index, path)
        _loaded.clear()
        _loaded[fp] = index
        return index


# --- i13-scale adapter, to be replaced at merge by i14-server's non-pickle artifact -------
# The Spark engine ships the index as a file and loads it in each Python worker through
# these two names only; i14-server provides both over its versioned format.


def ensure_index_file() -> Path:
    """The index artifact of the active versions (built if needed), readable by any process."""
    ensure_index()
    return index_path(fingerprint())


def read_index(path: Path) -> Index:
    """Load an index artifact written by `ensure_index_file` (in any process)."""
    with open(path, "rb") as fh:
        index = pickle.load(fh)
    if not isinstance(index, Index):
        raise TypeError(f"{path} does not hold a candidate index")
    return index

# --- end of the i13-scale adapter ---------------------------------------------------------


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
    """Move the index out of the garbage collector's sight: its millions of objects are
    never garbage, and full collections over them stall a server for 100+ ms."""
    gc.collect()
    gc.freeze()
    return index
