"""Rendering: one Jinja2 environment that escapes everything, plus the page frame's context.

Autoescaping is on for every template, so list names holding `<script>`, quotes or odd
Unicode render as text. Flash messages travel in a short-lived HttpOnly cookie (a
redirect after a POST cannot carry them otherwise, and no server memory holds them).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, unquote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, PackageLoader

from clearance.store.users import Session, has_role

__all__ = ["FLASH", "HEADERS", "env", "redirect", "render", "age", "query_string"]

FLASH = "clearance_flash"
#: Defence in depth beside escaping: scripts only from this server (htmx and app.js), no
#: inline script, no framing, forms post only here.
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; img-src 'self' data:; "
                               "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; "
                               "form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def age(stamp: str | None) -> str:
    """'3 h', '12 d': how long ago an ISO timestamp was."""
    if stamp is None or stamp == "":
        return "-"
    try:
        then = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if then.tzinfo is None:
        then = then.replace(tzinfo=UTC)
    seconds = (datetime.now(UTC) - then).total_seconds()
    if seconds < 3600:
        return f"{max(0, int(seconds // 60))} min"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h"
    return f"{int(seconds // 86400)} d"


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """The current filter parameters with some changed, as `?a=1&b=2` (empty ones dropped)."""
    merged = {**params, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})


def _money(value: float | int | None) -> str:
    return "-" if value is None else f"${value:,.0f}"


env = Environment(loader=PackageLoader("clearance.web", "templates"), autoescape=True,
                  trim_blocks=True, lstrip_blocks=True)
env.filters["age"] = age
env.filters["money"] = _money
env.filters["day"] = lambda s: (s or "")[:10]
env.filters["when"] = lambda s: (s or "").replace("T", " ")[:16]
env.globals["query_string"] = query_string


def render(request: Request, template: str, session: Session | None = None,
           status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page (or an htmx fragment) with the frame's context: user, CSRF token, flash."""
    flash = request.cookies.get(FLASH)
    body = env.get_template(template).render(
        request=request, session=session, user=None if session is None else session.user,
        csrf="" if session is None else session.csrf,
        is_reviewer=session is not None and has_role(session.user, "reviewer"),
        is_admin=session is not None and has_role(session.user, "admin"),
        demo=bool(getattr(request.app.state, "open_access", False)),
        flash=None if flash is None else unquote(flash), path=request.url.path, **context)
    response = HTMLResponse(body, status_code=status_code, headers=HEADERS)
    if flash is not None:
        response.delete_cookie(FLASH, path="/ui")
    return response


def redirect(url: str, flash: str | None = None) -> RedirectResponse:
    """303 to a page (POST, then GET), with a message for the next page shown."""
    response = RedirectResponse(url, status_code=303)
    if flash is not None:
        response.set_cookie(FLASH, quote(flash[:500]), max_age=60, httponly=True,
                            samesite="strict", path="/ui")
    return response
