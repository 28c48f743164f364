"""Request and response models of the HTTP API (yente-compatible where yente has one)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, field_validator

from clearance.exc import InputError
from clearance.match.score import SCHEMATA, check_schema
from clearance.screening.columns import schema_of

__all__ = ["api_schema", "EntityExample", "MatchRequest", "MatchResult", "QueryResponse", "MatchResponse",
           "SearchResponse", "ListStatus", "ErrorResponse"]


def api_schema(value: str) -> str:
    """A query's schema: a FollowTheMoney name the matcher knows, or a spelling a screening
    file may use for one ("Aircraft", "Individual", "Corporate"), as the canonical name;
    `InputError` naming the valid ones otherwise."""
    if value in SCHEMATA or value.strip() == "":
        return check_schema(value)
    return check_schema(schema_of(value[:100]) or value)


class EntityExample(BaseModel):
    """A party to screen, as FollowTheMoney properties (yente's `EntityExample`)."""

    schema_: str = Field("LegalEntity", alias="schema", examples=["Person"])
    properties: dict[str, list[str]] = Field(
        ..., examples=[{"name": ["Sergei Lavrov"], "birthDate": ["1950-03-21"],
                        "nationality": ["ru"]}])

    model_config = {"populate_by_name": True}

    @field_validator("schema_")
    @classmethod
    def _known_schema(cls, value: str) -> str:
        try:
            return api_schema(value)
        except InputError as exc:  # pydantic reports it as a 422 naming the field
            raise ValueError(str(exc)) from None


class MatchRequest(BaseModel):
    """Several named queries in one request (yente's `EntityMatchQuery`)."""

    queries: dict[str, EntityExample] = Field(
        ..., examples=[{"q1": {"schema": "Company", "properties": {"name": ["Hikvision"]}}}])


class MatchResult(BaseModel):
    """A list entity in FtM form with its score, alert flag and per-feature explanation."""

    id: str = Field(..., examples=["us_ofac_cons-30946"])
    caption: str
    schema_: str = Field(..., alias="schema")
    properties: dict[str, list[str]]
    datasets: list[str]
    source_id: str
    score: float = Field(..., examples=[0.98])
    match: bool
    features: dict[str, float] = Field(..., examples=[{"name": 0.98}])
    explanation: list[dict[str, Any]]
    algorithm: str

    model_config = {"populate_by_name": True}


class QueryResponse(BaseModel):
    status: int = 200
    results: list[MatchResult]
    total: dict[str, Any]
    query: dict[str, Any]


class MatchResponse(BaseModel):
    responses: dict[str, QueryResponse]
    limit: int


class SearchResponse(BaseModel):
    results: list[MatchResult]
    total: dict[str, Any]
    limit: int
    offset: int


class ListStatus(BaseModel):
    dataset: str
    version: int
    published: str | None
    entity_count: int
    loaded_at: str


class ErrorResponse(BaseModel):
    detail: str
