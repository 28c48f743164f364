"""Uploads kept between two requests (an import's preview, then its confirmation).

The file is stored under `CLEARANCE_HOME/uploads/` with a random token as its name; the
form carries only the token, which must have the exact shape we issue, so no path from
the browser ever reaches the file system.
"""

from __future__ import annotations

import re
import shutil
import uuid
from pathlib import Path
from typing import BinaryIO

from clearance import settings
from clearance.exc import InputError
from clearance.screening.io import FORMATS

__all__ = ["keep_upload", "kept_upload"]

_TOKEN = re.compile(r"^(?P<kind>[a-z]+)-[0-9a-f]{32}(?P<suffix>\.[a-z]+)$")


def _folder() -> Path:
    folder = settings.home() / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def keep_upload(kind: str, filename: str, data: BinaryIO,
                formats: tuple[str, ...] = FORMATS) -> str:
    """Store an upload; returns its token (`kind-<hex><suffix>`)."""
    suffix = Path(filename).suffix.lower()
    if suffix not in formats:
        raise InputError(f"unsupported file type {suffix!r}; use one of {', '.join(formats)}",
                         path=filename)
    token = f"{kind}-{uuid.uuid4().hex}{suffix}"
    with open(_folder() / token, "wb") as fh:
        shutil.copyfileobj(data, fh)
    return token


def kept_upload(kind: str, token: str, formats: tuple[str, ...] = FORMATS) -> Path:
    """The stored file of a token issued by `keep_upload` for `kind`."""
    match = _TOKEN.match(token)
    if match is None or match["kind"] != kind or match["suffix"] not in formats:
        raise InputError("this upload is unknown; choose the file again")
    path = _folder() / token
    if not path.exists():
        raise InputError("this upload has expired; choose the file again")
    return path
