"""Listed persons of foreign names written in Cyrillic, as Russian books write them, screened.

usage: python benchmarks/cyrillic_listed.py [--home DIR] [-v] [--half tune|test|all]
       [--slavic N] [--given]

A set of its own (session 25): people on the OFAC SDN list (../shared/data/lists) of
Latin American, Italian, African, English, Japanese and Arabic names, each written in
Russian Cyrillic as the Russian press writes foreign names: given name first, a space
between the words, by the practical transcription of Гиляревский and Старостин
("Иностранные имена и названия в русском тексте", 1985: Spanish j as х, ll as ль, z as с;
English w as у, h as х, the vowel of "cat" as э; French final consonants unwritten;
Italian sch as ск) and Polivanov's system for Japanese (си shi, ти chi, дзи ji). The
Cyrillic was written by the helper who built the reading (session 25, a language model)
from those rules and from memory of how Russian newspapers spell these people, not copied
from a Russian source: a paper may spell one otherwise (Хусман or Гусман for Guzman).
The SDN names were picked by searching the list for families of those languages, before
the reading's rules were tuned.

Labelling rule: a case is found when a result at or above the threshold (0.80) is one of
the entities the listed Latin name itself alerts on (the person's own record and its
copies on other lists). Screened against the whole index, as a book is, as Person.

Halves: `evalsets.split` of the Cyrillic text (SHA-256, as quality.py splits its sets):
the reading's rules are tuned on the "tune" half only (read case by case with -v); the
"test" half is held out and read once, as a total, at the end.

`--slavic N` (1,000 by default; 0: none): the false-alert check, N Russian, Ukrainian and
Bulgarian people's own names in Cyrillic (Faker ru_RU, uk_UA, bg_BG, seed 25, full names,
given names and surnames alone) screened as people and as parties of unknown type: the
share with an alert (run on the code before the change for the baseline).

`--given` (session 28): the second false-alert check, every given name of those Faker
locales' whole lists (not drawn; ~2,100 distinct, many Bulgarian names neither Russian nor
Ukrainian dictionary holds), each alone, as people and as parties of unknown type; split in
halves by `evalsets.split` of the name, printed for `--half` (the tuning half while working).

--home: a CLEARANCE_HOME with the bundled lists loaded; by default a temporary one is
loaded from ../shared/data/lists. `-v` lists the misses (of the tuning half unless
--half says otherwise).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import run_listed, use_home

#: (Cyrillic, the listed name as the SDN list writes it)
CASES = [
    ("Джозеф Кони", "KONY, Joseph"),
    ("Принс Джонсон", "JOHNSON, Prince Yormie"),
    ("Николас Мадуро", "MADURO MOROS, Nicolas"),
    ("Диосдадо Кабельо", "CABELLO RONDON, Diosdado"),
    ("Хоакин Гусман Лоэра", "GUZMAN LOERA, Joaquin"),
    ("Рафаэль Каро Кинтеро", "CARO QUINTERO, Rafael"),
    ("Исмаэль Самбада Гарсия", "ZAMBADA GARCIA, Ismael"),
    ("Иван Арчивальдо Гусман Саласар", "GUZMAN SALAZAR, Ivan Archivaldo"),
    ("Эммерсон Мнангагва", "MNANGAGWA, Emmerson Dambudzo"),
    ("Грейс Мугабе", "MUGABE, Grace"),
    ("Тарек Эль-Айссами", "EL AISSAMI, Tareck"),
    ("Алекс Сааб", "SAAB MORAN, Alex Nain"),
    ("Розарио Мурильо", "MURILLO DE ORTEGA, Rosario Maria"),
    ("Кэнъити Синода", "SHINODA, Kenichi"),
    ("Киёси Такаяма", "TAKAYAMA, Kiyoshi"),
    ("Тадаси Ириэ", "IRIE, Tadashi"),
    ("Франсуа Бозизе", "BOZIZE, Francois"),
    ("Боско Нтаганда", "NTAGANDA, Bosco"),
    ("Мишель Джотодиа", "DJOTODIA, Michel"),
    ("Жермен Катанга", "KATANGA, Germain"),
    ("Тома Лубанга", "LUBANGA, Thomas"),
    ("Сильвестр Мудакумура", "MUDACUMURA, Sylvestre"),
    ("Калликст Мбарушимана", "MBARUSHIMANA, Callixte"),
    ("Симон Шнайдер", "SCHNEIDER, Simon"),
    ("Серхио Феррари", "FERRARI, Sergio David"),
    ("Иэн Райт", "WRIGHT, Ian Colin"),
    ("Франческо Скьявоне", "SCHIAVONE, Francesco"),
    ("Винченцо Скьявоне", "SCHIAVONE, Vincenzo"),
    ("Антонио Меннетта", "MENNETTA, Antonio"),
    ("Кунио Иноуэ", "INOUE, Kunio"),
    ("Дэниел Луи", "LOUIE, Daniel Maurice"),
    ("Уилсон Джозеф", "JOSEPH, Wilson"),
    ("Чарли Тан", "THAN, Charlie"),
    ("Кристофер Мушохве", "MUSHOHWE, Christopher Chindoti"),
    ("Себастьен Увимбабази", "UWIMBABAZI, Sebastien"),
    ("Луис Альберто Родригес Лопес-Кальеха", "RODRIGUEZ LOPEZ-CALLEJA, Luis Alberto"),
    ("Хесус Рафаэль Суарес Чурио", "SUAREZ CHOURIO, Jesus Rafael"),
    ("Мариано Риччо", "RICCIO, Mariano"),
    ("Хильберто Родригес Орехуэла", "RODRIGUEZ OREJUELA, Gilberto Jose"),
    ("Адан Чавес", "CHAVEZ FRIAS, Adan Coromoto"),
    ("Хасан Насралла", "NASRALLAH, Hasan"),
    ("Рами Махлуф", "MAKHLOUF, Rami"),
    ("Исмаил Хания", "HANIYEH, Ismail"),
    ("Яхья Синвар", "SINWAR, Yahya"),
    ("Муаммар Каддафи", "QADDAFI, Muammar"),
    ("Катажина Павловска-Ханафин", "PAWLOWSKA HANAFIN, Katarzyna Ewa"),
    ("Обед Кристиан Сепульведа Портильо", "SEPULVEDA PORTILLO, Obed Christian"),
    ("Габриэла Васкес Вильявисенсио", "VAZQUEZ VILLAVICENCIO, Gabriela"),
    ("Луис Алонсо Валье Валье", "VALLE VALLE, Luis Alonso"),
    ("Моника Мария Кастро Харамильо", "CASTRO JARAMILLO, Monica Maria"),
]

#: Faker's locales of Slavic names written in Cyrillic, for the false-alert check
SLAVIC_LOCALES = ("ru_RU", "uk_UA", "bg_BG")


def run(verbose: bool, half: str) -> None:
    run_listed("cyrillic_listed", CASES, verbose, half)


def slavic_names(n: int) -> list[str]:
    """N distinct Slavic people's names in Cyrillic: full names, given names and surnames
    alone, drawn in turn from `SLAVIC_LOCALES` (seed 25)."""
    from faker import Faker

    fakers = [Faker(locale) for locale in SLAVIC_LOCALES]
    for fake in fakers:
        fake.seed_instance(25)
    out: dict[str, None] = {}
    k = 0
    while len(out) < n:
        fake = fakers[k % len(fakers)]
        draw = (fake.name, fake.first_name, fake.last_name)[(k // len(fakers)) % 3]
        out.setdefault(draw(), None)
        k += 1
    return list(out)


def given_names(half: str) -> list[str]:
    """Every given name of `SLAVIC_LOCALES`' whole lists in one half (`evalsets.split`)."""
    from importlib import import_module

    from evalsets import split

    out: set[str] = set()
    for locale in SLAVIC_LOCALES:
        provider = import_module(f"faker.providers.person.{locale}").Provider
        for field in ("first_names_male", "first_names_female"):
            out.update(getattr(provider, field, ()))
    return sorted(n for n in out if half == "all" or split(n) == half)


def slavic_alerts(names: list[str], verbose: bool) -> dict[str, int]:
    """How many of the names alert as a person and as a party of unknown type."""
    from clearance.index.store import ensure_index
    from clearance.match.engine import match_query
    from clearance.match.score import Query, ScoringConfig

    index = ensure_index()
    cfg = ScoringConfig()
    alerts = {"Person": 0, "LegalEntity": 0}
    for text in names:
        for schema in alerts:
            res = [r for r in match_query(index, Query(text, schema), cfg, limit=3) if r.match]
            alerts[schema] += bool(res)
            if verbose and res:
                print(f"alert ({schema}): {text} | {res[0].score:.3f} {res[0].name}")
    return alerts


def print_alerts(what: str, names: list[str], verbose: bool) -> None:
    alerts = slavic_alerts(names, verbose)
    print(f"{what} (Faker {', '.join(SLAVIC_LOCALES)}): with an alert "
          f"{alerts['Person']}/{len(names)} as Person, "
          f"{alerts['LegalEntity']}/{len(names)} as LegalEntity")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--home", type=Path, default=None)
    p.add_argument("-v", action="store_true", dest="verbose")
    p.add_argument("--half", choices=("tune", "test", "all"), default="tune",
                   help="which half to print (the held-out one once, at the end)")
    p.add_argument("--slavic", type=int, default=1000,
                   help="also screen this many Slavic people's own names in Cyrillic")
    p.add_argument("--given", action="store_true",
                   help="also screen every given name of those locales alone (--half's)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        use_home(args.home, tmp)
        run(args.verbose, args.half)
        if args.slavic > 0:
            print_alerts("Slavic people's own names in Cyrillic, seed 25",
                         slavic_names(args.slavic), args.verbose)
        if args.given:
            print_alerts(f"Slavic given names alone, {args.half} half",
                         given_names(args.half), args.verbose)


if __name__ == "__main__":
    main()
