"""Tell people: signed webhooks with retries and a delivery log, and a daily digest file.

A webhook receives one POST per cycle that changed something. The body is JSON; the
header `X-Clearance-Signature: sha256=<hex>` is the HMAC-SHA256 of the exact body bytes
under the webhook's secret, so the receiver can check it came from us unaltered.
Failures (network errors, 5xx, 429) are retried with exponential back-off; every delivery
is logged with its attempts, last status and error.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, insert, select, update

from clearance import settings
from clearance.exc import InputError, NotFound
from clearance.monitor.alerts import Alert, Outcome
from clearance.store import audit
from clearance.store.db import alert_events, alerts, engine, utc_now, webhook_deliveries, webhooks

__all__ = [
    "Delivery",
    "Webhook",
    "add_webhook",
    "deliver",
    "list_deliveries",
    "list_webhooks",
    "remove_webhook",
    "sign",
    "write_digest",
]

RETRIES = 4
BACKOFF = 0.5  # seconds before the first retry; doubled each time


@dataclass
class Webhook:
    id: int
    url: str
    created_at: str
    active: bool


@dataclass
class Delivery:
    id: int
    webhook_id: int
    event: str
    attempts: int
    status_code: int | None
    error: str | None
    delivered: bool
    at: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def sign(secret: str, body: bytes) -> str:
    """The signature header value for a body."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()



def add_webhook(url: str, secret: str, actor: str) -> Webhook:
    if not url.startswith(("http://", "https://")):
        raise InputError(f"webhook URL {url!r} must start with http:// or https://")
    if len(secret) < 16:
        raise InputError("a webhook secret needs at least 16 characters")
    now = utc_now()
    with engine().begin() as conn:
        new = conn.execute(insert(webhooks).values(url=url, secret=secret, created_at=now,
                                                   active=True)).inserted_primary_key
        assert new is not None
        audit.append(conn, actor, "webhook.add", {"webhook_id": int(new[0]), "url": url})
    return Webhook(int(new[0]), url, now, True)


def remove_webhook(webhook_id: int, actor: str) -> None:
    with engine().begin() as conn:
        done = conn.execute(update(webhooks).where(webhooks.c.id == webhook_id)
                            .values(active=False))
        if done.rowcount == 0:
            raise NotFound(f"no webhook {webhook_id}")
        audit.append(conn, actor, "webhook.remove", {"webhook_id": webhook_id})


def list_webhooks() -> list[Webhook]:
    with engine().connect() as conn:
        return [Webhook(r.id, r.url, r.created_at, bool(r.active))
                for r in conn.execute(select(webhooks).order_by(webhooks.c.id))]


def list_deliveries(limit: int = 100) -> list[Delivery]:
    with engine().connect() as conn:
        rows = conn.execute(select(webhook_deliveries).order_by(webhook_deliveries.c.id.desc())
                            .limit(limit))
        return [Delivery(r.id, r.webhook_id, r.event, r.attempts, r.status_code, r.error,
                         bool(r.delivered), r.at) for r in rows]


def _payload(outcome: Outcome, cycle: dict[str, Any]) -> dict[str, Any]:
    def items(kind: str, found: list[Alert]) -> list[dict[str, Any]]:
        return [{"change": kind, **a.to_dict()} for a in found]

    return {"event": "alerts.changed", "cycle": cycle,
            "alerts": items("opened", outcome.opened) + items("reopened", outcome.reopened)
            + items("delisted", outcome.delisted)}


def _post(client: httpx.Client, url: str, body: bytes, headers: dict[str, str],
          backoff: float) -> tuple[int, int | None, str | None]:
    status: int | None = None
    error: str | None = None
    for attempt in range(1, RETRIES + 2):
        try:
            response = client.post(url, content=body, headers=headers)
            status, error = response.status_code, None
            if response.status_code < 500 and response.status_code != 429:
                return attempt, status, None if response.is_success else f"HTTP {status}"
            error = f"HTTP {status}"
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"
        if attempt <= RETRIES:
            time.sleep(backoff * 2 ** (attempt - 1))
    return RETRIES + 1, status, error


def deliver(outcome: Outcome, cycle: dict[str, Any], backoff: float = BACKOFF) -> list[Delivery]:
    """POST the cycle's alert changes to every active webhook; nothing to say, no call."""
    if not (outcome.opened or outcome.reopened or outcome.delisted):
        return []
    body = json.dumps(_payload(outcome, cycle), ensure_ascii=False, sort_keys=True).encode()
    with engine().connect() as conn:
        hooks = conn.execute(select(webhooks).where(webhooks.c.active.is_(True))).all()
    out = []
    with httpx.Client(timeout=settings.download_timeout()) as client:
        for hook in hooks:
            headers = {"Content-Type": "application/json", "X-Clearance-Event": "alerts.changed",
                       "X-Clearance-Signature": sign(hook.secret, body)}
            attempts, status, error = _post(client, hook.url, body, headers, backoff)
            now = utc_now()
            with engine().begin() as conn:
                new = conn.execute(insert(webhook_deliveries).values(
                    webhook_id=hook.id, event="alerts.changed", body=body.decode("utf-8"),
                    attempts=attempts, status_code=status, error=error,
                    delivered=error is None, at=now)).inserted_primary_key
            assert new is not None
            out.append(Delivery(int(new[0]), hook.id, "alerts.changed", attempts, status,
                                error, error is None, now))
    return out


def _day_events(day: date) -> list[Any]:
    start, end = day.isoformat(), date.fromordinal(day.toordinal() + 1).isoformat()
    with engine().connect() as conn:
        return list(conn.execute(
            select(alert_events.c.at, alert_events.c.actor, alert_events.c.status,
                   alert_events.c.reason, alerts.c.id, alerts.c.book_id, alerts.c.entity_id,
                   alerts.c.list_name, alerts.c.score, alerts.c.dataset)
            .join(alerts, alerts.c.id == alert_events.c.alert_id)
            .where(alert_events.c.at >= start, alert_events.c.at < end)
            .order_by(alert_events.c.id)))


def _status_counts() -> dict[str, int]:
    with engine().connect() as conn:
        rows = conn.execute(select(alerts.c.status, func.count()).group_by(alerts.c.status))
        return {r[0]: int(r[1]) for r in rows}


def write_digest(day: date | None = None, folder: Path | None = None) -> tuple[Path, Path]:
    """The day's alert activity as Markdown and HTML (`CLEARANCE_HOME/digests` by default)."""
    day = day or datetime.now(UTC).date()
    folder = folder or settings.home() / "digests"
    folder.mkdir(parents=True, exist_ok=True)
    events = _day_events(day)
    counts = _status_counts()
    header = ["time", "alert", "book entry", "list entry", "score", "status", "by", "reason"]
    rows = [[e.at[11:19], str(e.id), e.book_id, f"{e.list_name} ({e.entity_id})",
             f"{float(e.score):.3f}", e.status, e.actor, e.reason] for e in events]
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "no alerts"
    md = [f"# Clearance alert digest {day.isoformat()}", "",
          f"{len(events)} alert events today. All alerts by status: {summary}.", ""]
    if rows:
        md += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        md += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
    md_path = folder / f"{day.isoformat()}.md"
    md_path.write_text("\n".join(md) + "\n", encoding="utf-8")
    cells = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>"
                    for r in rows)
    page = (f"<!doctype html><meta charset=utf-8><title>Clearance digest {day}</title>"
            f"<h1>Clearance alert digest {day}</h1><p>{len(events)} alert events today. "
            f"All alerts by status: {html.escape(summary)}.</p>"
            "<table border=1 cellpadding=4><tr>"
            + "".join(f"<th>{h}</th>" for h in header) + f"</tr>{cells}</table>")
    html_path = folder / f"{day.isoformat()}.html"
    html_path.write_text(page, encoding="utf-8")
    return md_path, html_path
