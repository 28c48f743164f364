"""Load the tables the matcher otherwise loads on the first name that needs them.

ICU's transliterators (`text._ascii_text`), pypinyin's phrase tables and pymorphy3's
dictionaries (`cyrillic_foreign.slavic_word`) load lazily: a
one-off 0.05-0.4 s inside whichever request first holds non-Latin or Han text, and
pypinyin's 200,000 small lists then sit where every full garbage collection walks them.
A long-lived server loads them up front, before it freezes its heap (`gc.freeze`); a
one-off batch does not, since its book may never need them.
"""

from __future__ import annotations

import gc

from clearance.match import abjad, compare
from clearance.match.cyrillic_foreign import slavic_word
from clearance.match.text import latinize

__all__ = ["FULL_COLLECTION_EVERY", "freeze_heap", "load_lazy_tables", "load_script_tables"]

#: gen-1 collections between full ones once the heap is frozen (CPython's default is 10)
FULL_COLLECTION_EVERY = 1000


def freeze_heap(collect: bool = True) -> None:
    """Move everything alive now (the index, loaded tables) out of the collector's sight.

    Their millions of objects are never garbage, and full collections over them stall a
    server or a worker for 100+ ms. The match memos are pinned first, so they stay frozen
    however many entries they gain later (see `compare.pin_memo`). `collect=False` skips
    the collection first (a quarter of a second on a loaded index) where little garbage
    can have been made. The collector is off while the memos are pinned: the pins
    allocate, and an index just read (with the collector off) sits whole in the youngest
    generation, so a collection they set off would walk all of it (0.06-0.13 s before a
    batch's workers fork).
    Full collections are then spread out (`FULL_COLLECTION_EVERY`): with the heap frozen,
    CPython's rule (a quarter more long-lived objects than it counts) holds after every
    tenth gen-1 collection, so a server worker walked its memos and caches grown since the
    freeze every ~2 s, 55-125 ms each, finding nothing (the API's warm p99 47-52 ms; 16-18
    ms spread out). Garbage in cycles waits longer; objects freed by their last reference,
    nearly all of a request's, go at once as before.
    """
    if collect:
        gc.collect()
    collecting = gc.isenabled()
    gc.disable()
    try:
        compare.pin_memo()
        abjad.pin_memo()
        gc.freeze()
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
    finally:
        if collecting:
            gc.enable()


def load_lazy_tables() -> None:
    """Build the transliterator and read the pinyin tables now."""
    latinize("名")  # pypinyin
    # ICU's Any-Latin builds a transliterator per script on first use; the Japanese and
    # Han ones take 50-80 ms each (kana; a Han mark pinyin leaves, as in 佐々木), the rest ~1 ms
    latinize("な")
    latinize("々")
    # pymorphy3's Russian and Ukrainian dictionaries: 70 ms on a worker's first Cyrillic name
    slavic_word("кира")


def load_script_tables(script: str) -> None:
    """Load the tables a name of `script` (a Unicode script name's first word, as
    `screening.batch._scripts` gives it: CYRILLIC) may need that its first name may not
    have loaded. A batch calls it beside that first name, before its workers fork.

    Only pymorphy3's dictionaries are such (0.09 s of CPU; some 15 MB): they are read for
    a Cyrillic word that is no Slavic person's name (`cyrillic_foreign.foreign_names`),
    and a book's first Cyrillic name is most often one (Пахомов Панкрат Еремеевич), so
    each worker loaded its own copy at its first company or foreign name. The other lazy
    tables (pypinyin's, ICU's transliterator for the script) every name of the script
    builds."""
    if script == "CYRILLIC":
        slavic_word("кира")
