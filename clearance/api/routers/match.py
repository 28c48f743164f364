"""POST /match/{dataset} (yente-compatible) and GET /search/{dataset}."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from clearance.api.convert import result_fields, to_query, to_result
from clearance.api.deps import current_index, require
from clearance.api.models import (
    EntityExample,
    MatchRequest,
    MatchResponse,
    SearchResponse,
    api_schema,
)
from clearance.api.work import Worker
from clearance.exc import InputError
from clearance.index.build import Index
from clearance.match.algorithm import ALGORITHM
from clearance.match.engine import match_query
from clearance.match.score import DEFAULT_THRESHOLD, ScoringConfig
from clearance.match.score import Query as MatchQuery
from clearance.store import get_records

__all__ = ["MAX_QUERIES", "MAX_REQUEST_CHARS", "router"]

router = APIRouter(tags=["matching"])
MAX_QUERIES = 100
#: Characters of names (and aliases) in one request: about 50 times a typical query each
#: for 100 queries. With the bounds on each query (clearance.match.limits), the costliest
#: request stays in seconds instead of the minutes 100 queries of hostile names would take.
MAX_REQUEST_CHARS = 50_000


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
    threshold: Annotated[float, Query(ge=0.0, le=1.0, allow_inf_nan=False)] = DEFAULT_THRESHOLD,
    limit: Annotated[int, Query(ge=1, le=500)] = 5,
    algorithm: Annotated[str, Query(max_length=100)] = "best",
) -> MatchResponse:
    """Score each query against the loaded lists (or one dataset); results explain themselves."""
    if algorithm not in ("best", "default", ALGORITHM):
        raise HTTPException(422, f"unknown algorithm {algorithm!r}; this server runs {ALGORITHM!r}")
    if len(body.queries) > MAX_QUERIES:
        raise HTTPException(422, f"at most {MAX_QUERIES} queries per request")
    scope = _datasets(index, dataset)
    cfg = ScoringConfig(threshold=threshold)
    queries: list[tuple[str, EntityExample, MatchQuery]] = []
    for name, example in body.queries.items():
        try:
            queries.append((name, example, to_query(example)))
        except ValueError as exc:
            raise HTTPException(422, f"queries.{name}: {exc}") from None
    chars = sum(len(n) for _, _, q in queries for n in q.names)
    if chars > MAX_REQUEST_CHARS:
        raise HTTPException(422, f"the queries hold {chars} characters of names; at most "
                                 f"{MAX_REQUEST_CHARS} per request: send them in several")
    metrics = request.app.state.metrics

    def compute() -> bytes:
        responses: dict[str, dict[str, Any]] = {}
        for name, example, query in queries:
            results = match_query(index, query, cfg, limit=limit, datasets=scope)
            metrics.queries.inc()
            metrics.alerts.inc(sum(r.match for r in results))
            records = get_records([r.entity_id for r in results], max_age=1.0)
            # `QueryResponse`'s fields in its order (the route's response model)
            responses[name] = {
                "status": 200,
                "results": [result_fields(r, records.get(r.entity_id)) for r in results],
                "total": {"value": len(results), "relation": "eq"},
                "query": example.model_dump(by_alias=True),
            }
        # as pydantic writes them (a NumPy number as the number; non-ASCII as UTF-8)
        return orjson.dumps({"responses": responses, "limit": limit},
                            option=orjson.OPT_SERIALIZE_NUMPY)

    # scoring runs on the app's matching thread, one request at a time per process: the
    # event loop stays free for /healthz and the rest (see clearance.api.work)
    worker: Worker = request.app.state.matcher
    return Response(await worker.run(compute),  # type: ignore[return-value]
                    media_type="application/json")


@router.get("/search/{dataset}", response_model=SearchResponse,
            dependencies=[Depends(require("read"))])
async def search(
    request: Request,
    dataset: str,
    q: Annotated[str, Query(min_length=1, max_length=500, examples=["hikvision"])],
    index: Annotated[Index, Depends(current_index)],
    schema: Annotated[str, Query(max_length=100)] = "LegalEntity",
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0, le=400)] = 0,
) -> SearchResponse:
    """Ranked entities for a free-text name, paginated."""
    scope = _datasets(index, dataset)
    try:
        schema = api_schema(schema)
    except InputError as exc:
        raise HTTPException(422, f"schema: {exc}") from None

    def compute() -> SearchResponse:
        results = match_query(index, MatchQuery(name=q, schema=schema), ScoringConfig(),
                              limit=offset + limit, datasets=scope)
        page = results[offset:offset + limit]
        records = get_records([r.entity_id for r in page], max_age=1.0)
        return SearchResponse(results=[to_result(r, records.get(r.entity_id)) for r in page],
                              total={"value": len(results), "relation": "gte"}, limit=limit,
                              offset=offset)

    worker: Worker = request.app.state.matcher
    return await worker.run(compute)
