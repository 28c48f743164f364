"""False alerts on common names of people written in Hebrew or Arabic script.

usage: python benchmarks/script_common.py [--home DIR] [--threshold T] [--show-tuning]
       [--held-out] [--dump FILE]

A book keeps its people's names as their own registers write them: Israel's in Hebrew
letters (Arab citizens' names too: מוחמד, אחמד), the Arab countries' and Iran's and
Afghanistan's in Arabic letters. The script writes consonants only, so each word reads as
several Latin spellings, and a spelling of a common name that no name-frequency table
holds must not weigh as a rare word (issue 11).

The set (rule of 2026-11-30, session 24, written before the first run): from
`names-dataset` v3 (philipperemy/name-dataset; the `eval` extra), for each country of
`COUNTRIES` in the order given, its 300 most frequent given names (men's, women's) and
surnames, keeping those written as one word wholly in the country's script (Hebrew for
IL and PS, Arabic for the others), each list in the package's order. One generator seeded
2026113024 draws `PER_COUNTRY[script]` names per country: the k-th a man's name when k // 2
is even, a woman's otherwise; "Given Surname" for even k, "Given Father Surname" for odd k
(a nasab chain: the father's given name, another man's name, as Arab registers write
it), each word drawn rank-weighted (1 / sqrt(1 + rank) by its rank among the kept words).
A name drawn before, in any country, or one of the population sets' (`evalsets` sets 1
and 7), is drawn again. Screened as Person against every bundled list at the default
threshold.

Part B, Hebrew spellings of Arabic names (rule added at 22:41 the same day, after part A's
first run and before part B's): for each Arabic-script country of `COUNTRIES` but IR and
AF, in the order given, `PER_COUNTRY["transliterated"]` names drawn as part A draws them
(another generator, seeded 2026113025), then written in Hebrew letters letter by letter
(`_HEBREW_OF`: each Arabic letter as the Hebrew letter that writes its sound, ج ث as ג' ת',
the emphatic and the other letters Hebrew lacks as the nearest plain ones, alef forms and
hamza as א, ة as ה; final forms at the end of a word; no vowel added), ids
"sch-<country>-<k>". Queries whose Hebrew spelling was drawn before are drawn again.

Part C, Israel's commonest family names (rule of 2026-12-01, session 25, written before
its first run; issue 11: כהן "khn" alerted on KHAN): for each of the `SURNAMES_C` most
frequent IL surnames kept as part A keeps them, in the package's order, `PER_SURNAME_C`
queries "Given Surname", the given name drawn as part A draws it (men's for even k,
women's for odd k; another generator, seeded 2026120125), ids "scc-<rank>-<k>", cached
apart (benchmarks/generated/script_common_surnames-v1.jsonl) so parts A and B stay as they
were. Queries drawn before, in any part, are drawn again.

Labelling rule: the population sets' (`evalsets.token_for_token`): an alert is justified
when some name of the alerted list entity corresponds to the query token for token (a
one-to-one pairing of every token of both names, particles aside; two tokens of an
unvocalised name correspond when their consonant skeletons or consonant classes agree).
A query whose alerts are all unjustified is a false alert; a genuine same-name hit (a
list person bearing exactly the query's name keys) must stay an alert. Halves by
`evalsets.split` of the case id ("sc-<country>-<k>"): rules are chosen on the tuning half
only; `--held-out` prints the other half.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from typing import Any

import evalsets
from faker_world import run

SEED = 2026113024
TOP = 300
#: country -> script of its names kept
COUNTRIES = {"IL": "hebrew", "PS": "hebrew", "AF": "arabic", "DZ": "arabic", "EG": "arabic",
             "IQ": "arabic", "IR": "arabic", "JO": "arabic", "LB": "arabic", "LY": "arabic",
             "OM": "arabic", "SA": "arabic", "SD": "arabic", "SY": "arabic", "YE": "arabic"}
PER_COUNTRY = {"hebrew": 100, "arabic": 40, "transliterated": 20}
#: part C: Israel's most frequent family names, and queries per name
SURNAMES_C = 20
PER_SURNAME_C = 10
#: Arabic letters as Hebrew writes their sounds (part B)
_HEBREW_OF = str.maketrans({
    "ا": "א", "أ": "א", "إ": "א", "آ": "א", "ء": "א", "ئ": "א", "ؤ": "ו", "ى": "א", "ب": "ב",
    "ت": "ת", "ث": "ת'", "ج": "ג'", "ح": "ח", "خ": "ח", "د": "ד", "ذ": "ד", "ر": "ר", "ز": "ז",
    "س": "ס", "ش": "ש", "ص": "צ", "ض": "צ", "ط": "ט", "ظ": "ט", "ع": "ע", "غ": "ע", "ف": "פ",
    "ق": "ק", "ك": "כ", "ل": "ל", "م": "מ", "ن": "נ", "ه": "ה", "ة": "ה", "و": "ו", "ي": "י"})
_FINAL_FORMS = {"כ": "ך", "מ": "ם", "נ": "ן", "פ": "ף", "צ": "ץ"}
_SCRIPTS = {"hebrew": re.compile("[\u05d0-\u05ea\u05f3'\u05b0-\u05c7]+"),
            "arabic": re.compile("[\u0621-\u064a\u066e-\u06d3\u064b-\u0652\u0670]+")}


def _kept(names: list[str], script: str) -> list[str]:
    return [n for n in names if _SCRIPTS[script].fullmatch(n) is not None]


def _draw(rng: random.Random, words: list[str]) -> str:
    return rng.choices(words, [1.0 / (1 + i) ** 0.5 for i in range(len(words))])[0]


def _hebrew(name: str) -> str:
    """An Arabic-script name in Hebrew letters (part B)."""
    words = [word.translate(_HEBREW_OF) for word in name.split()]
    return " ".join([w[:-1] + _FINAL_FORMS.get(w[-1], w[-1]) for w in words])


def _make() -> Iterator[dict[str, Any]]:
    from names_dataset import NameDataset  # the `eval` extra; loads in about 30 s

    nd = NameDataset()
    seen = {c["query"]["name"] for c in evalsets.population_queries()}
    seen |= {c["query"]["name"] for c in evalsets.population_world_queries()}
    parts = ((SEED, "sc", "script", lambda name: name, COUNTRIES),
             (SEED + 1, "sch", "hebrew_of", _hebrew,
              {c: s for c, s in COUNTRIES.items() if s == "arabic" and c not in ("IR", "AF")}))
    for seed, prefix, category, write, countries in parts:
        rng = random.Random(seed)
        for country, script in countries.items():
            firsts = nd.get_top_names(n=TOP, country_alpha2=country)[country]
            men, women = _kept(firsts["M"], script), _kept(firsts["F"], script)
            surnames = _kept(nd.get_top_names(n=TOP, use_first_names=False,
                                              country_alpha2=country)[country], script)
            size = PER_COUNTRY[script if prefix == "sc" else "transliterated"]
            k = 0
            while k < size:
                given = _draw(rng, men if (k // 2) % 2 == 0 else women)
                words = [given, _draw(rng, men)] if k % 2 == 1 else [given]
                name = write(" ".join([*words, _draw(rng, surnames)]))
                if len(set(words)) < len(words) or name in seen:
                    continue
                seen.add(name)
                k += 1
                yield {"id": f"{prefix}-{country}-{k}",
                       "query": {"name": name, "schema": "Person"},
                       "expected": [], "category": f"{category}_{country.lower()}"}


def _make_surnames() -> Iterator[dict[str, Any]]:
    """Part C (module docstring)."""
    from names_dataset import NameDataset

    nd = NameDataset()
    seen = {c["query"]["name"] for c in evalsets._cached("script_common", _make)}
    rng = random.Random(SEED + 101)
    firsts = nd.get_top_names(n=TOP, country_alpha2="IL")["IL"]
    men, women = _kept(firsts["M"], "hebrew"), _kept(firsts["F"], "hebrew")
    surnames = _kept(nd.get_top_names(n=TOP, use_first_names=False,
                                      country_alpha2="IL")["IL"], "hebrew")
    for rank, surname in enumerate(surnames[:SURNAMES_C], 1):
        k = 0
        while k < PER_SURNAME_C:
            name = f"{_draw(rng, men if k % 2 == 0 else women)} {surname}"
            if name in seen:
                continue
            seen.add(name)
            k += 1
            yield {"id": f"scc-{rank}-{k}", "query": {"name": name, "schema": "Person"},
                   "expected": [], "category": "surnames_il"}


def script_common_queries() -> list[dict[str, Any]]:
    """The set (module docstring), cached in benchmarks/generated/."""
    return (evalsets._cached("script_common", _make)
            + evalsets._cached("script_common_surnames", _make_surnames))


def main() -> None:
    run(script_common_queries(), "script_common",
        "common names of people in Hebrew and Arabic script")


if __name__ == "__main__":
    main()
