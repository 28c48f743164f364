"""POST /portfolio/screen (JSON holdings), POST /portfolio/jobs (a file, in the background)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from clearance.api.deps import current_index, require
from clearance.exc import InputError
from clearance.index.build import Index
from clearance.match.score import DEFAULT_THRESHOLD
from clearance.portfolio.columns import HOLDING_FIELDS, ColumnMap, map_columns
from clearance.portfolio.dates import disclaimer
from clearance.portfolio.holdings import holding_from_row
from clearance.portfolio.listing import cmic_list
from clearance.portfolio.screen import REVIEW_THRESHOLD, ScreenConfig, Screener
from clearance.screening.jobs import get_job, iter_results, submit

__all__ = ["router"]

router = APIRouter(tags=["portfolio"])
MAX_HOLDINGS = 10_000


class PortfolioRequest(BaseModel):
    """Holdings as JSON objects, keyed like a holdings file's columns."""

    holdings: list[dict[str, Any]] = Field(
        ..., max_length=MAX_HOLDINGS,
        examples=[[{"id": "P1", "isin": "CNE100000PM8", "market_value": 25000},
                   {"id": "P2", "issuer": "China Mobile Finance (2017) Ltd",
                    "security": "CHINA MOBILE FIN 4.5% 10/16/32 REGS"}]])
    as_of: date | None = Field(None, description="Read the NS-CMIC dates as of this day "
                                                 "(default today)")
    threshold: float = Field(DEFAULT_THRESHOLD, gt=0.0, le=1.0)
    review_threshold: float = Field(REVIEW_THRESHOLD, gt=0.0, le=1.0)


def _config(as_of: date | None, threshold: float, review: float) -> ScreenConfig:
    if review > threshold:
        raise InputError(f"review_threshold {review} is above threshold {threshold}")
    return ScreenConfig(as_of=as_of or date.today(), threshold=threshold,
                        review_threshold=review)


@router.post("/portfolio/screen", dependencies=[Depends(require("read"))])
def screen(body: PortfolioRequest,
           index: Annotated[Index, Depends(current_index)]) -> dict[str, Any]:
    """One result per holding (`clearance portfolio screen`'s lines); invalid holdings are
    reported by position and left out."""
    screener = Screener(cmic_list(), _config(body.as_of, body.threshold,
                                             body.review_threshold), index)
    maps: dict[tuple[str, ...], ColumnMap] = {}
    results: list[dict[str, Any]] = []
    problems: list[dict[str, Any]] = []
    notes: list[str] = []
    statuses = {"covered": 0, "review": 0, "clear": 0}
    for position, item in enumerate(body.holdings):
        keys = tuple(item)
        cmap = maps.get(keys)
        if cmap is None:
            cmap = maps[keys] = map_columns(list(keys), HOLDING_FIELDS)
            notes += [n for n in cmap.notes if n not in notes]
        try:
            holding = holding_from_row(item, cmap, "holdings", position)
        except InputError as exc:
            problems.append({"position": position, "problem": str(exc).split(": ", 1)[-1]})
            continue
        result = screener.screen(holding).to_dict()
        statuses[result["status"]] += 1
        results.append(result)
    return {"as_of": screener.cfg.as_of.isoformat(), "statuses": statuses,
            "results": results, "problems": problems, "notes": notes,
            "disclaimer": disclaimer()}


@router.post("/portfolio/jobs", status_code=202)
def create_job(
    request: Request,
    actor: Annotated[str, Depends(require("screen"))],
    file: Annotated[UploadFile, File(description="Holdings: CSV, XLSX, JSONL or Parquet")],
    as_of: Annotated[date | None, Query(description="Default: the day of the upload")] = None,
    threshold: Annotated[float, Query(gt=0.0, le=1.0)] = DEFAULT_THRESHOLD,
    review_threshold: Annotated[float, Query(gt=0.0, le=1.0)] = REVIEW_THRESHOLD,
) -> dict[str, Any]:
    """Store a holdings file and screen it in the background; poll GET /portfolio/jobs/{id}."""
    cfg = _config(as_of, threshold, review_threshold)
    job = submit(file.filename or "holdings.csv", file.file, threshold, 1, actor,
                 kind="portfolio", options={"as_of": cfg.as_of.isoformat(),
                                            "threshold": threshold,
                                            "review_threshold": review_threshold})
    request.app.state.jobs.notify()
    return job.to_dict()


@router.get("/portfolio/jobs/{job_id}", dependencies=[Depends(require("read"))])
def job_progress(job_id: str) -> dict[str, Any]:
    """Status and counts (rows done, covered or review, failed) of a holdings job."""
    return get_job(job_id).to_dict()


@router.get("/portfolio/jobs/{job_id}/results", dependencies=[Depends(require("read"))])
def job_results(job_id: str) -> StreamingResponse:
    """JSONL, one line per holding in file order (so far, while the job runs)."""
    get_job(job_id)
    return StreamingResponse(iter_results(job_id), media_type="application/x-ndjson")
