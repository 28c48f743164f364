"""Background screening jobs that survive restarts: state and results live in the store.

A job is a stored upload plus a row in `screening_jobs`. The runner screens rows in
chunks; each chunk's results and the job's progress commit in one transaction, so after a
crash or restart the job resumes after the last committed row and no row is screened
twice or lost. A malformed row is recorded as a problem and never fails the job.

A job has a kind: "names" screens parties (`clearance screen`), "portfolio" screens
holdings against NS-CMIC (`clearance portfolio screen`). `KINDS` names, per kind, the
function that turns a job into a row screener; it is imported when such a job runs, so
this module does not depend on the portfolio package.

Every API process runs a runner (uvicorn workers, several instances on one database): a
runner claims a job with one conditional UPDATE and renews its heartbeat with each chunk;
another runner takes a job over only when that heartbeat is older than `LEASE` seconds
(or its holder, on the same host, is gone), and only if it can read the upload.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import func, insert, or_, select, update

from clearance import settings
from clearance.exc import InputError, StoreError, UnknownVersion
from clearance.index.store import ensure_index
from clearance.match.algorithm import ALGORITHM, VERSION
from clearance.match.score import ScoringConfig
from clearance.screening.columns import map_columns
from clearance.screening.group import MIN_SCORE, screen_query
from clearance.screening.io import (
    FORMATS,
    InputRow,
    open_table,
    read_rows,
    result_line,
    row_to_query,
)
from clearance.store import active_version_ids, audit
from clearance.store.db import engine, screening_jobs, screening_rows, utc_now

__all__ = ["CHUNK", "KINDS", "LEASE", "Job", "JobRunner", "RowScreener", "claim", "get_job",
           "iter_results", "run_job", "runner_id", "submit", "upload_path"]

CHUNK = 200
#: Seconds without a heartbeat after which another runner may take a job over.
LEASE = 120.0
#: A row screener: raw row -> (its JSONL result line, whether it alerted); InputError for
#: a row that cannot be read.
RowScreener = Callable[[InputRow, str], tuple[str, bool]]
#: job kind -> "module:function" building the row screener of a job (from its stored row)
KINDS = {"names": "clearance.screening.jobs:name_rows",
         "portfolio": "clearance.portfolio.jobs:holding_rows"}


def runner_id() -> str:
    """This process as a job holder: host and process id."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _gone(holder: str | None) -> bool:
    """Whether a holder on this host has exited (holders elsewhere: only the lease says)."""
    if holder is None:
        return True
    host, _, pid = holder.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def claim(job_id: str, holder: str | None = None) -> bool:
    """Take a queued job, or a running one whose holder is stale or gone; True if taken."""
    holder = holder or runner_id()
    now = utc_now()
    stale = (datetime.now(UTC) - timedelta(seconds=LEASE)).isoformat(timespec="seconds")
    c = screening_jobs.c
    with engine().begin() as conn:
        row = conn.execute(select(c.status, c.claimed_by).where(c.id == job_id)).first()
        if row is None or row.status not in ("queued", "running"):
            return False
        takeable = or_(c.status == "queued", c.heartbeat.is_(None), c.heartbeat < stale)
        if row.status == "running" and _gone(row.claimed_by):
            takeable = or_(takeable, c.claimed_by == row.claimed_by)
        done = conn.execute(update(screening_jobs).where(
            c.id == job_id, c.status.in_(("queued", "running")),
            or_(c.claimed_by.is_(None), c.claimed_by == row.claimed_by), takeable)
            .values(status="running", claimed_by=holder, heartbeat=now, updated_at=now))
        return bool(done.rowcount == 1)


@dataclass
class Job:
    """A job's state as the API reports it."""

    id: str
    filename: str
    status: str
    created_at: str
    updated_at: str
    rows_done: int
    rows_alerted: int
    rows_failed: int
    error: str | None
    kind: str = "names"

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)



def submit(filename: str, data: BinaryIO, threshold: float, limit: int,
           actor: str = "api", kind: str = "names", options: dict[str, Any] | None = None
           ) -> Job:
    """Store an upload and queue it; the file type comes from its name."""
    if kind not in KINDS:
        raise InputError(f"unknown job kind {kind!r}; use one of {', '.join(KINDS)}")
    if not active_version_ids():
        raise StoreError("no list is loaded, so nothing could be found: load the official "
                         "lists first")
    suffix = Path(filename).suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"unsupported file type {suffix!r}; use one of {', '.join(FORMATS)}",
                         path=filename)
    job_id = str(uuid.uuid4())
    folder = settings.home() / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{job_id}{suffix}"
    with open(path, "wb") as fh:
        shutil.copyfileobj(data, fh)
    try:
        open_table(path, label=filename)  # an unreadable file is refused now, not queued
    except InputError:
        path.unlink()
        raise
    now = utc_now()
    with engine().begin() as conn:
        conn.execute(insert(screening_jobs).values(
            id=job_id, filename=filename, path=str(path), status="queued", threshold=threshold,
            result_limit=limit, created_at=now, updated_at=now, rows_done=0, rows_alerted=0,
            rows_failed=0, error=None, kind=kind, options=options))
        audit.append(conn, actor, "screening.submit",
                     {"job_id": job_id, "filename": filename, "threshold": threshold,
                      "kind": kind})
    return get_job(job_id)


def get_job(job_id: str) -> Job:
    with engine().connect() as conn:
        row = conn.execute(select(screening_jobs).where(screening_jobs.c.id == job_id)).first()
    if row is None:
        raise UnknownVersion(f"no screening job {job_id!r}")
    return Job(row.id, row.filename, row.status, row.created_at, row.updated_at, row.rows_done,
               row.rows_alerted, row.rows_failed, row.error, row.kind)


def upload_path(job_id: str) -> Path:
    """Where a job's uploaded file is kept (the UI counts its rows for a progress bar)."""
    with engine().connect() as conn:
        path = conn.execute(select(screening_jobs.c.path)
                            .where(screening_jobs.c.id == job_id)).scalar()
    if path is None:
        raise UnknownVersion(f"no screening job {job_id!r}")
    return Path(path)


def iter_results(job_id: str) -> Iterator[str]:
    """The JSONL result lines of a job in file order (failed rows as problem lines)."""
    get_job(job_id)
    last = 0
    while True:
        with engine().connect() as conn:
            rows = conn.execute(select(screening_rows).where(
                screening_rows.c.job_id == job_id, screening_rows.c.seq > last)
                .order_by(screening_rows.c.seq).limit(1000)).all()
        if not rows:
            return
        for r in rows:
            last = r.seq
            yield (r.result if r.result is not None else
                   json.dumps({"line": r.line, "problem": r.problem})) + "\n"


def _set(job_id: str, **values: Any) -> None:
    with engine().begin() as conn:
        conn.execute(update(screening_jobs).where(screening_jobs.c.id == job_id)
                     .values(updated_at=utc_now(), **values))


def name_rows(job: Any) -> RowScreener:
    """Rows as parties (id, name, schema ...), matched like `clearance screen` matches them."""
    cfg = ScoringConfig(threshold=float(job.threshold))
    index = ensure_index()

    def screen_row(row: InputRow, filename: str) -> tuple[str, bool]:
        unread: list[InputError] = []
        row_id, query = row_to_query(row, filename, ignored=unread)
        parties = screen_query(index, query, cfg, job.result_limit, MIN_SCORE)
        line = result_line(row_id, [p.to_dict() for p in parties], query.name,
                           map_columns(row.data.keys()).extra(row.data),
                           [str(e) for e in unread])
        return line, any(p.match for p in parties)

    return screen_row


def run_job(job_id: str) -> Job:
    """Screen a job's rows from where it stopped, committing results chunk by chunk."""
    holder = runner_id()
    with engine().connect() as conn:
        job = conn.execute(select(screening_jobs).where(screening_jobs.c.id == job_id)).one()
        done = conn.execute(select(func.max(screening_rows.c.seq))
                            .where(screening_rows.c.job_id == job_id)).scalar() or 0
    _set(job_id, status="running", claimed_by=holder, heartbeat=utc_now())
    module, _, name = KINDS[job.kind].partition(":")
    screen_row: RowScreener = getattr(importlib.import_module(module), name)(job)
    pending: list[dict[str, Any]] = []
    counts = {"rows_done": job.rows_done, "rows_alerted": job.rows_alerted,
              "rows_failed": job.rows_failed}

    def flush() -> None:
        if not pending:
            return
        with engine().begin() as conn:
            conn.execute(insert(screening_rows), pending)
            now = utc_now()
            conn.execute(update(screening_jobs).where(screening_jobs.c.id == job_id)
                         .values(updated_at=now, heartbeat=now, **counts))
        pending.clear()

    try:
        for seq, row in enumerate(read_rows(Path(job.path), label=job.filename), start=1):
            if seq <= done:
                continue
            try:
                line, alerted = screen_row(row, job.filename)
                pending.append({"job_id": job_id, "seq": seq, "line": row.line,
                                "result": line, "problem": None})
                counts["rows_done"] += 1
                counts["rows_alerted"] += alerted
            except InputError as exc:
                pending.append({"job_id": job_id, "seq": seq, "line": row.line,
                                "result": None, "problem": str(exc)})
                counts["rows_failed"] += 1
            if len(pending) >= CHUNK:
                flush()
        flush()
        _set(job_id, status="done")
        audit.record("system", "screening.run", {"job_id": job_id, "filename": job.filename,
                                                 "kind": job.kind,
                                                 "algorithm": f"{ALGORITHM}/{VERSION}",
                                                 "lists": active_version_ids(), **counts})
    except InputError as exc:  # an unreadable file fails the job, with the reason
        flush()
        _set(job_id, status="failed", error=str(exc))
    except Exception as exc:  # a bug: the job fails with its type, the server lives on
        flush()
        _set(job_id, status="failed", error=f"{type(exc).__name__}: {exc}")
    return get_job(job_id)


class JobRunner:
    """One background thread that runs queued jobs in order, resuming unfinished ones."""

    def __init__(self) -> None:
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="screening-jobs", daemon=True)

    def start(self) -> None:
        self._thread.start()
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def notify(self) -> None:
        self._wake.set()

    def _next(self) -> str | None:
        """The oldest job this runner can read and claims (none: another runner has it)."""
        with engine().connect() as conn:
            rows = conn.execute(select(screening_jobs.c.id, screening_jobs.c.path)
                                .where(screening_jobs.c.status.in_(("queued", "running")))
                                .order_by(screening_jobs.c.created_at)).all()
        for row in rows:
            # an upload kept by another host's instance is that instance's to run
            if Path(row.path).exists() and claim(row.id):
                return str(row.id)
        return None

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(timeout=5)
            self._wake.clear()
            while not self._stop.is_set():
                job_id = self._next()
                if job_id is None:
                    break
                run_job(job_id)
