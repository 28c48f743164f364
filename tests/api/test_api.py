"""The HTTP API over a real socket: yente-compatible /match, search, entities, lists, keys."""

import time

import httpx

from clearance.store.keys import create_key, revoke_key

YENTE_BODY = {"queries": {
    "q1": {"schema": "Company", "properties": {"name": ["杭州海康威视数字技术股份有限公司"]}},
    "q2": {"schema": "Person", "properties": {"name": ["Emma Daniels"]}},
    "q3": {"schema": "Person", "properties": {"name": ["Sergei Lavrov"],
                                              "birthDate": ["1950-03-21"]}},
}}


def test_match_answers_in_yentes_shape(api: httpx.Client) -> None:
    res = api.post("/match/default", json=YENTE_BODY, params={"limit": 3})
    assert res.status_code == 200
    data = res.json()
    assert data["limit"] == 3 and set(data["responses"]) == {"q1", "q2", "q3"}
    q1 = data["responses"]["q1"]
    assert q1["status"] == 200 and q1["total"]["relation"] == "eq"
    top = q1["results"][0]
    assert top["match"] is True and top["score"] == 1.0
    assert top["properties"]["uscCode"] == ["91330000733796106P"]
    assert top["features"]["name"] == 1.0 and top["explanation"][0]["name"] == "name"
    assert not any(r["match"] for r in data["responses"]["q2"]["results"])
    lavrov = data["responses"]["q3"]["results"][0]
    assert lavrov["caption"] == "LAVROV, Sergei Viktorovich" and "birth_date" in lavrov["features"]


def test_match_on_one_dataset_only(api: httpx.Client) -> None:
    res = api.post("/match/us_trade_csl", json=YENTE_BODY).json()
    assert {r["datasets"][0] for r in res["responses"]["q1"]["results"]} == {"us_trade_csl"}
    assert api.post("/match/nope", json=YENTE_BODY).status_code == 404


def test_bad_requests_are_422_naming_the_field(api: httpx.Client) -> None:
    res = api.post("/match/default", json={"queries": {"q": {"schema": "Person"}}})
    assert res.status_code == 422 and "properties" in res.text
    res = api.post("/match/default", json={"queries": {"q": {"properties": {"alias": []}}}})
    assert res.status_code == 422 and "queries.q" in res.json()["detail"]
    assert api.post("/match/default", params={"threshold": 2}, json=YENTE_BODY).status_code == 422


def test_oversized_body_is_refused(api: httpx.Client) -> None:
    res = api.post("/match/default", content=b"x" * (2 << 20),
                   headers={"content-type": "application/json"})
    assert res.status_code == 413


def test_search_entities_and_lists(api: httpx.Client) -> None:
    found = api.get("/search/default", params={"q": "hikvision", "limit": 2}).json()
    assert len(found["results"]) == 2
    entity_id = found["results"][0]["id"]
    entity = api.get(f"/entities/{entity_id}").json()
    assert entity["entity_id"] == entity_id and entity["sanctions"]
    assert entity["history"][0]["version"] == 1
    assert api.get("/entities/nope").status_code == 404
    lists = api.get("/lists").json()
    assert {x["dataset"] for x in lists} >= {"us_ofac_sdn", "un_sc_sanctions"}
    assert api.get("/lists/us_ofac_sdn/versions").json()[0]["active"] is True
    assert api.get("/lists/nope/versions").status_code == 404


def test_health_and_openapi(api: httpx.Client) -> None:
    assert api.get("/healthz").json() == {"status": "ok"}
    deadline = time.time() + 60
    ready = api.get("/readyz")
    while ready.status_code == 503 and time.time() < deadline:  # loading: not ready yet
        time.sleep(0.1)
        ready = api.get("/readyz")
    assert ready.json()["status"] == "ready"
    spec = api.get("/openapi.json").json()
    assert "/match/{dataset}" in spec["paths"]


def test_keys_and_scopes(secured: httpx.Client) -> None:
    assert secured.post("/match/default", json=YENTE_BODY).status_code == 401
    _, reader = create_key("analyst", "read")
    ok = secured.post("/match/default", json=YENTE_BODY,
                      headers={"Authorization": f"Bearer {reader}"})
    assert ok.status_code == 200
    yente_style = secured.get("/lists", headers={"Authorization": f"ApiKey {reader}"})
    assert yente_style.status_code == 200
    forbidden = secured.post("/lists/update", headers={"Authorization": f"Bearer {reader}"})
    assert forbidden.status_code == 403
    key, secret = create_key("temp", "read")
    revoke_key(key.id)
    assert secured.get("/lists", headers={"Authorization": f"Bearer {secret}"}).status_code == 401
    assert secured.get("/healthz").status_code == 200  # health needs no key


def test_metrics_count_requests_matches_and_list_ages(api: httpx.Client) -> None:
    api.post("/match/default", json=YENTE_BODY)
    text = api.get("/metrics").text
    assert 'clearance_request_seconds_count{method="POST",route="/match/{dataset}",status="200"}' \
        in text
    assert "clearance_match_queries_total 3.0" in text
    assert 'clearance_list_age_seconds{dataset="us_ofac_sdn"}' in text


def test_rate_limit_answers_429_with_retry_after(loaded_home: object) -> None:
    from tests.api.conftest import Server

    server = Server(open_access=True, rate=1.0, burst=2)
    try:
        with httpx.Client(base_url=server.url) as client:
            codes = [client.get("/lists").status_code for _ in range(4)]
            assert codes[:2] == [200, 200] and codes[-1] == 429
            res = client.get("/lists")
            assert res.status_code == 429 and int(res.headers["Retry-After"]) >= 1
            assert client.get("/healthz").status_code == 200
    finally:
        server.stop()
