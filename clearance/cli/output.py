"""Where the commands write: results to stdout, progress and problems to stderr."""

from __future__ import annotations

import typer
from rich.console import Console

from clearance.exc import ClearanceError

__all__ = ["BUSY_EXIT", "busy_exit", "console", "err", "fail"]

BUSY_EXIT = 75  # EX_TEMPFAIL (sysexits.h): nothing was done, trying again may succeed

console = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def fail(exc: ClearanceError, code: int = 1) -> typer.Exit:
    """Print the error (it names file, line and field) and return the exit to raise."""
    err.print(f"[red]error:[/] {exc}", highlight=False)
    return typer.Exit(code)


def busy_exit(exc: BaseException) -> int | None:
    """For an error that means "another writer holds the store": say so, return the exit
    code (`BUSY_EXIT`); None for any other error."""
    from clearance.store.busy import BUSY_MESSAGE, is_busy

    if not is_busy(exc):
        return None
    err.print(f"[red]error:[/] {BUSY_MESSAGE}", highlight=False)
    return BUSY_EXIT
