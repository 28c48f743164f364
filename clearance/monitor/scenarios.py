"""Saved what-if scenarios: a designation's parameters and what it would block, kept so
two scenarios can be compared later (the lists and the book may have moved since; each
scenario keeps the time it was computed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select

from clearance.exc import InputError, NotFound
from clearance.monitor.whatif import Scenario
from clearance.store import audit
from clearance.store.db import engine, utc_now, whatif_scenarios

__all__ = ["SavedScenario", "get_scenario", "list_scenarios", "save_scenario"]


@dataclass
class SavedScenario:
    id: int
    name: str
    created_by: str
    created_at: str
    params: dict[str, Any]
    result: dict[str, Any]


def _saved(row: Any) -> SavedScenario:
    return SavedScenario(row.id, row.name, row.created_by, row.created_at, row.params,
                         row.result)


def save_scenario(name: str, params: dict[str, Any], scenario: Scenario, actor: str) -> int:
    """Keep a computed scenario under a name; returns its id."""
    if name.strip() == "":
        raise InputError("a saved scenario needs a name")
    with engine().begin() as conn:
        new = conn.execute(insert(whatif_scenarios).values(
            name=name.strip(), created_by=actor, created_at=utc_now(), params=params,
            result=scenario.to_dict())).inserted_primary_key
        assert new is not None
        audit.append(conn, actor, "whatif.save", {"scenario_id": int(new[0]),
                                                  "name": name.strip(), **params})
    return int(new[0])


def list_scenarios() -> list[SavedScenario]:
    with engine().connect() as conn:
        return [_saved(r) for r in conn.execute(select(whatif_scenarios)
                                                .order_by(whatif_scenarios.c.id.desc()))]


def get_scenario(scenario_id: int) -> SavedScenario:
    with engine().connect() as conn:
        row = conn.execute(select(whatif_scenarios)
                           .where(whatif_scenarios.c.id == scenario_id)).first()
    if row is None:
        raise NotFound(f"no saved scenario {scenario_id}")
    return _saved(row)
