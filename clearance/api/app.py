"""The FastAPI application: routers, error mapping, request size limit."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from clearance import settings
from clearance.api.docs import install_docs
from clearance.api.limits import RateLimiter
from clearance.api.metrics import Metrics
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
from clearance.exc import ClearanceError, NotFound, Refused
from clearance.index.store import LiveIndex
from clearance.screening.jobs import JobRunner
from clearance.web import mount_ui

__all__ = ["create_app", "MAX_BODY"]

MAX_BODY = 1 << 20  # 1 MiB: 100 queries with generous property lists


def create_app(open_access: bool = False, rate: float | None = None,
               burst: int | None = None) -> FastAPI:
    """The API; `open_access` skips API keys (local demos on 127.0.0.1 only)."""
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.jobs.start()  # resumes jobs a previous process left unfinished
        yield
        app.state.jobs.stop()

    app = FastAPI(title="Clearance", version="0.1.0", lifespan=lifespan, docs_url=None,
                  redoc_url=None,
                  description="Sanctions and export-control screening with explainable "
                              "matching. /match is compatible with yente's match API.")
    app.state.open_access = open_access
    app.state.jobs = JobRunner()
    app.state.index = LiveIndex()
    app.state.metrics = Metrics()
    limiter = RateLimiter(rate if rate is not None else settings.rate_limit(),
                          burst if burst is not None else settings.rate_burst())
    for module in (health, match, entities, lists, screenings, book, alerts, whatif, devices,
                   portfolio):
        app.include_router(module.router)
    install_docs(app)  # /docs and /redoc from packaged assets (no CDN)
    mount_ui(app)  # the analyst web UI under /ui

    @app.get("/metrics", tags=["health"], response_class=Response)
    def metrics() -> Response:
        """Prometheus: request latency histograms, match and alert counts, list ages."""
        return Response(app.state.metrics.render(), media_type="text/plain; version=0.0.4")

    @app.middleware("http")
    async def guard(request: Request,
                    call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        size = request.headers.get("content-length")
        if size is not None and size.isdigit() and int(size) > MAX_BODY:
            return JSONResponse({"detail": f"request body over {MAX_BODY} bytes"},
                                status_code=413)
        if request.url.path not in ("/healthz", "/readyz", "/metrics"):
            who = request.headers.get("authorization") or (
                request.client.host if request.client is not None else "?")
            wait = limiter.take(who)
            if wait > 0:
                return JSONResponse({"detail": "rate limit exceeded"}, status_code=429,
                                    headers={"Retry-After": limiter.retry_after(wait)})
        start = time.perf_counter()
        response = await call_next(request)
        route = request.scope.get("route")
        app.state.metrics.latency.labels(
            request.method, getattr(route, "path", "unmatched"), str(response.status_code),
        ).observe(time.perf_counter() - start)
        return response

    @app.exception_handler(NotFound)
    async def unknown(_: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(Refused)
    async def refused(_: Request, exc: Refused) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=409)

    @app.exception_handler(ClearanceError)
    async def clearance_error(_: Request, exc: ClearanceError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(Exception)
    async def internal(_: Request, exc: Exception) -> JSONResponse:  # no stack traces out
        return JSONResponse({"detail": f"internal error ({type(exc).__name__})"},
                            status_code=500)

    return app
