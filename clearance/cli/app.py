"""The `clearance` command: one typer app, one module per command group."""

from __future__ import annotations

import sys

import typer

from clearance.cli import lists

__all__ = ["app", "main"]

app = typer.Typer(
    help="Clearance: sanctions and export-control screening on one machine.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(lists.app, name="lists")


def _register() -> None:
    """Command groups that depend on the matcher are imported lazily (fast `lists` start)."""
    from clearance.cli import match as match_cmd

    app.command("match")(match_cmd.match)
    app.command("screen")(match_cmd.screen)


def main() -> None:
    """Console-script entry point."""
    _register()
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.exit(130)
