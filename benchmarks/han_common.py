"""False alerts on ordinary Chinese people's names written in Han characters.

usage: python benchmarks/han_common.py [--home DIR] [--held-out] [-v]

A Chinese book holds its customers' names in Han script, most of them two or three
characters (surname and given name), and many written with characters the Chinese
transcription of foreign names uses too (安娜, 米拉): reading such a name as a foreign one
(`match.han`) must not make it alert on the lists' foreign names.

The set (rule of 2026-12-01, session 27, written after a probe of other Faker names, seed
99, and before this set's first run): Faker's zh_CN and zh_TW person names (`name()`, seed
20261203), the first `PER_LOCALE` distinct names of each locale, each a query screened as a
Person against every bundled list at the default threshold. Labelling rule: an alert is
justified when the list name it matched (`matched_name`), in lower case, its hyphens and
apostrophes dropped and split at anything else that is no letter, holds the same words as
a romanisation of the query: the surname's pinyin or Wade-Giles (pypinyin's NORMAL and
WADEGILES styles, ü written u, v or yu), and the given name's syllables in the same style,
joined or apart, in any order. A query whose alerts are all unjustified is a false alert.
Halves by `evalsets.split` of the case id ("hc-<locale>-<k>"): rules are chosen on the
tuning half only.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from evalsets import split
from han_romanised import cli

SEED = 20261203
PER_LOCALE = {"zh_CN": 3000, "zh_TW": 1000}


def cases() -> list[dict[str, str]]:
    """(id, query) of every case."""
    from faker import Faker

    out: list[dict[str, str]] = []
    for locale, count in PER_LOCALE.items():
        fake = Faker(locale)
        fake.seed_instance(SEED)
        seen: dict[str, None] = {}
        while len(seen) < count:
            seen.setdefault(fake.name(), None)
        out += [{"id": f"hc-{locale}-{k}", "query": name} for k, name in enumerate(seen)]
    return out


def romanisations(han: str) -> set[tuple[str, ...]]:
    """The query's romanisations as sorted words (the labelling rule's)."""
    from pypinyin import Style, lazy_pinyin

    cut = 2 if len(han) == 4 else 1
    out: set[tuple[str, ...]] = set()
    for style in (Style.NORMAL, Style.WADEGILES):
        syllables = [s.replace("'", "").replace("ü", "v") for s in lazy_pinyin(han, style=style)]
        for umlaut in ("u", "v", "yu"):
            spelt = [s.replace("v", umlaut) for s in syllables]
            surname, given = "".join(spelt[:cut]), spelt[cut:]
            out.add(tuple(sorted([surname, "".join(given)])))
            out.add(tuple(sorted([surname, *given])))
    return out


def justified(query: str, matched_name: str) -> bool:
    words = re.split(r"[^a-z]+", re.sub(r"[-'’]", "", matched_name.lower()))
    return tuple(sorted(w for w in words if w)) in romanisations(query)


def run(held_out: bool, verbose: bool) -> None:
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig

    index: Any = ensure_index()
    cfg = ScoringConfig()
    every = cases()
    for half in ("tune", "test") if held_out else ("tune",):
        counts: Counter[str] = Counter()
        for case in (c for c in every if split(c["id"]) == half):
            counts["queries"] += 1
            alerts = [r for r in match_query(index, Query(name=case["query"], schema="Person"),
                                             cfg, limit=10) if r.match]
            if not alerts:
                continue
            counts["any alert"] += 1
            if not any(justified(case["query"], r.matched_name) for r in alerts):
                counts["false"] += 1
                if verbose:
                    print(f"  false {case['id']} {case['query']} ~ {alerts[0].matched_name}: "
                          f"{alerts[0].explanation}")
        label = "tuning half (in-sample)" if half == "tune" else "held-out half"
        print(f"# han_common, {label}: false alerts {counts['false']}/{counts['queries']} "
              f"({counts['false'] / max(counts['queries'], 1):.2%}); any alert "
              f"{counts['any alert']}/{counts['queries']}")


def main() -> None:
    cli(run)


if __name__ == "__main__":
    main()
