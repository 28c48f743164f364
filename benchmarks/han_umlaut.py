"""Chinese people's names with ü in Han script against the ways a list writes the ü.

usage: python benchmarks/han_umlaut.py [--home DIR] [--held-out] [-v]

The set (rule of 2026-12-01, session 26, written before the first run): Faker's zh_CN and
zh_TW person names (`name()`, seed 20261202), the first 60 distinct names of two to four
characters each whose pinyin (pypinyin's plain reading) has a ü (its "v": 吕 lv, 女 nv,
律 lv, 略 lve); each is the query, in Han script, against one listed name, "SURNAME,
Given" with the given name solid, in each of three spellings of the ü: yu as China's
passports write it (LYU, Wei), v (LV, Wei), u (LU, Wei); all the same name (label: match).
And one other name (label: no match): the ü syllable's vowel written iu, another syllable
(吕 lv is not 刘 LIU), in the "yu" layout. Scored at name level as quality.py scores pair
sets (the query against an index holding only the listed name, weighted by the loaded
lists' rarity, at the default threshold). Halves by `evalsets.split` of the case id
("hu-<locale>-<k>-<spelling>"); rules are chosen on the tuning half only. The two-character
surnames are read as `zh.person_tokens` reads them (four characters).
"""

from __future__ import annotations

from collections import Counter

from han_romanised import cli, scored

SEED = 20261202
PER_LOCALE = 60


def cases() -> list[dict[str, str]]:
    """(id, query, listed, spelling, label) of every pair."""
    from faker import Faker
    from pypinyin import lazy_pinyin

    out: list[dict[str, str]] = []
    for locale in ("zh_CN", "zh_TW"):
        fake = Faker(locale)
        fake.seed_instance(SEED)
        seen: dict[str, tuple[str, str]] = {}
        while len(seen) < PER_LOCALE:
            name = fake.name()
            syllables = lazy_pinyin(name)
            if 2 <= len(name) <= 4 and any("v" in s for s in syllables):
                cut = 2 if len(name) == 4 else 1
                seen.setdefault(name, ("".join(syllables[:cut]), "".join(syllables[cut:])))
        for k, (han, (sur, given)) in enumerate(seen.items()):
            spellings = {"yu": ("yu", True), "v": ("v", True), "u": ("u", True),
                         "other": ("iu", False)}
            for spelling, (umlaut, same) in spellings.items():
                listed = (f"{sur.replace('v', umlaut).upper()}, "
                          f"{given.replace('v', umlaut).capitalize()}")
                out.append({"id": f"hu-{locale}-{k}-{spelling}", "query": han,
                            "listed": listed, "spelling": spelling,
                            "label": "match" if same else "no_match"})
    return out


def run(held_out: bool, verbose: bool) -> None:
    for half in ("tune", "test") if held_out else ("tune",):
        alerts: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for case, hit, explanation in scored(cases(), half):
            total[case["spelling"]] += 1
            alerts[case["spelling"]] += hit
            if verbose and hit != (case["label"] == "match"):
                print(f"  {'alert' if hit else 'miss'} {case['id']} {case['query']} ~ "
                      f"{case['listed']}: {explanation}")
        label = "tuning half (in-sample)" if half == "tune" else "held-out half"
        same = [s for s in total if s != "other"]
        print(f"# han_umlaut, {label}: found {sum(alerts[s] for s in same)}/"
              f"{sum(total[s] for s in same)} ("
              + ", ".join(f"{s} {alerts[s]}/{total[s]}" for s in same)
              + f"); other names alerted {alerts['other']}/{total['other']}")


def main() -> None:
    cli(run)


if __name__ == "__main__":
    main()
