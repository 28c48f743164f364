"""Every clue a device record gives about its maker, each with its confidence and source.

Clues: the MAC's registered organisation (and the scanner's vendor name for it), the
brand field, the model number, and from nmap: service products, HTTP Server headers,
RTSP banners, TLS issuers and ports. A clue names a covered group, or a maker that is
not covered, or a watch-list vendor; combining them is `coverage.classify`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from clearance.exposure.brands import resolve_brand
from clearance.exposure.inventory import Device
from clearance.exposure.oui import lookup, organization_link, registry_source
from clearance.resources import load_resource

__all__ = ["Signal", "brand_fields", "device_signals"]


@dataclass(frozen=True)
class Signal:
    """One clue: what was seen, which group (or maker) it points to, how sure, from where."""

    kind: str  # oui, scanner_mac_vendor, brand, model, nmap_product, http_server, rtsp, tls, port
    value: str
    group: str | None  # a covered group, or None: the maker below is not covered
    maker: str
    confidence: float
    source: str
    note: str = ""
    dated: bool = False  # depends on the install date (a link that held only for a while)

    def to_dict(self) -> dict[str, Any]:
        return {"signal": self.kind, "value": self.value, "indicates": self.group or self.maker,
                "covered_group": self.group, "confidence": round(self.confidence, 2),
                "source": self.source, **({"note": self.note} if self.note else {})}


def _in_window(day: str | None, start: str | None, end: str | None) -> bool | None:
    """Whether a date falls in [start, end]; None when the date is unknown."""
    if start is None and end is None:
        return True
    if day is None:
        return None
    return (start is None or day >= start) and (end is None or day <= end[:len(day)])


def _organization(kind: str, org: str, device: Device, source: str) -> Signal:
    link = organization_link(org)
    if link is None:
        return Signal(kind, org, None, org, 0.8, source, "registered to a maker outside the "
                      "covered groups")
    if link.group is None:
        return Signal(kind, org, None, link.entity, 0.8, source, link.relationship)
    inside = _in_window(device.install_date, link.valid_from, link.valid_to)
    window = f"{link.valid_from or '...'} to {link.valid_to or '...'}"
    dated = link.valid_from is not None or link.valid_to is not None
    if inside is False:
        return Signal(kind, org, None, link.entity, 0.6, source,
                      f"{link.relationship} of {link.group} only {window}; installed "
                      f"{device.install_date}, outside it", dated)
    if inside is None:
        return Signal(kind, org, link.group, link.entity, 0.5, source,
                      f"{link.relationship} of {link.group} only {window}; install date unknown",
                      dated)
    note = link.relationship + (f" ({window}; installed {device.install_date})" if dated else "")
    return Signal(kind, org, link.group, link.entity, 0.9, source, note, dated)


@cache
def _fingerprints() -> dict[str, list[tuple[re.Pattern[str], dict[str, Any]]]]:
    data = load_resource("fingerprints")
    return {kind: [(re.compile(item["pattern"], re.I), item) for item in data[kind]]
            for kind in ("models", "http_server", "rtsp", "nmap_products", "tls_issuer", "web_paths")}


def _patterns(kind: str, label: str, text: str) -> list[Signal]:
    return [Signal(label, text, item["group"], item["group"], item["confidence"],
                   "fingerprints.yml (nmap 7.93 service probes, vendor tooling)", item.get("what", ""))
            for pattern, item in _fingerprints()[kind] if pattern.search(text)]


def brand_fields(device: Device) -> list[str]:
    """The manufacturer field, and a separate brand/make/vendor column when it differs."""
    out = [device.brand] if device.brand else []
    for key in ("brand", "make", "vendor", "label"):
        value = str(device.attributes.get(key, "")).strip()
        if value and value.lower() not in {v.lower() for v in out}:
            out.append(value)
    return out


def _brand(device: Device, text: str) -> list[Signal]:
    found = resolve_brand(text)
    if found is None:
        return [Signal("brand", text, None, text, 0.6, "inventory",
                       "not a covered group, nor a known subsidiary or OEM brand of one")]
    known, score = found
    note = f"{known.kind}: {known.relationship} (evidence {known.evidence}, name match {score:.2f})"
    if known.line_qualifier:
        note += f"; only some lines: {known.line_qualifier}"
    if known.unspecified:
        note += "; the source does not say which group"
    inside = _in_window(device.install_date, known.valid_from, known.valid_to)
    dated = known.valid_from is not None or known.valid_to is not None
    out = []
    for group in known.groups:
        if inside is False:
            out.append(Signal("brand", text, None, known.name, 0.5, known.source,
                              note + f"; link ended {known.valid_to}, installed "
                              f"{device.install_date}", dated))
            continue
        conf = known.confidence * min(1.0, score / 0.8)  # a sure name match keeps it all
        if inside is None and known.valid_to:
            conf = min(conf, 0.5)
            note += f"; link ended {known.valid_to}, install date unknown"
        out.append(Signal("brand", text, group, known.name, conf, known.source, note, dated))
    if known.evidence == "weak":  # a weak claim is a lead; the brand is its own maker
        out.append(Signal("brand", text, None, known.name, 0.6, "inventory",
                          "a maker in its own right; the OEM claim above is weak"))
    return out


def device_signals(device: Device) -> list[Signal]:
    """Every signal the device record carries."""
    out: list[Signal] = []
    if device.mac:
        org = lookup(device.mac)
        if org:
            out.append(_organization("oui", org, device, registry_source()))
    if device.mac_vendor:
        out.append(_organization("scanner_mac_vendor", device.mac_vendor, device,
                                 "nmap's MAC vendor table"))
    for text in brand_fields(device):
        out += _brand(device, text)
    if device.model:
        out += _patterns("models", "model", device.model.strip().upper())
    for svc in device.services:
        product = " ".join(str(svc.get(k, "")) for k in ("product", "devicetype")).strip()
        if product:
            out += _patterns("nmap_products", "nmap_product", product)
        if svc.get("http_server"):
            out += _patterns("http_server", "http_server", svc["http_server"])
        if svc.get("rtsp"):
            out += _patterns("rtsp", "rtsp", svc["rtsp"])
        if svc.get("tls_issuer"):
            out += _patterns("tls_issuer", "tls", svc["tls_issuer"])
        scripts = " ".join(str(v) for v in (svc.get("scripts") or {}).values())
        paths = " ".join(str(p) for p in svc.get("paths", []))
        if scripts or paths:
            out += _patterns("web_paths", "web_path", f"{scripts} {paths}")
        for item in load_resource("fingerprints")["ports"]:
            if svc.get("port") == item["port"]:
                out.append(Signal("port", str(item["port"]), item["group"], item["group"],
                                  item["confidence"], "fingerprints.yml", item["what"]))
    return out
