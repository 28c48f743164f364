"""Listed names typed with one or two slips: does the screen still alert on the listed entity?

usage: python benchmarks/typos.py [--per-kind N] [--seed S] [--show-tuning-misses]
       (in a CLEARANCE_HOME with the bundled lists loaded, e.g. after `make run`)

Labelling rule (written 2026-11-29, session 14, before the first run): from the OFAC SDN
file and the CSL, the first Latin-script name of every Person and of every organisation
(Company, Organization, LegalEntity), of 8 letters or more and 2 to 6 words, drawn at random
(seed 20261129) up to `--per-kind` of each kind. A person's "SURNAME, Given" is written
"Given SURNAME", as books write it. Each name is then slipped `edits` times (1 and 2, a case
each): a slip is one of substitution (a random letter a-z), deletion, insertion (a random
letter a-z) or transposition of two neighbouring letters, at a random letter position (never
a space or punctuation), each slip on the name the previous one left; a slip that makes the
name no longer differ is drawn again. Expected: an alert (score at or above the threshold) on
some entity carrying the listed name (its lower-case ASCII tokens, as a set), among the top
10, screened as `clearance screen` screens (the schema of the listed entity).
Cases are split in halves by a hash of their ids (`evalsets.split`), as quality.py does:
choose on the tuning half, report the held-out one. Not the screening_dev typo sets: its own
draws, from the same lists. Each half is also counted apart for the cases whose slips make
a word some listed name spells ("lands on a listed word": a slipped word, folded, in the
index's vocabulary), which the matcher reads as that word rather than as slips.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import defaultdict
from typing import Any

from evalsets import halves, load_records
from quality import screen

SEED = 20261129
KINDS = {"Person": "person", "Company": "org", "Organization": "org", "LegalEntity": "org"}
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _key(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))


def _book_form(name: str, schema: str) -> str:
    """ "SURNAME, Given" as "Given SURNAME" for people; other names as listed."""
    if schema == "Person" and name.count(",") == 1:
        surname, given = (part.strip() for part in name.split(","))
        return f"{given} {surname}"
    return name


def slip(name: str, rng: random.Random) -> str:
    """One slip of the rule (substitution, deletion, insertion, transposition) at a letter."""
    while True:
        positions = [i for i, ch in enumerate(name) if ch.isalpha()]
        i = rng.choice(positions)
        kind = rng.choice(("sub", "del", "ins", "swap"))
        letter = rng.choice(LETTERS)
        letter = letter.upper() if name[i].isupper() else letter
        if kind == "sub":
            out = name[:i] + letter + name[i + 1:]
        elif kind == "del":
            out = name[:i] + name[i + 1:]
        elif kind == "ins":
            out = name[:i] + letter + name[i:]
        elif i + 1 < len(name) and name[i + 1].isalpha():
            out = name[:i] + name[i + 1] + name[i] + name[i + 2:]
        else:
            continue
        if out.lower() != name.lower():
            return out


def cases(records: list[dict[str, Any]], per_kind: int, seed: int) -> list[dict[str, Any]]:
    carriers: dict[frozenset[str], set[tuple[str, str]]] = defaultdict(set)
    for r in records:
        for text in r["properties"].get("name", []) + r["properties"].get("alias", []):
            carriers[_key(text)].add((r["dataset"], r["source_id"]))
    pool: dict[str, list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
    seen: set[frozenset[str]] = set()
    for r in records:
        kind = KINDS.get(r["schema"])
        if kind is None or r["dataset"] not in ("us_ofac_sdn", "us_trade_csl"):
            continue
        names = [n for n in r["properties"].get("name", []) if n.isascii()]
        if not names:
            continue
        name = names[0]
        words = re.findall(r"[A-Za-z0-9]+", name)
        if not 2 <= len(words) <= 6 or sum(len(w) for w in words) < 8 or _key(name) in seen:
            continue
        seen.add(_key(name))
        pool[kind].append((name, r["schema"], r))
    rng = random.Random(seed)
    out = []
    for kind in sorted(pool):
        chosen = rng.sample(pool[kind], min(per_kind, len(pool[kind])))
        for name, schema, r in chosen:
            for edits in (1, 2):
                text = _book_form(name, schema)
                for _ in range(edits):
                    text = slip(text, rng)
                out.append({"id": f"typo{edits}-{kind}-{r['source_id']}",
                            "query": {"name": text, "schema": schema},
                            "expected": sorted(carriers[_key(name)]),
                            "category": f"{kind}_typo{edits}",
                            "source": {"name": name}})
    return out


def lands_on_listed(case: dict[str, Any], vocab: dict[str, int]) -> bool:
    """Whether a word the slips made (not a word of the listed name) is a word of the lists."""
    from clearance.match.prepare import fold_key

    listed = _key(case["source"]["name"])
    return any(fold_key(w) in vocab for w in _key(case["query"]["name"]) - listed)


def main() -> None:
    from clearance.index.store import ensure_index
    from clearance.match.score import DEFAULT_THRESHOLD

    p = argparse.ArgumentParser()
    p.add_argument("--per-kind", type=int, default=600)
    p.add_argument("--seed", type=int, default=SEED)
    p.add_argument("--show-tuning-misses", action="store_true")
    args = p.parse_args()
    index = ensure_index()
    all_cases = cases(load_records(), args.per_kind, args.seed)
    results = screen(all_cases, DEFAULT_THRESHOLD, index)
    for half, part in halves(all_cases).items():
        label = "tuning half (in-sample)" if half == "tune" else "held-out half"
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        landed = [0, 0]
        for c in part:
            want = {(d, str(s)) for d, s in c["expected"]}
            hit = any(m["match"] and (m["dataset"], str(m["source_id"])) in want
                      for m in results.get(c["id"], []))
            counts[c["category"]][0] += hit
            counts[c["category"]][1] += 1
            if lands_on_listed(c, index.vocab):
                landed[0] += hit
                landed[1] += 1
            if not hit and half == "tune" and args.show_tuning_misses:
                top = [(m["matched_name"], round(m["score"], 3))
                       for m in results.get(c["id"], [])[:2]]
                print(f"  miss {c['category']}: {c['query']['name']!r} for "
                      f"{c['source']['name']!r}; top {top}")
        print(f"# {label}: " + ", ".join(f"{k} {h}/{n} ({h / n:.3f})"
                                         for k, (h, n) in sorted(counts.items()))
              + f"; of all, slips that land on a listed word {landed[0]}/{landed[1]}")


if __name__ == "__main__":
    main()
