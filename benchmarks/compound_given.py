"""Listed people with a compound given name, queried with one part of it.

usage: python benchmarks/compound_given.py [--home DIR] [-v] [--heldout]

When is a part of a compound given name alone the same person? By the naming culture:
- Arabic theophoric names (Abd al-X, Abdul X, Abdel-X): "Abd al-" is "servant of the" and
  no name alone; the second half, a name of God, is the name (Wikipedia "Abdul": "there
  is no Abdul without the second part when written in Arabic"). The second half alone
  names the listed person; the head alone names any of the hundred Abd al-X.
- Hispanic two given names ("Jose Luis", "Maria Teresa"): the second is often dropped
  in daily use and in records; the first alone names the listed person.
- A given name written as one hyphenated word ("Jean-Pierre", Korean "Su-gwang"): one
  name; either part alone is another name (Jean is not Jean-Pierre, Su not Su-gwang).

The set (rule of 2026-12-01, session 28, written before its first run): every Person of
the bundled lists with a Latin name or alias written "SURNAME(S), Given ..." (a comma, one
or more surname words before it, two given words or one hyphenated one after it). The
query is "<part> <first surname word>" (capitalised; with the article written apart
before it, "Al Houthi", an amendment after the first run, where "Malik Al" was queried),
screened as Person without a birth
date or country; a case id is "cg-<kind>-<dataset>-<source id>-<k>", halves by
`evalsets.split`. Kinds:
- `arabic-tail` / `arabic-head`: the first given word (after a title such as Haji) is a
  compound head of generic_words.yml `compound_heads` (abd, abdul, abdel, abdal, abdol,
  abdur) followed by its second half (the next word, past a separate "al"; or the rest
  of a hyphenated word). tail: the second half alone, expected: the listed entity alerts.
  head: the head alone, expected: it does not, unless a name of that entity corresponds
  to the query token for token (`evalsets.token_for_token`: a justified alert).
- `hispanic-first`: exactly two given words, neither a compound head nor an initial, of a
  person recording a country of `HISPANIC`: the first given word alone, expected: alerts.
  Where the listed name has two or more surname words, the query also leaves out the
  second surname: two listed words left out, counted again on a line of their own
  (session 30; the set's cases and kinds are unchanged).
- `hyphen-part`: one given word, hyphenated into two parts of two letters or more, no
  compound head: each part alone (two cases), expected: no alert on the entity, unless
  token for token as above.
Counted: expected alerts found (recall), and unexpected alerts on the listed entity.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import evalsets
from common import run_heldout_set
from quality import screen

#: countries whose people commonly bear two given names, the second often dropped
HISPANIC = frozenset({"ar", "bo", "cl", "co", "cr", "cu", "do", "ec", "es", "gt", "hn", "mx",
                      "ni", "pa", "pe", "py", "sv", "uy", "ve"})
_NAME = re.compile(r"([A-Z][A-Z' -]+), (.+)")
_WORD = re.compile(r"[A-Za-z']+")


def _heads() -> frozenset[str]:
    from clearance.resources import load_resource

    return frozenset(str(w) for w in load_resource("generic_words")["compound_heads"])


def _parts(given: str, heads: frozenset[str], titles: frozenset[str]
           ) -> tuple[str, str] | None:
    """(head, second half) of a compound given name written "Abdul Aziz ...", "Abd al-Aziz",
    "Abdel-Malek", after any title; None when the given name opens with no compound."""
    words = given.split()
    while len(words) > 1 and words[0].lower() in titles:
        words = words[1:]
    first = words[0].strip("'").split("-")
    if first[0].lower() not in heads:
        return None
    rest = [p for p in first[1:] if p.lower() != "al"]
    if not rest:
        rest = [w for w in words[1:3] if w.lower() != "al"][:1]
        rest = [p for p in (rest[0].split("-") if rest else []) if p.lower() != "al"]
    return (first[0], rest[0]) if rest else None


def _case(case: dict[str, Any], key: str, part: str, alert: bool) -> dict[str, Any]:
    """A query "<part> <surname>" of `case` ("cg-<key>"; kind: the key's first two words)."""
    return {**case, "id": f"cg-{key}", "kind": "-".join(key.split("-")[:2]), "alert": alert,
            "query": {"name": f"{part.strip(chr(39)).capitalize()} {case['surname']}",
                      "schema": "Person"}}


def cases(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from clearance.match.prepare import person_role_words

    heads, titles = _heads(), person_role_words()[2]
    out: list[dict[str, Any]] = []
    for r in records:
        if r["schema"] != "Person":
            continue
        props = r["properties"]
        names = props.get("name", []) + props.get("alias", [])
        hispanic = not HISPANIC.isdisjoint(props.get("country", []))
        for k, text in enumerate(names):
            m = _NAME.fullmatch(text)
            if m is None:
                continue
            words = m.group(1).split()
            words = words[:2] if words[0] in ("AL", "EL") and len(words) > 1 else words[:1]
            surname = " ".join(w.strip("'").capitalize() for w in words)
            given = m.group(2).split()
            base = f"{r['dataset']}-{r['source_id']}-{k}"
            case = {"expected": r["entity_id"], "names": names, "surname": surname}
            compound = _parts(m.group(2), heads, titles)
            if compound is not None:
                out.append(_case(case, f"arabic-tail-{base}", compound[1], True))
                out.append(_case(case, f"arabic-head-{base}", compound[0], False))
            elif (hispanic and len(given) == 2 and all(_WORD.fullmatch(w) for w in given)
                  and min(len(w) for w in given) >= 2):
                # (the listed name's words before the comma: a second surname, left out
                # with the second given name, `run`'s second line)
                out.append({**_case(case, f"hispanic-first-{base}", given[0], True),
                            "second_surname": len(m.group(1).split()) > len(words)})
            elif len(given) == 1 and given[0].count("-") == 1:
                parts = given[0].split("-")
                if min(len(p) for p in parts) >= 2:
                    out.extend(_case(case, f"hyphen-part-{base}-{n}", p, False)
                               for n, p in enumerate(parts, 1))
    return out


def _justified(case: dict[str, Any]) -> bool:
    return any(evalsets.token_for_token(case["query"]["name"], n) for n in case["names"])


def run(verbose: bool, heldout: bool) -> None:
    from clearance.index.store import ensure_index
    from clearance.match.score import DEFAULT_THRESHOLD

    every = [c for c in cases(evalsets.load_records()) if c["alert"] or not _justified(c)]
    results = screen(every, DEFAULT_THRESHOLD, ensure_index())
    parts = evalsets.halves(every)
    for half in ("tune", "test") if heldout else ("tune",):
        counts: Counter[tuple[str, bool]] = Counter()
        totals: Counter[str] = Counter()
        for c in parts[half]:
            hit = any(m["match"] and m["entity_id"] == c["expected"]
                      for m in results.get(c["id"], []))
            totals[c["kind"]] += 1
            counts[c["kind"], hit] += 1
            if verbose and half == "tune" and hit != c["alert"]:
                score = max((m["score"] for m in results.get(c["id"], [])
                             if m["entity_id"] == c["expected"]), default=0.0)
                print(f"  {c['kind']}: {c['query']['name']!r} {'missed' if c['alert'] else 'alerts'}"
                      f" {score:.3f} ({c['names'][0]})")
        label = "tuning half" if half == "tune" else "held-out half"
        shown = ", ".join(f"{kind} {counts[kind, True]}/{totals[kind]}" for kind in sorted(totals))
        print(f"# compound_given, {label}: alerting on the listed entity: {shown} "
              "(expected: all for -tail and -first, none for -head and -part)")
        two = [c for c in parts[half] if c.get("second_surname")]
        found = sum(any(m["match"] and m["entity_id"] == c["expected"]
                        for m in results.get(c["id"], [])) for c in two)
        print(f"  hispanic-first whose listed name has a second surname, left out with the "
              f"second given name (\"Given Surname1\" for SURNAME1 SURNAME2, Given Given2): "
              f"{found}/{len(two)}")


if __name__ == "__main__":
    run_heldout_set(run)
