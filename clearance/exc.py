"""The one error tree of Clearance.

    ClearanceError
    ├── SourceError          an official file could not be read; names file, line, field
    │   ├── FormatError      wrong layout: column count, missing element, bad value
    │   ├── EncodingError    bytes that do not decode
    │   └── UnsafeInputError XML bombs, entity expansion, zip members we did not expect
    ├── StoreError           the versioned store refused an operation
    │   └── NotFound         no such alert, book entry, webhook ...
    │       └── UnknownVersion   a dataset or version that does not exist
    ├── FetchError           a download failed after its retries
    └── InputError           a user-supplied screening file or query is malformed

Every error carries enough context to fix the input without reading a traceback.
"""

from __future__ import annotations

__all__ = [
    "ClearanceError",
    "EncodingError",
    "FetchError",
    "FormatError",
    "InputError",
    "NotFound",
    "SourceError",
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


class FetchError(ClearanceError):
    """A download failed after all its retries."""


class InputError(ClearanceError):
    """A user-supplied query or screening file is malformed."""

    def __init__(self, problem: str, path: str | None = None, line: int | None = None) -> None:
        self.problem = problem
        self.path = path
        self.line = line
        where = "" if path is None else path + (f", line {line}" if line is not None else "") + ": "
        super().__init__(where + problem)
