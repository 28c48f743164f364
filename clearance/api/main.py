"""The ASGI app uvicorn imports (`clearance.api.main:app`); `clearance serve` sets its mode."""

from clearance import settings
from clearance.api.app import create_app

app = create_app(open_access=settings.open_access())
