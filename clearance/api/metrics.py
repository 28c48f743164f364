"""Prometheus metrics: request latency, match and alert counts, list ages."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from clearance.api.guards import ASGIApp, Message, Receive, Scope, Send
from clearance.store import status

__all__ = ["Metrics", "Timing"]



class Metrics:
    """One registry per app, so several apps (tests) never share counters."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.latency = Histogram(
            "clearance_request_seconds", "HTTP request latency", ["method", "route", "status"],
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10),
            registry=self.registry)
        self.queries = Counter("clearance_match_queries_total", "Queries matched",
                               registry=self.registry)
        self.alerts = Counter("clearance_match_alerts_total", "Results at or above threshold",
                              registry=self.registry)
        self.list_age = Gauge("clearance_list_age_seconds",
                              "Seconds since the active version of a list was loaded",
                              ["dataset"], registry=self.registry)

    def render(self) -> bytes:
        now = datetime.now(UTC)
        for v in status():
            loaded = datetime.fromisoformat(v.loaded_at)
            self.list_age.labels(v.dataset).set((now - loaded).total_seconds())
        return bytes(generate_latest(self.registry))


class Timing:
    """Pure ASGI middleware observing each request's latency by method, route and status.

    Starlette's `@app.middleware("http")` wraps every request in extra tasks and streams;
    this one only notes the status as it is sent and the route the router chose."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500  # unless a response starts: an exception the app did not answer

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = scope.get("route")
            self.metrics.latency.labels(scope["method"], getattr(route, "path", "unmatched"),
                                        str(status)).observe(time.perf_counter() - start)
