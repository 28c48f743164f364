"""Organisations' names in their own script, as the lists themselves give them, against the
Latin records of the same organisations.

usage: python benchmarks/script_orgs.py [--home DIR] [-v] [--heldout]

A set of its own (session 30, issue 11: "names written in their own script"), larger than
quality.py's `script_orgs` (the UN list's Arabic-script names only). Two public sources give
an organisation's name in its own script beside its Latin names:
- the UN Security Council list (../shared/data/lists/un_sc, loaded): an entity's
  NAME_ORIGINAL_SCRIPT (Arabic, Persian, Urdu, Pashto, Cyrillic) and the Han aliases some
  entries carry, read from the loaded record as its names whose script is not Latin;
- OFAC's Consolidated (non-SDN) list in its Enhanced XML
  (../shared/data/lists/ofac_consolidated_enhanced/CONS_ENHANCED.ZIP, public, *not* loaded:
  the legacy CSV the store loads has no script but Latin): a name's translations in
  Cyrillic and Chinese beside its Latin one (ПАО СБЕРБАНК beside PJSC SBERBANK).

Labelling rule (written before the first run, session 30). Each name in a script other than
Latin is one query, screened with unknown type (LegalEntity, as the web UI screens). A
source entity's *Latin names* are its Latin names of two words or more (a one-word alias,
such as an acronym, may name another organisation). A name's *distinctive words* are those
of `script_registered` (lower-case ASCII words less its `GENERIC` legal forms and
"bank", "of" ...), and words *correspond* as there (equal `fold` keys, or one edit apart
with four letters or more). A query *expects* every loaded entity that is not a person and
has a name or alias whose distinctive words correspond one to one to those of one of its
source's Latin names, and, for an OFAC source, the loaded record with the source's own id
(the same entity, named in Latin only). The UN source record itself, which carries the
queried name, is never expected: finding it tests nothing. An alert (top 10, threshold
0.80) is *justified* when the alerted entity is expected, is the source, or has a name
whose distinctive words cover (more allowed beside them) those of one of the source's
Latin names; otherwise it is a *false alert*. A query with nothing expected is dropped.
Halves by the source entity (`evalsets.split` of "<list>-<id>"), so a source's aliases
never sit in both; rules are made on the tuning half; the held-out half is printed only
with `--heldout`, to be read once, at the end. `-v` lists the tuning half's misses and
false alerts.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from typing import Any

import evalsets
from arabic_titled import shown_halves
from common import SHARED, run_heldout_set
from script_registered import NAME_PROPS, _covers, _fold, _near, _words

ENHANCED = SHARED / "data" / "lists" / "ofac_consolidated_enhanced" / "CONS_ENHANCED.ZIP"


def _latin(names: list[str]) -> list[list[str]]:
    """The distinctive words of every Latin name of two words or more."""
    return [w for n in names if len(re.findall(r"[a-z0-9]+", n.lower())) >= 2
            and (w := _words(n))]


def enhanced() -> Iterator[tuple[str, str, str, list[str]]]:
    """(source id, script, name in that script, the entity's Latin names) of every
    non-Latin translation of a non-person entity of the OFAC Enhanced XML."""
    with zipfile.ZipFile(ENHANCED) as z:
        root = ET.fromstring(z.read(z.namelist()[0]))
    ns = root.tag.split("}")[0] + "}"
    for e in root.iter(ns + "entity"):
        kind = e.findtext(f"{ns}generalInfo/{ns}entityType")
        if kind == "Individual":
            continue
        latin, other = [], []
        for t in e.iter(ns + "translation"):
            script, full = t.findtext(ns + "script") or "", t.findtext(ns + "formattedFullName")
            if full:
                (latin if script == "Latin" else other).append((script, full))
        for script, full in other:
            yield e.attrib["id"], script, full, [n for _, n in latin]


def cases(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The set's cases (see the module doc): id, half key, query, source entity,
    expected and justified entity ids."""
    from clearance.match.text import script_of

    orgs = [(str(r["entity_id"]), (r["dataset"], str(r["source_id"])),
             [_words(n) for k in NAME_PROPS for n in r["properties"].get(k, [])])
            for r in records if r["schema"] != "Person"]
    by_source = {src: e for e, src, _ in orgs}
    sources: list[tuple[str, str | None, str, str, list[str]]] = []
    for r in records:
        if r["dataset"] != "un_sc_sanctions" or r["schema"] == "Person":
            continue
        names = [n for k in ("name", "alias") for n in r["properties"].get(k, [])]
        latin = [n for n in names if script_of(n) == "latin"]
        for text in names:
            if script_of(text) != "latin":
                sources.append((f"un-{r['source_id']}", str(r["entity_id"]), script_of(text),
                                text, latin))
    for sid, script, text, latin in enhanced():
        own = by_source.get(("us_ofac_cons", sid))
        sources.append((f"ofac-{sid}", own, script.lower(), text, latin))
    holders: dict[str, set[int]] = defaultdict(set)  # listed word -> the orgs naming it
    for k, (_, _, names) in enumerate(orgs):
        for n in names:
            for word in n:
                holders[word].add(k)

    by_fold: dict[str, set[str]] = defaultdict(set)
    by_length: dict[int, set[str]] = defaultdict(set)
    for v in holders:
        by_fold[_fold(v)].add(v)
        by_length[len(v)].add(v)

    @cache
    def near(word: str) -> set[int]:
        """The orgs naming a word `_near` `word`."""
        words = by_fold[_fold(word)] | {v for size in (len(word) - 1, len(word), len(word) + 1)
                                        for v in by_length[size] if _near(word, v)}
        return set().union(*(holders[v] for v in words))

    def covered(words: list[list[str]], exact: bool) -> set[str]:
        """The orgs with a name covering one of `words` (`_covers`), looked for only among
        those holding a word near each of its words."""
        found = set()
        for w in words:
            near_each = [near(word) for word in w]
            for k in set.intersection(*near_each):
                if any(_covers(w, n, exact) for n in orgs[k][2]):
                    found.add(orgs[k][0])
        return found

    out = []
    for key, own, script, text, latin in sources:
        words = _latin(latin)
        un = key.startswith("un-")
        expected = covered(words, True)
        if own is not None:
            expected = expected - {own} if un else expected | {own}
        if not expected:
            continue
        justified = expected | {own} | covered(words, False)
        out.append({"id": f"{key}-{text}", "half": evalsets.split(key), "query": text,
                    "script": script, "latin": latin[0] if latin else "",
                    "expected": sorted(expected), "justified": sorted(e for e in justified if e)})
    return out


def run(verbose: bool, heldout: bool) -> None:
    screen(cases(evalsets.load_records()), "script_orgs", verbose, heldout)


def screen(todo: list[dict[str, Any]], label: str, verbose: bool, heldout: bool) -> None:
    """Screen each case (`cases`' fields) as a party of unknown type and print each half's
    found and false-alert counts as `label`'s (the held-out half only when `heldout`); with
    `verbose` the tuning half's misses and false alerts."""
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig

    index = ensure_index()
    cfg = ScoringConfig()
    # found, cases, cases with a false alert
    totals = {half: [0, 0, 0] for half in ("tune", "test")}
    for case in todo:
        half = case["half"]
        if half == "test" and not heldout:
            continue
        results = match_query(index, Query(case["query"], "LegalEntity"), cfg, limit=10)
        alerts = [r for r in results if r.match]
        found = any(r.entity_id in case["expected"] for r in alerts)
        false = [r for r in alerts if r.entity_id not in case["justified"]]
        t = totals[half]
        t[0] += found
        t[1] += 1
        t[2] += bool(false)
        if verbose and half == "tune" and (not found or false):
            what = "MISS" if not found else "FALSE"
            shown = false if what == "FALSE" else results[:3]
            top = "; ".join(f"{r.score:.3f}{'*' if r.match else ''} {r.matched_name}"
                            for r in shown)
            print(f"{what} {case['query']} ({case['latin']}; {case['script']}): {top}")
    for half, shown in shown_halves(heldout):
        found, n, false = totals[half]
        print(f"{label} own set {shown} (threshold {cfg.threshold}): found {found}/{n}"
              f" = {found / max(n, 1):.4f}; cases with a false alert {false}/{n}")


if __name__ == "__main__":
    run_heldout_set(run)
