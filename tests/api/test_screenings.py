"""Background screening jobs over HTTP: progress, streamed results, restarts, bad rows."""

import io
import json
import time
from pathlib import Path

import httpx
from sqlalchemy import insert

from clearance.screening.jobs import get_job, submit
from clearance.store.db import engine, screening_rows
from tests.api.conftest import Server

BOOK = ('{"id": "a", "name": "Hikvision", "schema": "Company"}\n'
        '{"id": "b"}\n'
        '{"id": "c", "name": "Emma Daniels", "schema": "Person"}\n'
        '{"id": "d", "name": "Сергей Лавров", "schema": "Person"}\n')


def _wait(client: httpx.Client, job_id: str) -> dict[str, object]:
    deadline = time.time() + 60
    while time.time() < deadline:
        job = client.get(f"/screenings/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return dict(job)
        time.sleep(0.1)
    raise AssertionError("job did not finish")


def test_upload_runs_in_background_and_streams_results(api: httpx.Client) -> None:
    res = api.post("/screenings", files={"file": ("book.jsonl", BOOK.encode())})
    assert res.status_code == 202
    job = _wait(api, res.json()["id"])
    assert (job["status"], job["rows_done"], job["rows_alerted"], job["rows_failed"]) == \
        ("done", 3, 2, 1)
    lines = [json.loads(x) for x in api.get(f"/screenings/{job['id']}/results").text.splitlines()]
    assert [x.get("id") for x in lines] == ["a", None, "c", "d"]
    assert lines[1]["line"] == 2 and "missing field 'name'" in lines[1]["problem"]
    assert lines[0]["matches"][0]["match"] is True


def test_unsupported_upload_is_refused(api: httpx.Client) -> None:
    res = api.post("/screenings", files={"file": ("book.pdf", b"%PDF")})
    assert res.status_code == 400 and "unsupported file type" in res.json()["detail"]
    assert api.get("/screenings/nope").status_code == 404


def test_job_left_by_a_stopped_process_resumes_without_rescreening(loaded_home: Path) -> None:
    job = submit("book.jsonl", io.BytesIO(BOOK.encode()), 0.8, 3)
    marker = json.dumps({"id": "a", "matches": [], "note": "committed before the restart"})
    with engine().begin() as conn:  # the first row was committed before the process died
        conn.execute(insert(screening_rows).values(job_id=job.id, seq=1, line=1,
                                                   result=marker, problem=None))
    assert get_job(job.id).status == "queued"
    server = Server(open_access=True)  # a new process: its runner picks the job up
    try:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            done = _wait(client, job.id)
            lines = client.get(f"/screenings/{job.id}/results").text.splitlines()
    finally:
        server.stop()
    assert done["status"] == "done"
    assert len(lines) == 4 and json.loads(lines[0])["note"] == "committed before the restart"


def test_screen_scope_is_needed_to_upload(secured: httpx.Client) -> None:
    from clearance.store.keys import create_key

    _, reader = create_key("viewer", "read")
    res = secured.post("/screenings", files={"file": ("book.jsonl", BOOK.encode())},
                       headers={"Authorization": f"Bearer {reader}"})
    assert res.status_code == 403
    _, screener = create_key("ops", "screen")
    res = secured.post("/screenings", files={"file": ("book.jsonl", BOOK.encode())},
                       headers={"Authorization": f"Bearer {screener}"})
    assert res.status_code == 202
