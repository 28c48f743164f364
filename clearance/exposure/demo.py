"""A realistic, deterministic demo inventory: cities, sites, covered and clean makers.

Sites belong to a city and have a use (government, public safety, critical
infrastructure, commercial); devices carry the messiness of real inventories: brand
spelled several ways, MACs in several formats or missing, empty cells. MAC prefixes are
real IEEE blocks looked up in the registry by organisation; device halves are random.
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import IO, Any

from clearance.exposure.oui import registry

__all__ = ["COLUMNS", "generate", "write_csv"]

COLUMNS = ["asset_id", "site", "city", "country", "device_type", "manufacturer", "model",
           "mac", "ip", "serial", "firmware", "install_date", "use", "cost_center"]

CITIES = [("Springfield", "US"), ("Riverton", "US"), ("Lakewood", "US"), ("Fairview", "US"),
          ("Ashford", "GB"), ("Kingsbridge", "GB"), ("Port Adelaide", "AU"), ("Hamelin", "DE")]
USES = ["government", "public_safety", "critical_infrastructure", "commercial"]
SITE_KINDS = ["City Hall", "Police Precinct", "Water Treatment", "Library", "Transit Depot",
              "Fire Station", "Parking Garage", "Community Centre", "Court House", "School"]

#: (weight, brand spellings, registry pattern of its MACs, models, covered?)
MAKERS: list[tuple[float, list[str], str, list[str]]] = [
    (0.22, ["Hikvision", "HIKVISION", "HIK VISION", "Hikvision Digital", "hikvision"],
     r"hikvision", ["DS-2CD2143G2-I", "DS-2CD2387G2-LU", "DS-2DE4425IW-DE", "DS-7616NI-K2"]),
    (0.05, ["HiLook", "Hilook"], r"hikvision", ["IPC-B140H", "IPC-T240H"]),
    (0.03, ["EZVIZ"], r"ezviz", ["C6N", "C3TN"]),
    (0.13, ["Dahua", "DAHUA", "Dahua Technology"], r"zhejiang dahua",
     ["IPC-HFW2431S-S-S2", "IPC-HDBW2431E-S", "DH-XVR5108HS-I3", "SD49425XB-HNR"]),
    (0.04, ["Lorex"], r"lorex", ["LNB4321B", "N843A8B"]),
    (0.03, ["Amcrest"], r"huacheng", ["IP8M-2496EB", "IP4M-1051B"]),
    (0.03, ["LTS", "LT Security"], r"hikvision", ["CMIP7442W-28", "LTN8716"]),
    (0.02, ["Annke"], r"hikvision", ["C800", "I91BF"]),
    (0.15, ["Axis", "AXIS", "Axis Communications"], r"axis communications",
     ["P3245-LVE", "Q6135-LE", "M3106-L Mk II"]),
    (0.10, ["Bosch", "Bosch Security"], r"robert bosch gmbh", ["FLEXIDOME IP 5000i", "AUTODOME 7100i"]),
    (0.07, ["Hanwha", "Hanwha Vision", "Wisenet"], r"samsung techwin|hanwha", ["XNO-6080R", "QNV-8080R"]),
    (0.05, ["Avigilon"], r"avigilon", ["H5A-BO", "H4SL-D1"]),
    (0.04, ["Mobotix", "MOBOTIX"], r"mobotix", ["M16B", "S74"]),
    (0.04, [""], r"hikvision|zhejiang dahua|axis communications", [""]),  # brand left empty
]


@cache
def _prefixes(pattern: str) -> list[str]:
    rx = re.compile(pattern, re.I)
    return sorted(k for k, v in registry().items() if rx.search(v))


def _mac(rng: random.Random, prefix: str) -> str:
    digits = prefix + "".join(rng.choice("0123456789ABCDEF") for _ in range(6))
    style = rng.random()
    if style < 0.4:
        return ":".join(digits[i:i + 2] for i in range(0, 12, 2))
    if style < 0.6:
        return "-".join(digits[i:i + 2] for i in range(0, 12, 2))
    if style < 0.75:
        return ".".join(digits[i:i + 4] for i in range(0, 12, 4)).lower()
    if style < 0.9:
        return digits.lower()
    return ""  # unknown in the inventory


def generate(count: int = 5000, sites: int = 40, cities: int = 8, seed: int = 2026
             ) -> Iterator[dict[str, Any]]:
    """Device rows (dicts with `COLUMNS`), the same for the same arguments."""
    rng = random.Random(seed)
    chosen = [CITIES[i % len(CITIES)] for i in range(cities)]
    site_list = []
    for i in range(sites):
        city, country = chosen[i % len(chosen)]
        kind = SITE_KINDS[(i // len(chosen)) % len(SITE_KINDS)]
        use = {"City Hall": "government", "Police Precinct": "public_safety",
               "Court House": "government", "Water Treatment": "critical_infrastructure",
               "Fire Station": "public_safety", "Transit Depot": "critical_infrastructure"
               }.get(kind, "commercial" if rng.random() < 0.5 else "government")
        name = f"{city} {kind}" + (f" {i // (len(chosen) * len(SITE_KINDS)) + 1}"
                                   if i >= len(chosen) * len(SITE_KINDS) else "")
        site_list.append((name, city, country, use))
    weights = [m[0] for m in MAKERS]
    for n in range(count):
        site, city, country, use = site_list[rng.randrange(len(site_list))]
        _, brands, pattern, models = rng.choices(MAKERS, weights)[0]
        model = rng.choice(models)
        recorder = bool(re.search(r"NVR|XVR|DS-7|LTN|N843", model))
        prefixes = _prefixes(pattern)
        yield {
            "asset_id": f"CAM-{n + 1:06d}" if not recorder else f"NVR-{n + 1:06d}",
            "site": site, "city": city, "country": country,
            "device_type": "NVR" if recorder else rng.choice(["IP camera", "Camera", "PTZ camera",
                                                              "Dome camera"]),
            "manufacturer": rng.choice(brands), "model": model,
            "mac": _mac(rng, rng.choice(prefixes)) if prefixes else "",
            "ip": f"10.{rng.randrange(1, 250)}.{rng.randrange(0, 255)}.{rng.randrange(2, 254)}",
            "serial": f"SN{rng.randrange(10**9):09d}",
            "firmware": rng.choice(["V5.7.3", "V5.5.0", "2.800.0000000.45.R", "10.12.182", ""]),
            "install_date": f"{rng.randrange(2015, 2026)}-{rng.randrange(1, 13):02d}-"
                            f"{rng.randrange(1, 29):02d}",
            "use": use, "cost_center": f"CC-{rng.randrange(100, 999)}",
        }


def write_csv(out: IO[str] | Path, count: int = 5000, sites: int = 40, cities: int = 8,
              seed: int = 2026) -> None:
    """Write the demo inventory as CSV."""
    if isinstance(out, Path):
        with open(out, "w", newline="", encoding="utf-8") as fh:
            write_csv(fh, count, sites, cities, seed)
        return
    writer = csv.DictWriter(out, COLUMNS)
    writer.writeheader()
    writer.writerows(generate(count, sites, cities, seed))
