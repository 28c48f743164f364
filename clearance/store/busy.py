"""Recognise "another writer holds the database" among driver errors.

SQLite waits `CLEARANCE_BUSY_TIMEOUT` seconds for a lock and then fails with "database is
locked"; PostgreSQL reports lock timeouts, serialisation failures and deadlocks by SQLSTATE.
Each rolls the whole transaction back, so nothing of the operation was written: the API
answers 503 with Retry-After and the command line says to try again.
"""

from __future__ import annotations

__all__ = ["BUSY_MESSAGE", "is_busy"]

BUSY_MESSAGE = ("the store is busy: another process (a list load, a book import, a monitoring "
                "cycle) held the database past the busy timeout; nothing was written, try again")
_SQLITE = ("database is locked", "database table is locked", "database is busy")
_SQLSTATES = {"55P03", "40001", "40P01"}  # lock_not_available, serialization_failure, deadlock


def is_busy(exc: BaseException) -> bool:
    """Whether `exc` (a SQLAlchemy or driver error) means a lock held by another writer."""
    from sqlalchemy.exc import DBAPIError

    from clearance.exc import StoreBusy

    if isinstance(exc, StoreBusy):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    if any(m in str(orig).lower() for m in _SQLITE):
        return True
    return getattr(orig, "sqlstate", None) in _SQLSTATES or getattr(orig, "pgcode", None) in _SQLSTATES
