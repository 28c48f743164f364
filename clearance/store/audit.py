"""Append-only, hash-chained audit log: decisions, list loads, key changes, screening runs.

Each record holds the hash of the one before it, and its own hash covers its sequence
number, time, actor, action, detail and that previous hash. Editing or deleting any record
breaks the chain at that record, which `verify` names. Records are written in the same
transaction as the action they describe, and the database refuses UPDATE, DELETE and any
INSERT that does not extend the chain (triggers, `store/db.py`), so the log is never
changed in place through SQL while the triggers stand.

Two anchors catch what the chain alone cannot:
- the head file `CLEARANCE_HOME/audit.head` holds the newest sequence number and hash
  this home wrote, so records deleted from the end are found; a missing or unreadable
  head is reported as "not confirmed", never as intact;
- signed checkpoints (`store/signing.py`) made by `checkpoint()`, on every monitoring
  cycle and on demand, stored in `audit_checkpoints` and copied to
  `CLEARANCE_CHECKPOINT_DIR`. Someone who can write the store can drop the triggers,
  re-chain every record and rewrite the head file, but cannot sign the new hashes: the
  log then differs from every earlier checkpoint kept where they cannot reach.
"""

from __future__ import annotations

import fcntl
import getpass
import hashlib
import json
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, event, insert, select, text

from clearance import settings
from clearance.exc import AuditError
from clearance.store import signing
from clearance.store.db import audit_checkpoints, audit_log, engine
from clearance.store.signing import Checkpoint

__all__ = [
    "AuditRecord", "Verification", "append", "checkpoint", "default_actor", "iter_records",
    "read_export", "record", "stored_checkpoints", "verify",
]

GENESIS = "0" * 64
_head_lock = threading.Lock()  # record locks exclude processes, not threads


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
    """Outcome of checking the log.

    `state` is "intact" (the chain holds and its end is pinned by the head file),
    "broken" (a record, the head or a checkpoint disagrees: `broken_seq` and `problem` say
    where and why) or "unconfirmed" (the chain holds but nothing pins its end: `problem`
    says what is missing). `checkpoint` is the newest signed checkpoint the log matched.
    """

    state: str
    records: int
    broken_seq: int | None = None
    problem: str | None = None
    checkpoint: Checkpoint | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.state == "intact"


@dataclass
class _Expect:
    """A hash some anchor (head file, checkpoint) says record `seq` has."""

    seq: int
    hash: str
    source: str
    checkpoint: Checkpoint | None = None


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


def _head_path() -> Path:
    return settings.home() / "audit.head"


def _read_head(path: Path) -> tuple[tuple[int, str] | None, str | None]:
    """(seq, hash) of the head file, or None and why not ("missing" or what is corrupt)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, "missing"
    except OSError as exc:
        return None, f"unreadable ({exc.strerror})"
    parts = raw.decode("utf-8", "replace").split()
    if (len(parts) != 2 or not parts[0].isdigit() or int(parts[0]) < 1 or len(parts[1]) != 64
            or any(c not in "0123456789abcdef" for c in parts[1])):
        return None, "corrupt (expected 'SEQ HASH' on one line)"
    return (int(parts[0]), parts[1]), None


def _write_head(seq: int, digest: str) -> None:
    """Move the head forward to `seq` (never back: writers commit in any order)."""
    path = _head_path()
    with _head_lock, open(path.with_name("audit.head.lock"), "a") as lock:
        fcntl.lockf(lock, fcntl.LOCK_EX)
        current, _ = _read_head(path)
        if current is not None and current[0] >= seq:
            return
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


class _Row(NamedTuple):
    """A record as hashed: `detail` is the canonical JSON text."""

    seq: int
    at: str
    actor: str
    action: str
    detail: str
    prev_hash: str
    hash: str


def _rows(first: int = 1) -> Iterator[_Row]:
    """Stored records from `first` on, detail exactly as written."""
    with engine().connect() as conn:
        rows = conn.execution_options(stream_results=True).execute(
            select(audit_log).where(audit_log.c.seq >= first).order_by(audit_log.c.seq))
        for r in rows:
            yield _Row(r.seq, r.at, r.actor, r.action, r.detail, r.prev_hash, r.hash)


def iter_records() -> Iterator[AuditRecord]:
    """Every record, oldest first, as stored."""
    for r in _rows():
        yield AuditRecord(r.seq, r.at, r.actor, r.action, json.loads(r.detail), r.prev_hash,
                          r.hash)


def read_export(path: Path) -> Iterator[AuditRecord]:
    """Records from an `audit export` file, to verify a log away from its store."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, lines stream
    except OSError as exc:
        raise AuditError(f"audit export {path}: {exc.strerror}") from None
    with fh:
        for line_no, raw in enumerate(fh, start=1):
            if raw.strip() == b"":
                continue
            try:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
                d = json.loads(raw.decode("utf-8"))
                rec = AuditRecord(int(d["seq"]), str(d["at"]), str(d["actor"]),
                                  str(d["action"]), dict(d["detail"]), str(d["prev_hash"]),
                                  str(d["hash"]))
            except (ValueError, KeyError, TypeError) as exc:
                raise AuditError(f"audit export {path}, line {line_no}: not an audit record "
                                 f"({type(exc).__name__}: {exc})") from None
            yield rec


def stored_checkpoints(newest_only: bool = False) -> list[tuple[str, Checkpoint]]:
    """(where it is kept, checkpoint) for the checkpoints in the store and the folder."""
    out: list[tuple[str, Checkpoint]] = []
    q = select(audit_checkpoints).order_by(audit_checkpoints.c.seq.desc(),
                                           audit_checkpoints.c.id.desc())
    with engine().connect() as conn:
        rows = conn.execute(q.limit(1) if newest_only else q).all()
    for r in reversed(rows):
        out.append((f"the stored checkpoint of {r.at}",
                    Checkpoint(r.seq, r.hash, r.at, r.key_id, r.signature)))
    folder = settings.checkpoint_dir()
    if folder is not None and folder.is_dir():
        files = sorted(folder.glob("audit-checkpoint-*.json"))
        for path in files[-1:] if newest_only else files:
            out.append((f"checkpoint {path}", signing.read_checkpoint(path)))
    return out


def _default_public_key() -> Ed25519PublicKey | None:
    """The public key beside the configured signing key, if there is one."""
    pub = signing.public_path(settings.signing_key())
    return signing.load_public_key(pub) if pub.exists() else None


def _anchors(found: Iterable[tuple[str, Checkpoint]], public: Ed25519PublicKey | None,
             notes: list[str]) -> list[_Expect]:
    """Checkpoints as expectations; one with a bad signature raises `AuditError`."""
    out: list[_Expect] = []
    unchecked = 0
    for where, cp in found:
        if public is None:
            unchecked += 1
        elif cp.key_id != signing.key_id(public):
            notes.append(f"{where} (record {cp.seq}) was signed by another key "
                         f"({cp.key_id}): not used")
            continue
        elif (problem := cp.problem(public)) is not None:
            raise AuditError(f"{where} (record {cp.seq}): {problem}")
        out.append(_Expect(cp.seq, cp.hash, f"{where} (signed {cp.at})", cp))
    if unchecked:
        notes.append(f"{unchecked} checkpoint(s) compared by hash only: no public key to "
                     "check their signatures")
    return out


def _walk(records: Iterable[_Row], first: int, prev: str, expects: list[_Expect]
          ) -> Verification:
    """Check links, hashes and anchors from record `first` on (whose predecessor is `prev`)."""
    by_seq: dict[int, list[_Expect]] = {}
    for e in expects:
        by_seq.setdefault(e.seq, []).append(e)
    expected, last = first, first - 1
    matched: Checkpoint | None = None
    for r in records:
        if r.seq != expected:
            return Verification("broken", last, expected,
                                f"record {expected} is missing (next found is {r.seq})")
        if r.prev_hash != prev:
            return Verification("broken", last, r.seq,
                                "its previous-hash does not match the record before it")
        if _hash(r.seq, r.at, r.actor, r.action, r.detail, r.prev_hash) != r.hash:
            return Verification("broken", last, r.seq, "its content does not match its hash")
        for e in by_seq.get(r.seq, []):
            if e.hash != r.hash:
                return Verification("broken", last, r.seq,
                                    f"its hash differs from {e.source}: the log was rewritten "
                                    "up to this record")
            if e.checkpoint is not None and (matched is None or e.seq >= matched.seq):
                matched = e.checkpoint
        prev, last, expected = r.hash, r.seq, expected + 1
    for e in sorted(expects, key=lambda x: x.seq):
        if e.seq > last:
            what = "the log is empty" if last == 0 else f"the log ends at record {last}"
            return Verification("broken", last, last + 1,
                                f"{what} but {e.source} covers record {e.seq}: records "
                                f"{last + 1}..{e.seq} were deleted from the end")
    return Verification("intact", last, checkpoint=matched)


def verify(against: Sequence[tuple[str, Checkpoint]] = (),
           public_key: Ed25519PublicKey | None = None,
           export: Path | None = None) -> Verification:
    """Walk the chain and compare it with every anchor; the first disagreement is named.

    Anchors: the head file and the stored checkpoints (for the store), plus `against`
    (checkpoints given by the caller, e.g. kept off this machine). With `export`, an
    `audit export` file is checked instead of the store, against `against` only.
    Checkpoint signatures are checked with `public_key` (default: the public key beside
    `CLEARANCE_SIGNING_KEY`). A stored checkpoint with a bad signature makes the log
    "broken"; a bad key, export or `against` checkpoint raises `AuditError` (nothing
    could be checked).
    """
    public = public_key if public_key is not None else _default_public_key()
    if against and public is None:
        raise AuditError("checking a checkpoint needs the public key (--public-key FILE)")
    for where, cp in against:
        assert public is not None
        if (problem := cp.problem(public)) is not None:
            raise AuditError(f"{where}: {problem}")
    notes: list[str] = []
    expects = [_Expect(cp.seq, cp.hash, f"{where} (signed {cp.at})", cp) for where, cp in against]
    if export is not None:
        rows: Iterable[_Row] = (_Row(r.seq, r.at, r.actor, r.action, _canonical(r.detail),
                                     r.prev_hash, r.hash) for r in read_export(export))
        return _walk(rows, 1, GENESIS, expects)
    try:
        expects += _anchors(stored_checkpoints(), public, notes)
    except AuditError as exc:
        return Verification("broken", 0, None, str(exc), notes=notes)
    head, head_problem = _read_head(_head_path())
    if head is not None:
        expects.append(_Expect(head[0], head[1], f"the head file ({_head_path()})"))
    result = _walk(_rows(), 1, GENESIS, expects)
    result.notes = notes
    if result.ok and head_problem is not None:
        result.state = "unconfirmed"
        where = f"the head file {_head_path()} is {head_problem}"
        result.problem = (f"the log is empty and {where}: a wiped log looks the same"
                          if result.records == 0 else
                          f"{where}: records deleted from the end would go unnoticed "
                          "(the next audit record writes a new head)")
    return result


def checkpoint(key_path: Path | None = None) -> Checkpoint:
    """Sign the log's newest record, after checking it extends the newest checkpoint.

    Only the records since the newest stored checkpoint (in the store or the checkpoint
    folder) are walked. A log that does not extend it, or that is empty, is refused
    (`AuditError`): a rewritten log is never signed. The checkpoint is stored in
    `audit_checkpoints` and copied to `CLEARANCE_CHECKPOINT_DIR` when that is set.
    """
    private = signing.load_private_key(key_path or settings.signing_key())
    public = private.public_key()
    notes: list[str] = []
    anchors = _anchors(stored_checkpoints(newest_only=True), public, notes)
    head, _ = _read_head(_head_path())
    start = max(anchors, key=lambda e: e.seq, default=None)
    begin, prev = 1, GENESIS
    if start is not None:  # walk from the anchored record itself: its content is re-hashed
        begin = start.seq
        with engine().connect() as conn:
            found = conn.execute(select(audit_log.c.prev_hash)
                                 .where(audit_log.c.seq == begin)).scalar()
        if found is None:
            raise AuditError(f"refusing to sign: record {begin}, covered by {start.source}, "
                             "is missing")
        prev = str(found)
    expects = [e for e in anchors if e.seq >= begin]
    if head is not None and head[0] >= begin:
        expects.append(_Expect(head[0], head[1], f"the head file ({_head_path()})"))
    result = _walk(_rows(begin), begin, prev, expects)
    if not result.ok:
        raise AuditError(f"refusing to sign: audit log broken at record {result.broken_seq}: "
                         f"{result.problem}")
    last = result.records
    if last == 0:
        raise AuditError("refusing to sign: the audit log is empty")
    with engine().connect() as conn:
        digest = conn.execute(select(audit_log.c.hash).where(audit_log.c.seq == last)).scalar()
    assert digest is not None
    cp = signing.sign(private, last, digest, datetime.now(UTC).isoformat(timespec="microseconds"))
    with engine().begin() as conn:
        conn.execute(insert(audit_checkpoints).values(seq=cp.seq, hash=cp.hash, at=cp.at,
                                                      key_id=cp.key_id, signature=cp.signature))
    folder = settings.checkpoint_dir()
    if folder is not None:
        stamp = cp.at.replace(":", "").replace("-", "")[:15]
        signing.write_checkpoint(cp, folder / f"audit-checkpoint-{cp.seq:010d}-{stamp}.json")
    return cp
