"""Request guards that run before any handler: body size by bytes received, strict JSON.

A `Content-Length` header can be absent (chunked transfer) or wrong, so the limit is
enforced on the bytes actually read, per endpoint. JSON bodies are read whole (within
the limit) and checked with a strict parser before FastAPI sees them: NaN and Infinity,
lone surrogates (`"\\ud800"`), invalid UTF-8 and integers beyond 64 bits are not JSON
and answer 422 with the parser's reason, instead of failing deep inside a handler.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import orjson
from fastapi import HTTPException

__all__ = ["BodyGuard", "BodyTooLarge"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyTooLarge(HTTPException):
    """Raised while a handler reads a streamed body past its endpoint's limit (HTTP 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over {limit} bytes")


def _is_json(content_type: bytes) -> bool:
    kind = content_type.split(b";", 1)[0].strip().lower()
    return kind == b"" or kind == b"application/json" or kind.endswith(b"+json")


async def _reply(send: Send, status: int, detail: str) -> None:
    body = orjson.dumps({"detail": detail})
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class BodyGuard:
    """Pure ASGI middleware: `limits` maps (method, path) to a byte limit, `default` the rest."""

    def __init__(self, app: ASGIApp, default: int,
                 limits: dict[tuple[str, str], int] | None = None) -> None:
        self.app = app
        self.default = default
        self.limits = limits or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.get((scope["method"], scope["path"]), self.default)
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _reply(send, 413, f"request body over {limit} bytes")
            return
        if scope["method"] in ("POST", "PUT", "PATCH") and _is_json(headers.get(b"content-type", b"")):
            await self._json(scope, receive, send, limit)
        else:
            await self.app(scope, _counting(receive, limit), send)

    async def _json(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away before sending its body
            body += message.get("body", b"")
            if len(body) > limit:
                await _reply(send, 413, f"request body over {limit} bytes")
                return
            if not message.get("more_body", False):
                break
        if body.strip():
            try:
                orjson.loads(body)
            except orjson.JSONDecodeError as exc:
                await _reply(send, 422, f"request body is not valid JSON: {exc}")
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _counting(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(limit)
        return message

    return counted
