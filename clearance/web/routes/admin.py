"""Administration (admin role): users and API keys. A new key's secret is shown once, on
the page that created it, and never stored or sent again."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from clearance.exc import InputError, Refused
from clearance.store.keys import SCOPES, create_key, list_keys, revoke_key
from clearance.store.users import ROLES, Session, create_user, disable_user, list_users
from clearance.web.app import UIRoute
from clearance.web.auth import acting, viewing
from clearance.web.templating import redirect, render

__all__ = ["router"]

router = APIRouter(prefix="/ui/admin", include_in_schema=False, route_class=UIRoute)


def _page(request: Request, session: Session, secret: str | None = None,
          key_name: str | None = None) -> Response:
    return render(request, "admin.html", session, users=list_users(), keys=list_keys(),
                  roles=ROLES, scopes=SCOPES, secret=secret, key_name=key_name)


@router.get("")
def admin(request: Request, session: Annotated[Session, Depends(viewing("admin"))]) -> Response:
    return _page(request, session)


@router.post("/users")
def add_user(session: Annotated[Session, Depends(acting("admin"))],
             name: Annotated[str, Form(max_length=64)], role: Annotated[str, Form(max_length=16)],
             password: Annotated[str, Form(max_length=1024)],
             confirm: Annotated[str, Form(max_length=1024)]) -> Response:
    if password != confirm:
        raise InputError("the two passwords differ")
    user = create_user(name.strip(), role, password, actor=session.user.actor)
    return redirect("/ui/admin", f"User {user.name} ({user.role}) created.")


@router.post("/users/disable")
def disable(session: Annotated[Session, Depends(acting("admin"))],
            name: Annotated[str, Form(max_length=64)]) -> Response:
    if name == session.user.name:
        raise Refused("you cannot disable yourself; another admin can")
    disable_user(name, actor=session.user.actor)
    return redirect("/ui/admin", f"User {name} disabled; their sessions ended.")


@router.post("/keys")
def add_key(request: Request, session: Annotated[Session, Depends(acting("admin"))],
            name: Annotated[str, Form(min_length=1, max_length=200)],
            scope: Annotated[str, Form(max_length=16)]) -> Response:
    key, secret = create_key(name.strip(), scope, actor=session.user.actor)
    response = _page(request, session, secret=secret, key_name=key.name)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/keys/revoke")
def revoke(session: Annotated[Session, Depends(acting("admin"))],
           key_id: Annotated[int, Form(ge=1)]) -> Response:
    revoke_key(key_id, actor=session.user.actor)
    return redirect("/ui/admin", f"Key {key_id} revoked.")
