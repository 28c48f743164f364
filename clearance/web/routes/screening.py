"""Screening: one name with live, explained results; a file as a background job with
progress, a results table and downloads (CSV, XLSX, JSONL)."""

from __future__ import annotations

import io
import json
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

from clearance.exc import InputError
from clearance.index.store import LiveIndex
from clearance.match.score import DEFAULT_THRESHOLD, Query, ScoringConfig
from clearance.screening.group import screen_query
from clearance.screening.io import ResultWriter, read_rows
from clearance.screening.jobs import get_job, iter_results, submit, upload_path
from clearance.store.users import Session
from clearance.web.app import UIRoute
from clearance.web.auth import acting, viewing
from clearance.web.explain import explanation_rows
from clearance.web.templating import redirect, render

__all__ = ["router"]

router = APIRouter(prefix="/ui/screening", include_in_schema=False, route_class=UIRoute)
SCHEMAS = ("LegalEntity", "Person", "Company", "Organization", "Vessel", "Airplane")
SHOWN_ROWS = 200
_JOB_ID = re.compile(r"^[0-9a-f-]{36}$")


@router.get("")
def screening(request: Request, session: Annotated[Session, Depends(viewing())],
              name: str = "", schema: str = "LegalEntity", country: str = "",
              birth_date: str = "") -> Response:
    results = _search(request, name, schema, country, birth_date) if name.strip() else None
    template = ("_match_results.html" if request.headers.get("hx-request") == "true"
                else "screening.html")
    return render(request, template, session, results=results, schemas=SCHEMAS,
                  q={"name": name, "schema": schema, "country": country,
                     "birth_date": birth_date}, threshold=DEFAULT_THRESHOLD)


def _search(request: Request, name: str, schema: str, country: str,
            birth_date: str) -> list[dict[str, Any]]:
    if schema not in SCHEMAS:
        raise InputError(f"type {schema!r} is not one of {', '.join(SCHEMAS)}")
    live: LiveIndex = request.app.state.index
    query = Query(name=name.strip()[:500], schema=schema,
                  countries=[country.strip().lower()] if country.strip() else [],
                  birth_date=birth_date.strip() or None)
    # grouped as the CLI and result files are: one row per listed party, its other
    # listings (the same company in OFAC's list and the CSL) named under it
    parties = screen_query(live.get(), query, ScoringConfig(), limit=10)
    return [{"result": p.best, "match": p.match,
             "others": [o for o in p.listings if o is not p.best],
             "features": explanation_rows([f.to_dict() for f in p.best.features])}
            for p in parties]


@router.post("/jobs")
def upload(request: Request, session: Annotated[Session, Depends(acting())],
           file: Annotated[UploadFile, File()],
           threshold: Annotated[float, Form(ge=0.0, le=1.0)] = DEFAULT_THRESHOLD) -> Response:
    job = submit(file.filename or "upload.csv", file.file, threshold, 5, session.user.actor)
    request.app.state.jobs.notify()
    return redirect(f"/ui/screening/jobs/{job.id}", f"{job.filename} queued for screening.")


def _job_id(job_id: str) -> str:
    if _JOB_ID.match(job_id) is None:
        raise InputError(f"{job_id!r} is not a job id")
    return job_id


@lru_cache(maxsize=64)
def _total_rows(path: str) -> int:
    """Rows in an uploaded file (counted once per file, for the progress bar)."""
    return sum(1 for _ in read_rows(Path(path)))


def _rows(job_id: str) -> list[dict[str, Any]]:
    out = []
    for line in iter_results(job_id):
        record = json.loads(line)
        out.append(record)
        if len(out) >= SHOWN_ROWS:
            break
    return out


@router.get("/jobs/{job_id}")
def job_page(request: Request, job_id: str,
             session: Annotated[Session, Depends(viewing())]) -> Response:
    job = get_job(_job_id(job_id))
    total = _total_rows(str(upload_path(job.id)))
    done = job.status in ("done", "failed")
    template = "_job_progress.html" if request.headers.get("hx-request") == "true" else "job.html"
    response = render(request, template, session, job=job, total=total,
                      rows=_rows(job.id) if done else [], shown=SHOWN_ROWS)
    if done and request.headers.get("hx-request") == "true":
        response.headers["HX-Refresh"] = "true"  # swap in the full page with the results
    return response


@router.get("/jobs/{job_id}/download.{fmt}")
def download(job_id: str, fmt: str,
             session: Annotated[Session, Depends(viewing())]) -> Response:
    job = get_job(_job_id(job_id))
    stem = Path(job.filename).stem or "results"
    if fmt == "jsonl":
        return StreamingResponse(iter_results(job.id), media_type="application/x-ndjson",
                                 headers={"Content-Disposition":
                                          f'attachment; filename="{stem}-results.jsonl"'})
    if fmt not in ("csv", "xlsx"):
        raise InputError(f"download format {fmt!r}: use csv, xlsx or jsonl")
    folder = Path(tempfile.mkdtemp(prefix="clearance-dl-"))
    path = folder / f"{stem}-results.{fmt}"
    records = [r for r in (json.loads(line) for line in iter_results(job.id)) if "id" in r]
    carried: dict[str, None] = {}  # every row's extra columns (JSONL rows may differ)
    for record in records:
        carried.update(dict.fromkeys(record.get("input") or {}))
    writer = ResultWriter(path, io.StringIO(), tuple(carried))
    for record in records:  # the same columns `clearance screen -o FILE.csv` writes
        writer.write(record["id"], record.get("matches", []), record.get("name", ""),
                     record.get("input"))
    writer.close()
    media = ("text/csv" if fmt == "csv" else
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return FileResponse(path, media_type=media, filename=path.name,
                        background=BackgroundTask(_remove, folder))


def _remove(folder: Path) -> None:
    for item in folder.iterdir():
        item.unlink(missing_ok=True)
    folder.rmdir()
