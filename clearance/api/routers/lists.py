"""GET /lists, /lists/{dataset}/versions, /lists/{dataset}/diff; POST /lists/update."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from clearance.api.deps import require
from clearance.api.models import ListStatus
from clearance.store import diff, list_versions, status

__all__ = ["router"]

router = APIRouter(tags=["lists"])


@router.get("/lists", response_model=list[ListStatus], dependencies=[Depends(require("read"))])
def lists() -> list[ListStatus]:
    """Active version of every dataset."""
    return [ListStatus(dataset=v.dataset, version=v.version, published=v.published,
                       entity_count=v.entity_count, loaded_at=v.loaded_at) for v in status()]


@router.get("/lists/{dataset}/versions", dependencies=[Depends(require("read"))])
def versions(dataset: str) -> list[dict[str, Any]]:
    """Every stored version of one dataset, oldest first."""
    return [v.to_dict() for v in list_versions(dataset)]


@router.get("/lists/{dataset}/diff", dependencies=[Depends(require("read"))])
def version_diff(
    dataset: str,
    from_: Annotated[int | None, Query(alias="from", ge=1, le=2**62)] = None,
    to: Annotated[int | None, Query(ge=1, le=2**62)] = None,
) -> dict[str, Any]:
    """Entities added, removed and changed between two versions (default: last two)."""
    return diff(dataset, from_, to).to_dict()


@router.post("/lists/update", dependencies=[Depends(require("admin"))])
def update(mirror: Annotated[str | None, Query()] = None) -> list[dict[str, Any]]:
    """Fetch the official lists (or a mirror) and load what changed."""
    from clearance.sources.fetch import update_lists

    results = update_lists(mirror=mirror)
    return [{"dataset": r.dataset, "error": r.error, "skipped": r.skipped,
             "version": None if r.version is None else r.version.version} for r in results]
