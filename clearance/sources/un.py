"""UN Security Council Consolidated List (XML), parsed with defusedxml.

Individuals carry up to four name parts, aliases with a quality ("Good" / "a.k.a." are
strong, "Low" is weak), birth dates as exact dates, years or ranges, documents and an
original-script name. The REFERENCE_NUMBER (e.g. "QDi.001") is the publisher's id.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from clearance.exc import FormatError
from clearance.model import ListEntity, add_value, make_entity, make_sanction
from clearance.sources.common import Parsed, parse_xml, sha256_file
from clearance.sources.ids import UN_SC

__all__ = ["DATASET", "URLS", "load", "parse", "to_entities"]

DATASET = UN_SC
URLS = {"primary": "https://scsanctions.un.org/resources/xml/en/consolidated.xml"}
AUTHORITY = "United Nations Security Council"


def _text(el: Element | None, tag: str) -> str | None:
    if el is None:
        return None
    child = el.find(tag)
    if child is None or child.text is None or child.text.strip() == "":
        return None
    return " ".join(child.text.split())


def _values(el: Element, tag: str) -> list[str]:
    return [" ".join(v.text.split()) for v in el.findall(f"{tag}/VALUE")
            if v.text is not None and v.text.strip() != ""]


def parse(path: Path) -> tuple[Element, list[Element]]:
    """The root and every INDIVIDUAL and ENTITY element (after the defusedxml checks)."""
    root = parse_xml(path.read_bytes(), str(path))
    if root.tag != "CONSOLIDATED_LIST":
        raise FormatError(str(path), f"root element is <{root.tag}>, expected <CONSOLIDATED_LIST>")
    records = root.findall("INDIVIDUALS/INDIVIDUAL") + root.findall("ENTITIES/ENTITY")
    return root, records


def _record(path: str, index: int, el: Element) -> ListEntity:
    ref = _text(el, "REFERENCE_NUMBER")
    where = f"<{el.tag}> #{index + 1}"
    if ref is None:
        raise FormatError(path, f"{where} has no REFERENCE_NUMBER", field="REFERENCE_NUMBER")
    person = el.tag == "INDIVIDUAL"
    entity = make_entity("Person" if person else "Organization", DATASET, ref)
    parts = [_text(el, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    name = " ".join(p for p in parts if p is not None)
    if name == "":
        raise FormatError(path, f"{where} ({ref}) has no name", field="FIRST_NAME")
    add_value(entity, "name", name)
    if person:
        add_value(entity, "firstName", parts[0])
        add_value(entity, "lastName", next((p for p in reversed(parts) if p), None))
    add_value(entity, "name", _text(el, "NAME_ORIGINAL_SCRIPT"))
    for alias in el.findall(f"{el.tag}_ALIAS"):
        alias_name = _text(alias, "ALIAS_NAME")
        quality = (_text(alias, "QUALITY") or "").lower()
        prop = {"low": "weakAlias", "f.k.a.": "previousName"}.get(quality, "alias")
        add_value(entity, prop, alias_name)
    add_value(entity, "title", _values(el, "TITLE"))
    add_value(entity, "position", _values(el, "DESIGNATION"))
    add_value(entity, "nationality", _values(el, "NATIONALITY"))
    add_value(entity, "gender", (_text(el, "GENDER") or "").lower() or None)
    add_value(entity, "notes", _text(el, "COMMENTS1"))
    for dob in el.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        add_value(entity, "birthDate", _text(dob, "DATE") or _text(dob, "YEAR"))
        lo, hi = _text(dob, "FROM_YEAR"), _text(dob, "TO_YEAR")
        if (lo is not None and hi is not None and lo.isdigit() and hi.isdigit()
                and 0 <= int(hi) - int(lo) <= 20):
            add_value(entity, "birthDate", [str(y) for y in range(int(lo), int(hi) + 1)])
    for pob in el.findall("INDIVIDUAL_PLACE_OF_BIRTH"):
        place = ", ".join(p for p in (_text(pob, t) for t in ("CITY", "STATE_PROVINCE", "COUNTRY"))
                          if p is not None)
        add_value(entity, "birthPlace", place or None)
    for addr in el.findall(f"{el.tag}_ADDRESS"):
        tags = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
        text = ", ".join(p for p in (_text(addr, t) for t in tags) if p is not None)
        add_value(entity, "address", text or None)
        add_value(entity, "country", _text(addr, "COUNTRY"))
    for doc in el.findall("INDIVIDUAL_DOCUMENT"):
        kind = (_text(doc, "TYPE_OF_DOCUMENT") or "").lower()
        number = _text(doc, "NUMBER")
        add_value(entity, "passportNumber" if "passport" in kind else "idNumber", number)
    program = _text(el, "UN_LIST_TYPE")
    add_value(entity, "program", program)
    make_sanction(entity, "un", AUTHORITY, [program] if program else [],
                  listingDate=_text(el, "LISTED_ON"), unscId=ref, sourceUrl=URLS["primary"])
    return entity


def to_entities(path: str, records: list[Element]) -> list[ListEntity]:
    """One entity per record; a repeated REFERENCE_NUMBER is refused."""
    out: dict[str, ListEntity] = {}
    for i, el in enumerate(records):
        entity = _record(path, i, el)
        if entity.source_id in out:
            raise FormatError(path, f"duplicated id: REFERENCE_NUMBER {entity.source_id} "
                              f"repeats in <{el.tag}> #{i + 1}", field="REFERENCE_NUMBER")
        out[entity.source_id] = entity
    return list(out.values())


def load(path: Path) -> Parsed:
    """Parse the UN XML; `dateGenerated` is the publish date."""
    root, records = parse(path)
    generated = root.get("dateGenerated")
    published = None
    if generated is not None:
        try:
            published = datetime.fromisoformat(generated[:10]).date()
        except ValueError:
            published = None
    return Parsed(dataset=DATASET, entities=to_entities(str(path), records),
                  published=published, files={path.name: sha256_file(path)})
