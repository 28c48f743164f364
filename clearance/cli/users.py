"""`clearance users ...`: the people who sign in to the web UI, and their roles."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from clearance.cli.output import console, fail
from clearance.exc import ClearanceError
from clearance.store.users import ROLES, create_user, disable_user, list_users

__all__ = ["users_app"]

users_app = typer.Typer(help="Web UI users: create, list, disable.", no_args_is_help=True)


def _password() -> str:
    """Prompted twice on a terminal; otherwise the first line of standard input."""
    if sys.stdin.isatty():
        value: str = typer.prompt("password", hide_input=True, confirmation_prompt=True)
        return value
    return sys.stdin.readline().rstrip("\r\n")


@users_app.command("create")
def users_create(
    name: str,
    role: Annotated[str, typer.Option(help=f"One of {', '.join(ROLES)}.")] = "analyst",
) -> None:
    """Create a user; the password is prompted (or read from standard input) and stored
    only as an argon2 hash."""
    try:
        user = create_user(name, role, _password())
    except ClearanceError as exc:
        raise fail(exc) from None
    console.print(f"user {user.name} ({user.role}) created; sign in at /ui")


@users_app.command("list")
def users_list() -> None:
    """Users with their roles and whether they are disabled or locked."""
    table = Table()
    for col in ("name", "role", "created", "disabled", "locked until"):
        table.add_column(col)
    for u in list_users():
        table.add_row(u.name, u.role, u.created_at, "yes" if u.disabled else "",
                      u.locked_until or "")
    console.print(table)


@users_app.command("disable")
def users_disable(name: str) -> None:
    """Disable a user: their sessions end at once; their name stays in every record."""
    try:
        disable_user(name)
    except ClearanceError as exc:
        raise fail(exc) from None
    console.print(f"user {name} disabled")
