"""Romanisation folds: the standards the issue names meet on one key; different names don't."""

import pytest

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


@pytest.mark.parametrize("pair", [("oleg", "olga"), ("zhang", "aung"), ("jamal", "amal"),
                                  ("khwaja", "hvaa")])
def test_different_names_stay_apart(pair: tuple[str, str]) -> None:
    assert fold(pair[0]) != fold(pair[1])


def test_skeleton_keeps_consonants() -> None:
    assert skeleton("muhammad") == "mhmd" == skeleton("mhmd")
