"""Dependencies shared by the routers: API-key scopes, rate limits and the current index."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import HTTPException, Request
from starlette.concurrency import run_in_threadpool

from clearance.api.limits import RateLimiter
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


def _limited(limiter: RateLimiter, wait: float, what: str) -> HTTPException:
    return HTTPException(429, f"rate limit exceeded ({what}); retry after the time in Retry-After",
                         headers={"Retry-After": limiter.retry_after(wait)})


def require(scope: str) -> Callable[[Request], Awaitable[str]]:
    """A dependency that admits keys of `scope` or above (or anyone when the app is open).

    Rate limits apply after authentication: per key id for a valid key (others' failures
    from the same address never block it); per client address for requests that fail it
    (401, and 429 once the address has spent its burst of failures) and for everyone in
    open mode.
    It returns the actor recorded in the audit log: the key's name, or "open".
    Async: only the key lookup (a database read) goes to a thread; every other step is
    microseconds, cheaper on the event loop than a thread hop per request.
    """

    async def check(request: Request) -> str:
        keys: RateLimiter = request.app.state.key_limiter
        failures: RateLimiter = request.app.state.failure_limiter
        address = "addr:" + (request.client.host if request.client is not None else "?")
        if getattr(request.app.state, "open_access", False):
            wait = keys.take(address)
            if wait > 0:
                raise _limited(keys, wait, "per client address")
            return "api:open"
        secret = _secret(request)
        key = None if secret is None else await run_in_threadpool(check_key, secret)
        if key is None:
            wait = failures.take(address)
            if wait > 0:
                raise _limited(failures, wait, "too many requests with a missing or invalid key")
            raise HTTPException(401, "missing or invalid API key (Authorization: Bearer ...)",
                                headers={"WWW-Authenticate": "Bearer"})
        wait = keys.take(f"key:{key.id}")
        if wait > 0:
            raise _limited(keys, wait, "per API key")
        if not allows(key.scope, scope):
            raise HTTPException(403, f"this key has scope {key.scope!r}; {scope!r} is needed")
        return f"key:{key.name}"

    return check


async def current_index(request: Request) -> Index:
    """The index of the active list versions; a list change swaps it atomically. Checked
    against the store (in a thread: a database read) at most once a second; otherwise
    returned at once from the event loop."""
    live: LiveIndex = request.app.state.index
    index = live.current()
    return index if index is not None else await run_in_threadpool(live.get)
