"""Clearance: sanctions and export-control screening with explainable matching.

    import clearance
    clearance.match("Hikvision")          # ranked, explained results
    clearance.screen([("1", Query("Emma Daniels", "Person"))])

The names below are imported on first use (PEP 562), so `import clearance.<anything>`
(every command-line start) does not pay for the matcher, numpy and the store.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOMES = {
    "ClearanceError": "clearance.exc",
    "MatchResult": "clearance.match.engine",
    "DEFAULT_THRESHOLD": "clearance.match.score",
    "Query": "clearance.match.score",
    "ScoringConfig": "clearance.match.score",
    "match": "clearance.public",
    "screen": "clearance.public",
    "ScreenResult": "clearance.screening.batch",
}


# The subpackage `clearance.match` would bind itself as the attribute `match` on its first
# import and hide the function `clearance.match(...)`: bound once here, then unbound, so the
# attribute is the function (looked up below on first use).
import_module("clearance.match")
del globals()["match"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'clearance' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
