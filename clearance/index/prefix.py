"""A name a field's width cut inside its last word ("JOINT STOCK COMPANY IRKUTSKKAB" for
...IRKUTSKKABEL; issue 11): the list words that word starts, for candidate search.

The cut word keys no list word (it is none, nor a slip of one), so a name whose only
distinctive word is the cut one would find no candidate; its completions in the index's
vocabulary do (`search.candidate_names` counts them as near spellings). Which listed word
it is, is for the comparison to say (`orgs.cut_word`).
"""

from __future__ import annotations

from bisect import bisect_left

from clearance.index.build import Index
from clearance.match.orgs import may_be_cut
from clearance.match.prepare import Name

__all__ = ["CUT_PREFIX_MIN", "cut_completions"]

#: the fewest letters of a cut word completed: shorter starts say too little of the word
CUT_PREFIX_MIN = 3
#: the most list words a cut word may start to be completed: a start that many words
#: share ("INTERN", "CONSTR") says nothing of which, and the name's other words find it
CUT_COMPLETIONS_MAX = 24

#: the vocabulary of the last index asked about, sorted (known by its vocabulary, never
#: changed once built)
_sorted: list[tuple[dict[str, int], list[str]]] = []


def _sorted_words(index: Index) -> list[str]:
    if not _sorted or _sorted[0][0] is not index.vocab:
        _sorted.clear()
        _sorted.append((index.vocab, sorted(index.vocab)))
    return _sorted[0][1]


def cut_completions(index: Index, query: Name) -> list[int]:
    """The list tokens (ids) the query's last word is a proper start of, where a field's
    width may have cut the name inside it (`orgs.may_be_cut`), of `CUT_PREFIX_MIN`
    letters or more and starting at most `CUT_COMPLETIONS_MAX` words; none otherwise."""
    if not may_be_cut(query.text.strip(), query.tokens, query.legal):
        return []
    start = query.folded[-1]
    if len(start) < CUT_PREFIX_MIN:
        return []
    words = _sorted_words(index)
    lo = bisect_left(words, start)
    hi = bisect_left(words, start + "\U0010ffff", lo)
    if hi - lo > CUT_COMPLETIONS_MAX + (words[lo:lo + 1] == [start]):
        return []
    vocab = index.vocab
    return [vocab[w] for w in words[lo:hi] if w != start]
