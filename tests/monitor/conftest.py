"""A store holding only the December 2023 SDN publication, shared by a module's tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance.store.db import reset_engines
from tests.conftest import LISTS, _use_home


@pytest.fixture(scope="module")
def sdn_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from clearance.store.load import load_paths

    previous = os.environ.get("CLEARANCE_HOME")
    home = tmp_path_factory.mktemp("sdn_home")
    _use_home(home)
    results = load_paths([LISTS / "ofac_sdn"])
    assert [r.error for r in results] == [None]
    yield home
    if previous is not None:
        os.environ["CLEARANCE_HOME"] = previous
    reset_engines()
