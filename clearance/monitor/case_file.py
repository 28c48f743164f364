"""The examiner's file of one case: what was matched against which list version, the
score and its explanation, who decided, who approved, and every step and audit record.

`case_file` returns rows with one shape (`kind, at, who, what, detail`) so the same rows
export as JSON lines or CSV; the first row is the case summary.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from clearance.monitor.alerts import get_alert
from clearance.monitor.book import get_entries
from clearance.monitor.review import alert_digests, comments, proposals, versions_holding
from clearance.spreadsheet import csv_dict
from clearance.store.audit_search import AuditQuery, search_records

__all__ = ["CSV_FIELDS", "case_file", "case_file_csv", "case_file_jsonl"]

CSV_FIELDS = ["kind", "at", "who", "what", "detail"]


def case_file(alert_id: int) -> list[dict[str, Any]]:
    alert = get_alert(alert_id)
    book = get_entries([alert.book_id]).get(alert.book_id)
    _, digest = alert_digests(alert_id)
    audit_rows = sorted(search_records(AuditQuery(alert_id=alert_id), limit=None),
                        key=lambda r: r.seq)
    decisions = [r for r in audit_rows if r.action == "alert.decide"]
    last = decisions[-1].detail if decisions else {}
    summary = {
        "alert_id": alert.id, "status": alert.status, "book_id": alert.book_id,
        "book_name": None if book is None else book.name, "entity_id": alert.entity_id,
        "dataset": alert.dataset, "source_id": alert.source_id, "list_name": alert.list_name,
        "list_versions": versions_holding(alert.entity_id, digest), "score": alert.score,
        "algorithm": alert.result.get("algorithm"), "explanation": alert.result.get("explanation"),
        "features": alert.result.get("features", []), "opened_at": alert.opened_at,
        "decided_by": last.get("proposed_by") or (decisions[-1].actor if decisions else None),
        "approved_by": last.get("approved_by"), "decision": last.get("to"),
        "reason_code": last.get("reason_code"), "reason": last.get("reason"),
    }
    rows: list[dict[str, Any]] = [{"kind": "case", "at": alert.updated_at, "who": "",
                                   "what": alert.status, "detail": summary}]
    history = [{"kind": "event", "at": e.at, "who": e.actor, "what": e.status,
                "detail": {"reason": e.reason, "changes": e.changes}} for e in alert.events]
    for p in proposals(alert_id):
        history.append({"kind": "proposal", "at": p.proposed_at, "who": p.proposed_by,
                        "what": f"proposed {p.decision}", "detail": p.to_dict()})
    history += [{"kind": "comment", "at": c.at, "who": c.author, "what": "comment",
                 "detail": {"text": c.text}} for c in comments(alert_id)]
    rows += sorted(history, key=lambda r: r["at"])
    rows += [{"kind": "audit", "at": r.at, "who": r.actor, "what": r.action,
              "detail": {"seq": r.seq, "hash": r.hash, **r.detail}} for r in audit_rows]
    return rows


def case_file_jsonl(alert_id: int) -> Iterator[str]:
    for row in case_file(alert_id):
        yield json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n"


def case_file_csv(alert_id: int) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for row in case_file(alert_id):
        writer.writerow(csv_dict({**row, "detail": json.dumps(row["detail"], ensure_ascii=False,
                                                              sort_keys=True)}))
    return out.getvalue()
