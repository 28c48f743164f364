"""A typed IMO number that fails its check digit, one slip from a listed vessel's: a near
hit, explained as a slip, in every lookup that finds a listed party by identifier (the
engine's, `score_entities`, the lazily read index, the Spark worker's and monitoring's
small sides). Issue 11: a vessel's IMO typed with one digit swapped found nothing.

Made-up vessels; their numbers are made to pass the check (`imo_valid`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.index.build import Index, build_index
from clearance.match.engine import match_query, score_entities
from clearance.match.imo import REPLACED, SWAPPED, imo_slips, imo_typed, imo_valid, imo_written
from clearance.match.score import Query, ScoringConfig

SHIP = "KORVELLA STAR"


def _valid(six: str) -> str:
    """Six digits and their check digit."""
    return six + str(sum(int(d) * w for d, w in zip(six, (7, 6, 5, 4, 3, 2))) % 10)


IMO = _valid("935172")  # 9*7+3*6+5*5+1*4+7*3+2*2 = 135: 9351725
OTHER = _valid("941260")


def _index() -> Index:
    return build_index([
        {"entity_id": "v1", "dataset": "own", "source_id": "1", "schema": "Vessel",
         "caption": SHIP, "properties": {"name": [SHIP], "imoNumber": [f"IMO {IMO}"]}},
        {"entity_id": "v2", "dataset": "own", "source_id": "2", "schema": "Vessel",
         "caption": "MARIS QUELL", "properties": {"name": ["MARIS QUELL"],
                                                  "imoNumber": [OTHER]}},
        {"entity_id": "o1", "dataset": "own", "source_id": "3", "schema": "Organization",
         "caption": "QUELLMAR SHIPPING", "properties": {
             "name": ["QUELLMAR SHIPPING"], "imoNumber": [IMO[:6] + "0"]}},
    ], "own")


def _swap(value: str, i: int) -> str:
    return value[:i] + value[i + 1] + value[i] + value[i + 2:]


def test_the_check_digit_is_the_weighted_sum_of_the_first_six() -> None:
    assert IMO == "9351725"
    assert imo_valid(IMO) and imo_valid(OTHER)
    assert not imo_valid("9351726") and not imo_valid("935172") and not imo_valid("93517a5")


def test_a_number_that_fails_its_check_has_the_slips_that_pass_theirs() -> None:
    typed = _swap(IMO, 2)  # 9315725
    assert not imo_valid(typed)
    slips = dict(imo_slips(typed))
    assert slips[IMO] == SWAPPED
    assert all(imo_valid(n) for n in slips)
    assert dict(imo_slips("9351724"))[IMO] == REPLACED  # the check digit itself mistyped


def test_a_number_that_passes_its_check_has_no_slips_it_is_another_ships() -> None:
    assert imo_slips(IMO) == () and imo_slips("12345") == () and imo_slips("IMO9351725") == ()


def test_a_listed_number_is_typed_as_the_numbers_whose_slips_hold_it() -> None:
    typed = imo_typed(IMO)
    assert _swap(IMO, 2) in typed and "9351724" in typed
    assert all(IMO in dict(imo_slips(n)) for n in typed)
    assert imo_typed(_swap(IMO, 2)) == ()


@pytest.mark.parametrize("typed", [_swap(IMO, 2), "IMO " + _swap(IMO, 4), "9351724",
                                   "IMO No. 9351785"])
def test_a_slipped_imo_number_finds_its_listed_vessel_as_a_near_hit(typed: str) -> None:
    index = _index()
    (first, *_) = match_query(index, Query("Unrelated Name", "Vessel", identifiers=[typed]))
    assert first.name == SHIP
    assert first.match and first.score == pytest.approx(ScoringConfig().identifier_slip_score)
    slip = [f for f in first.features if f.name == "identifier_slip"]
    assert slip and "fails its check digit" in slip[0].detail and IMO in slip[0].detail
    assert not any(f.name == "identifier" for f in first.features)


def test_a_slip_is_never_read_as_an_exact_identifier_nor_beside_one() -> None:
    index = _index()
    (first, *_) = match_query(index, Query("Unrelated Name", "Vessel", identifiers=[IMO]))
    assert [f.name for f in first.features if "identifier" in f.name] == ["identifier"]
    assert first.score == pytest.approx(0.99)


def test_a_number_one_replaced_digit_from_a_listed_one_that_passes_its_check_finds_nothing(
        ) -> None:
    # another ship's number: a replaced digit that passes the check names another vessel
    index = _index()
    near = next(n for n in (IMO[:3] + d + IMO[4:] for d in "0123456789")
                if n != IMO and imo_valid(n))
    assert match_query(index, Query("Unrelated Name", "Vessel", identifiers=[near])) == []


def test_a_persons_number_and_a_companys_imo_number_are_no_vessels_slips() -> None:
    index = _index()
    typed = _swap(IMO, 2)
    assert match_query(index, Query("Unrelated Name", "Person", identifiers=[typed])) == []
    # the listed company's number (no ship's check) is never a slip's listed end
    company = [r for r in match_query(index, Query("Unrelated Name", "LegalEntity",
                                                   identifiers=[IMO[:6] + "1"]))
               if r.name == "QUELLMAR SHIPPING"]
    assert company == []


def test_a_party_of_unknown_type_finds_the_vessel_too() -> None:
    index = _index()
    (first, *_) = match_query(index, Query("Unrelated Name", "LegalEntity",
                                           identifiers=[_swap(IMO, 2)]))
    assert first.name == SHIP and first.match


def test_score_entities_finds_the_slip_as_match_query_does() -> None:
    index = _index()
    query = Query("Unrelated Name", "Vessel", identifiers=[_swap(IMO, 2)])
    (found,) = score_entities(index, query, ["v1"])
    (first, *_) = match_query(index, query)
    assert (found.name, found.score) == (first.name, first.score)
    slips = [[f.to_dict() for f in r.features if f.name == "identifier_slip"]
             for r in (found, first)]
    assert slips[0] == slips[1] != []


def test_the_lazily_read_index_reads_the_slipped_vessel(tmp_path: Path) -> None:
    from clearance.index.artifact import write_file
    from clearance.index.view import query_index

    path = tmp_path / "index.bin"
    write_file(_index(), path, {})
    query = Query("Unrelated Name", "Vessel", identifiers=[_swap(IMO, 2)])
    (first, *_) = match_query(query_index(path, query), query)
    assert first.name == SHIP and first.match


def test_the_spark_workers_small_side_holds_the_slipped_vessel() -> None:
    from clearance.spark.worker import delta_candidates

    index = _index()
    query = Query("Unrelated Name", "Vessel", identifiers=[_swap(IMO, 2)])
    assert "v1" in delta_candidates(index, index, query, ScoringConfig())


@pytest.mark.parametrize("text, read", [
    (f"IMO {IMO}", (f"IMO {IMO}",)),
    (f"SEA PEARL (IMO No. {IMO})", (f"IMO {IMO}",)),
    (f"imo{IMO}", (f"IMO {IMO}",)),
    (f"IMO number: {IMO} / IMO#{OTHER}", (f"IMO {IMO}", f"IMO {OTHER}")),
    (f"IMO Nr. {IMO}", (f"IMO {IMO}",)),
    (IMO, ()),  # seven digits alone: a name's number may be anything
    (f"LIMO {IMO}", ()),
    (f"IMO {IMO}1", ()),
])
def test_an_imo_number_is_read_from_a_name_only_with_its_scheme_word(
        text: str, read: tuple[str, ...]) -> None:
    assert imo_written(text) == read


def test_an_imo_number_typed_in_the_search_box_finds_its_ship() -> None:
    (first, *_) = match_query(_index(), Query(f"IMO {IMO}"))
    assert first.name == SHIP and first.match
    (agrees,) = [f for f in first.features if f.name == "identifier"]
    assert IMO in agrees.detail and "agrees exactly" in agrees.detail


def test_a_rosters_name_holding_a_slipped_number_is_a_near_hit() -> None:
    query = Query(f"Unrelated Name (IMO No. {_swap(IMO, 2)})", "Vessel")
    (first, *_) = match_query(_index(), query)
    assert first.name == SHIP and first.score == pytest.approx(
        ScoringConfig().identifier_slip_score)


def test_a_number_in_the_name_and_the_same_number_typed_count_once() -> None:
    query = Query(f"IMO {IMO}", "Vessel", identifiers=[f"IMO {IMO}"])
    assert query.identifiers_read == [f"IMO {IMO}"]
    assert Query("KORVELLA STAR", "Vessel").identifiers_read == []


def test_every_lookup_by_identifier_reads_the_number_in_the_name(tmp_path: Path) -> None:
    from clearance.index.artifact import write_file
    from clearance.index.view import query_index
    from clearance.monitor.book import BookEntry
    from clearance.monitor.book_index import book_record
    from clearance.spark.worker import delta_candidates

    index = _index()
    query = Query(f"Unrelated Name IMO {IMO}", "Vessel")
    (found,) = score_entities(index, query, ["v1"])
    assert found.match
    path = tmp_path / "index.bin"
    write_file(index, path, {})
    (first, *_) = match_query(query_index(path, query), query)
    assert first.name == SHIP
    assert "v1" in delta_candidates(index, index, query, ScoringConfig())
    entry = BookEntry("b1", query.name, "Vessel")
    assert f"IMO {IMO}" in book_record(entry)["properties"]["idNumber"]
