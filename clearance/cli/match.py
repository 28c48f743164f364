"""`clearance match NAME` and `clearance screen INPUT`: the matcher from the shell."""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from clearance.cli.output import console, err, fail
from clearance.exc import ClearanceError, InputError, StoreError
from clearance.match.score import DEFAULT_THRESHOLD, Query, ScoringConfig
from clearance.processes import skip_teardown
from clearance.screening.columns import (
    ColumnMap,
    accepted,
    map_columns,
    parse_birth_date,
    parse_country,
    parse_overrides,
    require_name,
    schema_of,
)
from clearance.screening.group import MIN_SCORE

if TYPE_CHECKING:
    from clearance.index.build import Index
    from clearance.screening.batch import RowItem
    from clearance.screening.readers import InputRow

__all__ = ["match", "require_lists", "screen", "show_columns", "show_summary"]

MAX_LIMIT = 50  # as the API's `limit`
SCHEMA_HELP = "Person, Organization, Company, LegalEntity, Vessel or Airplane."


def require_lists() -> None:
    """Refuse to screen against no list: it would find nothing and look like a clean result.

    The active versions are read with the index's standard-library read
    (`index.store.active_lists`), so that `clearance match` does not import SQLAlchemy."""
    from clearance.index.store import active_lists

    if not active_lists():
        raise StoreError("no list is loaded, so nothing could be found: load the official "
                         "lists first (clearance lists load)")


def _loaded_index(query: Query | None = None, cfg: ScoringConfig | None = None) -> Index:
    """The index, if any list is loaded (`require_lists`). For one `query`, only what
    matching it reads of the saved index (`clearance.index.view`): far cheaper for a
    process that answers one query."""
    from clearance.index.store import ensure_index, index_for_query

    require_lists()
    return ensure_index() if query is None else index_for_query(query, cfg)


def _query(name: str, schema: str, countries: list[str], birth_date: str | None,
           identifiers: list[str]) -> Query:
    """A query from command-line values, checked like a file row's."""
    canonical = schema_of(schema)
    if canonical is None:
        raise InputError(f"--schema {schema!r}: use {SCHEMA_HELP}")
    try:
        codes = [parse_country(c) for c in countries]
        birth = None if birth_date is None else parse_birth_date(birth_date)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    if name.strip() == "":
        raise InputError("NAME is empty")
    return Query(name=name, schema=canonical, countries=codes, birth_date=birth,
                 identifiers=identifiers)


def match(
    name: Annotated[str, typer.Argument(help="Name to screen, in any script.")],
    schema: Annotated[str, typer.Option(help=SCHEMA_HELP)] = "LegalEntity",
    country: Annotated[list[str] | None, typer.Option(
        help="Country: ISO code or name (repeatable).")] = None,
    birth_date: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]].")] = None,
    identifier: Annotated[list[str] | None, typer.Option(
        help="IMO, passport, USCC, ISIN, registration number ...")] = None,
    threshold: Annotated[float, typer.Option(help="Alert threshold.", min=0.0, max=1.0)]
    = DEFAULT_THRESHOLD,
    limit: Annotated[int, typer.Option(help="Listed parties to show.", min=1, max=MAX_LIMIT)]
    = 5,
    json_out: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """Ranked listed parties for one name, each with its explanation and every listing."""
    from clearance.screening.group import screen_query

    cfg = ScoringConfig(threshold=threshold)
    try:
        query = _query(name, schema, country or [], birth_date, identifier or [])
        parties = screen_query(_loaded_index(query, cfg), query, cfg, limit)
    except ClearanceError as exc:
        raise fail(exc) from None
    if json_out:
        typer.echo(json.dumps({"query": name, "results": [p.to_dict() for p in parties]},
                              indent=2, ensure_ascii=False))
        skip_teardown()
        return
    from rich.table import Table  # here: `clearance screen` does not draw tables

    table = Table(title=f"Matches for {name!r} (alert at {threshold:.2f})")
    for col in ("#", "score", "alert", "dataset", "id", "listed name", "also listed"):
        table.add_column(col, overflow="fold")
    for i, p in enumerate(parties, start=1):
        r = p.best
        others = ", ".join(f"{o.dataset} {o.source_id}" for o in p.listings if o is not r)
        table.add_row(str(i), f"{r.score:.3f}", "[bold red]ALERT[/]" if p.match else "",
                      r.dataset, r.source_id, r.name, others)
    console.print(table)
    for i, p in enumerate(parties, start=1):
        r = p.best
        console.print(f"[bold]#{i}[/] {r.name} [dim]({r.dataset} {r.source_id})[/]")
        for f in r.features:
            sign = f"{f.value:.3f}" if f.name == "name" else f"{f.value:+.3f}"
            console.print(f"    {f.name:11s} {sign}  {f.detail}", highlight=False)
        for o in p.listings:
            if o is not r:
                console.print(f"    also listed: {o.dataset} {o.source_id} {o.name!r} "
                              f"(score {o.score:.3f})", highlight=False)
    skip_teardown()


SCREEN_HELP = (
    "Screen every row of a file; malformed rows are reported by line and skipped.\n\n"
    "A country or birth date that cannot be read is reported, and the row screened without "
    "it. Exit status 1 when no row was screened, 3 when some rows were skipped.\n\n"
    "Recognised columns (any case, spaces or underscores): "
    f"id ({accepted('id', count=4)}); name ({accepted('name', count=5)}), or first name + "
    f"last name; type ({accepted('schema', count=4)}); date of birth "
    f"({accepted('birth_date', count=3)}); country ({accepted('country', count=4)}); "
    f"identifiers ({accepted('identifiers', count=3)}); aliases ({accepted('aliases', count=3)})."
    " Other columns are carried through to the output unchanged. Without an id column, rows "
    "are identified by line number."
)


def _check_output(output: Path | None, input_path: Path) -> None:
    if output is None:
        return
    same = output.resolve() == input_path.resolve()
    if not same and output.exists() and input_path.exists():
        same = output.samefile(input_path)
    if same:
        raise InputError("the output is the input file; give another -o (nothing was written)",
                         path=str(output))
    folder = output.resolve().parent
    if not folder.is_dir():
        raise InputError(f"folder {str(output.parent)!r} does not exist", path=str(output))


def _jsonl_carried(rows: Iterable[InputRow], overrides: dict[str, list[str]]
                   ) -> tuple[str, ...]:
    """The keys of a header-less file's rows that no field reads, in first-seen order: the
    extra columns a CSV or XLSX output carries (a pass over the file before screening)."""
    keys: dict[str, None] = {}
    for row in rows:
        if row.error is None:
            keys.update((k, None) for k in row.data if k != "query")
    return map_columns(list(keys), overrides).carried


def _guessed(cmap: ColumnMap) -> bool:
    """True when a column was read under another header than the field's own name."""
    plain = {"id": "id", "name": "name", "schema": "schema", "birth_date": "birth_date"}
    return bool(cmap.notes) or any(plain.get(f) != c for f, c in cmap.single.items()) or any(
        len(cs) != 1 or cs[0] not in (f, "identifier", "countries") for f, cs in
        cmap.multi.items())


def screen(
    input_raw: Annotated[str, typer.Argument(
        metavar="INPUT", help="CSV, TSV, XLSX, JSONL or Parquet file (with --engine spark: "
                              "any path Spark reads, a file or a folder of part files).")],
    output_raw: Annotated[str | None, typer.Option(
        "-o", "--output", help=".jsonl, .csv or .xlsx (default: JSONL on stdout); with "
                               "--engine spark a new folder .jsonl, .csv or .parquet.")] = None,
    threshold: Annotated[float, typer.Option(help="Alert threshold.", min=0.0, max=1.0)]
    = DEFAULT_THRESHOLD,
    limit: Annotated[int, typer.Option(help="Listed parties kept per row.", min=1,
                                       max=MAX_LIMIT)] = 5,
    min_score: Annotated[float, typer.Option(
        help="Results that are not alerts are kept only from this score up.", min=0.0,
        max=1.0)] = MIN_SCORE,
    workers: Annotated[int | None, typer.Option(
        help="Worker processes (default: every core available).", min=1)] = None,
    encoding: Annotated[str | None, typer.Option(
        help="Text encoding of a CSV/JSONL file without a byte-order mark that is not UTF-8 "
             "(e.g. cp1252, latin-1, utf-16-le).")] = None,
    name_column: Annotated[str | None, typer.Option(help="Column holding the name.")] = None,
    id_column: Annotated[str | None, typer.Option(help="Column holding the row id.")] = None,
    column: Annotated[list[str] | None, typer.Option(
        help="FIELD=COLUMN for any field (schema, birth_date, country, identifiers, aliases, "
             "first_name, last_name); repeatable.")] = None,
    engine: Annotated[str, typer.Option(
        help="local, or spark (INPUT and OUTPUT: any path Spark reads and writes).")] = "local",
    master: Annotated[str | None, typer.Option(
        help="Spark master: local[2], spark://host:7077, yarn (default: spark-submit's, "
             "else local[*]).")] = None,
) -> None:
    if engine not in ("local", "spark"):
        raise fail(InputError(f"--engine {engine!r}: use local or spark"), 2)
    if engine == "spark" and workers is not None:
        raise fail(InputError("--workers is for the local engine: on Spark the cores are the "
                              "executors' (--master local[N], or the cluster's)"), 2)
    if engine == "local" and master is not None:
        raise fail(InputError("--master is for --engine spark"), 2)
    try:
        overrides = parse_overrides(name_column, id_column, column)
    except ClearanceError as exc:
        raise fail(exc) from None
    if engine == "spark":
        from clearance.cli.spark import screen_spark

        screen_spark(input_raw, output_raw, ScoringConfig(threshold=threshold), limit,
                     min_score, encoding, overrides, master)
        return
    input_path, output = Path(input_raw), None if output_raw is None else Path(output_raw)
    # imported here, so that `clearance match` does not pay for them
    from clearance.match.algorithm import ALGORITHM, VERSION
    from clearance.match.tables import freeze_heap
    from clearance.screening.batch import (
        FEW,
        default_workers,
        row_line,
        screen_few_rows,
        screen_row_lines,
        screen_rows,
    )
    from clearance.screening.io import ResultWriter, open_table, row_to_query
    from clearance.screening.recorder import RunRecorder

    bad = 0
    ignored = 0  # unreadable values left out of rows still screened
    path = str(input_path)
    workers = workers or default_workers()

    def items() -> Iterator[RowItem]:
        nonlocal bad, ignored
        for row in table:
            try:
                cols = cmap if cmap is not None else map_columns(
                    [k for k in row.data if k != "query"], overrides)
                unread: list[InputError] = []
                row_id, query = row_to_query(row, path, cols, line_ids=cmap is not None,
                                             ignored=unread)
            except InputError as exc:
                bad += 1
                err.print(f"[yellow]skipped:[/] {exc}", highlight=False)
                continue
            ignored += len(unread)
            for note in unread:
                err.print(f"[yellow]ignored:[/] {note}; the row is screened without it",
                          highlight=False)
            extra: dict[str, Any] = {} if row.error is not None else cols.extra(row.data)
            yield row_id, query, extra

    try:
        _check_output(output, input_path)
        table = open_table(input_path, encoding)
        for note in table.notes:
            err.print(f"[yellow]note:[/] {note}", highlight=False)
        cmap: ColumnMap | None = None
        if table.columns is not None:  # a header without a name column fails at once
            cmap = map_columns(table.columns, overrides)
            require_name(cmap, table.columns, path)
            show_columns(cmap)
        carried = cmap.carried if cmap is not None else ()
        if cmap is None and output is not None and output.suffix.lower() in (".csv", ".xlsx"):
            # a JSONL file has no header: a table's columns are the keys its rows use
            carried = _jsonl_carried(open_table(input_path, encoding), overrides)
        require_lists()
        recorder = RunRecorder()  # the audit's imports, while the index loads
        rows = items()
        first = list(itertools.islice(rows, FEW + 1))
        index: Index | None = None  # a few rows: each against its own view of the index
        if len(first) > FEW:
            index = _loaded_index()
            # the index is never garbage: out of the collector's sight before rows are
            # read, or the first collection of each generation walks its millions of objects
            freeze_heap(collect=False)
        writer = ResultWriter(output, sys.stdout, carried)
    except ClearanceError as exc:
        raise fail(exc) from None
    every = itertools.chain(first, rows)

    def few() -> Iterator[tuple[RowItem, list[dict[str, Any]], bool]]:
        return screen_few_rows(first, cfg, limit, min_score)

    def written() -> Iterator[bool]:
        """Screen and write each row; say whether it alerted."""
        if writer.kind in ("jsonl", "ndjson"):  # serialised in the workers
            lines = ((row_line(i, m), a) for i, m, a in few()) if index is None else \
                screen_row_lines(every, cfg, limit, workers, index, min_score)
            for line, alerted in lines:
                writer.write_line(line)
                yield alerted
        else:
            found = few() if index is None else screen_rows(every, cfg, limit, workers,
                                                            index, min_score)
            for item, parties, alerted in found:
                writer.write(item[0], parties, item[1].name, item[2])
                yield alerted

    cfg = ScoringConfig(threshold=threshold)
    done = alerts = 0
    try:
        with _progress() as advance:
            for alerted in written():
                done += 1
                alerts += alerted
                advance()
        writer.close()
    except ClearanceError as exc:
        raise fail(exc) from None
    recorder.record({
        "input": path, "output": None if output is None else str(output), "rows": done,
        "alerted": alerts, "skipped": bad, "ignored_values": ignored,
        "threshold": threshold, "min_score": min_score,
        "algorithm": f"{ALGORITHM}/{VERSION}"})
    skip_teardown()  # the results file is closed and the audit record committed
    show_summary(path, done, alerts, bad, min_score, tabular=cmap is not None,
                 ignored=ignored)


#: exit status of a screening that skipped rows it could not read (the others are written)
INCOMPLETE = 3


@contextmanager
def _progress() -> Iterator[Callable[[], None]]:
    """A function to call for each row screened: a progress line on a terminal's stderr,
    else nothing (rich's progress module not even imported: 0.01 s of the serial start,
    and its disabled bar took ~1.5 us a row of the process that feeds the workers)."""
    if not err.is_terminal:
        yield lambda: None
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("screening"), BarColumn(),
                  TextColumn("{task.completed} rows"), TimeElapsedColumn(),
                  console=err) as progress:
        task = progress.add_task("screen", total=None)
        yield lambda: progress.advance(task)


def show_columns(cmap: ColumnMap) -> None:
    """How a file's header was read, on stderr (by either engine, before screening)."""
    if _guessed(cmap):
        err.print(cmap.describe(), highlight=False)
    for note in cmap.notes:
        err.print(f"[yellow]note:[/] {note}", highlight=False)
    if "id" not in cmap.single:
        err.print(f"[yellow]note:[/] no id column ({accepted('id', count=4)}): rows are "
                  "identified by their line number", highlight=False)


def show_summary(path: str, done: int, alerts: int, bad: int, min_score: float,
                 tabular: bool, ignored: int = 0) -> None:
    """The closing line of a screening (either engine); exit 1 when no row was screened,
    `INCOMPLETE` when some were skipped: a scheduled job must not take a file with rows
    nobody screened (a cp1252 export read as UTF-8 loses every accented name) for done."""
    unread = f", {ignored} unreadable values ignored" if ignored else ""
    err.print(f"screened {done} rows: {alerts} with alerts, {bad} skipped{unread}; results "
              f"that are not alerts kept from {min_score:.2f} up (--min-score)",
              highlight=False)
    if done == 0:
        err.print(f"[red]error:[/] {path}: no row could be screened; each row needs a name "
                  f"({accepted('name', count=8)}, or first name + last name)"
                  + ("" if tabular else f" and an id ({accepted('id', count=6)})"),
                  highlight=False)
        raise typer.Exit(1)
    if bad:
        err.print(f"[yellow]incomplete:[/] {bad} rows of {path} were not screened (reported "
                  f"above by line); exit status {INCOMPLETE}", highlight=False)
        raise typer.Exit(INCOMPLETE)


screen.__doc__ = SCREEN_HELP
