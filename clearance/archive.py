"""Bounded decompression: gzip and zip files are untrusted input, like everything else.

A 612 KB spreadsheet can unpack to 1.6 GB and a 2 MB gzip to 4.4 GB. Nothing here
decompresses more than `settings.max_unpacked()` bytes, and anything that grows past
`RATIO_FLOOR` at more than `MAX_RATIO` times its packed size is refused as soon as the
ratio shows, long before the memory is spent. Real files stay far below both: the CSL
gzip unpacks 4.2 times, OFAC's enhanced XML zip 16.5 times, spreadsheets 5 to 30 times.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from clearance import settings
from clearance.exc import FormatError, UnsafeInputError

__all__ = ["MAX_RATIO", "RATIO_FLOOR", "check_ratio", "check_zip", "gunzip"]

MAX_RATIO = 200
RATIO_FLOOR = 32 * 1024 * 1024
_CHUNK = 1 << 20


def check_ratio(path: str, unpacked: int, packed: int, what: str = "content") -> None:
    """Refuse `unpacked` bytes over the limit, or past the floor at a bomb's ratio."""
    limit = settings.max_unpacked()
    if unpacked > limit:
        raise UnsafeInputError(path, f"{what} unpacks to more than {limit:,} bytes "
                               "(CLEARANCE_MAX_UNPACKED_MB); refused as a possible zip bomb")
    if unpacked > RATIO_FLOOR and unpacked > MAX_RATIO * max(packed, 1):
        raise UnsafeInputError(path, f"{what} unpacks more than {MAX_RATIO} times its packed "
                               f"size ({packed:,} -> over {unpacked:,} bytes); refused as a "
                               "possible zip bomb")


def gunzip(path: Path) -> bytes:
    """The decompressed bytes of a gzip file, checked while they stream (see module doc)."""
    out: list[bytes] = []
    total = used = 0  # bytes out, compressed bytes consumed
    inflater = zlib.decompressobj(wbits=31)
    started = False  # the current member has been fed bytes
    try:
        with open(path, "rb") as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if chunk == b"":
                    break
                data = chunk
                while data != b"":
                    started = True
                    part = inflater.decompress(data, _CHUNK)
                    rest = inflater.unused_data if inflater.eof else inflater.unconsumed_tail
                    used += len(data) - len(rest)
                    total += len(part)
                    check_ratio(str(path), total, used, "gzip")
                    out.append(part)
                    if inflater.eof:  # a further gzip member may follow (RFC 1952 2.2)
                        data = rest.lstrip(b"\x00")  # zero padding ends the file
                        inflater = zlib.decompressobj(wbits=31)
                        started = False
                    else:
                        data = rest
    except zlib.error as exc:
        raise FormatError(str(path), f"corrupt gzip ({exc})") from None
    if started:
        raise FormatError(str(path), "truncated gzip: the file ends inside compressed data")
    return b"".join(out)


def check_zip(zf: zipfile.ZipFile, path: str) -> None:
    """Refuse a zip whose members declare more than the limits allow.

    `zipfile` never returns more bytes than a member declares (and checks its CRC), so the
    declared sizes are the sizes that can be read: checking them refuses a bomb before a
    byte is inflated.
    """
    unpacked = packed = 0
    for info in zf.infolist():
        check_ratio(path, info.file_size, info.compress_size, info.filename)
        unpacked += info.file_size
        packed += info.compress_size
    check_ratio(path, unpacked, packed, "zip")
