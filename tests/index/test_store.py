"""The saved index: keyed by everything that shaped it, loadable anywhere, rebuilt when bad."""

from __future__ import annotations

import json
import logging
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance.exc import IndexFileError
from clearance.index import store
from clearance.index.build import Index
from clearance.index.store import (
    ensure_index,
    ensure_index_file,
    fingerprint,
    index_path,
    read_index,
)
from clearance.match.engine import match_query
from clearance.match.score import Query
from clearance.store.db import reset_engines
from tests.conftest import LISTS, ROOT

NAMES = [("Hikvision", "Company"), ("Andrey Vladimirovich Khokhlof", "Person"),
         ("Сергей Викторович Лавров", "Person"), ("Emma Daniels", "Person")]


@pytest.fixture
def dpl_home(tmp_path: Path) -> Iterator[Path]:
    """A fresh home holding the smallest bundled list (BIS DPL, 663 entities)."""
    from clearance.store.load import load_paths

    previous = os.environ.get("CLEARANCE_HOME")
    os.environ["CLEARANCE_HOME"] = str(tmp_path / "home")
    reset_engines()
    store._loaded.clear()
    assert [r.error for r in load_paths([LISTS / "bis_dpl"])] == [None]
    yield tmp_path / "home"
    store._loaded.clear()
    if previous is not None:
        os.environ["CLEARANCE_HOME"] = previous
    reset_engines()


def _answers(index: Index) -> list[list[tuple[str, float]]]:
    return [[(r.entity_id, round(r.score, 6)) for r in match_query(index, Query(n, s), limit=5)]
            for n, s in NAMES]


LOADER = """
import json, sys
from pathlib import Path
from clearance.index.store import read_index
from clearance.match.engine import match_query
from clearance.match.score import Query
index = read_index(Path(sys.argv[1]))
names = json.loads(sys.argv[2])
print(json.dumps([[(r.entity_id, round(r.score, 6)) for r in match_query(index, Query(n, s), limit=5)]
                  for n, s in names]))
"""


def test_the_saved_index_loads_in_another_process_and_answers_the_same(index: Index) -> None:
    """What batch workers, servers and Spark executors do: `read_index(ensure_index_file())`."""
    path = ensure_index_file()
    assert path == index_path(fingerprint()) and path.suffix == ".cidx"
    env = {k: v for k, v in os.environ.items() if k != "CLEARANCE_HOME"}  # the path is enough
    out = subprocess.run([sys.executable, "-c", LOADER, str(path), json.dumps(NAMES)], env=env,
                         check=True, capture_output=True, text=True, cwd=ROOT).stdout
    assert json.loads(out) == [[list(pair) for pair in answer] for answer in _answers(index)]
    assert _answers(read_index(path)) == _answers(index)


def test_the_key_covers_the_matcher_code_and_the_word_lists(tmp_path: Path) -> None:
    package = Path(store.__file__).resolve().parent.parent
    copy = tmp_path / "clearance"
    for folder in ("match", "index", "resources"):
        shutil.copytree(package / folder, copy / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    before = store.digest_inputs(copy)
    assert before == store.digest_inputs(package)
    (copy / "match" / "notes.txt").write_text("not code")
    assert store.digest_inputs(copy) == before
    words = copy / "resources" / "generic_words.yml"
    words.write_text(words.read_text() + "\n# an edit\n")
    edited = store.digest_inputs(copy)
    assert edited["resources"] != before["resources"] and edited["code"] == before["code"]
    fold = copy / "match" / "fold.py"
    fold.write_text(fold.read_text() + "\n# an edit\n")
    assert store.digest_inputs(copy)["code"] != edited["code"]


def test_a_list_change_calls_for_a_new_index_and_the_old_file_goes(dpl_home: Path) -> None:
    from clearance.store.load import load_paths

    first = ensure_index_file()
    assert read_index(first).entities
    assert [r.error for r in load_paths([LISTS / "bis_dpl"])] == [None]  # version 2
    second = ensure_index_file()
    assert second != first and second.exists() and not first.exists()


def test_a_corrupt_index_is_rebuilt_with_a_warning(dpl_home: Path,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    path = ensure_index_file()
    good = _answers(read_index(path))
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0xFF
    path.write_bytes(bytes(data))
    store._loaded.clear()
    with caplog.at_level(logging.WARNING, logger="clearance.index"):
        index = ensure_index()
    assert any("checksum" in r.getMessage() and "rebuilding" in r.getMessage()
               for r in caplog.records)
    assert _answers(index) == good and _answers(read_index(path)) == good


def _with_previous_layout(path: Path) -> None:
    """Make `path` say what the version before `Index.fuzzy_shared` wrote: deletion keys
    holding lists of token ids, memoised alternatives as (id, similarity) pairs (the
    sections are left as they are: a refused file is never decoded)."""
    data = path.read_bytes()
    size = int.from_bytes(data[-16:-8], "little")
    footer = json.loads(data[-16 - size:-16])
    layout = footer["layout"].replace(
        "fuzzy: dict[str, int], fuzzy_shared: list[list[int]]", "fuzzy: dict[str, list[int]]"
    ).replace("alternatives: dict[tuple[str, str], list[int]]",
              "alternatives: dict[tuple[str, str], list[tuple[int, float]]]")
    assert layout != footer["layout"]
    footer["layout"] = layout
    raw = json.dumps(footer).encode()
    path.write_bytes(data[:-16 - size] + raw + len(raw).to_bytes(8, "little") + data[-8:])


def test_an_index_of_the_previous_layout_is_rebuilt_not_misread(
        dpl_home: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = ensure_index_file()
    good = _answers(read_index(path))
    _with_previous_layout(path)
    with pytest.raises(IndexFileError, match="another layout"):
        read_index(path)
    store._loaded.clear()
    with caplog.at_level(logging.WARNING, logger="clearance.index"):
        assert _answers(ensure_index()) == good  # the whole index, in this process
    assert "another layout" in caplog.text and "rebuilding" in caplog.text
    assert _answers(read_index(path)) == good
    _with_previous_layout(path)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="clearance.index"):
        assert ensure_index_file() == path  # the file, for workers and one-shot queries
    assert "another layout" in caplog.text
    assert _answers(read_index(path)) == good


def test_a_foreign_file_in_its_place_is_rebuilt_not_run(dpl_home: Path,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    marker = dpl_home / "pwned"

    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    path = index_path(fingerprint())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(Exploit()))
    with caplog.at_level(logging.WARNING, logger="clearance.index"):
        assert ensure_index_file() == path
    assert "not a Clearance index file" in caplog.text and not marker.exists()
    assert read_index(path).entities


def test_pickles_of_earlier_versions_and_stale_temporaries_are_removed_unread(
        dpl_home: Path) -> None:
    folder = dpl_home / "index"
    folder.mkdir(parents=True, exist_ok=True)
    marker = dpl_home / "pwned"

    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    (folder / "index-0123456789abcdef.pkl").write_bytes(pickle.dumps(Exploit()))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (folder / f"index-0123.cidx.tmp{dead}").write_bytes(b"half")
    path = ensure_index_file()
    assert sorted(p.name for p in folder.iterdir()) == [path.name] and not marker.exists()


def test_the_quick_read_of_active_versions_agrees_with_the_store(dpl_home: Path) -> None:
    from clearance.store import active_version_ids

    assert store.active_lists() == active_version_ids() != {}


def test_a_live_index_answers_without_the_store_only_within_its_check_interval(
        dpl_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    live = store.LiveIndex(check_every=60.0)
    assert live.current() is None  # nothing loaded: the caller must `get` (reads the store)
    index = live.get()
    assert live.current() is index
    clock = store.time.monotonic()
    monkeypatch.setattr(store.time, "monotonic", lambda: clock + 61.0)
    assert live.current() is None  # due for a check against the store
    assert live.get() is index  # the lists did not change
    assert live.current() is index


def test_a_loaded_index_brings_the_population_caps_it_was_built_with(
        index: Index, tmp_path: Path) -> None:
    """A process that loads the index reads people's name caps from it, not from building
    them again (a tenth of a second in every batch worker): here a table marked by one
    made-up name, read back by a new process."""
    from dataclasses import replace

    from clearance.index.artifact import write_file
    from clearance.match.population import caps_table, population_cap, use_caps

    assert index.population_caps == caps_table()  # (this process has built its own)
    marked = replace(index, population_caps={**index.population_caps, "zzqxv": 0.3})
    use_caps(index.population_caps)  # `replace` made an index: the table it offers back
    path = tmp_path / "marked.cidx"
    write_file(marked, path, {})
    code = ("import sys\nfrom pathlib import Path\n"
            "from clearance.index.store import read_index\n"
            "from clearance.match.population import population_cap\n"
            "read_index(Path(sys.argv[1]))\n"
            "print(population_cap('zzqxv'))\n")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          text=True, check=True, cwd=ROOT)
    assert population_cap("zzqxv") == 1.0  # built from the word list: not a known name
    assert done.stdout.split() == ["0.3"]  # read from the file
