"""`clearance alerts ...`: the review workflow."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from clearance.cli.output import console, fail
from clearance.exc import ClearanceError
from clearance.monitor.alerts import DECISIONS, STATUSES, decide, get_alert, list_alerts
from clearance.store import audit

__all__ = ["alerts_app"]

alerts_app = typer.Typer(help="Alerts: list, show, decide.", no_args_is_help=True)



@alerts_app.command("list")
def alerts_list(
    status: Annotated[str | None, typer.Option(help=f"One of {', '.join(STATUSES)}.")] = None,
    book_id: Annotated[str | None, typer.Option("--book-id", help="One book entry.")] = None,
    limit: Annotated[int, typer.Option(help="Alerts shown.")] = 1000,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON list.")] = False,
) -> None:
    """Alerts, newest first."""
    try:
        found = list_alerts(status, book_id, limit)
    except ClearanceError as exc:
        raise fail(exc) from None
    if as_json:
        print(json.dumps([a.to_dict() for a in found], ensure_ascii=False, indent=1))
        return
    table = Table()
    for col in ("id", "book entry", "list entry", "dataset", "score", "status", "opened"):
        table.add_column(col)
    for a in found:
        table.add_row(str(a.id), a.book_id, f"{a.list_name} ({a.source_id})", a.dataset,
                      f"{a.score:.3f}", a.status, a.opened_at)
    console.print(table)


@alerts_app.command("show")
def alerts_show(alert_id: int) -> None:
    """One alert: the match explanation and every event of the case."""
    try:
        alert = get_alert(alert_id)
    except ClearanceError as exc:
        raise fail(exc) from None
    console.print_json(json.dumps(alert.to_dict(full=True), ensure_ascii=False))


@alerts_app.command("decide")
def alerts_decide(
    alert_id: int,
    as_: Annotated[str, typer.Option("--as", help=f"One of {', '.join(DECISIONS)}.")],
    reason: Annotated[str, typer.Option(help="Why (kept in the case and the audit log).")],
) -> None:
    """Record a decision with reviewer (CLEARANCE_ACTOR or your user), reason and time."""
    try:
        alert = decide(alert_id, as_, reason, audit.default_actor())
    except ClearanceError as exc:
        raise fail(exc) from None
    console.print(f"alert {alert.id}: {alert.status} ({reason})")
