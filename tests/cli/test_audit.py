"""`clearance audit ...`: exit codes say intact (0), broken (1) or not confirmed (3);
a corrupt head or checkpoint is one clear line, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from clearance import settings
from clearance.cli.app import _register, app
from clearance.store import audit

runner = CliRunner()
_register()


def _run(*args: str) -> tuple[int, str]:
    res = runner.invoke(app, list(args))
    assert "Traceback" not in res.output, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res.exit_code, res.output


def test_verify_states_and_exit_codes(home: Path) -> None:
    code, out = _run("audit", "verify")
    assert code == 3 and "not confirmed" in out and "empty" in out
    audit.record("ana", "note", {"n": 1})
    code, out = _run("audit", "verify")
    assert code == 0 and "audit log intact: 1 records; no signed checkpoint" in out
    (home / "audit.head").write_bytes(b"\x00\xff garbage")
    code, out = _run("audit", "verify")
    assert code == 3 and "corrupt" in out
    (home / "audit.head").write_text("9 " + "a" * 64 + "\n")
    code, out = _run("audit", "verify")
    assert code == 1 and "broken at record 2" in out and "deleted from the end" in out


def test_keygen_checkpoint_export_and_verify_against_a_file(home: Path, tmp_path: Path) -> None:
    code, out = _run("audit", "checkpoint")
    assert code == 1 and "no signing key" in out and "clearance audit keygen" in out
    code, out = _run("audit", "keygen")
    assert code == 0 and str(settings.signing_key()) in out
    code, out = _run("audit", "keygen")
    assert code == 1 and "already exists" in out
    code, out = _run("audit", "checkpoint")
    assert code == 1 and "empty" in out
    audit.record("ana", "note", {"n": 1})
    code, out = _run("audit", "checkpoint", "-o", str(tmp_path / "cp.json"))
    assert code == 0 and "record 1" in out
    audit.record("ana", "note", {"n": 2})
    pub = str(settings.signing_key().with_suffix(".pub"))
    code, out = _run("audit", "verify", "--against", str(tmp_path / "cp.json"),
                     "--public-key", pub)
    assert code == 0 and "matches the checkpoint of record 1" in out and "records 2..2" in out
    code, out = _run("audit", "export", "-o", str(tmp_path / "log.jsonl"))
    assert code == 0 and "chain intact" in out
    code, out = _run("audit", "verify", "--log", str(tmp_path / "log.jsonl"), "--against",
                     str(tmp_path / "cp.json"), "--public-key", pub)
    assert code == 0 and "2 records" in out

    forged = json.loads((tmp_path / "cp.json").read_text())
    forged["seq"] = 2
    (tmp_path / "forged.json").write_text(json.dumps(forged))
    code, out = _run("audit", "verify", "--against", str(tmp_path / "forged.json"))
    assert code == 1 and "does not verify" in out
    (tmp_path / "junk.json").write_text("{")
    code, out = _run("audit", "verify", "--against", str(tmp_path / "junk.json"))
    assert code == 1 and "junk.json is not JSON" in out
    code, out = _run("audit", "verify", "--log", str(tmp_path / "missing.jsonl"))
    assert code == 1 and "missing.jsonl" in out
