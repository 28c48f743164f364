"""The NS-CMIC dates of a listing, and what they mean on a given day, in plain words.

OFAC states three dates per entry (listing, effective, purchase/sales for divestment);
Executive Order 14032 sets the effective date 60 days and the end of divestment sales 365
days after a listing (`resources/cmic_rules.yml`), which is what a listing without dates
yet (a what-if) gets. Both limits fall at 12:01 a.m. eastern time on the day named, so on
the effective date purchases are already prohibited and on the divestment date sales to
divest are no longer allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from clearance.resources import load_resource

__all__ = ["CmicDates", "actions", "cmic_program", "disclaimer", "rule_dates"]


@dataclass(frozen=True)
class CmicDates:
    """Listing, effective and divestment dates, and where they come from."""

    listing: date | None
    effective: date | None
    divestment: date | None
    source: str = "list"

    def to_dict(self) -> dict[str, str | None]:
        return {"listing_date": _iso(self.listing), "effective_date": _iso(self.effective),
                "divestment_deadline": _iso(self.divestment)}


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


@cache
def _rules() -> dict[str, Any]:
    rules: dict[str, Any] = load_resource("cmic_rules")
    return rules


def cmic_program() -> str:
    """OFAC's program tag of NS-CMIC entries ('CMIC-EO13959')."""
    return str(_rules()["program"])


def disclaimer() -> str:
    return str(_rules()["disclaimer"])


def rule_dates(listing: date) -> CmicDates:
    """The dates EO 14032 gives a listing made on `listing` (for scenarios)."""
    rules = _rules()
    return CmicDates(listing, listing + timedelta(days=int(rules["effective_after_days"])),
                     listing + timedelta(days=int(rules["divestment_until_days"])),
                     source=(f"EO 14032: effective {rules['effective_after_days']} days and "
                             f"divestment until {rules['divestment_until_days']} days after "
                             "listing"))


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _covered(d: CmicDates, as_of: date) -> str:
    listed = f"Listed on NS-CMIC on {d.listing}. " if d.listing is not None else ""
    if d.effective is None:
        return (listed + "The list gives no effective date: check OFAC's listing before "
                "buying or selling.")
    divest = ("" if d.divestment is None else
              f" sales made solely to divest are allowed until {d.divestment}")
    if as_of < d.effective:
        text = (f"{listed}Purchases prohibited from {d.effective} "
                f"(in {_days((d.effective - as_of).days)})")
        return text + (f";{divest}." if divest else ".")
    text = f"Purchase prohibited since {d.effective}."
    if d.divestment is None:
        return text + " The list gives no divestment date: check OFAC's listing before selling."
    if as_of < d.divestment:
        left = (d.divestment - as_of).days
        return text + f" Sales to divest allowed until {d.divestment} ({_days(left)} left)."
    return (text + f" Divestment deadline {d.divestment} passed: since then sales are "
            "prohibited too, including sales to divest.")


def actions(status: str, d: CmicDates | None, as_of: date) -> str:
    """What the dates mean on `as_of` for a holding of this status, in plain words."""
    if status == "clear" or d is None:
        return "No NS-CMIC listing found for this holding: no restriction from this list."
    text = _covered(d, as_of)
    if status == "review":
        return "Possible NS-CMIC link: confirm before trading. If confirmed: " + text
    return text
