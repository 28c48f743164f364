"""Listed people's names as Arabic- and Persian-language press writes them, titles included.

usage: python benchmarks/arabic_titled.py [--home DIR] [-v] [--heldout]

A set of its own (session 19, issue 11). People of the OFAC SDN list (the uid below) whom
Arabic- and Persian-language newspapers, agencies and Wikipedia name often: Lebanese,
Iraqi, Yemeni, Syrian, Palestinian and al-Qaida figures, and Iranian officials.
Labelling rule: the query is the person's given and family name from the SDN record as
Arabic or Persian writes it (the writer's spelling, session 19: the form Arabic or Persian
Wikipedia titles the person's article with, as far as the writer knows it), bare, and
with the titles that press puts before it for that person: a religious title (السيد /
سید Sayyid, الشيخ Sheikh, الحاج / حاج Hajji, آیت‌الله Ayatollah, حجت‌الاسلام Hojatoleslam),
an office (الرئيس President) or a military rank (اللواء Major General, سردار / سرلشکر /
سپهبد / دریابان), and it should alert on that SDN record among the top 10. Screened as a
Person against the whole index (the bundled lists), as a book is.

Each text is also asked in the forms keyboards give it (`variants`): Arabic text with a
bare alef for أ / إ / آ and ه for a final ة; Persian text with Arabic's ي and ك for ی and
ک, and with its non-joiners left out and as spaces.

Halves by the SDN uid (`evalsets.split`), every form of a person in one half: rules are
made on the tuning half; the held-out half's total is printed only with `--heldout`, to
be read once, at the end. `-v` lists the tuning half's misses (never the held-out half's).

--home: a CLEARANCE_HOME with the bundled lists loaded; by default a temporary one is
loaded from ../shared/data/lists.
"""

from __future__ import annotations

from typing import Any

import evalsets
from common import run_heldout_set

ZWNJ = "\u200c"

#: (SDN uid, the name as Arabic or Persian writes it, bare and with the press's titles)
CASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Lebanon (Hizballah)
    ("2686", ("حسن نصر الله", "السيد حسن نصر الله", "سماحة السيد حسن نصر الله")),
    ("24514", ("نعيم قاسم", "الشيخ نعيم قاسم")),
    ("22303", ("هاشم صفي الدين", "السيد هاشم صفي الدين")),
    ("30218", ("نبيل قاووق", "الشيخ نبيل قاووق")),
    ("24520", ("محمد يزبك", "الشيخ محمد يزبك")),
    ("16226", ("محمد كوثراني", "الشيخ محمد كوثراني")),
    ("2679", ("محمد حسين فضل الله", "السيد محمد حسين فضل الله")),
    # Iraq
    ("28004", ("قيس الخزعلي", "الشيخ قيس الخزعلي")),
    ("11461", ("أبو مهدي المهندس", "الحاج أبو مهدي المهندس")),
    ("30242", ("فالح الفياض",)),
    # Yemen
    ("17927", ("عبد الملك الحوثي", "السيد عبد الملك الحوثي", "السيد عبدالملك الحوثي")),
    # Syria
    ("12735", ("بشار الأسد", "الرئيس بشار الأسد")),
    ("12725", ("ماهر الأسد", "اللواء ماهر الأسد")),
    ("12722", ("علي مملوك", "اللواء علي مملوك")),
    ("10725", ("رامي مخلوف",)),
    ("15945", ("أبو محمد الجولاني", "الشيخ أبو محمد الجولاني")),
    # al-Qaida
    ("2676", ("أيمن الظواهري", "الدكتور أيمن الظواهري", "الشيخ أيمن الظواهري")),
    ("6365", ("أسامة بن لادن", "الشيخ أسامة بن لادن", "أسامة بن محمد بن عوض بن لادن")),
    ("6901", ("سيف العدل",)),
    # Palestine
    ("23627", ("إسماعيل هنية",)),
    ("18528", ("يحيى السنوار",)),
    # Iran
    ("26945", ("علی خامنه‌ای", "سید علی خامنه‌ای", "آیت‌الله سید علی خامنه‌ای",
               "آیت‌الله علی خامنه‌ای")),
    ("27848", ("مجتبی خامنه‌ای", "سید مجتبی خامنه‌ای", "حجت‌الاسلام سید مجتبی خامنه‌ای")),
    ("27844", ("ابراهیم رئیسی", "سید ابراهیم رئیسی", "حجت‌الاسلام سید ابراهیم رئیسی",
               "آیت‌الله سید ابراهیم رئیسی")),
    ("26950", ("محمدجواد ظریف", "محمد جواد ظریف", "دکتر محمدجواد ظریف")),
    ("23472", ("صادق آملی لاریجانی", "آیت‌الله صادق آملی لاریجانی")),
    ("28541", ("احمد جنتی", "آیت‌الله احمد جنتی")),
    ("10481", ("قاسم سلیمانی", "سردار قاسم سلیمانی", "سپهبد قاسم سلیمانی", "حاج قاسم سلیمانی")),
    ("27850", ("محمد باقری", "سرلشکر محمد باقری")),
    ("12057", ("محمدرضا نقدی", "سردار محمدرضا نقدی")),
    ("12066", ("محمدعلی جعفری", "سرلشکر محمدعلی جعفری")),
    ("12060", ("احمد وحیدی", "سردار احمد وحیدی")),
    ("26942", ("امیرعلی حاجی‌زاده", "سردار امیرعلی حاجی‌زاده")),
    ("28315", ("علی شمخانی", "دریابان علی شمخانی")),
    ("12252", ("غلامحسین محسنی اژه‌ای", "حجت‌الاسلام غلامحسین محسنی اژه‌ای")),
    ("12255", ("حیدر مصلحی", "حجت‌الاسلام حیدر مصلحی")),
    ("30422", ("محمود علوی", "سید محمود علوی")),
    ("10483", ("محمد حجازی", "سردار محمد حجازی")),
    ("26941", ("محمد پاکپور", "سردار محمد پاکپور")),
    ("10480", ("علی‌اکبر احمدیان", "سردار علی‌اکبر احمدیان")),
    # listed with the title as a name: the title still meets it
    ("19229", ("سید محمد هاشمی",)),
    ("26526", ("آیت‌الله ابراهیمی",)),
)

_PERSIAN = "یکپچژگ" + ZWNJ


def variants(text: str) -> list[str]:
    """The text as written, and the forms keyboards give it (see the module doc)."""
    out = [text]
    if any(ch in _PERSIAN for ch in text):
        arabic = text.replace("ی", "ي").replace("ک", "ك")
        out += [arabic]
        if ZWNJ in text:
            out += [text.replace(ZWNJ, ""), text.replace(ZWNJ, " ")]
    else:
        bare = text.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
        bare = " ".join(w[:-1] + "ه" if w.endswith("ة") else w for w in bare.split())
        out += [bare]
    seen: list[str] = []
    for v in out:
        if v not in seen:
            seen.append(v)
    return seen


def screen_person(index: Any, cfg: Any, text: str, uid: str, dataset: str | None = None
                  ) -> tuple[bool, list[Any], list[Any]]:
    """Screen `text` as a Person (top 10): whether it alerts on the SDN record `uid`, that
    record's results, and all results."""
    from clearance.match.engine import match_query
    from clearance.match.score import Query

    results = match_query(index, Query(text, "Person"), cfg, limit=10)
    found = [r for r in results
             if r.source_id == uid and (dataset is None or r.dataset == dataset)]
    return any(r.match for r in found), found, results


def run(verbose: bool, heldout: bool) -> None:
    from clearance.index.store import ensure_index
    from clearance.match.score import ScoringConfig

    index = ensure_index()
    cfg = ScoringConfig()
    totals = {"tune": [0, 0], "test": [0, 0]}
    bare = {"tune": [0, 0], "test": [0, 0]}
    for uid, names in CASES:
        half = evalsets.split(uid)
        for k, name in enumerate(names):
            for text in variants(name):
                hit, found, results = screen_person(index, cfg, text, uid)
                totals[half][0] += hit
                totals[half][1] += 1
                if k == 0:
                    bare[half][0] += hit
                    bare[half][1] += 1
                if verbose and half == "tune" and not hit:
                    print(f"MISS {uid} {text!r}: {miss_note(found, results)}")
    for half, label in shown_halves(heldout):
        print(recall_line("arabic_titled", label, cfg.threshold, totals[half])
              + f" (bare names {bare[half][0]}/{bare[half][1]})")


def score_people(title: str, cases: list[tuple[str, str, str]], verbose: bool,
                 held_out: bool) -> None:
    """Screen each (SDN uid, listed name, written text) as a Person, count per half whether
    it alerts on its SDN record, and print each shown half's recall (misses of the tuning
    half with `verbose`): the shared loop of the sets of names written in a script."""
    from clearance.index.store import ensure_index
    from clearance.match.score import ScoringConfig

    index = ensure_index()
    cfg = ScoringConfig()
    totals = {"tune": [0, 0], "test": [0, 0]}
    for uid, name, text in cases:
        half = evalsets.split(uid)
        if half == "test" and not held_out:
            continue
        hit, found, results = screen_person(index, cfg, text, uid, "us_ofac_sdn")
        totals[half][0] += hit
        totals[half][1] += 1
        if verbose and half == "tune" and not hit:
            print(f"MISS {uid} {name} | {text}: {miss_note(found, results)}")
    for half, label in shown_halves(held_out):
        print(recall_line(title, label, cfg.threshold, totals[half]))


def recall_line(title: str, label: str, threshold: float, counts: list[int]) -> str:
    """"<title> <half> (threshold T): recall hits/n = r" of a half's [hits, n]."""
    hits, n = counts
    return (f"{title} {label} (threshold {threshold}): recall {hits}/{n} = "
            f"{hits / max(n, 1):.4f}")


def miss_note(found: list[Any], results: list[Any]) -> str:
    """The expected record's best result and the top result, for a miss line."""
    best = f"{found[0].score:.3f} {found[0].matched_name}" if found else "not a candidate"
    top = f"{results[0].score:.3f} {results[0].matched_name}" if results else "-"
    return f"{best}; top {top}"


def shown_halves(held_out: bool) -> list[tuple[str, str]]:
    """The halves printed: the tuning half, and the held-out half with `--heldout`."""
    return [("tune", "tuning half")] + ([("test", "held-out half")] if held_out else [])


if __name__ == "__main__":
    run_heldout_set(run)
