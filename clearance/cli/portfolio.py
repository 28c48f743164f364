"""`clearance portfolio ...`: screen holdings against NS-CMIC, look through funds, report,
keep holdings as a monitored book, write a demo portfolio."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from clearance.cli.output import console, err, fail
from clearance.exc import ClearanceError, InputError

__all__ = ["parse_as_of", "portfolio_app"]

portfolio_app = typer.Typer(
    help="Investment exposure under the NS-CMIC ban: screen holdings, look through funds, "
         "report, monitor. Screening support, not legal advice.",
    no_args_is_help=True)

AS_OF_HELP = "Read the NS-CMIC dates as of this day (YYYY-MM-DD; default today)."
HOLDINGS_HELP = "CSV, XLSX, JSONL or Parquet holdings (bank-export headers are recognised)."


def parse_as_of(text: str | None) -> date:
    """--as-of: an ISO date, or today."""
    if text is None or text.strip() == "":
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"--as-of {text!r}: use YYYY-MM-DD") from None


def _disclaimer() -> None:
    from clearance.portfolio.dates import disclaimer

    err.print(f"[dim]{disclaimer()}[/]", highlight=False)


@portfolio_app.command("screen")
def screen(
    path: Annotated[Path, typer.Argument(metavar="HOLDINGS", help=HOLDINGS_HELP)],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help=".jsonl (default stdout), .csv or .xlsx: one line per holding.")]
    = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help=AS_OF_HELP)] = None,
    threshold: Annotated[float | None, typer.Option(
        help="Issuer-name score from which a holding is covered (default 0.80).")] = None,
    review_threshold: Annotated[float | None, typer.Option(
        help="Issuer-name score from which a holding is for review (default 0.70).")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
) -> None:
    """Screen holdings: covered, review or clear, with evidence, NS-CMIC dates and actions."""
    from clearance.portfolio.batch import ResultWriter, make_screener, screen_file

    try:
        screener = make_screener(parse_as_of(as_of), threshold, review_threshold)
        writer = ResultWriter(output, sys.stdout)
        try:
            summary = screen_file(path, writer, screener, workers)
        finally:
            writer.close()
    except ClearanceError as exc:
        raise fail(exc) from None
    for note in summary.notes:
        err.print(f"[dim]note:[/] {note}", highlight=False)
    for problem in summary.skipped:
        err.print(f"[yellow]skipped:[/] {problem}", highlight=False)
    s = summary.statuses
    err.print(f"screened {summary.screened} holdings as of {screener.cfg.as_of}: "
              f"{s['covered']} covered, {s['review']} review, {s['clear']} clear; "
              f"{summary.with_problems} with identifier problems; {len(summary.skipped)} "
              "skipped", highlight=False)
    _disclaimer()


@portfolio_app.command("funds")
def funds(
    path: Annotated[Path, typer.Argument(
        metavar="CONSTITUENTS", help="Fund constituents: fund id, ISIN/issuer, weight.")],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="JSONL, one line per fund (default stdout).")] = None,
    holdings: Annotated[Path | None, typer.Option(
        help="Holdings: positions in these funds get their covered market value.")] = None,
    flag_above: Annotated[float, typer.Option(
        help="Flag a fund whose covered weight exceeds this percent.")] = 0.0,
    weights: Annotated[str, typer.Option(help="auto, percent or fraction.")] = "auto",
    as_of: Annotated[str | None, typer.Option("--as-of", help=AS_OF_HELP)] = None,
) -> None:
    """Fund look-through: each fund's weight in covered and review securities."""
    from clearance.portfolio.batch import make_screener
    from clearance.portfolio.funds import look_through, read_constituents
    from clearance.portfolio.holdings import Holding, read_holdings

    try:
        screener = make_screener(parse_as_of(as_of))
        constituents, skipped, percent = read_constituents(path)
        held: list[Holding] = []
        if holdings is not None:
            for item in read_holdings(holdings):
                if isinstance(item, InputError):
                    skipped.append(str(item))
                else:
                    held.append(item)
        result = look_through(constituents, screener, flag_above, weights, percent, held)
    except ClearanceError as exc:
        raise fail(exc) from None
    for problem in skipped:
        err.print(f"[yellow]skipped:[/] {problem}", highlight=False)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    try:
        for fund in result:
            out.write(json.dumps(fund.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
    table = Table(title=f"{len(result)} funds (flag above {flag_above:g}% covered)")
    for col in ("fund", "constituents", "covered %", "review %", "flagged", "held value covered"):
        table.add_column(col)
    for fund in result:
        value = sum(h["covered_value"] or 0.0 for h in fund.held_by)
        table.add_row(fund.fund, str(fund.constituents), f"{fund.covered_weight:.2f}",
                      f"{fund.review_weight:.2f}", "yes" if fund.flagged else "no",
                      f"{value:,.0f}" if fund.held_by else "-")
    err.print(table)
    _disclaimer()


@portfolio_app.command("demo")
def demo(
    output: Annotated[Path, typer.Option("-o", "--output", help="Holdings CSV.")]
    = Path("holdings.csv"),
    funds_out: Annotated[Path | None, typer.Option(
        "--funds-out", help="Also write fund constituents (CSV).")] = None,
    count: Annotated[int, typer.Option(min=1, help="Positions.")] = 10_000,
    securities: Annotated[int | None, typer.Option(
        help="Distinct securities they are drawn from (default count/20, 2,000-50,000).")]
    = None,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same file).")] = 2026,
) -> None:
    """Write a demo portfolio on the loaded NS-CMIC list (real listed ISINs and synthetic ones)."""
    from clearance.portfolio.demo import write_demo
    from clearance.portfolio.listing import cmic_list

    try:
        counts = write_demo(output, cmic_list(), count, seed, funds_out, securities)
    except ClearanceError as exc:
        raise fail(exc) from None
    mix = ", ".join(f"{v:,} {k}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
    console.print(f"demo portfolio: {count:,} positions ({mix}) -> {output}"
                  + (f"; fund constituents -> {funds_out}" if funds_out else ""))


@portfolio_app.command("report")
def report(
    path: Annotated[Path | None, typer.Argument(
        metavar="[HOLDINGS]", help="Holdings file (default: the stored, monitored holdings).")]
    = None,
    output: Annotated[Path, typer.Option("-o", "--output", help=".html, .pdf or .json")]
    = Path("portfolio-exposure.html"),
    csv_path: Annotated[Path | None, typer.Option("--csv", help="Per-holding CSV.")] = None,
    funds_path: Annotated[Path | None, typer.Option(
        "--funds", help="Fund constituents (default: the stored ones).")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help=AS_OF_HELP)] = None,
    currency: Annotated[str | None, typer.Option(
        help="Currency to add up in (default: the first holding's); others are listed apart.")]
    = None,
) -> None:
    """Exposure report: market value covered by issuer, fund and deadline, and a timeline."""
    from clearance.portfolio.batch import ResultWriter, make_screener
    from clearance.portfolio.book import stored_constituents, stored_holdings
    from clearance.portfolio.funds import read_constituents
    from clearance.portfolio.holdings import Holding, read_holdings
    from clearance.portfolio.report import screen_exposure, write_report

    skipped: list[str] = []
    try:
        screener = make_screener(parse_as_of(as_of))
        holdings: list[Holding] = []
        source = stored_holdings() if path is None else read_holdings(path)
        for item in source:
            if isinstance(item, InputError):
                skipped.append(str(item))
            else:
                holdings.append(item)
        if funds_path is not None:
            constituents, bad, percent = read_constituents(funds_path)
            skipped += bad
        else:
            constituents, percent = stored_constituents()
        writer = ResultWriter(csv_path, sys.stdout) if csv_path is not None else None
        try:
            exposure = screen_exposure(holdings, screener, constituents, percent,
                                       currency.upper() if currency else None,
                                       None if writer is None else writer.write_result)
        finally:
            if writer is not None:
                writer.close()
        write_report(exposure, output)
    except ClearanceError as exc:
        raise fail(exc) from None
    for problem in skipped:
        err.print(f"[yellow]skipped:[/] {problem}", highlight=False)
    v, ccy = exposure.value_by_status, exposure.currency
    console.print(f"{exposure.holdings:,} holdings as of {exposure.as_of}: "
                  f"{ccy} {v['covered']:,.0f} covered, {ccy} {v['review']:,.0f} review, "
                  f"{ccy} {v['clear']:,.0f} clear; report: {output}"
                  + (f"; CSV: {csv_path}" if csv_path else ""))
    _disclaimer()


@portfolio_app.command("import")
def import_(
    path: Annotated[Path, typer.Argument(metavar="HOLDINGS", help=HOLDINGS_HELP)],
    funds_path: Annotated[Path | None, typer.Option(
        "--funds", help="Fund constituents to keep with them (replaced fund by fund).")]
    = None,
    replace: Annotated[bool, typer.Option(help="Holdings not in the file are removed.")]
    = False,
) -> None:
    """Keep holdings (by id) as a monitored book; `portfolio monitor` screens them."""
    from clearance.portfolio.book import import_constituents, import_holdings
    from clearance.store import audit

    try:
        result = import_holdings(path, replace, audit.default_actor())
        funds = import_constituents(funds_path, audit.default_actor()) if funds_path else None
    except ClearanceError as exc:
        raise fail(exc) from None
    for note in result.notes:
        err.print(f"[dim]note:[/] {note}", highlight=False)
    for problem in result.skipped + (funds.skipped if funds else []):
        err.print(f"[yellow]skipped:[/] {problem}", highlight=False)
    console.print(f"holdings {path}: {result.added} added, {result.updated} updated, "
                  f"{result.unchanged} unchanged, {result.removed} removed, "
                  f"{len(result.skipped)} skipped"
                  + (f"; {funds.constituents} fund constituents from {funds_path}"
                     if funds else ""))


@portfolio_app.command("monitor")
def monitor(
    as_of: Annotated[str | None, typer.Option("--as-of", help=AS_OF_HELP)] = None,
    full: Annotated[bool, typer.Option(help="Re-screen every holding.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """One cycle: re-screen the holdings a list change or import can reach; update alerts."""
    from clearance.monitor import notify
    from clearance.portfolio.monitor import run_portfolio_cycle
    from clearance.store import audit

    try:
        cycle = run_portfolio_cycle(parse_as_of(as_of), full, audit.default_actor())
    except ClearanceError as exc:
        raise fail(exc) from None
    report_ = cycle.to_dict()
    notify.deliver(cycle.outcome, report_)
    if as_json:
        print(json.dumps(report_, ensure_ascii=False))
        return
    c, s = report_["cmic"], report_["statuses"]
    console.print(f"portfolio cycle ({'full' if cycle.full else 'delta'}) in "
                  f"{report_['seconds']} s as of {cycle.as_of}: {report_['screened']} holdings "
                  f"screened ({s.get('covered', 0)} covered, {s.get('review', 0)} review, "
                  f"{s.get('clear', 0)} clear); NS-CMIC +{c['added']} -{c['removed']} "
                  f"~{c['changed']}; alerts: {report_['opened']} opened, "
                  f"{report_['reopened']} reopened, {report_['delisted']} delisted")
