"""How the case page groups a list entity's facts, and where the publisher's page is."""

from clearance.web.case import listed_facts, publisher_link

RECORD = {
    "schema": "Person",
    "properties": {"name": ["CANO CORREA, Jhon Eidelber"], "alias": ["FLECHAS"],
                   "weakAlias": ["JHONNY"], "birthDate": ["1963-12-13"],
                   "passportNumber": ["AF133955"], "program": ["SDNT"], "topics": ["sanction"]},
    "sanctions": [{"properties": {"program": ["SDNT"], "authority": ["OFAC"]}}],
}


def test_names_carry_their_quality_and_identifiers_are_grouped() -> None:
    facts = listed_facts(RECORD)
    assert facts["names"] == [("primary name", "CANO CORREA, Jhon Eidelber"),
                              ("alias (strong)", "FLECHAS"),
                              ("alias (weak, low quality)", "JHONNY")]
    assert facts["personal"] == [("birthDate", ["1963-12-13"])]
    assert facts["identifiers"] == [("passportNumber", ["AF133955"])]
    assert facts["programs"] == ["SDNT"] and facts["authorities"] == ["OFAC"]
    assert facts["other"] == [("topics", ["sanction"])]


def test_publisher_link_prefers_the_record_then_ofac_search() -> None:
    with_url = {"properties": {"sourceUrl": ["https://example.org/entry/1"]}}
    assert publisher_link(with_url, "un_sc_sanctions", "QDi.1") == "https://example.org/entry/1"
    assert publisher_link(None, "us_ofac_sdn", "10000") == (
        "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=10000")
    assert publisher_link(None, "un_sc_sanctions", "QDi.1") is None
