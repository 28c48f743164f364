"""The `clearance` command end to end (typer's runner; a temporary home)."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearance.cli.app import _register, app

runner = CliRunner()
_register()


def test_lists_load_status_and_diff(home: Path, lists_dir: Path) -> None:
    res = runner.invoke(app, ["lists", "load", str(lists_dir / "ofac_sdn")])
    assert res.exit_code == 0, res.output
    assert "loaded us_ofac_sdn version 1: 13821 entities" in res.output
    runner.invoke(app, ["lists", "load", str(lists_dir / "ofac_sdn_20240503" / "sdn.csv")])
    status = json.loads(runner.invoke(app, ["lists", "status", "--json"]).output)
    assert [(s["dataset"], s["version"], s["entity_count"]) for s in status] == [
        ("us_ofac_sdn", 2, 14965)]
    diff = json.loads(runner.invoke(app, ["lists", "diff", "us_ofac_sdn", "--json"]).output)
    assert diff["counts"]["added"] > 1000
    summary = runner.invoke(app, ["lists", "diff", "us_ofac_sdn"]).output
    assert len(summary.splitlines()) <= 6  # was ~170 lines of tables
    assert "removed: 7480 MUGABE, Robert Gabriel, 7482 " in summary and "--all" in summary
    full = runner.invoke(app, ["lists", "diff", "us_ofac_sdn", "--all"], env={"COLUMNS": "200"})
    removed = full.output[full.output.index("removed (112)"):full.output.index("changed (")]
    ids = [int(m) for m in re.findall(r"^│ (\d+) ", removed, re.MULTILINE)]
    assert len(ids) == 112 and ids == sorted(ids)  # numeric order: 7480 before 45735
    assert runner.invoke(app, ["lists", "activate", "us_ofac_sdn", "1"]).exit_code == 0
    versions = json.loads(runner.invoke(app, ["lists", "versions", "us_ofac_sdn",
                                              "--json"]).output)
    assert [v["active"] for v in versions] == [True, False]


def test_failed_load_exits_nonzero_with_the_reason(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "dpl.txt"
    bad.write_text("")
    res = runner.invoke(app, ["lists", "load", str(bad)])
    assert res.exit_code == 1
    assert "file is empty" in res.output


def test_match_json_and_table(loaded_home: Path) -> None:
    res = runner.invoke(app, ["match", "Hikvision", "--schema", "Company", "--json"])
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert data["results"][0]["match"] is True
    table = runner.invoke(app, ["match", "Сергей Лавров", "--schema", "Person"])
    assert "LAVROV," in table.output and "ALERT" in table.output


def test_screen_skips_bad_rows_and_writes_every_good_one(loaded_home: Path, tmp_path: Path
                                                         ) -> None:
    src = tmp_path / "book.jsonl"
    src.write_text('{"id": "a", "name": "Hikvision"}\n{"id": "b"}\n'
                   '{"id": "c", "name": "Emma Daniels", "schema": "Person"}\n')
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["screen", str(src), "-o", str(out)])
    assert res.exit_code == 3
    assert "line 2" in res.output and "screened 2 rows: 1 with alerts, 1 skipped" in res.output
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["a", "c"]
    first = lines[0]["matches"][0]
    assert set(first) >= {"dataset", "source_id", "entity_id", "name", "matched_name", "score",
                          "match", "explanation"}
    csv_out = tmp_path / "out.csv"
    runner.invoke(app, ["screen", str(src), "-o", str(csv_out)])
    assert csv_out.read_text().splitlines()[0].startswith("id,screened_name,dataset,source_id")


def test_load_defaults_to_clearance_lists(home: Path, lists_dir: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEARANCE_LISTS", str(lists_dir / "bis_dpl"))
    res = runner.invoke(app, ["lists", "load"])
    assert res.exit_code == 0 and "loaded us_bis_dpl version 1: 663 entities" in res.output
    monkeypatch.delenv("CLEARANCE_LISTS")
    assert runner.invoke(app, ["lists", "load"]).exit_code == 2


def test_keys_create_list_revoke(home: Path) -> None:
    created = runner.invoke(app, ["keys", "create", "--name", "ci", "--scope", "screen"])
    assert created.exit_code == 0 and "clr_" in created.output
    assert "ci" in runner.invoke(app, ["keys", "list"]).output
    assert runner.invoke(app, ["keys", "revoke", "1"]).exit_code == 0
    assert runner.invoke(app, ["keys", "revoke", "99"]).exit_code == 1
    assert runner.invoke(app, ["keys", "create", "--name", "x", "--scope", "root"]).exit_code == 1


def test_open_mode_is_refused_off_loopback(home: Path) -> None:
    res = runner.invoke(app, ["serve", "--open", "--host", "0.0.0.0"])
    assert res.exit_code == 2 and "only on 127.0.0.1" in res.output


def test_serve_runs_the_api(loaded_home: Path) -> None:
    import contextlib
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "clearance.cli.app", "serve", "--open",
                             "--port", str(port)], env={**os.environ,
                                                        "CLEARANCE_HOME": str(loaded_home)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        status = 0
        while time.time() < deadline and status != 200:
            with contextlib.suppress(httpx.TransportError):  # not listening yet
                status = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=5).status_code
            time.sleep(0.3)
        assert status == 200
        lists = httpx.get(f"http://127.0.0.1:{port}/lists", timeout=10)
        assert lists.status_code == 200  # open mode: no key needed
    finally:
        proc.terminate()
        proc.wait(timeout=30)
