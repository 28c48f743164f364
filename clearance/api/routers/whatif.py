"""POST /whatif: a designation scenario computed in a sandbox."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from clearance.api.deps import require
from clearance.monitor.whatif import run_whatif

__all__ = ["router"]

router = APIRouter(tags=["whatif"])


class WhatIf(BaseModel):
    """Who would be designated, on which list."""

    designate: str = Field(min_length=1, max_length=500)
    dataset: str = Field("us_ofac_sdn", alias="as", max_length=64)
    with_subsidiaries: bool = False


@router.post("/whatif")
def whatif(body: WhatIf, actor: Annotated[str, Depends(require("screen"))]) -> dict[str, Any]:
    """Blocked parties (with the 50% rule) and the book entries that would alert."""
    return run_whatif(body.designate, body.dataset, body.with_subsidiaries,
                      actor=actor).to_dict()
