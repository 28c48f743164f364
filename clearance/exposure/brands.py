"""Brand and manufacturer names, as inventories spell them, -> covered groups.

Known names are the groups' own names (vendor_groups.yml: legal, Chinese and short names,
subsidiaries and brands) and the OEM / white-label brands (oem_brands.yml, each with its
evidence strength). They are indexed and matched with the sanctions matcher itself, so
"HIK VISION", "Hikvision Digital" and "杭州海康威视" resolve like names on a list do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from clearance.exposure.vendors import cite
from clearance.index.build import Index, build_index
from clearance.match.engine import match_query
from clearance.match.score import Query, ScoringConfig
from clearance.resources import load_resource

__all__ = ["BRAND_THRESHOLD", "KnownName", "brand_index", "resolve_brand"]

#: Inventory brand fields are short; a brand that agrees on its distinctive words is enough.
BRAND_THRESHOLD = 0.7
EVIDENCE_CONFIDENCE = {"strong": 0.85, "medium": 0.6, "weak": 0.25}


@dataclass(frozen=True)
class KnownName:
    """What a known brand or company name says about the maker."""

    name: str
    groups: tuple[str, ...]
    kind: str  # group, subsidiary, brand, oem
    relationship: str
    evidence: str  # strong, medium, weak
    source: str
    line_qualifier: str | None = None
    unspecified: bool = False
    valid_to: str | None = None  # a divested subsidiary or brand: covered until then
    valid_from: str | None = None

    @property
    def confidence(self) -> float:
        c = EVIDENCE_CONFIDENCE[self.evidence]
        if self.line_qualifier or self.unspecified:
            c = min(c, 0.5)
        return c


def _aliases(name: str) -> list[str]:
    """'Hangzhou EZVIZ Network Co., Ltd. (EZVIZ; OUI org ...)' -> the name and 'EZVIZ'."""
    out = [re.sub(r"\s*\(.*?\)\s*", " ", name).strip()]
    for inner in re.findall(r"\((.*?)\)", name):
        first = inner.split(";")[0].strip()
        if first and "'" not in first and not first.lower().startswith(("formerly", "ex ", "uk", "spain",
                                                                      "canada", "machine", "us ")):
            out.append(first)
    return [p.strip() for part in out for p in part.split(" / ") if p.strip()]


@cache
def _known() -> list[KnownName]:
    groups = load_resource("vendor_groups")["groups"]
    known: list[KnownName] = []
    for key, group in groups.items():
        legal = group["names"][0]  # the display name stands on the legal name's source
        display = {"name": group["display"], "kind": "legal name", "source": legal.get("source"),
                   "verification": legal.get("verification")}
        for item in [display] + group["names"]:
            if item["kind"] == "ticker":
                continue
            source = cite(item.get("source"), item.get("verification"))
            for name in _aliases(item["name"]):
                known.append(KnownName(name, (key,), "group", "named entity", "strong", source))
        for item in group["related"]:
            kind = item["kind"]
            if "parent" in kind:
                continue  # a parent's name on a device would be odd; its subsidiaries count
            divested = str(item["status"]).startswith("divested")
            to = None
            if divested:
                m = re.search(r"(\d{4}-\d{2}-\d{2})", item["relationship"])
                to = m.group(1) if m else "1900-01-01"
            evidence = "strong" if item.get("source") else "weak"
            for name in _aliases(item["name"]):
                known.append(KnownName(name, (key,), "subsidiary", item["relationship"], evidence,
                                       cite(item.get("source"), item.get("verification")),
                                       valid_to=to))
    for b in load_resource("oem_brands")["brands"]:
        owned = b.get("owned") or {}
        for name in [b["brand"], *b["aliases"]]:
            known.append(KnownName(
                name, tuple(b["groups"]), "oem", b["relationship"], b["evidence"],
                cite(b.get("url") or b.get("source"), b.get("verification")),
                b.get("line_qualifier"),
                b["unspecified"], owned.get("to"), owned.get("from")))
    return known


@cache
def brand_index() -> Index:
    """An index of every known name (built once per process, small)."""
    records: list[dict[str, Any]] = []
    for i, k in enumerate(_known()):
        records.append({"entity_id": str(i), "dataset": "brands", "source_id": str(i),
                        "schema": "Company", "caption": k.name, "properties": {"name": [k.name]}})
    return build_index(records, "brands")


@lru_cache(maxsize=65536)
def resolve_brand(text: str) -> tuple[KnownName, float] | None:
    """The known name a brand field matches best, with the match score, or None."""
    if not text.strip():
        return None
    cfg = ScoringConfig(threshold=BRAND_THRESHOLD)
    results = match_query(brand_index(), Query(name=text, schema="Company"), cfg, limit=3)
    known = _known()
    best = [r for r in results if r.match]
    if not best:
        return None
    top = best[0]
    return known[int(top.entity_id)], top.score
