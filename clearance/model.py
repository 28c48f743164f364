"""FollowTheMoney glue: how list records become entities with stable ids.

Every list entry is a FtM entity (Person, Organization, Company, LegalEntity, Vessel,
Airplane) whose id is `{dataset}-{source_id}`, so the same publisher record keeps its id
across versions and `lists diff` can compare them. Each listing on a sanctions or
export-control list is a FtM `Sanction` entity pointing at its target.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from followthemoney import EntityProxy, model
from followthemoney.types import registry

__all__ = [
    "ListEntity",
    "add_value",
    "entity_id",
    "make_entity",
    "make_sanction",
    "short_hash",
]

_SLUG = re.compile(r"[^a-zA-Z0-9.]+")


def entity_id(dataset: str, source_id: str) -> str:
    """The stable id of a publisher record: dataset plus the publisher's own identifier."""
    return f"{dataset}-{_SLUG.sub('-', source_id).strip('-')}"


def short_hash(*parts: str) -> str:
    """A short content hash, for publishers (BIS DPL) that give records no identifier."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:16]


@dataclass
class ListEntity:
    """One list entry: its FtM proxy plus the provenance that FtM does not carry."""

    proxy: EntityProxy
    dataset: str
    source_id: str
    sanctions: list[EntityProxy] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.proxy.id)

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready record, as stored and as returned to API clients."""
        return {
            "entity_id": self.id,
            "dataset": self.dataset,
            "source_id": self.source_id,
            "schema": self.proxy.schema.name,
            "caption": self.proxy.caption,
            "properties": self.proxy.to_dict()["properties"],
            "sanctions": [s.to_dict() for s in self.sanctions],
        }


def make_entity(schema: str, dataset: str, source_id: str) -> ListEntity:
    """Start a list entity; its id derives from the dataset and the publisher's id."""
    proxy = model.make_entity(schema)
    proxy.id = entity_id(dataset, source_id)
    return ListEntity(proxy=proxy, dataset=dataset, source_id=source_id)


def make_sanction(
    entity: ListEntity,
    key: str,
    authority: str,
    programs: list[str] | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
    **props: str | list[str] | None,
) -> EntityProxy:
    """Record that `entity` is on one list (authority + programs + dates) as a FtM Sanction."""
    sanction = model.make_entity("Sanction")
    sanction.id = f"{entity.id}-{_SLUG.sub('-', key.lower()).strip('-')}"
    sanction.add("entity", entity.id, cleaned=True)
    sanction.add("authority", authority, cleaned=True)
    sanction.add("program", programs or [], cleaned=True)
    for name, value in (("startDate", start), ("endDate", end), *props.items()):
        if value is None or value == "" or value == []:
            continue
        values = [str(value)] if isinstance(value, (str, date)) else value
        prop = sanction.schema.properties[name]
        for item in values:
            cleaned = (_clean_cached(prop.type.name, item) if prop.type.name in _CACHED_TYPES
                       else prop.type.clean(item))
            if cleaned is not None:
                sanction.add(name, cleaned, cleaned=True)
    entity.sanctions.append(sanction)
    return sanction


def add_value(entity: ListEntity, prop: str, value: str | list[str] | None) -> bool:
    """Add a value if the entity's schema has the property; False when it was not kept.

    List records sometimes carry facts their type cannot hold (a tax number on a vessel);
    those stay in the raw remarks (`notes`) rather than failing the load.
    """
    if value is None or value == "" or value == []:
        return False
    prop_obj = entity.proxy.schema.get(prop)
    if prop_obj is None:
        return False
    if prop_obj.type.name in _CACHED_TYPES:
        for item in [value] if isinstance(value, str) else value:
            cleaned = _clean_cached(prop_obj.type.name, item)
            if cleaned is not None:
                entity.proxy.add(prop, cleaned, cleaned=True, quiet=True)
        return True
    entity.proxy.add(prop, value, quiet=True)
    return True


# Types whose cleaning is slow and whose values repeat across records (country names, URLs).
_CACHED_TYPES = frozenset({"country", "url", "date"})


@lru_cache(maxsize=65536)
def _clean_cached(type_name: str, value: str) -> str | None:
    cleaned: str | None = registry.get(type_name).clean(value)
    return cleaned
