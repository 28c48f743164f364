"""The index file format: versioned, checksummed, memory-mapped, and never executable.

    magic (16 bytes) | sections, each 64-byte aligned | footer (JSON) | footer size (8) | end (8)

Sections hold numpy buffers and JSON arrays written by `clearance.index.codec`, one set
of columns per dataclass field. The footer (JSON) records the format version, the class
and its field layout, the caller's key (what the contents were built from), the section
table and a CRC-32 of the sections. Reading checks all of them before decoding and
raises `IndexFileError` naming what is wrong; a file for another layout or key is
recognised from its footer alone, without decoding anything.

Writing goes to `<name>.tmp<pid>`, is flushed to disk, then renamed into place: readers
see the old file or the new one, never a part. A writer killed on the way leaves its
temporary behind; `remove_stale_temporaries` deletes those of processes that are gone.
"""

from __future__ import annotations

import gc
import mmap
import os
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import orjson

from clearance.exc import IndexFileError
from clearance.index.codec import (
    Codec,
    DictCodec,
    SequenceCodec,
    dataclass_codecs,
    type_name,
)
from clearance.processes import alive

__all__ = ["FORMAT", "Reader", "read_footer", "read_file", "remove_stale_temporaries",
           "write_file"]

FORMAT = 2  # 2: strings separated by NUL (`codec._Str`)
MAGIC = b"\x89CLEARANCE-IDX\r\n"
END = b"CIDX-END"
ALIGN = 64
STALE_AFTER = 6 * 3600.0  # seconds after which any temporary is stale, its writer alive or not
T = TypeVar("T")


class _Output:
    """Appends aligned sections to an open file, keeping a CRC-32 of everything written."""

    def __init__(self, fh: Any) -> None:
        self.fh = fh
        self.pos = 0
        self.crc = 0
        self.sections: list[tuple[int, int]] = []
        self._write(MAGIC)

    def _write(self, data: bytes | memoryview) -> None:
        self.fh.write(data)
        if self.pos >= len(MAGIC):
            self.crc = zlib.crc32(data, self.crc)
        self.pos += len(data)

    def add(self, data: bytes | memoryview) -> int:
        pad = -self.pos % ALIGN
        if pad:
            self._write(b"\0" * pad)
        self.sections.append((self.pos, len(data)))
        self._write(data)
        return len(self.sections) - 1


class _Input:
    """Sections of a memory-mapped file: numpy arrays are read-only views of the map."""

    def __init__(self, view: memoryview, sections: list[tuple[int, int]]) -> None:
        self.view = view
        self.sections = sections

    def _span(self, section: int) -> tuple[int, int]:
        offset, size = self.sections[section]
        return int(offset), int(size)

    def array(self, section: int, dtype: np.dtype[Any]) -> np.ndarray[Any, Any]:
        offset, size = self._span(section)
        if size % dtype.itemsize:
            raise ValueError(f"section {section}: {size} bytes is no whole number of {dtype}")
        if size == 0:
            return np.empty(0, dtype=dtype)
        return np.frombuffer(self.view, dtype=dtype, count=size // dtype.itemsize, offset=offset)


def _temporary(path: Path) -> Path:
    return path.with_name(f"{path.name}.tmp{os.getpid()}")


def write_file(obj: Any, path: Path, key: dict[str, Any]) -> None:
    """Write a dataclass instance to `path` atomically; `key` says what it was built from."""
    codecs = dataclass_codecs(type(obj))
    tmp = _temporary(path)
    try:
        with open(tmp, "wb") as fh:
            out = _Output(fh)
            fields = {name: codec.encode([getattr(obj, name)], out)
                      for name, codec in codecs.items()}
            footer_start = out.pos
            footer = orjson.dumps({
                "format": FORMAT, "class": f"{type(obj).__module__}.{type(obj).__qualname__}",
                "layout": type_name(type(obj)), "key": key, "fields": fields,
                "sections": out.sections, "crc32": out.crc, "body_end": footer_start,
            })
            fh.write(footer)
            fh.write(struct.pack("<Q", len(footer)))
            fh.write(END)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # no half-written file stays behind
        raise


def _open(path: Path) -> tuple[memoryview, dict[str, Any]]:
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size < len(MAGIC) + 16:
                raise IndexFileError(f"{path}: truncated ({size} bytes)")
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except OSError as exc:
        raise IndexFileError(f"{path}: unreadable ({exc})") from None
    view = memoryview(mapped)
    if view[:len(MAGIC)] != MAGIC or view[-len(END):] != END:
        raise IndexFileError(f"{path}: not a Clearance index file (no magic number)")
    (footer_size,) = struct.unpack("<Q", view[-16:-8])
    start = size - 16 - footer_size
    if not len(MAGIC) <= start < size:
        raise IndexFileError(f"{path}: truncated or corrupt (footer size {footer_size})")
    try:
        footer = orjson.loads(view[start:size - 16])
    except orjson.JSONDecodeError as exc:
        raise IndexFileError(f"{path}: corrupt footer ({exc})") from None
    if not isinstance(footer, dict) or footer.get("body_end") != start:
        raise IndexFileError(f"{path}: corrupt footer")
    return view, footer


class _Checksum:
    """The CRC-32 of a file's sections, computed in a thread while the caller decodes them.

    Why: `zlib.crc32` lets other threads run while it reads a large buffer, so checking
    the ~50 MB of the bundled lists' index takes no time of its own (15-20 ms of CPU before
    any field was decoded, on the path of every process that loads the index). Nothing
    decoded is handed out, and no instance is constructed, before `check` has passed."""

    def __init__(self, path: Path, body: memoryview, expected: Any) -> None:
        self.path = path
        self.expected = expected
        self.crc: int | None = None
        self._thread: threading.Thread | None = threading.Thread(
            target=self._run, args=(body,), daemon=True, name="index checksum")
        self._thread.start()

    def _run(self, body: memoryview) -> None:
        self.crc = zlib.crc32(body)

    def check(self) -> None:
        """Wait for the checksum; `IndexFileError` if it is not the footer's."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self.crc != self.expected:
            raise IndexFileError(f"{self.path}: corrupt (checksum mismatch)")


def read_footer(path: Path) -> dict[str, Any]:
    """The footer of an index file (format, class, layout, key), without reading the rest."""
    return _open(path)[1]


class Reader:
    """An open, checked index file whose fields are decoded on request: whole, some rows of
    a top-level list, or some keys of a top-level dict (`clearance.index.view`)."""

    def __init__(self, path: Path, cls: type[Any], key: dict[str, Any] | None = None) -> None:
        view, footer = _open(path)
        expected = f"{cls.__module__}.{cls.__qualname__}"
        if footer.get("format") != FORMAT:
            raise IndexFileError(f"{path}: format {footer.get('format')!r}, this version "
                                 f"reads {FORMAT}")
        if footer.get("class") != expected or footer.get("layout") != type_name(cls):
            raise IndexFileError(f"{path}: written for another layout of {footer.get('class')}")
        if key is not None and footer.get("key") != key:
            raise IndexFileError(f"{path}: built from other inputs")
        self._checksum = _Checksum(path, view[len(MAGIC):footer["body_end"]],
                                   footer.get("crc32"))
        self.path = path
        self.cls = cls
        self.codecs = dataclass_codecs(cls)
        self._nodes: dict[str, Any] = footer["fields"]
        self._src = _Input(view, [tuple(s) for s in footer["sections"]])

    def _guarded(self, name: str, read: Callable[[Codec, Any], Any],
                 checked: bool = True) -> Any:
        """`read` of field `name`, with the file's checksum checked (unless `checked` is
        False: the caller checks it before handing anything out). Any failure of a
        damaged file says so: the checksum's first, else the field's."""
        collecting = gc.isenabled()
        gc.disable()  # many new objects, none of them garbage: collections only cost time
        try:
            value = read(self.codecs[name], self._nodes[name])
        except (KeyError, IndexError, TypeError, ValueError, StopIteration) as exc:
            self._checksum.check()
            raise IndexFileError(f"{self.path}: corrupt field {name!r} "
                                 f"({type(exc).__name__}: {exc})") from None
        except BaseException:
            self._checksum.check()
            raise
        finally:
            if collecting:
                gc.enable()
        if checked:
            self._checksum.check()
        return value

    def field(self, name: str, checked: bool = True) -> Any:
        """The whole value of one field (`checked`: see `_guarded`)."""
        return self._guarded(name, lambda codec, node: codec.decode(node, self._src)[0],
                             checked)

    def _sequence(self, name: str) -> SequenceCodec:
        codec = self.codecs[name]
        if not isinstance(codec, SequenceCodec):
            raise TypeError(f"{self.cls.__name__}.{name} is not a list")
        return codec

    def length(self, name: str) -> int:
        """The length of a list field's value, without decoding it."""
        codec = self._sequence(name)
        return int(self._guarded(name, lambda _, node: codec.count(node, self._src)))

    def rows(self, name: str, rows: list[int]) -> list[Any]:
        """Items `rows` of a list field's value (nothing else of it is decoded)."""
        codec = self._sequence(name)
        return list(self._guarded(name, lambda _, node: codec.inner.decode_rows(
            node["items"], self._src, rows)))

    def lookup(self, name: str, keys: Iterable[str]) -> dict[Any, Any]:
        """The entries of a dict field (with string keys) for `keys` that it holds."""
        codec = self.codecs[name]
        if not isinstance(codec, DictCodec):
            raise TypeError(f"{self.cls.__name__}.{name} is not a dict")
        return dict(self._guarded(name, lambda _, node: codec.lookup(node, self._src, keys)))

    def load(self) -> Any:
        """The whole stored instance.

        The collector stays off until every field is read: switched back on between
        fields, it would walk all the objects decoded so far at each one. The checksum is
        computed meanwhile (`_Checksum`) and checked before the instance is constructed.
        """
        collecting = gc.isenabled()
        gc.disable()
        try:
            fields = {name: self.field(name, checked=False) for name in self.codecs}
            self._checksum.check()
            return self.cls(**fields)
        finally:
            if collecting:
                gc.enable()


def read_file(path: Path, cls: type[T], key: dict[str, Any] | None = None) -> T:
    """The `cls` instance stored at `path`; `IndexFileError` saying why if the file is
    corrupt, of another format or layout, or (when `key` is given) built from other inputs."""
    obj: T = Reader(path, cls, key).load()
    return obj


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete `*.tmp<pid>` files whose writer is gone (or that are hours old); the removed."""
    removed = []
    now = time.time()
    for tmp in folder.glob("*.tmp*"):
        pid_text = tmp.name.rsplit(".tmp", 1)[-1]
        pid = int(pid_text) if pid_text.isdigit() else -1
        if pid == os.getpid():
            continue
        try:
            old = now - tmp.stat().st_mtime > STALE_AFTER
        except FileNotFoundError:
            continue
        if pid < 0 or old or not alive(pid):
            tmp.unlink(missing_ok=True)
            removed.append(tmp)
    return removed
