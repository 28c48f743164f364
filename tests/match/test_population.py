"""Population frequency of names: very common names are weak evidence on their own."""

import pytest

from clearance.match.fold import fold, variant_key
from clearance.match.population import POPULATION_CAPS, population_cap


@pytest.mark.parametrize(
    ("name", "at_most"),
    [
        ("kim", POPULATION_CAPS[10]),  # issue 11: among the commonest surnames on earth
        ("muhammad", POPULATION_CAPS[10]),
        ("chen", POPULATION_CAPS[10]),
    ],
)
def test_common_names_are_capped(name: str, at_most: float) -> None:
    assert population_cap(variant_key(fold(name))) <= at_most


def test_rare_names_are_not_capped() -> None:
    assert population_cap(variant_key(fold("khokhlov"))) >= POPULATION_CAPS[300]
    assert population_cap(variant_key(fold("zzyzxqw"))) == 1.0


def test_person_weights_use_population_and_never_legal_form_caps(index: object) -> None:
    # issue 11: "Khan" folds to a Vietnamese legal-form word and weighed 0.1 for people too
    from clearance.index.build import Index

    assert isinstance(index, Index)
    khan = variant_key(fold("khan"))
    assert index.weight(khan) <= 0.1  # in an organisation's name: a legal-form word
    assert index.person_weight(khan) > 0.1  # in a person's name: a (common) surname
    assert index.person_weight(khan) <= POPULATION_CAPS[10]
