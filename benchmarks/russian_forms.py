"""Listed Russian state enterprises under the short names a counterparty book holds.

usage: python benchmarks/russian_forms.py   (in a CLEARANCE_HOME with the bundled lists loaded,
                                              e.g. after `make run`)

Labelling rule (written 2026-11-29 before the first run): every name of a non-person entity
on the OFAC SDN file or the CSL that begins with the English name of a Russian state form or
research-and-production kind (`LEADS`) gives the rest of the name, after every leading form
and "joint stock company" is taken off; each rest is queried twice as a Company: as "AO
<rest>" (the joint-stock company most such enterprises became) and alone. Expected: an
alert on an entity carrying that listed name, among the top 5. In-sample for the legal-form
table of 2026-11-29, whose spellings were counted on the same files.
"""

from __future__ import annotations

import re

from common import header

LEADS = ("federal state unitary enterprise", "state unitary enterprise", "state corporation",
         "federal state budgetary institution", "federal state institution",
         "research and production enterprise", "scientific and production enterprise",
         "scientific production enterprise", "research and production association",
         "scientific and production association", "scientific production association")
STRIP = sorted(LEADS + ("joint stock company", "open joint stock company",
                        "public joint stock company"), key=len, reverse=True)


def cases() -> dict[str, set[str]]:
    """Rest of the name -> the entities listed with a name that leads with a form."""
    from clearance.store import iter_records

    out: dict[str, set[str]] = {}
    for r in iter_records():
        if r["schema"] in ("Person", "Sanction", "Ownership") \
                or r["dataset"] not in ("us_ofac_sdn", "us_trade_csl"):
            continue
        for name in r["properties"].get("name", []):
            low = " ".join(re.findall(r"[a-z0-9]+", name.lower()))
            if not low.startswith(LEADS):
                continue
            rest, before = low, ""
            while rest != before:
                before = rest
                for lead in STRIP:
                    if rest.startswith(lead + " "):
                        rest = rest[len(lead) + 1:]
                        break
            out.setdefault(rest, set()).add(r["entity_id"])
    return out


def main() -> None:
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query

    header("warm: one process, the index loaded once")
    index = ensure_index()
    found = {"AO <rest>": 0, "<rest>": 0}
    named = cases()
    for rest, entities in sorted(named.items()):
        for kind, query in (("AO <rest>", f"AO {rest}"), ("<rest>", rest)):
            results = match_query(index, Query(query, "Company"), limit=5)
            found[kind] += any(r.match and r.entity_id in entities for r in results)
    for kind, hits in found.items():
        print(f"{kind:10} {hits}/{len(named)} alert on their listed entity")


if __name__ == "__main__":
    main()
