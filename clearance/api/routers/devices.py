"""GET /devices/exposure: the stored fleet's covered equipment and replacement cost."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from clearance.api.deps import require
from clearance.exposure.assess import assess_stored

__all__ = ["router"]

router = APIRouter(tags=["devices"])


@router.get("/devices/exposure", dependencies=[Depends(require("read"))])
def exposure(
    use: Annotated[str, Query(max_length=40, description="government, public_safety, "
                              "critical_infrastructure or commercial")] = "",
    sites: Annotated[int, Query(ge=1, le=1000)] = 20,
) -> dict[str, Any]:
    """Counts by status, rule and vendor; costs in total and for the riskiest sites."""
    result, costs, _ = assess_stored(use)
    out = result.to_dict()
    out["riskiest_sites"] = [{"site": k, **v} for k, v in result.riskiest("site", sites)]
    out["by"] = {k: v for k, v in out["by"].items() if k != "site"}
    out["unit_costs"] = {k: costs.cost(k) for k in costs.unit}
    return out
