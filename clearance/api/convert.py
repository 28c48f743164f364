"""Between API shapes and the matcher: FtM example -> Query, result -> FtM entity + score."""

from __future__ import annotations

from typing import Any

from clearance.api.models import EntityExample, MatchResult
from clearance.index.build import IDENTIFIER_PROPS
from clearance.match.algorithm import ALGORITHM, VERSION
from clearance.match.engine import MatchResult as EngineResult
from clearance.match.score import Query

__all__ = ["result_fields", "to_query", "to_result"]

_COUNTRY = ("nationality", "country", "citizenship", "jurisdiction", "flag")


def to_query(example: EntityExample) -> Query:
    """An FtM-shaped example as a matcher query (names, countries, birth date, ids)."""
    props = example.properties
    names = [n for n in props.get("name", []) if n.strip() != ""]
    aliases = [a for p in ("alias", "previousName", "weakAlias") for a in props.get(p, [])]
    if not names and aliases:
        names, aliases = aliases[:1], aliases[1:]
    if not names:
        raise ValueError("the query needs at least one value in properties.name")
    birth = props.get("birthDate", [])
    return Query(
        name=names[0], schema=example.schema_, aliases=names[1:] + aliases,
        countries=[c.lower() for p in _COUNTRY for c in props.get(p, [])],
        birth_date=birth[0] if birth else None,
        identifiers=[v for p in IDENTIFIER_PROPS for v in props.get(p, [])],
    )


def result_fields(result: EngineResult, record: dict[str, Any] | None) -> dict[str, Any]:
    """A matcher result as yente returns it: the entity in FtM form plus score and features,
    as `MatchResult`'s fields in its order, with the types it validates to (JSON as they
    are: /match writes them without building the model, 0.1 ms a request)."""
    return {
        "id": result.entity_id, "caption": result.name, "schema": result.schema,
        "properties": record["properties"] if record is not None else {},
        "datasets": [result.dataset], "source_id": result.source_id,
        "score": float(round(result.score, 4)), "match": bool(result.match),
        "features": {f.name: float(round(f.value, 4)) for f in result.features},
        "explanation": [f.to_dict() for f in result.features],
        "algorithm": f"{ALGORITHM}/{VERSION}",
    }


def to_result(result: EngineResult, record: dict[str, Any] | None) -> MatchResult:
    """`result_fields` as the response model (/search)."""
    return MatchResult.model_validate(result_fields(result, record))
