"""Facts about vendor groups cite primary sources or say plainly that they are unverified."""

from __future__ import annotations

from clearance.exposure.brands import _known
from clearance.exposure.vendors import cite
from clearance.monitor.whatif import related_parties
from clearance.resources import load_resource


def _entries() -> list[dict[str, object]]:
    groups = load_resource("vendor_groups")["groups"]
    items = [i for g in groups.values() for sec in ("names", "related") for i in g[sec]]
    return items + list(load_resource("oem_brands")["brands"])


def test_every_fact_says_whether_its_source_is_primary() -> None:
    for item in _entries():
        source = str(item.get("source") or "") + str(item.get("url") or "")
        assert "verification" in item, item
        assert "pypi.org" not in source, item  # a package page is no source for ownership
        if item["verification"] == "primary":
            assert source != "", item


def test_unverified_facts_are_marked_where_they_are_shown() -> None:
    assert cite("https://example.gov/rule", "primary") == "https://example.gov/rule"
    assert cite("https://mirror/wiki", "encyclopedia mirror") == (
        "UNVERIFIED (encyclopedia mirror): https://mirror/wiki")
    assert cite(None, None) == "UNVERIFIED (no source)"
    parties = {p["name"]: p["source"] for p in related_parties("Hikvision")}
    assert parties["HiLook"].startswith("UNVERIFIED (encyclopedia mirror): ")
    assert parties["Hangzhou EZVIZ Network Co., Ltd. (EZVIZ; OUI org 'Hangzhou Ezviz "
                   "Software Co.,Ltd.')"].startswith("https://")
    assert not any("unverified lead" in s for s in parties.values())
    sources = {k.source for k in _known()}
    assert any(s.startswith("UNVERIFIED (") for s in sources)
    assert not any("pypi.org" in s for s in sources)
