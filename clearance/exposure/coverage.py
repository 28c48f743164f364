"""Is a device covered, under which rules, how sure are we, and why.

1. The device's signals (`signals.device_signals`) are combined per covered group:
   independent clues reinforce each other (confidence = 1 - prod(1 - c)).
2. The group's rules come from `resources/coverage_rules.yml` (FCC Covered List, NDAA 889:
   by group, with their use scopes) and from screening the group's legal names and
   current subsidiaries against the loaded lists (Entity List, NS-CMIC, SDN).
3. Status: `covered` when the maker is identified (>= 0.8) and a rule applies without a
   use condition, or with one the device's use meets; `possibly_covered` when the
   identification is only medium (>= 0.4) or the rule depends on an unknown use;
   `not_covered` when the clues point to a maker outside the groups; `unknown` when
   there is nothing to go on. Clues that disagree are listed as conflicts, not hidden.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from clearance.exposure.inventory import Device
from clearance.exposure.signals import Signal, brand_fields, device_signals
from clearance.exposure.vendors import current_related, legal_name
from clearance.index.build import Index
from clearance.match.engine import match_query
from clearance.match.score import Query, ScoringConfig
from clearance.resources import load_resource
from clearance.store import get_record

__all__ = ["IDENTIFIED", "POSSIBLE", "Classification", "Classifier", "list_findings"]

IDENTIFIED = 0.8
POSSIBLE = 0.4
STATUSES = ("covered", "possibly_covered", "not_covered", "unknown")


@dataclass
class Classification:
    """The answer for one device, with the chain of reasoning behind it."""

    asset_id: str
    vendor_group: str | None
    manufacturer: str | None
    status: str
    rules: list[dict[str, Any]]
    confidence: float
    evidence: list[dict[str, Any]]
    reasoning: list[str] = field(default_factory=list)
    device: Device | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"asset_id": self.asset_id, "vendor_group": self.vendor_group,
                "manufacturer": self.manufacturer, "status": self.status, "rules": self.rules,
                "confidence": round(self.confidence, 2), "evidence": self.evidence,
                "reasoning": self.reasoning}


@cache
def _rules() -> dict[str, Any]:
    data: dict[str, Any] = load_resource("coverage_rules")
    return data


def _group_names(group: str) -> list[str]:
    """Legal and current subsidiary names of a group, screened against the lists."""
    g = load_resource("vendor_groups")["groups"][group]
    names = [n["name"] for n in g["names"] if n["kind"] in ("legal name", "Chinese legal name")]
    return names + [r["name"] for r in current_related(group, ("subsidiary",))]


def _markers(entity_id: str, programs: tuple[str, ...]) -> str:
    """Programs and listing authorities of a list entry (the CSL names its source list there)."""
    record = get_record(entity_id) or {}
    values = list(programs)
    for sanction in record.get("sanctions", []):
        for prop in ("authority", "program"):
            values += sanction.get("properties", {}).get(prop, [])
    return " ".join(values).lower()


def list_findings(index: Index | None, cfg: ScoringConfig | None = None
                  ) -> dict[str, list[dict[str, Any]]]:
    """Per group, the list rules its names hit on the loaded lists (with the match)."""
    out: dict[str, list[dict[str, Any]]] = {}
    if index is None:
        return out
    cfg = cfg or ScoringConfig()
    list_rules = {k: r for k, r in _rules()["rules"].items() if r["kind"] == "list"}
    for group in load_resource("vendor_groups")["groups"]:
        seen: set[str] = set()
        for name in _group_names(group):
            for result in match_query(index, Query(name=name, schema="Company"), cfg, limit=10):
                if not result.match:
                    continue
                for key, rule in list_rules.items():
                    if result.dataset != rule["dataset"] or key in seen:
                        continue
                    markers = _markers(result.entity_id, result.programs)
                    want = (rule.get("source_match") or rule.get("program_match") or "").lower()
                    if want and want not in markers:
                        continue
                    seen.add(key)
                    out.setdefault(group, []).append({
                        "rule": key, "title": rule["title"], "effect": rule["effect"],
                        "blocking": bool(rule.get("blocking")), "screened_name": name,
                        "list_entry": result.name, "entity_id": result.entity_id,
                        "score": round(result.score, 3)})
    return out


def _combine(signals: list[Signal]) -> dict[str, float]:
    by_group: dict[str, float] = {}
    for s in signals:
        if s.group is not None:
            by_group[s.group] = 1.0 - (1.0 - by_group.get(s.group, 0.0)) * (1.0 - s.confidence)
    return by_group


class Classifier:
    """Classifies devices; results for identical clue sets are computed once."""

    def __init__(self, index: Index | None = None, use: str = "",
                 cfg: ScoringConfig | None = None) -> None:
        self.findings = list_findings(index, cfg)
        self.use = use
        self._memo: dict[tuple[Any, ...], tuple[Any, ...]] = {}

    def _rules_for(self, group: str, use: str) -> tuple[list[dict[str, Any]], bool, bool]:
        """(rules, some rule applies outright, some applies if the use is in scope)."""
        uses = _rules()["uses"]
        rules, outright, conditional = [], False, False
        for key, rule in _rules()["rules"].items():
            if rule["kind"] != "equipment" or group not in rule["groups"]:
                continue
            entry = rule["groups"][group]
            scope = entry.get("scope")
            if scope is None or use in uses["in_scope"]:
                applies = "yes"
                outright = True
            elif use in uses["out_of_scope"]:
                applies = "no: the use is outside the rule's scope"
            else:
                applies = "if the use is in scope"
                conditional = True
            rules.append({"rule": key, "title": rule["title"], "applies": applies,
                          "equipment": entry["equipment"], "scope": scope,
                          "since": entry["since"], "source": rule["source"]})
        for finding in self.findings.get(group, []):
            rules.append({**finding, "applies": "yes" if finding["blocking"] else "listed"})
            outright |= finding["blocking"]
        return rules, outright, conditional

    def _decide(self, signals: list[Signal], use: str) -> tuple[Any, ...]:
        groups = _combine(signals)
        others = [s for s in signals if s.group is None]
        reasoning: list[str] = []
        conflicts = []
        if len(groups) > 1:
            conflicts.append("clues point to several groups: " + ", ".join(
                f"{g} ({c:.2f})" for g, c in sorted(groups.items(), key=lambda kv: -kv[1])))
        if groups and others and max(s.confidence for s in others) >= 0.5:
            conflicts.append("clues also point to makers outside the covered groups: " + ", ".join(
                sorted({f"{s.maker} ({s.kind})" for s in others})))
        if not groups:
            if others:
                best = max(others, key=lambda s: s.confidence)
                reasoning.append(f"{best.kind} {best.value!r} points to {best.maker}, "
                                 "not a covered group")
                return (None, best.maker, "not_covered", [], best.confidence, reasoning, conflicts)
            reasoning.append("no MAC, brand, model or network clue to go on")
            return (None, None, "unknown", [], 0.0, reasoning, conflicts)
        group, conf = max(groups.items(), key=lambda kv: kv[1])
        top = max((s for s in signals if s.group == group), key=lambda s: s.confidence)
        maker = (top.maker if top.kind in ("oui", "scanner_mac_vendor", "brand")
                 else legal_name(group))
        reasoning.append(f"{group} identified with confidence {conf:.2f} from "
                         + ", ".join(f"{s.kind} {s.value!r} ({s.confidence:.2f})"
                                     for s in signals if s.group == group))
        rules, outright, conditional = self._rules_for(group, use)
        if conf < POSSIBLE:
            reasoning.append(f"the {group} clue is too weak to call it covered: kept as a lead")
            if others:
                best = max(others, key=lambda s: s.confidence)
                return (None, best.maker, "not_covered", [], best.confidence, reasoning, conflicts)
            return (None, None, "unknown", [], conf, reasoning, conflicts)
        if conf < IDENTIFIED:
            status = "possibly_covered"
            reasoning.append(f"identification below {IDENTIFIED}: possibly covered")
        elif outright:
            status = "covered"
            reasoning.append("covered: " + ", ".join(r["rule"] for r in rules
                                                     if r["applies"] == "yes"))
        elif conditional:
            status = "possibly_covered"
            reasoning.append("the rules reach this equipment only for public-safety, "
                             "government-facility or critical-infrastructure use; "
                             f"use {'unknown' if not use else repr(use)}")
        elif rules:
            status = "not_covered"
            reasoning.append("identified, but no rule applies to this use")
        else:
            status = "not_covered"
            reasoning.append(f"{group} has no equipment rule on record")
        return (group, maker, status, rules, conf, reasoning, conflicts)

    def _cached(self, device: Device) -> tuple[Any, ...]:
        """The decision for this device's clues; the install date joins the key only when
        a clue depends on it (a subsidiary sold, a brand bought)."""
        use = (device.use or self.use).strip().lower().replace(" ", "_")
        key: tuple[Any, ...] = (tuple(brand_fields(device)), device.model,
                                (device.mac or "")[:6], device.mac_vendor, use,
                                repr(device.services))
        cached = self._memo.get(key)
        if cached is None or cached[0]:
            dated_key = (*key, device.install_date)
            if cached is not None:
                found = self._memo.get(dated_key)
                if found is not None:
                    return found
            signals = device_signals(device)
            decision = (*self._decide(signals, use), [s.to_dict() for s in signals])
            tail = json.dumps(dict(zip(("vendor_group", "manufacturer", "status", "rules",
                                        "confidence", "evidence", "reasoning"), (
                decision[0], decision[1], decision[2], decision[3], round(decision[4], 2),
                decision[7], [*decision[5], *(f"conflict: {c}" for c in decision[6])]))),
                ensure_ascii=False)
            dated = any(s.dated for s in signals)
            found = (dated, decision, tail)
            if len(self._memo) < 500_000:
                self._memo[key] = (dated, None, None) if dated else found
                if dated:
                    self._memo[dated_key] = found
            return found
        return cached

    def classify(self, device: Device) -> Classification:
        _, decision, _ = self._cached(device)
        group, maker, status, rules, conf, reasoning, conflicts, evidence = decision
        return Classification(device.asset_id, group, maker, status, rules, conf, evidence,
                              [*reasoning, *(f"conflict: {c}" for c in conflicts)], device)

    def classify_json(self, device: Device) -> str:
        """The JSONL line of `classify(device).to_dict()`, built from a cached serialisation."""
        tail: str = self._cached(device)[2]
        return '{"asset_id": ' + json.dumps(device.asset_id, ensure_ascii=False) + ", " + tail[1:]
