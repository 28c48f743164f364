"""UN Security Council XML: parsed with defusedxml; bombs and broken XML refused."""

from pathlib import Path

import pytest

from clearance.exc import FormatError, UnsafeInputError
from clearance.sources import un


def test_un_list_has_730_people_and_273_entities(lists_dir: Path) -> None:
    parsed = un.load(lists_dir / "un_sc" / "UN_consolidated.xml")
    assert len(parsed.entities) == 1003
    assert sum(e.proxy.schema.name == "Person" for e in parsed.entities) == 730
    assert str(parsed.published) == "2026-02-27"
    aziz = next(e for e in parsed.entities if e.source_id == "IQi.025")
    assert "طارق عزيز" in aziz.proxy.get("name")
    assert aziz.proxy.get("birthDate") == ["1936-07-01"]
    assert aziz.proxy.get("passportNumber") == ["No34409/129"]
    assert aziz.sanctions[0].get("listingDate") == ["2003-06-27"]


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&lol2;</FIRST_NAME>
</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"""


def test_entity_expansion_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "consolidated.xml"
    path.write_bytes(BOMB)
    with pytest.raises(UnsafeInputError, match="refused unsafe XML"):
        un.load(path)


def test_truncated_xml_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "consolidated.xml"
    path.write_bytes(b"<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n<FIRST_NAME>A")
    with pytest.raises(FormatError) as err:
        un.load(path)
    assert err.value.line == 4


def test_duplicated_reference_number_is_refused(tmp_path: Path) -> None:
    one = "<INDIVIDUAL><FIRST_NAME>A</FIRST_NAME><REFERENCE_NUMBER>X.1</REFERENCE_NUMBER></INDIVIDUAL>"
    path = tmp_path / "consolidated.xml"
    path.write_text(f"<CONSOLIDATED_LIST><INDIVIDUALS>{one}{one}</INDIVIDUALS></CONSOLIDATED_LIST>")
    with pytest.raises(FormatError, match="duplicated id: REFERENCE_NUMBER X.1"):
        un.load(path)
