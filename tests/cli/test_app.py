"""The command line starts fast: `--help` imports no command module, a command only its own."""

from __future__ import annotations

import subprocess
import sys

import typer.main

from clearance.cli.app import COMMANDS, _register, app

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
