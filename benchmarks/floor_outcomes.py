"""How a book's names end at `clearance screen`'s floor, and what each ending costs.

usage: PYTHONPATH=TREE CLEARANCE_HOME=H python benchmarks/floor_outcomes.py
           [--book /work/notes/book10k.csv] [--rows N]

Each row of a book CSV (id, name, schema) is screened in this one process as a worker
calls `match_query` (`group.screen_query`: limit 10 x `SPAN`, min_score min(`MIN_SCORE`,
threshold)), and put in one class by what became of it:
- no candidate: the candidate search found no listed name;
- every candidate left out: the bound (`engine._left_out`) left each one out unscored;
- compared, all below the floor: some were compared, none reached it;
- a result over the floor.
Printed per class: names, their share, candidates a name, their share of the CPU and of
that the candidate search's (`query_candidates`; `time.process_time`, so pure Python
figures: what is counted, not a compiled build's proportions). The first three classes
are the names that end with nothing: the work a proof before the search could spare.

`--gaps` (s36-search) reads instead what the bound (`bound.QueryBound`) let in: each
comparison made (a list name as a person's or an organisation's) by why no bound left it
out, and for those it bounded, what two tighter reaches of its matched mass would have
left out (names: every comparison of the name left out):
- matching: each word is in one pair at most (no join possible for the pair: `pairs`), so
  the matched mass is at most the least of the bound's sum, the query words' halves each
  with the heaviest listed word it may pair with, and the same from the listed side;
- similarity: as matching, each pair weighed by its token similarity (abjad: the pattern's
  either way too; a person's initial 0.7; a pair the mask allows otherwise 1.0). Not
  exact as it stands: the pair loop lifts some similarities (name slips, syllables,
  kinds); a comparison scoring above it is counted as "lifted";
- lifted similarity: as similarity, each pair at the most the pair loop may lift it to
  (`compare_names`' pair loop and `_name_slips`): none tightened where the comparison is
  unvocalised (abjad weights read as the Latin word's), the query has a written word of
  several tokens (`_word_slip`), either name is a craft's or holds a digit (marks), or
  no word is certainly left unpaired (`_name_slips` may lift every near pair); an
  organisation's words of a trade or direction at least 1 - `SHARED_TRADE`
  (`orgs.kind_similarity`), a guessed word at least 0.95. Meant exact: a comparison
  scoring above it is counted (never, if so).
The penalty is the bound's own (its ceiling's reach / ceiling less its reach).

`--reach` (s36-search) measures what a ceiling from the query's words alone, before the
search, could end: per query word, the heaviest listed word within reach (a similarity
above zero or two slips apart, by a scan of every listed word: rapidfuzz's OSA within 4
edits, then `compare.token_similarity` / `slips_apart`; words run together and the abjad
rules left out, so an optimistic ceiling), each word within reach counted as paired with
it, the others charged as `bound.QueryBound` charges words certainly unpaired; with and
without a person's word reached by a listed initial of its first letter (the pair loop
pairs them: every letter a-z is some listed name's one-letter word). Names in an abjad
script are not ended. A name ended that has a result shows the ceiling is not exact.
"""

from __future__ import annotations

import argparse
import collections
import csv
import time
from typing import Any


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--book", default="/work/notes/book10k.csv")
    p.add_argument("--rows", type=int, default=None)
    p.add_argument("--gaps", action="store_true", help="what the bound let in (s36-search)")
    p.add_argument("--reach", action="store_true",
                   help="what a ceiling from the query's words alone could end (s36-search)")
    args = p.parse_args()
    if args.gaps:
        gaps(args.book, args.rows)
        return
    if args.reach:
        reach(args.book, args.rows)
        return
    from clearance.index.store import ensure_index
    from clearance.match import engine
    from clearance.match.score import Query, ScoringConfig
    from clearance.screening.group import MIN_SCORE, SPAN

    with open(args.book, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    rows = rows[:args.rows] if args.rows else rows
    index = ensure_index()
    counts: collections.Counter[str] = collections.Counter()
    searching, leaving_out = engine.query_candidates, engine._left_out

    def candidates(*a: Any, **k: Any) -> list[int]:
        t = time.process_time()
        found = list(searching(*a, **k))
        counts["search CPU"] += time.process_time() - t
        counts["candidates"] += len(found)
        return found

    def left_out(*a: Any, **k: Any) -> Any:
        out = leaving_out(*a, **k)
        counts["left out"] += out[0] and out[1]
        return out

    engine.query_candidates, engine._left_out = candidates, left_out  # type: ignore[assignment]
    cfg = ScoringConfig()
    floor = min(MIN_SCORE, cfg.threshold)
    names: collections.Counter[str] = collections.Counter()
    total: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for row in rows:
        name, schema = row[1], row[2] if len(row) > 2 else "Person"
        counts.clear()
        t = time.process_time()
        found = engine.match_query(index, Query(name=name, schema=schema), cfg,
                                   limit=10 * SPAN, min_score=floor)
        cpu = time.process_time() - t
        if found:
            ending = "a result over the floor"
        elif counts["candidates"] == 0:
            ending = "no candidate"
        elif counts["left out"] == counts["candidates"]:
            ending = "every candidate left out by the bound"
        else:
            ending = "compared, all below the floor"
        names[ending] += 1
        total[ending].update({"cpu": cpu, "search": counts["search CPU"],
                              "candidates": counts["candidates"]})
    all_cpu = sum(t["cpu"] for t in total.values())
    print(f"{len(rows)} names, floor {floor}, {all_cpu:.1f} s CPU")
    for ending, n in names.most_common():
        t = total[ending]
        print(f"{ending:<38} {n:>6} {100 * n / len(rows):6.2f}%  candidates a name "
              f"{t['candidates'] / n:5.1f}  CPU {100 * t['cpu'] / all_cpu:5.1f}%  of it "
              f"search {100 * t['search'] / t['cpu']:3.0f}%")


def _tighter(index: Any, bound: Any, n_idx: int, person: bool,
             q_w: tuple[list[float], list[float]], craft: bool
             ) -> tuple[str, float, float, float, float]:
    """Why `bound` cannot be tightened here, or "bounded" with its ceiling and the three
    tighter ones (`gaps`) of list name `n_idx`'s comparison (`craft`: either name is a
    craft's)."""
    from clearance.match.abjad import similarity as abjad_similarity
    from clearance.match.compare import SURE_SIMILARITY, token_similarity, word_spans
    from clearance.match.orgs import SHARED_TRADE, trades
    from clearance.match.places import direction

    cand = index.names[n_idx]
    if person and bound.korean is not None:
        return "a Korean name's syllables", 1.0, 1.0, 1.0, 1.0
    c_w = index.person_token_weights[n_idx] if person else index.token_weights[n_idx]
    qw = q_w[1] if person else q_w[0]
    masks, joins = bound.pairs(cand, person)
    if joins:
        return "words may be joined", 1.0, 1.0, 1.0, 1.0
    ceiling = bound.ceiling(cand, c_w, qw, person, index.roles[n_idx] if person else None)
    if not 0.0 < ceiling < 1.0:
        return "ceiling 1.0 (a slipped or cut form)", 1.0, 1.0, 1.0, 1.0
    nq, nc = bound.n, len(masks)
    may_q = 0
    for m in masks:
        may_q |= m
    reach = (sum(qw[i] / 2 for i in range(nq) if may_q >> i & 1)
             + sum(c_w[j] / 2 for j in range(nc) if masks[j]))
    least = reach * (1.0 - ceiling) / ceiling
    ct, cf = cand.tokens, cand.folded

    def sim(i: int, j: int) -> float:
        qt = bound.tokens[i]
        s = token_similarity(qt, bound.folded[i], ct[j], cf[j])
        if bound.unvocalised:
            s = max(s, abjad_similarity(qt, ct[j]), abjad_similarity(ct[j], qt))
        if s > 0.0:
            return s
        if person and (len(qt) == 1 or len(ct[j]) == 1) and qt[0] == ct[j][0]:
            return 0.7
        return 1.0

    def reaches(weigh: Any) -> float:
        by_q = sum(max(weigh(i, j) for j in range(nc) if masks[j] >> i & 1)
                   for i in range(nq) if may_q >> i & 1)
        by_c = sum(max(weigh(i, j) for i in range(nq) if masks[j] >> i & 1)
                   for j in range(nc) if masks[j])
        return float(min(reach, by_q, by_c))

    q = bound.query
    guessed = bound.facts.guessed
    # (no tightening at all: every pair may be lifted to 1.0)
    loose = (bound.unvocalised or craft or bool(word_spans(q))
             or any(c.isdigit() for t in (*q.tokens, *ct) for c in t)
             or (may_q == (1 << nq) - 1 and all(masks)))

    def lifted(i: int, j: int) -> float:
        if loose:
            return 1.0
        qt = bound.tokens[i]
        s = token_similarity(qt, bound.folded[i], ct[j], cf[j])
        if person and (len(qt) == 1 or len(ct[j]) == 1) and qt[0] == ct[j][0]:
            s = max(s, 0.7)
        if not person and (direction(qt) is not None or direction(ct[j]) is not None
                           or trades(qt) or trades(ct[j])):
            s = max(s, 1.0 - SHARED_TRADE)
        if guessed and guessed[i] is not None:
            s = max(s, SURE_SIMILARITY)
        return s if s > 0.0 else 1.0

    matched = reaches(lambda i, j: (qw[i] + c_w[j]) / 2)
    similar = reaches(lambda i, j: (qw[i] + c_w[j]) / 2 * sim(i, j))
    lift = reaches(lambda i, j: (qw[i] + c_w[j]) / 2 * lifted(i, j))
    return ("bounded", ceiling, matched / (matched + least),
            similar / (similar + least) if similar > 0.0 else 0.0,
            lift / (lift + least) if lift > 0.0 else 0.0)


def gaps(book: str, limit: int | None) -> None:
    """`--gaps`: what the bound let in, and what tighter reaches would leave out."""
    from clearance.index.store import ensure_index
    from clearance.match import engine
    from clearance.match.score import CRAFT, Query, ScoringConfig
    from clearance.screening.group import MIN_SCORE, SPAN

    with open(book, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    rows = rows[:limit] if limit else rows
    index = ensure_index()
    modes: collections.Counter[str] = collections.Counter()
    ends: collections.Counter[str] = collections.Counter()
    tight: dict[tuple[int, bool], tuple[float, float, float, float]] = {}
    cpu: dict[str, float] = collections.defaultdict(float)
    reaches = ("matching", "similarity", "lifted similarity")
    name: dict[str, bool] = {}
    leaving_out, comparing = engine._left_out, engine._Comparer.compare

    def left_out(index_: Any, query: Any, q_w: Any, q_spans: Any, n_idx: int, floor: float,
                 bound: Any, datasets: Any, products: Any, factors: Any) -> Any:
        out = leaving_out(index_, query, q_w, q_spans, n_idx, floor, bound, datasets,
                          products, factors)
        needs = engine._needs(products, factors, index_, query, n_idx, floor, datasets)
        for person, gone, need in ((True, out[0], needs[0]), (False, out[1], needs[1])):
            if gone:
                continue
            name["compared"] = True
            if out[2] is None:
                why = ("no bound: the query's" if bound is None
                       else "no bound: a list name in an abjad script" if not bound.unvocalised
                       and index_.abjad_names[n_idx]
                       else "no bound: both have a written word of several tokens")
                modes[why] += 1
                name.update(dict.fromkeys(reaches, False))
                continue
            craft = query.schema in CRAFT or all(
                [index_.entities[e].schema in CRAFT for e, _, _ in index_.owners[n_idx]])
            why, _, *tighter = _tighter(index_, out[2], n_idx, person, q_w, craft)
            modes[why] += 1
            if why != "bounded":
                name.update(dict.fromkeys(reaches, False))
                continue
            for reach, ceiling in zip(reaches, tighter):
                modes[f"bounded: {reach} leaves out"] += ceiling < need
                name[reach] = name[reach] and ceiling < need
            tight[(n_idx, person)] = (tighter[0], tighter[1], tighter[2], need)
        return out

    def compare(self: Any, q: Any, q_w: Any, n_idx: int, person: bool, *a: Any,
                **k: Any) -> Any:
        t = time.process_time()
        comp = comparing(self, q, q_w, n_idx, person, *a, **k)
        t = time.process_time() - t
        cpu["comparisons"] += t
        known = tight.pop((n_idx, person), None)
        if known is not None:
            for reach, ceiling in zip(reaches, known):
                if ceiling < known[3]:
                    cpu[reach] += t
            modes["matching: a score above it (never, if exact)"] += comp.score > known[0] + 1e-9
            modes["similarity: a score above it (lifted)"] += comp.score > known[1] + 1e-9
            modes["lifted similarity: a score above it (never, if exact)"] += (
                comp.score > known[2] + 1e-9)
        return comp

    engine._left_out = left_out  # type: ignore[assignment]
    engine._Comparer.compare = compare  # type: ignore[method-assign]
    cfg = ScoringConfig()
    floor = min(MIN_SCORE, cfg.threshold)
    for row in rows:
        text, schema = row[1], row[2] if len(row) > 2 else "Person"
        name.clear()
        name.update(dict.fromkeys(reaches, True), compared=False)
        tight.clear()
        t = time.process_time()
        found = engine.match_query(index, Query(name=text, schema=schema), cfg,
                                   limit=10 * SPAN, min_score=floor)
        cpu["all"] += time.process_time() - t
        if not name["compared"]:
            continue
        ending = "a result over the floor" if found else "compared, all below the floor"
        ends[ending] += 1
        for reach in reaches:
            ends[f"{ending}: every comparison left out by {reach}"] += name[reach]
    print(f"{len(rows)} names, floor {floor}")
    for key, n in sorted(ends.items()):
        print(f"{key:<75} {n:>6}")
    print(f"CPU (pure, the tighter reaches' own work in it): {cpu['all']:.1f} s; comparisons "
          f"made {100 * cpu['comparisons'] / cpu['all']:.1f}%; of them left out by")
    for reach in reaches:
        print(f"  {reach:<73} {100 * cpu[reach] / cpu['all']:5.1f}%")
    print("comparisons made (a list name as a person's or an organisation's):")
    for key, n in modes.most_common():
        print(f"  {key:<73} {n:>6}")


def reach(book: str, limit: int | None) -> None:
    """`--reach`: what a ceiling from the query's words alone could end."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    from clearance.index.store import ensure_index
    from clearance.match import engine
    from clearance.match.abjad import has_abjad
    from clearance.match.compare import _extra, slips_apart, token_similarity
    from clearance.match.prepare import name_roles
    from clearance.match.score import Query, ScoringConfig
    from clearance.screening.group import MIN_SCORE, SPAN

    with open(book, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    rows = rows[:limit] if limit else rows
    index = ensure_index()
    cfg = ScoringConfig()
    floor = min(MIN_SCORE, cfg.threshold)
    # every listed word (raw, folded) with its greatest weights (organisation, person)
    listed: dict[tuple[str, str], tuple[float, float]] = {}
    for n_idx, n in enumerate(index.names):
        for j, word in enumerate(zip(n.tokens, n.folded)):
            ow, pw = index.token_weights[n_idx][j], index.person_token_weights[n_idx][j]
            old = listed.get(word)
            listed[word] = (ow, pw) if old is None else (max(ow, old[0]), max(pw, old[1]))
    keys = list(listed)
    pools = ([k[0] for k in keys], [k[1] for k in keys])
    initials: dict[str, float] = collections.defaultdict(float)
    for (t, _), (_, pw) in listed.items():
        if len(t) == 1:
            initials[t] = max(initials[t], pw)
    memo: dict[tuple[str, str], tuple[float, float] | None] = {}

    def heaviest(qt: str, qf: str) -> tuple[float, float] | None:
        best = memo.get((qt, qf), (-1.0, -1.0))
        if best is not None and best[0] < 0.0:
            found: set[int] = set()
            for spelling, pool in zip((qt, qf), pools):
                found.update(i for _, _, i in process.extract(
                    spelling, pool, scorer=OSA.distance, score_cutoff=4, limit=None))
            best = None
            for i in found:
                t, f = keys[i]
                if token_similarity(qt, qf, t, f) > 0.0 or slips_apart(qt, t):
                    ws = listed[keys[i]]
                    best = ws if best is None else (max(best[0], ws[0]), max(best[1], ws[1]))
            memo[(qt, qf)] = best
        return best

    counts: collections.Counter[str] = collections.Counter()
    modes = ("initials left out", "initials counted")
    for row in rows:
        query = Query(name=row[1], schema=row[2] if len(row) > 2 else "Person")
        ended = dict.fromkeys(modes, True)
        for q, slips in engine._query_names(index, query):
            if has_abjad(q.text) or not q.tokens:
                ended = dict.fromkeys(modes, False)
                break
            q_w = engine.query_weights(index, q)
            bound = engine._query_bound(q, name_roles(q.text), cfg, None, slips, False)
            for mode in modes:
                for person in (True, False):
                    w = q_w[1] if person else q_w[0]
                    mass = least = 0.0
                    stay = []
                    for i, (t, f) in enumerate(zip(q.tokens, q.folded)):
                        best = heaviest(t, f)
                        if best is None and mode == modes[1] and person and t[0] in initials:
                            best = (0.0, initials[t[0]])
                        if best is None:
                            stay.append(i)
                        else:
                            mass += (w[i] + (best[1] if person else best[0])) / 2.0
                    for i in stay:
                        if person:
                            least += (bound.least_last if i == bound.n - 1
                                      and bound.n - len(stay) >= 2
                                      else bound.least_q[i]) * _extra(w[i])
                        elif not (bound.places[i] or bound.phrase_tails[i]
                                  or i in bound.framing or bound.industries[i] is not None):
                            least += bound.query_extra * _extra(w[i])
                    if mass > 0.0 and mass / (mass + least) >= floor:
                        ended[mode] = False
        found = engine.match_query(index, query, cfg, limit=10 * SPAN, min_score=floor)
        for mode in modes:
            counts[f"ended, {mode}"] += ended[mode]
            counts[f"ended, {mode}, yet a result (not exact)"] += ended[mode] and bool(found)
    print(f"{len(rows)} names, floor {floor}; {len(memo)} distinct query words")
    for ending, count in sorted(counts.items()):
        print(f"{ending:<60} {count:>6} {100 * count / len(rows):6.2f}%")


if __name__ == "__main__":
    main()
