"""What the case page shows, gathered from the services (no SQL): both parties side by
side, the explanation as a table, why the case (re)opened, and its whole history."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from clearance.exc import UnknownVersion
from clearance.monitor.alerts import Alert, get_alert
from clearance.monitor.book import BookEntry, get_entries
from clearance.monitor.review import (
    DECIDED,
    Proposal,
    alert_digests,
    assignee_of,
    comments,
    proposals,
    reason_codes,
    versions_holding,
)
from clearance.store import get_record, get_version
from clearance.store.users import Session, has_role
from clearance.web.explain import FeatureRow, explanation_rows

__all__ = ["CaseView", "case_view", "listed_facts", "publisher_link"]

NAME_QUALITY = (("name", "primary name"), ("alias", "alias (strong)"),
                ("weakAlias", "alias (weak, low quality)"), ("previousName", "former name"))
PERSONAL = ("birthDate", "birthPlace", "deathDate", "gender", "nationality", "citizenship",
            "country", "jurisdiction", "mainCountry", "address", "position", "title")
IDENTIFIERS = ("idNumber", "passportNumber", "taxNumber", "registrationNumber", "imoNumber",
               "innCode", "ogrnCode", "swiftBic", "leiCode", "isinCode", "vatCode", "mmsi",
               "callSign", "email", "phone", "website", "dunsCode", "okpoCode", "uscCode")
SHOWN = ({p for p, _ in NAME_QUALITY} | set(PERSONAL) | set(IDENTIFIERS)
         | {"sourceUrl", "notes", "program"})
OFAC_RECORD = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id={}"


def publisher_link(record: dict[str, Any] | None, dataset: str, source_id: str) -> str | None:
    """The publisher's own page for a listed party, where one exists."""
    if record is not None:
        urls = record.get("properties", {}).get("sourceUrl", [])
        if urls:
            return str(urls[0])
    if dataset in ("us_ofac_sdn", "us_ofac_cons") and source_id.isdigit():
        return OFAC_RECORD.format(source_id)
    return None


def listed_facts(record: dict[str, Any]) -> dict[str, Any]:
    """A list entity's properties grouped as the analyst compares them."""
    props: dict[str, list[str]] = record.get("properties", {})
    programs: list[str] = []
    authorities: list[str] = []
    for sanction in record.get("sanctions", []):
        sp = sanction.get("properties", {})
        programs += sp.get("program", [])
        authorities += sp.get("authority", [])
    return {
        "names": [(label, v) for prop, label in NAME_QUALITY for v in props.get(prop, [])],
        "personal": [(p, props[p]) for p in PERSONAL if props.get(p)],
        "identifiers": [(p, props[p]) for p in IDENTIFIERS if props.get(p)],
        "programs": sorted(set(programs)), "authorities": sorted(set(authorities)),
        "notes": props.get("notes", []),
        "other": [(p, v) for p, v in sorted(props.items()) if p not in SHOWN and v],
    }


@dataclass
class CaseView:
    alert: Alert
    book: BookEntry | None
    record: dict[str, Any] | None
    facts: dict[str, Any] | None
    link: str | None
    version: Any
    scored_on: list[dict[str, Any]]
    features: list[FeatureRow]
    history: list[dict[str, Any]]
    opened_because: dict[str, Any] | None
    pending: Proposal | None
    assignee: str | None
    mode: str  # decide, review, await, read_only
    codes: dict[str, list[dict[str, str]]] = field(default_factory=dict)


def _history(alert: Alert, props: list[Proposal]) -> list[dict[str, Any]]:
    """Events, proposals, reviews and comments in time order; within one second, an
    opening comes first and an approval before the decision it caused (`rank`)."""
    items = [{"at": e.at, "who": e.actor, "what": f"status {e.status}", "text": e.reason,
              "changes": e.changes, "rank": 0 if e.status == "open" else 2}
             for e in alert.events]
    for p in props:
        items.append({"at": p.proposed_at, "who": p.proposed_by,
                      "what": f"proposed {p.decision}" + (f" ({p.reason_code})" if p.reason_code
                                                          else ""),
                      "text": p.reason, "changes": {}, "rank": 1})
        if p.reviewed_at is not None:
            items.append({"at": p.reviewed_at, "who": p.reviewed_by or "",
                          "what": "approved" if p.state == "approved" else "sent back",
                          "text": p.review_reason or "", "changes": {}, "rank": 1})
    for c in comments(alert.id):
        items.append({"at": c.at, "who": c.author, "what": "comment", "text": c.text,
                      "changes": {}, "rank": 3})
    return sorted(items, key=lambda i: (i["at"], i["rank"]))


def case_view(alert_id: int, session: Session) -> CaseView:
    alert = get_alert(alert_id)
    book = get_entries([alert.book_id]).get(alert.book_id)
    record = get_record(alert.entity_id)
    try:
        version = get_version(alert.dataset)
    except UnknownVersion:  # derived datasets (the 50% rule) have no stored version
        version = None
    _, entity_digest = alert_digests(alert_id)
    props = proposals(alert_id)
    pending = next((p for p in props if p.state == "pending"), None)
    if alert.status in DECIDED:
        mode = "read_only"
    elif pending is None:
        mode = "decide"
    elif pending.proposed_by != session.user.actor and has_role(session.user, "reviewer"):
        mode = "review"
    else:
        mode = "await"
    reopened = [e for e in alert.events if e.status == "open"]
    return CaseView(
        alert=alert, book=book, record=record,
        facts=None if record is None else listed_facts(record),
        link=publisher_link(record, alert.dataset, alert.source_id), version=version,
        scored_on=versions_holding(alert.entity_id, entity_digest),
        features=explanation_rows(alert.result.get("features", [])),
        history=_history(alert, props),
        opened_because=None if not reopened else reopened[-1].to_dict(),
        pending=pending, assignee=assignee_of(alert_id), mode=mode, codes=reason_codes())
