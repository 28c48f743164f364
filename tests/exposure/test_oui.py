"""The IEEE registry package, cross-checked against the curated prefix table."""

from __future__ import annotations

import csv

from clearance.exposure.oui import lookup, organization_link, registry
from tests.conftest import SHARED

CURATED = SHARED / "data" / "equipment" / "oui_prefixes.csv"
COVERED = {"hikvision", "dahua", "hytera", "huawei", "zte"}


def test_every_curated_block_the_registry_holds_resolves_to_the_same_group() -> None:
    with open(CURATED, encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["prefix_bits"] == "24"]
    held = [r for r in rows if r["prefix_hex"] in registry()]
    assert len(held) >= 0.9 * len(rows)  # the package is the newest snapshot we have
    wrong = []
    for r in held:
        link = organization_link(registry()[r["prefix_hex"]])
        group = None if link is None else link.group
        expected = r["vendor_group"] if r["vendor_group"] in COVERED else None
        if group != expected or link is None:
            wrong.append((r["prefix_hex"], registry()[r["prefix_hex"]], group, expected))
    assert wrong == []


def test_known_blocks_and_look_alikes() -> None:
    assert lookup("4419B6000002") and organization_link(lookup("4419B6000002") or "").group == "hikvision"  # type: ignore[union-attr]
    assert organization_link("Zhejiang Dahua Technology Co., Ltd.").group == "dahua"  # type: ignore[union-attr]
    assert organization_link("Shanghai Dahua Scale Factory") is None
    assert organization_link("ZTEC Instruments") is None
    assert organization_link("Axis Communications AB") is None
    lorex = organization_link("Lorex Technology Inc.")
    assert lorex is not None and (lorex.group, lorex.valid_to) == ("dahua", "2022-11-24")
    uniview = organization_link("Zhejiang Uniview Technologies Co.,Ltd.")
    assert uniview is not None and uniview.group is None  # watch list, never covered
