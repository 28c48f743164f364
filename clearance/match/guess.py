"""A name read from another script as the list spellings it may transcribe: a guess.

A foreign name written in Han characters, katakana or Hangul is read as list spellings its
letters' pattern fits (`han.readings`, `kana.readings`, `hangul_foreign.readings`): 赫凯 as
HIGER, CHAIKA or HAKKI. Each reading is one guess among the spellings the script allows,
and it has spent the name's tolerance already: a list word one letter from it is no
spelling the script gives (HIGER ~ HIPER 0.82 is a guess of a guess). So such a
reading carries its words' own alternatives, a test of the list words each may be
(`Guess.fits`), and a comparison pairs such a word only with a
list word its test passes, or with its very spelling (`compare.compare_names`).

A reading may instead know its words' other spellings for sure (`Guess.sure`): a Chinese
person's name with ü, read as China's passports spell it (吕雪 "lyu xue"), is LV XUE or
LU XUE as the lists write it; such a word pairs with those as one name.

The reading is the text of the query name (`engine.prepare_query_names` hands it to
`prepare.prepare_name`, which keeps the text object), so the tests travel with it; a
copy or a pickle of it is the text alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

__all__ = ["Fits", "Guess", "pattern_fits", "sure_fits", "word_fits"]

#: whether a list word (a prepared token) is a spelling a guessed word may be
Fits = Callable[[str], bool]


class Guess(str):
    """A reading's text, with the test of each of its guessed words (prepared tokens,
    `text.normalize`'s) for the list words it may pair with (`fits`); `sure`: those are
    that word's own spellings, not other names it may be."""

    fits: Mapping[str, Fits]
    sure: bool

    def __new__(cls, text: str, fits: Mapping[str, Fits], sure: bool = False) -> Guess:
        out = super().__new__(cls, text)
        out.fits, out.sure = fits, sure
        return out

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        return str, (str(self),)


def word_fits(text: str, tokens: Sequence[str]) -> tuple[Fits | None, ...]:
    """For each token of a prepared name whose text is `text`, the test of the list words
    it may pair with, None for a word that is no guess; empty for a name that is none."""
    if not isinstance(text, Guess):
        return ()
    fits = text.fits
    return tuple([fits.get(t) for t in tokens])


def sure_fits(text: str) -> bool:
    """Whether a name's text is a `Guess` whose words' fitting list words are their own
    spellings."""
    return isinstance(text, Guess) and text.sure


def pattern_fits(fit: re.Pattern[str], latin: Callable[[str], str]) -> Fits:
    """The test of a word read by its pattern (`han.pattern`, `kana.pattern`,
    `hangul_foreign.pattern`): a list word whose letters, as `latin` writes them, it fits."""
    return lambda listed: fit.fullmatch(latin(listed)) is not None

