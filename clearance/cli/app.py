"""The `clearance` command: one typer app, one module per command group."""

from __future__ import annotations

import sys

import typer

from clearance.cli import lists
from clearance.exc import ClearanceError

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
    from clearance.cli import audit as audit_cmd
    from clearance.cli import book as book_cmd
    from clearance.cli import devices as devices_cmd
    from clearance.cli import match as match_cmd
    from clearance.cli import monitor as monitor_cmd
    from clearance.cli import portfolio as portfolio_cmd
    from clearance.cli import serve as serve_cmd
    from clearance.cli import users as users_cmd

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
    app.add_typer(audit_cmd.audit_app, name="audit")
    app.add_typer(devices_cmd.devices_app, name="devices")
    app.add_typer(users_cmd.users_app, name="users")
    app.add_typer(portfolio_cmd.portfolio_app, name="portfolio")
    _plain_help(app)


def _plain_help(typer_app: typer.Typer) -> None:
    """Click's plain help on every screen: typer's rich panels label each flag (even
    `--help`) with an odd `<bool>` type."""
    typer_app.rich_markup_mode = None
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _plain_help(group.typer_instance)


def _known_failure(exc: Exception) -> str | None:
    """One line for a failure the user can fix (bad input or settings, an unusable store),
    or None for a bug, which keeps its traceback."""
    if isinstance(exc, ClearanceError):
        return str(exc)
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename is not None else ""
        return f"{where}{exc.strerror or exc}"
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is not None and isinstance(exc, sa_exc.SQLAlchemyError):
        orig = getattr(exc, "orig", None)
        reason = str(orig if orig is not None else exc).strip().splitlines()[0]
        return (f"the store cannot be used ({reason}); check CLEARANCE_HOME and "
                "CLEARANCE_DATABASE_URL")
    return None


def main() -> None:
    """Console-script entry point: a failure the user can fix is one line and exit 1."""
    _register()
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.exit(130)
    except Exception as exc:
        message = _known_failure(exc)
        if message is None:
            raise
        print(f"error: {message}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
