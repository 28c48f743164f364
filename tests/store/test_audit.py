"""The audit log is append-only and hash-chained: any edit or deletion is found and named."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from clearance import settings
from clearance.exc import AuditError
from clearance.store import audit, signing
from clearance.store.db import engine
from clearance.store.keys import create_key, revoke_key


def _db(home: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(home / "clearance.db")
    for trigger in ("audit_log_no_update", "audit_log_no_delete", "audit_log_extend",
                    "audit_checkpoints_no_delete"):
        conn.execute(f"DROP TRIGGER {trigger}")  # an attacker with file access
    return conn


def _fill() -> None:
    key, _ = create_key("analyst", "screen", actor="admin")
    revoke_key(key.id, actor="admin")
    for i in range(3):
        audit.record("ana", "alert.decide", {"alert_id": i, "to": "false_positive"})


def test_key_changes_and_records_chain_and_verify(home: Path) -> None:
    _fill()
    records = list(audit.iter_records())
    assert [r.action for r in records[:2]] == ["key.create", "key.revoke"]
    assert records[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(records, records[1:]))
    assert audit.verify().ok and audit.verify().records == 5


def test_the_database_refuses_updates_and_deletes(home: Path) -> None:
    _fill()
    with pytest.raises(DBAPIError), engine().begin() as conn:
        conn.exec_driver_sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2")
    with pytest.raises(DBAPIError), engine().begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_log WHERE seq = 2")
    assert audit.verify().ok


def test_the_database_refuses_replacing_or_slipping_in_records(home: Path) -> None:
    _fill()
    row = "(2, 'now', 'mallory', 'key.create', '{}', '%s', '%s')"
    rec2, rec5 = [r for r in audit.iter_records() if r.seq in (2, 5)]
    forged = row % (rec2.prev_hash, "f" * 64)
    attempts = [
        f"INSERT OR REPLACE INTO audit_log VALUES {forged}",
        f"REPLACE INTO audit_log VALUES {forged}",
        f"INSERT INTO audit_log VALUES {forged} ON CONFLICT(seq) DO UPDATE SET actor = 'x'",
        # the next number but not linked to the last record
        f"INSERT INTO audit_log VALUES (6, 'now', 'x', 'x', '{{}}', '{'0' * 64}', '{'f' * 64}')",
        # linked to the last record but skipping a number
        f"INSERT INTO audit_log VALUES (7, 'now', 'x', 'x', '{{}}', '{rec5.hash}', '{'f' * 64}')",
    ]
    for sql in attempts:
        with pytest.raises(DBAPIError, match="append-only"), engine().begin() as conn:
            conn.exec_driver_sql(sql)
    assert [r.actor for r in audit.iter_records()][1] == "admin"
    assert audit.verify().ok and audit.verify().records == 5


def test_an_edited_record_is_named(home: Path) -> None:
    _fill()
    with _db(home) as conn:
        conn.execute("UPDATE audit_log SET detail = '{\"alert_id\":1,\"to\":\"true_match\"}' "
                     "WHERE seq = 4")
    result = audit.verify()
    assert not result.ok and result.broken_seq == 4 and "hash" in (result.problem or "")


def test_a_deleted_record_is_named(home: Path) -> None:
    _fill()
    with _db(home) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq = 3")
    result = audit.verify()
    assert not result.ok and result.broken_seq == 3 and "missing" in (result.problem or "")


def test_records_deleted_from_the_end_are_found_through_the_head_file(home: Path) -> None:
    _fill()
    with _db(home) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq >= 4")
    result = audit.verify()
    assert not result.ok and result.broken_seq == 4 and "deleted" in (result.problem or "")


def test_records_and_head_deleted_from_the_end_are_not_intact(home: Path) -> None:
    _fill()
    with _db(home) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq >= 4")
    (home / "audit.head").unlink()
    result = audit.verify()
    assert result.state == "unconfirmed" and not result.ok
    assert "head file" in (result.problem or "") and "missing" in (result.problem or "")


def test_an_empty_log_without_head_is_not_intact(home: Path) -> None:
    result = audit.verify()
    assert result.state == "unconfirmed" and result.records == 0
    assert "empty" in (result.problem or "")


def test_an_empty_log_with_a_head_was_wiped(home: Path) -> None:
    _fill()
    with _db(home) as conn:
        conn.execute("DELETE FROM audit_log")
    result = audit.verify()
    assert result.state == "broken" and result.broken_seq == 1
    assert "records 1..5 were deleted" in (result.problem or "")


@pytest.mark.parametrize("content", [b"", b"garbage\n", b"5\n", b"x " + b"a" * 64,
                                     b"\xff\xfe\x00\x01", b"0 " + b"a" * 64])
def test_a_corrupt_head_is_reported_not_raised(home: Path, content: bytes) -> None:
    _fill()
    (home / "audit.head").write_bytes(content)
    result = audit.verify()
    assert result.state == "unconfirmed" and "corrupt" in (result.problem or "")


def test_a_head_older_than_a_signed_checkpoint_is_broken(home: Path) -> None:
    """Tail and head rolled back together: the checkpoint still knows the end."""
    signing.generate_key(settings.signing_key())
    _fill()
    audit.checkpoint()
    head = (home / "audit.head").read_text()
    audit.record("ana", "alert.decide", {"alert_id": 7})
    with _db(home) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq >= 4")
    (home / "audit.head").write_text(f"3 {[r.hash for r in audit.iter_records()][2]}\n")
    assert head.startswith("5 ")
    result = audit.verify()
    assert result.state == "broken" and result.broken_seq == 4
    assert "covers record 5" in (result.problem or "")


def test_the_head_file_never_moves_back(home: Path) -> None:
    _fill()
    latest = (home / "audit.head").read_text()
    audit._write_head(2, "a" * 64)  # a slower writer committing an older record last
    assert (home / "audit.head").read_text() == latest


def test_a_rolled_back_action_leaves_no_record(home: Path) -> None:
    _fill()
    with pytest.raises(RuntimeError), engine().begin() as conn:
        audit.append(conn, "ana", "alert.decide", {"alert_id": 9})
        raise RuntimeError("the action failed")
    assert audit.verify().ok and audit.verify().records == 5


def _append_many(args: tuple[str, int]) -> int:
    home, worker = args
    import os

    os.environ["CLEARANCE_HOME"] = home
    from clearance.store import audit as log

    failures = 0
    for i in range(150):
        try:
            log.record(f"worker-{worker}", "test.append", {"i": i})
        except Exception:  # noqa: BLE001 - counting every failure is the point
            failures += 1
    return failures


def test_concurrent_writers_never_fork_the_chain(home: Path) -> None:
    import multiprocessing as mp

    audit.record("init", "test.start", {})
    with mp.get_context("spawn").Pool(4) as pool:
        failures = pool.map(_append_many, [(str(home), w) for w in range(4)])
    assert failures == [0, 0, 0, 0]
    result = audit.verify()
    assert result.ok and result.records == 601


def _rechain(home: Path, seq: int, detail: str) -> None:
    """What an attacker with write access and the source can do: edit, re-chain, new head."""
    with _db(home) as conn:
        rows = conn.execute("SELECT seq, at, actor, action, detail FROM audit_log "
                            "ORDER BY seq").fetchall()
        conn.execute("DELETE FROM audit_log")
        conn.execute("DELETE FROM audit_checkpoints")  # the store's own copies go too
        prev = audit.GENESIS
        for s, at, actor, action, body in rows:
            body = detail if s == seq else body
            digest = audit._hash(s, at, actor, action, body, prev)
            conn.execute("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (s, at, actor, action, body, prev, digest))
            prev = digest
    (home / "audit.head").write_text(f"{len(rows)} {prev}\n")


def test_a_rechained_log_with_a_new_head_is_caught_by_a_signed_checkpoint(
        home: Path, tmp_path: Path) -> None:
    signing.generate_key(settings.signing_key())
    _fill()
    signing.write_checkpoint(audit.checkpoint(), tmp_path / "kept-elsewhere.json")
    audit.record("ana", "alert.decide", {"alert_id": 8})
    _rechain(home, 3, '{"alert_id":0,"to":"true_match"}')
    # without the checkpoint the rewrite is undetectable: the chain and head agree
    assert audit.verify().ok
    against = [("kept", signing.read_checkpoint(tmp_path / "kept-elsewhere.json"))]
    result = audit.verify(against)
    assert result.state == "broken" and result.broken_seq == 5
    assert "differs from kept" in (result.problem or "") and "rewritten" in (result.problem or "")


def test_checkpoints_in_the_checkpoint_folder_survive_the_stores_rewrite(
        home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEARANCE_CHECKPOINT_DIR", str(tmp_path / "worm"))
    signing.generate_key(settings.signing_key())
    _fill()
    first = audit.checkpoint()
    assert [p.name[:27] for p in (tmp_path / "worm").iterdir()] == ["audit-checkpoint-0000000005"]
    _rechain(home, 2, '{"key_id":1,"name":"mallory"}')
    result = audit.verify()
    assert result.state == "broken" and result.broken_seq == 5 and "worm" in (result.problem or "")
    with pytest.raises(AuditError, match="refusing to sign: audit log broken at record 5"):
        audit.checkpoint()
    assert first.seq == 5


def test_checkpoints_extend_each_other_and_verify_names_the_newest(home: Path) -> None:
    signing.generate_key(settings.signing_key())
    _fill()
    audit.checkpoint()
    audit.record("ana", "alert.decide", {"alert_id": 8})
    second = audit.checkpoint()
    result = audit.verify()
    assert result.ok and result.checkpoint == second and second.seq == 6


def test_a_forged_stored_checkpoint_is_broken(home: Path) -> None:
    signing.generate_key(settings.signing_key())
    _fill()
    cp = audit.checkpoint()
    with engine().begin() as conn:
        conn.exec_driver_sql("INSERT INTO audit_checkpoints (seq, hash, at, key_id, signature) "
                             f"VALUES (5, '{cp.hash}', 'later', '{cp.key_id}', "
                             f"'{cp.signature}')")
    result = audit.verify()
    assert result.state == "broken" and "does not verify" in (result.problem or "")


def test_the_database_refuses_to_change_checkpoints(home: Path) -> None:
    signing.generate_key(settings.signing_key())
    _fill()
    audit.checkpoint()
    for sql in ("UPDATE audit_checkpoints SET seq = 1", "DELETE FROM audit_checkpoints"):
        with pytest.raises(DBAPIError, match="append-only"), engine().begin() as conn:
            conn.exec_driver_sql(sql)


def test_an_export_verifies_offline_with_only_the_public_key(
        home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    signing.generate_key(settings.signing_key())
    _fill()
    audit.record("ana", "note", {"text": "Ünïcode ✓", "n": 1.5, "none": None, "list": [1, "a"]})
    cp = audit.checkpoint()
    export = tmp_path / "audit.jsonl"
    export.write_text("".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n"
                              for r in audit.iter_records()), encoding="utf-8")
    public = signing.load_public_key(signing.public_path(settings.signing_key()))
    # the examiner's machine: no store, no private key
    monkeypatch.setenv("CLEARANCE_SIGNING_KEY", str(tmp_path / "nowhere.pem"))
    result = audit.verify([("cp", cp)], public, export)
    assert result.ok and result.records == 6 and result.checkpoint == cp
    lines = export.read_text(encoding="utf-8").splitlines()
    edited = json.loads(lines[3])
    edited["detail"]["to"] = "true_match"
    export.write_text("\n".join([*lines[:3], json.dumps(edited), *lines[4:]]) + "\n",
                      encoding="utf-8")
    result = audit.verify([("cp", cp)], public, export)
    assert result.state == "broken" and result.broken_seq == 4
    export.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    result = audit.verify([("cp", cp)], public, export)
    assert result.state == "broken" and "records 5..6 were deleted" in (result.problem or "")


def test_signing_needs_a_key_and_a_non_empty_log(home: Path) -> None:
    with pytest.raises(AuditError, match="no signing key"):
        audit.checkpoint()
    signing.generate_key(settings.signing_key())
    with pytest.raises(AuditError, match="empty"):
        audit.checkpoint()


@pytest.mark.parametrize("line", [b"{", b"[1, 2]", b'{"seq": 1}', b"\xff\xfe{}",
                                  (b'{"seq": "x", "at": "", "actor": "", "action": "", '
                                  b'"detail": {}, "prev_hash": "", "hash": ""}')])
def test_a_malformed_export_line_is_named(home: Path, tmp_path: Path, line: bytes) -> None:
    _fill()
    export = tmp_path / "audit.jsonl"
    good = json.dumps(next(audit.iter_records()).to_dict()).encode()
    export.write_bytes(good + b"\n" + line + b"\n")
    with pytest.raises(AuditError, match=f"{export}, line 2: not an audit record"):
        audit.verify(export=export)
