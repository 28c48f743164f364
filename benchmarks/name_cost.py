"""What one name costs a `clearance screen` worker, by script, once the worker is warm.

usage: PYTHONPATH=TREE CLEARANCE_HOME=H python benchmarks/name_cost.py
           [--names 10000] [--seed 21] [--per 40] [--callgrind OUT]

The names are `benchmarks/screen.py`'s own (`population_names(10000, seed=21)` by default:
people and companies from 23 locales in their own scripts), put in classes by script:
Latin person, Latin org, Arabic (Persian too), Hebrew, Cyrillic, Han, Hangul, kana (any
hiragana or katakana letter) and other (Devanagari, ...). Each class's first `--per`
names are timed, after the process is made as a screening worker is when it starts on its
rows (clearance/screening/batch.py, clearance/cli/match.py):
- the index is loaded and the heap frozen at once (`freeze_heap(collect=False)`, as
  `clearance screen` does after `_loaded_index`);
- warm-up: the first name of each class and the first name holding each script not met
  before (as `_first_sights` picks among a book's first rows) are screened and thrown
  away, with the tables `load_script_tables` loads for a new script (none before session
  33), so that ICU's transliterator for a script, pypinyin's and pymorphy3's tables and
  each script's resources are built before timing, as the parent builds them before the
  fork. These names are never timed;
- the heap is frozen again (as `_run` does before forking) and the collector set as a
  worker sets it (`_start_worker`: young collections every `WORKER_GC_YOUNG`
  allocations, the older generations never).
What is timed is then `match_query` of each timed name with `clearance match`'s defaults
(limit 10, min_score 0), or with `--floor F` as a `clearance screen` worker calls it
(`group.screen_query`: limit 10 x `SPAN`, min_score min(F, threshold); the CLI's `--min-score`
default is `group.MIN_SCORE`, 0.50, where `match_query` bounds candidates with
`bound.QueryBound`, which it never builds without a floor): a worker's per-name cost.
Not counted: start-up, loading the index, reading and writing rows, the pool (screen.py
measures the whole process).

cg5.py (the lead's, /work/notes/scripts) counts 500 names after 200 others with the heap
unfrozen: about a quarter of its instructions were one-time ICU transliterator builds
(13.7%) and full collections over the loaded index (10.8%), which a worker never pays a
name.

Printed: per class the names timed, CPU milliseconds a name (`time.process_time`), the
alerts, and a sha of the class's results (entity, score, explanation: a change of any
result shows); then a sha of all results. Each class runs inside one `eval`, so that
`--callgrind OUT` can re-run the script under valgrind's callgrind counting only inside
`builtin_eval` (`--toggle-collect`) with one dump per class (`--dump-after`): it prints
instructions a name by class from OUT.1, OUT.2, ... (pure Python or compiled alike).
With `--functions F ...` (compiled only: pure Python's functions all run in the eval
loop) it prints too, per class, the instructions a name inside each function whose
callgrind name ends with one of F (inclusive: `callgrind_annotate --inclusive=yes`; mypyc
names a compiled function CPyDef_MODULE___NAME, so `search___candidate_names` or
`_short_slipped`), e.g. the candidate search's lookups.
"""

from __future__ import annotations

import argparse
import gc
import glob
import hashlib
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

CLASSES = ["Latin person", "Latin org", "Arabic", "Hebrew", "Cyrillic", "Han", "Hangul",
           "kana", "other"]


def script_class(name: str, schema: str) -> str:
    """The class of a name by the scripts of its letters (kana before Han: a Japanese
    name of kanji and kana is kana; any Latin letter beside another script: the other)."""
    scripts = {unicodedata.name(ch, "?").split(" ", 1)[0] for ch in name if ch.isalpha()}
    for script, cls in (("HIRAGANA", "kana"), ("KATAKANA", "kana"), ("HANGUL", "Hangul"),
                        ("CJK", "Han"), ("ARABIC", "Arabic"), ("HEBREW", "Hebrew"),
                        ("CYRILLIC", "Cyrillic")):
        if script in scripts:
            return cls
    if scripts <= {"LATIN"}:
        return "Latin person" if schema == "Person" else "Latin org"
    return "other"


def _scripts(name: str) -> set[str]:
    from clearance.screening.batch import _scripts as scripts

    return scripts(name)


def _results_text(results: list[list]) -> str:  # type: ignore[type-arg]
    return repr([[(r.entity_id, repr(r.score), r.explanation) for r in x] for x in results])


def run(args: argparse.Namespace) -> None:
    from common import population_names

    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig
    from clearance.match.tables import freeze_heap
    from clearance.screening.batch import WORKER_GC_NEVER, WORKER_GC_YOUNG

    if args.names_file:  # drawn by the parent (`callgrind`): Faker not run under valgrind
        with open(args.names_file, encoding="utf-8") as fh:
            names = [(n, s) for n, s in json.load(fh)]
    else:
        names = population_names(args.names, seed=args.seed)
    timed: dict[str, list[tuple[str, str]]] = {c: [] for c in CLASSES}
    warm: list[tuple[str, str]] = []
    met: set[str] = set()  # the classes met
    seen: set[str] = set()  # the scripts met
    for name, schema in names:
        cls = script_class(name, schema)
        new = _scripts(name) - seen
        seen |= new
        if cls not in met or new:  # a class's first name, or a new script's: warm-up
            met.add(cls)
            warm.append((name, schema))
        elif len(timed[cls]) < args.per:
            timed[cls].append((name, schema))
    index = ensure_index()
    freeze_heap(collect=False)  # as `clearance screen` does once the index is loaded
    try:  # the tables a script's first name may leave unloaded, as `_first_sights` loads
        from clearance.match.tables import load_script_tables
    except ImportError:  # a tree before session 33: each worker loaded them itself
        def load_script_tables(script: str) -> None:
            pass
    limit, floor = 10, 0.0
    if args.floor is not None:  # as `group.screen_query` calls it (`_screen_row`)
        from clearance.screening.group import SPAN
        limit, floor = 10 * SPAN, min(args.floor, ScoringConfig().threshold)

    met_scripts: set[str] = set()
    for name, schema in warm:
        match_query(index, Query(name=name, schema=schema), limit=limit, min_score=floor)
        for script in sorted(_scripts(name) - met_scripts):
            load_script_tables(script)
        met_scripts |= _scripts(name)
    freeze_heap(collect=False)  # as `_run` does before the workers fork
    gc.set_threshold(WORKER_GC_YOUNG, WORKER_GC_NEVER, WORKER_GC_NEVER)  # `_start_worker`

    def screen(batch: list[tuple[str, str]]) -> list[list]:  # type: ignore[type-arg]
        return [match_query(index, Query(name=n, schema=s), limit=limit, min_score=floor)
                for n, s in batch]

    print(f"{len(names)} names (seed {args.seed}); warm-up {len(warm)} names, not timed")
    print(f"{'class':<13} {'names':>5} {'CPU ms/name':>11} {'alerts':>6}  sha")
    every: list[list] = []  # type: ignore[type-arg]
    for cls in CLASSES:
        batch = timed[cls]
        if not batch or (args.classes and cls not in args.classes):
            continue
        t = time.process_time()
        res = eval("screen(batch)", {"screen": screen, "batch": batch})
        cpu = time.process_time() - t
        every.extend(res)
        alerts = sum(1 for x in res for r in x if r.match)
        sha = hashlib.sha256(_results_text(res).encode()).hexdigest()[:16]
        print(f"{cls:<13} {len(batch):>5} {1000 * cpu / len(batch):>11.2f} {alerts:>6}  {sha}")
    sha = hashlib.sha256(_results_text(every).encode()).hexdigest()[:16]
    print(f"all {len(every)} names: alerts {sum(1 for x in every for r in x if r.match)}, "
          f"sha {sha}")


def callgrind(args: argparse.Namespace) -> None:
    """Re-run under callgrind, one dump per class; print instructions a name by class."""
    from common import population_names

    out = args.callgrind
    for old in glob.glob(f"{out}.[0-9]*"):
        os.remove(old)
    with open(f"{out}.names", "w", encoding="utf-8") as fh:
        json.dump(population_names(args.names, seed=args.seed), fh, ensure_ascii=False)
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
           "--collect-atstart=no", "--toggle-collect=builtin_eval",
           "--dump-after=builtin_eval", sys.executable, __file__, "--names", str(args.names),
           "--seed", str(args.seed), "--per", str(args.per), "--names-file", f"{out}.names",
           *(["--classes", *args.classes] if args.classes else []),
           *(["--floor", str(args.floor)] if args.floor is not None else [])]
    done = subprocess.run(cmd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONHASHSEED": "0"})
    print(done.stdout, end="")
    if done.returncode:
        sys.exit(done.stderr[-3000:])
    counts = {}
    for line in done.stdout.splitlines():  # the classes' lines: class, names, CPU, alerts, sha
        parts = line.rsplit(None, 4)
        if len(parts) == 5 and parts[0] in CLASSES:
            counts[parts[0]] = int(parts[1])
    dumps = sorted(glob.glob(f"{out}.[0-9]*"), key=lambda p: int(p.rsplit(".", 1)[1]))
    irs = []
    class_dumps = []
    for dump in dumps:
        with open(dump, encoding="utf-8") as fh:
            ir = next(int(line.split()[1]) for line in fh
                      if line.startswith(("summary:", "totals:")))
        if ir > 1_000_000:  # a class's eval; any other `eval` (namedtuple's) is far less
            irs.append(ir)
            class_dumps.append(dump)
    order = [c for c in CLASSES if c in counts]
    if len(irs) != len(order):
        sys.exit(f"{len(irs)} dumps of a class's size for {len(order)} classes")
    print(f"{'class':<13} {'names':>5} {'M instructions/name':>20}")
    total = 0
    for cls, ir in zip(order, irs):
        total += ir
        print(f"{cls:<13} {counts[cls]:>5} {ir / counts[cls] / 1e6:>20.2f}")
    print(f"all: {total / 1e6:,.1f} M instructions over {sum(counts.values())} names")
    if args.functions:
        _function_costs(args.functions, order, counts, class_dumps)


def _function_costs(functions: list[str], order: list[str], counts: dict[str, int],
                    dumps: list[str]) -> None:
    """Per class, instructions a name inside each of `functions` (inclusive; a callgrind
    function name ending with the given text, its compiled definition `CPyDef_` only: a
    mypyc function's `CPyPy_` wrapper, called from interpreted code, calls it); `dumps`:
    the classes' dumps, in `order`."""
    print(f"{'inclusive M instructions/name':<30}" + "".join(f"{c[:10]:>11}" for c in order))
    per_class = []
    for dump in dumps:
        done = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100",
                               "--auto=no", dump], capture_output=True, text=True)
        irs: dict[str, int] = {}
        for line in done.stdout.splitlines():  # "1,234 (5.6%)  file.c:function'2 [obj]"
            m = re.match(r"\s*([\d,]+)\s+\([^)]*\)\s+(.*)$", line)
            if not m:
                continue
            name = m.group(2).split(" [", 1)[0].rsplit(":", 1)[-1].split("'", 1)[0]
            for f in functions:
                if name.startswith("CPyDef_") and name.endswith(f):
                    # (a function's inlined parts are listed again under a header's name:
                    # the largest is the function's inclusive count)
                    irs[f] = max(irs.get(f, 0), int(m.group(1).replace(",", "")))
        per_class.append(irs)
    for f in functions:
        print(f"{f[-30:]:<30}" + "".join(
            f"{irs.get(f, 0) / counts[c] / 1e6:>11.3f}" for c, irs in zip(order, per_class)))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--names", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=21)
    p.add_argument("--per", type=int, default=40, help="names timed a class")
    p.add_argument("--callgrind", metavar="OUT", help="run under callgrind, dumps OUT.N")
    p.add_argument("--classes", nargs="*", help="time these classes only (their names)")
    p.add_argument("--names-file", help="the names as JSON [[name, schema], ...] instead")
    p.add_argument("--floor", type=float, help="screen as `clearance screen` does with this"
                   " --min-score (its default: 0.5); without it, min_score 0 (no bound)")
    p.add_argument("--functions", nargs="*", help="with --callgrind: instructions a name "
                   "inside each compiled function whose name ends so (`_units`)")
    args = p.parse_args()
    if args.callgrind:
        callgrind(args)
    else:
        run(args)


if __name__ == "__main__":
    main()
