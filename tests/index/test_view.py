"""One query on a saved index reads only what it needs, and answers as the whole index does."""

from __future__ import annotations

import json

import pytest

from clearance.index.build import Index
from clearance.index.store import ensure_index_file, index_key
from clearance.index.view import query_index
from clearance.match.engine import match_query
from clearance.match.score import Query, ScoringConfig
from clearance.screening.io import InputRow, row_to_query
from tests.conftest import SHARED


def dev_queries(limit: int) -> list[Query]:
    with open(SHARED / "eval" / "screening_dev.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    step = max(1, len(rows) // limit)
    return [row_to_query(InputRow(i, row), "dev")[1] for i, row in enumerate(rows[::step], 1)]


EXTRA = [
    Query("Some Other Name", "Company", identifiers=["91330000733796106P"]),  # by identifier
    Query("Sergei Viktorovich Lavrov", "Person", birth_date="1950-03-21", countries=["ru"]),
    Query("Hikvision", "Company", aliases=["杭州海康威视数字技术股份有限公司", "HIK VISION"]),
    Query("Zzyzx Qwrtplk", "Person"),  # nothing like it listed
    Query("Hacma HAMAI", "Person"),  # two misspelt words near one list word (HAMZA)
    Query("x" * 5000 + " ltd", "Company"),  # beyond every bound
    Query("ｳﾗｼﾞﾐﾙ ﾌﾟｰﾁﾝ", "Person"),  # katakana: read by the list spellings (`match.kana`)
    Query("セルゲイ・ラブロフ", "Person"),
]


@pytest.mark.parametrize(("cfg", "queries"), [(ScoringConfig(), 200),
                                              (ScoringConfig(threshold=0.5, candidates=7), 40)])
def test_the_view_answers_every_query_as_the_whole_index(index: Index, cfg: ScoringConfig,
                                                         queries: int) -> None:
    """Guards `search.fuzzy_keys` and the rows the view reads: any key or row the matcher
    reads and the view lacks changes a result here (or fails on a missing row)."""
    path, key = ensure_index_file(), index_key()
    compared = 0
    for query in [*dev_queries(queries), *EXTRA]:
        expected = [r.to_dict() for r in match_query(index, query, cfg, limit=10)]
        view = query_index(path, query, cfg, key)
        assert [r.to_dict() for r in match_query(view, query, cfg, limit=10)] == expected, query
        compared += len(expected)
    assert compared > 3 * queries


def test_the_view_holds_only_the_rows_of_its_candidates(index: Index) -> None:
    view = query_index(ensure_index_file(), Query("Andrey Vladimirovich Khokhlof", "Person"))
    present = [n for n in view.names if n is not None]
    assert 0 < len(present) <= 40 and len(view.names) == len(index.names)
    assert sum(e is not None for e in view.entities) < 100
    assert len(view.fuzzy) < len(index.fuzzy) / 100
