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


_registered = False


def _register() -> None:
    """Command groups that depend on the matcher are imported lazily (fast `lists` start)."""
    global _registered
    if _registered:
        return
    _registered = True
    from clearance.cli import alerts as alerts_cmd
    from clearance.cli import book as book_cmd
    from clearance.cli import devices as devices_cmd
    from clearance.cli import match as match_cmd
    from clearance.cli import monitor as monitor_cmd
    from clearance.cli import portfolio as portfolio_cmd
    from clearance.cli import serve as serve_cmd

    app.command("match")(match_cmd.match)
    app.command("screen")(match_cmd.screen)
    app.command("serve")(serve_cmd.serve)
    app.add_typer(serve_cmd.keys_app, name="keys")
    app.add_typer(book_cmd.book_app, name="book")
    app.add_typer(book_cmd.ownership_app, name="ownership")
    app.add_typer(monitor_cmd.monitor_app, name="monitor")
    app.add_typer(monitor_cmd.webhooks_app, name="webhooks")
    app.command("whatif")(monitor_cmd.whatif)
    app.add_typer(alerts_cmd.alerts_app, name="alerts")
    app.add_typer(alerts_cmd.audit_app, name="audit")
    app.add_typer(devices_cmd.devices_app, name="devices")
    app.add_typer(portfolio_cmd.portfolio_app, name="portfolio")


def main() -> None:
    """Console-script entry point."""
    _register()
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.exit(130)


if __name__ == "__main__":
    main()
