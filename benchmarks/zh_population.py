"""False alerts on Han-script names as real books hold them (Faker's zh_CN and zh_TW).

usage: python benchmarks/zh_population.py [--home DIR] [-n N] [--seed S] [-v]

Session 18: a second (Cantonese) reading of a Han person's name, and more Chinese business
terms, each give a chance collision more ways to happen. This screens N distinct person
names and N/4 company names from each of the two locales against every bundled list (as
`population_names` mixes them: four people to one company) and counts the names with a
result at the threshold. None of them is a listed party, so every one is a false alert
(a Faker name can coincide with a listed one; `-v` prints them to check). Run it with
the base tree and this tree on the same seed.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import use_home


def names(n: int, seed: int) -> list[tuple[str, str]]:
    """(name, schema): n distinct people and up to n // 4 distinct companies (as many as
    Faker has) from each of zh_CN and zh_TW."""
    from faker import Faker

    out: list[tuple[str, str]] = []
    for locale in ("zh_CN", "zh_TW"):
        fake = Faker(locale)
        fake.seed_instance(seed)
        for count, schema, make in ((n, "Person", fake.name), (n // 4, "Company", fake.company)):
            seen: dict[str, None] = {}
            for _ in range(count * 20):  # Faker has only some 300-400 company names a locale
                seen.setdefault(make(), None)
                if len(seen) == count:
                    break
            out += [(name, schema) for name in seen]
    return out


def run(n: int, seed: int, verbose: bool) -> None:
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig

    index = ensure_index()
    cfg = ScoringConfig()
    alerts: dict[str, int] = {"Person": 0, "Company": 0}
    totals: dict[str, int] = {"Person": 0, "Company": 0}
    for name, schema in names(n, seed):
        res = match_query(index, Query(name=name, schema=schema), cfg, limit=1)
        totals[schema] += 1
        if res and res[0].match:
            alerts[schema] += 1
            if verbose:
                print(f"alert {schema} {name}: {res[0].score:.3f} {res[0].name} "
                      f"({res[0].explanation})")
    for schema in ("Person", "Company"):
        print(f"zh_population {schema} (zh_CN + zh_TW, seed {seed}, threshold "
              f"{cfg.threshold}): {alerts[schema]} alerts / {totals[schema]} names")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--home", type=Path, default=None)
    p.add_argument("-n", type=int, default=2000)
    p.add_argument("--seed", type=int, default=18)
    p.add_argument("-v", action="store_true", dest="verbose")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        use_home(args.home, tmp)
        run(args.n, args.seed, args.verbose)


if __name__ == "__main__":
    main()
