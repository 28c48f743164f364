"""trade.gov Consolidated Screening List (CSL): 13 U.S. lists in one CSV (or JSON) file.

Quirks handled here: `_id` repeats when one party is on several lists (rows are merged into
one entity with one Sanction per list); `alt_names` is "; "-joined with a final "; and ";
Entity List names embed their parent ("Huawei Technologies Co., Ltd. (Huawei).  Affiliated
Entity:  X"); `ids` packs "country, value, type" triples.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from clearance.exc import FormatError
from clearance.model import ListEntity, add_value, make_entity, make_sanction
from clearance.sources.common import Parsed, malformed_isins, read_text, sha256_file, split_list
from clearance.sources.ids import CSL
from clearance.sources.remarks import birth_dates as ofac_birth_dates
from clearance.sources.remarks import id_property, parse_ofac_date, sanction_date_property

__all__ = ["COLUMNS", "DATASET", "URLS", "load", "parse", "split_alt_names", "to_entities"]

DATASET = CSL
URLS = {
    "primary": "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"
}
COLUMNS = [
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order",
    "license_requirement", "license_policy", "call_sign", "vessel_type", "gross_tonnage",
    "gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url",
    "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth",
    "source_information_url", "ids",
]
_SCHEMA = {"individual": "Person", "entity": "Organization", "vessel": "Vessel",
           "aircraft": "Airplane"}
_AFFILIATED = re.compile(r"^(?P<parent>.+?)\s*Affiliated Entity:\s*(?P<name>.+)$", re.DOTALL)
_PREFIX = re.compile(r"^(?:and\s+)?(?:(?P<kind>[afn])\.k\.a\.?,?\s+)?", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

Record = dict[str, Any]


def split_alt_names(value: str) -> list[tuple[str, str]]:
    """'A; B; and f.k.a., C.' -> [('alias', 'A'), ('alias', 'B'), ('previousName', 'C')]."""
    out = []
    for part in re.split(r";\s+(?:and\s+)?", value.strip()):
        part = part.strip().rstrip(".").strip()
        m = _PREFIX.match(part)
        kind = "alias"
        if m is not None:
            if m.group("kind") is not None and m.group("kind").lower() == "f":
                kind = "previousName"
            part = part[m.end():].strip()
        if part != "":
            out.append((kind, part))
    return out


def parse(path: Path) -> list[tuple[int, Record]]:
    """Read CSV (plain or gzipped) or JSON; each record with its line (or index) number."""
    text = read_text(path)
    if path.name.endswith(".json"):
        return _parse_json(text, str(path))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or reader.fieldnames[:3] != COLUMNS[:3]:
        raise FormatError(str(path), f"header {reader.fieldnames[:5] if reader.fieldnames else None}"
                          f" is not the CSL header ({', '.join(COLUMNS[:4])}, ...)", line=1)
    missing = [c for c in ("_id", "source", "name", "alt_names") if c not in reader.fieldnames]
    if missing:
        raise FormatError(str(path), f"missing columns {missing}", line=1)
    rows = []
    line = 2
    try:
        for record in reader:
            if None in record or any(v is None for v in record.values()):
                raise FormatError(str(path), f"expected {len(reader.fieldnames)} columns, found "
                                  f"{len([v for v in record.values() if v is not None])}"
                                  " (truncated file?)", line=line)
            rows.append((line, record))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise FormatError(str(path), f"malformed CSV ({exc})", line=line) from None
    return rows


def _parse_json(text: str, path: str) -> list[tuple[int, Record]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(path, f"malformed JSON: {exc.msg}", line=exc.lineno) from None
    results = data.get("results") if isinstance(data, dict) else data
    if not isinstance(results, list):
        raise FormatError(path, "JSON has no 'results' list")
    out = []
    for i, item in enumerate(results):
        if not isinstance(item, dict) or "name" not in item:
            raise FormatError(path, f"result {i} has no name", field="name")
        rec = {k: _flatten(item.get(k)) for k in COLUMNS}
        rec["_id"] = str(item.get("id") or item.get("_id") or "")
        out.append((i + 1, rec))
    return out


def _flatten(value: Any) -> str:
    """JSON lists/objects -> the '; '-joined text the CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_flatten(v) for v in value)
    if isinstance(value, dict):
        if "type" in value and "number" in value:
            return ", ".join(str(value.get(k) or "") for k in ("country", "number", "type"))
        return ", ".join(str(v) for v in value.values() if v not in (None, ""))
    return str(value)


#: a birth date written as OFAC's remarks write one that is no single date
_DATE_WORDS = re.compile(r"^(?:circa|approximately|between)\s|\s(?:to|and)\s", re.IGNORECASE)


def _birth_dates(value: str) -> list[str]:
    """A record's birth dates: "circa 1967" as its year, "1958 to 1960" as each year of it
    (as `remarks` reads the SDN's; the CSL file writes 75 "circa" dates and 57 ranges), so
    that a row born in 1959 agrees with the listed range instead of conflicting with its
    first year, which is all a date cleaner keeps of "1958 to 1960"; other values as
    written."""
    out: list[str] = []
    for item in split_list(value):
        read = ofac_birth_dates(item) if _DATE_WORDS.search(item) else []
        out += read or [item]
    return out


def _ids(entity: ListEntity, value: str) -> dict[str, list[str]]:
    """Identifiers onto the entity; returns the dated list facts for its Sanction."""
    dates: dict[str, list[str]] = {}
    for item in split_list(value):
        parts = [p.strip() for p in item.split(",")]
        if len(parts) < 2:
            continue
        label = parts[-1]
        if label.lower() == "gender":
            add_value(entity, "gender", parts[0].lower())
            continue
        if label.lower() == "issuer name":  # the name its securities trade under
            add_value(entity, "alias", ", ".join(parts[:-1]))
            continue
        date_prop = sanction_date_property(label)
        if date_prop is not None:
            day = parse_ofac_date(parts[0])
            if day is not None:
                dates.setdefault(date_prop, []).append(day)
            continue
        prop = id_property(label)
        values = [p for p in parts[:-1] if p != "" and _DATE.match(p) is None]
        if prop is None or not values:
            continue
        number = values[-1]
        add_value(entity, prop, number)
    return dates


def to_entities(rows: list[tuple[int, Record]], path: str) -> list[ListEntity]:
    """Merge rows by `_id` (one party, several lists); one Sanction per list row."""
    entities: dict[str, ListEntity] = {}
    first_line: dict[tuple[str, str], tuple[int, str]] = {}
    for line, rec in rows:
        source_id = rec["_id"].strip()
        if source_id == "":
            raise FormatError(path, "empty _id", line=line, field="_id")
        name = rec["name"].strip()
        if name == "":
            raise FormatError(path, "empty name", line=line, field="name")
        key = (source_id, rec["source"])
        if key in first_line:
            prev_line, prev_name = first_line[key]
            if prev_name != name:
                raise FormatError(path, f"duplicated id: _id {source_id} on list {rec['source']!r}"
                                  f" already on line {prev_line} with another name",
                                  line=line, field="_id")
            continue  # an identical repeat of the same listing
        first_line[key] = (line, name)
        parent = None
        m = _AFFILIATED.match(name)
        if m is not None:
            parent, name = m.group("parent").strip().rstrip("."), m.group("name").strip()
        entity = entities.get(source_id)
        if entity is None:
            schema = _SCHEMA.get(rec["type"].strip().lower(), "LegalEntity")
            if schema == "Organization" and ("ISIN" in rec["ids"] or "Equity Ticker" in rec["ids"]):
                schema = "Company"
            entity = make_entity(schema, DATASET, source_id)
            entities[source_id] = entity
            add_value(entity, "name", name)
        elif name not in entity.proxy.get("name"):
            add_value(entity, "alias", name)
        if parent is not None:
            add_value(entity, "notes", f"Affiliated entity of: {parent}")
        for kind, alt in split_alt_names(rec["alt_names"]):
            add_value(entity, kind, alt)
        programs = split_list(rec["programs"])
        add_value(entity, "program", programs)
        if entity.proxy.schema.is_a("Person"):
            add_value(entity, "position", rec["title"] or None)
        for address in split_list(rec["addresses"]):
            add_value(entity, "address", address)
            add_value(entity, "country", address.rsplit(",", 1)[-1].strip())
        add_value(entity, "callSign", rec["call_sign"] or None)
        add_value(entity, "type", rec["vessel_type"] or None)
        add_value(entity, "tonnage", rec["gross_tonnage"] or None)
        add_value(entity, "grossRegisteredTonnage", rec["gross_registered_tonnage"] or None)
        add_value(entity, "flag", rec["vessel_flag"] or None)
        add_value(entity, "notes", rec["remarks"] or None)
        add_value(entity, "citizenship", split_list(rec["citizenships"]))
        add_value(entity, "nationality", split_list(rec["nationalities"]))
        add_value(entity, "birthDate", _birth_dates(rec["dates_of_birth"]))
        add_value(entity, "birthPlace", split_list(rec["places_of_birth"]))
        add_value(entity, "sourceUrl", rec["source_information_url"] or None)
        dates = _ids(entity, rec["ids"])
        make_sanction(
            entity, rec["source"], rec["source"], programs,
            start=rec["start_date"] or None, end=rec["end_date"] or None,
            listingDate=dates.get("listingDate"), startDate=dates.get("startDate"),
            date=dates.get("date"),
            provisions=[v for v in (rec["license_requirement"], rec["license_policy"]) if v],
            reason=split_list(rec["federal_register_notice"]),
            sourceUrl=rec["source_list_url"] or None,
        )
    return list(entities.values())


def load(path: Path) -> Parsed:
    """Parse one CSL file into entities."""
    entities = to_entities(parse(path), str(path))
    return Parsed(dataset=DATASET, entities=entities, published=None,
                  files={path.name: sha256_file(path)},
                  warnings=malformed_isins(entities, path.name))
