"""Versioned store of official lists: atomic loads, an active version per dataset, diffs."""

from clearance.store.versions import (
    Diff,
    EntityChange,
    VersionInfo,
    activate,
    active_version_ids,
    diff,
    entity_history,
    get_record,
    get_records,
    get_version,
    iter_records,
    list_versions,
    save_version,
    status,
    version_digests,
    version_records,
)

__all__ = [
    "Diff",
    "EntityChange",
    "VersionInfo",
    "activate",
    "active_version_ids",
    "diff",
    "entity_history",
    "get_record",
    "get_records",
    "get_version",
    "iter_records",
    "list_versions",
    "save_version",
    "status",
    "version_digests",
    "version_records",
]
