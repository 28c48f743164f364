"""Append-only, hash-chained audit log: decisions, list loads, key changes, screening runs.

Each record holds the hash of the one before it, and its own hash covers its sequence
number, time, actor, action, detail and that previous hash. Editing or deleting any record
breaks the chain at that record, which `verify` names. Records are written in the same
transaction as the action they describe, and the database refuses UPDATE and DELETE on
the table (triggers), so the log is never changed in place by the application.
The newest hash is also kept in `CLEARANCE_HOME/audit.head`, so that deleting records at
the end of the chain is detected too.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, event, insert, select, text

from clearance import settings
from clearance.store.db import audit_log, engine

__all__ = [
    "AuditRecord", "Verification", "append", "default_actor", "iter_records", "record", "verify",
]

GENESIS = "0" * 64


@dataclass
class AuditRecord:
    """One entry of the log as stored."""

    seq: int
    at: str
    actor: str
    action: str
    detail: dict[str, Any]
    prev_hash: str
    hash: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Verification:
    """Outcome of checking the chain: ok, or the first record that breaks it and why."""

    ok: bool
    records: int
    broken_seq: int | None = None
    problem: str | None = None


def _canonical(detail: dict[str, Any]) -> str:
    return json.dumps(detail, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=str)


def _hash(seq: int, at: str, actor: str, action: str, detail: str, prev_hash: str) -> str:
    payload = json.dumps([seq, at, actor, action, detail, prev_hash], ensure_ascii=False,
                         separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def default_actor() -> str:
    """Who acts from the command line: `CLEARANCE_ACTOR`, else the operating-system user."""
    return os.environ.get("CLEARANCE_ACTOR") or f"cli:{getpass.getuser()}"


def _head_path() -> Any:
    return settings.home() / "audit.head"


def _write_head(seq: int, digest: str) -> None:
    path = _head_path()
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(f"{seq} {digest}\n", encoding="utf-8")
    os.replace(tmp, path)


def append(conn: Connection, actor: str, action: str, detail: dict[str, Any]) -> int:
    """Add a record inside the caller's transaction; returns its sequence number.

    The head file is updated once the transaction commits (a rollback leaves it alone).
    """
    # Take the write lock before reading the chain's head, so that two writers never
    # both append after the same record: PostgreSQL locks the table; SQLite takes its
    # database write lock with a write that changes nothing (waiting for busy_timeout).
    if conn.dialect.name == "postgresql":
        conn.execute(text("LOCK TABLE audit_log IN EXCLUSIVE MODE"))
    elif conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM audit_log WHERE 0"))
    last = conn.execute(select(audit_log.c.seq, audit_log.c.hash)
                        .order_by(audit_log.c.seq.desc()).limit(1)).first()
    seq, prev = (1, GENESIS) if last is None else (last.seq + 1, last.hash)
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    body = _canonical(detail)
    digest = _hash(seq, at, actor, action, body, prev)
    conn.execute(insert(audit_log).values(seq=seq, at=at, actor=actor, action=action,
                                          detail=body, prev_hash=prev, hash=digest))
    event.listen(conn, "commit", lambda _c: _write_head(seq, digest), once=True)
    return seq


def record(actor: str, action: str, detail: dict[str, Any]) -> int:
    """Append a record in its own transaction (for actions with no store write of their own)."""
    with engine().begin() as conn:
        return append(conn, actor, action, detail)


def iter_records() -> Iterator[AuditRecord]:
    """Every record, oldest first, as stored."""
    with engine().connect() as conn:
        rows = conn.execution_options(stream_results=True).execute(
            select(audit_log).order_by(audit_log.c.seq))
        for r in rows:
            yield AuditRecord(r.seq, r.at, r.actor, r.action, json.loads(r.detail),
                              r.prev_hash, r.hash)


def verify() -> Verification:
    """Walk the chain; the first record whose hash, link or number is wrong is named."""
    prev, expected, count = GENESIS, 1, 0
    hashes: dict[int, str] = {}
    with engine().connect() as conn:
        rows = conn.execute(select(audit_log).order_by(audit_log.c.seq))
        for r in rows:
            count += 1
            if r.seq != expected:
                return Verification(False, count, expected,
                                    f"record {expected} is missing (next found is {r.seq})")
            if r.prev_hash != prev:
                return Verification(False, count, r.seq,
                                    "its previous-hash does not match the record before it")
            if _hash(r.seq, r.at, r.actor, r.action, r.detail, r.prev_hash) != r.hash:
                return Verification(False, count, r.seq, "its content does not match its hash")
            prev, expected = r.hash, expected + 1
            hashes[r.seq] = r.hash
    head = _head_path()
    if head.exists():
        seq_text, _, digest = head.read_text(encoding="utf-8").strip().partition(" ")
        head_seq = int(seq_text)
        if head_seq > count:
            return Verification(False, count, count + 1,
                                f"records {count + 1}..{head_seq} were deleted from the end")
        if hashes.get(head_seq) != digest:
            return Verification(False, count, head_seq, "it differs from the recorded head hash")
    return Verification(True, count)

