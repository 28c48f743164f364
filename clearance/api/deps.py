"""Dependencies shared by the routers: API-key scopes and the current index."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import HTTPException, Request

from clearance.index.build import Index
from clearance.index.store import LiveIndex
from clearance.store.keys import allows, check_key

__all__ = ["require", "current_index"]


def _secret(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header is None:
        return None
    kind, _, value = header.partition(" ")
    if kind.lower() in ("bearer", "apikey") and value.strip() != "":
        return value.strip()
    return None


def require(scope: str) -> Callable[[Request], str]:
    """A dependency that admits keys of `scope` or above (or anyone when the app is open).

    It returns the actor recorded in the audit log: the key's name, or "open".
    """

    def check(request: Request) -> str:
        if getattr(request.app.state, "open_access", False):
            return "api:open"
        secret = _secret(request)
        key = None if secret is None else check_key(secret)
        if key is None:
            raise HTTPException(401, "missing or invalid API key (Authorization: Bearer ...)",
                                headers={"WWW-Authenticate": "Bearer"})
        if not allows(key.scope, scope):
            raise HTTPException(403, f"this key has scope {key.scope!r}; {scope!r} is needed")
        return f"key:{key.name}"

    return check


def current_index(request: Request) -> Index:
    """The index of the active list versions; a list change swaps it atomically."""
    live: LiveIndex = request.app.state.index
    return live.get()
