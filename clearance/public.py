"""The Python interface behind `clearance.match(...)` and `clearance.screen(...)`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from clearance.index.store import ensure_index
from clearance.match.engine import MatchResult, match_query
from clearance.match.score import DEFAULT_THRESHOLD, Query, ScoringConfig
from clearance.screening.batch import ScreenResult, screen_queries

__all__ = ["match", "screen"]


def match(
    name: str,
    schema: str = "LegalEntity",
    *,
    aliases: list[str] | None = None,
    countries: list[str] | None = None,
    birth_date: str | None = None,
    identifiers: list[str] | None = None,
    limit: int = 10,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[MatchResult]:
    """Rank list entries against one party; `MatchResult.match` marks alerts.

    >>> clearance.match("Hikvision")[0].name
    'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.'
    """
    query = Query(name=name, schema=schema, aliases=aliases or [],
                  countries=[c.lower() for c in countries or []], birth_date=birth_date,
                  identifiers=identifiers or [])
    return match_query(ensure_index(), query, ScoringConfig(threshold=threshold), limit=limit)


def screen(
    queries: Iterable[tuple[str, Query]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 10,
    workers: int = 1,
) -> Iterator[ScreenResult]:
    """Screen many (id, Query) pairs; results stream back in input order."""
    return screen_queries(queries, ScoringConfig(threshold=threshold), limit=limit,
                          workers=workers)
