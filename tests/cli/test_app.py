"""The `clearance` entry point: misconfiguration and bad parameters are one line, never a
traceback, every help screen reads cleanly, and start is fast: `--help` imports no command
module, a command only its own (issues 14 and 15)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from clearance.cli.app import COMMANDS, _register, app, main
from clearance.store.db import reset_engines

runner = CliRunner()
_register()


def _main(argv: list[str], capsys: pytest.CaptureFixture[str],
          monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """Run the console script in-process: (exit code, stderr)."""
    reset_engines()
    monkeypatch.setattr(sys, "argv", ["clearance", *argv])
    with pytest.raises(SystemExit) as ended:
        main()
    reset_engines()
    code = ended.value.code
    return (code if isinstance(code, int) else 1), capsys.readouterr().err


def test_a_command_declared_done_earlier_in_the_process_does_not_end_the_next_abruptly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from clearance.processes import skip_teardown, teardown_skipped

    skip_teardown()  # as `clearance match` run through CliRunner leaves it
    (tmp_path / "home").write_text("not a folder")
    monkeypatch.setenv("CLEARANCE_HOME", str(tmp_path / "home"))
    assert _main(["lists", "status"], capsys, monkeypatch)[0] == 1  # not os._exit
    assert not teardown_skipped()


def _one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip() != ""]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err
    return lines[0]


def test_a_home_that_is_a_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "home").write_text("not a folder")
    monkeypatch.setenv("CLEARANCE_HOME", str(tmp_path / "home"))
    code, err = _main(["lists", "status"], capsys, monkeypatch)
    assert code == 1
    assert _one_line_error(err) == (f"error: CLEARANCE_HOME='{tmp_path / 'home'}' is a file, "
                                    "not a folder")


@pytest.mark.parametrize(
    ("url", "says"),
    [("bogus", "CLEARANCE_DATABASE_URL='bogus' is not a database URL"),
     ("sqlite:////nonexistent-folder/x/clearance.db", "the store cannot be used")],
)
def test_a_bogus_database_url_is_one_line(home: Path, url: str, says: str,
                                          capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEARANCE_DATABASE_URL", url)
    code, err = _main(["keys", "list"], capsys, monkeypatch)
    assert code == 1 and says in _one_line_error(err)


def test_a_read_only_store_is_one_line(home: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert _main(["keys", "create", "--name", "first"], capsys, monkeypatch)[0] == 0
    db = home / "clearance.db"
    monkeypatch.setenv("CLEARANCE_DATABASE_URL", f"sqlite:///file:{db}?mode=ro&uri=true")
    code, err = _main(["keys", "create", "--name", "second"], capsys, monkeypatch)
    assert code == 1
    assert "readonly database" in _one_line_error(err)


def test_a_rate_limit_that_is_not_a_number_is_one_line(home: Path,
                                                       capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEARANCE_RATE_LIMIT", "abc")
    code, err = _main(["serve"], capsys, monkeypatch)
    assert code == 1
    assert _one_line_error(err) == "error: CLEARANCE_RATE_LIMIT='abc' is not a number"


def test_an_output_into_a_missing_folder_is_one_line(home: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,name\n1,x\n")
    code, err = _main(["screen", str(src), "-o", str(tmp_path / "no" / "out.csv")], capsys,
                      monkeypatch)
    assert code == 1 and "does not exist" in _one_line_error(err)


def test_serve_refuses_a_port_out_of_range(home: Path) -> None:
    res = runner.invoke(app, ["serve", "--port", "70000"])
    assert res.exit_code == 2 and "--port" in res.output and "65535" in res.output


def test_a_key_needs_a_name(home: Path) -> None:
    res = runner.invoke(app, ["keys", "create", "--name", ""])
    assert res.exit_code == 1 and "a key needs a name" in res.output
    assert runner.invoke(app, ["keys", "list"]).output.count("\n") <= 4  # none was stored


def test_loading_a_folder_without_list_files_fails(home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    res = runner.invoke(app, ["lists", "load", str(empty)])
    assert res.exit_code == 1 and "no official list files in this folder" in res.output


def test_whatif_designates_only_on_a_known_list(home: Path) -> None:
    res = runner.invoke(app, ["whatif", "--designate", "Acme", "--as", "../../etc"])
    assert res.exit_code == 1 and "unknown list '../../etc' to designate on" in res.output


def _commands() -> list[list[str]]:
    group = typer.main.get_command(app)
    out: list[list[str]] = [[]]
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        subs = getattr(cmd, "commands", None)
        out += [[name, sub] for sub in subs] if subs else [[name]]
    return out


def test_no_help_screen_shows_an_odd_bool_type() -> None:
    for words in _commands():
        res = runner.invoke(app, [*words, "--help"])
        assert res.exit_code == 0, words
        assert "<bool>" not in res.output and "--help" in res.output, words

PROBE = """
import sys
from clearance.cli.app import main
sys.argv = ["clearance"] + sys.argv[1:]
try:
    main()
except SystemExit:
    pass
heavy = ["sqlalchemy", "numpy", "followthemoney", "fastapi", "pypinyin", "reportlab",
         "normality", "httpx", "pyarrow", "openpyxl"]
print("LOADED", sorted(m for m in heavy if m in sys.modules), file=sys.stderr)
"""


def loaded(*args: str) -> list[str]:
    run = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                         timeout=300)
    line = [x for x in run.stderr.splitlines() if x.startswith("LOADED")][-1]
    return eval(line.removeprefix("LOADED "))  # a printed list of names


def test_the_help_table_says_what_registering_every_command_registers() -> None:
    _register()
    group = typer.main.get_group(app)
    assert list(COMMANDS) == [n for n in group.commands if n in COMMANDS]
    assert set(group.commands) == set(COMMANDS), "add the new command to COMMANDS"
    for name, command in group.commands.items():
        assert command.get_short_help_str(200) == COMMANDS[name][2], name


def test_help_imports_none_of_the_heavy_libraries() -> None:
    assert loaded("--help") == []


def test_a_command_imports_what_it_needs_only(home: object) -> None:
    found = loaded("match", "--help")
    assert "fastapi" not in found and "followthemoney" not in found and "sqlalchemy" not in found
    assert "fastapi" not in loaded("lists", "--help")
