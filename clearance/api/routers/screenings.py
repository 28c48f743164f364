"""POST /screenings (upload, start a job), GET /screenings/{id}, GET .../results."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from fastapi.responses import StreamingResponse

from clearance.api.deps import require
from clearance.match.score import DEFAULT_THRESHOLD
from clearance.screening.jobs import get_job, iter_results, submit

__all__ = ["router"]

router = APIRouter(tags=["screenings"])


@router.post("/screenings", status_code=202)
def create(
    request: Request,
    actor: Annotated[str, Depends(require("screen"))],
    file: Annotated[UploadFile, File(description="CSV, XLSX, JSONL or Parquet")],
    threshold: Annotated[float, Query(ge=0.0, le=1.0, allow_inf_nan=False)] = DEFAULT_THRESHOLD,
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
) -> dict[str, Any]:
    """Store the file and screen it in the background; poll GET /screenings/{id}."""
    job = submit(file.filename or "upload.csv", file.file, threshold, limit, actor)
    request.app.state.jobs.notify()
    return job.to_dict()


@router.get("/screenings/{job_id}", dependencies=[Depends(require("read"))])
def progress(job_id: str) -> dict[str, Any]:
    """Status and counts of a job (rows done, alerted, failed)."""
    return get_job(job_id).to_dict()


@router.get("/screenings/{job_id}/results", dependencies=[Depends(require("read"))])
def results(job_id: str) -> StreamingResponse:
    """JSONL, one line per screened row in file order (so far, while the job runs)."""
    get_job(job_id)
    return StreamingResponse(iter_results(job_id), media_type="application/x-ndjson")
