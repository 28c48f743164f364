"""The index file: written whole or not at all, checked before use, never executed."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from clearance.exc import IndexFileError
from clearance.index.artifact import read_file, read_footer, remove_stale_temporaries, write_file


@dataclass
class Small:
    name: str
    weights: dict[str, float] = field(default_factory=dict)
    ids: list[int] = field(default_factory=list)


@dataclass
class Other:
    name: str
    weights: dict[str, int] = field(default_factory=dict)


def _written(tmp_path: Path) -> Path:
    path = tmp_path / "small.cidx"
    write_file(Small("x", {"a": 0.5, "b": 1.0}, list(range(1000))), path, {"lists": {"d": 1}})
    return path


def test_a_written_file_reads_back_with_its_key(tmp_path: Path) -> None:
    path = _written(tmp_path)
    assert read_file(path, Small, {"lists": {"d": 1}}) == Small("x", {"a": 0.5, "b": 1.0},
                                                               list(range(1000)))
    assert read_footer(path)["key"] == {"lists": {"d": 1}}
    assert [p.name for p in tmp_path.iterdir()] == ["small.cidx"]  # no temporary left


def test_a_file_built_from_other_inputs_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IndexFileError, match="other inputs"):
        read_file(_written(tmp_path), Small, {"lists": {"d": 2}})


def test_a_file_of_another_layout_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IndexFileError, match="another layout"):
        read_file(_written(tmp_path), Other)


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "tail"])
def test_a_damaged_file_is_refused_with_the_reason(tmp_path: Path, damage: str) -> None:
    path = _written(tmp_path)
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        data[200] ^= 0xFF  # inside the sections: only the checksum notices
    elif damage == "empty":
        data = bytearray()
    else:
        data[-20] ^= 0xFF  # the footer's size
    path.write_bytes(bytes(data))
    with pytest.raises(IndexFileError, match=r"small\.cidx: (truncated|corrupt|not a)"):
        read_file(path, Small)


def test_a_pickle_in_its_place_is_refused_and_never_run(tmp_path: Path) -> None:
    """The reason the format changed: loading must not execute what the file says."""
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    path = tmp_path / "index-0000.cidx"
    path.write_bytes(pickle.dumps(Exploit()))
    with pytest.raises(IndexFileError, match="not a Clearance index file"):
        read_file(path, Small)
    assert not marker.exists()


def test_a_failed_write_leaves_neither_file_nor_temporary(tmp_path: Path) -> None:
    path = tmp_path / "bad.cidx"
    with pytest.raises(OverflowError):
        write_file(Small("x", ids=[2**70]), path, {})
    assert list(tmp_path.iterdir()) == []


WRITER = """
import sys, time
from dataclasses import dataclass
import clearance.index.codec as codec
from clearance.index.artifact import write_file

original = codec._Number.encode
def slow(self, values, out):
    node = original(self, values, out)
    print("writing", flush=True)
    time.sleep(60)  # killed here, half way through the file
    return node
codec._Number.encode = slow

@dataclass
class Small:
    name: str
    ids: list[int]

write_file(Small("x" * 100000, list(range(1000))), __import__("pathlib").Path(sys.argv[1]), {})
"""


def test_a_writer_killed_mid_file_leaves_only_a_temporary_that_is_cleaned_up(
        tmp_path: Path) -> None:
    path = tmp_path / "index-killed.cidx"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    (tmp,) = tmp_path.iterdir()
    assert tmp.name == f"index-killed.cidx.tmp{proc.pid}" and not path.exists()
    live = tmp_path / f"other.cidx.tmp{os.getpid()}"  # this process is alive: kept
    live.write_bytes(b"x")
    assert remove_stale_temporaries(tmp_path) == [tmp]
    assert list(tmp_path.iterdir()) == [live]


def test_temporaries_of_live_writers_are_kept_until_hours_old(tmp_path: Path) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        tmp = tmp_path / f"index-x.cidx.tmp{sleeper.pid}"
        tmp.write_bytes(b"partial")
        assert remove_stale_temporaries(tmp_path) == [] and tmp.exists()
        old = time.time() - 7 * 3600
        os.utime(tmp, (old, old))
        assert remove_stale_temporaries(tmp_path) == [tmp]
    finally:
        sleeper.kill()
        sleeper.wait()


def test_the_checksum_is_computed_beside_the_decode_not_before_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`zlib.crc32` of the sections runs in a thread of its own (it lets the decoding
    thread run meanwhile): not on the path of every process that loads the index."""
    import threading
    import zlib

    import clearance.index.artifact as artifact

    path = _written(tmp_path)
    threads: list[str] = []

    class _Zlib:
        @staticmethod
        def crc32(data: memoryview, value: int = 0) -> int:
            threads.append(threading.current_thread().name)
            return zlib.crc32(data, value)

    monkeypatch.setattr(artifact, "zlib", _Zlib)
    assert read_file(path, Small).ids == list(range(1000))
    assert threads and threading.main_thread().name not in threads


@dataclass
class Noted:
    weights: list[float]
    seen: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        CONSTRUCTED.append(len(self.weights))


CONSTRUCTED: list[int] = []


@pytest.mark.parametrize("where", ["data", "offsets"])
def test_a_damaged_file_is_refused_by_its_checksum_before_any_instance_is_made(
        tmp_path: Path, where: str) -> None:
    """Fields are decoded while the checksum is computed: a damaged byte that decodes
    (a float) or that breaks the decode (a list's offsets) is refused as a checksum
    mismatch, and the class is never constructed (`Index.__post_init__` sets global
    tables)."""
    path = tmp_path / "noted.cidx"
    write_file(Noted([0.5] * 64, list(range(64))), path, {})
    footer = read_footer(path)
    offset, _ = footer["sections"][footer["fields"]["weights"]["items"]["data"]
                                   if where == "data" else
                                   footer["fields"]["seen"]["offsets"]]
    data = bytearray(path.read_bytes())
    data[offset + 9] ^= 0x7F
    path.write_bytes(bytes(data))
    CONSTRUCTED.clear()
    with pytest.raises(IndexFileError, match="checksum mismatch"):
        read_file(path, Noted)
    assert CONSTRUCTED == []
