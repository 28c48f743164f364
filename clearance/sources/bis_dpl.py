"""BIS Denied Persons List (`dpl.txt`): tab-separated, every field double-quoted, header row.

The file gives no record id, so each row's id is a hash of its content; rows repeated
byte for byte (two in the 2023 file) are one record.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from clearance.exc import FormatError
from clearance.model import ListEntity, add_value, make_entity, make_sanction, short_hash
from clearance.sources.common import Parsed, Row, csv_rows, read_text, sha256_file
from clearance.sources.ids import BIS_DPL

__all__ = ["DATASET", "HEADER", "URLS", "load", "parse", "to_entities", "us_date"]

DATASET = BIS_DPL
URLS = {"primary": "https://www.bis.doc.gov/dpl/dpl.txt"}
HEADER = ["Name", "Street_Address", "City", "State", "Country", "Postal_Code",
          "Effective_Date", "Expiration_Date", "Standard_Order", "Last_Update", "Action",
          "FR_Citation"]
AUTHORITY = "Bureau of Industry and Security (BIS), U.S. Department of Commerce"


def us_date(value: str, path: str, line: int, field: str) -> str | None:
    """MM/DD/YYYY -> ISO; empty -> None; anything else names the line and field."""
    value = value.strip()
    if value == "":
        return None
    try:
        return datetime.strptime(value, "%m/%d/%Y").date().isoformat()
    except ValueError:
        raise FormatError(path, f"date {value!r} is not MM/DD/YYYY", line=line,
                          field=field) from None


def parse(path: Path) -> list[Row]:
    """Rows after checking the header; column counts checked per row."""
    text = read_text(path, fallback="cp1252")
    rows = csv_rows(text, str(path), columns=len(HEADER), delimiter="\t")
    header = next(rows, None)
    if header is None or [h.strip() for h in header.values] != HEADER:
        raise FormatError(str(path), f"header is not the DPL header ({', '.join(HEADER[:4])}, ...)",
                          line=1)
    return list(rows)


def to_entities(rows: list[Row]) -> tuple[list[ListEntity], list[str]]:
    """One LegalEntity per distinct row (the list mixes people and companies)."""
    entities: dict[str, ListEntity] = {}
    warnings = []
    for row in rows:
        v = [x.strip() for x in row.values]
        if v[0] == "":
            raise FormatError(row.path, "empty name", line=row.line, field="Name")
        source_id = short_hash(*v)
        if source_id in entities:
            warnings.append(f"{row.path}, line {row.line}: exact repeat of an earlier row, kept once")
            continue
        entity = make_entity("LegalEntity", DATASET, source_id)
        add_value(entity, "name", v[0])
        address = ", ".join(p for p in (v[1], v[2], v[3], v[5], v[4]) if p != "")
        add_value(entity, "address", address or None)
        add_value(entity, "country", v[4] or None)
        start = us_date(v[6], row.path, row.line, "Effective_Date")
        end = us_date(v[7], row.path, row.line, "Expiration_Date")
        make_sanction(entity, "dpl", AUTHORITY, ["Denied Persons List"], start=start, end=end,
                      reason=v[11] or None, status=v[10] or None,
                      modifiedAt=v[9] if v[9][:1] in "12" else None,
                      sourceUrl=URLS["primary"])
        entities[source_id] = entity
    return list(entities.values()), warnings


def load(path: Path) -> Parsed:
    """Parse dpl.txt into entities; the newest Last_Update (before today) is the publish date."""
    rows = parse(path)
    entities, warnings = to_entities(rows)
    today = datetime.now().date().isoformat()
    updates = [r.values[9].strip() for r in rows if r.values[9].strip()[:4].isdigit()]
    latest = max((u for u in updates if u <= today), default=None)
    published = datetime.fromisoformat(latest).date() if latest is not None else None
    return Parsed(dataset=DATASET, entities=entities, published=published,
                  files={path.name: sha256_file(path)}, warnings=warnings)
