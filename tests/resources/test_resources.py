"""Word lists: parsed from YAML once, then read from a JSON copy keyed by the YAML's bytes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

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


def test_a_list_json_cannot_carry_exactly_gets_no_copy(fresh: Path) -> None:
    data = _yaml("population_names")
    with pytest.raises(TypeError):
        orjson.dumps(data)  # keys that are not strings
    assert load_resource("population_names") == data
    assert list(fresh.glob("population_names-*")) == []
