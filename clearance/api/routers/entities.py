"""GET /entities/{entity_id}: one list entity with its listings and version history."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException

from clearance.api.deps import require
from clearance.store import entity_history, get_record

__all__ = ["router"]

router = APIRouter(tags=["entities"])


@router.get("/entities/{entity_id}", dependencies=[Depends(require("read"))])
def entity(entity_id: str) -> dict[str, Any]:
    """All properties, list memberships (FtM Sanctions) and the versions that held it."""
    record = get_record(entity_id)
    if record is None:
        raise HTTPException(404, f"no entity {entity_id!r} in the active list versions")
    return {**record, "history": entity_history(entity_id)}
