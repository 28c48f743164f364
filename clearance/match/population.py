"""How common a name is among people (not on the lists): common names are weak evidence.

Rarity on the sanctions lists says little about a counterparty book: "Xu", "Kim", "Chen",
"Ali" or "Muhammad" are rare-ish on the lists but among the most common names on earth, so
two people sharing them is no coincidence. `resources/population_names.yml` groups given
names and surnames by their best frequency rank in any of 106 countries (names-dataset);
a person-name token's weight is capped by its band.
"""

from __future__ import annotations

from functools import cache

from clearance.match.fold import fold, variant_key
from clearance.resources import load_resource

__all__ = ["POPULATION_CAPS", "population_cap"]

#: weight cap of a name ranked within the top N of some country (N -> cap)
POPULATION_CAPS: dict[int, float] = {10: 0.3, 30: 0.4, 100: 0.55, 300: 0.7}


@cache
def _caps() -> dict[str, float]:
    out: dict[str, float] = {}
    for band, names in load_resource("population_names")["bands"].items():
        cap = POPULATION_CAPS[int(band)]
        for name in str(names).split():
            key = variant_key(fold(name))
            out[key] = min(cap, out.get(key, cap))
    return out


def population_cap(folded: str) -> float:
    """The weight cap of a folded person-name token: 1.0 unless the name is common."""
    return _caps().get(folded, 1.0)
