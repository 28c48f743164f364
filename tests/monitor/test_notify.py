"""Webhooks: signed bodies, retries with back-off, a delivery log; the daily digest."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from clearance.exc import InputError
from clearance.monitor import notify
from clearance.monitor.book import import_book
from clearance.monitor.cycle import run_cycle

SECRET = "s3cret-s3cret-s3cret"


class Receiver:
    """A loopback HTTP server that fails the first `failures` posts, then accepts."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.bodies: list[tuple[bytes, dict[str, str]]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.bodies.append((body, dict(self.headers)))
                fail = len(receiver.bodies) <= receiver.failures
                self.send_response(503 if fail else 204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver(failures=2)
    yield r
    r.server.shutdown()


def test_alert_changes_are_posted_signed_and_retried_until_delivered(
        sdn_home: Path, tmp_path: Path, receiver: Receiver) -> None:
    hook = notify.add_webhook(receiver.url, SECRET, "admin")
    book = tmp_path / "book.jsonl"
    book.write_text(json.dumps({"id": "w1", "name": "CANO CORREA, Jhon Eidelber",
                                "schema": "Person"}), encoding="utf-8")
    import_book(book)
    report = run_cycle()
    (delivery,) = notify.deliver(report.outcome, report.to_dict(), backoff=0.01)
    assert delivery.delivered and delivery.attempts == 3 and delivery.status_code == 204
    body, headers = receiver.bodies[-1]
    expected = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert headers["X-Clearance-Signature"] == f"sha256={expected}"
    payload = json.loads(body)
    assert [(a["change"], a["book_id"]) for a in payload["alerts"]] == [("opened", "w1")]
    assert notify.list_deliveries()[0].webhook_id == hook.id

    # a receiver that never answers: retried, then logged as failed
    notify.remove_webhook(hook.id, "admin")
    notify.add_webhook("http://127.0.0.1:9/unreachable", SECRET, "admin")
    (failed,) = notify.deliver(report.outcome, report.to_dict(), backoff=0.01)
    assert not failed.delivered and failed.attempts == notify.RETRIES + 1 and failed.error

    # nothing changed: nobody is called
    assert notify.deliver(run_cycle().outcome, {}, backoff=0.01) == []

    md, page = notify.write_digest(folder=tmp_path / "digests")
    text = md.read_text(encoding="utf-8")
    assert "w1" in text and "CANO CORREA" in text and "open: 1" in text
    assert "<table" in page.read_text(encoding="utf-8")


def test_webhooks_need_an_http_url_and_a_real_secret(sdn_home: Path) -> None:
    with pytest.raises(InputError):
        notify.add_webhook("ftp://example.org", SECRET, "admin")
    with pytest.raises(InputError):
        notify.add_webhook("https://example.org/hook", "short", "admin")
