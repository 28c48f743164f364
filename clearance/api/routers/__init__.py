"""Thin routers: parse, call one service function, return a model."""

__all__: list[str] = []
