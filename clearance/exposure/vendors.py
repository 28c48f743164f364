"""The covered vendor groups (resources/vendor_groups.yml): names, current related parties,
and which group a company name belongs to."""

from __future__ import annotations

from functools import cache
from typing import Any

from clearance.index.build import Index, build_index
from clearance.match.engine import match_query
from clearance.match.score import Query, ScoringConfig
from clearance.resources import load_resource

__all__ = ["cite", "current_related", "legal_name", "vendor_group"]


def cite(source: str | None, verification: str | None) -> str:
    """A fact's source as shown to users: a primary source as it is; anything else marked
    UNVERIFIED with the reason (a press report, an encyclopedia mirror, no source ...)."""
    if verification == "primary" and source:
        return source
    return f"UNVERIFIED ({verification or 'no source'})" + (f": {source}" if source else "")


def current_related(group: str, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    """Related parties of these kinds the group still holds (divested links left out)."""
    return [item for item in load_resource("vendor_groups")["groups"][group]["related"]
            if item["kind"].startswith(kinds) and not str(item["status"]).startswith("divested")]


def legal_name(group: str) -> str:
    """The group's legal name (the group key when the resource gives none)."""
    names = load_resource("vendor_groups")["groups"][group]["names"]
    return next((n["name"] for n in names if n["kind"] == "legal name"), group)


@cache
def _group_index() -> Index:
    records = []
    for key, group in load_resource("vendor_groups")["groups"].items():
        names = [n["name"] for n in group["names"] if n["kind"] != "ticker"]
        records.append({"entity_id": key, "dataset": "vendor_groups", "source_id": key,
                        "schema": "Company", "caption": group["display"],
                        "properties": {"name": names}})
    return build_index(records, "vendor-groups")


def vendor_group(name: str, cfg: ScoringConfig | None = None) -> str | None:
    """The vendor group a company name belongs to (matched on the groups' own names, any
    script), or None."""
    found = [r for r in match_query(_group_index(), Query(name=name, schema="Company"), cfg,
                                    limit=1) if r.match]
    return found[0].entity_id if found else None
