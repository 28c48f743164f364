"""Screening workflows over the matcher: batch files, column mapping, grouping, jobs.

The names below are imported on first use (PEP 562), so that a command importing one
light module of this package (`columns`) does not load the matcher and its index with it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clearance.screening.batch import ScreenResult, screen_lines, screen_queries

__all__ = ["ScreenResult", "screen_lines", "screen_queries"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'clearance.screening' has no attribute {name!r}")
    value = getattr(import_module("clearance.screening.batch"), name)
    globals()[name] = value
    return value
