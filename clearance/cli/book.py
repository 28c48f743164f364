"""`clearance book ...` and `clearance ownership ...`: the counterparty book and its owners."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from clearance.cli.output import console, err, fail
from clearance.exc import ClearanceError
from clearance.monitor.book import (
    get_entries,
    import_book,
    iter_entries,
    list_changes,
    remove_entry,
)
from clearance.store import audit

__all__ = ["book_app", "ownership_app"]

book_app = typer.Typer(help="The counterparty book: import, list, show, remove.",
                       no_args_is_help=True)
ownership_app = typer.Typer(help="Ownership links and OFAC's 50% rule.", no_args_is_help=True)



@book_app.command("import")
def book_import(
    path: Annotated[Path, typer.Argument(metavar="FILE",
                                         help="CSV, TSV, XLSX, JSONL or Parquet.")],
    encoding: Annotated[str | None, typer.Option(
        help="Text encoding of a CSV/JSONL file without a byte-order mark that is not UTF-8 "
             "(e.g. cp1252).")] = None,
    name_column: Annotated[str | None, typer.Option(help="Column holding the name.")] = None,
    id_column: Annotated[str | None, typer.Option(help="Column holding the id.")] = None,
    column: Annotated[list[str] | None, typer.Option(
        help="FIELD=COLUMN for any other field; repeatable.")] = None,
) -> None:
    """Add or update entries by id. Columns are recognised as `clearance screen --help`
    lists them (id, customer id, ref; name, customer name, company; type; date of birth;
    country, nationality ...); other columns are kept as attributes."""
    from clearance.screening.columns import parse_overrides

    try:
        result = import_book(path, encoding=encoding,
                             overrides=parse_overrides(name_column, id_column, column))
    except ClearanceError as exc:
        raise fail(exc) from None
    for note in result.notes:
        err.print(f"[yellow]note:[/] {note}", highlight=False)
    for problem in result.skipped:
        err.print(f"[yellow]skipped:[/] {problem}", highlight=False)
    console.print(f"book {path}: {result.added} added, {result.updated} updated, "
                  f"{result.unchanged} unchanged, {len(result.skipped)} skipped")


@book_app.command("list")
def book_list(
    limit: Annotated[int, typer.Option(help="Entries shown.")] = 50,
    offset: Annotated[int, typer.Option(help="Entries skipped.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines.")] = False,
) -> None:
    """Entries in id order."""
    entries = list(iter_entries(offset, limit))
    if as_json:
        for e in entries:
            console.print_json(json.dumps(e.to_dict(), ensure_ascii=False))
        return
    table = Table()
    for col in ("id", "name", "schema", "countries", "birth date"):
        table.add_column(col)
    for e in entries:
        table.add_row(e.id, e.name, e.schema, ", ".join(e.countries), e.birth_date or "")
    console.print(table)


@book_app.command("show")
def book_show(book_id: str) -> None:
    """One entry with the history of what imports changed."""
    entry = get_entries([book_id]).get(book_id)
    if entry is None:
        err.print(f"[red]error:[/] no book entry {book_id!r}")
        raise typer.Exit(1)
    console.print_json(json.dumps({**entry.to_dict(), "changes": list_changes(book_id)},
                                  ensure_ascii=False))


@book_app.command("remove")
def book_remove(
    book_id: Annotated[str, typer.Argument(metavar="ID")],
    reason: Annotated[str, typer.Option(help="Why (kept in the audit log and the alerts).")]
    = "",
) -> None:
    """Remove an entry; its alerts are closed as "removed", its history and theirs stay."""
    try:
        closed = remove_entry(book_id, audit.default_actor(), reason.strip())
    except ClearanceError as exc:
        raise fail(exc) from None
    console.print(f"book entry {book_id!r} removed; alerts closed: "
                  f"{', '.join(map(str, closed)) or 'none'}", highlight=False)


@ownership_app.command("import")
def ownership_import(
    path: Annotated[Path, typer.Argument(metavar="FILE",
                                         help="CSV owner,owned,percent,source or FtM JSONL.")],
) -> None:
    """Store ownership links (replacing earlier links from the same file)."""
    from clearance.monitor.ownership import import_links

    try:
        count, problems = import_links(path)
    except ClearanceError as exc:
        raise fail(exc) from None
    for problem in problems:
        err.print(f"[yellow]skipped:[/] {problem}", highlight=False)
    console.print(f"ownership {path}: {count} links stored, {len(problems)} skipped")


@ownership_app.command("blocked")
def ownership_blocked(
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """Entities blocked by the 50% rule over the stored links, each with its path."""
    from clearance.index.store import ensure_index
    from clearance.monitor.ownership import evaluate, list_links, listed_on

    blocks = evaluate(list_links(), listed_on(ensure_index()))
    rows = [b.to_dict(blocks) for _, b in sorted(blocks.items())]
    if as_json:
        console.print_json(json.dumps(rows, ensure_ascii=False))
        return
    table = Table()
    for col in ("entity", "how", "why"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["name"], "50% rule" if r["derived"] else "listed", r["explanation"])
    console.print(table)
