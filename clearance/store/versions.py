"""Versions of each dataset: write one atomically, list them, switch, read, compare.

Each `save_version` call is one transaction: the version row, all its entities and the
switch of the active pointer commit together or not at all.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import bindparam, func, insert, select, update

from clearance.exc import UnknownVersion
from clearance.store import audit
from clearance.store.db import active_versions, engine, entities, utc_now, versions

if TYPE_CHECKING:  # parsing needs FollowTheMoney, reading the store does not
    from clearance.sources.common import Parsed

__all__ = [
    "Diff",
    "EntityChange",
    "VersionInfo",
    "activate",
    "active_version_ids",
    "diff",
    "get_record",
    "natural_key",
    "get_records",
    "entity_history",
    "get_version",
    "iter_records",
    "list_versions",
    "save_version",
    "status",
    "version_digests",
    "version_records",
]


@dataclass
class VersionInfo:
    """What `lists status` shows for one dataset version."""

    id: int
    dataset: str
    version: int
    published: str | None
    loaded_at: str
    entity_count: int
    files: dict[str, str]
    origin: str
    warnings: list[str]
    active: bool = False

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)



def _info(row: Any, active_ids: set[int]) -> VersionInfo:
    return VersionInfo(
        id=row.id, dataset=row.dataset, version=row.version, published=row.published,
        loaded_at=row.loaded_at, entity_count=row.entity_count, files=row.files,
        origin=row.origin, warnings=row.warnings, active=row.id in active_ids,
    )


_ACTIVE: dict[str, tuple[float, dict[str, int]]] = {}  # store URL -> (read at, versions)


def active_version_ids(max_age: float = 0.0) -> dict[str, int]:
    """dataset -> id of its active version; with `max_age`, as read at most that many
    seconds ago (a server reads it per request; its index checks once a second too)."""
    eng = engine()
    store = str(eng.url)
    if max_age > 0:
        seen = _ACTIVE.get(store)
        if seen is not None and time.monotonic() - seen[0] < max_age:
            return dict(seen[1])
    with eng.connect() as conn:
        found = {r.dataset: r.version_id for r in conn.execute(select(active_versions))}
    _ACTIVE[store] = (time.monotonic(), found)
    return dict(found)


def save_version(parsed: Parsed, origin: str, activate_now: bool = True,
                 actor: str | None = None) -> VersionInfo:
    """Store a parsed publication as the next version of its dataset, and make it active.

    The audit record of the load commits in the same transaction.
    """
    rows = []
    for ent in parsed.entities:
        record = ent.to_record()
        data = json.dumps(record, sort_keys=True, ensure_ascii=False)
        body = json.dumps({k: record[k] for k in ("schema", "properties", "sanctions")},
                          sort_keys=True, ensure_ascii=False)
        rows.append({
            "entity_id": ent.id, "source_id": ent.source_id, "schema": record["schema"],
            "caption": record["caption"], "data": data,
            "digest": hashlib.sha1(body.encode("utf-8")).hexdigest(),
        })
    now = utc_now()
    with engine().begin() as conn:
        last = conn.execute(
            select(func.max(versions.c.version)).where(versions.c.dataset == parsed.dataset)
        ).scalar()
        number = 1 if last is None else int(last) + 1
        inserted = conn.execute(insert(versions).values(
            dataset=parsed.dataset, version=number,
            published=None if parsed.published is None else parsed.published.isoformat(),
            loaded_at=now, files=parsed.files, origin=origin, entity_count=len(rows),
            warnings=parsed.warnings,
        )).inserted_primary_key
        assert inserted is not None
        version_id = int(inserted[0])
        for row in rows:
            row["version_id"] = version_id
        for start in range(0, len(rows), 5000):
            conn.execute(insert(entities), rows[start:start + 5000])
        if activate_now:
            _switch(conn, parsed.dataset, version_id, now)
        audit.append(conn, actor or audit.default_actor(), "list.load", {
            "dataset": parsed.dataset, "version": number, "origin": origin,
            "files": parsed.files, "entities": len(rows), "activated": activate_now})
        info = conn.execute(select(versions).where(versions.c.id == version_id)).one()
    return _info(info, {version_id} if activate_now else set())


def _switch(conn: Any, dataset: str, version_id: int, now: str) -> None:
    _ACTIVE.clear()  # this process reads the switch at once; others within `max_age`
    done = conn.execute(update(active_versions).where(active_versions.c.dataset == dataset)
                        .values(version_id=version_id, activated_at=now))
    if done.rowcount == 0:
        conn.execute(insert(active_versions).values(dataset=dataset, version_id=version_id,
                                                    activated_at=now))


def get_version(dataset: str, version: int | None = None) -> VersionInfo:
    """A version by number, or the active one when `version` is None."""
    active = active_version_ids()
    with engine().connect() as conn:
        q = select(versions).where(versions.c.dataset == dataset)
        if version is None:
            if dataset not in active:
                raise UnknownVersion(f"dataset {dataset!r} has no active version; "
                                     "load it with `clearance lists load`")
            q = q.where(versions.c.id == active[dataset])
        else:
            q = q.where(versions.c.version == version)
        row = conn.execute(q).one_or_none()
    if row is None:
        raise UnknownVersion(f"dataset {dataset!r} has no version {version}")
    return _info(row, set(active.values()))


def activate(dataset: str, version: int, actor: str | None = None) -> VersionInfo:
    """Make an older (or newer) stored version the active one: a rollback is one switch."""
    info = get_version(dataset, version)
    with engine().begin() as conn:
        _switch(conn, dataset, info.id, utc_now())
        audit.append(conn, actor or audit.default_actor(), "list.activate",
                     {"dataset": dataset, "version": version})
    return get_version(dataset, version)


def status() -> list[VersionInfo]:
    """The active version of every dataset, by dataset name."""
    active = active_version_ids()
    with engine().connect() as conn:
        rows = conn.execute(select(versions).where(versions.c.id.in_(list(active.values())))
                            .order_by(versions.c.dataset)).all()
    return [_info(r, set(active.values())) for r in rows]


def list_versions(dataset: str) -> list[VersionInfo]:
    """Every stored version of a dataset, oldest first."""
    active = set(active_version_ids().values())
    with engine().connect() as conn:
        rows = conn.execute(select(versions).where(versions.c.dataset == dataset)
                            .order_by(versions.c.version)).all()
    if not rows:
        raise UnknownVersion(f"dataset {dataset!r} has no versions")
    return [_info(r, active) for r in rows]


def iter_records(version_ids: list[int] | None = None) -> Iterator[dict[str, Any]]:
    """Stored entity records of the given versions (default: every active version)."""
    ids = list(active_version_ids().values()) if version_ids is None else version_ids
    with engine().connect() as conn:
        result = conn.execution_options(stream_results=True).execute(
            select(entities.c.data).where(entities.c.version_id.in_(ids))
            .order_by(entities.c.version_id, entities.c.entity_id))
        for (data,) in result:
            yield json.loads(data)


#: Records read lately, by (store, active version ids, entity id): a stored version never
#: changes, so an entry stays right until it ages out. Kept as the stored JSON text, parsed
#: per call (microseconds): parsed records are millions of small lists and dicts that every
#: full garbage collection of a server would walk (130+ ms stalls with 20,000 records).
#: Bounded; shared by a process's threads.
_RECORDS: OrderedDict[tuple[str, tuple[int, ...], str], str] = OrderedDict()
_RECORDS_MAX = 20_000
_RECORDS_LOCK = threading.Lock()
#: Built once: a server reads records for every /match request, and building and compiling
#: the statement cost twice what running it does (expanding parameters keep it cacheable).
_RECORDS_QUERY = select(entities.c.entity_id, entities.c.data).where(
    entities.c.entity_id.in_(bindparam("entity_ids", expanding=True)),
    entities.c.version_id.in_(bindparam("version_ids", expanding=True)))


@functools.lru_cache(maxsize=64)
def _records_sql(entities_n: int, versions_n: int) -> str:
    """`_RECORDS_QUERY` for SQLite's DB-API cursor, with that many `?` for each list: the
    statement through SQLAlchemy's execution (expanding its parameters, a result object)
    cost 0.2-0.3 ms a call, the cursor's 0.06 (a server reads records per /match request)."""
    return (f"SELECT entity_id, data FROM entities WHERE entity_id IN "
            f"({', '.join('?' * entities_n)}) AND version_id IN ({', '.join('?' * versions_n)})")


def get_records(entity_ids: list[str], max_age: float = 0.0) -> dict[str, dict[str, Any]]:
    """Entities as stored in the active versions (as read at most `max_age` seconds ago), by
    id: one query for the ids not read lately. Each call returns records of its own."""
    ids = tuple(sorted(active_version_ids(max_age).values()))
    store = str(engine().url)
    texts: dict[str, str] = {}
    with _RECORDS_LOCK:
        for entity_id in entity_ids:
            hit = _RECORDS.get((store, ids, entity_id))
            if hit is not None:
                _RECORDS.move_to_end((store, ids, entity_id))
                texts[entity_id] = hit
    missing = [e for e in dict.fromkeys(entity_ids) if e not in texts]
    if missing:
        eng = engine()
        with eng.connect() as conn:
            for start in range(0, len(missing), 500):
                part = missing[start:start + 500]
                if eng.dialect.name == "sqlite":  # its DB-API cursor, on the pooled connection
                    cursor = conn.connection.cursor()
                    try:
                        rows = cursor.execute(_records_sql(len(part), len(ids)),
                                              [*part, *ids]).fetchall()
                    finally:
                        cursor.close()
                else:
                    rows = conn.execute(_RECORDS_QUERY, {"entity_ids": part,
                                                         "version_ids": list(ids)})
                texts.update({entity_id: data for entity_id, data in rows})
        with _RECORDS_LOCK:
            for entity_id in missing:
                if entity_id in texts:
                    _RECORDS[(store, ids, entity_id)] = texts[entity_id]
            while len(_RECORDS) > _RECORDS_MAX:
                _RECORDS.popitem(last=False)
    return {entity_id: orjson.loads(text) for entity_id, text in texts.items()}


def entity_history(entity_id: str) -> list[dict[str, Any]]:
    """Every stored version that holds this entity, oldest first (for audit views)."""
    with engine().connect() as conn:
        rows = conn.execute(
            select(versions.c.dataset, versions.c.version, versions.c.loaded_at,
                   versions.c.published, entities.c.digest)
            .join(entities, entities.c.version_id == versions.c.id)
            .where(entities.c.entity_id == entity_id).order_by(versions.c.id)).all()
    out, last = [], None
    for r in rows:
        out.append({"dataset": r.dataset, "version": r.version, "loaded_at": r.loaded_at,
                    "published": r.published, "changed": last is not None and r.digest != last})
        last = r.digest
    return out


def get_record(entity_id: str) -> dict[str, Any] | None:
    """An entity as stored in the active version of its dataset."""
    return get_records([entity_id]).get(entity_id)


@dataclass
class EntityChange:
    """One entity that differs between two versions, with the properties that changed."""

    entity_id: str
    source_id: str
    caption: str
    fields: list[str]


@dataclass
class Diff:
    """What changed in a dataset between two versions."""

    dataset: str
    from_version: int
    to_version: int
    added: list[EntityChange]
    removed: list[EntityChange]
    changed: list[EntityChange]

    def field_counts(self) -> dict[str, int]:
        """How many changed entities changed each field (largest first)."""
        counts: dict[str, int] = {}
        for change in self.changed:
            for f in change.fields:
                counts[f] = counts.get(f, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset, "from_version": self.from_version,
            "to_version": self.to_version,
            "counts": {"added": len(self.added), "removed": len(self.removed),
                       "changed": len(self.changed)},
            "changed_fields": self.field_counts(),
            "added": [c.__dict__ for c in self.added],
            "removed": [c.__dict__ for c in self.removed],
            "changed": [c.__dict__ for c in self.changed],
        }


def version_digests(version_id: int) -> dict[str, str]:
    """Entity id -> content digest of one stored version (what changed is what differs)."""
    return {k: v[0] for k, v in _digests(version_id).items()}


def version_records(version_id: int, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Entity records of one stored version, by id."""
    return _load(version_id, ids)


def _digests(version_id: int) -> dict[str, tuple[str, str, str]]:
    with engine().connect() as conn:
        rows = conn.execute(select(entities.c.entity_id, entities.c.digest, entities.c.source_id,
                                   entities.c.caption).where(entities.c.version_id == version_id))
        return {r.entity_id: (r.digest, r.source_id, r.caption) for r in rows}


def _load(version_id: int, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    with engine().connect() as conn:
        for start in range(0, len(ids), 500):
            rows = conn.execute(select(entities.c.entity_id, entities.c.data).where(
                entities.c.version_id == version_id,
                entities.c.entity_id.in_(ids[start:start + 500])))
            out.update({r.entity_id: json.loads(r.data) for r in rows})
    return out


def _changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    fields = []
    if old["schema"] != new["schema"]:
        fields.append("schema")
    op, np_ = old["properties"], new["properties"]
    for key in sorted(set(op) | set(np_)):
        if sorted(op.get(key, [])) != sorted(np_.get(key, [])):
            fields.append(key)
    if old.get("sanctions") != new.get("sanctions"):
        fields.append("sanctions")
    return fields


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """'7480' before '45735', 'QDi.12' before 'QDi.101': digit runs compare as numbers."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", text) if part != "")


def _by_source_id(item: tuple[str, tuple[str, str, str]]) -> tuple[Any, ...]:
    return (natural_key(item[1][1]), item[0])


def diff(dataset: str, from_version: int | None = None, to_version: int | None = None) -> Diff:
    """Entities added, removed and changed between two versions.

    Defaults: `to` is the active version, `from` the version just before it.
    """
    to_info = get_version(dataset, to_version)
    if from_version is None:
        from_version = to_info.version - 1
        if from_version < 1:
            raise UnknownVersion(f"dataset {dataset!r} has only one version; nothing to compare")
    from_info = get_version(dataset, from_version)
    old, new = _digests(from_info.id), _digests(to_info.id)
    added = [EntityChange(k, v[1], v[2], []) for k, v in sorted(new.items(), key=_by_source_id)
             if k not in old]
    removed = [EntityChange(k, v[1], v[2], []) for k, v in sorted(old.items(), key=_by_source_id)
               if k not in new]
    both = [k for k, _ in sorted(new.items(), key=_by_source_id)
            if k in old and old[k][0] != new[k][0]]
    old_data, new_data = _load(from_info.id, both), _load(to_info.id, both)
    changed = [EntityChange(k, new[k][1], new[k][2], _changed_fields(old_data[k], new_data[k]))
               for k in both]
    return Diff(dataset, from_info.version, to_info.version, added, removed, changed)
