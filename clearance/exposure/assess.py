"""Entry points the shells share: a classifier over the loaded lists, the stored fleet's exposure."""

from __future__ import annotations

from pathlib import Path

from clearance.exposure.costs import CostTable, Exposure, summarise
from clearance.exposure.coverage import Classification, Classifier
from clearance.exposure.inventory import iter_devices
from clearance.index.build import Index
from clearance.index.store import ensure_index
from clearance.store import active_version_ids

__all__ = ["assess_stored", "classifier"]


def classifier(use: str = "", index: Index | None = None) -> Classifier:
    """A classifier whose list rules come from the active list versions (if any)."""
    if index is None and active_version_ids():
        index = ensure_index()
    return Classifier(index, use)


def assess_stored(use: str = "", costs: Path | None = None, index: Index | None = None
                  ) -> tuple[Exposure, CostTable, list[Classification]]:
    """Classify every stored device and total the exposure."""
    table = CostTable.load(costs)
    c = classifier(use, index)
    results = [c.classify(d) for d in iter_devices()]
    return summarise(results, table), table, results
