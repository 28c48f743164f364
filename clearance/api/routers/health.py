"""GET /healthz (the process answers) and /readyz (an index is loaded and matches, in
every worker of the server)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from clearance import settings

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
    shared = settings.worker_loads_file()
    if shared is not None:  # several workers: each must have loaded its index
        from clearance.api.fair_accept import workers_ready

        ready, workers = workers_ready(shared)
        if ready < workers:
            return JSONResponse({"status": f"{ready} of {workers} server workers have "
                                           f"loaded the index"}, status_code=503)
    return JSONResponse({"status": "ready", "entities": len(index.entities),
                         "index": index.fingerprint})
