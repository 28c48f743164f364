"""Mount the UI on the API's FastAPI app: routers, static files, error pages."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from importlib import resources
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from clearance.exc import ClearanceError, NotFound, Refused
from clearance.web.auth import optional_session
from clearance.web.errors import CsrfFailed, Forbidden, SignInNeeded
from clearance.web.templating import render

__all__ = ["UIRoute", "mount_ui"]


def _problem(request: Request, status: int, title: str, message: str) -> Response:
    if request.headers.get("hx-request") == "true":
        response = render(request, "_flash.html", optional_session(request), status_code=200,
                          error=message)
        response.headers["HX-Retarget"] = "#flash"
        response.headers["HX-Reswap"] = "innerHTML"
        return response
    return render(request, "error.html", optional_session(request), status_code=status,
                  title=title, message=message)


class UIRoute(APIRoute):
    """A route whose refusals become pages: sign-in redirect, 403/404/409 with the reason."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                return await handler(request)
            except SignInNeeded:
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                if request.headers.get("hx-request") == "true":
                    return Response(status_code=204, headers={"HX-Redirect": "/ui/login"})
                return RedirectResponse(f"/ui/login?next={target}", status_code=303)
            except Forbidden as exc:
                return _problem(request, 403, "Not allowed", str(exc))
            except CsrfFailed:
                return _problem(request, 403, "Form expired",
                                "The form was not sent with this session's security token "
                                "(CSRF). Reload the page and try again.")
            except NotFound as exc:
                return _problem(request, 404, "Not found", str(exc))
            except Refused as exc:
                return _problem(request, 409, "Not possible now", str(exc))
            except ClearanceError as exc:
                return _problem(request, 400, "Please check the input", str(exc))

        return guarded


def mount_ui(app: FastAPI) -> None:
    """Add /ui (pages), /ui/static (CSS, JS, htmx) and a redirect from / to the UI."""
    from clearance.web.routes import ROUTERS

    static = resources.files("clearance.web").joinpath("static")
    app.mount("/ui/static", StaticFiles(directory=str(static)), name="ui-static")
    for router in ROUTERS:
        app.include_router(router)

    root = APIRouter(include_in_schema=False)

    @root.get("/")
    def home() -> RedirectResponse:
        return RedirectResponse("/ui/", status_code=307)

    app.include_router(root)
