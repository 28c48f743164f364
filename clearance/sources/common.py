"""Shared reading helpers: decoding, CSV rows with line numbers, checksums, safe XML.

Every helper raises a `SourceError` subclass that names the file, the line and the
problem, so a bad publication is rejected before anything is written to the store.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from clearance.archive import check_zip, gunzip
from clearance.exc import EncodingError, FormatError, UnsafeInputError
from clearance.model import ListEntity
from clearance.securities import check_isin

__all__ = [
    "Parsed",
    "Row",
    "csv_rows",
    "decode",
    "malformed_isins",
    "parse_xml",
    "read_text",
    "read_zip_member",
    "sha256_file",
    "split_list",
]

MAX_XML_BYTES = 200 * 1024 * 1024


@dataclass
class Row:
    """One record of a source file, with the line it started on (for error messages)."""

    path: str
    line: int
    values: list[str]


@dataclass
class Parsed:
    """A publication turned into entities, ready to be stored as one version."""

    dataset: str
    entities: list[ListEntity]
    published: date | None
    files: dict[str, str]  # file name -> sha256
    warnings: list[str] = field(default_factory=list)


def sha256_file(path: Path) -> str:
    """Checksum recorded with each version (and compared on update to skip unchanged files)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, path: str, fallback: str | None = None) -> str:
    """UTF-8 (BOM tolerated), else the publisher's legacy `fallback`; else name the bad line."""
    if b"\x00" in data:
        raise EncodingError(path, "binary content (NUL byte): not a text list file",
                            line=_line_of(data, data.index(b"\x00")))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if fallback is not None:
            try:
                return data.decode(fallback)
            except UnicodeDecodeError:
                pass
        raise EncodingError(
            path, f"invalid {'UTF-8' if fallback is None else 'UTF-8/' + fallback} "
            f"byte 0x{data[exc.start]:02x}", line=_line_of(data, exc.start)
        ) from None


def read_text(path: Path, fallback: str | None = None, gz: bool = False) -> str:
    """Read a whole list file as text; refuses empty files (a failed download)."""
    if gz or path.suffix == ".gz":
        raw = gunzip(path)  # streamed, with limits on size and ratio
    else:
        raw = path.read_bytes()
    if raw.strip(b"\x1a \r\n\t") == b"":
        raise FormatError(str(path), "file is empty")
    return decode(raw, str(path), fallback)


def csv_rows(
    text: str, path: str, columns: int | None = None, **fmt: Any
) -> Iterator[Row]:
    """CSV records with the line each started on; checks the column count of every row.

    A trailing DOS end-of-file byte (0x1A), which OFAC appends, is dropped.
    """
    text = text.rstrip("\x1a")
    if text.endswith("\x1a\r\n") or "\x1a" in text[-4:]:
        text = text.replace("\x1a", "")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, **fmt)
    start = 1
    try:
        for values in reader:
            line = start
            start = reader.line_num + 1
            if len(values) == 0 or values == [""]:
                continue
            if columns is not None and len(values) != columns:
                raise FormatError(
                    path, f"expected {columns} columns, found {len(values)}"
                    + (" (truncated file?)" if len(values) < columns else ""), line=line
                )
            yield Row(path, line, values)
    except csv.Error as exc:
        raise FormatError(path, f"malformed CSV ({exc}); truncated file?", line=start) from None


def parse_xml(data: bytes, path: str) -> Element:
    """Parse untrusted XML with defusedxml: no entity expansion, no DTDs, no external refs."""
    if len(data) > MAX_XML_BYTES:
        raise UnsafeInputError(path, f"XML larger than {MAX_XML_BYTES} bytes")
    if data.strip() == b"":
        raise FormatError(path, "file is empty")
    try:
        return SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise UnsafeInputError(path, f"refused unsafe XML: {type(exc).__name__}") from None
    except SafeET.ParseError as exc:
        line, col = getattr(exc, "position", (None, None))
        raise FormatError(path, f"malformed XML ({exc.msg if hasattr(exc, 'msg') else exc})"
                          + (f" at column {col}" if col else ""), line=line) from None


def read_zip_member(path: Path, allowed: tuple[str, ...], max_bytes: int = MAX_XML_BYTES) -> bytes:
    """Read the one expected member of a publisher zip; anything else is refused."""
    try:
        with zipfile.ZipFile(path) as zf:
            check_zip(zf, str(path))
            infos = zf.infolist()
            names = [i.filename for i in infos]
            unexpected = [n for n in names if n.upper() not in allowed]
            if unexpected or len(infos) != 1:
                raise UnsafeInputError(
                    str(path), f"zip holds {names}, expected exactly one of {list(allowed)}"
                )
            info = infos[0]
            if info.file_size > max_bytes:
                raise UnsafeInputError(str(path), f"{info.filename} unpacks to "
                                       f"{info.file_size} bytes, over the {max_bytes} limit")
            with zf.open(info) as fh:
                data = fh.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise UnsafeInputError(str(path), f"{info.filename} unpacks past the limit")
            return data
    except zipfile.BadZipFile as exc:
        raise FormatError(str(path), f"not a valid zip ({exc}); truncated download?") from None


def split_list(value: str | None, sep: str = "; ") -> list[str]:
    """Split a multi-valued CSV cell; empty parts dropped."""
    if value is None or value.strip() == "":
        return []
    return [v.strip() for v in value.split(sep) if v.strip() != ""]


def malformed_isins(entities: list[ListEntity], where: str) -> list[str]:
    """Load warnings for published ISINs that fail validation (kept exactly as published).

    OFAC's own files carry a few (a truncated Brazilian BDR ISIN, two Chinese bond ISINs
    whose check digits do not fit). They stay on the entity, since a holding that copies
    the same string should still be found, but the version records that they are wrong.
    """
    out = []
    for ent in entities:
        for value in ent.proxy.get("isinCode", quiet=True):
            checked = check_isin(value)
            if not checked.valid:
                out.append(f"{where}: entity {ent.source_id} ({ent.proxy.caption}): ISIN "
                           f"{value!r} is malformed ({checked.problem}); kept as published")
    return out
