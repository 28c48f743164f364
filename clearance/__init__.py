"""Clearance: sanctions and export-control screening with explainable matching.

    import clearance
    clearance.match("Hikvision")          # ranked, explained results
    clearance.screen([("1", Query("Emma Daniels", "Person"))])
"""

from clearance.exc import ClearanceError
from clearance.match.engine import MatchResult
from clearance.match.score import DEFAULT_THRESHOLD, Query, ScoringConfig
from clearance.public import match, screen
from clearance.screening.batch import ScreenResult

__all__ = [
    "DEFAULT_THRESHOLD",
    "ClearanceError",
    "MatchResult",
    "Query",
    "ScoringConfig",
    "ScreenResult",
    "match",
    "screen",
]
