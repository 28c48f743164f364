"""`clearance monitor ...`, `clearance webhooks ...` and `clearance whatif`."""

from __future__ import annotations

import json
import re
import time
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from clearance.cli.output import console, err, fail
from clearance.exc import Busy, ClearanceError, InputError
from clearance.monitor import notify
from clearance.monitor.book import book_size
from clearance.monitor.cycle import CycleReport, run_cycle
from clearance.store import audit

__all__ = ["monitor_app", "webhooks_app", "whatif"]

monitor_app = typer.Typer(help="Monitoring: run a cycle, watch, write the digest.",
                          no_args_is_help=True)
webhooks_app = typer.Typer(help="Webhooks notified of alert changes.", no_args_is_help=True)

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
#: `monitor run` exit code when another cycle holds the lock (EX_TEMPFAIL: try again later).
BUSY = 75


def parse_every(text: str) -> float:
    """'90s', '15m', '1h', '1d' -> seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd])\s*", text)
    if m is None:
        raise InputError(f"--every {text!r}: use a number and s, m, h or d (e.g. 1h)")
    return float(m.group(1)) * _UNITS[m.group(2)]


def _notify(report: CycleReport) -> None:
    notify.deliver(report.outcome, report.to_dict())
    notify.write_digest()


def _cycle(full: bool, workers: int, wait: float = 0.0) -> CycleReport:
    pending = book_size() if full else None
    with Progress(TextColumn("monitoring"), BarColumn(), TextColumn("{task.completed} entries"),
                  TimeElapsedColumn(), console=err, disable=not err.is_terminal) as progress:
        task = progress.add_task("cycle", total=pending)
        return run_cycle(full=full, workers=workers, wait=wait, notify=_notify,
                         progress=lambda n: progress.advance(task, n))


def _show(report: CycleReport, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
        if report.checkpoint_refused:
            _show_checkpoint(report)
        return
    r = report.to_dict()
    console.print(f"cycle ({'full' if r['full'] else 'delta'}) in {r['seconds']} s: "
                  f"{r['book_screened']} book entries screened, {r['pairs_scored']} pairs "
                  f"re-scored; alerts: {r['opened']} opened, {r['reopened']} reopened, "
                  f"{r['delisted']} delisted, {r['suppressed']} suppressed")
    for d in r["lists"]:
        console.print(f"  {d['dataset']}: +{d['added']} -{d['removed']} "
                      f"~{d['changed_names']} names ~{d['changed_secondary']} country/birth date "
                      f"~{d['changed_other']} other")
    for dead in report.resumed:
        err.print(f"[yellow]completed the work of a cycle that did not finish:[/] started "
                  f"{dead['started']} by {dead['holder']}", highlight=False)
    _show_checkpoint(report)


def _show_checkpoint(report: CycleReport) -> None:
    if report.checkpoint is not None:
        cp = report.checkpoint
        console.print(f"audit checkpoint: record {cp['seq']} signed by key {cp['key_id']}",
                      highlight=False)
    elif report.checkpoint_refused:
        err.print(f"[red]audit checkpoint refused:[/] {report.checkpoint_problem}",
                  highlight=False)
    elif report.checkpoint_problem is not None:
        err.print(f"[yellow]warning:[/] {report.checkpoint_problem}", highlight=False)


@monitor_app.command("run")
def monitor_run(
    full: Annotated[bool, typer.Option(help="Re-screen the whole book (reconciliation).")] = False,
    workers: Annotated[int, typer.Option(help="Worker processes for book screening.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="The cycle report as JSON.")] = False,
    wait: Annotated[float, typer.Option(
        min=0, help="Seconds to wait if another cycle is running (then exit 75).")] = 0,
    engine: Annotated[str, typer.Option(
        help="local (the store's book), or spark (a book kept as files: --book).")] = "local",
    book: Annotated[str | None, typer.Option(
        help="With --engine spark: the book's Parquet, CSV or JSONL path (any Spark path).")]
    = None,
    master: Annotated[str | None, typer.Option(help="Spark master (as for screen).")] = None,
) -> None:
    """One cycle: re-screen what changed, update alerts, notify, write today's digest."""
    if engine not in ("local", "spark"):
        raise fail(InputError(f"--engine {engine!r}: use local or spark"), 2)
    if engine == "local" and (book is not None or master is not None):
        raise fail(InputError("--book and --master need --engine spark"), 2)
    if engine == "spark" and workers != 1:
        raise fail(InputError("--workers is for the local engine: on Spark the cores are the "
                              "executors' (--master local[N], or the cluster's)"), 2)
    try:
        if engine == "spark":
            from clearance.cli.spark import monitor_spark

            report = monitor_spark(book, full, master, wait, _notify)
        else:
            report = _cycle(full, workers, wait)
    except Busy as exc:
        raise fail(exc, BUSY) from None
    except ClearanceError as exc:
        raise fail(exc) from None
    _show(report, as_json)
    if report.checkpoint_refused:  # the alerts are stored, but the audit log is broken
        raise typer.Exit(1)


@monitor_app.command("watch")
def monitor_watch(
    every: Annotated[str, typer.Option(help="Interval: 30m, 1h, 1d ...")] = "1h",
    update: Annotated[bool, typer.Option(help="Fetch list updates before each cycle.")] = False,
    cycles: Annotated[int, typer.Option(help="Stop after N cycles (0: never).")] = 0,
    workers: Annotated[int, typer.Option(help="Worker processes for book screening.")] = 1,
) -> None:
    """Run a cycle now and then every interval (optionally fetching list updates first)."""
    try:
        seconds = parse_every(every)
    except ClearanceError as exc:
        raise fail(exc, 2) from None
    done = 0
    while True:
        started = time.monotonic()
        try:
            if update:
                from clearance.sources.fetch import update_lists

                for res in update_lists():
                    if res.error:
                        err.print(f"[yellow]update {res.dataset}:[/] {res.error}", highlight=False)
            _show(_cycle(False, workers), False)
        except Busy as exc:  # another process or instance runs this interval's cycle
            err.print(f"[yellow]cycle skipped:[/] {exc}", highlight=False)
        except ClearanceError as exc:  # one failed cycle must not stop the watch
            err.print(f"[red]cycle failed:[/] {exc}", highlight=False)
        done += 1
        if cycles and done >= cycles:
            return
        time.sleep(max(0.0, seconds - (time.monotonic() - started)))


@monitor_app.command("digest")
def monitor_digest(
    day: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default today).")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Folder.")] = None,
) -> None:
    """Write the day's alert digest as Markdown and HTML."""
    try:
        when = date.fromisoformat(day) if day else None
    except ValueError:
        err.print(f"[red]error:[/] --date {day!r} is not YYYY-MM-DD")
        raise typer.Exit(2) from None
    md, page = notify.write_digest(when, output)
    console.print(f"digest: {md} and {page}")


@webhooks_app.command("add")
def webhooks_add(
    url: str,
    secret: Annotated[str, typer.Option(help="Shared secret for the HMAC-SHA256 signature.")],
) -> None:
    """Register a URL to receive signed POSTs when alerts open, reopen or are delisted."""
    try:
        hook = notify.add_webhook(url, secret, audit.default_actor())
    except ClearanceError as exc:
        raise fail(exc) from None
    console.print(f"webhook {hook.id}: {hook.url}")


@webhooks_app.command("list")
def webhooks_list() -> None:
    """Webhooks and their state."""
    table = Table()
    for col in ("id", "url", "created", "active"):
        table.add_column(col)
    for h in notify.list_webhooks():
        table.add_row(str(h.id), h.url, h.created_at, "yes" if h.active else "no")
    console.print(table)


@webhooks_app.command("remove")
def webhooks_remove(webhook_id: int) -> None:
    """Stop notifying a webhook (its delivery log stays)."""
    try:
        notify.remove_webhook(webhook_id, audit.default_actor())
    except ClearanceError as exc:
        raise fail(exc) from None
    console.print(f"webhook {webhook_id} removed")


@webhooks_app.command("deliveries")
def webhooks_deliveries(limit: Annotated[int, typer.Option(help="Rows shown.")] = 20) -> None:
    """The delivery log: attempts, last HTTP status, error."""
    table = Table()
    for col in ("id", "webhook", "at", "attempts", "status", "delivered", "error"):
        table.add_column(col)
    for d in notify.list_deliveries(limit):
        table.add_row(str(d.id), str(d.webhook_id), d.at, str(d.attempts),
                      str(d.status_code or ""), "yes" if d.delivered else "no", d.error or "")
    console.print(table)


def whatif(
    designate: Annotated[str, typer.Option(help="Name of the party to designate.")],
    as_: Annotated[str, typer.Option("--as", help="List it would be designated on.")]
    = "us_ofac_sdn",
    with_subsidiaries: Annotated[bool, typer.Option(
        help="Designate its known subsidiaries and brands too.")] = False,
    report: Annotated[Path | None, typer.Option(help="Write a .md or .html report.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
    isin: Annotated[list[str] | None, typer.Option(
        help="ISIN of the designated company's securities (repeatable); implies NS-CMIC.")]
    = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Day of the scenario listing (YYYY-MM-DD; default today).")] = None,
) -> None:
    """A designation scenario in a sandbox: who is blocked, which book entries alert, and on
    us_ofac_cons which holdings and funds a new NS-CMIC listing would cover."""
    from clearance.cli.portfolio import parse_as_of
    from clearance.monitor.whatif import run_whatif, write_report

    try:
        scenario = run_whatif(designate, as_, with_subsidiaries, actor=audit.default_actor(),
                              isins=isin or None, as_of=parse_as_of(as_of))
    except ClearanceError as exc:
        raise fail(exc) from None
    if report is not None:
        write_report(scenario, report)
    if as_json:
        print(json.dumps(scenario.to_dict(), ensure_ascii=False, indent=1))
        return
    blocked = Table(title=f"blocked if {designate} is designated on {as_}")
    blocked.add_column("party")
    blocked.add_column("why", overflow="fold")  # sources in full, never cut short
    for b in scenario.blocked:
        blocked.add_row(b["name"], b["why"])
    console.print(blocked)
    hits = Table(title="book entries that would alert")
    for col in ("book id", "name", "blocked party", "score", "already alerting"):
        hits.add_column(col)
    for h in scenario.book_hits:
        hits.add_row(h["book_id"], h["book_name"], h["blocked_party"], f"{h['score']:.3f}",
                     "yes" if h["already_alerting"] else "no")
    console.print(hits)
    if scenario.portfolio is not None:
        _show_portfolio(scenario.portfolio)
    if scenario.devices:
        d = scenario.devices
        console.print(f"devices: {d['devices']:,} of {d['vendor_group']}, replacement "
                      f"${d['replacement_cost']:,.0f} ({d['note']})")
    if report is not None:
        console.print(f"report: {report}")


def _show_portfolio(p: dict[str, Any]) -> None:
    """The holdings and funds a scenario NS-CMIC listing would cover."""
    for problem in p["problems"]:
        err.print(f"[yellow]note:[/] {problem}", highlight=False)
    table = Table(title=f"holdings a listing of {p['designated']} on NS-CMIC would cover "
                        f"(effective {p['effective_date']}, divestment until "
                        f"{p['divestment_deadline']})")
    for col in ("holding", "status", "issuer", "isin", "market value", "fund or account"):
        table.add_column(col)
    for h in p["holdings"]:
        value = "" if h["market_value"] is None else f"{h['market_value']:,.0f}"
        table.add_row(h["id"], h["status"], h["issuer"] or "", h["isin"] or "", value,
                      h["fund_or_account"] or "")
    console.print(table)
    funds = Table(title="funds holding it")
    for col in ("fund", "covered %", "review %", "held by"):
        funds.add_column(col)
    for f in p["funds"]:
        funds.add_row(f["fund"], f"{f['covered_weight']:.2f}", f"{f['review_weight']:.2f}",
                      str(len(f["held_by"])))
    console.print(funds)
