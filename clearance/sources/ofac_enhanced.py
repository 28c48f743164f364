"""OFAC Enhanced XML (CONS_ENHANCED.ZIP / SDN_ENHANCED.ZIP): the richest OFAC format.

Names come with quality flags (`isLowQuality` -> weakAlias), alias types (F.K.A. ->
previousName), scripts, and structured features (birth dates, nationality, ISIN, ...) and
identity documents. The entity `@id` is the same number as the CSV `ent_num`, so versions
loaded from either format share entity ids.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from clearance.exc import FormatError
from clearance.model import ListEntity, add_value, make_entity, make_sanction
from clearance.sources.common import (
    Parsed,
    malformed_isins,
    parse_xml,
    read_zip_member,
    sha256_file,
)
from clearance.sources.ofac import AUTHORITY, CONS, SDN
from clearance.sources.remarks import id_property, sanction_date_property

__all__ = ["MEMBERS", "URLS", "load", "parse", "to_entities"]

NS = "{https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML}"
_BASE = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
URLS = {CONS: {"primary": _BASE + "CONS_ENHANCED.ZIP"}, SDN: {"primary": _BASE + "SDN_ENHANCED.ZIP"}}
MEMBERS = ("CONS_ENHANCED.XML", "SDN_ENHANCED.XML")
_SCHEMA = {"individual": "Person", "entity": "Organization", "vessel": "Vessel",
           "aircraft": "Airplane"}
_FEATURES = {
    "birthdate": "birthDate", "place of birth": "birthPlace",
    "nationality country": "nationality", "citizenship country": "citizenship",
    "gender": "gender", "website": "website", "email address": "email",
    "nationality of registration": "country", "organization established date": "incorporationDate",
}


def _t(el: Element | None, path: str) -> str | None:
    if el is None:
        return None
    child = el.find("/".join(NS + p for p in path.split("/")))
    if child is None or child.text is None or child.text.strip() == "":
        return None
    return child.text.strip()


def _all(el: Element, path: str) -> list[Element]:
    return el.findall("/".join(NS + p for p in path.split("/")))


def parse(path: Path) -> tuple[Element, list[Element]]:
    """Unzip (only the expected member) and parse with defusedxml."""
    data = path.read_bytes() if path.suffix.lower() == ".xml" else read_zip_member(path, MEMBERS)
    root = parse_xml(data, str(path))
    if root.tag != NS + "sanctionsData":
        raise FormatError(str(path), f"root element is <{root.tag}>, expected OFAC <sanctionsData>")
    return root, _all(root, "entities/entity")


def _entity(dataset: str, path: str, el: Element) -> ListEntity:
    ent_id = el.get("id")
    if ent_id is None or not ent_id.isdigit():
        raise FormatError(path, f"<entity> without a numeric id ({ent_id!r})", field="entity/@id")
    kind = (_t(el, "generalInfo/entityType") or "entity").lower()
    features = [((_t(f, "type") or "").rstrip(":").lower(), f)
                for f in _all(el, "features/feature")]
    schema = _SCHEMA.get(kind, "Organization")
    if schema == "Organization" and any(k in ("isin", "equity ticker") for k, _ in features):
        schema = "Company"
    entity = make_entity(schema, dataset, ent_id)
    for name in _all(el, "names/name"):
        primary = _t(name, "isPrimary") == "true"
        low = _t(name, "isLowQuality") == "true"
        alias_type = (_t(name, "aliasType") or "").upper()
        prop = "name" if primary else "weakAlias" if low else (
            "previousName" if alias_type == "F.K.A." else "alias")
        for tr in _all(name, "translations/translation"):
            add_value(entity, prop, _t(tr, "formattedFullName"))
            if primary and schema == "Person" and _t(tr, "isPrimary") == "true":
                add_value(entity, "firstName", _t(tr, "formattedFirstName"))
                add_value(entity, "lastName", _t(tr, "formattedLastName"))
    if len(entity.proxy.get("name")) == 0:
        raise FormatError(path, f"<entity id={ent_id}> has no primary name", field="names/name")
    # dated list facts, for every list or (labelled "(CMIC)") for the CMIC list only
    dates: dict[tuple[str, bool], list[str]] = {}
    for key, feat in features:
        value = _t(feat, "value")
        date = _t(feat, "valueDate/fromDateBegin")
        if key in ("birthdate", "organization established date") and date is not None:
            value = date[:10]
        date_prop = sanction_date_property(key)
        if date_prop is not None and date is not None:
            dates.setdefault((date_prop, "(cmic)" in key), []).append(date[:10])
            continue
        if key == "issuer name":  # the name its securities trade under: the party's own
            add_value(entity, "alias", value)
            continue
        feat_prop = _FEATURES.get(key) or id_property(key)
        if feat_prop is not None and value is not None:
            add_value(entity, feat_prop, value.lower() if feat_prop == "gender" else value)
    for doc in _all(el, "identityDocuments/identityDocument"):
        doc_prop = id_property(_t(doc, "type") or "") or "idNumber"
        add_value(entity, doc_prop, _t(doc, "documentNumber"))
    for addr in _all(el, "addresses/address"):
        country = _t(addr, "country")
        parts = [_t(p, "value")
                 for p in _all(addr, "translations/translation/addressParts/addressPart")]
        text = ", ".join([p for p in parts if p] + ([country] if country else []))
        add_value(entity, "address", text or None)
        add_value(entity, "country", country)
    programs = [p.text.strip() for p in _all(el, "sanctionsPrograms/sanctionsProgram") if p.text]
    add_value(entity, "program", programs)
    lists = _all(el, "sanctionsLists/sanctionsList")
    for lst in lists:
        cmic = "cmic" in (lst.text or "").lower()

        def dated(prop: str, cmic: bool = cmic) -> list[str]:
            return dates.get((prop, False), []) + (dates.get((prop, True), []) if cmic else [])

        make_sanction(entity, lst.text or "list", AUTHORITY, programs,
                      listingDate=[lst.get("datePublished") or ""] + dated("listingDate"),
                      startDate=dated("startDate"), date=dated("date"),
                      authorityId=lst.text, recordId=ent_id,
                      provisions=[a.text for a in _all(el, "legalAuthorities/legalAuthority")
                                  if a.text])
    return entity


def to_entities(dataset: str, path: str, records: list[Element]) -> list[ListEntity]:
    out: dict[str, ListEntity] = {}
    for el in records:
        entity = _entity(dataset, path, el)
        if entity.source_id in out:
            raise FormatError(path, f"duplicated id: entity {entity.source_id} appears twice",
                              field="entity/@id")
        out[entity.source_id] = entity
    return list(out.values())


def load(dataset: str, path: Path) -> Parsed:
    """Parse an Enhanced XML zip; `dataAsOf` is the publish date."""
    root, records = parse(path)
    as_of = _t(root, "publicationInfo/dataAsOf")
    published = datetime.fromisoformat(as_of[:10]).date() if as_of is not None else None
    entities = to_entities(dataset, str(path), records)
    return Parsed(dataset=dataset, entities=entities, published=published,
                  files={path.name: sha256_file(path)},
                  warnings=malformed_isins(entities, path.name))

