"""Romanisation folds: the standards the issue names meet on one key; different names don't."""

import pytest

from clearance.index.build import Index
from clearance.match.fold import fold, skeleton, variant_key


@pytest.mark.parametrize(
    "spellings",
    [
        ["yuryevich", "iurevich", "jurjevic"],
        ["sergey", "sergei", "sergej"],
        ["dmitry", "dmitri", "dmitrii", "dmitriy"],
        ["khokhlov", "hohlov"],
        ["nikolayev", "nikolaev", "nikolajev"],
        ["sergeyev", "sergeev"],
        ["yevgeny", "evgeny", "evgenii"],
        ["mikhail", "mihail"],
    ],
)
def test_variants_share_a_fold(spellings: list[str]) -> None:
    assert len({fold(s) for s in spellings}) == 1


@pytest.mark.parametrize("group", [["mohammed", "muhammad", "mohamed", "mohammad"],
                                   ["yevgeny", "evgenii", "eugene"]])
def test_curated_given_name_groups(group: list[str]) -> None:
    assert len({variant_key(fold(s)) for s in group}) == 1


def test_an_airlines_name_meets_its_air_and_airways_forms() -> None:
    # the lists write one airline's name with each word (MAHAN AIR a.k.a. MAHAN AIRWAYS);
    # "Mahan Airlines" scored 0.63 against MAHAN AIR
    from clearance.match.engine import match_query
    from clearance.match.score import Query
    from tests.match.lists import list_index

    index = list_index("MERAJ AIR", "CASPIAN AIRLINES", "KESTREL SHIPPING", "ORLIK TRADING LLC",
                       schema="Company")
    for query, listed in (("Meraj Airlines", "s0"), ("Meraj Airways", "s0"),
                          ("Caspian Air", "s1"), ("Caspian Airline", "s1")):
        found = [r for r in match_query(index, Query(query, "Company")) if r.match]
        assert [r.source_id for r in found] == [listed], query
    # the airline words are generic, as one group: alone they carry no match (session 21:
    # the group's key had gone uncapped, "Air Company Ltd" met IRAN AIR at 0.82)
    for query in ("Air Company Ltd", "Airlines Company"):
        assert [r for r in match_query(index, Query(query, "Company")) if r.match] == [], query


@pytest.mark.parametrize("pair", [("oleg", "olga"), ("zhang", "aung"), ("jamal", "amal"),
                                  ("khwaja", "hvaa")])
def test_different_names_stay_apart(pair: tuple[str, str]) -> None:
    assert fold(pair[0]) != fold(pair[1])


def test_skeleton_keeps_consonants() -> None:
    assert skeleton("muhammad") == "mhmd" == skeleton("mhmd")


def _every_rule(token: str) -> str:
    """`fold` as the rules read: each pattern applied to every token, none skipped."""
    import re

    from clearance.match.fold import _RULES, _undouble

    if token.isdigit() or len(token) < 3:
        return token
    out = token
    for _, _, pattern, repl, _ in _RULES:
        out = re.sub(pattern, repl, out)
    out = _undouble(out)
    return out if len(out) >= 3 else token


def test_rules_skipped_by_letters_and_gates_would_change_nothing(index: Index) -> None:
    # every list token, and every short word of the letters the rules turn on
    import itertools

    tokens = {t for name in index.names for t in name.tokens}
    tokens |= {"".join(c) for n in range(1, 5) for c in itertools.product("chjyiteosuzq", repeat=n)}
    assert len(tokens) > 30_000
    for token in tokens:
        assert fold.__wrapped__(token) == _every_rule(token), token


def test_skeleton_drops_the_vowels_after_the_first_letter_only() -> None:
    import itertools
    import re

    from clearance.match.fold import _undouble, folded_skeleton

    vowels = re.compile("[aeiouy]")
    for n in range(1, 6):
        for letters in itertools.product("aeyhmk", repeat=n):
            word = "".join(letters)
            assert folded_skeleton(word) == _undouble(word[:1] + vowels.sub("", word[1:]))


def test_a_word_without_doubled_letters_is_returned_itself_with_no_letters_joined() -> None:
    from clearance.match.fold import _undouble

    word = "".join(["moha", "mad"])  # (a new object: not a constant the compiler shares)
    assert _undouble(word) is word  # fails on main: a list of letters joined anew
    assert _undouble("mohammad") == "mohamad"
    assert _undouble("aabbcc") == "abc" and _undouble("") == "" and _undouble("a") == "a"


def test_which_rules_a_word_needs_is_read_from_one_pass_over_its_letters() -> None:
    # fails on main (no `_letter_mask`): each rule letter was searched for in the word
    import itertools

    from clearance.match.fold import _MASKED, _RULES, _letter_mask

    assert len(_MASKED) == len(_RULES)
    for (letters, *rule), (mask, *masked) in zip(_RULES, _MASKED):
        assert rule == masked and mask == _letter_mask(letters)
    for n in range(0, 4):
        for chars in itertools.product("ahjqyz-é9", repeat=n):
            word = "".join(chars)
            held = _letter_mask(word)
            for letter in "abcdefghijklmnopqrstuvwxyz":
                assert bool(held & _letter_mask(letter)) == (letter in word), (word, letter)
