"""Who is asking: the session cookie, roles, and the CSRF check on every state change.

The cookie holds a random secret (HttpOnly, SameSite=Strict, Secure over TLS, path /ui);
the session itself is a database row (`store.users`), so any API instance sharing the
database knows it. Every POST carries the session's CSRF token, as a form field `csrf`
or (htmx) an `X-CSRF-Token` header; a request without it is refused before it acts.
The sign-in form, which has no session yet, uses a double-submit cookie instead.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable

from fastapi import Request
from fastapi.responses import Response

from clearance.store.users import Session, get_session, has_role
from clearance.web.errors import CsrfFailed, Forbidden, SignInNeeded

__all__ = ["COOKIE", "LOGIN_CSRF", "acting", "check_login_csrf", "clear_cookie", "set_cookie",
           "viewing", "optional_session"]

COOKIE = "clearance_session"
LOGIN_CSRF = "clearance_login_csrf"


def optional_session(request: Request) -> Session | None:
    """The live session of this request's cookie, if any (looked up once per request)."""
    if hasattr(request.state, "ui_session"):
        found: Session | None = request.state.ui_session
        return found
    token = request.cookies.get(COOKIE)
    session = None if token is None or len(token) > 100 else get_session(token)
    request.state.ui_session = session
    return session


def _signed_in(request: Request, role: str) -> Session:
    session = optional_session(request)
    if session is None:
        raise SignInNeeded()
    if not has_role(session.user, role):
        raise Forbidden(f"this needs the {role} role; you are {session.user.role}")
    return session


def viewing(role: str = "analyst") -> Callable[[Request], Session]:
    """Dependency for pages: a signed-in user with at least `role`."""

    def check(request: Request) -> Session:
        return _signed_in(request, role)

    return check


def acting(role: str = "analyst") -> Callable[[Request], Awaitable[Session]]:
    """Dependency for actions (POST): signed in, the role, and this session's CSRF token."""

    async def check(request: Request) -> Session:
        session = _signed_in(request, role)
        sent = request.headers.get("x-csrf-token")
        if sent is None:
            form = await request.form()
            value = form.get("csrf")
            sent = value if isinstance(value, str) else None
        if sent is None or not secrets.compare_digest(sent, session.csrf):
            raise CsrfFailed()
        return session

    return check


async def check_login_csrf(request: Request) -> None:
    """The sign-in form's double-submit check: the form's token equals its cookie's."""
    form = await request.form()
    sent, cookie = form.get("csrf"), request.cookies.get(LOGIN_CSRF)
    if not isinstance(sent, str) or cookie is None or not secrets.compare_digest(sent, cookie):
        raise CsrfFailed()


def set_cookie(request: Request, response: Response, name: str, value: str,
               max_age: int | None = None) -> None:
    """A UI cookie: HttpOnly, SameSite=Strict, path /ui, Secure when served over TLS."""
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="strict",
                        path="/ui", secure=request.url.scheme == "https")


def clear_cookie(response: Response, name: str) -> None:
    response.delete_cookie(name, path="/ui")
