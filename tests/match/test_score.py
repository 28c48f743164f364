"""Entity-level evidence (match/score.py), function by function, on hand-made inputs."""

from __future__ import annotations

import pytest

from clearance.exc import InputError
from clearance.index.build import EntityMeta
from clearance.match.compare import NameComparison, TokenPair
from clearance.match.limits import MAX_NAME_CHARS, MAX_QUERY_NAMES, MAX_QUERY_VALUES
from clearance.match.score import (
    SCHEMATA,
    Feature,
    Query,
    check_schema,
    country_evidence,
    date_evidence,
    name_feature,
    schema_factor,
)


def meta(countries: set[str], schema: str = "Person") -> EntityMeta:
    return EntityMeta("e1", "us_ofac_sdn", "1", schema, "X", frozenset(countries), (), (), ())


@pytest.mark.parametrize(("query", "listed", "factor"), [
    ("Person", "Person", 1.0),
    ("LegalEntity", "Company", 1.0),         # an untyped query can be anything
    ("", "Vessel", 1.0),
    ("Person", "LegalEntity", 1.0),          # an untyped list entry may be a person
    ("Vessel", "LegalEntity", 0.0),          # ... but not a ship
    ("Company", "Organization", 1.0),        # organisations are interchangeable
    ("PublicBody", "Company", 1.0),
    ("Person", "Company", 0.0),              # "EMMA LLC" is not Emma
    ("Company", "Person", 0.0),
    ("Vessel", "Airplane", 0.0),
])
def test_schema_factor(query: str, listed: str, factor: float) -> None:
    assert schema_factor(query, listed) == factor


@pytest.mark.parametrize(("query", "listed", "sign", "says"), [
    (None, ("1950-03-21",), 0, "no birth date"),
    ("1950-03-21", (), 0, "no birth date"),
    ("1950-03-21", ("1950-03-21",), 1, "agrees with 1950-03-21"),
    ("1950", ("1950-03-21",), 1, "agrees"),                  # a year agrees with a full date
    ("1950-03-21", ("1950",), 1, "agrees"),
    ("1951-01-01", ("1950-03-21",), 0, "near"),              # within a year: a slip
    ("1985-01-01", ("1950-03-21", "1952"), -1, "conflicts with 1950-03-21, 1952"),
    ("unknown", ("1950-03-21",), 0, "not comparable"),
])
def test_date_evidence(query: str | None, listed: tuple[str, ...], sign: int, says: str) -> None:
    got, detail = date_evidence(query, listed)
    assert got == sign and says in detail


def test_country_evidence() -> None:
    assert country_evidence(["ru"], meta({"ru", "by"})) == (1, "country ru agrees")
    assert country_evidence(["us"], meta({"ru", "by"})) == (-1, "country us not among by, ru")
    assert country_evidence([], meta({"ru"}))[0] == 0
    assert country_evidence(["ru"], meta(set()))[0] == 0  # the list says nothing


def test_name_feature_carries_the_arithmetic_and_the_alias_quality() -> None:
    comp = NameComparison(0.9, [TokenPair("khokhlof", "khokhlov", 0.89, 1.0)])
    plain = name_feature(comp, "Khokhlof", "KHOKHLOV", 1.0)
    assert (plain.name, plain.value) == ("name", 0.9)
    assert plain.detail == "'Khokhlof' ~ 'KHOKHLOV': khokhlof~khokhlov (0.89, w=1.00)"
    weak = name_feature(comp, "Khokhlof", "KHOKHLOV", 0.85)
    assert weak.value == pytest.approx(0.765) and weak.detail.endswith("(alias quality 0.85)")
    assert Feature("x", 0.123456, "d").to_dict() == {"name": "x", "value": 0.1235, "detail": "d"}


def test_query_names_skip_blank_aliases() -> None:
    assert Query("A", aliases=["", "  ", "B"]).names == ["A", "B"]


def test_a_query_is_bounded_whatever_it_is_given() -> None:
    query = Query("x" * 1_000_000, "Person", aliases=["y" * 5000] * 10_000,
                  countries=["ru"] * 10_000, birth_date="1" * 1000,
                  identifiers=["z" * 5000] * 10_000)
    assert len(query.name) == MAX_NAME_CHARS
    assert len(query.names) == MAX_QUERY_NAMES
    assert all(len(n) == MAX_NAME_CHARS for n in query.names)
    assert len(query.countries) == len(query.identifiers) == MAX_QUERY_VALUES
    assert query.birth_date is not None and len(query.birth_date) == 32


def test_a_real_query_is_kept_as_given() -> None:
    query = Query("Andrey Vladimirovich Khokhlof", "Person", aliases=["A. Khokhlov"],
                  countries=["ru"], birth_date="1970-01-01", identifiers=["P123456"])
    assert (query.name, query.aliases, query.countries, query.birth_date, query.identifiers) == (
        "Andrey Vladimirovich Khokhlof", ["A. Khokhlov"], ["ru"], "1970-01-01", ["P123456"])


def test_an_unknown_schema_is_named_with_the_valid_ones() -> None:
    assert [check_schema(s) for s in SCHEMATA] == list(SCHEMATA)
    with pytest.raises(InputError, match="unknown schema 'Compnay'; use one of LegalEntity, "
                                         "Person, Organization, Company"):
        check_schema("Compnay")
