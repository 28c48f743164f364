"""Screening workflows over the matcher: batch files now; monitoring and review later."""

from clearance.screening.batch import ScreenResult, screen_lines, screen_queries

__all__ = ["ScreenResult", "screen_lines", "screen_queries"]
