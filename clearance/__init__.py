"""Clearance: sanctions and export-control screening with explainable matching."""

__all__: list[str] = []
