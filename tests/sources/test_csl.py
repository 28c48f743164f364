"""trade.gov CSL: merging rows of one party, alias splitting, Entity List details."""

import json
from pathlib import Path

import pytest

from clearance.exc import FormatError
from clearance.sources import csl
from clearance.sources.common import Parsed
from tests.conftest import LISTS


@pytest.fixture(scope="module")
def parsed() -> Parsed:
    return csl.load(LISTS / "trade_csl" / "consolidated.csv.gz")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("46 TsNII; and 46 TsNII MO RF", [("alias", "46 TsNII"), ("alias", "46 TsNII MO RF")]),
        ("A; f.k.a., Old Name.", [("alias", "A"), ("previousName", "Old Name")]),
        ("HIKVISION; HANGZHOU HIKVISION DIGITAL TECHNOLOGY",
         [("alias", "HIKVISION"), ("alias", "HANGZHOU HIKVISION DIGITAL TECHNOLOGY")]),
    ],
)
def test_alt_names_split_on_semicolons_and_final_and(value: str, expected: list[tuple[str, str]]
                                                     ) -> None:
    assert csl.split_alt_names(value) == expected


def test_rows_of_one_party_on_several_lists_merge(parsed: Parsed) -> None:
    assert len(parsed.entities) == 14048  # 14,160 rows, 112 repeat an _id on another list
    vtb = next(e for e in parsed.entities if e.source_id == "18725")
    authorities = {s.first("authority") for s in vtb.sanctions}
    assert len(authorities) == 3


def test_hikvision_entity_list_row_keeps_its_listing_facts(parsed: Parsed) -> None:
    rows = [e for e in parsed.entities if e.proxy.caption.lower().startswith("hangzhou hikvision")]
    el = next(e for e in rows if "Entity List" in (e.sanctions[0].first("authority") or ""))
    sanction = el.sanctions[0]
    assert sanction.get("startDate") == ["2019-10-09"]
    assert sanction.get("reason") == ["84 FR 54002", "85 FR 44159"]
    assert any("For all items subject to the EAR" in p for p in sanction.get("provisions"))
    assert "Hikvision" in el.proxy.get("alias")
    cmic = next(e for e in rows if e.source_id == "30946")
    assert cmic.proxy.get("uscCode") == ["91330000733796106P"]
    assert cmic.proxy.get("isinCode") == ["CNE100000PM8"]


def test_affiliated_entity_prefix_becomes_a_note(parsed: Parsed) -> None:
    ent = next(e for e in parsed.entities
               if e.proxy.caption == "Beijing Huawei Longshine Information Technology Co., Ltd.")
    assert ent.proxy.get("notes") == ["Affiliated entity of: Huawei Technologies Co., Ltd. (Huawei)"]


def test_truncated_csl_row_names_its_line(tmp_path: Path) -> None:
    header = ",".join(csl.COLUMNS)
    row = ",".join(["abc", "Entity List (EL)", "", "", "", "ACME"] + [""] * 23)
    path = tmp_path / "consolidated.csv"
    path.write_text(f"{header}\n{row}\nabd,Entity List (EL),,,,TRUNC\n", encoding="utf-8")
    with pytest.raises(FormatError) as err:
        csl.load(path)
    assert err.value.line == 3
    assert "truncated" in str(err.value)


def test_wrong_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "consolidated.csv"
    path.write_text("id,name\n1,ACME\n", encoding="utf-8")
    with pytest.raises(FormatError, match="not the CSL header"):
        csl.load(path)


def test_json_variant_reads_like_the_csv(tmp_path: Path) -> None:
    record = {
        "id": "f095626c9f8becc70b5948507fb6de6e443b257a",
        "source": "Entity List (EL) - Bureau of Industry and Security",
        "name": "Hangzhou Hikvision Digital Technology Co., Ltd.",
        "alt_names": ["Hikvision"], "programs": [], "start_date": "2019-10-09",
        "federal_register_notice": "84 FR 54002",
        "addresses": [{"address": "No. 555 Qianmo Road", "city": "Hangzhou", "country": "CN"}],
        "ids": [{"type": "Unified Social Credit Code (USCC)", "number": "91330000733796106P",
                 "country": "CN"}],
    }
    path = tmp_path / "consolidated.json"
    path.write_text(json.dumps({"total": 1, "results": [record]}))
    (entity,) = csl.load(path).entities
    assert entity.source_id == record["id"]
    assert entity.proxy.get("alias") == ["Hikvision"]
    assert entity.proxy.get("uscCode") == ["91330000733796106P"]
    assert entity.sanctions[0].get("startDate") == ["2019-10-09"]


def test_json_without_results_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "consolidated.json"
    path.write_text('{"total": 0}')
    with pytest.raises(FormatError, match="no 'results' list"):
        csl.load(path)


def test_cmic_rows_carry_dates_and_issuer_names(parsed: Parsed) -> None:
    hik = next(e for e in parsed.entities if e.source_id == "30946")
    cmic = next(s for s in hik.sanctions if "CMIC" in (s.first("authority") or ""))
    assert (cmic.get("listingDate"), cmic.get("startDate"), cmic.get("date")) == (
        ["2021-06-03"], ["2021-08-02"], ["2022-06-03"])
    assert "Hangzhou Hikvision Digital Technology" in hik.proxy.get("alias")
    assert hik.proxy.get("isinCode") == ["CNE100000PM8"]


def test_a_birth_year_range_and_a_circa_year_keep_every_year_they_name(tmp_path: Path) -> None:
    # "1958 to 1960" is any of three years (a row born in 1959 agrees with it) and "circa
    # 1967" is its year, as the SDN's remarks are read; a full date stays as written
    record = {
        "id": "p1", "source": "Specially Designated Nationals (SDN) - Treasury Department",
        "name": "QUINTANILLA ECHEVERRIA, Ramiro", "type": "Individual",
        "dates_of_birth": "1958 to 1960; circa 1967; 1971-04-02",
    }
    path = tmp_path / "consolidated.json"
    path.write_text(json.dumps({"total": 1, "results": [record]}))
    (entity,) = csl.load(path).entities
    assert sorted(entity.proxy.get("birthDate")) == ["1958", "1959", "1960", "1967",
                                                     "1971-04-02"]
