"""Dataclasses to columns of plain data and back, driven by their field types.

The persisted index is built from plain values: numbers, strings, lists, tuples, sets,
dicts, nested dataclasses and numpy arrays. Each field is stored column by column, like
Arrow does, so loading is a handful of bulk operations per field (numpy buffers, one
UTF-8 buffer of strings) rather than one step per object, and nothing in the file can
run code: the reader builds only the types the field annotations name. Any rows of a
column can also be read alone (`decode_rows`), and a top-level dict with string keys can
be asked for a few keys (`lookup`): a one-shot query reads a few kilobytes, not the index.

A codec is made from a type (`codec_for`); it encodes a list of values into sections of
an `Output` and returns a JSON-able node describing them, and decodes such a node from an
`Input` back into the list of values. A type it does not know (`Any`, callables,
unions other than `X | None`) is refused when the codec is made, so a new field that cannot
be stored fails the round-trip test instead of vanishing from the file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import Any, Protocol

import numpy as np

__all__ = ["Codec", "DictCodec", "Input", "Output", "SequenceCodec", "codec_for",
           "dataclass_codecs", "stable_hash", "type_name"]

Node = dict[str, Any]


class Output(Protocol):
    """Where encoded sections go: each `add` returns the section's number."""

    def add(self, data: bytes | memoryview) -> int: ...


class Input(Protocol):
    """Where sections come from, by number (the inverse of `Output`)."""

    def array(self, section: int, dtype: np.dtype[Any]) -> np.ndarray[Any, Any]: ...


class Codec:
    """Encodes a column (list) of values of one type; decodes all of it, or some rows."""

    def encode(self, values: list[Any], out: Output) -> Node:
        raise NotImplementedError

    def decode(self, node: Node, src: Input) -> list[Any]:
        raise NotImplementedError

    def decode_rows(self, node: Node, src: Input, rows: list[int]) -> list[Any]:
        """The values at `rows` only (reading no more of the file than they need)."""
        raise NotImplementedError


def _offsets(lengths: Iterable[int]) -> np.ndarray[Any, np.dtype[np.int64]]:
    out = np.zeros(1, dtype=np.int64)
    return np.concatenate([out, np.cumsum(np.fromiter(lengths, dtype=np.int64))])


def _offsets_of(node: Node, src: Input, key: str = "offsets") -> np.ndarray[Any, Any]:
    return src.array(node[key], np.dtype(np.int64))


def _spans(offsets: np.ndarray[Any, Any], rows: list[int]) -> tuple[list[int], list[int]]:
    """For `rows` of a column whose items lie at `offsets`: the item rows they cover, and
    where each row's items start in that list."""
    starts: list[int] = offsets[rows].tolist() if rows else []
    ends: list[int] = offsets[np.asarray(rows, dtype=np.int64) + 1].tolist() if rows else []
    inner: list[int] = []
    cuts = [0]
    for a, b in zip(starts, ends):
        inner.extend(range(a, b))
        cuts.append(len(inner))
    return inner, cuts


def stable_hash(text: str) -> int:
    """A 63-bit hash of a string, the same in every process (unlike `hash`)."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") >> 1


class _Number(Codec):
    def __init__(self, dtype: type[Any]) -> None:
        self.dtype = np.dtype(dtype)

    def encode(self, values: list[Any], out: Output) -> Node:
        return {"data": out.add(np.asarray(values, dtype=self.dtype).tobytes())}

    def decode(self, node: Node, src: Input) -> list[Any]:
        values: list[Any] = src.array(node["data"], self.dtype).tolist()
        return values

    def decode_rows(self, node: Node, src: Input, rows: list[int]) -> list[Any]:
        if not rows:
            return []
        values: list[Any] = src.array(node["data"], self.dtype)[rows].tolist()
        return values


class _Str(Codec):
    """Strings as one UTF-8 buffer plus offsets: decoded in bulk, or a few by position.

    Each string is followed by a NUL when none of them holds one, so that the bulk decode
    is one `str.split` (a C loop) rather than a slice per string; offsets count bytes and
    then include the separators. Otherwise (a NUL in some string) the strings are run
    together and, when some string is not ASCII, offsets also count characters (the bulk
    decode slices one decoded text). Lone surrogates survive (`surrogatepass`).
    """

    def encode(self, values: list[Any], out: Output) -> Node:
        if not any("\0" in v for v in values):
            data = "".join(f"{v}\0" for v in values).encode("utf-8", "surrogatepass")
            return {"data": out.add(data), "sep": True,
                    "offsets": out.add(_offsets(len(v.encode("utf-8", "surrogatepass")) + 1
                                                for v in values).tobytes())}
        data = "".join(values).encode("utf-8", "surrogatepass")
        node = {"data": out.add(data),
                "offsets": out.add(_offsets(len(v.encode("utf-8", "surrogatepass"))
                                            for v in values).tobytes())}
        if not data.isascii():
            node["chars"] = out.add(_offsets(len(v) for v in values).tobytes())
        return node

    def decode(self, node: Node, src: Input) -> list[Any]:
        text = str(src.array(node["data"], np.dtype(np.uint8)).data, "utf-8", "surrogatepass")
        if node.get("sep"):
            count = len(_offsets_of(node, src)) - 1
            parts = text.split("\0")
            if len(parts) != count + 1 or parts[-1] != "":
                raise ValueError(f"{count} strings expected, {len(parts) - 1} stored")
            parts.pop()
            return parts
        bounds: list[int] = _offsets_of(node, src, "chars" if "chars" in node else "offsets").tolist()
        if bounds[-1] != len(text):
            raise ValueError(f"strings of {bounds[-1]} characters in a text of {len(text)}")
        return [text[a:b] for a, b in pairwise(bounds)]

    def decode_rows(self, node: Node, src: Input, rows: list[int]) -> list[Any]:
        data = src.array(node["data"], np.dtype(np.uint8))
        offsets = _offsets_of(node, src)
        if not rows:
            return []
        cut = 1 if node.get("sep") else 0  # the separator after each string
        starts = offsets[rows].tolist()
        ends = offsets[np.asarray(rows, dtype=np.int64) + 1].tolist()
        return [str(data[a:b - cut].tobytes(), "utf-8", "surrogatepass")
                for a, b in zip(starts, ends)]


class _Optional(Codec):
    def __init__(self, inner: Codec) -> None:
        self.inner = inner

    def encode(self, values: list[Any], out: Output) -> Node:
        present = [v is not None for v in values]
        return {"present": out.add(np.asarray(present, dtype=np.bool_).tobytes()),
                "values": self.inner.encode([v for v in values if v is not None], out)}

    def decode(self, node: Node, src: Input) -> list[Any]:
        present = src.array(node["present"], np.dtype(np.bool_)).tolist()
        found = iter(self.inner.decode(node["values"], src))
        return [next(found) if p else None for p in present]

    def decode_rows(self, node: Node, src: Input, rows: list[int]) -> list[Any]:
        present = src.array(node["present"], np.dtype(np.bool_))
        before = np.cumsum(present) - present  # values stored before each row
        wanted = [r for r in rows if present[r]]
        found = iter(self.inner.decode_rows(node["values"], src, before[wanted].tolist()))
        return [next(found) if present[r] else None for r in rows]


class SequenceCodec(Codec):
    """list, tuple[X, ...], set, frozenset: lengths plus the flattened items."""

    def __init__(self, inner: Codec, make: Callable[[list[Any]], Any]) -> None:
        self.inner = inner
        self.make = make

    def encode(self, values: list[Any], out: Output) -> Node:
        flat = [item for v in values for item in v]
        return {"offsets": out.add(_offsets(len(v) for v in values).tobytes()),
                "items": self.inner.encode(flat, out)}

    def decode(self, node: Node, src: Input) -> list[Any]:
        bounds: list[int] = _offsets_of(node, src).tolist()
        flat = self.inner.decode(node["items"], src)
        if bounds[-1] != len(flat):
            raise ValueError(f"{bounds[-1]} items expected, {len(flat)} stored")
        make = self.make
        if make is list:  # slices of a list are lists, of a tuple tuples: no second copy
            if len(bounds) == 2:  # one value (a top-level field)
                return [flat]
            return [flat[a:b] for a, b in pairwise(bounds)]
        if make is tuple:
            items = tuple(flat)
            return [items[a:b] for a, b in pairwise(bounds)]
        return [make(flat[a:b]) for a, b in pairwise(bounds)]

    def decode_rows(self, node: Node, src: Input, rows: list[int]) -> list[Any]:
        inner, cuts = _spans(_offsets_of(node, src), rows)
        flat = self.inner.decode_rows(node["items"], src, inner)
        return [self.make(flat[a:b]) for a, b in pairwise(cuts)]

    def count(self, node: Node, src: Input) -> int:
        """Items in all values together (of a top-level field: the length of its one value)."""
        return int(_offsets_of(node, src)[-1])


class _Tuple(Codec):
    """tuple[A, B, ...] of fixed length: one column per position."""

    def __init__(self, items: list[Codec]) -> None:
        self.items = items

    def encode(self, values: list[Any], out: Output) -> Node:
        for v in values:
            if len(v) != len(self.items):
                raise ValueError(f"a tuple of {len(v)} items where {len(self.items)} are declared")
        return {"items": [c.encode([v[k] for v in values], out)
                          for k, c in enumerate(self.items)]}

    def decode(self, node: Node, src: Input) -> list[Any]:
        columns = [c.decode(n, src) for c, n in zip(self.items, node["items"])]
        return list(zip(*columns))

    def decode_rows(self, node: Node, src: Input, rows: list[int]) -> list[Any]:
        columns = [c.decode_rows(n, src, rows) for c, n in zip(self.items, node["items"])]
        return list(zip(*columns))


class DictCodec(Codec):
    """Keys and values as two columns. A dict with string keys also stores the keys'
    stable hashes, sorted, so that `lookup` finds a few keys without decoding the rest."""

    def __init__(self, key: Codec, value: Codec) -> None:
        self.key = key
        self.value = value

    def encode(self, values: list[Any], out: Output) -> Node:
        keys = [k for v in values for k in v]
        node = {"offsets": out.add(_offsets(len(v) for v in values).tobytes()),
                "keys": self.key.encode(keys, out),
                "values": self.value.encode([x for v in values for x in v.values()], out)}
        if isinstance(self.key, _Str) and len(values) == 1:
            hashes = np.fromiter((stable_hash(k) for k in keys), dtype=np.int64, count=len(keys))
            order = np.argsort(hashes, kind="stable")
            node["hashes"] = out.add(hashes[order].tobytes())
            node["order"] = out.add(order.astype(np.int64).tobytes())
        return node

    def decode(self, node: Node, src: Input) -> list[Any]:
        bounds: list[int] = _offsets_of(node, src).tolist()
        keys = self.key.decode(node["keys"], src)
        vals = self.value.decode(node["values"], src)
        if not bounds[-1] == len(keys) == len(vals):
            raise ValueError(f"{bounds[-1]} entries expected, {len(keys)} keys, {len(vals)} values")
        if len(bounds) == 2:
            return [dict(zip(keys, vals))]
        return [dict(zip(keys[a:b], vals[a:b])) for a, b in pairwise(bounds)]

    def decode_rows(self, node: Node, src: Input, rows: list[int]) -> list[Any]:
        inner, cuts = _spans(_offsets_of(node, src), rows)
        keys = self.key.decode_rows(node["keys"], src, inner)
        vals = self.value.decode_rows(node["values"], src, inner)
        return [dict(zip(keys[a:b], vals[a:b])) for a, b in pairwise(cuts)]

    def lookup(self, node: Node, src: Input, wanted: Iterable[str]) -> dict[Any, Any]:
        """The entries of a top-level dict whose keys are in `wanted` (others not read)."""
        if "hashes" not in node:
            return {k: v for k, v in self.decode(node, src)[0].items() if k in set(wanted)}
        hashes = src.array(node["hashes"], np.dtype(np.int64))
        order = src.array(node["order"], np.dtype(np.int64))
        chosen = set(wanted)
        probe = np.fromiter((stable_hash(k) for k in chosen), dtype=np.int64, count=len(chosen))
        lo = np.searchsorted(hashes, probe, side="left")
        hi = np.searchsorted(hashes, probe, side="right")
        rows = sorted({int(r) for a, b in zip(lo.tolist(), hi.tolist()) for r in order[a:b]})
        keys = self.key.decode_rows(node["keys"], src, rows)
        vals = self.value.decode_rows(node["values"], src, rows)
        return {k: v for k, v in zip(keys, vals) if k in chosen}


class _Array(Codec):
    """numpy arrays of one dtype and number of dimensions: their shapes plus one buffer of
    all elements (memory-mapped by the reader: arrays are read-only views of the file)."""

    def __init__(self, dtype: type[Any] | None) -> None:
        self.dtype = None if dtype is None else np.dtype(dtype)

    def encode(self, values: list[Any], out: Output) -> Node:
        dtype = self.dtype
        if dtype is None:
            dtype = values[0].dtype if values else np.dtype(np.float64)
        ndim = values[0].ndim if values else 1
        for v in values:
            if not isinstance(v, np.ndarray) or v.dtype != dtype or v.ndim != ndim:
                raise TypeError(f"expected {ndim}-dimensional numpy arrays of {dtype}, got "
                                f"{getattr(v, 'dtype', type(v))}")
        shapes = np.array([v.shape for v in values], dtype=np.int64).reshape(len(values), ndim)
        flat = b"".join(np.ascontiguousarray(v).tobytes() for v in values)
        return {"dtype": dtype.str, "ndim": ndim, "count": len(values),
                "shapes": out.add(shapes.tobytes()), "data": out.add(flat)}

    def _layout(self, node: Node, src: Input) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any],
                                                       list[int]]:
        dtype = np.dtype(node["dtype"])
        ndim = int(node["ndim"])
        data = src.array(node["data"], dtype)
        shapes = src.array(node["shapes"], np.dtype(np.int64)).reshape(int(node["count"]), ndim)
        bounds: list[int] = _offsets(shapes.prod(axis=1).tolist()).tolist()  # 0-d: size 1
        if int(bounds[-1]) != len(data):
            raise ValueError(f"arrays of {bounds[-1]} elements in a buffer of {len(data)}")
        return data, shapes, bounds

    def decode(self, node: Node, src: Input) -> list[Any]:
        data, shapes, bounds = self._layout(node, src)
        if shapes.shape[1] == 1:
            return [data[a:b] for a, b in pairwise(bounds)]
        return [data[a:b].reshape(shape) for (a, b), shape in zip(pairwise(bounds), shapes.tolist())]

    def decode_rows(self, node: Node, src: Input, rows: list[int]) -> list[Any]:
        data, shapes, bounds = self._layout(node, src)
        return [data[bounds[r]:bounds[r + 1]].reshape(shapes[r].tolist()) for r in rows]


class _Dataclass(Codec):
    """A dataclass as one column per field, rebuilt through its constructor."""

    def __init__(self, cls: type[Any]) -> None:
        self.cls = cls
        self.fields = dataclass_codecs(cls)

    def encode(self, values: list[Any], out: Output) -> Node:
        return {"fields": {name: codec.encode([getattr(v, name) for v in values], out)
                           for name, codec in self.fields.items()}}

    def decode(self, node: Node, src: Input) -> list[Any]:
        columns = [codec.decode(node["fields"][name], src) for name, codec in self.fields.items()]
        return list(map(self.cls, *columns))

    def decode_rows(self, node: Node, src: Input, rows: list[int]) -> list[Any]:
        columns = [codec.decode_rows(node["fields"][name], src, rows)
                   for name, codec in self.fields.items()]
        return list(map(self.cls, *columns))


_NUMBERS: dict[Any, type[Any]] = {int: np.int64, float: np.float64, bool: np.bool_}
_SEQUENCES: dict[Any, Callable[[list[Any]], Any]] = {
    list: list, tuple: tuple, set: set, frozenset: frozenset}


def codec_for(hint: Any) -> Codec:
    """The codec of a type annotation (resolved, not a string); TypeError if unsupported."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in _NUMBERS:
        return _Number(_NUMBERS[hint])
    if hint is str:
        return _Str()
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1 and len(args) == 2:
            return _Optional(codec_for(inner[0]))
    elif origin is np.ndarray or hint is np.ndarray:
        dtype_args = typing.get_args(args[1]) if len(args) == 2 else ()
        dtype = dtype_args[0] if dtype_args and isinstance(dtype_args[0], type) else None
        return _Array(dtype)
    elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return SequenceCodec(codec_for(args[0]), tuple)
    elif origin is tuple and args:
        return _Tuple([codec_for(a) for a in args])
    elif origin in _SEQUENCES and len(args) == 1:
        return SequenceCodec(codec_for(args[0]), _SEQUENCES[origin])
    elif origin is dict and len(args) == 2:
        return DictCodec(codec_for(args[0]), codec_for(args[1]))
    elif isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _Dataclass(hint)
    raise TypeError(f"cannot store a value of type {type_name(hint)}")


def dataclass_codecs(cls: type[Any]) -> dict[str, Codec]:
    """A codec per field of a dataclass, in constructor order; TypeError naming the field
    whose type cannot be stored, or which the constructor cannot take back."""
    hints = typing.get_type_hints(cls)
    out: dict[str, Codec] = {}
    for f in dataclasses.fields(cls):
        if not f.init or f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: only positional constructor fields "
                            "can be stored")
        try:
            out[f.name] = codec_for(hints[f.name])
        except TypeError as exc:
            raise TypeError(f"{cls.__name__}.{f.name}: {exc}") from None
    return out


def type_name(hint: Any) -> str:
    """A stable spelling of a type, nested dataclasses' fields included: recorded in each
    file, so a file written for another layout is recognised and rebuilt."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is not None:
        if origin in (types.UnionType, typing.Union):
            return " | ".join(type_name(a) for a in args)
        return f"{type_name(origin)}[{', '.join(type_name(a) for a in args)}]"
    if hint is Ellipsis:
        return "..."
    if hint is type(None):
        return "None"
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            inner = ", ".join(f"{name}: {type_name(h)}"
                              for name, h in typing.get_type_hints(hint).items())
            return f"{hint.__qualname__}({inner})"
        return f"{hint.__module__}.{hint.__qualname__}".removeprefix("builtins.")
    return repr(hint).replace("typing.", "")
