"""GET /healthz (the process answers) and /readyz (an index is loaded and matches)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

__all__ = ["router"]

router = APIRouter(tags=["health"])


# both answer on the event loop itself: no thread pool slot, no wait behind CPU-bound work
@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    index = request.app.state.index.ready()
    if index is None:
        return JSONResponse({"status": "loading the index"}, status_code=503)
    if len(index.entities) == 0:
        return JSONResponse({"status": "no lists loaded"}, status_code=503)
    return JSONResponse({"status": "ready", "entities": len(index.entities),
                         "index": index.fingerprint})
