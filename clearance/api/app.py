"""The FastAPI application: routers, error mapping, request size limit."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from clearance.api.routers import entities, health, lists, match
from clearance.exc import ClearanceError, UnknownVersion

__all__ = ["create_app", "MAX_BODY"]

MAX_BODY = 1 << 20  # 1 MiB: 100 queries with generous property lists


def create_app(open_access: bool = False) -> FastAPI:
    """The API; `open_access` skips API keys (local demos on 127.0.0.1 only)."""
    app = FastAPI(title="Clearance", version="0.1.0",
                  description="Sanctions and export-control screening with explainable "
                              "matching. /match is compatible with yente's match API.")
    app.state.open_access = open_access
    for module in (health, match, entities, lists):
        app.include_router(module.router)

    @app.middleware("http")
    async def limit_body(request: Request,
                         call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        size = request.headers.get("content-length")
        if size is not None and size.isdigit() and int(size) > MAX_BODY:
            return JSONResponse({"detail": f"request body over {MAX_BODY} bytes"},
                                status_code=413)
        return await call_next(request)

    @app.exception_handler(UnknownVersion)
    async def unknown(_: Request, exc: UnknownVersion) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(ClearanceError)
    async def clearance_error(_: Request, exc: ClearanceError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(Exception)
    async def internal(_: Request, exc: Exception) -> JSONResponse:  # no stack traces out
        return JSONResponse({"detail": f"internal error ({type(exc).__name__})"},
                            status_code=500)

    return app
