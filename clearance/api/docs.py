"""/docs from files shipped in a Python package: it renders with no internet.

FastAPI's default loads Swagger UI from a CDN, so offline the docs page is blank. The
`fastapi-offline` package ships the Swagger UI 5 bundle (which reads OpenAPI 3.1 as
FastAPI writes it); we serve its files under `/docs-assets`. ReDoc is not offered: its
bundle fetches its logo from a CDN.
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["ASSETS", "install_docs"]

ASSETS = "/docs-assets"


def install_docs(app: FastAPI) -> None:
    """Serve /docs (Swagger UI) with the packaged assets (no CDN)."""
    folder = resources.files("fastapi_offline").joinpath("static")
    app.mount(ASSETS, StaticFiles(directory=str(folder)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title=f"{app.title} API",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon.png")
