"""Why a UI request stops early: not signed in, wrong role, a bad CSRF token."""

from __future__ import annotations

__all__ = ["CsrfFailed", "Forbidden", "SignInNeeded"]


class SignInNeeded(Exception):
    """No live session: the browser goes to the sign-in page (and back afterwards)."""


class Forbidden(Exception):
    """Signed in, but the role does not allow this page or action (HTTP 403)."""


class CsrfFailed(Exception):
    """A form or htmx request without this session's CSRF token (HTTP 403)."""
