"""`search.candidate_names` merges few postings rows with dictionaries (`_small_merge`)
and many with numpy (`_merge`): both give the same candidates, to the last bit of the
scores they are chosen by."""

import numpy as np
import pytest

from clearance.index import search
from clearance.index.build import Index
from clearance.match.prepare import ANY, PERSON, prepare_name


def _queries(index: Index) -> list[str]:
    """Query texts made of the lists' own words: names as listed, their words swapped,
    one word left out, one word slipped (a letter dropped), two names' words mixed."""
    out: list[str] = []
    names = index.names[::151]
    for k, name in enumerate(names):
        words = list(name.tokens)
        out.append(name.text)
        if len(words) >= 2:
            out.append(" ".join(reversed(words)))
            out.append(" ".join(words[1:]))
            other = names[(k + 7) % len(names)].tokens
            out.append(" ".join([words[0], other[-1]]))
        longest = max(words, key=len)
        if len(longest) >= 5:
            out.append(" ".join(w if w != longest else w[:2] + w[3:] for w in words))
    return out


@pytest.mark.parametrize("person", [True, False])
def test_the_dictionary_merge_chooses_the_candidates_numpy_s_merge_chooses(
        index: Index, person: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    small = 0
    calls = search._small_merge

    def counted(*args: object) -> object:
        nonlocal small
        small += 1
        return calls(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(search, "_small_merge", counted)
    texts = _queries(index)
    assert len(texts) > 500
    for text in texts:
        query = prepare_name(text, PERSON if person else ANY)
        for limit in (5, 20):
            monkeypatch.setattr(search, "SMALL_MERGE_MAX", 0)
            expected = search.candidate_names(index, query, limit, None, person)
            monkeypatch.setattr(search, "SMALL_MERGE_MAX", 1 << 30)
            found = search.candidate_names(index, query, limit, None, person)
            assert found.dtype == expected.dtype
            assert np.array_equal(found, expected), text
    assert small > len(texts)  # (most query names take the dictionaries)


def test_a_name_counts_each_word_once_at_its_best_spelling_and_the_words_add_up() -> None:
    # name 0 is reached by both alternatives of the first word (0.8 and 1.0: counts 1.0 x 2)
    # and by the second word (0.9 x 1); name 1 by the first word's near spelling only
    postings = [np.array([0, 1], dtype=np.int32), np.array([0], dtype=np.int32),
                np.array([0, 2], dtype=np.int32)]
    units = [(2.0, [(0, 0.8), (1, 1.0)]), (1.0, [(2, 0.9)])]
    uniq, sums = search._small_merge(postings, units, [0, 1])
    assert uniq.tolist() == [0, 1, 2]
    f32 = np.float32
    assert sums.tolist() == [float(f32(2.0)) + float(f32(0.9)), float(f32(1.6)), float(f32(0.9))]
