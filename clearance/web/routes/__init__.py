"""One module per page group; each exposes `router` (routes under /ui, not in OpenAPI)."""

from clearance.web.routes import (
    admin,
    audit,
    book,
    cases,
    dashboard,
    exposure,
    lists,
    queue,
    screening,
    session,
    whatif,
)

__all__ = ["ROUTERS"]

ROUTERS = [session.router, dashboard.router, queue.router, cases.router, screening.router,
           book.router, lists.router, exposure.router, whatif.router, audit.router,
           admin.router]
