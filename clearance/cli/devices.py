"""`clearance devices ...`: import an inventory, classify devices, report exposure and cost."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from clearance.cli.output import console, err, fail
from clearance.exc import ClearanceError, InputError

__all__ = ["devices_app"]

devices_app = typer.Typer(help="Equipment exposure: import, classify, report, demo data.",
                          no_args_is_help=True)
USE_HELP = ("How the devices are used: government, public_safety, critical_infrastructure, "
            "commercial (a device's own `use` column wins). Decides scope-limited rules.")



@devices_app.command("import")
def devices_import(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="CSV, XLSX, JSONL or nmap XML.")],
    replace: Annotated[bool, typer.Option(help="Replace the stored fleet.")] = False,
    encoding: Annotated[str | None, typer.Option(
        help="Text encoding of a CSV/JSONL file without a byte-order mark that is not UTF-8 "
             "(e.g. cp1252).")] = None,
) -> None:
    """Store devices (by asset_id); bad rows are reported by line and kept out."""
    from clearance.exposure.inventory import import_devices

    try:
        report = import_devices(path, replace=replace, encoding=encoding)
    except ClearanceError as exc:
        raise fail(exc) from None
    for problem in report.skipped:
        err.print(f"[yellow]skipped:[/] {problem}", highlight=False)
    console.print(f"devices {path}: {report.imported} imported, {len(report.skipped)} skipped")


@devices_app.command("classify")
def devices_classify(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="CSV, XLSX, JSONL or nmap XML.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="JSONL (default stdout).")]
    = None,
    use: Annotated[str, typer.Option(help=USE_HELP)] = "",
) -> None:
    """One JSON line per device: vendor_group, manufacturer, status, rules, confidence, evidence."""
    from clearance.exposure.assess import classifier
    from clearance.exposure.inventory import read_inventory

    counts: Counter[str] = Counter()
    bad = 0
    try:
        c = classifier(use)
        out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
        try:
            for item in read_inventory(path):
                if isinstance(item, InputError):
                    bad += 1
                    err.print(f"[yellow]skipped:[/] {item}", highlight=False)
                    continue
                line = c.classify_json(item)
                counts[c.classify(item).status] += 1
                out.write(line + "\n")
        finally:
            if output:
                out.close()
    except ClearanceError as exc:
        raise fail(exc) from None
    err.print(f"classified {sum(counts.values())} devices: " + ", ".join(
        f"{counts[s]} {s}" for s in ("covered", "possibly_covered", "not_covered", "unknown"))
        + f"; {bad} skipped", highlight=False)


@devices_app.command("report")
def devices_report(
    output: Annotated[Path, typer.Option("-o", "--output", help=".html, .pdf or .json")]
    = Path("exposure.html"),
    csv_path: Annotated[Path | None, typer.Option("--csv", help="Per-device CSV export.")] = None,
    costs: Annotated[Path | None, typer.Option(help="YAML/JSON overriding unit costs.")] = None,
    use: Annotated[str, typer.Option(help=USE_HELP)] = "",
) -> None:
    """Exposure of the stored devices: charts, riskiest sites, costs with their sources."""
    from clearance.exposure.assess import assess_stored
    from clearance.exposure.report import write_csv, write_report

    try:
        exposure, table, results = assess_stored(use, costs)
    except ClearanceError as exc:
        raise fail(exc) from None
    write_report(exposure, table, output)
    if csv_path is not None:
        write_csv(results, table, csv_path)
    summary = Table(title=f"{exposure.devices:,} devices")
    for col in ("status", "devices"):
        summary.add_column(col)
    for status in ("covered", "possibly_covered", "not_covered", "unknown"):
        summary.add_row(status, f"{exposure.by_status.get(status, 0):,}")
    console.print(summary)
    console.print(f"replacement cost: ${exposure.cost_covered:,.0f} covered, "
                  f"${exposure.cost_possible:,.0f} possibly covered; report: {output}"
                  + (f"; CSV: {csv_path}" if csv_path else ""))


@devices_app.command("demo")
def devices_demo(
    output: Annotated[Path, typer.Option("-o", "--output", help="CSV file.")] = Path("devices.csv"),
    count: Annotated[int, typer.Option(help="Devices.")] = 5000,
    sites: Annotated[int, typer.Option(help="Sites.")] = 40,
    cities: Annotated[int, typer.Option(help="Cities (at most 8).")] = 8,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same file).")] = 2026,
) -> None:
    """Write a realistic demo inventory (Hikvision/Dahua, their OEMs, clean makers)."""
    from clearance.exposure.demo import write_csv

    write_csv(output, count, sites, cities, seed)
    console.print(f"demo inventory: {count:,} devices, {sites} sites, {cities} cities -> {output}")
