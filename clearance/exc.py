"""The one error tree of Clearance.

    ClearanceError
    ├── SourceError          an official file could not be read; names file, line, field
    │   ├── FormatError      wrong layout: column count, missing element, bad value
    │   ├── EncodingError    bytes that do not decode
    │   └── UnsafeInputError XML bombs, entity expansion, zip members we did not expect
    ├── StoreError           the versioned store refused an operation
    │   ├── NotFound         no such alert, book entry, webhook ...
    │   │   └── UnknownVersion   a dataset or version that does not exist
    │   ├── Refused          the case's state or the rules forbid it (four-eyes, read-only)
    │   ├── AuditError       the audit log does not verify, or a checkpoint cannot be signed
    │   ├── Busy             another process holds the monitoring cycle's lock
    │   ├── StoreBusy        another writer held the database past the busy timeout (HTTP 503)
    │   └── IndexFileError   a persisted index file is corrupt, foreign or of another layout
    ├── LoginRefused         wrong password, disabled user, or locked after failures
    ├── FetchError           a download failed after its retries
    ├── ConfigError          a CLEARANCE_* setting or the store's place is unusable
    └── InputError           a user-supplied screening file, query or option is malformed

Every error carries enough context to fix the input without reading a traceback.
"""

from __future__ import annotations

__all__ = [
    "AuditError",
    "Busy",
    "ClearanceError",
    "ConfigError",
    "EncodingError",
    "FetchError",
    "FormatError",
    "IndexFileError",
    "InputError",
    "LoginRefused",
    "NotFound",
    "Refused",
    "SourceError",
    "StoreBusy",
    "StoreError",
    "UnknownVersion",
    "UnsafeInputError",
]


class ClearanceError(Exception):
    """Base of every error Clearance raises on purpose."""


class SourceError(ClearanceError):
    """An official list file is unreadable; the message names file, line and field."""

    def __init__(
        self, path: str, problem: str, line: int | None = None, field: str | None = None
    ) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        self.field = field
        where = path
        if line is not None:
            where += f", line {line}"
        if field is not None:
            where += f", field {field}"
        super().__init__(f"{where}: {problem}")


class FormatError(SourceError):
    """The file does not have the layout its publisher documents."""


class EncodingError(SourceError):
    """The file's bytes do not decode in any encoding the publisher uses."""


class UnsafeInputError(SourceError):
    """The file tries something a list file never needs (entity expansion, odd zip members)."""


class StoreError(ClearanceError):
    """The versioned store refused an operation."""


class NotFound(StoreError):
    """A thing asked for by id that the store does not hold (HTTP 404)."""


class UnknownVersion(NotFound):
    """A dataset or version that the store does not hold."""


class Refused(StoreError):
    """The action is valid but not allowed now: a proposer approving their own decision,
    a decision on a case that is already decided, a role that may not do it (HTTP 409)."""


class LoginRefused(ClearanceError):
    """A sign-in that failed; `retry_after` seconds are left when the user is locked."""

    def __init__(self, problem: str, retry_after: int = 0) -> None:
        self.retry_after = retry_after
        super().__init__(problem)


class AuditError(StoreError):
    """The audit log failed a check, or a signed checkpoint cannot be made or read."""


class Busy(StoreError):
    """Another process holds a lock this operation needs (a monitoring cycle is running)."""


class StoreBusy(StoreError):
    """Another writer (a list load, a large book import) held the database for longer than
    the busy timeout; nothing of this operation was written. Try again (HTTP 503)."""


class IndexFileError(StoreError):
    """A persisted index file cannot be used: corrupt, truncated, foreign, or written for
    another layout; the message says which. Callers that own the file rebuild it."""


class FetchError(ClearanceError):
    """A download failed after all its retries."""


class ConfigError(ClearanceError):
    """A setting (`CLEARANCE_*`) or the store it points at cannot be used as given."""


class InputError(ClearanceError):
    """A user-supplied query or screening file is malformed."""

    def __init__(self, problem: str, path: str | None = None, line: int | None = None) -> None:
        self.problem = problem
        self.path = path
        self.line = line
        where = "" if path is None else path + (f", line {line}" if line is not None else "") + ": "
        super().__init__(where + problem)
