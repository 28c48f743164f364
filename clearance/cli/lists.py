"""`clearance lists ...`: load, update, status, versions, activate and diff official lists."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from clearance import settings
from clearance.cli.output import console, err, fail
from clearance.exc import ClearanceError
from clearance.store import activate as activate_version
from clearance.store import diff as diff_versions
from clearance.store import list_versions
from clearance.store import status as store_status
from clearance.store.load import LoadResult, load_paths

__all__ = ["app"]

app = typer.Typer(help="Official lists: load, update, status, versions, diff.",
                  no_args_is_help=True)


def _report(results: list[LoadResult]) -> int:
    failed = 0
    for res in results:
        if res.error is not None:
            failed += 1
            err.print(f"[red]failed[/] {res.dataset}: {res.error} (active version unchanged)",
                      highlight=False)
        elif res.skipped and res.version is not None:
            console.print(f"unchanged {res.dataset}: version {res.version.version} stays active",
                          highlight=False)
        elif res.version is not None:
            v = res.version
            console.print(f"loaded {v.dataset} version {v.version}: {v.entity_count} entities "
                          f"from {res.publication}", highlight=False)
            for w in v.warnings:
                console.print(f"  [yellow]warning:[/] {w}", highlight=False)
    return failed


@app.command()
def load(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Files or folders of official list files (default: $CLEARANCE_LISTS).")] = None,
    skip_unchanged: Annotated[bool, typer.Option(
        help="Keep the active version when its files' checksums are unchanged.")] = False,
) -> None:
    """Load official list files; each publication found becomes a new active version."""
    if not paths:
        default = settings.lists_dir()
        if default is None:
            err.print("[red]error:[/] give files or folders to load, or set CLEARANCE_LISTS")
            raise typer.Exit(2)
        paths = [default]
    try:
        results = load_paths(paths, skip_unchanged=skip_unchanged)
    except ClearanceError as exc:
        raise fail(exc) from None
    if _report(results) > 0:
        raise typer.Exit(1)
    _rebuild_index()


def _rebuild_index() -> None:
    """Keep the persisted candidate index in step with the active versions."""
    from clearance.index.store import ensure_index_file

    ensure_index_file()


@app.command()
def update(
    mirror: Annotated[str | None, typer.Option(
        help="Folder or base URL holding the official files instead of the publishers.")] = None,
    dataset: Annotated[list[str] | None, typer.Option(
        help="Only these datasets (default: all).")] = None,
) -> None:
    """Download the official lists (conditional requests, retries) and load what changed."""
    from clearance.sources.fetch import update_lists

    try:
        results = update_lists(mirror=mirror, datasets=dataset)
    except ClearanceError as exc:
        raise fail(exc) from None
    if _report(results) > 0:
        raise typer.Exit(1)
    _rebuild_index()


@app.command()
def status(json_out: Annotated[bool, typer.Option("--json", help="JSON output.")] = False) -> None:
    """Active version of each dataset: publish date, entity count, when it was loaded."""
    rows = store_status()
    if json_out:
        typer.echo(json.dumps([{
            "dataset": r.dataset, "version": r.version, "published": r.published,
            "entity_count": r.entity_count, "loaded_at": r.loaded_at, "files": r.files,
        } for r in rows], indent=2))
        return
    table = Table(title="Active list versions")
    for col in ("dataset", "version", "published", "entities", "loaded at"):
        table.add_column(col, justify="right" if col in ("version", "entities") else "left")
    for r in rows:
        table.add_row(r.dataset, str(r.version), r.published or "-", f"{r.entity_count:,}",
                      r.loaded_at)
    console.print(table)


@app.command()
def versions(
    dataset: str,
    json_out: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """Every stored version of one dataset (the active one is marked)."""
    try:
        rows = list_versions(dataset)
    except ClearanceError as exc:
        raise fail(exc) from None
    if json_out:
        typer.echo(json.dumps([r.to_dict() for r in rows], indent=2))
        return
    table = Table(title=f"Versions of {dataset}")
    for col in ("version", "active", "published", "entities", "loaded at", "origin"):
        table.add_column(col)
    for r in rows:
        table.add_row(str(r.version), "*" if r.active else "", r.published or "-",
                      f"{r.entity_count:,}", r.loaded_at, r.origin)
    console.print(table)


@app.command()
def activate(dataset: str, version: int) -> None:
    """Make a stored version active again (roll back or forward in one switch)."""
    try:
        info = activate_version(dataset, version)
    except ClearanceError as exc:
        raise fail(exc) from None
    console.print(f"{dataset}: version {info.version} is active")
    _rebuild_index()


@app.command()
def diff(
    dataset: str,
    from_: Annotated[int | None, typer.Option("--from", help="Older version.", min=1)] = None,
    to: Annotated[int | None, typer.Option(help="Newer version (default: active).", min=1)]
    = None,
    show_all: Annotated[bool, typer.Option(
        "--all", help="Every added, removed and changed entity, in tables.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="JSON output (everything).")] = False,
) -> None:
    """What changed between two versions: a summary, or every entity with --all."""
    try:
        d = diff_versions(dataset, from_, to)
    except ClearanceError as exc:
        raise fail(exc) from None
    if json_out:
        typer.echo(json.dumps(d.to_dict(), indent=2, ensure_ascii=False))
        return
    console.print(f"{dataset}: version {d.from_version} -> {d.to_version}: "
                  f"{len(d.added)} added, {len(d.removed)} removed, {len(d.changed)} changed",
                  highlight=False)
    if d.changed:
        counts = list(d.field_counts().items())
        shown = ", ".join(f"{k} ({v})" for k, v in counts[:6])
        console.print("changed fields: " + shown + (", ..." if len(counts) > 6 else ""),
                      highlight=False)
    if not show_all:
        for label, items in (("added", d.added), ("removed", d.removed)):
            if items:
                sample = ", ".join(f"{c.source_id} {c.caption}" for c in items[:3])
                console.print(f"{label}: {sample}" + (", ..." if len(items) > 3 else ""),
                              highlight=False)
        if d.added or d.removed or d.changed:
            console.print("(--all lists every entity, --json gives everything as JSON)",
                          highlight=False)
        return
    for label, items in (("added", d.added), ("removed", d.removed), ("changed", d.changed)):
        if not items:
            continue
        table = Table(title=f"{label} ({len(items)})")
        table.add_column("source id")
        table.add_column("name")
        if label == "changed":
            table.add_column("fields")
        for c in items:
            table.add_row(c.source_id, c.caption, *([", ".join(c.fields)] if c.fields else []))
        console.print(table)
