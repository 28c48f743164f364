"""Docs are tested: every CLI command and every setting appears in the README."""

import inspect
import re
from pathlib import Path

import typer.main

from clearance import settings
from clearance.cli.app import _register, app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def _commands() -> list[str]:
    _register()
    group = typer.main.get_command(app)
    out = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        subs = getattr(cmd, "commands", None)
        out += [f"clearance {name} {sub}" for sub in subs] if subs else [f"clearance {name}"]
    return out


def test_every_command_is_documented() -> None:
    commands = _commands()
    assert "clearance lists load" in commands and "clearance screen" in commands
    missing = [c for c in commands if f"`{c}" not in README]
    assert missing == []


def test_every_setting_is_documented() -> None:
    names = set(re.findall(r"CLEARANCE_[A-Z_]+", inspect.getsource(settings)))
    assert "CLEARANCE_HOME" in names
    assert [n for n in sorted(names) if f"`{n}`" not in README] == []


def test_readme_leads_with_the_two_commands() -> None:
    first = README.index("make run")
    assert first < README.index("## A ten-minute tour") and "make test" in README[:first + 200]


def test_every_endpoint_is_documented() -> None:
    from clearance.api import create_app

    paths = create_app().openapi()["paths"]
    missing = [f"{m.upper()} {p}" for p, ops in paths.items() for m in ops
               if f"`{m.upper()} {p}`" not in README and f"`{m.upper()} {p}`," not in README]
    assert missing == []
