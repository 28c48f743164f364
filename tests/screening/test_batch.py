"""Batch screening: order kept, parallel equals serial, alerts flagged at the threshold."""

from clearance.index.build import Index
from clearance.match.score import Query, ScoringConfig
from clearance.screening.batch import screen_queries

ITEMS = [(str(i), Query(n, s)) for i, (n, s) in enumerate([
    ("Hikvision", "Company"), ("Emma Daniels", "Person"), ("Sergei Lavrov", "Person"),
    ("DAHUA ELECTRONICS CORPORATION", "Organization"), ("Royal Mail", "Organization"),
] * 8)]


def test_parallel_results_equal_serial_in_input_order(index: Index) -> None:
    serial = list(screen_queries(ITEMS, index=index, workers=1))
    parallel = list(screen_queries(ITEMS, index=index, workers=2))
    assert [r.id for r in parallel] == [i for i, _ in ITEMS]
    assert [r.matches for r in parallel] == [r.matches for r in serial]


def test_alerts_follow_the_threshold(index: Index) -> None:
    strict = next(screen_queries(ITEMS[:1], ScoringConfig(threshold=1.01), index=index))
    normal = next(screen_queries(ITEMS[:1], index=index))
    assert strict.alerts == [] and len(normal.alerts) >= 2
    assert strict.matches[0]["score"] == normal.matches[0]["score"]
