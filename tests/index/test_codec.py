"""Field-by-field storage of dataclasses: every field of the real index round-trips, and a
field whose type cannot be stored is refused by name instead of vanishing from the file."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from clearance.index.artifact import read_file, write_file
from clearance.index.build import Index
from clearance.index.codec import DictCodec, dataclass_codecs, type_name


def same(a: Any, b: Any) -> bool:
    """Equal values of equal types, numpy arrays (also inside containers) included."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.dtype == b.dtype
                and a.shape == b.shape and bool(np.array_equal(a, b)))
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(v, b[k]) for k, v in a.items())
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    return bool(a == b)


@dataclass(frozen=True)
class Inner:
    label: str
    weights: tuple[float, ...]
    flags: tuple[bool, ...] = ()


@dataclass
class Everything:
    """One field of every kind another engineer may add to `Index`."""

    text: str
    count: int
    ratio: float
    on: bool
    maybe: str | None
    nothing: int | None
    weights: dict[str, float] = field(default_factory=dict)
    pairs: list[tuple[int, str]] = field(default_factory=list)
    keyed: dict[tuple[str, str], list[tuple[int, float]]] = field(default_factory=dict)
    tags: frozenset[str] = frozenset()
    seen: set[int] = field(default_factory=set)
    nested: list[list[int]] = field(default_factory=list)
    inner: list[Inner] = field(default_factory=list)
    vector: npt.NDArray[np.float32] = field(default_factory=lambda: np.zeros(0, np.float32))
    matrix: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros((0, 0), np.int64))
    postings: list[npt.NDArray[np.int32]] = field(default_factory=list)
    optional_inner: Inner | None = None


def test_every_kind_of_plain_field_round_trips(tmp_path: Path) -> None:
    value = Everything(
        text="Ḩājjī «Ωμέγα» 杭州 \n\t\0 end", count=-(2**62), ratio=0.1 + 0.2, on=True,
        maybe="", nothing=None,
        weights={"a": 0.25, "": -1.5, "ü": 1e-300}, pairs=[(1, "x"), (2**40, "")],
        keyed={("mhmd", "mohammed"): [(3, 0.8), (7, 1.0)], ("", ""): []},
        tags=frozenset({"x", "y"}), seen={1, 2, 3}, nested=[[], [1, 2], [3]],
        inner=[Inner("a", (0.5, 1.0), (True, False)), Inner("", ())],
        vector=np.array([0.5, 1.25], np.float32),
        matrix=np.arange(6, dtype=np.int64).reshape(2, 3),
        postings=[np.array([1, 5, 9], np.int32), np.zeros(0, np.int32)],
        optional_inner=Inner("z", (2.0,)))
    path = tmp_path / "everything.cidx"
    write_file(value, path, {"k": 1})
    back = read_file(path, Everything, {"k": 1})
    for f in dataclasses.fields(Everything):
        assert same(getattr(back, f.name), getattr(value, f.name)), f.name


def test_empty_containers_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "empty.cidx"
    write_file(Everything("", 0, 0.0, False, None, None), path, {})
    back = read_file(path, Everything)
    assert same(back, Everything("", 0, 0.0, False, None, None))


def test_every_field_of_the_real_index_round_trips(index: Index, tmp_path: Path) -> None:
    """Fails for any field of `Index` the file does not carry back exactly (a field added
    on another branch included: the loop is over the dataclass's own fields)."""
    path = tmp_path / "index.cidx"
    write_file(index, path, {"test": True})
    back = read_file(path, Index)
    checked = []
    for f in dataclasses.fields(Index):
        original = getattr(index, f.name)
        assert same(getattr(back, f.name), original), f.name
        checked.append(f.name)
    assert {"names", "entities", "owners", "postings", "fuzzy", "alternatives"} <= set(checked)
    assert len(back.names) > 40_000 and len(back.fuzzy) > 100_000  # the real, full index


@dataclass
class Unstorable:
    fine: int
    hook: Any


def test_a_field_that_cannot_be_stored_is_refused_by_name() -> None:
    with pytest.raises(TypeError, match=r"Unstorable\.hook"):
        dataclass_codecs(Unstorable)


def test_the_layout_names_nested_fields() -> None:
    layout = type_name(Index)
    assert "names: list[Name(text: str, tokens: tuple[str, ...]" in layout
    assert "numpy.int32" in layout


def test_strings_that_are_not_text_round_trip_exactly(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.cidx"
    write_file(Inner("a\ud800b\udfff", ()), path, {})
    assert read_file(path, Inner).label == "a\ud800b\udfff"


class _Memory:
    """Sections in memory: the `Output` and `Input` of the codecs, without a file."""

    def __init__(self) -> None:
        self.sections: list[bytes] = []

    def add(self, data: bytes | memoryview) -> int:
        self.sections.append(bytes(data))
        return len(self.sections) - 1

    def array(self, section: int, dtype: np.dtype[Any]) -> np.ndarray[Any, Any]:
        return np.frombuffer(self.sections[section], dtype=dtype)


def _several() -> list[Everything]:
    return [Everything(f"t{i}é" * i, i, i / 3, i % 2 == 0, None if i % 3 else f"m{i}",
                       i if i % 2 else None, {f"k{j}": j / 2 for j in range(i)},
                       [(j, str(j)) for j in range(i)], {(str(i), "x"): [(i, 0.5)]},
                       frozenset(str(j) for j in range(i)), set(range(i)),
                       [[j] * j for j in range(i)], [Inner(str(i), (1.0,) * i)],
                       np.arange(i, dtype=np.float32), np.arange(2 * i, dtype=np.int64).reshape(2, i),
                       [np.arange(j, dtype=np.int32) for j in range(i)],
                       Inner("o", ()) if i % 2 else None)
            for i in range(7)]


@pytest.mark.parametrize("rows", [[], [0], [6, 2, 2, 5], list(range(7))])
def test_any_rows_decode_alone_as_they_decode_in_bulk(rows: list[int]) -> None:
    from clearance.index.codec import codec_for

    codec = codec_for(Everything)
    memory = _Memory()
    node = codec.encode(_several(), memory)
    everything = codec.decode(node, memory)
    assert same(everything, _several())
    assert same(codec.decode_rows(node, memory, rows), [everything[r] for r in rows])


def test_a_few_keys_of_a_large_dict_are_found_without_the_rest() -> None:
    from clearance.index.codec import codec_for

    codec = codec_for(dict[str, list[int]])
    assert isinstance(codec, DictCodec)
    memory = _Memory()
    table = {f"key{i}": list(range(i % 5)) for i in range(5000)}
    node = codec.encode([table], memory)
    assert codec.lookup(node, memory, ["key7", "key4999", "absent", "key7"]) == {
        "key7": table["key7"], "key4999": table["key4999"]}
    assert codec.lookup(node, memory, []) == {}


@pytest.mark.parametrize("values", [["a", "", "é\u4e2d", "b"], ["a\0b", "", "\0", "é"], []])
def test_strings_decode_alike_in_bulk_and_by_row_with_or_without_a_nul(
        values: list[str]) -> None:
    """Strings without a NUL are stored NUL-separated (split in one step); a NUL in any
    string falls back to strings run together: both read back exactly."""
    from clearance.index.codec import codec_for

    codec = codec_for(str)
    memory = _Memory()
    node = codec.encode(values, memory)
    assert bool(node.get("sep")) == (not any("\0" in v for v in values))
    assert codec.decode(node, memory) == values
    rows = list(range(len(values)))[::-1]
    assert codec.decode_rows(node, memory, rows) == [values[r] for r in rows]
