"""Listed Iranians' names as Persian writes them, against the bundled lists.

usage: python benchmarks/persian_listed.py [--home DIR] [-v]

A set of its own (session 18): people of the SDN's Iran programs (IRAN, IRGC, IFSR, SDGT)
whose family names carry a Persian ending: a silent final he (ZANGANEH زنگنه), the -ei
written ‌ای after one (KHAMENEI خامنه‌ای, EJEI اژه‌ای), -zadeh زاده, -pour پور, -nia نیا
and -ei / -i ی after a vowel (MIRZAEI میرزایی). Labelling rule: the query is the person's
given name and family name from the SDN record (uid below) in Persian orthography as the
Persian Academy's rules write it (a zero-width non-joiner, U+200C, between the parts of one
word after a joining letter: خامنه‌ای, تقی‌پور), and it should alert on that record. Each
name is also asked in the two ways keyboards often write it: the non-joiner left out (the
parts run together: خامنهای) and a space in its place (خامنه ای). The Persian spellings are
the writer's (session 18) from the Persian orthography of these common names; the two
best-known (خامنه‌ای, اژه‌ای) are how Persian Wikipedia titles their articles. No halves:
a small set made with the rules it checks, so its figure says what the rules read, not
how well they generalise (quality.py's held-out Arabic half does that).

--home: a CLEARANCE_HOME with the bundled lists loaded; by default a temporary one is
loaded from ../shared/data/lists.
"""

from __future__ import annotations

from common import run_own_set

ZWNJ = "\u200c"

#: (SDN uid, Persian given name and family name)
CASES: tuple[tuple[str, str], ...] = (
    ("26945", "علی خامنه‌ای"),
    ("26945", "سید علی خامنه‌ای"),
    ("26945", "علی حسینی خامنه‌ای"),
    ("27848", "مجتبی خامنه‌ای"),
    ("12252", "غلامحسین محسنی اژه‌ای"),
    ("24527", "تورج زنگنه"),
    ("29789", "بیژن زنگنه"),
    ("26942", "امیرعلی حاجی‌زاده"),
    ("26942", "امیر علی حاجی‌زاده"),
    ("10659", "احمد فروزنده"),
    ("13106", "علی‌اکبر طباطبایی"),
    ("15147", "حسین تنیده"),
    ("15550", "رضا تقی‌پور"),
    ("15573", "رضا مظفری‌نیا"),
    ("16139", "رضا پارسایی"),
    ("22266", "مرتضی فراست‌پور"),
    ("22691", "فرشاد حاکم‌زاده"),
    ("26548", "اکبر مطلبی‌زاده"),
    ("27032", "محمد فخرزاده"),
    ("27162", "مهدی ابراهیم‌زاده"),
    ("28545", "عباسعلی کدخدایی"),
    ("28685", "ولی قلی‌زاده"),
    ("28921", "یحیی محمودزاده"),
    ("29623", "محمود مدنی‌پور"),
    ("29805", "سعید مصطفایی"),
    ("29815", "محمد خلیل‌زاده"),
    ("29826", "رضا میرزایی"),
    ("29907", "محمد قنادی مراغه"),
    ("30362", "امیرمنصور برقعی"),
    ("39076", "قاسم رضایی"),
    ("39437", "عیسی زارع‌پور"),
    ("39439", "حسین ساجدی‌نیا"),
)


def variants(text: str) -> list[str]:
    """The name as written, and with its non-joiners left out and as spaces."""
    out = [text]
    if ZWNJ in text:
        out += [text.replace(ZWNJ, ""), text.replace(ZWNJ, " ")]
    return out


def run(verbose: bool) -> None:
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig

    index = ensure_index()
    cfg = ScoringConfig()
    total = hits = 0
    for uid, name in CASES:
        for text in variants(name):
            total += 1
            results = match_query(index, Query(text, "Person"), cfg, limit=10)
            found = [r for r in results if r.source_id == uid]
            hit = any(r.match for r in found)
            hits += hit
            if verbose:
                best = (f"{found[0].score:.3f} {found[0].matched_name}" if found
                        else "not a candidate")
                top = (f"{results[0].score:.3f} {results[0].matched_name}" if results
                       else "-")
                print(f"{'hit ' if hit else 'MISS'} {uid} {text!r}: {best}; top {top}")
    print(f"persian_listed: {hits}/{total} alert on the listed person")


def main() -> None:
    run_own_set(run)


if __name__ == "__main__":
    main()
