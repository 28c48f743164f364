"""A listed company's subsidiaries and branches as books write them: "<name> <country or
region> <that country's legal form>" ("Hikvision UK Limited", "Rosneft Deutschland GmbH").

usage: python benchmarks/subsidiary_forms.py [--home DIR] [-v] [--heldout]
       (the tuning half; --heldout adds the held-out half, read once at a session's end)

A set of its own (session 38, s38-country; issue 11). Labelling rule (written 2026-12-02
before the first run):
- positives: every name N of registered_forms.py's rule over every country the lists name
  (`registered_forms.listed_names`: a Company or Organization giving exactly one country,
  N of one to six Latin words, none a word of a legal form or a country's name), one name
  in six (the second byte of SHA-256 of N, 0 modulo 6: a stable sample; the first byte
  splits the halves), each queried as an
  Organization in every form of `FORMS` (the country or region a branch serves, in the
  short form, own-language name or region word books write, and that country's legal form
  as its register writes it); each is expected to alert (threshold 0.80, top 5) on one of
  the entities listed with N. The subsidiary of a listed company is a party to review.
- negatives: company names of Faker's locales of `FORMS`' countries (seed 20261202,
  `NEGATIVES` names a locale, a name drawn before dropped), their legal-form words
  (registered_forms' and `FORMS`') removed, each queried in the same forms. No alert is
  justified unless some name of the alerted entity corresponds token for token to the
  name without its qualifier and form (`evalsets.token_for_token`); an unjustified alert
  is a false alert. The base name (no qualifier, no form) is screened too, so the forms'
  own false alerts stand apart from the name's.
Halves by `evalsets.split` of N (a name's forms in one half). (The first run sampled by
the first byte, which `split` reads too: every name fell in the tuning half; that sample,
measured while working, shares no name with the held-out half of this one.) Prints, per half, the
positives' recall and alerts a positive per form, and the negatives' false alerts per form.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from functools import cache

from common import run_heldout_set
from evalsets import split, token_for_token
from registered_forms import _form_words, _key, listed_names

from clearance.match.engine import MatchResult

#: form id -> (query pattern, "{}" where the name stands); public knowledge of how
#: subsidiaries register (the country's company law's form, its short or own name)
FORMS: dict[str, str] = {
    "gb-uk": "{} UK Limited",
    "us-usa": "{} USA Inc.",
    "us-us": "{} US LLC",
    "de-own": "{} Deutschland GmbH",
    "es-own": "{} España S.L.",
    "it-own": "{} Italia S.r.l.",
    "nl-own": "{} Nederland B.V.",
    "pl-own": "{} Polska Sp. z o.o.",
    "tr-own": "{} Türkiye A.Ş.",
    "au-name": "{} Australia Pty Ltd",
    "ae-uae": "{} UAE FZE",
    "cn-prc": "{} PRC Co., Ltd.",
    "eu-region": "{} Europe B.V.",
    "apac-region": "{} Asia Pacific Pte. Ltd.",
    "me-region": "{} Middle East FZ-LLC",
    "emea-region": "{} EMEA Ltd",
    "latam-region": "{} Latin America S.A.",
}
#: Faker locales of the forms' countries, for the negatives
LOCALES = ("en_GB", "en_US", "de_DE", "es_ES", "it_IT", "nl_NL", "pl_PL", "tr_TR", "en_AU")
NEGATIVES = 40
SEED = 20261202


def _sampled(name: str) -> bool:
    return hashlib.sha256(name.encode()).digest()[1] % 6 == 0


def _form_words_all() -> frozenset[str]:
    words = set(_form_words())
    for pattern in FORMS.values():
        words.update(_key(pattern.replace("{}", " ")).split())
    return frozenset(words)


def positives() -> dict[str, set[str]]:
    """N -> the entities listed with N (the rule above)."""
    table = {code: ("", (), ()) for code in _all_codes()}
    words = _form_words_all()
    names: dict[str, set[str]] = defaultdict(set)
    for (name, _), entities in listed_names(table).items():
        if _sampled(name) and name.isascii() and words.isdisjoint(name.split()):
            names[name].update(entities)
    return dict(sorted(names.items()))


def _all_codes() -> set[str]:
    from clearance.store import iter_records

    return {c for r in iter_records() for c in r["properties"].get("country", [])}


def negatives() -> list[str]:
    """Faker company names of `LOCALES`, their legal-form words removed."""
    from faker import Faker

    words = _form_words_all()
    seen: set[str] = set()
    out: list[str] = []
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(SEED)
        k = tries = 0
        while k < NEGATIVES and tries < NEGATIVES * 20:
            tries += 1
            raw = fake.company()
            kept = [w for w in re.split(r"\s+", raw) if _key(w) and not
                    set(_key(w).split()) <= words]
            name = " ".join(kept).strip(" ,-&")
            if name and name not in seen:
                seen.add(name)
                out.append(name)
                k += 1
    return out


def run(verbose: bool, heldout: bool) -> None:
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query

    index = ensure_index()
    halves = ("tune", "test") if heldout else ("tune",)
    found: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for name, entities in positives().items():
        half = split(name)
        if half not in halves:
            continue
        for form, pattern in FORMS.items():
            query = pattern.format(name.title())
            results = match_query(index, Query(query, "Organization"), limit=5)
            hit = any(r.match and r.entity_id in entities for r in results)
            tally = found[(half, form)]
            tally[0] += hit
            tally[1] += 1
            tally[2] += sum(r.match for r in results)
            if verbose and not hit:
                print(f"  {half} {form}: {query!r} missed")
    false: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for name in negatives():
        half = split(name)
        if half not in halves:
            continue
        for form, pattern in {"base": "{}", **FORMS}.items():
            query = pattern.format(name)
            results = match_query(index, Query(query, "Organization"), limit=5)
            alerts = [r for r in results if r.match]
            wrong = bool(alerts) and not any(
                token_for_token(name, listed) for r in alerts for listed in _names(r))
            false[(half, form)][0] += wrong
            false[(half, form)][1] += 1
            if verbose and wrong:
                print(f"  {half} {form}: {query!r} alerts on {alerts[0].name!r}")
    for half in halves:
        hits = sum(v[0] for (h, _), v in found.items() if h == half)
        total = sum(v[1] for (h, _), v in found.items() if h == half)
        alerts = sum(v[2] for (h, _), v in found.items() if h == half)
        print(f"{half} positives: recall {hits}/{total} = {hits / max(total, 1):.4f}, "
              f"alerts a positive {alerts / max(hits, 1):.2f}")
        for form in FORMS:
            good, n, many = found[(half, form)]
            print(f"{half}   {form:13} {good}/{n}  alerts a positive {many / max(good, 1):.2f}")
        wrong = sum(v[0] for (h, f), v in false.items() if h == half and f != "base")
        asked = sum(v[1] for (h, f), v in false.items() if h == half and f != "base")
        base = false[(half, "base")]
        print(f"{half} negatives: false alerts {wrong}/{asked} in the forms, "
              f"{base[0]}/{base[1]} as the base name")
        for form in FORMS:
            bad, n = false[(half, form)]
            if bad:
                print(f"{half}   {form:13} {bad}/{n} false")


@cache
def _all_names() -> dict[str, list[str]]:
    """Entity id -> its names and aliases (`quality._entity_names`)."""
    from quality import _entity_names

    from clearance.store import iter_records

    return _entity_names(list(iter_records()))


def _names(result: MatchResult) -> list[str]:
    """The alerted entity's names."""
    return _all_names().get(result.entity_id, [])


if __name__ == "__main__":
    run_heldout_set(run)
