"""POST /portfolio/screen and the background job for holdings files, over real HTTP."""

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import Server

CSV = ("Position ID,ISIN,Issuer Name,Market Value (USD)\n"
       "P1,CNE100000PM8,Hikvision,25000\n"
       "P2,US0378331005,Apple Inc,1000\n"
       ",CNE100000PM8,no id,1\n"
       "P4,,Hikvision USA Inc,5\n")


@pytest.fixture
def client(loaded_home: Path) -> Iterator[httpx.Client]:
    server = Server(open_access=True)
    with httpx.Client(base_url=server.url, timeout=60) as c:
        yield c
    server.stop()


def test_screen_json_holdings(client: httpx.Client) -> None:
    res = client.post("/portfolio/screen", json={
        "as_of": "2021-09-01",
        "holdings": [{"id": "P1", "ISIN Code": "CNE100000PM8", "Market Value": "25,000"},
                     {"id": "P2", "issuer": "Apple Inc"},
                     {"issuer": "no id"},
                     {"id": "P4", "isin": "XX1234567890"}]})
    assert res.status_code == 200
    body = res.json()
    assert body["statuses"] == {"covered": 1, "review": 1, "clear": 1}
    first = body["results"][0]
    assert (first["id"], first["status"], first["entity_id"]) == (
        "P1", "covered", "us_ofac_cons-30946")
    assert "Sales to divest allowed until 2022-06-03 (275 days left)" in first["actions"]
    assert first["holding"]["market_value"] == 25000.0
    assert body["problems"] == [{"position": 2, "problem": "missing field 'id'"}]
    assert "not legal advice" in body["disclaimer"]


def test_thresholds_are_checked(client: httpx.Client) -> None:
    res = client.post("/portfolio/screen", json={"holdings": [{"id": "1", "issuer": "X"}],
                                                 "threshold": 0.7, "review_threshold": 0.9})
    assert res.status_code == 400 and "review_threshold 0.9 is above" in res.json()["detail"]
    assert client.post("/portfolio/screen", json={"holdings": "nope"}).status_code == 422


def test_holdings_file_is_screened_in_the_background(client: httpx.Client) -> None:
    res = client.post("/portfolio/jobs", params={"as_of": "2026-11-28"},
                      files={"file": ("holdings.csv", CSV.encode())})
    assert res.status_code == 202 and res.json()["kind"] == "portfolio"
    job_id = res.json()["id"]
    deadline = time.time() + 60
    while (job := client.get(f"/portfolio/jobs/{job_id}").json())["status"] not in (
            "done", "failed"):
        assert time.time() < deadline
        time.sleep(0.1)
    assert (job["status"], job["rows_done"], job["rows_alerted"], job["rows_failed"]) == (
        "done", 3, 2, 1)
    lines = client.get(f"/portfolio/jobs/{job_id}/results").text.splitlines()
    assert '"status":"covered"' in lines[0] and '"status":"clear"' in lines[1]
    assert '"line": 4' in lines[2] and "missing field 'id'" in lines[2]
    assert '"status":"review"' in lines[3]
