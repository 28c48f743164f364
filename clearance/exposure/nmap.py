"""nmap XML (`-oX`) scans as devices: MAC and its vendor, open ports, service products,
HTTP Server headers and other script output. Parsed with defusedxml (untrusted input)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as ET

from clearance.exc import InputError
from clearance.exposure.inventory import Device, normalise_mac

__all__ = ["read_nmap"]


def _service(port: Any) -> dict[str, Any]:
    svc = port.find("service")
    out: dict[str, Any] = {"port": int(port.get("portid", "0")),
                           "protocol": port.get("protocol", "tcp")}
    if svc is not None:
        for key in ("name", "product", "version", "devicetype", "extrainfo"):
            if svc.get(key):
                out[key] = svc.get(key)
    scripts = {s.get("id", ""): s.get("output", "")[:2000] for s in port.findall("script")}
    if scripts:
        out["scripts"] = scripts
    for script in port.findall("script"):
        if script.get("id") == "http-server-header":
            out["http_server"] = script.get("output", "").strip()
        elif script.get("id") == "ssl-cert":
            out["tls_issuer"] = script.get("output", "")[:500]
        elif script.get("id") == "rtsp-methods" or script.get("id", "").startswith("rtsp"):
            out["rtsp"] = script.get("output", "")[:500]
    return out


def _is_open(port: Any) -> bool:
    state = port.find("state")
    return state is not None and state.get("state") == "open"


def read_nmap(path: Path) -> Iterator[Device | InputError]:
    """One device per host that is up; the asset id is its MAC, else its IP address."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise InputError(f"not well-formed XML: {exc}", path=str(path), line=line) from None
    if root is None or root.tag != "nmaprun":
        tag = "none" if root is None else root.tag
        raise InputError(f"not an nmap XML report (root element <{tag}>)", path=str(path))
    for host in root.findall("host"):
        status = host.find("status")
        if status is not None and status.get("state") != "up":
            continue
        ip, mac, vendor = "", None, ""
        for addr in host.findall("address"):
            if addr.get("addrtype") in ("ipv4", "ipv6"):
                ip = addr.get("addr", "")
            elif addr.get("addrtype") == "mac":
                try:
                    mac = normalise_mac(addr.get("addr", ""))
                except ValueError as exc:
                    yield InputError(f"host {ip or '?'}: {exc} (field 'address')", path=str(path))
                    continue
                vendor = addr.get("vendor", "")
        names = [h.get("name", "") for h in host.findall("hostnames/hostname")]
        services = [_service(p) for p in host.findall("ports/port") if _is_open(p)]
        yield Device(asset_id=mac or ip, ip=ip, mac=mac, mac_vendor=vendor, services=services,
                     attributes={"hostname": names[0]} if names else {})
