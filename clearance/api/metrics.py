"""Prometheus metrics: request latency, match and alert counts, list ages."""

from __future__ import annotations

from datetime import UTC, datetime

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from clearance.store import status

__all__ = ["Metrics"]


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
