"""The FastAPI application: routers, error mapping, request limits.

Guards against hostile or broken input (issue 14): body size by bytes received and strict
JSON (`clearance.api.guards`), rate limits after authentication (`clearance.api.deps`),
scoring off the event loop (`clearance.api.work`), 422 for every malformed field with
nothing echoed that JSON cannot carry, and 503 with Retry-After when another writer holds
the database.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError

from clearance import settings
from clearance.api.docs import install_docs
from clearance.api.guards import BodyGuard
from clearance.api.limits import RateLimiter
from clearance.api.metrics import Metrics, Timing
from clearance.api.routers import (
    alerts,
    book,
    devices,
    entities,
    health,
    lists,
    match,
    portfolio,
    screenings,
    whatif,
)
from clearance.api.work import Worker
from clearance.exc import ClearanceError, NotFound, Refused, StoreBusy
from clearance.index.store import LiveIndex
from clearance.screening.jobs import JobRunner
from clearance.store.busy import BUSY_MESSAGE, is_busy
from clearance.store.db import engine
from clearance.web import mount_ui

__all__ = ["create_app", "MAX_BODY", "RETRY_BUSY"]

MAX_BODY = 1 << 20  # 1 MiB: 100 queries with generous property lists
MAX_HOLDINGS_BODY = 16 << 20  # 10,000 holdings with every key a bank export carries
#: File uploads, limited by `CLEARANCE_MAX_UPLOAD_MB` instead of `MAX_BODY`.
UPLOADS = ("/screenings", "/portfolio/jobs", "/ui/screening/jobs", "/ui/exposure/upload",
           "/ui/book/preview")
RETRY_BUSY = 5  # seconds a client is asked to wait when the store is busy


async def _mark_when_loaded(index: LiveIndex) -> None:
    """Say in the workers' shared table that this worker's index is loaded (`/readyz`
    answers 200 only once every worker's is; clearance.api.fair_accept)."""
    from clearance.api.fair_accept import mark_index_loaded

    while index.ready() is None:  # ready() starts the load again if it failed
        await asyncio.sleep(0.1)
    mark_index_loaded()


def create_app(open_access: bool = False, rate: float | None = None,
               burst: int | None = None) -> FastAPI:
    """The API; `open_access` skips API keys (local demos on 127.0.0.1 only)."""
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine()  # tables made here, before the threads below race to make them
        app.state.index.ready()  # start loading the index now, not at the first request
        app.state.jobs.start()  # resumes jobs a previous process left unfinished
        shared = settings.worker_loads_file()
        if shared is not None:  # one of several workers: tell the others when it can serve
            marking = asyncio.create_task(_mark_when_loaded(app.state.index))
        yield
        if shared is not None:
            marking.cancel()
        app.state.jobs.stop()
        app.state.matcher.stop()

    app = FastAPI(title="Clearance", version="0.1.0", lifespan=lifespan, docs_url=None,
                  redoc_url=None,
                  description="Sanctions and export-control screening with explainable "
                              "matching. /match is compatible with yente's match API.")
    app.state.open_access = open_access
    app.state.jobs = JobRunner()
    app.state.index = LiveIndex()
    app.state.metrics = Metrics()
    app.state.matcher = Worker()
    rate = rate if rate is not None else settings.rate_limit()
    burst = burst if burst is not None else settings.rate_burst()
    app.state.key_limiter = RateLimiter(rate, burst)  # per key id (per address when open)
    app.state.failure_limiter = RateLimiter(rate, burst)  # per address, failed authentication
    uploads = {("POST", path): settings.max_upload() for path in UPLOADS}
    app.add_middleware(BodyGuard, default=MAX_BODY,
                       limits={**uploads, ("POST", "/portfolio/screen"): MAX_HOLDINGS_BODY})
    app.add_middleware(Timing, metrics=app.state.metrics)  # added last: outermost, times all
    for module in (health, match, entities, lists, screenings, book, alerts, whatif, devices,
                   portfolio):
        app.include_router(module.router)
    install_docs(app)  # /docs and /redoc from packaged assets (no CDN)
    mount_ui(app)  # the analyst web UI under /ui

    @app.get("/metrics", tags=["health"], response_class=Response)
    def metrics() -> Response:
        """Prometheus: request latency histograms, match and alert counts, list ages."""
        return Response(app.state.metrics.render(), media_type="text/plain; version=0.0.4")

    @app.exception_handler(NotFound)
    async def unknown(_: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(Refused)
    async def refused(_: Request, exc: Refused) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=409)

    @app.exception_handler(ClearanceError)
    async def clearance_error(_: Request, exc: ClearanceError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(StoreBusy)
    async def busy(_: Request, exc: StoreBusy) -> JSONResponse:
        return JSONResponse({"detail": str(exc) or BUSY_MESSAGE}, status_code=503,
                            headers={"Retry-After": str(RETRY_BUSY)})

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's own answer echoes the input, which may be NaN (not JSON: a 500) or huge
        return JSONResponse({"detail": [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg")),
                                         "type": str(e.get("type"))} for e in exc.errors()]},
                            status_code=422)

    @app.exception_handler(OperationalError)
    async def database(_: Request, exc: OperationalError) -> JSONResponse:
        if is_busy(exc):  # the transaction rolled back: nothing was written
            return JSONResponse({"detail": BUSY_MESSAGE}, status_code=503,
                                headers={"Retry-After": str(RETRY_BUSY)})
        return JSONResponse({"detail": "internal error (database)"}, status_code=500)

    @app.exception_handler(Exception)
    async def internal(_: Request, exc: Exception) -> JSONResponse:  # no stack traces out
        return JSONResponse({"detail": f"internal error ({type(exc).__name__})"},
                            status_code=500)

    return app
