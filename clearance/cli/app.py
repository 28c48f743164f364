"""The `clearance` command: one typer app, one module per command group.

Commands are imported when they run, not at start: `clearance --help` reads the names and
one-line helps in `COMMANDS` without importing any command module, and `clearance match`
imports only `clearance.cli.match` (and what matching needs), not the web server, the
monitor or the PDF reports. `_register()` registers everything at once (tests, docs);
`tests/cli/test_app.py` checks that `COMMANDS` says what `_register()` registers.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

from clearance.exc import ClearanceError

__all__ = ["COMMANDS", "app", "main"]

#: Command name -> (module, attribute: a command function or a sub-app, one-line help), in
#: the order `--help` lists them (typer's: commands, then groups).
COMMANDS: dict[str, tuple[str, str, str]] = {
    "match": ("clearance.cli.match", "match",
              "Ranked listed parties for one name, each with its explanation and every listing."),
    "screen": ("clearance.cli.match", "screen",
               "Screen every row of a file; malformed rows are reported by line and skipped."),
    "serve": ("clearance.cli.serve", "serve",
              "Run the HTTP API (OpenAPI at /docs); the index is built first if needed."),
    "whatif": ("clearance.cli.monitor", "whatif",
               ("A designation scenario in a sandbox: who is blocked, which book entries alert, "
                "and on us_ofac_cons which holdings and funds a new NS-CMIC listing would "
                "cover.")),
    "lists": ("clearance.cli.lists", "app", "Official lists: load, update, status, versions, diff."),
    "keys": ("clearance.cli.serve", "keys_app", "API keys: create, list, revoke."),
    "book": ("clearance.cli.book", "book_app", "The counterparty book: import, list, show, remove."),
    "ownership": ("clearance.cli.book", "ownership_app", "Ownership links and OFAC's 50% rule."),
    "monitor": ("clearance.cli.monitor", "monitor_app",
                "Monitoring: run a cycle, watch, write the digest."),
    "webhooks": ("clearance.cli.monitor", "webhooks_app", "Webhooks notified of alert changes."),
    "alerts": ("clearance.cli.alerts", "alerts_app", "Alerts: list, show, decide, review."),
    "audit": ("clearance.cli.audit", "audit_app",
              "The hash-chained audit log: verify, sign checkpoints, export."),
    "devices": ("clearance.cli.devices", "devices_app",
                "Equipment exposure: import, classify, report, demo data."),
    "users": ("clearance.cli.users", "users_app", "Web UI users: create, list, disable."),
    "portfolio": ("clearance.cli.portfolio", "portfolio_app",
                  ("Investment exposure under the NS-CMIC ban: screen holdings, look through "
                   "funds, report, monitor.")),
}


def _load(name: str) -> Any:
    """The click command of one entry of `COMMANDS`, its module imported now."""
    module, attribute, _ = COMMANDS[name]
    target = getattr(importlib.import_module(module), attribute)
    holder = typer.Typer(add_completion=False, pretty_exceptions_enable=False,
                         rich_markup_mode=None)
    if isinstance(target, typer.Typer):
        _plain_help(target)
        holder.add_typer(target, name=name)
    else:
        holder.command(name)(target)
    return typer.main.get_group(holder).commands[name]


class _LazyGroup(TyperGroup):
    """A group that imports a command's module only when the command is asked for."""

    _helping = False

    def list_commands(self, ctx: Any) -> list[str]:
        known = super().list_commands(ctx)
        return known + [n for n in COMMANDS if n not in known]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        found = super().get_command(ctx, cmd_name)
        if found is not None or cmd_name not in COMMANDS:
            return found
        if self._helping:  # the list of commands needs only names and one-line helps
            return TyperCommand(name=cmd_name, help=COMMANDS[cmd_name][2])
        command = _load(cmd_name)
        self.add_command(command, cmd_name)
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._helping = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._helping = False


app = typer.Typer(
    cls=_LazyGroup,
    help="Clearance: sanctions and export-control screening on one machine.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def _root() -> None:
    # a callback makes typer build a group even before any command is registered
    pass


_registered = False


def _register() -> None:
    """Register every command now (tests and docs walk the whole tree)."""
    global _registered
    if _registered:
        return
    _registered = True
    from clearance.cli import alerts as alerts_cmd
    from clearance.cli import audit as audit_cmd
    from clearance.cli import book as book_cmd
    from clearance.cli import devices as devices_cmd
    from clearance.cli import lists
    from clearance.cli import match as match_cmd
    from clearance.cli import monitor as monitor_cmd
    from clearance.cli import portfolio as portfolio_cmd
    from clearance.cli import serve as serve_cmd
    from clearance.cli import users as users_cmd

    app.add_typer(lists.app, name="lists")
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
    """Console-script entry point: "store busy" has its own exit code; another failure the
    user can fix is one line and exit 1. A command that declared its work done
    (`processes.skip_teardown`) ends without the interpreter's teardown."""
    from clearance.cli.output import busy_exit
    from clearance.processes import exit_now, skip_teardown, teardown_skipped

    # no command multiplies matrices: without this, numpy's OpenBLAS starts a thread per
    # core when it is imported, which spins while the index loads (before any command
    # module, so before numpy; a value the user set is kept)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    skip_teardown(False)  # only the command run now may declare its work done
    try:
        app()
    except SystemExit as done:  # how click ends every command
        if teardown_skipped() and (done.code is None or isinstance(done.code, int)):
            exit_now(done.code or 0)
        raise
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.exit(130)
    except Exception as exc:
        code = busy_exit(exc)
        if code is not None:
            sys.exit(code)
        message = _known_failure(exc)
        if message is None:
            raise
        print(f"error: {message}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
