"""`clearance match NAME` and `clearance screen INPUT`: the matcher from the shell."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from clearance.cli.output import console, err, fail
from clearance.exc import ClearanceError, InputError
from clearance.index.store import ensure_index
from clearance.match.algorithm import ALGORITHM, VERSION
from clearance.match.engine import match_query
from clearance.match.score import DEFAULT_THRESHOLD, Query, ScoringConfig
from clearance.screening.batch import screen_lines, screen_queries
from clearance.screening.io import ResultWriter, read_rows, row_to_query
from clearance.store import active_version_ids, audit

__all__ = ["match", "screen"]



def match(
    name: Annotated[str, typer.Argument(help="Name to screen, in any script.")],
    schema: Annotated[str, typer.Option(
        help="Person, Organization, Company, LegalEntity, Vessel or Airplane.")] = "LegalEntity",
    country: Annotated[list[str] | None, typer.Option(help="ISO country code(s).")] = None,
    birth_date: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]].")] = None,
    identifier: Annotated[list[str] | None, typer.Option(
        help="IMO, passport, USCC, ISIN, registration number ...")] = None,
    threshold: Annotated[float, typer.Option(help="Alert threshold.")] = DEFAULT_THRESHOLD,
    limit: Annotated[int, typer.Option(help="Results to show.")] = 5,
    json_out: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """Ranked list entries for one name, each with its explanation."""
    query = Query(name=name, schema=schema, countries=[c.lower() for c in country or []],
                  birth_date=birth_date, identifiers=identifier or [])
    try:
        results = match_query(ensure_index(), query, ScoringConfig(threshold=threshold), limit)
    except ClearanceError as exc:
        raise fail(exc) from None
    if json_out:
        typer.echo(json.dumps({"query": name, "results": [r.to_dict() for r in results]},
                              indent=2, ensure_ascii=False))
        return
    table = Table(title=f"Matches for {name!r} (alert at {threshold:.2f})")
    for col in ("#", "score", "alert", "dataset", "id", "listed name"):
        table.add_column(col, overflow="fold")
    for i, r in enumerate(results, start=1):
        table.add_row(str(i), f"{r.score:.3f}", "[bold red]ALERT[/]" if r.match else "",
                      r.dataset, r.source_id, r.name)
    console.print(table)
    for i, r in enumerate(results, start=1):
        console.print(f"[bold]#{i}[/] {r.name} [dim]({r.dataset} {r.source_id})[/]")
        for f in r.features:
            sign = f"{f.value:.3f}" if f.name == "name" else f"{f.value:+.3f}"
            console.print(f"    {f.name:11s} {sign}  {f.detail}", highlight=False)


def screen(
    input_raw: Annotated[str, typer.Argument(metavar="INPUT",
                                             help="CSV, XLSX, JSONL or Parquet file.")],
    output_raw: Annotated[str | None, typer.Option(
        "-o", "--output", help=".jsonl, .csv or .xlsx (default: JSONL on stdout).")] = None,
    threshold: Annotated[float, typer.Option(help="Alert threshold.")] = DEFAULT_THRESHOLD,
    limit: Annotated[int, typer.Option(help="Matches kept per row.")] = 5,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    engine: Annotated[str, typer.Option(
        help="local, or spark (INPUT and OUTPUT: any path Spark reads and writes).")] = "local",
    master: Annotated[str | None, typer.Option(
        help="Spark master: local[2], spark://host:7077, yarn (default: spark-submit's, "
             "else local[*]).")] = None,
) -> None:
    """Screen every row of a file; malformed rows are reported by line and skipped."""
    if engine == "spark":
        from clearance.cli.spark import screen_spark

        screen_spark(input_raw, output_raw, threshold, limit, master)
        return
    if engine != "local":
        raise fail(InputError(f"--engine {engine!r}: use local or spark"), 2)
    input_path, output = Path(input_raw), None if output_raw is None else Path(output_raw)
    bad = 0
    path = str(input_path)

    def queries() -> Iterator[tuple[str, Query]]:
        nonlocal bad
        for row in read_rows(input_path):
            try:
                yield row_to_query(row, path)
            except InputError as exc:
                bad += 1
                err.print(f"[yellow]skipped:[/] {exc}", highlight=False)

    try:
        if not input_path.exists():
            raise InputError("no such file", path=path)
        writer = ResultWriter(output, sys.stdout)
        index = ensure_index()
        cfg = ScoringConfig(threshold=threshold)
        done = alerts = 0
        show = err.is_terminal
        with Progress(SpinnerColumn(), TextColumn("screening"), BarColumn(),
                      TextColumn("{task.completed} rows"), TimeElapsedColumn(),
                      console=err, disable=not show) as progress:
            task = progress.add_task("screen", total=None)
            if writer.kind in ("jsonl", "ndjson"):  # serialised in the workers
                for line, alerted in screen_lines(queries(), cfg, limit, workers, index):
                    writer.write_line(line)
                    done += 1
                    alerts += alerted
                    progress.advance(task)
            else:
                for res in screen_queries(queries(), cfg, limit, workers, index):
                    writer.write(res.id, res.matches)
                    done += 1
                    alerts += bool(res.alerts)
                    progress.advance(task)
        writer.close()
    except ClearanceError as exc:
        raise fail(exc) from None
    audit.record(audit.default_actor(), "screening.run", {
        "input": path, "output": None if output is None else str(output), "rows": done,
        "alerted": alerts, "skipped": bad, "threshold": threshold,
        "algorithm": f"{ALGORITHM}/{VERSION}", "lists": active_version_ids()})
    err.print(f"screened {done} rows: {alerts} with alerts, {bad} skipped", highlight=False)
