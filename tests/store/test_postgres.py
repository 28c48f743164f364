"""The store on PostgreSQL: a real server started on a Unix socket by the suite (pgserver).

The same operations as on SQLite: versioned loads and diff, the append-only audit chain,
API keys, the counterparty book and a monitoring cycle across the two SDN snapshots.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from clearance.store.db import reset_engines
from tests.conftest import LISTS, new_pg_database


@pytest.fixture(scope="module")
def postgres(pg_cluster: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = new_pg_database(pg_cluster)
    previous = {k: os.environ.get(k) for k in ("CLEARANCE_DATABASE_URL", "CLEARANCE_HOME")}
    os.environ["CLEARANCE_DATABASE_URL"] = url
    os.environ["CLEARANCE_HOME"] = str(tmp_path_factory.mktemp("pg_home"))
    reset_engines()
    yield url
    for key, value in previous.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    reset_engines()


def test_loads_diff_audit_keys_book_and_monitoring_on_postgres(postgres: str,
                                                               tmp_path: Path) -> None:
    from clearance.monitor.alerts import decide, list_alerts
    from clearance.monitor.book import import_book
    from clearance.monitor.cycle import run_cycle
    from clearance.store import audit, diff
    from clearance.store.db import engine
    from clearance.store.keys import check_key, create_key
    from clearance.store.load import load_paths

    assert engine().dialect.name == "postgresql"
    (first,) = load_paths([LISTS / "ofac_sdn"])
    assert first.error is None and first.version is not None
    assert first.version.entity_count == 13821

    book = tmp_path / "book.jsonl"
    book.write_text("\n".join(json.dumps(r) for r in [
        {"id": "p1", "name": "Jhon Eidelber Cano Correa", "schema": "Person"},
        {"id": "p2", "name": "Company Group Structura LLC", "schema": "Company"},
        {"id": "p3", "name": "Nordwind Bakery GmbH", "schema": "Company"}]), encoding="utf-8")
    assert import_book(book).added == 3
    assert [a.book_id for a in run_cycle().outcome.opened] == ["p1"]

    (second,) = load_paths([LISTS / "ofac_sdn_20240503"])
    assert second.error is None
    d = diff("us_ofac_sdn")
    assert (len(d.added), len(d.removed), len(d.changed)) == (1256, 112, 11967)
    delta = run_cycle()
    assert [a.book_id for a in delta.outcome.opened] == ["p2"]
    (alert,) = list_alerts(book_id="p1")
    assert decide(alert.id, "true_match", "checked", "ana").status == "true_match"

    _, secret = create_key("pg", "read")
    assert check_key(secret) is not None
    assert audit.verify().ok
    actions = [r.action for r in audit.iter_records()]
    assert actions.count("list.load") == 2 and "alert.decide" in actions
    with pytest.raises(DBAPIError), engine().begin() as conn:
        conn.exec_driver_sql("UPDATE audit_log SET actor = 'mallory'")
