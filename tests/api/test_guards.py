"""Hostile and broken requests on a real server: 4xx with the reason, never a 5xx or a hang."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.conftest import Server

JSON = {"content-type": "application/json"}


def chunks(total: int, size: int = 64 * 1024) -> Iterator[bytes]:
    """A body without Content-Length (httpx sends it chunked): the limit must count bytes."""
    yield b'{"queries": {"q1": {"schema": "Company", "properties": {"name": ["'
    sent = 0
    while sent < total:
        yield b"a" * size
        sent += size
    yield b'"]}}}}'


def test_a_chunked_body_over_the_limit_is_refused_and_the_server_lives(api: httpx.Client) -> None:
    res = api.post("/match/default", content=chunks(4 << 20), headers=JSON)
    assert res.status_code == 413 and "over 1048576 bytes" in res.json()["detail"]
    assert "content-length" not in res.request.headers
    assert api.get("/healthz").status_code == 200
    ok = api.post("/match/default", content=b"".join(chunks(1000)), headers=JSON)
    assert ok.status_code == 200


def test_uploads_have_their_own_limit_counted_on_bytes_read(loaded_home: Path) -> None:
    uploads = loaded_home / "uploads"
    before = set(uploads.glob("*")) if uploads.exists() else set()
    os.environ["CLEARANCE_MAX_UPLOAD_MB"] = "1"
    try:
        server = Server(open_access=True)
    finally:
        del os.environ["CLEARANCE_MAX_UPLOAD_MB"]
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            def upload(size: int) -> Iterator[bytes]:
                yield (b"--b\r\nContent-Disposition: form-data; name=\"file\"; "
                       b"filename=\"book.csv\"\r\nContent-Type: text/csv\r\n\r\nid,name\n")
                for i in range(size // 20):
                    yield f"r{i:08d},Name {i:05d}\n".encode()
                yield b"\r\n--b--\r\n"
            headers = {"content-type": "multipart/form-data; boundary=b"}
            big = client.post("/screenings", content=upload(3 << 20), headers=headers)
            assert big.status_code == 413 and "over 1048576 bytes" in big.text
            small = client.post("/screenings", content=upload(50_000), headers=headers)
            assert small.status_code == 202, small.text
            job = small.json()["id"]
            deadline = time.time() + 120
            while client.get(f"/screenings/{job}").json()["status"] in ("queued", "running"):
                assert time.time() < deadline
                time.sleep(0.2)  # the job ends here, not in another test's store
            # the 1 MiB limit of other endpoints does not apply to uploads below their own
            assert client.get("/healthz").status_code == 200
    finally:
        server.stop()
    assert len(set(uploads.glob("*")) - before) == 1  # the small one; nothing of the big one


@pytest.mark.parametrize(("path", "body", "reason"), [
    ("/match/default", b'{"queries": {"q": {"properties": {"name": [NaN]}}}}',
     "not valid JSON"),
    ("/match/default", b'{"queries": {"q": {"properties": {"name": ["\\ud800"]}}}}',
     "surrogate"),
    ("/book", b'[{"id": "x", "name": "\\ud800"}]', "surrogate"),
    ("/book", b'[{"id": "x", "name": "y", "birth_date": Infinity}]', "not valid JSON"),
    ("/whatif", b'{"designate": "\\udfff tail"}', "surrogate"),
    ("/whatif", b'{"designate": "\xff\xfe"}', "UTF-8"),
])
def test_bodies_that_are_not_json_get_422_with_the_reason(api: httpx.Client, path: str,
                                                          body: bytes, reason: str) -> None:
    res = api.post(path, content=body, headers=JSON)
    assert res.status_code == 422
    assert "request body is not valid JSON" in res.json()["detail"] and reason in res.text
    assert api.get("/book/x").status_code == 404  # nothing was written


@pytest.mark.parametrize(("path", "params", "field"), [
    ("/lists/us_ofac_sdn/diff", {"from": "99999999999999999999"}, "from"),
    ("/lists/us_ofac_sdn/diff", {"to": "-99999999999999999999999"}, "to"),
    ("/alerts", {"offset": "1" * 40}, "offset"),
    ("/book", {"limit": "NaN"}, "limit"),
    ("/search/default", {"q": "x", "offset": "1e400"}, "offset"),
])
def test_numbers_out_of_range_get_422_naming_the_parameter(api: httpx.Client, path: str,
                                                          params: dict[str, str],
                                                          field: str) -> None:
    res = api.get(path, params=params)
    assert res.status_code == 422, res.text
    assert [e["loc"] for e in res.json()["detail"]] == [["query", field]]


@pytest.mark.parametrize("value", ["NaN", "nan", "Infinity", "-inf"])
def test_a_threshold_that_is_not_a_number_gets_422(api: httpx.Client, value: str) -> None:
    res = api.post("/match/default", params={"threshold": value},
                   json={"queries": {"q": {"properties": {"name": ["x"]}}}})
    assert res.status_code == 422 and res.json()["detail"][0]["loc"] == ["query", "threshold"]


def test_an_unknown_schema_gets_422_naming_the_valid_ones(api: httpx.Client) -> None:
    res = api.post("/match/default", json={"queries": {"q1": {
        "schema": "Compnay", "properties": {"name": ["Hikvision"]}}}})
    assert res.status_code == 422
    (error,) = res.json()["detail"]
    assert error["loc"] == ["body", "queries", "q1", "schema"]
    assert ("unknown schema 'Compnay'; use one of LegalEntity, Person, Organization, "
            "Company, PublicBody, Vessel, Airplane") in error["msg"]
    search = api.get("/search/default", params={"q": "hikvision", "schema": "Compnay"})
    assert search.status_code == 422 and "use one of" in search.json()["detail"]


def test_a_schema_spelt_as_a_screening_file_spells_it_is_read_as_its_ftm_name(
        api: httpx.Client) -> None:
    res = api.post("/match/default", json={"queries": {
        "a": {"schema": "Aircraft", "properties": {"name": ["Hikvision"]}},
        "p": {"schema": "individual", "properties": {"name": ["Hikvision"]}}}})
    assert res.status_code == 200, res.text
    assert res.json()["responses"]["a"]["query"]["schema"] == "Airplane"
    assert res.json()["responses"]["p"]["query"]["schema"] == "Person"
    search = api.get("/search/default", params={"q": "hikvision", "schema": "corporate"})
    assert search.status_code == 200


def test_validation_errors_never_echo_the_input(api: httpx.Client) -> None:
    """FastAPI's own 422 repeats the input: a megabyte back, or NaN it cannot encode."""
    res = api.post("/match/default", json={"queries": {"q": {"schema": "x" * 500_000,
                                                              "properties": {"name": ["a"]}}}})
    assert res.status_code == 422 and len(res.content) < 2000


def test_huge_names_are_answered_in_bounded_time(api: httpx.Client) -> None:
    from clearance.api.routers.match import MAX_REQUEST_CHARS

    word = "qwertyuiopasdfghjklzxcvbnm" * 400  # a 10 KB "word": each name reads 1,000

    def body(queries: int) -> dict[str, object]:
        return {"queries": {f"q{i}": {"schema": "Person", "properties": {
            "name": [word], "alias": [word[::-1]]}} for i in range(queries)}}

    fits = MAX_REQUEST_CHARS // 2000
    res = api.post("/match/default", json=body(fits), timeout=120)
    assert res.status_code == 200 and len(res.json()["responses"]) == fits
    over = api.post("/match/default", json=body(fits + 1))
    assert over.status_code == 422 and "send them in several" in over.json()["detail"]


FUZZ_TEXT = st.text(st.characters(exclude_categories=()), max_size=300)
FUZZ_VALUE = st.one_of(FUZZ_TEXT, st.floats(), st.integers(), st.none(),
                       st.builds(lambda s, n: s * n, FUZZ_TEXT, st.integers(0, 3000)))


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(names=st.lists(FUZZ_VALUE, max_size=4), schema=st.one_of(FUZZ_TEXT, st.sampled_from(
    ["Person", "Company", "LegalEntity"])), extra=st.dictionaries(FUZZ_TEXT, FUZZ_VALUE,
                                                                 max_size=2))
def test_any_name_in_any_body_is_answered_never_with_a_5xx(api: httpx.Client, names: list[object],
                                                           schema: str,
                                                           extra: dict[str, object]) -> None:
    """Any Unicode (lone surrogates included, escaped as JSON allows), any length, NaN and
    numbers where names go: the answer is 200, 413 or 422, and the server lives on."""
    body = json.dumps({"queries": {"q": {"schema": schema, "properties": {"name": names},
                                         **extra}}}, allow_nan=True).encode()
    res = api.post("/match/default", content=body, headers=JSON, timeout=60)
    assert res.status_code in (200, 413, 422), (res.status_code, res.text[:300])


@pytest.fixture
def empty_api(home: Path) -> Iterator[httpx.Client]:
    """A server on an empty store of its own (writes must not reach the shared one)."""
    server = Server(open_access=True)
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client
    server.stop()


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(entry=st.dictionaries(st.sampled_from(["id", "name", "schema", "birth_date", "country",
                                              "aliases", "note"]), FUZZ_VALUE, max_size=5))
def test_any_book_entry_is_stored_or_refused_never_a_5xx(empty_api: httpx.Client,
                                                         entry: dict[str, object]) -> None:
    res = empty_api.post("/book", content=json.dumps([entry], allow_nan=True).encode(),
                         headers=JSON)
    assert res.status_code in (200, 413, 422), (res.status_code, res.text[:300])
