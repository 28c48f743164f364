"""Bounded decompression: bombs refused while streaming, real archives read (issue 15)."""

from __future__ import annotations

import gzip
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from clearance.archive import check_zip, gunzip
from clearance.exc import FormatError, UnsafeInputError

MB = 1024 * 1024


def _gzip_of_zeros(path: Path, megabytes: int) -> Path:
    with gzip.open(path, "wb", compresslevel=9) as fh:
        for _ in range(megabytes):
            fh.write(b"\x00" * MB)
    return path


def test_a_gzip_bomb_is_refused_early_without_inflating_it(tmp_path: Path) -> None:
    bomb = _gzip_of_zeros(tmp_path / "consolidated.csv.gz", 400)  # 400 MB in ~400 KB
    assert bomb.stat().st_size < 1 * MB
    tracemalloc.start()
    with pytest.raises(UnsafeInputError) as err:
        gunzip(bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "possible zip bomb" in str(err.value) and str(bomb) in str(err.value)
    assert peak < 80 * MB  # refused at the ratio, around 32 MB, not at 400 MB


def test_the_size_limit_is_a_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "data.gz"
    path.write_bytes(gzip.compress(bytes(range(256)) * 8192))  # 2 MB, incompressible-ish
    assert len(gunzip(path)) == 2 * MB
    monkeypatch.setenv("CLEARANCE_MAX_UNPACKED_MB", "1")
    with pytest.raises(UnsafeInputError, match="more than 1,048,576 bytes"):
        gunzip(path)


def test_truncated_and_multi_member_gzip(tmp_path: Path) -> None:
    whole = gzip.compress(b"a" * 100_000)
    cut = tmp_path / "cut.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(FormatError, match="truncated gzip"):
        gunzip(cut)
    two = tmp_path / "two.gz"
    two.write_bytes(gzip.compress(b"first,") + gzip.compress(b"second"))
    assert gunzip(two) == b"first,second"
    junk = tmp_path / "junk.gz"
    junk.write_bytes(b"not gzip at all")
    with pytest.raises(FormatError, match="corrupt gzip"):
        gunzip(junk)


def test_the_real_csl_gzip_reads_in_full(lists_dir: Path) -> None:
    data = gunzip(lists_dir / "trade_csl" / "consolidated.csv.gz")
    assert data.startswith(b"_id,source,entity_number") and len(data) > 5 * MB


def test_a_zip_is_judged_by_what_its_members_declare(tmp_path: Path) -> None:
    path = tmp_path / "CONS_ENHANCED.ZIP"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, \
            zf.open("CONS_ENHANCED.XML", "w") as fh:
        for _ in range(100):
            fh.write(b" " * MB)
    with zipfile.ZipFile(path) as zf, pytest.raises(UnsafeInputError, match="zip bomb"):
        check_zip(zf, str(path))


def test_list_loading_refuses_a_gzip_bomb_and_keeps_the_active_version(
        home: Path, tmp_path: Path, lists_dir: Path) -> None:
    from clearance.store import status
    from clearance.store.load import load_paths

    assert load_paths([lists_dir / "trade_csl"])[0].error is None
    folder = tmp_path / "bomb"
    folder.mkdir()
    _gzip_of_zeros(folder / "consolidated.csv.gz", 100)
    (result,) = load_paths([folder])
    assert result.error is not None and "possible zip bomb" in result.error
    assert [(s.dataset, s.version) for s in status()] == [("us_trade_csl", 1)]
