"""Files are recognised by official name and by content, and grouped by publication."""

from pathlib import Path

import pytest

from clearance.exc import FormatError
from clearance.sources.detect import discover, recognise


def test_whole_shared_folder_yields_every_publication(lists_dir: Path) -> None:
    pubs = discover([lists_dir])
    found = sorted((p.dataset, p.format, p.files["primary"].parent.name) for p in pubs)
    assert found == [
        ("un_sc_sanctions", "un", "un_sc"),
        ("us_bis_dpl", "dpl", "bis_dpl"),
        ("us_ofac_cons", "ofac_csv", "ofac_consolidated"),
        ("us_ofac_cons", "ofac_xml", "ofac_consolidated_enhanced"),
        ("us_ofac_sdn", "ofac_csv", "ofac_sdn"),
        ("us_ofac_sdn", "ofac_csv", "ofac_sdn_20240503"),
        ("us_trade_csl", "csl", "trade_csl"),
    ]
    sdn = next(p for p in pubs if p.files["primary"].parent.name == "ofac_sdn")
    assert set(sdn.files) == {"primary", "address", "alias"}


def test_lone_sdn_csv_is_a_publication(lists_dir: Path) -> None:
    (pub,) = discover([lists_dir / "ofac_sdn_20240503" / "sdn.csv"])
    assert pub.dataset == "us_ofac_sdn" and set(pub.files) == {"primary"}


def test_renamed_file_is_recognised_by_content(tmp_path: Path, lists_dir: Path) -> None:
    path = tmp_path / "denied.tsv"
    path.write_bytes((lists_dir / "bis_dpl" / "dpl.txt").read_bytes()[:2000])
    assert recognise(path) == ("us_bis_dpl", "primary", "dpl")


def test_unknown_file_given_explicitly_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(FormatError, match="not a recognised official list file"):
        discover([path])


def test_companion_without_primary_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "alt.csv").write_text('1,1,"aka","X",-0- \r\n')
    with pytest.raises(FormatError, match="without its primary"):
        discover([tmp_path])
