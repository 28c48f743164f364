"""What every benchmark script shares: where ../shared is, the bundled lists, percentiles."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
#: The five publications `make run` loads (folders under ../shared/data/lists).
BUNDLED = ["ofac_sdn", "ofac_consolidated", "trade_csl", "bis_dpl", "un_sc"]


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of the values, nearest-rank."""
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]
