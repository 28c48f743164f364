"""/match writes its answer without building the response models: the same JSON they write."""

from __future__ import annotations

import httpx
import orjson

from clearance.api.convert import result_fields, to_result
from clearance.api.models import MatchResponse, MatchResult
from clearance.match.engine import MatchResult as EngineResult
from clearance.match.score import Feature


def _result(score: float, value: float) -> EngineResult:
    return EngineResult(entity_id="x-1", dataset="x", source_id="1", schema="Person",
                        name="Ivan Petrov Ünal", matched_name="IVAN PETROV", score=score,
                        match=score >= 0.7,
                        features=[Feature("name", value, "ivan~ivan; petrov~petrov"),
                                  Feature("country", -0.05, "ru / tr")])


def test_a_result_s_fields_are_written_byte_for_byte_as_the_result_model_writes_them() -> None:
    record = {"properties": {"name": ["Ivan Petrov Ünal"], "country": ["ru"]}}
    for score, value in ((0.912345, 0.91234567), (1, 1), (0, 0.5), (0.70005, 0.0)):
        for rec in (record, None):
            fields = result_fields(_result(score, value), rec)
            model = to_result(_result(score, value), rec)
            assert orjson.dumps(fields) == model.model_dump_json(by_alias=True).encode()
            assert MatchResult.model_validate(fields).model_dump(by_alias=True) == fields


def test_a_match_answer_is_what_its_response_model_writes(api: httpx.Client) -> None:
    body = {"queries": {
        "a": {"schema": "Company", "properties": {"name": ["Hikvision Digital Technology"]}},
        "b": {"schema": "Person", "properties": {"name": ["Dmitri Medvedev"],
                                                 "nationality": ["RU"]}},
        "c": {"schema": "Person", "properties": {"name": ["Zzyzx Qwertyuiop"]}},
    }}
    res = api.post("/match/default", json=body, params={"limit": 4})
    assert res.status_code == 200 and res.headers["content-type"] == "application/json"
    answer = res.json()
    assert list(answer) == ["responses", "limit"] and list(answer["responses"]) == ["a", "b", "c"]
    model = MatchResponse.model_validate(answer)
    assert model.model_dump_json(by_alias=True).encode() == res.content
    assert answer["responses"]["a"]["results"] and answer["responses"]["b"]["results"]
    assert all(isinstance(r["score"], float) for q in answer["responses"].values()
               for r in q["results"])
