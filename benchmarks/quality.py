"""Score the matcher on ../shared/eval: recall, false-positive rate, precision, F1.

usage: python benchmarks/quality.py [--eval DIR] [--lists DIR] [--threshold T] [--peer]

1. screening_dev.jsonl is screened against the bundled lists exactly as a user would
   (a temporary CLEARANCE_HOME, `lists load`, then the batch screener), and scored per
   category with the eval set's own scorer logic.
2. The labelled pair files in external/ are scored pair by pair: for each pair the query
   is matched against an index holding only the candidate, and a pair is called a match
   when the score reaches the threshold. With --peer, nomenklatura's logic-v2 is scored on
   name_bench in the same run (install the `peer` extra).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from common import BUNDLED, SHARED


def _args() -> argparse.Namespace:
    p = argparse.ArgumentParser()
    p.add_argument("--eval", type=Path, default=SHARED / "eval")
    p.add_argument("--lists", type=Path, default=SHARED / "data" / "lists")
    p.add_argument("--threshold", type=float, default=None)
    p.add_argument("--peer", action="store_true", help="also score nomenklatura logic-v2")
    p.add_argument("--skip-pairs", action="store_true")
    p.add_argument("--dump", type=Path, default=None, help="write screening results here")
    return p.parse_args()


def score_screening(queries: list[dict[str, Any]], results: dict[str, list[dict[str, Any]]]
                    ) -> dict[str, dict[str, float]]:
    """Per-category recall, top-1, alerts per positive, FPR; overall precision and F1."""
    stats: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for q in queries:
        alerts = [m for m in results.get(q["id"], []) if m["match"]]
        exp = {(d, str(s)) for d, s in q["expected"]}
        cat = "negative" if not exp else q["category"]
        for key in (cat, "ALL"):
            st = stats[key]
            st["n"] += 1
            if exp:
                hit = any((m["dataset"], str(m["source_id"])) in exp for m in alerts)
                st["pos"] += 1
                st["found"] += hit
                st["top1"] += bool(alerts) and (alerts[0]["dataset"],
                                                str(alerts[0]["source_id"])) in exp
                st["alerted"] += bool(alerts)
                st["alerted_ok"] += hit
            else:
                st["neg"] += 1
                st["fp"] += bool(alerts)
                st["alerted"] += bool(alerts)
    out: dict[str, dict[str, float]] = {}
    for key, st in sorted(stats.items()):
        o: dict[str, float] = {"n": st["n"]}
        if st["pos"]:
            o["recall"] = round(st["found"] / st["pos"], 4)
            o["top1"] = round(st["top1"] / st["pos"], 4)
        if st["neg"]:
            o["fpr"] = round(st["fp"] / st["neg"], 4)
        out[key] = o
    a = stats["ALL"]
    prec = a["alerted_ok"] / a["alerted"] if a["alerted"] else 0.0
    rec = a["found"] / a["pos"] if a["pos"] else 0.0
    out["ALL"]["precision"] = round(prec, 4)
    out["ALL"]["f1"] = round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0
    return out


def run_screening(args: argparse.Namespace) -> None:
    from clearance.match.score import DEFAULT_THRESHOLD, ScoringConfig
    from clearance.screening.batch import screen_queries
    from clearance.screening.io import InputRow, row_to_query
    from clearance.store.load import load_paths

    lists = [args.lists / d for d in BUNDLED]
    t0 = time.perf_counter()
    for res in load_paths(lists):
        if res.error is not None:
            sys.exit(f"load failed: {res.error}")
    from clearance.index.store import ensure_index

    index = ensure_index()
    t1 = time.perf_counter()
    with open(args.eval / "screening_dev.jsonl") as fh:
        queries = [json.loads(line) for line in fh]
    threshold = args.threshold if args.threshold is not None else DEFAULT_THRESHOLD
    items = [row_to_query(InputRow(i + 1, q), "screening_dev.jsonl")
             for i, q in enumerate(queries)]
    results = {r.id: r.matches for r in screen_queries(
        items, ScoringConfig(threshold=threshold), limit=10, index=index)}
    t2 = time.perf_counter()
    if args.dump is not None:
        with open(args.dump, "w") as fh:
            fh.writelines(json.dumps({"id": rid, "matches": matches}) + "\n"
                          for rid, matches in results.items())
    print(f"## screening_dev.jsonl (threshold {threshold}; load+index {t1 - t0:.1f}s, "
          f"{len(queries)} queries in {t2 - t1:.1f}s)")
    for key, o in score_screening(queries, results).items():
        print(f"{key:14s} " + " ".join(f"{k}={v}" for k, v in o.items()))


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


def main() -> None:
    args = _args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["CLEARANCE_HOME"] = home
        run_screening(args)
        if not args.skip_pairs:
            run_pairs(args)


if __name__ == "__main__":
    main()
