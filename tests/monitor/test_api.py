"""The book, alerts and what-if over HTTP, with API-key scopes (read views, screen decides)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from clearance.monitor.cycle import run_cycle
from clearance.store import audit
from clearance.store.keys import create_key
from tests.api.conftest import Server


@pytest.fixture(scope="module")
def server(sdn_home: Path) -> Iterator[Server]:
    s = Server(open_access=False)
    yield s
    s.stop()


def _client(server: Server, scope: str) -> httpx.Client:
    _, secret = create_key(f"{scope}-user", scope)
    return httpx.Client(base_url=server.url, timeout=60,
                        headers={"Authorization": f"Bearer {secret}"})


def test_book_alerts_decisions_and_whatif_over_http(server: Server) -> None:
    reader, screener = _client(server, "read"), _client(server, "screen")
    entries = [{"id": "b1", "name": "Jhon Eidelber CANO CORREA", "schema": "Person",
                "country": "co", "crm_owner": "ana"},
               {"id": "b2", "name": ""},
               {"id": "b3", "name": "Hikvision USA Inc.", "schema": "Company"},
               {"id": "b3", "name": "Hikvision USA", "schema": "Company"}]
    assert reader.post("/book", json=entries).status_code == 403
    added = screener.post("/book", json=entries)
    assert added.status_code == 200, added.text
    assert added.json()["added"] == 2 and "item 2" in added.json()["skipped"][0]
    assert "repeats item 3" in added.json()["skipped"][1]
    page = reader.get("/book", params={"limit": 10}).json()
    assert [e["id"] for e in page] == ["b1", "b3"]
    assert page[0]["attributes"] == {"crm_owner": "ana"}

    run_cycle()
    alerts = reader.get("/alerts", params={"status": "open"}).json()
    (alert,) = [a for a in alerts if a["book_id"] == "b1"]
    assert {"book_id", "dataset", "source_id", "entity_id", "score", "status",
            "opened_at"} <= set(alert)
    assert reader.get("/alerts", params={"status": "bogus"}).status_code == 422

    body = {"status": "true_match", "reason": "same person, passport checked"}
    assert reader.post(f"/alerts/{alert['id']}/decision", json=body).status_code == 403
    # four-eyes is on by default: the decision is proposed, the case stays open
    proposed = screener.post(f"/alerts/{alert['id']}/decision", json=body)
    assert proposed.status_code == 202 and proposed.json()["status"] == "open"
    assert proposed.json()["proposal"]["proposed_by"] == "key:screen-user"
    again = screener.post(f"/alerts/{alert['id']}/decision", json=body)
    assert again.status_code == 409 and "awaiting approval" in again.json()["detail"]
    approve = {"approve": True, "reason": "passport copy on file"}
    assert screener.post(f"/alerts/{alert['id']}/review", json=approve).status_code == 403
    admin = _client(server, "admin")
    decided = admin.post(f"/alerts/{alert['id']}/review", json=approve)
    assert decided.status_code == 200 and decided.json()["status"] == "true_match"
    case = reader.get(f"/alerts/{alert['id']}").json()
    assert case["events"][-1]["actor"] == "key:admin-user"
    assert "proposed by key:screen-user" in case["events"][-1]["reason"]
    redo = screener.post(f"/alerts/{alert['id']}/decision", json=body)
    assert redo.status_code == 409 and "reopen" in redo.json()["detail"]
    assert "name=" in case["explanation"]
    assert reader.get("/alerts/999999").status_code == 404
    assert reader.get("/book/b1").json()["alerts"][0]["status"] == "true_match"
    assert reader.get("/book/nope").status_code == 404
    last = list(audit.iter_records())[-1]
    assert last.action == "alert.decide" and last.actor == "key:admin-user"
    assert last.detail["proposed_by"] == "key:screen-user"

    scenario = screener.post("/whatif", json={
        "designate": "Hangzhou Hikvision Digital Technology Co., Ltd.", "as": "us_ofac_sdn",
        "with_subsidiaries": True})
    assert scenario.status_code == 200, scenario.text
    assert [h["book_id"] for h in scenario.json()["book_hits"]] == ["b3"]
    assert reader.post("/whatif", json={"designate": "x"}).status_code == 403
