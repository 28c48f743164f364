"""`clearance alerts ...`: the review workflow."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from clearance.cli.output import console, fail
from clearance.exc import ClearanceError, NotFound
from clearance.monitor.alerts import DECISIONS, STATUSES, get_alert, list_alerts
from clearance.monitor.review import proposals, review, submit_decision
from clearance.store import audit

__all__ = ["alerts_app"]

alerts_app = typer.Typer(help="Alerts: list, show, decide, review.", no_args_is_help=True)



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
    code: Annotated[str, typer.Option(help="A reason code (resources/reason_codes.yml).")] = "",
) -> None:
    """Record a decision with reviewer (CLEARANCE_ACTOR or your user), reason and time;
    under four-eyes it is proposed and waits for `alerts review` by someone else."""
    try:
        done = submit_decision(alert_id, as_, reason, audit.default_actor(), code)
    except ClearanceError as exc:
        raise fail(exc) from None
    if done.proposal is not None:
        console.print(f"alert {alert_id}: {as_} proposed, awaiting approval by another "
                      f"reviewer (proposal {done.proposal.id})")
        return
    console.print(f"alert {done.alert.id}: {done.alert.status} ({reason})")


@alerts_app.command("review")
def alerts_review(
    alert_id: int,
    approve: Annotated[bool, typer.Option("--approve/--send-back",
                                          help="Approve the proposal, or send it back.")],
    reason: Annotated[str, typer.Option(help="Why (required to send back).")] = "",
) -> None:
    """Approve or send back the decision awaiting approval (never your own proposal)."""
    try:
        pending = proposals(alert_id, state="pending")
        if not pending:
            raise NotFound(f"alert {alert_id} has no decision awaiting approval")
        alert = review(pending[0].id, approve, reason, audit.default_actor())
    except ClearanceError as exc:
        raise fail(exc) from None
    console.print(f"alert {alert.id}: {alert.status} "
                  f"({'approved' if approve else 'sent back'})")

