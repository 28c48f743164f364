"""One listed party, one result: listings of the same party across lists grouped together.

Hikvision is on OFAC's non-SDN CMIC list (`us_ofac_cons` 30946), in the CSL under the same
Treasury id, and in the CSL again under a hash id for the Entity List: three rows for one
company. Listings are grouped when

- they carry the same publisher id across OFAC and the CSL (the CSL cites Treasury entries
  by OFAC's own entity number), or
- their listed names are the same words, their types can be the same thing, neither
  their countries nor their birth years contradict each other, and the name fits no other
  party among the results (ids are joined first; a name that fits two is left alone);

and never two entries of one list other than the CSL (whose entries are per-list rows), so
two different people called "Kim Chol" on the SDN list stay two results. The grouped
result scores as its best listing and keeps every listing (`listings` in JSON).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from clearance.index.build import EntityMeta, Index
from clearance.match.engine import MatchResult, match_query
from clearance.match.score import Query, ScoringConfig
from clearance.match.text import clean
from clearance.sources.ids import CSL
from clearance.sources.ids import OFAC_CONS as CONS
from clearance.sources.ids import OFAC_SDN as SDN

__all__ = ["MIN_SCORE", "PartyResult", "group_results", "screen_query"]

#: datasets that share OFAC's entity numbers as ids
TREASURY_IDS = frozenset({SDN, CONS, CSL})
#: candidates fetched per result asked for, so that grouping still fills the limit
SPAN = 3
#: default floor for results that are not alerts: below it a result is noise, not a lead
#: ("Acme Widgets Ltd" draws 0.08-0.3 from unrelated "... Ltd" entries)
MIN_SCORE = 0.5
_WORDS = re.compile(r"\w+")
#: left out of each listing: the feature list repeats its explanation, the algorithm is one
LEAN = ("features", "algorithm")


@dataclass
class PartyResult:
    """A listed party: its best listing (which decides score and alert) and all listings."""

    best: MatchResult
    listings: list[MatchResult] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.best.score

    @property
    def match(self) -> bool:
        return any(r.match for r in self.listings)

    def to_dict(self) -> dict[str, Any]:
        """The best listing's fields (with its per-feature detail), plus `listings`: every
        listing with its own score, alert flag and explanation."""
        return {**self.best.to_dict(), "match": self.match,
                "listings": [{k: v for k, v in r.to_dict().items() if k not in LEAN}
                             for r in self.listings]}


def _name_key(meta: EntityMeta) -> str:
    return " ".join(_WORDS.findall(clean(meta.caption)))


def _compatible(a: EntityMeta, b: EntityMeta) -> bool:
    if (a.schema == "Person") != (b.schema == "Person") and "LegalEntity" not in (a.schema,
                                                                                 b.schema):
        return False
    if a.countries and b.countries and not a.countries & b.countries:
        return False
    years_a = {d[:4] for d in a.birth_dates}
    years_b = {d[:4] for d in b.birth_dates}
    return not (years_a and years_b and not years_a & years_b)


def _same_id(a: EntityMeta, b: EntityMeta) -> bool:
    return (a.dataset != b.dataset and a.source_id == b.source_id
            and {a.dataset, b.dataset} <= TREASURY_IDS)


def _same_name(a: EntityMeta, b: EntityMeta, key_a: str, key_b: str) -> bool:
    return a.dataset != b.dataset and key_a == key_b and key_a != "" and _compatible(a, b)


def group_results(results: list[MatchResult], index: Index) -> list[PartyResult]:
    """Group ranked results into parties (see module doc); parties keep the results' order.

    Shared publisher ids are joined first: they say who an entry is. A name then joins a
    listing to a party only when it fits one party alone: a name on the UN list that fits
    two SDN entries of that name (two people, neither birth year contradicting it) joins
    neither rather than whichever ranked first (an auditor would read a guess as a fact).
    "KIM YONG CHOL" (UN, born 1962) joins the SDN's of 1962, not the one born circa 1947."""
    metas = [index.entities[index.by_entity_id[r.entity_id]] if r.entity_id in index.by_entity_id
             else None for r in results]
    keys = ["" if m is None else _name_key(m) for m in metas]
    parent = list(range(len(results)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(results))}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def lists(r: int) -> set[str]:
        return {results[k].dataset for k in members[r]} - {CSL}

    def join(i: int, j: int) -> None:
        ri, rj = root(i), root(j)
        if ri == rj or lists(ri) & lists(rj):
            return  # would put two entries of one list into one party
        keep, gone = min(ri, rj), max(ri, rj)
        parent[gone] = keep
        members[keep] += members.pop(gone)

    known = [(i, m) for i, m in enumerate(metas) if m is not None]
    pairs = [(i, a, j, b) for k, (i, a) in enumerate(known) for j, b in known[k + 1:]]
    for i, a, j, b in pairs:
        if _same_id(a, b):
            join(i, j)
    fits: dict[int, set[int]] = defaultdict(set)  # result -> parties its name fits
    named = [(i, j) for i, a, j, b in pairs if _same_name(a, b, keys[i], keys[j])]
    for i, j in named:
        fits[i].add(root(j))
        fits[j].add(root(i))
    unsure = {i for i, parties in fits.items() if not _one_party(parties, lists)}
    for i, j in named:
        if i not in unsure and j not in unsure:
            join(i, j)
    return [PartyResult(results[r], [results[k] for k in sorted(members[r])])
            for r in sorted(members)]


def _one_party(parties: set[int], lists: Callable[[int], set[str]]) -> bool:
    """True when the parties a name fits can all be one party (no two hold one list)."""
    seen: set[str] = set()
    for r in parties:
        held = lists(r)
        if seen & held:
            return False
        seen |= held
    return True


def screen_query(index: Index, query: Query, cfg: ScoringConfig, limit: int,
                 min_score: float = 0.0) -> list[PartyResult]:
    """The best `limit` parties for one query: alerts always, other results only from
    `min_score` up (the floor that keeps 0.1-0.3 noise out of result files)."""
    floor = min(min_score, cfg.threshold)
    results = match_query(index, query, cfg, limit=limit * SPAN, min_score=floor)
    parties = group_results(results, index)
    return [p for p in parties if p.match or p.score >= min_score][:limit]
