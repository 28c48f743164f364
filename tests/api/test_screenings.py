"""Background screening jobs over HTTP: progress, streamed results, restarts, bad rows."""

import io
import json
import time
from pathlib import Path

import httpx
from sqlalchemy import insert

from clearance.screening.jobs import get_job, iter_results, submit
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


def test_a_bad_byte_in_an_upload_skips_its_row_and_screens_the_rows_around_it(
        loaded_home: Path) -> None:
    from clearance.screening.jobs import run_job

    body = (b"Customer ID;Customer Name;Segment\n" + b"".join(
        f"c{i};Name {i};retail\n".encode() for i in range(1, 40))
        + b"c40;Caf\xe9 Ren\xe9;retail\nc41;Hikvision;vendor\n")
    job = run_job(submit("customers.csv", io.BytesIO(body), 0.8, 3).id)
    assert (job.status, job.rows_done, job.rows_failed, job.rows_alerted) == ("done", 40, 1, 1)
    lines = [json.loads(x) for x in iter_results(job.id)]
    assert lines[39] == {"line": 41, "problem": "customers.csv, line 41: byte 0xe9 is not valid "
                         "UTF-8; if the file is in another encoding, give it with --encoding "
                         "(e.g. cp1252)"}
    last = lines[40]
    assert (last["id"], last["name"], last["input"]) == ("c41", "Hikvision", {"Segment": "vendor"})
    assert len(last["matches"][0]["listings"]) == 3


def test_an_unreadable_upload_is_refused_at_once_in_one_line(api: httpx.Client) -> None:
    res = api.post("/screenings", files={"file": ("customers.csv", bytes(range(256)) * 4)})
    assert res.status_code == 400
    assert res.json()["detail"] == ("customers.csv: binary content (NUL bytes), not a text "
                                    "file")
    res = api.post("/screenings", files={"file": ("book.xlsx", b"PK\x03\x04junk")})
    assert res.status_code == 400 and res.json()["detail"].startswith("book.xlsx: not an XLSX")


def test_whatif_designates_only_on_a_known_list(api: httpx.Client) -> None:
    res = api.post("/whatif", json={"designate": "Acme", "as": "../../etc"})
    assert res.status_code == 400 and "unknown list '../../etc'" in res.json()["detail"]


def test_an_unreadable_country_in_an_upload_is_noted_and_its_row_still_screened(
        loaded_home: Path) -> None:
    from clearance.screening.jobs import run_job

    body = b"Kundennummer;Firmenname;Land\nk1;Hikvision;Volksrepublik China\n"
    job = run_job(submit("kunden.csv", io.BytesIO(body), 0.8, 3).id)
    assert (job.status, job.rows_done, job.rows_failed, job.rows_alerted) == ("done", 1, 0, 1)
    (line,) = [json.loads(x) for x in iter_results(job.id)]
    assert line["ignored"] == [("kunden.csv, line 2: row 'k1': 'Volksrepublik China' is not a "
                               "country name or ISO code (field 'country')")]
    assert line["matches"][0]["match"] is True
