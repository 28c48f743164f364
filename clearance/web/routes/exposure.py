"""Exposure: upload an inventory, the report's charts and tables (by vendor, rule, site,
city, country, cost), filtered by site or city, downloads as HTML, PDF or CSV."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, Response
from markupsafe import Markup
from starlette.background import BackgroundTask

from clearance.exc import InputError
from clearance.exposure.costs import CostTable, summarise
from clearance.exposure.coverage import Classification
from clearance.exposure.inventory import import_devices
from clearance.exposure.report import bar_chart, write_csv, write_report
from clearance.screening.io import FORMATS
from clearance.store.users import Session
from clearance.web.app import UIRoute
from clearance.web.auth import acting, viewing
from clearance.web.exposure_cache import fleet_results
from clearance.web.templating import redirect, render
from clearance.web.uploads import keep_upload, kept_upload

__all__ = ["router"]

router = APIRouter(prefix="/ui/exposure", include_in_schema=False, route_class=UIRoute)
INVENTORY = (*FORMATS, ".xml")
USES = ("", "commercial", "government", "public_safety", "critical_infrastructure")
STATUS_KEYS = ["covered", "possibly_covered", "not_covered", "unknown"]


def _selected(use: str, site: str, city: str) -> tuple[list[Classification], CostTable]:
    if use not in USES:
        raise InputError(f"use {use!r}: one of {', '.join(u for u in USES if u)}")
    _, costs, results = fleet_results(use)
    chosen = [r for r in results if r.device is not None
              and (site == "" or r.device.site == site) and (city == "" or r.device.city == city)]
    return chosen, costs


@router.get("")
def exposure(request: Request, session: Annotated[Session, Depends(viewing())], use: str = "",
             site: str = "", city: str = "") -> Response:
    chosen, costs = _selected(use, site, city)
    everything = fleet_results(use)[2]
    summary = summarise(chosen, costs)
    vendors = sorted(summary.by.get("vendor", {}).items(), key=lambda kv: -kv[1]["devices"])
    rules = [(k, {"devices": float(v)}) for k, v in sorted(summary.by_rule.items(),
                                                           key=lambda kv: -kv[1])]
    sites = summary.riskiest("site", 20)
    charts = [Markup(bar_chart("Devices by vendor and status", vendors, STATUS_KEYS)),
              Markup(bar_chart("Devices a rule reaches", rules, ["devices"])),
              Markup(bar_chart("Replacement cost by site (top 20)", sites,
                               ["cost_covered", "cost_possible"], money=True))]
    all_sites = sorted({r.device.site for r in everything if r.device is not None})
    all_cities = sorted({r.device.city for r in everything if r.device is not None})
    return render(request, "exposure.html", session, summary=summary, charts=charts,
                  sites=sites, all_sites=all_sites, all_cities=all_cities, uses=USES,
                  f={"use": use, "site": site, "city": city}, costs=costs,
                  stored=len(everything))


@router.post("/upload")
def upload(session: Annotated[Session, Depends(acting())], file: Annotated[UploadFile, File()],
           replace: Annotated[str, Form(max_length=4)] = "") -> Response:
    name = file.filename or "inventory.csv"
    token = keep_upload("devices", name, file.file, INVENTORY)
    path = kept_upload("devices", token, INVENTORY)
    try:
        report = import_devices(path, session.user.actor, replace=replace == "1")
    finally:
        path.unlink(missing_ok=True)
    note = f"{name}: {report.imported:,} devices imported, {len(report.skipped)} skipped"
    if report.skipped:
        note += ": " + "; ".join(s.replace(str(path), name) for s in report.skipped[:5])
    return redirect("/ui/exposure", note + ".")


@router.get("/download.{fmt}")
def download(fmt: str, session: Annotated[Session, Depends(viewing())], use: str = "",
             site: str = "", city: str = "") -> Response:
    if fmt not in ("html", "pdf", "csv"):
        raise InputError(f"download format {fmt!r}: use html, pdf or csv")
    chosen, costs = _selected(use, site, city)
    folder = Path(tempfile.mkdtemp(prefix="clearance-exposure-"))
    path = folder / f"exposure.{fmt}"
    title = "Covered equipment exposure" + "".join(f" · {k} {v}" for k, v in
                                                   (("site", site), ("city", city)) if v)
    if fmt == "csv":
        write_csv(chosen, costs, path)
    else:
        write_report(summarise(chosen, costs), costs, path, title)
    media = {"html": "text/html", "pdf": "application/pdf", "csv": "text/csv"}[fmt]
    return FileResponse(path, media_type=media, filename=path.name,
                        background=BackgroundTask(shutil.rmtree, folder, True))
