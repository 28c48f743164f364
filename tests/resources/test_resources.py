"""Word lists: parsed from YAML once, then read from a JSON copy keyed by the YAML's bytes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import orjson
import pytest

import clearance.resources
from clearance.resources import _parse, load_resource

#: places.yml: the list whose YAML parse the copy exists for (~90 ms)
NAME = "places"


@pytest.fixture
def fresh(home: Path) -> Iterator[Path]:
    """An empty home and an empty in-process cache (before and after)."""
    load_resource.cache_clear()
    yield home / "cache" / "resources"
    load_resource.cache_clear()


def _yaml(name: str) -> object:
    return _parse((Path(__file__).resolve().parents[2] / "clearance" / "resources"
                   / f"{name}.yml").read_bytes())


def test_a_list_read_back_from_its_json_copy_equals_the_yaml(fresh: Path) -> None:
    first = load_resource(NAME)
    (copy,) = fresh.glob(f"{NAME}-*.json")
    load_resource.cache_clear()
    assert load_resource(NAME) == first == _yaml(NAME)
    assert orjson.loads(copy.read_bytes()) == first


RESOURCES = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "clearance"
                                     / "resources").glob("*.yml"))


@pytest.mark.parametrize("name", RESOURCES)
def test_every_word_list_gets_its_json_copy(fresh: Path, name: str) -> None:
    # a list JSON cannot carry (integer keys, dates) is parsed from YAML in every process
    # and every screening worker: population_names.yml's integer bands once cost ~55 ms each
    assert load_resource(name) == _yaml(name)
    assert len(list(fresh.glob(f"{name}-*.json"))) == 1


def test_the_copy_is_what_the_next_process_reads(fresh: Path) -> None:
    load_resource(NAME)
    (copy,) = fresh.glob(f"{NAME}-*.json")
    copy.write_bytes(orjson.dumps({"marker": True}))
    load_resource.cache_clear()
    assert load_resource(NAME) == {"marker": True}


def test_a_copy_of_another_version_of_the_list_is_never_read_and_is_removed(
        fresh: Path) -> None:
    load_resource(NAME)
    (copy,) = fresh.glob(f"{NAME}-*.json")
    stale = copy.with_name(f"{NAME}-{'0' * 24}.json")  # the digest of some older YAML
    stale.write_bytes(orjson.dumps({"stale": True}))
    copy.unlink()
    load_resource.cache_clear()
    assert load_resource(NAME) == _yaml(NAME)
    assert not stale.exists() and copy.exists()


def test_an_unreadable_copy_is_parsed_again_from_the_yaml(fresh: Path) -> None:
    load_resource(NAME)
    (copy,) = fresh.glob(f"{NAME}-*.json")
    copy.write_bytes(b'{"cut short')
    load_resource.cache_clear()
    assert load_resource(NAME) == _yaml(NAME)
    assert orjson.loads(copy.read_bytes()) == _yaml(NAME)


@pytest.mark.parametrize("data", [{10: "integer keys"}, {"day": date(2026, 11, 29)}])
def test_a_list_json_cannot_carry_exactly_gets_no_copy(
        fresh: Path, monkeypatch: pytest.MonkeyPatch, data: object) -> None:
    # integer keys JSON cannot hold at all; a date would come back as a string
    monkeypatch.setattr(clearance.resources, "_parse", lambda raw: data)
    assert load_resource(NAME) == data
    assert list(fresh.glob(f"{NAME}-*")) == []


#: a process that writes the copy and is killed (SIGKILL) before its rename
_KILLED_WRITER = """
import os, signal, sys
from clearance.resources import load_resource
os.replace = lambda *_: os.kill(os.getpid(), signal.SIGKILL)
load_resource(sys.argv[1])
"""


def test_a_copy_left_half_written_by_a_killed_process_is_removed_by_the_next_writer(
        fresh: Path) -> None:
    killed = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, NAME])
    assert killed.wait(timeout=120) == -signal.SIGKILL
    (orphan,) = fresh.glob(f"{NAME}-*.json.tmp*")
    assert orphan.name.endswith(f".json.tmp{killed.pid}")
    assert list(fresh.glob(f"{NAME}-*.json")) == []
    being_written = fresh / f"other-{'0' * 24}.json.tmp{os.getpid()}"  # a live writer's
    being_written.write_bytes(b"{")
    assert load_resource(NAME) == _yaml(NAME)
    assert not orphan.exists() and being_written.exists()
    assert len(list(fresh.glob(f"{NAME}-*.json"))) == 1


def test_an_interrupted_write_leaves_no_temporary_file(
        fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        load_resource(NAME)
    assert list(fresh.iterdir()) == []
