"""The dashboard: list versions and their age, the last cycle, open alerts by age and
dataset, decisions awaiting approval; the devices tile loads on its own (htmx), since
classifying a fleet takes longer than a page should."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from clearance.monitor.queue import AGE_BUCKETS, last_cycle, open_alert_counts, pending_count
from clearance.store import status as list_status
from clearance.store.users import Session
from clearance.web.app import UIRoute
from clearance.web.auth import viewing
from clearance.web.exposure_cache import fleet_exposure
from clearance.web.templating import render

__all__ = ["router"]

router = APIRouter(prefix="/ui", include_in_schema=False, route_class=UIRoute)


@router.get("/")
def dashboard(request: Request, session: Annotated[Session, Depends(viewing())]) -> Response:
    counts = open_alert_counts()
    totals = {label: sum(c[label] for c in counts.values()) for label, _ in AGE_BUCKETS}
    return render(request, "dashboard.html", session, versions=list_status(),
                  cycle=last_cycle(), counts=counts, buckets=[b for b, _ in AGE_BUCKETS],
                  totals=totals, open_total=sum(totals.values()), pending=pending_count())


@router.get("/dashboard/devices")
def devices_tile(request: Request, session: Annotated[Session, Depends(viewing())]) -> Response:
    exposure = fleet_exposure("")
    return render(request, "_devices_tile.html", session, exposure=exposure)
