"""A long-lived process loads the matcher's lazy tables before it freezes its heap."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import gc, sys
{setup}
from clearance.match.text import latinize
before = len(gc.get_objects())
latinize("陈海东")
print("pypinyin" in sys.modules, len(gc.get_objects()) - before)
"""


def _probe(setup: str) -> tuple[bool, int]:
    out = subprocess.run([sys.executable, "-c", PROBE.format(setup=setup)], check=True,
                         capture_output=True, text=True).stdout.split()
    return out[0] == "True", int(out[1])


def test_pinyin_tables_load_on_the_first_han_name_unless_loaded_up_front() -> None:
    loaded, new_objects = _probe("")
    assert loaded and new_objects > 100_000  # the first Han name pays for the tables
    loaded, new_objects = _probe("from clearance.match.tables import load_lazy_tables\n"
                                 "load_lazy_tables()\ngc.freeze()")
    assert loaded and new_objects < 1_000  # nothing new for the collector to walk


def test_a_batch_without_han_text_never_loads_pinyin() -> None:
    code = ("import sys\nfrom clearance.match.text import latinize\n"
            "latinize('Zhejiang Dahua'); latinize('Иванов')\nprint('pypinyin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code],
                         check=True, capture_output=True, text=True).stdout
    assert out.strip() == "False"


FREEZE = """
import gc
from clearance.match.tables import freeze_heap
runs = []
gc.callbacks.append(lambda phase, info: runs.append(info["generation"]) if phase == "stop" else None)
gc.disable()  # as an index is read: every object new, none collected
loaded = [[i] for i in range(300_000)]
gc.enable()
freeze_heap(collect=False)
print(len(runs), gc.get_count()[0], gc.isenabled())
"""


def test_freezing_a_heap_just_read_without_collecting_walks_none_of_it() -> None:
    # the pins allocate: with the collector on, the first allocation would collect the
    # youngest generation, which holds all that was just read
    out = subprocess.run([sys.executable, "-c", FREEZE], check=True, capture_output=True,
                         text=True).stdout.split()
    assert out == ["0", "0", "True"]



def test_the_russian_and_ukrainian_dictionaries_load_up_front_in_a_server() -> None:
    # a server's first Cyrillic name must not pay for pymorphy3's dictionaries (~70 ms,
    # a tail on the API's latency): `load_lazy_tables` loads them with the other tables
    up_front = "from clearance.match.tables import load_lazy_tables\nload_lazy_tables()"
    code = ("{setup}\nfrom clearance.match import cyrillic_foreign\n"
            "print(cyrillic_foreign._dictionaries.cache_info().currsize)")
    loaded = [subprocess.run([sys.executable, "-c", code.format(setup=setup)], check=True,
                             capture_output=True, text=True).stdout.strip()
              for setup in ("", up_front)]
    assert loaded == ["0", "1"]


GROWTH = """
import gc
from clearance.match.tables import freeze_heap
{setup}
full = []
gc.callbacks.append(lambda phase, info: full.append(1)
                    if phase == "stop" and info["generation"] == 2 else None)
kept = [[i] for i in range(300_000)]  # caches and memos growing after the freeze
print(len(full))
"""


def _full_collections(setup: str) -> int:
    out = subprocess.run([sys.executable, "-c", GROWTH.format(setup=setup)], check=True,
                         capture_output=True, text=True).stdout
    return int(out)


def test_a_frozen_heap_is_not_walked_whole_as_its_caches_grow() -> None:
    # frozen with CPython's thresholds, the rule for a full collection holds every tenth
    # gen-1 collection: a server worker walked its caches every ~2 s, finding nothing
    assert _full_collections("gc.freeze()") >= 3
    assert _full_collections("freeze_heap()") == 0
