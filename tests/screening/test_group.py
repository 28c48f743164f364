"""One listed party, one result; the floor under results that are not alerts (issue 14)."""

from __future__ import annotations

from typing import Any

from clearance.index.build import Index, build_index
from clearance.match.score import Query, ScoringConfig
from clearance.screening.group import MIN_SCORE, screen_query


def _record(dataset: str, source_id: str, name: str, schema: str = "Person",
            **props: list[str]) -> dict[str, Any]:
    return {"entity_id": f"{dataset}-{source_id}", "dataset": dataset, "source_id": source_id,
            "schema": schema, "caption": name, "properties": {"name": [name], **props}}


def test_hikvision_is_one_party_with_its_three_listings(index: Index) -> None:
    (party,) = screen_query(index, Query(name="Hikvision", schema="Company"), ScoringConfig(),
                            limit=1)
    listings = {(r.dataset, r.source_id) for r in party.listings}
    assert listings == {("us_ofac_cons", "30946"), ("us_trade_csl", "30946"),
                        ("us_trade_csl", "f095626c9f8becc70b5948507fb6de6e443b257a")}
    data = party.to_dict()
    assert data["match"] is True and len(data["listings"]) == 3
    assert all("explanation" in x and "score" in x for x in data["listings"])  # JSON keeps all


def test_two_people_of_one_name_on_one_list_stay_two_results() -> None:
    index = build_index([
        _record("us_ofac_sdn", "1", "KIM Chol", birthDate=["1960"]),
        _record("us_ofac_sdn", "2", "KIM Chol", birthDate=["1975"]),
        _record("us_trade_csl", "1", "KIM Chol", birthDate=["1960"]),
        _record("un_sc_sanctions", "KPi.1", "KIM Chol", birthDate=["1975"]),
    ], "test")
    parties = screen_query(index, Query(name="Kim Chol", schema="Person"), ScoringConfig(),
                           limit=10)
    groups = sorted(sorted(f"{r.dataset}:{r.source_id}" for r in p.listings) for p in parties)
    assert groups == [["un_sc_sanctions:KPi.1", "us_ofac_sdn:2"],
                      ["us_ofac_sdn:1", "us_trade_csl:1"]]


def test_a_contradicting_country_keeps_same_named_listings_apart() -> None:
    index = build_index([
        _record("us_bis_dpl", "a", "John Smith", country=["us"]),
        _record("un_sc_sanctions", "b", "John Smith", country=["gb"]),
    ], "test")
    parties = screen_query(index, Query(name="John Smith", schema="Person"), ScoringConfig(),
                           limit=10)
    assert [len(p.listings) for p in parties] == [1, 1]


def test_results_that_are_not_alerts_are_kept_only_from_the_floor_up(index: Index) -> None:
    cfg = ScoringConfig()
    noisy = screen_query(index, Query(name="Acme Widgets Ltd", schema="Company"), cfg, 5, 0.0)
    assert noisy and all(not p.match for p in noisy)  # the noise the issue saw
    assert any(p.score < MIN_SCORE for p in noisy)
    kept = screen_query(index, Query(name="Acme Widgets Ltd", schema="Company"), cfg, 5,
                        MIN_SCORE)
    assert all(p.score >= MIN_SCORE for p in kept)
    # an alert is never dropped, whatever the floor
    (alert,) = screen_query(index, Query(name="Hikvision", schema="Company"),
                            ScoringConfig(threshold=0.8), 1, min_score=1.01)
    assert alert.match


def test_publisher_ids_join_first_and_a_name_fitting_two_parties_joins_neither() -> None:
    index = build_index([
        _record("us_ofac_sdn", "11", "PAK Song Il"),
        _record("us_ofac_sdn", "12", "PAK Song Il"),
        _record("us_trade_csl", "11", "PAK Song Il"),
        _record("us_trade_csl", "12", "PAK Song Il"),
        _record("un_sc_sanctions", "KPi.9", "PAK SONG IL"),
    ], "test")
    parties = screen_query(index, Query(name="Pak Song Il", schema="Person"), ScoringConfig(),
                           limit=10)
    groups = sorted(sorted(f"{r.dataset}:{r.source_id}" for r in p.listings) for p in parties)
    # each CSL row joins the OFAC entry it cites; the UN entry could be either person
    assert groups == [["un_sc_sanctions:KPi.9"],
                      ["us_ofac_sdn:11", "us_trade_csl:11"],
                      ["us_ofac_sdn:12", "us_trade_csl:12"]]


def test_a_name_fitting_one_party_still_joins_it() -> None:
    index = build_index([
        _record("us_ofac_sdn", "11", "PAK Song Il"),
        _record("us_trade_csl", "11", "PAK Song Il"),
        _record("un_sc_sanctions", "KPi.9", "PAK SONG IL"),
    ], "test")
    (party,) = screen_query(index, Query(name="Pak Song Il", schema="Person"), ScoringConfig(),
                            limit=10)
    assert len(party.listings) == 3
