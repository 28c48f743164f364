"""POST /whatif: a designation scenario computed in a sandbox."""

from __future__ import annotations

from datetime import date
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
    isins: list[str] = Field(default_factory=list, max_length=200,
                             description="ISINs of its securities: read as an NS-CMIC listing")
    as_of: date | None = Field(None, description="Day of the scenario listing (default today)")


@router.post("/whatif")
def whatif(body: WhatIf, actor: Annotated[str, Depends(require("screen"))]) -> dict[str, Any]:
    """Blocked parties (with the 50% rule), the book entries that would alert and, on
    us_ofac_cons or with ISINs, the holdings and funds an NS-CMIC listing would cover."""
    return run_whatif(body.designate, body.dataset, body.with_subsidiaries, actor=actor,
                      isins=body.isins or None, as_of=body.as_of).to_dict()
