"""What replacing covered devices costs: unit price plus labour, per device type, with sources.

Defaults come from `resources/replacement_costs.yml`, each figure with its source; a YAML
or JSON file of the same shape overrides any of them. Totals are kept per site, city,
country and vendor group, separately for covered and possibly covered devices.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from clearance.exc import InputError
from clearance.exposure.coverage import Classification
from clearance.resources import load_resource

__all__ = ["CostTable", "Exposure", "device_kind", "summarise"]

_KINDS = [
    ("recorder", r"nvr|dvr|xvr|recorder|storage"),
    ("camera", r"cam|ipc|ptz|dome|bullet|turret|fisheye|thermal|video|surveillance"),
    ("access_control", r"access|door|intercom|reader|turnstile|doorbell"),
    ("radio", r"radio|handset|repeater|walkie|tetra|dmr|lmr"),
    ("network", r"router|switch|modem|cpe|ont|gateway|network|access.?point|base.?station|ap\b"),
]


def device_kind(device_type: str) -> str:
    """'IP Camera', 'PTZ', 'NVR 32ch' ... -> camera, recorder, ... (other when unsure)."""
    text = device_type.lower()
    for kind, pattern in _KINDS:
        if re.search(pattern, text):
            return kind
    return "other"


@dataclass
class CostTable:
    """Unit and labour cost per device kind, each with where the figure comes from."""

    labour_rate: float
    unit: dict[str, float]
    labour_hours: dict[str, float]
    sources: dict[str, str]

    @classmethod
    def load(cls, override: Path | None = None) -> CostTable:
        data = json.loads(json.dumps(load_resource("replacement_costs")))  # a copy
        if override is not None:
            try:
                text = override.read_text(encoding="utf-8")
                extra = json.loads(text) if override.suffix == ".json" else yaml.safe_load(text)
            except (OSError, ValueError, yaml.YAMLError) as exc:
                raise InputError(f"cannot read cost file: {exc}", path=str(override)) from None
            if not isinstance(extra, dict):
                raise InputError("cost file must be a mapping like replacement_costs.yml",
                                 path=str(override))
            if "labour_rate" in extra:
                data["labour_rate"] = extra["labour_rate"]
            for kind, values in (extra.get("device_types") or {}).items():
                data["device_types"].setdefault(kind, {}).update(values)
        table = cls(0.0, {}, {}, {})

        def value(item: Any, where: str) -> float:
            raw = item.get("value") if isinstance(item, dict) else item
            if not isinstance(raw, int | float) or raw < 0:
                raise InputError(f"{where}: {raw!r} is not a non-negative number",
                                 path=str(override or "replacement_costs.yml"))
            if isinstance(item, dict) and item.get("source"):
                table.sources[where] = str(item["source"])
            elif override is not None:
                table.sources[where] = f"override: {override}"
            return float(raw)

        table.labour_rate = value(data["labour_rate"], "labour_rate")
        for kind, values in data["device_types"].items():
            table.unit[kind] = value(values["unit"], f"{kind}.unit")
            table.labour_hours[kind] = value(values["labour_hours"], f"{kind}.labour_hours")
        return table

    def cost(self, device_type: str) -> float:
        kind = device_kind(device_type)
        if kind not in self.unit:
            kind = "other"
        return self.unit[kind] + self.labour_hours[kind] * self.labour_rate


@dataclass
class Exposure:
    """Counts and replacement costs, overall and by site, city, country, vendor and rule.

    `vendor` is the covered group, with every other maker in one bucket; `maker` keeps
    each manufacturer as the clues named it.
    """

    devices: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    cost_covered: float = 0.0
    cost_possible: float = 0.0
    by: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    by_rule: dict[str, int] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def riskiest(self, dimension: str = "site", n: int = 15) -> list[tuple[str, dict[str, float]]]:
        rows = self.by.get(dimension, {})
        return sorted(rows.items(), key=lambda kv: (-kv[1]["cost_covered"], -kv[1]["covered"],
                                                    -kv[1]["possibly_covered"], kv[0]))[:n]


def summarise(results: Iterable[Classification], costs: CostTable) -> Exposure:
    """Aggregate classifications into an exposure summary."""
    out = Exposure(sources=dict(costs.sources))
    by: dict[str, dict[str, dict[str, float]]] = {
        d: defaultdict(lambda: defaultdict(float))
        for d in ("site", "city", "country", "vendor", "maker")}
    for r in results:
        out.devices += 1
        out.by_status[r.status] = out.by_status.get(r.status, 0) + 1
        device = r.device
        price = costs.cost(device.device_type if device else "")
        keys = {"site": device.site if device else "", "city": device.city if device else "",
                "country": device.country if device else "",
                "vendor": r.vendor_group or ("makers outside the covered groups"
                                             if r.manufacturer else "unknown maker"),
                "maker": r.manufacturer or "unknown maker"}
        for dim, key in keys.items():
            bucket = by[dim][key or "(none)"]
            bucket["devices"] += 1
            bucket[r.status] += 1
            if r.status == "covered":
                bucket["cost_covered"] += price
            elif r.status == "possibly_covered":
                bucket["cost_possible"] += price
        if r.status == "covered":
            out.cost_covered += price
        elif r.status == "possibly_covered":
            out.cost_possible += price
        for rule in r.rules:
            if rule["applies"] in ("yes", "if the use is in scope", "listed"):
                out.by_rule[rule["rule"]] = out.by_rule.get(rule["rule"], 0) + 1
    for dim, rows in by.items():
        out.by[dim] = {k: {m: round(v, 2) for m, v in {
            "devices": 0.0, "covered": 0.0, "possibly_covered": 0.0, "not_covered": 0.0,
            "unknown": 0.0, "cost_covered": 0.0, "cost_possible": 0.0, **vals}.items()}
            for k, vals in rows.items()}
    out.cost_covered = round(out.cost_covered, 2)
    out.cost_possible = round(out.cost_possible, 2)
    return out
