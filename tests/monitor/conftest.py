"""A store holding only the December 2023 SDN publication, one copy per test module.

The publication is loaded (and its index built) once per session into a template
home; each module gets its own copy of that home, so modules never see each other's
books and alerts and none of them pays for the load again.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance.store.db import reset_engines
from tests.conftest import LISTS, _use_home


@pytest.fixture(scope="session")
def sdn_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from clearance.index.store import ensure_index
    from clearance.store.load import load_paths

    previous = os.environ.get("CLEARANCE_HOME")
    home = tmp_path_factory.mktemp("sdn_template")
    _use_home(home)
    results = load_paths([LISTS / "ofac_sdn"])
    assert [r.error for r in results] == [None]
    ensure_index()
    reset_engines()
    if previous is not None:
        _use_home(Path(previous))
    return home


@pytest.fixture(scope="module")
def sdn_home(sdn_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    previous = os.environ.get("CLEARANCE_HOME")
    home = tmp_path_factory.mktemp("sdn_home")
    shutil.copytree(sdn_template, home, dirs_exist_ok=True)
    _use_home(home)
    yield home
    if previous is not None:
        os.environ["CLEARANCE_HOME"] = previous
    reset_engines()


def alerts_for_three_entries(prefix: str) -> dict[str, int]:
    """Book three entries (`{prefix}-1` .. `-3`: two listed people and a listed bank, each
    with a desk), run a cycle, and return the alert id of each book id."""
    from clearance.monitor.book import entry_from_row, upsert_entries
    from clearance.monitor.cycle import run_cycle
    from clearance.monitor.queue import QueueFilter, queue
    from clearance.screening.io import InputRow

    book = [{"id": f"{prefix}-1", "name": "Jhon Eidelber Cano Correa", "schema": "Person",
             "desk": "retail"},
            {"id": f"{prefix}-2", "name": "Andrey Vladimirovich Khokhlof", "schema": "Person",
             "desk": "private"},
            {"id": f"{prefix}-3", "name": "Banco Nacional de Cuba", "schema": "Company",
             "desk": "corporate"}]
    upsert_entries([entry_from_row(InputRow(i, r), "t") for i, r in enumerate(book, 1)],
                   "test", "test")
    run_cycle()
    page = queue(QueueFilter(status=None, per_page=500))
    return {r.book_id: r.id for r in page.rows}
