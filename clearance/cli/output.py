"""Where the commands write: results to stdout, progress and problems to stderr."""

from __future__ import annotations

import typer
from rich.console import Console

from clearance.exc import ClearanceError

__all__ = ["console", "err", "fail"]

console = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def fail(exc: ClearanceError, code: int = 1) -> typer.Exit:
    """Print the error (it names file, line and field) and return the exit to raise."""
    err.print(f"[red]error:[/] {exc}", highlight=False)
    return typer.Exit(code)
