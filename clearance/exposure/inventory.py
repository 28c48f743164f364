"""Device inventories: CSV/XLSX/JSONL rows or nmap XML, normalised, checked, stored.

Real inventories are messy: MACs as 44-19-B6-.., 4419.b6.., upper or lower case; brands as
"HIK VISION"; empty cells. Each row becomes a `Device` or an `InputError` naming its line
and field; bad rows are reported and kept out, the rest is imported in one transaction.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select

from clearance.exc import InputError
from clearance.screening.columns import map_columns
from clearance.screening.io import Table, open_table
from clearance.store import audit
from clearance.store.db import devices, engine, utc_now

__all__ = [
    "Device",
    "ImportReport",
    "devices_signature",
    "device_from_row",
    "import_devices",
    "iter_devices",
    "normalise_mac",
    "read_inventory",
]

_HEX = re.compile(r"[^0-9A-Fa-f]")
_MAC = re.compile(r"[0-9A-Fa-f]{2}([-:. ]?[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{4}([.:-]?[0-9A-Fa-f]{4}){2}")


@dataclass
class Device:
    """One installed device, as the inventory or the scan describes it."""

    asset_id: str
    site: str = ""
    city: str = ""
    country: str = ""
    device_type: str = ""
    brand: str = ""
    model: str = ""
    mac: str | None = None  # 12 upper-case hex digits
    ip: str = ""
    serial: str = ""
    firmware: str = ""
    install_date: str | None = None
    use: str = ""
    services: list[dict[str, Any]] = field(default_factory=list)  # from nmap
    mac_vendor: str = ""  # the scanner's own vendor name for the MAC
    attributes: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Device:
        return cls(**data)


@dataclass
class ImportReport:
    imported: int = 0
    skipped: list[str] = field(default_factory=list)


def normalise_mac(text: str) -> str:
    """'44-19-B6-01-02-03', '4419.b601.0203', '44:19:b6:01:02:03' -> '4419B6010203'."""
    if _MAC.fullmatch(text.strip()) is None:
        raise ValueError(f"{text!r} is not a MAC address")
    return _HEX.sub("", text).upper()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _install_date(raw: str) -> str:
    text = raw[:10]
    for fmt, size in (("%Y-%m-%d", 10), ("%Y/%m/%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            datetime.strptime(text[:size], fmt)
        except ValueError:
            continue
        if len(text) in (size, 10):
            return text[:size].replace("/", "-")
    raise ValueError(f"{raw!r} is not a date (YYYY[-MM[-DD]])")


def device_from_row(data: dict[str, Any], path: str, line: int) -> Device:
    """A device from one inventory row; `InputError` names the line and field at fault."""
    cols = map_columns(data.keys(), table="devices")
    values = {key: _text(data[column]) for key, column in cols.single.items()
              if _text(data[column]) != ""}
    if "asset_id" not in values:
        raise InputError("missing asset_id (field 'asset_id')", path=path, line=line)
    parsed: dict[str, str | None] = {"mac": None, "install_date": None}
    for key, parse in (("mac", normalise_mac), ("install_date", _install_date)):
        if key in values:
            try:
                parsed[key] = parse(values.pop(key))
            except ValueError as exc:
                raise InputError(f"{exc} (field '{key}')", path=path, line=line) from None
    attributes = {k: _text(v) for k, v in cols.extra(data).items() if _text(v) != ""}
    device = Device(asset_id=values.pop("asset_id"), mac=parsed["mac"],
                    install_date=parsed["install_date"], attributes=attributes)
    for key, value in values.items():
        setattr(device, key, value)
    return device


def read_inventory(path: Path, encoding: str | None = None) -> Iterator[Device | InputError]:
    """Devices of a CSV/XLSX/JSONL/Parquet inventory or an nmap XML scan, or their errors.

    An unreadable file raises `InputError` before the first device."""
    if path.suffix.lower() == ".xml":
        if not path.exists():
            raise InputError("no such file", path=str(path))
        from clearance.exposure.nmap import read_nmap

        return read_nmap(path)
    return _rows(open_table(path, encoding), str(path))


def _rows(table: Table, path: str) -> Iterator[Device | InputError]:
    first: dict[str, int] = {}  # asset id -> the line that gave it
    for row in table:
        if row.error is not None:
            yield InputError(row.error, path=path, line=row.line)
            continue
        try:
            device = device_from_row(row.data, path, row.line)
        except InputError as exc:
            yield exc
            continue
        seen = first.setdefault(device.asset_id, row.line)
        if seen != row.line:  # a later row would silently replace the first one
            yield InputError(f"asset_id {device.asset_id!r} was given on line {seen} already; "
                             "this row is skipped (field 'asset_id')", path=path, line=row.line)
            continue
        yield device


def import_devices(path: Path, actor: str | None = None, replace: bool = False,
                   encoding: str | None = None) -> ImportReport:
    """Store an inventory's devices (upsert by asset_id; `replace` empties the table first)."""
    report = ImportReport()
    rows: dict[str, dict[str, Any]] = {}
    now = utc_now()
    for item in read_inventory(path, encoding):
        if isinstance(item, InputError):
            report.skipped.append(str(item))
            continue
        rows[item.asset_id] = {"asset_id": item.asset_id, "origin": str(path), "imported_at": now,
                               "data": json.dumps(item.to_dict(), ensure_ascii=False)}
    with engine().begin() as conn:
        if replace:
            conn.execute(delete(devices))
        ids = list(rows)
        for start in range(0, len(ids), 500):
            conn.execute(delete(devices).where(devices.c.asset_id.in_(ids[start:start + 500])))
        values = list(rows.values())
        for start in range(0, len(values), 5000):
            conn.execute(insert(devices), values[start:start + 5000])
        audit.append(conn, actor or audit.default_actor(), "devices.import",
                     {"origin": str(path), "devices": len(rows), "skipped": len(report.skipped)})
    report.imported = len(rows)
    return report


def iter_devices() -> Iterator[Device]:
    """Stored devices, by asset id."""
    with engine().connect() as conn:
        result = conn.execution_options(stream_results=True).execute(
            select(devices.c.data).order_by(devices.c.asset_id))
        for (data,) in result:
            yield Device.from_dict(json.loads(data))


def devices_signature() -> str:
    """Changes whenever an import changes the stored devices (count and import times), so
    derived views (the UI's exposure) know when to recompute."""
    with engine().connect() as conn:
        row = conn.execute(select(func.count(), func.min(devices.c.imported_at),
                                  func.max(devices.c.imported_at))).one()
    return f"{row[0]}:{row[1]}:{row[2]}"
