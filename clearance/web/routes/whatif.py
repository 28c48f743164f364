"""What-if: designate a name under a list, see the book entries that would alert, the 50%
rule's blocks, devices and cost; save scenarios and compare two side by side."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from clearance.exc import InputError
from clearance.monitor.scenarios import get_scenario, list_scenarios, save_scenario
from clearance.monitor.whatif import run_whatif
from clearance.store import status
from clearance.store.users import Session
from clearance.web.app import UIRoute
from clearance.web.auth import acting, viewing
from clearance.web.templating import redirect, render

__all__ = ["router"]

router = APIRouter(prefix="/ui/whatif", include_in_schema=False, route_class=UIRoute)


def _datasets() -> list[str]:
    return sorted({"us_ofac_sdn", *(v.dataset for v in status())})


@router.get("")
def whatif(request: Request, session: Annotated[Session, Depends(viewing())]) -> Response:
    return render(request, "whatif.html", session, datasets=_datasets(),
                  saved=list_scenarios(), result=None, params=None)


@router.post("/run")
def run(request: Request, session: Annotated[Session, Depends(acting())],
        designate: Annotated[str, Form(min_length=1, max_length=500)],
        dataset: Annotated[str, Form(max_length=64)] = "us_ofac_sdn",
        with_subsidiaries: Annotated[str, Form(max_length=4)] = "",
        name: Annotated[str, Form(max_length=200)] = "") -> Response:
    if dataset not in _datasets():
        raise InputError(f"list {dataset!r} is not one of {', '.join(_datasets())}")
    params: dict[str, Any] = {"designate": designate.strip(), "dataset": dataset,
                              "with_subsidiaries": with_subsidiaries == "1"}
    scenario = run_whatif(params["designate"], dataset, params["with_subsidiaries"],
                          actor=session.user.actor)
    if name.strip() != "":
        new = save_scenario(name, params, scenario, session.user.actor)
        return redirect(f"/ui/whatif/{new}", f"Scenario “{name.strip()}” saved.")
    return render(request, "whatif.html", session, datasets=_datasets(),
                  saved=list_scenarios(), result=scenario.to_dict(), params=params)


@router.get("/compare")
def compare(request: Request, session: Annotated[Session, Depends(viewing())], a: int = 0,
            b: int = 0) -> Response:
    if a == 0 or b == 0:
        raise InputError("choose two saved scenarios to compare")
    left, right = get_scenario(a), get_scenario(b)
    hits = [{h["book_id"] for h in s.result["book_hits"]} for s in (left, right)]
    return render(request, "whatif_compare.html", session, left=left, right=right,
                  only_left=sorted(hits[0] - hits[1]), only_right=sorted(hits[1] - hits[0]),
                  both=sorted(hits[0] & hits[1]))


@router.get("/{scenario_id}")
def saved(request: Request, scenario_id: int,
          session: Annotated[Session, Depends(viewing())]) -> Response:
    s = get_scenario(scenario_id)
    return render(request, "whatif.html", session, datasets=_datasets(),
                  saved=list_scenarios(), result=s.result, params=s.params, current=s)
