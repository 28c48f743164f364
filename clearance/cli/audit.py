"""`clearance audit ...`: verify the hash chain, sign and check checkpoints, export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from clearance import settings
from clearance.cli.output import console, err, fail
from clearance.exc import ClearanceError
from clearance.store import audit, signing

__all__ = ["audit_app"]

audit_app = typer.Typer(help="The hash-chained audit log: verify, sign checkpoints, export.",
                        no_args_is_help=True)

#: `audit verify` exit codes: broken (or nothing could be checked), and not confirmed.
BROKEN, UNCONFIRMED = 1, 3


@audit_app.command("verify")
def audit_verify(
    against: Annotated[list[Path] | None, typer.Option(
        "--against", metavar="CHECKPOINT",
        help="A signed checkpoint file (from `audit checkpoint -o`) the log must extend.")
    ] = None,
    public_key: Annotated[Path | None, typer.Option(
        help="Public key that checks signatures (default: beside CLEARANCE_SIGNING_KEY).")
    ] = None,
    log: Annotated[Path | None, typer.Option(
        "--log", help="Check an `audit export` file instead of the store (offline).")] = None,
) -> None:
    """Check the chain and its anchors; exit 1 naming the first broken record, 3 if unconfirmed."""
    try:
        public = None if public_key is None else signing.load_public_key(public_key)
        given = [(f"checkpoint {p}", signing.read_checkpoint(p)) for p in against or []]
        result = audit.verify(given, public, log)
    except ClearanceError as exc:
        raise fail(exc, BROKEN) from None
    for note in result.notes:
        err.print(f"[yellow]note:[/] {note}", highlight=False)
    if result.state == "broken":
        where = "" if result.broken_seq is None else f" at record {result.broken_seq}"
        err.print(f"[red]audit log broken{where}:[/] {result.problem}", highlight=False)
        raise typer.Exit(BROKEN)
    if result.state == "unconfirmed":
        err.print(f"[red]audit log not confirmed ({result.records} records chain correctly):[/] "
                  f"{result.problem}", highlight=False)
        raise typer.Exit(UNCONFIRMED)
    cp = result.checkpoint
    anchor = ("no signed checkpoint covers it (clearance audit keygen, clearance audit "
              "checkpoint)" if cp is None else
              f"matches the checkpoint of record {cp.seq} signed {cp.at} by key {cp.key_id}")
    if cp is not None and cp.seq < result.records:
        anchor += f"; records {cp.seq + 1}..{result.records} are newer (chained, not yet signed)"
    console.print(f"audit log intact: {result.records} records; {anchor}", highlight=False)


@audit_app.command("checkpoint")
def audit_checkpoint(
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Also write the checkpoint to this file (keep it elsewhere).")
    ] = None,
) -> None:
    """Sign the log's newest record now (after checking it extends the last checkpoint)."""
    try:
        cp = audit.checkpoint()
    except ClearanceError as exc:
        raise fail(exc) from None
    if output is not None:
        signing.write_checkpoint(cp, output)
    console.print(f"checkpoint: record {cp.seq} ({cp.hash[:16]}...) signed {cp.at} by key "
                  f"{cp.key_id}" + ("" if output is None else f"; written to {output}"),
                  highlight=False)


@audit_app.command("keygen")
def audit_keygen() -> None:
    """Create the Ed25519 key pair that signs checkpoints, at CLEARANCE_SIGNING_KEY."""
    path = settings.signing_key()
    try:
        pub, key_id = signing.generate_key(path)
    except ClearanceError as exc:
        raise fail(exc) from None
    console.print(f"signing key {path} (keep it private, outside the store)\n"
                  f"public key {pub}, id {key_id} (give a copy to whoever checks checkpoints)",
                  highlight=False)


@audit_app.command("export")
def audit_export(
    output: Annotated[Path, typer.Option("-o", "--output", help="JSONL file for the examiner.")],
) -> None:
    """Write every record (with its hashes) as JSON lines, then the verification result."""
    count = 0
    with open(output, "w", encoding="utf-8") as fh:
        for rec in audit.iter_records():
            fh.write(json.dumps(rec.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    try:
        result = audit.verify()
    except ClearanceError as exc:
        raise fail(exc) from None
    state = result.state if result.broken_seq is None else f"broken at {result.broken_seq}"
    console.print(f"exported {count} records to {output}; chain {state}")
