"""MAC address -> registered organisation -> covered manufacturer group.

The registry is the IEEE MA-L listing bundled in the `mac-vendor-lookup` package (its
newest snapshot of the packaged registries: more Hikvision and Dahua blocks than netaddr,
manuf or ouilookup carry; read from disk, never fetched). Which organisations belong to a
covered group, and since or until when, is `resources/oui_organizations.yml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import metadata

from clearance.resources import load_resource

__all__ = ["OrgLink", "lookup", "organization_link", "registry", "registry_source"]


@dataclass(frozen=True)
class OrgLink:
    """A registered organisation's place in a covered group (or on the watch list)."""

    organization: str
    group: str | None  # None: a watch-list vendor, not covered
    entity: str
    relationship: str
    valid_from: str | None = None
    valid_to: str | None = None


@cache
def registry() -> dict[str, str]:
    """OUI (6 upper-case hex digits) -> organisation, from the package's bundled file."""
    from mac_vendor_lookup import BaseMacLookup

    path = BaseMacLookup().find_vendors_list()
    out: dict[str, str] = {}
    if path is None:
        return out
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            prefix, sep, org = line.partition(":")
            if sep and len(prefix) == 6:
                out[prefix.upper()] = org.strip()
    return out


@cache
def registry_source() -> str:
    """How evidence names this registry."""
    return f"IEEE MA-L registry (mac-vendor-lookup {metadata.version('mac-vendor-lookup')})"


def lookup(mac: str) -> str | None:
    """The organisation a MAC's block is registered to (None if unregistered/unknown)."""
    return registry().get(mac[:6].upper())


@cache
def _rules() -> tuple[list[tuple[re.Pattern[str], OrgLink]], list[str]]:
    data = load_resource("oui_organizations")
    rules = []
    for item in data["organizations"]:
        word = item.get("word", False)
        pattern = re.compile(rf"\b{re.escape(item['pattern'])}\b" if word
                             else re.escape(item["pattern"]), re.I)
        rules.append((pattern, OrgLink("", item["group"], item["entity"], item["relationship"],
                                       item.get("from"), item.get("to"))))
    for item in data["watch"]:
        rules.append((re.compile(re.escape(item["pattern"]), re.I),
                      OrgLink("", None, item["entity"], "unlisted Chinese video vendor (watch)")))
    return rules, [x.lower() for x in data["exclude"]]


@cache
def organization_link(organization: str) -> OrgLink | None:
    """The covered group (or watch-list entry) a registered organisation belongs to."""
    rules, exclude = _rules()
    lower = organization.lower()
    if any(x in lower for x in exclude):
        return None
    # the most specific pattern wins ("prama hikvision" before "hikvision")
    hits = [(len(p.pattern), link) for p, link in rules if p.search(organization)]
    if not hits:
        return None
    link = max(hits, key=lambda h: h[0])[1]
    return OrgLink(organization, link.group, link.entity, link.relationship, link.valid_from,
                   link.valid_to)
