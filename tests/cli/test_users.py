"""`clearance users create|list|disable`."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from clearance.cli.app import _register, app
from clearance.store.users import authenticate

runner = CliRunner()
_register()


def test_users_create_reads_the_password_from_stdin_and_lists(home: Path) -> None:
    res = runner.invoke(app, ["users", "create", "ana", "--role", "reviewer"],
                        input="a long enough password\n")
    assert res.exit_code == 0, res.output
    assert authenticate("ana", "a long enough password").role == "reviewer"
    res = runner.invoke(app, ["users", "create", "bo", "--role", "chief"], input="x" * 12 + "\n")
    assert res.exit_code == 1 and "role 'chief'" in res.output
    listed = runner.invoke(app, ["users", "list"]).output
    assert "ana" in listed and "reviewer" in listed and "bo" not in listed
    assert runner.invoke(app, ["users", "disable", "ana"]).exit_code == 0
    assert "yes" in runner.invoke(app, ["users", "list"]).output
    assert runner.invoke(app, ["users", "disable", "nobody"]).exit_code == 1
