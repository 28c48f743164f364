"""OFAC legacy CSV: real counts, companions, and every kind of bad input named precisely."""

from pathlib import Path

import pytest

from clearance.exc import EncodingError, FormatError
from clearance.sources import ofac


def _sdn(lists_dir: Path) -> dict[str, Path]:
    d = lists_dir / "ofac_sdn"
    return {"primary": d / "sdn.csv", "address": d / "add.csv", "alias": d / "alt.csv"}


def test_dec_2023_sdn_has_13821_entities_with_types(lists_dir: Path) -> None:
    parsed = ofac.load(ofac.SDN, _sdn(lists_dir))
    assert len(parsed.entities) == 13821
    schemata = {e.proxy.schema.name for e in parsed.entities}
    assert {"Person", "Organization", "Vessel", "Airplane"} <= schemata
    persons = sum(e.proxy.schema.name == "Person" for e in parsed.entities)
    assert persons == 6646


def test_aliases_addresses_and_remarks_are_merged(lists_dir: Path) -> None:
    parsed = ofac.load(ofac.SDN, _sdn(lists_dir))
    bnc = next(e for e in parsed.entities if e.source_id == "306")
    assert set(bnc.proxy.get("alias")) >= {"NATIONAL BANK OF CUBA", "BNC"}
    assert "Zweierstrasse 35, Zurich CH-8022, Switzerland" in bnc.proxy.get("address")
    assert bnc.id == "us_ofac_sdn-306"


def test_hikvision_in_consolidated_list_with_uscc_and_isin(lists_dir: Path) -> None:
    d = lists_dir / "ofac_consolidated"
    files = {"primary": d / "cons_prim.csv", "address": d / "cons_add.csv",
             "alias": d / "cons_alt.csv", "comments": d / "cons_comments.csv"}
    parsed = ofac.load(ofac.CONS, files)
    assert len(parsed.entities) == 442
    hik = next(e for e in parsed.entities if e.source_id == "30946")
    assert hik.proxy.get("uscCode") == ["91330000733796106P"]
    assert hik.proxy.get("isinCode") == ["CNE100000PM8"]
    assert "HIKVISION" in hik.proxy.get("alias")
    assert hik.sanctions[0].get("program") == ["CMIC-EO13959"]


def test_comments_file_continues_cut_remarks(lists_dir: Path) -> None:
    d = lists_dir / "ofac_consolidated"
    files = {"primary": d / "cons_prim.csv", "comments": d / "cons_comments.csv"}
    parsed = ofac.load(ofac.CONS, files)
    ent = next(e for e in parsed.entities if e.source_id == "17016")
    assert "Registration Number 1027700167110" in ent.proxy.get("notes")[0]
    assert "1027700167110" in ent.proxy.get("registrationNumber")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


GOOD = b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'


def test_dos_eof_trailer_is_accepted(tmp_path: Path) -> None:
    path = _write(tmp_path, "sdn.csv", GOOD + b"\x1a")
    assert len(ofac.load(ofac.SDN, {"primary": path}).entities) == 1


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "empty", None),
        (GOOD + b'37,"TRUNCATED",-0- ,"CUBA"', "expected 12 columns, found 4", 2),
        (GOOD + b'37,"NEXT",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"cut off\r\n',
         "malformed CSV", 2),
        (GOOD + GOOD, "duplicated id: ent_num 36 already on line 1", 2),
        (b'x1,"A",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n', "not a number", 1),
    ],
)
def test_bad_sdn_file_names_file_line_and_problem(
    tmp_path: Path, data: bytes, message: str, line: int | None
) -> None:
    path = _write(tmp_path, "sdn.csv", data)
    with pytest.raises(FormatError) as err:
        ofac.load(ofac.SDN, {"primary": path})
    assert message in str(err.value)
    assert str(path) in str(err.value)
    assert err.value.line == line


def test_undecodable_bytes_name_their_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "sdn.csv", GOOD + b'37,"\x81\x8d",-0- ,-0- ,-0- ,-0- ,-0- ,-0- '
                  b',-0- ,-0- ,-0- ,-0- \r\n')
    with pytest.raises(EncodingError) as err:
        ofac.load(ofac.SDN, {"primary": path})
    assert err.value.line == 2


def test_orphan_alias_means_mismatched_publications(tmp_path: Path) -> None:
    sdn = _write(tmp_path, "sdn.csv", GOOD)
    alt = _write(tmp_path, "alt.csv", b'99,1,"aka","OTHER",-0- \r\n')
    with pytest.raises(FormatError, match="ent_num 99 is not in sdn.csv"):
        ofac.load(ofac.SDN, {"primary": sdn, "alias": alt})


def _cons(lists_dir: Path) -> dict[str, Path]:
    d = lists_dir / "ofac_consolidated"
    return {"primary": d / "cons_prim.csv", "address": d / "cons_add.csv",
            "alias": d / "cons_alt.csv", "comments": d / "cons_comments.csv"}


def test_every_cmic_entry_carries_its_three_dates(lists_dir: Path) -> None:
    parsed = ofac.load(ofac.CONS, _cons(lists_dir))
    cmic = [e for e in parsed.entities if "CMIC-EO13959" in e.proxy.get("program")]
    assert len(cmic) == 68
    hik = next(e for e in cmic if e.source_id == "30946")
    (sanction,) = hik.sanctions
    assert sanction.get("listingDate") == ["2021-06-03"]
    assert sanction.get("startDate") == ["2021-08-02"]
    assert sanction.get("date") == ["2022-06-03"]  # Purchase/Sales For Divestment Date
    assert all(len(e.sanctions[0].get("date")) == 1 for e in cmic)


def test_malformed_published_isins_are_warned_and_kept(lists_dir: Path) -> None:
    parsed = ofac.load(ofac.CONS, _cons(lists_dir))
    bad = [w for w in parsed.warnings if "ISIN" in w]
    assert len(bad) == 3
    assert any("'BRC1EODR004'" in w and "11 characters" in w for w in bad)
    assert any("'CND10002K094'" in w and "check digit" in w for w in bad)
    cnooc = next(e for e in parsed.entities if e.source_id == "30926")
    assert "BRC1EODR004" in cnooc.proxy.get("isinCode")  # as published, not repaired
