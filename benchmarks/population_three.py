"""False alerts on ordinary people named by three words: "Given Middle Surname".

usage: python benchmarks/population_three.py [--home DIR] [--threshold T] [--show-tuning]
       [--held-out] [--dump FILE]

The population sets (`evalsets`, sets 1 and 7) name people by two words; a bank's book
often writes three ("Mohammed Ali Hassan": a given name, a second given name or father's
name, a surname), and three of the most common names on earth leave many listed people
one slip or one name away.

The set (rule of 2026-11-30, session 21, written before the first run): for every country
of `names-dataset` v3 (philipperemy/name-dataset; the `eval` extra), in code order, one
generator seeded 2026113021 draws `PER_COUNTRY` names "Given Middle Surname": a sex in
turn (men's, women's), two different given names of that sex from the country's 100 most
frequent, rank-weighted as the population sets draw them (weight 1 / sqrt(1 + rank)), and
a surname from its 100 most frequent, likewise; a name drawn before, in any country, is
drawn again. Screened as Person against every bundled list at the default threshold.

Labelling rule: the population sets' (`evalsets.token_for_token`): an alert is justified
when some name of the alerted list entity corresponds to the query token for token (a
one-to-one pairing of every token of both names, particles aside; the listed name may add
a patronymic or a title). A query whose alerts are all unjustified is a false alert; a
genuine same-name hit (a list person bearing exactly the query's three name keys) must
stay an alert. Halves by `evalsets.split` of the case id ("p3-<country>-<k>"): rules are
chosen on the tuning half only; `--held-out` prints the other half.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import evalsets
from faker_world import run

SEED = 2026113021
PER_COUNTRY = 20


def _make() -> Iterator[dict[str, Any]]:
    from names_dataset import NameDataset  # the `eval` extra; loads in about 30 s

    nd = NameDataset()
    rng = random.Random(SEED)
    seen: set[str] = set()
    for country in sorted(nd.get_country_codes(alpha_2=True)):
        firsts = nd.get_top_names(n=evalsets.TOP, country_alpha2=country)[country]
        surnames = nd.get_top_names(n=evalsets.TOP, use_first_names=False,
                                    country_alpha2=country)[country]
        w_last = [1.0 / (1 + i) ** 0.5 for i in range(len(surnames))]
        k = 0
        while k < PER_COUNTRY:
            given = firsts["M" if k % 2 == 0 else "F"]
            w_given = [1.0 / (1 + i) ** 0.5 for i in range(len(given))]
            first, middle = rng.choices(given, w_given, k=2)
            name = f"{first} {middle} {rng.choices(surnames, w_last)[0]}"
            if first == middle or name in seen:
                continue
            seen.add(name)
            k += 1
            yield {"id": f"p3-{country}-{k}", "query": {"name": name, "schema": "Person"},
                   "expected": [], "category": f"pop3_{country.lower()}"}


def three_word_queries() -> list[dict[str, Any]]:
    """The set (module docstring), cached in benchmarks/generated/."""
    return evalsets._cached("population_three", _make)


def main() -> None:
    run(three_word_queries(), "population_three", "three-word names of ordinary people")


if __name__ == "__main__":
    main()
