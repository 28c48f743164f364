"""Load the tables the matcher otherwise loads on the first name that needs them.

ICU's transliterators (through normality) and pypinyin's phrase tables load lazily: a
one-off 0.05-0.4 s inside whichever request first holds non-Latin or Han text, and
pypinyin's 200,000 small lists then sit where every full garbage collection walks them.
A long-lived server loads them up front, before it freezes its heap (`gc.freeze`); a
one-off batch does not, since its book may never need them.
"""

from __future__ import annotations

from clearance.match import abjad, compare
from clearance.match.text import latinize

__all__ = ["load_lazy_tables", "pin_memos"]


def pin_memos() -> None:
    """Call right before `gc.freeze()`: the match memos then stay where no collection
    walks them, however many entries they gain (see `compare.pin_memo`)."""
    compare.pin_memo()
    abjad.pin_memo()


def load_lazy_tables() -> None:
    """Build the transliterator and read the pinyin tables now."""
    latinize("名")  # pypinyin
    # ICU's Any-Latin builds a transliterator per script on first use; the Japanese and
    # Han ones take 50-80 ms each (kana; a Han mark pinyin leaves, as in 佐々木), the rest ~1 ms
    latinize("な")
    latinize("々")
