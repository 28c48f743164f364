"""HTTP API (FastAPI): yente-compatible /match, search, entities, lists, health."""

from clearance.api.app import create_app

__all__ = ["create_app"]
