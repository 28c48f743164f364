"""The stored fleet's exposure, computed once per state of the devices and the lists.

Classifying thousands of devices takes seconds; the answer only changes when the devices
or the active list versions change, so it is kept per (use, lists fingerprint, devices
signature). This is a cache of derived data, not session state: any instance recomputes
the same answer from the shared store.
"""

from __future__ import annotations

import threading

from clearance.exposure.assess import assess_stored
from clearance.exposure.costs import CostTable, Exposure
from clearance.exposure.coverage import Classification
from clearance.exposure.inventory import devices_signature
from clearance.index.store import fingerprint

__all__ = ["fleet_exposure", "fleet_results"]

_lock = threading.Lock()
_cache: dict[tuple[str, str, str], tuple[Exposure, CostTable, list[Classification]]] = {}


def fleet_results(use: str) -> tuple[Exposure, CostTable, list[Classification]]:
    key = (use, fingerprint(), devices_signature())
    with _lock:
        found = _cache.get(key)
        if found is None:
            found = assess_stored(use)
            _cache.clear()
            _cache[key] = found
    return found


def fleet_exposure(use: str) -> Exposure | None:
    """The fleet's exposure, or None when no devices are stored."""
    exposure, _, results = fleet_results(use)
    return exposure if results else None
