"""Signing keys live outside the store; a checkpoint file verifies only as signed."""

from __future__ import annotations

import json
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from clearance import settings
from clearance.exc import AuditError
from clearance.store import signing


def test_keygen_writes_a_private_key_only_its_owner_reads(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "keys" / "audit.pem"
    pub, key_id = signing.generate_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert pub == path.with_suffix(".pub") and len(key_id) == 16
    assert signing.key_id(signing.load_public_key(pub)) == key_id
    assert signing.key_id(signing.load_private_key(path).public_key()) == key_id


def test_keygen_never_overwrites_a_key(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "audit.pem"
    signing.generate_key(path)
    before = path.read_bytes()
    with pytest.raises(AuditError, match="already exists"):
        signing.generate_key(path)
    assert path.read_bytes() == before


def test_a_key_inside_the_home_is_refused(home: Path) -> None:
    with pytest.raises(AuditError, match="inside CLEARANCE_HOME"):
        signing.generate_key(settings.home() / "keys" / "audit.pem")
    assert not (settings.home() / "keys" / "audit.pem").exists()


def test_a_checkpoint_verifies_only_unaltered_and_under_its_own_key(home: Path,
                                                                    tmp_path: Path) -> None:
    signing.generate_key(tmp_path / "a.pem")
    signing.generate_key(tmp_path / "b.pem")
    cp = signing.sign(signing.load_private_key(tmp_path / "a.pem"), 5, "ab" * 32, "2026-11-28")
    public = signing.load_public_key(tmp_path / "a.pub")
    assert cp.problem(public) is None
    for altered in (replace(cp, seq=6), replace(cp, hash="cd" * 32), replace(cp, at="2027"),
                    replace(cp, signature=cp.signature[:-4] + "AAA="),
                    replace(cp, signature="not base64!")):
        assert "does not verify" in (altered.problem(public) or "")
    other = signing.load_public_key(tmp_path / "b.pub")
    assert "signed by key" in (cp.problem(other) or "")


def test_a_checkpoint_file_round_trips_and_junk_is_named(home: Path, tmp_path: Path) -> None:
    signing.generate_key(tmp_path / "a.pem")
    cp = signing.sign(signing.load_private_key(tmp_path / "a.pem"), 1, "ab" * 32, "now")
    signing.write_checkpoint(cp, tmp_path / "cp.json")
    assert signing.read_checkpoint(tmp_path / "cp.json") == cp
    bad = tmp_path / "bad.json"
    for content in ("{", json.dumps({"format": "other"}),
                    json.dumps({**cp.to_dict(), "seq": "5"}), "\udcff"):
        bad.write_text(content, encoding="utf-8", errors="surrogateescape")
        with pytest.raises(AuditError, match=str(bad)):
            signing.read_checkpoint(bad)
    with pytest.raises(AuditError, match="no such file|No such file"):
        signing.read_checkpoint(tmp_path / "missing.json")


def test_a_missing_or_foreign_key_file_is_a_clear_error(home: Path, tmp_path: Path) -> None:
    with pytest.raises(AuditError, match="clearance audit keygen"):
        signing.load_private_key(tmp_path / "none.pem")
    (tmp_path / "junk.pem").write_text("not a key")
    with pytest.raises(AuditError, match="not a PEM"):
        signing.load_private_key(tmp_path / "junk.pem")
    with pytest.raises(AuditError, match="not a PEM"):
        signing.load_public_key(tmp_path / "junk.pem")
