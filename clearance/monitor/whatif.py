"""What-if designations: a sandbox scenario that never touches the stored list versions.

"What if OFAC designates Hikvision tomorrow?" The designated name (and, on request, the
subsidiaries the vendor-group resource and the ownership links name) become entities of
an in-memory index; the 50% rule is evaluated with them counted as blocked; then the
book is searched through its own index and each candidate pair scored exactly as
monitoring would. Nothing is written to the store but one audit record of the run.
"""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from clearance.exc import InputError
from clearance.exposure.vendors import cite, current_related, vendor_group
from clearance.index.build import build_index
from clearance.index.store import ensure_index
from clearance.match.engine import match_query, score_entities
from clearance.match.score import Query, ScoringConfig
from clearance.match.text import clean
from clearance.monitor.book import get_entries
from clearance.monitor.book_index import book_index
from clearance.monitor.ownership import Block, blocked_entities, evaluate, list_links, listed_on
from clearance.sources.ids import DATASETS
from clearance.store import audit
from clearance.store.db import alerts, engine

__all__ = ["Scenario", "related_parties", "run_whatif", "write_report"]

SUBSIDIARY_KINDS = ("subsidiary", "brand", "joint venture")


@dataclass
class Scenario:
    """Who would be blocked, and which book entries would alert."""

    designated: list[dict[str, Any]]
    blocked: list[dict[str, Any]] = field(default_factory=list)
    book_hits: list[dict[str, Any]] = field(default_factory=list)
    devices: dict[str, Any] | None = None
    portfolio: dict[str, Any] | None = None  # NS-CMIC: holdings and funds it would cover

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def related_parties(name: str, cfg: ScoringConfig | None = None) -> list[dict[str, Any]]:
    """Current subsidiaries, brands and joint ventures of the vendor group `name` belongs to.

    The group is found by matching `name` against every group's names (fuzzy, any script).
    Divested links are left out: a designation reaches what the company owns now.
    """
    key = vendor_group(name, cfg)
    if key is None:
        return []
    return [{"name": item["name"], "relationship": item["relationship"],
             "source": cite(item.get("source"), item.get("verification")), "group": key}
            for item in current_related(key, SUBSIDIARY_KINDS)]


def _record(name: str, dataset: str, why: str) -> dict[str, Any]:
    digest = hashlib.sha1(clean(name).encode()).hexdigest()[:16]
    return {"entity_id": f"whatif-{digest}", "dataset": dataset, "source_id": name,
            "schema": "LegalEntity", "caption": name, "properties": {"name": [name]},
            "explanation": why}


#: Designations on these lists are read as NS-CMIC listings for the holdings book.
CMIC_DATASETS = ("us_ofac_cons",)


def run_whatif(name: str, dataset: str = "us_ofac_sdn", with_subsidiaries: bool = False,
               cfg: ScoringConfig | None = None, actor: str = "whatif",
               isins: list[str] | None = None, as_of: date | None = None) -> Scenario:
    """Build the scenario for designating `name` on `dataset` (see module doc).

    On the non-SDN consolidated list (or with `isins`), the designation is also read as a
    new NS-CMIC listing: the stored holdings and funds it would cover, with the dates
    EO 14032 would give it (`clearance.portfolio.whatif`).
    """
    if dataset not in DATASETS:
        raise InputError(f"unknown list {dataset!r} to designate on; use one of "
                         f"{', '.join(DATASETS)}")
    if name.strip() == "":
        raise InputError("the party to designate has no name")
    cfg = cfg or ScoringConfig()
    designated = [{"name": name, "why": f"designated on {dataset} (scenario)"}]
    if with_subsidiaries:
        designated += [{"name": p["name"], "why": f"{p['relationship']} of the designated "
                        f"{p['group']} group (source: {p['source']})"}
                       for p in related_parties(name, cfg)]
        owner = clean(name)
        designated += [{"name": link.owned, "why": f"{name} owns {link.percent:g}% "
                        f"(ownership link, {link.source or 'no source'})"}
                       for link in list_links() if clean(link.owner) == owner]
    unique = {clean(d["name"]): d for d in reversed(designated)}  # first mention wins
    designated = list(reversed(unique.values()))
    scenario = Scenario(designated=designated)
    records = [_record(d["name"], dataset, d["why"]) for d in designated]
    sandbox = build_index(records, "whatif")
    real = listed_on(ensure_index(), cfg)

    def listed(candidate: str) -> dict[str, Any] | None:
        for r in match_query(sandbox, Query(name=candidate), cfg, limit=1):
            if r.match:
                return {"entity_id": r.entity_id, "dataset": f"{dataset} (scenario)",
                        "name": r.name, "score": round(r.score, 4)}
        return real(candidate)

    links = list_links()
    already = set(evaluate(links, real))  # blocked today, without the scenario
    blocks: dict[str, Block] = evaluate(links, listed)
    derived = [r for r in blocked_entities(blocks, dataset) if r["source_id"] not in already]
    for r in derived:
        r["entity_id"] = "whatif-" + r["entity_id"]
    scenario.blocked = ([{"name": r["caption"], "why": r["explanation"]} for r in records]
                        + [{"name": r["caption"], "why": r["explanation"]} for r in derived])
    everything = records + derived
    sandbox = build_index(everything, "whatif")
    why = {r["entity_id"]: r["explanation"] for r in everything}
    bix = book_index()
    pairs: dict[str, list[str]] = {}
    for record in everything:
        for book_id in bix.candidates(record["entity_id"], sandbox, cfg):
            pairs.setdefault(book_id, []).append(record["entity_id"])
    entries = get_entries(sorted(pairs))
    with engine().connect() as conn:
        alerting = {r.book_id for r in conn.execute(select(alerts.c.book_id).where(
            alerts.c.status.in_(("open", "true_match", "escalated"))))}
    for book_id in sorted(entries):
        for result in score_entities(sandbox, entries[book_id].query(), pairs[book_id], cfg):
            if result.match:
                scenario.book_hits.append({
                    "book_id": book_id, "book_name": entries[book_id].name,
                    "blocked_party": result.name, "score": round(result.score, 4),
                    "explanation": result.explanation, "blocked_because": why[result.entity_id],
                    "already_alerting": book_id in alerting})
    group = vendor_group(name, cfg)
    if group is not None:
        scenario.devices = _devices(group, dataset)
    if dataset in CMIC_DATASETS or isins:
        from clearance.portfolio.whatif import cmic_scenario

        scenario.portfolio = cmic_scenario(name, dataset, isins or [], as_of)
    audit.record(actor, "whatif.run", {"designate": name, "dataset": dataset,
                                       "with_subsidiaries": with_subsidiaries,
                                       "blocked": len(scenario.blocked),
                                       "book_hits": len(scenario.book_hits),
                                       "holdings": None if scenario.portfolio is None
                                       else len(scenario.portfolio["holdings"])})
    return scenario


def _devices(group: str, dataset: str) -> dict[str, Any]:
    """Stored devices made by the designated group, and what replacing them would cost."""
    from clearance.exposure.assess import assess_stored

    _, costs, results = assess_stored()
    mine = [r for r in results if r.vendor_group == group]
    by_site: dict[str, float] = {}
    for r in mine:
        site = r.device.site if r.device else ""
        by_site[site] = by_site.get(site, 0.0) + costs.cost(r.device.device_type if r.device else "")
    return {"vendor_group": group, "devices": len(mine),
            "replacement_cost": round(sum(by_site.values()), 2),
            "sites": dict(sorted(by_site.items(), key=lambda kv: -kv[1])[:20]),
            "note": f"a designation on {dataset} would reach every device of the group, "
                    "whatever its use (purchases, support and firmware updates)"}


def _cmic_dates(p: dict[str, Any]) -> str:
    return (f"Listed {p['listing_date']}: purchases prohibited from {p['effective_date']}, "
            f"sales to divest allowed until {p['divestment_deadline']} ({p['dates_from']}).")


def _value(h: dict[str, Any]) -> str:
    if h["market_value"] is None:
        return ""
    return f"{h['currency'] or ''} {h['market_value']:,.0f}".strip()


def write_report(scenario: Scenario, path: Path) -> Path:
    """The scenario as Markdown (.md) or HTML (.html), for the people who decide."""
    title = f"What if {scenario.designated[0]['name']} were designated?"
    if path.suffix.lower() in (".html", ".htm"):
        def table(head: list[str], rows: list[list[str]]) -> str:
            return ("<table><tr>" + "".join(f"<th>{h}</th>" for h in head)
                    + "</tr>" + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r)
                                        + "</tr>" for r in rows) + "</table>")
        page = (f"<!doctype html><meta charset=utf-8><title>{html.escape(title)}</title>"
                "<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1000px}"
                "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;"
                "font-size:13px;text-align:left}</style>"
                f"<h1>{html.escape(title)}</h1><h2>Blocked ({len(scenario.blocked)})</h2>"
                + table(["party", "why"], [[b["name"], b["why"]] for b in scenario.blocked])
                + f"<h2>Book entries that would alert ({len(scenario.book_hits)})</h2>"
                + table(["book id", "name", "blocked party", "score", "already alerting"],
                        [[h["book_id"], h["book_name"], h["blocked_party"], f"{h['score']:.3f}",
                          "yes" if h["already_alerting"] else "no"]
                         for h in scenario.book_hits]))
        if scenario.portfolio:
            p = scenario.portfolio
            page += (f"<h2>Holdings an NS-CMIC listing would cover ({len(p['holdings'])})</h2>"
                     f"<p>{html.escape(_cmic_dates(p))}</p>"
                     + table(["holding", "status", "issuer", "ISIN", "market value", "why"],
                             [[h["id"], h["status"], h["issuer"] or "", h["isin"] or "",
                               _value(h), h["why"]] for h in p["holdings"]])
                     + f"<h2>Funds ({len(p['funds'])})</h2>"
                     + table(["fund", "covered %", "review %", "held by"],
                             [[f["fund"], f"{f['covered_weight']:.2f}",
                               f"{f['review_weight']:.2f}", str(len(f["held_by"]))]
                              for f in p["funds"]]))
        if scenario.devices:
            d = scenario.devices
            page += (f"<h2>Devices ({d['devices']:,} of {html.escape(d['vendor_group'])}; "
                     f"replacement ${d['replacement_cost']:,.0f})</h2>"
                     f"<p>{html.escape(d['note'])}</p>"
                     + table(["site", "replacement cost"],
                             [[k, f"${v:,.0f}"] for k, v in d["sites"].items()]))
        path.write_text(page, encoding="utf-8")
        return path
    lines = [f"# {title}", "", f"## Blocked ({len(scenario.blocked)})", ""]
    lines += [f"- **{b['name']}**: {b['why']}" for b in scenario.blocked]
    lines += ["", f"## Book entries that would alert ({len(scenario.book_hits)})", "",
              "| book id | name | blocked party | score | already alerting |", "|---|---|---|---|---|"]
    lines += [f"| {h['book_id']} | {h['book_name']} | {h['blocked_party']} | {h['score']:.3f} | "
              f"{'yes' if h['already_alerting'] else 'no'} |" for h in scenario.book_hits]
    if scenario.portfolio:
        p = scenario.portfolio
        lines += ["", f"## Holdings an NS-CMIC listing would cover ({len(p['holdings'])})", "",
                  _cmic_dates(p), "", "| holding | status | issuer | ISIN | market value |",
                  "|---|---|---|---|---|"]
        lines += [f"| {h['id']} | {h['status']} | {h['issuer'] or ''} | {h['isin'] or ''} | "
                  f"{_value(h)} |" for h in p["holdings"]]
        lines += ["", f"## Funds ({len(p['funds'])})", "", "| fund | covered % | review % |",
                  "|---|---|---|"]
        lines += [f"| {f['fund']} | {f['covered_weight']:.2f} | {f['review_weight']:.2f} |"
                  for f in p["funds"]]
    if scenario.devices:
        d = scenario.devices
        lines += ["", (f"## Devices ({d['devices']:,} of {d['vendor_group']}; replacement "
                  f"${d['replacement_cost']:,.0f})"), "", d["note"], "", "| site | cost |", "|---|---|"]
        lines += [f"| {k} | ${v:,.0f} |" for k, v in d["sites"].items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
