"""The analyst web UI under /ui: server-rendered Jinja2 pages, htmx for partial updates.

Pages are thin views over the services the API and CLI use (monitor/, screening/,
exposure/, store/); this package writes no SQL. Sign-in, roles, CSRF and the four-eyes
rules live in `auth` and `monitor.review`; every action is audited with the user's name.
"""

from clearance.web.app import mount_ui

__all__ = ["mount_ui"]
