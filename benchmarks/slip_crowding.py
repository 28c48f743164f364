"""Does a short word's one-slip lookup crowd the listed party out of the candidates?

usage: python benchmarks/slip_crowding.py [--seed S] [--similarity W] [-v]
       (in a CLEARANCE_HOME with the bundled lists loaded)

Session 32 (s32-typo; issue 11). A typed word of two or three letters is looked up one
slip away (`search._short_slipped`); the list words it finds add their names to the
candidates at `search.SHORT_SLIP_SIMILARITY`, and may take the slot of the name the query
means (session 31: cg5's "Ir." row lost a listed CETC IR). For each case of typos.py's
tuning half (its rule and seed), the candidates of its query names (as `match_query`
looks them up: `engine.prepare_query_names`, one typo budget) are made twice, with the
lookup and with `_short_slipped` answering nothing, and counted: cases where the lookup
was made, and where a name of the expected entity is a candidate one way only.
`--similarity` weighs what the lookup finds otherwise (to try a weight).
"""

from __future__ import annotations

import argparse
from typing import Any

from evalsets import halves, load_records
from typos import SEED, cases


def main() -> None:
    from clearance.index import search
    from clearance.index.store import ensure_index
    from clearance.match.engine import prepare_query_names
    from clearance.match.limits import FUZZY_KEYS_PER_QUERY
    from clearance.match.score import CRAFT, Query, ScoringConfig

    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, default=SEED)
    p.add_argument("--similarity", type=float, default=None)
    p.add_argument("-v", action="store_true", help="name the cases that differ")
    args = p.parse_args()
    if args.similarity is not None:
        search.SHORT_SLIP_SIMILARITY = args.similarity
    index = ensure_index()
    limit = ScoringConfig().candidates
    entity_of = {(e.dataset, str(e.source_id)): k for k, e in enumerate(index.entities)}
    names_of: dict[int, set[int]] = {}
    for n_idx, owners in enumerate(index.owners):
        for e_idx, _, _ in owners:
            names_of.setdefault(e_idx, set()).add(n_idx)
    looked_up = search._short_slipped
    made: list[int] = []

    def counted(*a: Any, **k: Any) -> list[int]:
        found = looked_up(*a, **k)
        made.append(len(found))
        return found

    def candidates(query: Query) -> set[int]:
        budget = [FUZZY_KEYS_PER_QUERY]
        return {n for q in prepare_query_names(query, bounded=True)
                for n in search.candidate_names(index, q, limit, budget,
                                                query.schema == "Person",
                                                query.schema in CRAFT).tolist()}

    tune = halves(cases(load_records(), 600, args.seed))["tune"]
    used, lost, gained = 0, [], []
    try:
        for c in tune:
            want = {n for d, s in c["expected"] if (d, str(s)) in entity_of
                    for n in names_of.get(entity_of[(d, str(s))], set())}
            query = Query(name=c["query"]["name"], schema=c["query"]["schema"])
            made.clear()
            search._short_slipped = counted
            with_them = bool(candidates(query) & want)
            used += any(made)
            search._short_slipped = lambda *a, **k: []
            without = bool(candidates(query) & want)
            if without and not with_them:
                lost.append(c)
            elif with_them and not without:
                gained.append(c)
    finally:
        search._short_slipped = looked_up
    print(f"seed {args.seed}, similarity {search.SHORT_SLIP_SIMILARITY}: tuning cases "
          f"{len(tune)}, short words looked up one slip away in {used}; the listed name a "
          f"candidate only without the lookup {len(lost)}, only with it {len(gained)}")
    if args.v:
        for label, part in (("lost", lost), ("gained", gained)):
            for c in part:
                print(f"  {label}: {c['query']['name']!r} for {c['source']['name']!r}")


if __name__ == "__main__":
    main()
