"""What every benchmark script shares: where ../shared is, the bundled lists, percentiles,
the header each one prints, and a generator of real-looking names that are not list names."""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
#: The five publications `make run` loads (folders under ../shared/data/lists).
BUNDLED = ["ofac_sdn", "ofac_consolidated", "trade_csl", "bis_dpl", "un_sc"]

#: Locales whose name and company providers feed `population_names`: the countries and
#: scripts a bank's or a city's counterparty book holds (Latin, Cyrillic, Han, Kana,
#: Hangul, Arabic, Persian, Hebrew, Devanagari, Vietnamese).
LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "es_MX", "pt_BR", "it_IT", "nl_NL",
           "pl_PL", "tr_TR", "ru_RU", "uk_UA", "zh_CN", "zh_TW", "ja_JP", "ko_KR", "ar_SA",
           "fa_IR", "he_IL", "hi_IN", "vi_VN", "id_ID"]


#: the `clearance` command of the Python running the benchmark (its venv)
CLEARANCE = str(Path(sys.executable).parent / "clearance")


def tree_envs(work: Path, trees: dict[str, str], loaded: Path | None = None
              ) -> dict[str, dict[str, str]]:
    """An environment per tree compared (label -> PYTHONPATH of its package, "" for this
    tree), each with a CLEARANCE_HOME of its own under `work` holding the bundled lists:
    loaded once (or copied from `loaded`) and copied without the index, so that each tree
    builds its index with its own code, as a user upgrading would."""
    envs = {label: {**os.environ, "CLEARANCE_HOME": str(work / f"home-{label}"),
                    "PYTHONPATH": path} for label, path in trees.items()}
    first, *others = envs.values()
    if loaded is None:
        subprocess.run([CLEARANCE, "lists", "load",
                        *(str(SHARED / "data" / "lists" / d) for d in BUNDLED)],
                       env=first, check=True, capture_output=True)
    else:
        shutil.copytree(loaded, first["CLEARANCE_HOME"], ignore=shutil.ignore_patterns("index"))
    for env in others:
        shutil.copytree(first["CLEARANCE_HOME"], env["CLEARANCE_HOME"],
                        ignore=shutil.ignore_patterns("index"))
    return envs


def use_home(home: Path | None, tmp: str) -> None:
    """Point CLEARANCE_HOME at `home`, or, without one, at the empty folder `tmp` with the
    bundled lists loaded into it (a load error ends the benchmark)."""
    if home is not None:
        os.environ["CLEARANCE_HOME"] = str(home)
        return
    os.environ["CLEARANCE_HOME"] = tmp
    from clearance.store.load import load_paths

    for res in load_paths([SHARED / "data" / "lists" / d for d in BUNDLED]):
        if res.error is not None:
            sys.exit(f"load failed: {res.error}")


def run_own_set(run: Callable[[bool], None]) -> None:
    """The command line of an own-set benchmark (arabic_unlinked.py, russian_orgs.py ...):
    --home, a CLEARANCE_HOME with the bundled lists loaded (by default a temporary one is
    loaded, `use_home`), and -v, which has `run` list the misses."""
    _run_parsed(lambda args: run(args.verbose), heldout=False)


def run_heldout_set(run: Callable[[bool, bool], None]) -> None:
    """`run_own_set` with --heldout, which has `run` print the held-out half's totals too
    (`run(verbose, heldout)`; read once, at the end of a session)."""
    _run_parsed(lambda args: run(args.verbose, args.heldout), heldout=True)


def _run_parsed(run: Callable[[argparse.Namespace], None], heldout: bool) -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--home", type=Path, default=None)
    p.add_argument("-v", action="store_true", dest="verbose")
    if heldout:
        p.add_argument("--heldout", action="store_true")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        use_home(args.home, tmp)
        run(args)


def run_forms_set(cases: Callable[[], list[dict[str, object]]]) -> None:
    """The command line of a set of forms (country_forms.py, trade_forms.py ...):
    `run_own_set` of `run_forms`, the cases made once the home is in use."""
    run_own_set(lambda verbose: run_forms(cases(), verbose))


def run_forms(cases: list[dict[str, object]], verbose: bool) -> None:
    """Query each case ("id": "<name>|<form>", "query", "alert", "entities") as an
    Organization, and print per half (`evalsets.split` of the name) and form how many
    alerted (threshold 0.80, top 5) on one of its entities, or did not, as expected
    (country_forms.py, trade_forms.py); -v lists the others."""
    from collections import defaultdict

    from evalsets import split

    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query

    index = ensure_index()
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    wanted: dict[str, bool] = {}
    for case in cases:
        entities = case["entities"]
        assert isinstance(entities, set)
        results = match_query(index, Query(str(case["query"]), "Organization"), limit=5)
        alerted = any(r.match and r.entity_id in entities for r in results)
        name, form = str(case["id"]).rsplit("|", 1)
        half = split(name)
        right = alerted == case["alert"]
        wanted[form] = bool(case["alert"])
        tally[(half, form)][0] += right
        tally[(half, form)][1] += 1
        if verbose and not right:
            print(f"  {half} {form}: {case['query']!r} {'missed' if case['alert'] else 'alerts'}")
    for (half, form), (good, total) in sorted(tally.items()):
        want = "alert" if wanted[form] else "no alert"
        print(f"{half:5} {form:16} {good}/{total} as expected ({want})")


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of the values, nearest-rank."""
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def header(caches: str) -> None:
    """Print what a reader needs to trust a figure: the command, the machine, the caches."""
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = os.getloadavg()[0]
    print(f"$ {shlex.join(['python', *sys.argv])}")
    print(f"machine: {os.cpu_count()} cores, {mem:.0f} GiB, {platform.machine()}, "
          f"Python {platform.python_version()}, load average {load:.2f} at start")
    print(f"caches: {caches}")


def population_names(n: int, seed: int, exclude: set[str] | None = None,
                     locales: list[str] | None = None) -> list[tuple[str, str]]:
    """N distinct (name, schema) pairs as real books hold them: people and registered
    companies from 23 locales (or `locales`), in their own scripts (Faker's per-locale
    name lists).

    Most of their tokens are not list tokens, so nothing the index memoised at build
    time makes them cheaper; `exclude` keeps names another set already uses apart.
    """
    from faker import Faker

    locales = LOCALES if locales is None else locales
    fake = Faker(locales)
    fake.seed_instance(seed)
    seen = set(exclude or ())
    out: list[tuple[str, str]] = []
    i = 0
    while len(out) < n:
        local = fake[locales[i % len(locales)]]
        i += 1
        person = i % 5 != 0  # four people to one company, as retail books run
        name = local.name() if person else local.company()
        if name not in seen:
            seen.add(name)
            out.append((name, "Person" if person else "Company"))
    return out


def run_listed(title: str, cases: list[tuple[str, str]], verbose: bool, half: str) -> None:
    """Screen listed people written in another script (`cases`: (written, the listed name
    as the SDN list writes it)) as Person against the whole index, and print per half
    (`evalsets.split` of the written name) how many alerted on an entity the listed name
    itself alerts on (hangul_listed.py, cyrillic_listed.py); -v lists the misses of the
    half shown ("all": both)."""
    from evalsets import split

    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig

    index = ensure_index()
    cfg = ScoringConfig()
    found = {"tune": 0, "test": 0}
    total = {"tune": 0, "test": 0}
    unlisted = []
    for written, listed in cases:
        expected = {r.entity_id for r in match_query(index, Query(listed, "Person"), cfg)
                    if r.match}
        if not expected:
            unlisted.append(listed)
            continue
        part = split(written)
        res = match_query(index, Query(written, "Person"), cfg, limit=10)
        hit = any(r.match and r.entity_id in expected for r in res)
        total[part] += 1
        found[part] += hit
        if verbose and not hit and half in (part, "all"):
            best = f"{res[0].score:.3f} {res[0].name}" if res else "no candidate"
            print(f"miss ({part}): {written} ({listed}) | best {best}")
    if unlisted:
        raise SystemExit(f"no alert on the listed name itself: {unlisted}")
    shown = ("tune", "test") if half == "all" else (half,)
    print(f"{title} (threshold {cfg.threshold}): " + ", ".join(
        f"{'tuning half (in-sample)' if h == 'tune' else 'held-out half'} "
        f"{found[h]}/{total[h]}" for h in shown))
