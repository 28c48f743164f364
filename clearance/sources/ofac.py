"""OFAC legacy CSV publications: SDN (sdn/add/alt/sdn_comments) and non-SDN (cons_*).

Both lists share one layout (OFAC's `dat_spec.txt`): no header, `-0- ` as null, CRLF, a
trailing 0x1A byte, remarks cut at 1,000 characters and continued in the comments file.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from clearance.exc import FormatError
from clearance.model import ListEntity, add_value, make_entity, make_sanction
from clearance.sources.common import (
    Parsed,
    Row,
    csv_rows,
    malformed_isins,
    read_text,
    sha256_file,
)
from clearance.sources.ids import OFAC_CONS, OFAC_SDN
from clearance.sources.remarks import parse_remarks

__all__ = ["CONS", "FILE_NAMES", "SDN", "URLS", "OfacFiles", "load", "parse", "to_entities"]

SDN = OFAC_SDN
CONS = OFAC_CONS
_BASE = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
URLS: dict[str, dict[str, str]] = {
    SDN: {r: _BASE + f.upper() for r, f in
          [("primary", "sdn.csv"), ("address", "add.csv"), ("alias", "alt.csv"),
           ("comments", "sdn_comments.csv")]},
    CONS: {r: _BASE + f.upper() for r, f in
           [("primary", "cons_prim.csv"), ("address", "cons_add.csv"),
            ("alias", "cons_alt.csv"), ("comments", "cons_comments.csv")]},
}
FILE_NAMES = {
    SDN: {"primary": "sdn.csv", "address": "add.csv", "alias": "alt.csv",
          "comments": "sdn_comments.csv"},
    CONS: {"primary": "cons_prim.csv", "address": "cons_add.csv", "alias": "cons_alt.csv",
           "comments": "cons_comments.csv"},
}
COLUMNS = {"primary": 12, "address": 6, "alias": 5, "comments": 2}
_SCHEMA = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
_COMPANY_ONLY = {"isinCode", "ticker"}
AUTHORITY = "Office of Foreign Assets Control (OFAC), U.S. Department of the Treasury"

OfacFiles = dict[str, Path]


def _clean(value: str) -> str | None:
    value = value.strip()
    return None if value in ("-0-", "") else value


def _read(path: Path, role: str) -> list[Row]:
    text = read_text(path, fallback="cp1252")
    rows = []
    for row in csv_rows(text, str(path), columns=COLUMNS[role]):
        if not row.values[0].strip().isdigit():
            raise FormatError(row.path, f"ent_num {row.values[0]!r} is not a number",
                              line=row.line, field="ent_num")
        rows.append(row)
    return rows


def parse(files: OfacFiles) -> dict[str, list[Row]]:
    """Read every file of one publication; refuses duplicated ids and orphan companions."""
    if "primary" not in files:
        raise FormatError(str(next(iter(files.values()))), "companion file without its primary list")
    out = {role: _read(path, role) for role, path in files.items()}
    seen: dict[str, int] = {}
    for row in out["primary"]:
        ent = row.values[0].strip()
        if ent in seen:
            raise FormatError(row.path, f"duplicated id: ent_num {ent} already on line {seen[ent]}",
                              line=row.line, field="ent_num")
        seen[ent] = row.line
    for role in ("address", "alias", "comments"):
        for row in out.get(role, []):
            if row.values[0].strip() not in seen:
                raise FormatError(row.path, f"ent_num {row.values[0].strip()} is not in "
                                  f"{files['primary'].name}: files from different publications?",
                                  line=row.line, field="ent_num")
    return out


def to_entities(dataset: str, rows: dict[str, list[Row]]) -> list[ListEntity]:
    """Rows -> FtM entities: primary record, its addresses, aliases and remark facts."""
    addresses: dict[str, list[list[str]]] = defaultdict(list)
    aliases: dict[str, list[list[str]]] = defaultdict(list)
    comments: dict[str, str] = defaultdict(str)
    for row in rows.get("address", []):
        addresses[row.values[0].strip()].append(row.values)
    for row in rows.get("alias", []):
        aliases[row.values[0].strip()].append(row.values)
    for row in rows.get("comments", []):
        comments[row.values[0].strip()] += row.values[1]
    entities = []
    for row in rows["primary"]:
        v = [_clean(x) for x in row.values]
        ent_num = row.values[0].strip()
        name = v[1]
        if name is None:
            raise FormatError(row.path, "empty name", line=row.line, field="SDN_Name")
        remark_text = v[11]
        if ent_num in comments:
            remark_text = (remark_text or "") + comments[ent_num]
        remarks = parse_remarks(remark_text)
        sdn_type = (v[2] or "-0-").lower()
        schema = _SCHEMA.get(sdn_type, "Organization")
        if schema == "Organization" and any(f.prop in _COMPANY_ONLY for f in remarks.facts):
            schema = "Company"
        entity = make_entity(schema, dataset, ent_num)
        add_value(entity, "name", name)
        programs = [p.strip() for p in (v[3] or "").split("] [") if p.strip()]
        add_value(entity, "program", programs)
        if schema == "Person":
            add_value(entity, "position", v[4])
        elif v[4] is not None:
            add_value(entity, "notes", f"Title: {v[4]}")
        add_value(entity, "callSign", v[5])
        add_value(entity, "type", v[6])
        add_value(entity, "tonnage", v[7])
        add_value(entity, "grossRegisteredTonnage", v[8])
        add_value(entity, "flag", v[9])
        if v[10] is not None:
            add_value(entity, "notes", f"Owner: {v[10]}")
        for fact in remarks.facts:
            add_value(entity, fact.prop, fact.value)
        add_value(entity, "alias", remarks.aliases)
        add_value(entity, "previousName", remarks.previous_names)
        add_value(entity, "notes", remarks.raw or None)
        for alt in aliases.get(ent_num, []):
            alt_name = _clean(alt[3])
            kind = (_clean(alt[2]) or "aka").lower()
            add_value(entity, "previousName" if kind == "fka" else "alias", alt_name)
        for add in addresses.get(ent_num, []):
            parts = [p for p in (_clean(x) for x in add[2:5]) if p is not None]
            if parts:
                add_value(entity, "address", ", ".join(parts))
            add_value(entity, "country", _clean(add[4]))
        make_sanction(
            entity, dataset, AUTHORITY, programs,
            listingDate=[f.value for f in remarks.sanction_facts if f.prop == "listingDate"],
            startDate=[f.value for f in remarks.sanction_facts if f.prop == "startDate"],
            date=[f.value for f in remarks.sanction_facts if f.prop == "date"],
            sourceUrl=URLS[dataset]["primary"], recordId=ent_num,
        )
        entities.append(entity)
    return entities


def load(dataset: str, files: OfacFiles) -> Parsed:
    """Parse one OFAC CSV publication into entities."""
    entities = to_entities(dataset, parse(files))
    checksums = {p.name: sha256_file(p) for p in files.values()}
    missing = [FILE_NAMES[dataset][r] for r in ("address", "alias") if r not in files]
    note = (f"publication has no {' or '.join(missing)}: its entities carry no "
            "addresses or aliases from those files")
    warnings = ([note] if missing else []) + malformed_isins(entities, files["primary"].name)
    return Parsed(dataset=dataset, entities=entities, published=None, files=checksums,
                  warnings=warnings)

