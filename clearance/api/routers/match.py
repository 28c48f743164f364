"""POST /match/{dataset} (yente-compatible) and GET /search/{dataset}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from clearance.api.convert import to_query, to_result
from clearance.api.deps import current_index, require
from clearance.api.models import MatchRequest, MatchResponse, QueryResponse, SearchResponse
from clearance.index.build import Index
from clearance.match.algorithm import ALGORITHM
from clearance.match.engine import match_query
from clearance.match.score import DEFAULT_THRESHOLD, ScoringConfig
from clearance.match.score import Query as MatchQuery
from clearance.store import get_records

__all__ = ["router"]

router = APIRouter(tags=["matching"])
MAX_QUERIES = 100


def _datasets(index: Index, dataset: str) -> frozenset[str] | None:
    if dataset == "default":
        return None
    if dataset not in index.datasets:
        raise HTTPException(404, f"unknown dataset {dataset!r}; use 'default' or one of "
                                 f"{', '.join(sorted(index.datasets))}")
    return frozenset({dataset})


@router.post("/match/{dataset}", response_model=MatchResponse,
             dependencies=[Depends(require("read"))])
async def match(
    request: Request,
    dataset: str,
    body: MatchRequest,
    index: Annotated[Index, Depends(current_index)],
    threshold: Annotated[float, Query(ge=0.0, le=1.0)] = DEFAULT_THRESHOLD,
    limit: Annotated[int, Query(ge=1, le=500)] = 5,
    algorithm: Annotated[str, Query()] = "best",
) -> MatchResponse:
    """Score each query against the loaded lists (or one dataset); results explain themselves."""
    if algorithm not in ("best", "default", ALGORITHM):
        raise HTTPException(422, f"unknown algorithm {algorithm!r}; this server runs {ALGORITHM!r}")
    if len(body.queries) > MAX_QUERIES:
        raise HTTPException(422, f"at most {MAX_QUERIES} queries per request")
    scope = _datasets(index, dataset)
    cfg = ScoringConfig(threshold=threshold)
    responses: dict[str, QueryResponse] = {}
    for name, example in body.queries.items():
        try:
            query = to_query(example)
        except ValueError as exc:
            raise HTTPException(422, f"queries.{name}: {exc}") from None
        results = match_query(index, query, cfg, limit=limit, datasets=scope)
        request.app.state.metrics.queries.inc()
        request.app.state.metrics.alerts.inc(sum(r.match for r in results))
        records = get_records([r.entity_id for r in results])
        responses[name] = QueryResponse(
            results=[to_result(r, records.get(r.entity_id)) for r in results],
            total={"value": len(results), "relation": "eq"},
            query=example.model_dump(by_alias=True),
        )
    # built from the models above, so serialised directly (no second validation pass);
    # async on purpose: CPU-bound and short, so each worker runs one request at a time
    # instead of threads fighting over the GIL
    return Response(MatchResponse(responses=responses, limit=limit).model_dump_json(by_alias=True),
                    media_type="application/json")  # type: ignore[return-value]


@router.get("/search/{dataset}", response_model=SearchResponse,
            dependencies=[Depends(require("read"))])
async def search(
    dataset: str,
    q: Annotated[str, Query(min_length=1, max_length=500, examples=["hikvision"])],
    index: Annotated[Index, Depends(current_index)],
    schema: Annotated[str, Query()] = "LegalEntity",
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0, le=400)] = 0,
) -> SearchResponse:
    """Ranked entities for a free-text name, paginated."""
    scope = _datasets(index, dataset)
    results = match_query(index, MatchQuery(name=q, schema=schema), ScoringConfig(),
                          limit=offset + limit, datasets=scope)
    page = results[offset:offset + limit]
    records = get_records([r.entity_id for r in page])
    return SearchResponse(results=[to_result(r, records.get(r.entity_id)) for r in page],
                          total={"value": len(results), "relation": "gte"}, limit=limit,
                          offset=offset)
