"""Sign in, sign out, and the labelled demo sign-in of open mode (127.0.0.1 only)."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from clearance.exc import LoginRefused
from clearance.store.users import ROLES, end_session, ensure_demo_user, start_session
from clearance.web.app import UIRoute
from clearance.web.auth import (
    COOKIE,
    LOGIN_CSRF,
    acting,
    check_login_csrf,
    clear_cookie,
    optional_session,
    set_cookie,
)
from clearance.web.errors import Forbidden
from clearance.web.templating import redirect, render

__all__ = ["router"]

router = APIRouter(prefix="/ui", include_in_schema=False, route_class=UIRoute)
LOCAL = ("127.0.0.1", "::1")


def _safe_next(target: str | None) -> str:
    """Only paths inside the UI: never an open redirect to another site."""
    if target is None or not (target == "/ui" or target.startswith("/ui/")):
        return "/ui/"
    return target


def _demo_allowed(request: Request) -> bool:
    host = request.client.host if request.client is not None else ""
    return bool(getattr(request.app.state, "open_access", False)) and host in LOCAL


def _login_page(request: Request, error: str | None = None, status_code: int = 200,
                next_url: str = "/ui/") -> Response:
    token = secrets.token_urlsafe(24)
    response = render(request, "login.html", None, status_code=status_code, login_csrf=token,
                      error=error, next_url=_safe_next(next_url), roles=ROLES,
                      demo_login=_demo_allowed(request))
    set_cookie(request, response, LOGIN_CSRF, token, max_age=3600)
    return response


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:  # noqa: A002
    if optional_session(request) is not None:
        return redirect(_safe_next(next))
    return _login_page(request, next_url=next or "/ui/")


def _signed_in(request: Request, token: str, target: str) -> Response:
    response = redirect(_safe_next(target))
    set_cookie(request, response, COOKIE, token)
    clear_cookie(response, LOGIN_CSRF)
    return response


@router.post("/login", dependencies=[Depends(check_login_csrf)])
def login(request: Request, username: Annotated[str, Form(max_length=64)],
          password: Annotated[str, Form(max_length=1024)],
          next: Annotated[str, Form(max_length=2000)] = "/ui/") -> Response:  # noqa: A002
    from clearance.store.users import authenticate

    try:
        user = authenticate(username.strip(), password)
    except LoginRefused as exc:
        response = _login_page(request, str(exc), 429 if exc.retry_after else 401, next)
        if exc.retry_after:
            response.headers["Retry-After"] = str(exc.retry_after)
        return response
    token, _ = start_session(user)
    return _signed_in(request, token, next)


@router.post("/login/demo", dependencies=[Depends(check_login_csrf)])
def demo_login(request: Request, role: Annotated[str, Form()]) -> Response:
    """Open mode only, from this machine: sign in as a passwordless demo-<role> user."""
    if not _demo_allowed(request) or role not in ROLES:
        raise Forbidden("demo sign-in exists only in open mode on 127.0.0.1")
    token, _ = start_session(ensure_demo_user(role))
    return _signed_in(request, token, "/ui/")


@router.post("/logout", dependencies=[Depends(acting())])
def logout(request: Request) -> Response:
    token = request.cookies.get(COOKIE)
    if token is not None:
        end_session(token)
    response = redirect("/ui/login", "Signed out.")
    clear_cookie(response, COOKIE)
    return response
