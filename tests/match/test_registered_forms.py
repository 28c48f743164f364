"""Registered forms as registers and books write them (`resources/legal_forms.yml`): the
Russian research-and-production forms with "and" and without it, joint stock companies
spelled in full, and the forms of other countries' company law."""

import pytest

from clearance.match.engine import match_query
from clearance.match.prepare import ORG, prepare_name
from clearance.match.score import Query
from tests.match.lists import list_index


def _marked(text: str) -> list[str]:
    name = prepare_name(text, ORG)
    return [t + ("*" if lf else "") for t, lf in zip(name.tokens, name.legal)]


@pytest.mark.parametrize(("text", "expected"), [
    # issue 11 (s24-function): KVANT's form without "and" was three words of a name
    ("Research Production Association Orion", ["npo*", "orion"]),
    ("Scientific Research and Production Association Orion", ["npo*", "orion"]),
    ("Research and Production Corporation Orion", ["npcorp*", "orion"]),
    ("Orion Scientific Production Company", ["orion", "npcorp*"]),
    ("Scientific and Production Centre Orion", ["npcentre*", "orion"]),
    ("Research Production Firm Orion", ["npfirm*", "orion"]),
    ("Nepublichnoe Aktsionernoe Obshchestvo Orion", ["jsc*", "orion"]),
    ("Non-Public Joint Stock Company Orion", ["jsc*", "orion"]),
    ("Tovarystvo z Obmezhenoyu Vidpovidalnistyu Orion", ["llc*", "orion"]),
])
def test_a_research_and_production_form_is_one_form_in_any_translation(
        text: str, expected: list[str]) -> None:
    assert _marked(text) == expected


def test_a_form_written_without_and_finds_the_listed_firm() -> None:
    index = list_index("RESEARCH AND PRODUCTION ASSOCIATION ORION", "VEGA SHIPPING",
                       "KESTREL RESEARCH INSTITUTE", "NORDIC STEEL", schema="Organization")
    for text in ("Research Production Association Orion", "NPO Orion"):
        found = [r.source_id for r in match_query(index, Query(text, "Organization"))
                 if r.match]
        assert found == ["s0"], text


@pytest.mark.parametrize(("text", "expected"), [
    ("Orion Trading S.A.L.", ["orion", "trading", "jsc*"]),  # Lebanon
    ("Orion S.A.S.", ["orion", "jsc*"]),  # Colombia, France
    ("Orion C.A.", ["orion", "jsc*"]),  # Venezuela
    ("Orion Lojistik Ltd. Sti.", ["orion", "lojistik", "llc*"]),  # Turkey
    ("Orion Makina Anonim Sirketi", ["orion", "makina", "jsc*"]),
    ("Orion Sdn. Bhd.", ["orion", "ltd*"]),  # Malaysia
    ("Orion Iberica S.L.", ["orion", "iberica", "llc*"]),  # Spain
    ("Orion EOOD", ["orion", "llc*"]),  # Bulgaria
    ("Orion Oy", ["orion", "jsc*"]),  # Finland
    ("SAL Trading", ["sal", "trading"]),  # a short form before the name is a name word
])
def test_other_countries_forms_are_forms(text: str, expected: list[str]) -> None:
    assert _marked(text) == expected
