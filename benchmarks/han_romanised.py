"""Chinese people's names in Han script against the romanisations a list writes them in.

usage: python benchmarks/han_romanised.py [--home DIR] [--held-out] [-v]

The set (rule of 2026-12-01, session 25, written before the first run): Faker's zh_CN and
zh_TW person names (`name()`, seed 20261201, the first 300 distinct names of two to four
characters each); each is the query, in Han script, against one listed name of the same
person in each of four spellings a sanctions list uses for a Chinese person: pinyin
"SURNAME, Given" with the given name solid (ZHANG, Xiuying), pinyin with its syllables
apart, given name first (Xiu Ying Zhang), Wade-Giles (pypinyin's `WADEGILES` style)
"SURNAME, Gi-ven" with its apostrophes (CH'EN, Hsiu-ying), and the same without them
(CHEN, Hsiu-ying). Every pair is the same name (label: match). Scored at name level as
quality.py scores pair sets: the query against an index holding only the listed name,
weighted by the loaded lists' rarity, at the default threshold. Halves by `evalsets.split`
of the case id ("hr-<locale>-<k>-<spelling>"); rules are chosen on the tuning half only.
The two-character surnames are read as `zh.person_tokens` reads them (four characters).

Known blind spot of the rule (seen by s25-wade, left as written): pypinyin 0.55's
`WADEGILES` misspells the syllables Wade-Giles writes as pinyin does (its table's unchanged
entries fall through to its finals' table): 海 hai as "hei", 賴 lai "lei", 艾 ai "ei", 霍
huo "ho", so "HUANG, Hei-yen" for 黄海燕 is no list's spelling; such pairs (14 of the
tuning half's 589 Wade-Giles pairs) are counted as the rule made them.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from common import use_home
from evalsets import split

SEED = 20261201
PER_LOCALE = 300


def _syllables(han: str, style: Any) -> tuple[list[str], list[str]]:
    from pypinyin import lazy_pinyin

    cut = 2 if len(han) == 4 else 1
    out = [s.replace("ü", "u").replace("v", "u") for s in lazy_pinyin(han, style=style)]
    return out[:cut], out[cut:]


def cases() -> list[dict[str, str]]:
    """(id, query, listed, spelling) of every pair."""
    from faker import Faker
    from pypinyin import Style

    out: list[dict[str, str]] = []
    for locale in ("zh_CN", "zh_TW"):
        fake = Faker(locale)
        fake.seed_instance(SEED)
        seen: dict[str, None] = {}
        while len(seen) < PER_LOCALE:
            name = fake.name()
            if 2 <= len(name) <= 4:
                seen.setdefault(name, None)
        for k, han in enumerate(seen):
            sur, given = _syllables(han, Style.NORMAL)
            wsur, wgiven = _syllables(han, Style.WADEGILES)
            wade = f"{''.join(wsur).upper()}, {'-'.join(wgiven).capitalize()}"
            spellings = {
                "pinyin": f"{''.join(sur).upper()}, {''.join(given).capitalize()}",
                "apart": " ".join([s.capitalize() for s in given] + [''.join(sur).capitalize()]),
                "wade": wade,
                "wade_plain": wade.replace("'", ""),
            }
            for spelling, listed in spellings.items():
                out.append({"id": f"hr-{locale}-{k}-{spelling}", "query": han,
                            "listed": listed, "spelling": spelling})
    return out


def scored(cases: list[dict[str, str]], half: str
           ) -> Iterator[tuple[dict[str, str], bool, str]]:
    """Each case of `half` ("tune" or "test"), whether its query alerts on its listed name
    (the query against an index holding only that name, as quality.py scores pair sets)
    and the top result's explanation."""
    from quality import _pair_index

    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig

    reference = ensure_index()
    cfg = ScoringConfig()
    for case in cases:
        if split(case["id"]) != half:
            continue
        record = {"entity_id": "c", "dataset": "pair", "source_id": "c",
                  "schema": "Person", "caption": case["listed"],
                  "properties": {"name": [case["listed"]]}}
        res = match_query(_pair_index(record, reference),
                          Query(name=case["query"], schema="Person"), cfg, limit=1)
        yield case, bool(res) and res[0].match, res[0].explanation if res else "no candidate"


def run(held_out: bool, verbose: bool) -> None:
    for half in ("tune", "test") if held_out else ("tune",):
        found: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for case, hit, explanation in scored(cases(), half):
            total[case["spelling"]] += 1
            found[case["spelling"]] += hit
            if verbose and not hit:
                print(f"  miss {case['id']} {case['query']} ~ {case['listed']}: {explanation}")
        label = "tuning half (in-sample)" if half == "tune" else "held-out half"
        print(f"# han_romanised, {label}: found {sum(found.values())}/{sum(total.values())}; "
              + ", ".join(f"{s} {found[s]}/{total[s]}" for s in total))


def cli(run: Callable[[bool, bool], None]) -> None:
    """This script's command line, for a pair set's `run(held_out, verbose)`."""
    p = argparse.ArgumentParser()
    p.add_argument("--home", type=Path, default=None)
    p.add_argument("--held-out", action="store_true", help="also print the held-out half")
    p.add_argument("-v", action="store_true", dest="verbose")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        use_home(args.home, tmp)
        run(args.held_out, args.verbose)


def main() -> None:
    cli(run)


if __name__ == "__main__":
    main()
