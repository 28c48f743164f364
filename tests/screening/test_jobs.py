"""Screening jobs with several runners (uvicorn workers, instances on one database): each
job is run by one runner at a time, and taken over only when its holder is gone."""

from __future__ import annotations

import io
from pathlib import Path

from sqlalchemy import insert, select, update

from clearance.screening.jobs import LEASE, JobRunner, claim, get_job, submit
from clearance.store.db import active_versions, engine, screening_jobs, versions

BOOK = '{"id": "a", "name": "Hikvision", "schema": "Company"}\n'


def _job(home: Path) -> str:
    """A queued job in `home`, whose store has a (tiny) list active: submit refuses a store
    without one."""
    with engine().begin() as conn:
        if conn.execute(select(versions.c.id)).first() is None:
            conn.execute(insert(versions).values(
                id=1, dataset="un_sc", version=1, published=None, loaded_at="2026-11-28",
                files={}, origin="test", entity_count=0, warnings=[]))
            conn.execute(insert(active_versions).values(dataset="un_sc", version_id=1,
                                                        activated_at="2026-11-28"))
    return submit("book.jsonl", io.BytesIO(BOOK.encode()), 0.8, 3).id


def test_a_queued_job_is_claimed_by_one_runner_only(home: Path) -> None:
    job = _job(home)
    assert claim(job, "host-a:1") is True
    assert claim(job, "host-b:2") is False  # a live holder with a fresh heartbeat keeps it
    assert get_job(job).status == "running"


def test_a_job_whose_heartbeat_went_stale_is_taken_over(home: Path) -> None:
    job = _job(home)
    assert claim(job, "elsewhere:1")
    with engine().begin() as conn:
        conn.execute(update(screening_jobs).where(screening_jobs.c.id == job)
                     .values(heartbeat="2000-01-01T00:00:00+00:00"))
    assert LEASE > 0 and claim(job, "host-b:2") is True


def test_a_job_held_by_an_exited_process_on_this_host_is_taken_over_at_once(home: Path) -> None:
    import socket
    import subprocess

    job = _job(home)
    dead = subprocess.Popen(["true"])
    dead.wait()
    assert claim(job, f"{socket.gethostname()}:{dead.pid}")
    assert claim(job, "host-b:2") is True


def test_a_runner_skips_jobs_whose_upload_another_host_keeps(home: Path) -> None:
    job = _job(home)
    with engine().begin() as conn:
        conn.execute(update(screening_jobs).where(screening_jobs.c.id == job)
                     .values(path="/elsewhere/uploads/x.jsonl"))
    assert JobRunner()._next() is None and get_job(job).status == "queued"
