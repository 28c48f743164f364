"""Listed companies under the names their registers and a book give them: a legal form of
their country, "of <country>", a city before the name.

usage: python benchmarks/registered_forms.py [--home DIR] [-v]

A set of its own (session 25, s25-orgs; issue 11: registered company names in the forms
companies actually use, with country, city and legal form). Labelling rule (written
2026-12-01 before the first run): every name N (each name or alias field whole, and
without a trailing parenthesis; lower case, punctuation dropped) of a Company or
Organization on the bundled lists that gives exactly one country C, C one of `FORMS`'
countries, of one to six words, none of them a word of a legal form (`_FORM_WORDS`: the
words of `FORMS` and the forms the lists write most) or a country's name or adjective (in
`resources/countries.yml`, read from this tree), is queried as an Organization in four
forms, each expected to alert (threshold 0.80, top 5) on one of the entities listed with N:
- "form": N with one of C's legal forms (`FORMS`: the forms C's company law gives, as
  registers and books write them, abbreviated and in full), the one `_pick` takes by N,
  before or after the name as C writes it ("OOO N", "N GmbH");
- "of-country": "N of <C>", C by its shortest name of four letters or more in the table
  (none for a territory the table lacks: Hong Kong);
- "city": "<city> N", the city `FORMS` gives for C (its capital, or its commercial city
  where the capital bears the country's name);
- "city-form": "<city> N <form>", C's first form written after the name.
Halves by `evalsets.split` of N (a name's four forms in one half). The forms and cities
are from public knowledge of company law (ISO 20275's entity legal forms for the countries
named) and geography, written before any run; nothing was tuned on either half.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from pathlib import Path

import yaml
from common import run_forms_set

TABLE = Path(__file__).resolve().parent.parent / "clearance" / "resources" / "countries.yml"

#: country -> (city, forms written before the name, forms written after it)
FORMS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "ru": ("Moscow", ("OOO", "AO", "PAO", "Obshchestvo s Ogranichennoi Otvetstvennostyu",
                      "Aktsionernoe Obshchestvo"), ("LLC", "JSC")),
    "by": ("Minsk", ("OAO", "OOO", "ZAO"), ("JSC", "LLC")),
    "ua": ("Kyiv", ("TOV", "PAT"), ("LLC", "PJSC")),
    "kz": ("Almaty", ("TOO", "AO"), ("LLP", "JSC")),
    "ir": ("Tehran", (), ("Co.", "PJSC", "Private Joint Stock Company", "Company")),
    "cn": ("Shanghai", (), ("Co., Ltd.", "Company Limited", "Youxian Gongsi")),
    "hk": ("Kowloon", (), ("Limited", "Co., Limited", "Company Limited")),
    "kp": ("Pyongyang", (), ("Corporation", "Co.")),
    "kr": ("Seoul", (), ("Co., Ltd.", "Corporation")),
    "jp": ("Tokyo", (), ("Co., Ltd.", "Kabushiki Kaisha", "K.K.")),
    "mm": ("Yangon", (), ("Co., Ltd.", "Company Limited")),
    "th": ("Bangkok", (), ("Co., Ltd.", "Company Limited")),
    "kh": ("Phnom Penh", (), ("Co., Ltd.",)),
    "my": ("Kuala Lumpur", (), ("Sdn. Bhd.", "Berhad")),
    "sg": ("Jurong", (), ("Pte. Ltd.", "Private Limited")),
    "in": ("Mumbai", (), ("Private Limited", "Pvt. Ltd.", "Limited")),
    "pk": ("Karachi", (), ("(Private) Limited", "(Pvt.) Ltd.")),
    "sy": ("Damascus", (), ("LLC", "Co.")),
    "iq": ("Baghdad", (), ("LLC", "Co.")),
    "lb": ("Beirut", (), ("S.A.L.", "SARL", "S.A.R.L.")),
    "ae": ("Dubai", (), ("LLC", "FZE", "FZCO", "L.L.C.")),
    "tr": ("Istanbul", (), ("A.S.", "Anonim Sirketi", "Ltd. Sti.")),
    "gb": ("London", (), ("Ltd", "Limited", "PLC")),
    "cy": ("Limassol", (), ("Ltd", "Limited")),
    "mt": ("Valletta", (), ("Ltd", "Limited")),
    "us": ("Houston", (), ("Inc.", "LLC", "Corp.")),
    "ca": ("Toronto", (), ("Inc.", "Ltd.")),
    "de": ("Hamburg", (), ("GmbH", "AG", "GmbH & Co. KG")),
    "at": ("Vienna", (), ("GmbH", "AG")),
    "ch": ("Zurich", (), ("AG", "SA", "GmbH")),
    "nl": ("Rotterdam", (), ("B.V.", "N.V.")),
    "it": ("Milan", (), ("S.p.A.", "S.r.l.")),
    "es": ("Madrid", (), ("S.A.", "S.L.")),
    "fi": ("Helsinki", (), ("Oy", "Oyj")),
    "bg": ("Sofia", (), ("OOD", "EOOD", "EAD")),
    "rs": ("Belgrade", (), ("d.o.o.", "a.d.")),
    "mx": ("Monterrey", (), ("S.A. de C.V.", "S. de R.L. de C.V.")),
    "co": ("Bogota", (), ("S.A.S.", "Ltda.", "S.A.")),
    "pa": ("Colon", (), ("S.A.", "Inc.", "Corp.")),
    "ve": ("Caracas", (), ("C.A.", "S.A.")),
    "pe": ("Lima", (), ("S.A.C.", "S.A.")),
    "zw": ("Harare", (), ("(Private) Limited", "(Pvt) Ltd")),
    "cd": ("Kinshasa", (), ("SARL", "SA")),
    "vg": ("Tortola", (), ("Ltd", "Limited", "Inc.")),
    "af": ("Kabul", (), ("Ltd", "Co.")),
    "vn": ("Hanoi", ("Cong ty TNHH",), ("Co., Ltd.", "JSC")),
    "uz": ("Tashkent", ("OOO",), ("LLC",)),
}

#: words of the forms the lists write most, beside `FORMS`' own: a name holding one
#: carries its form already
_LIST_FORMS = ("ltd limited co company corp corporation inc incorporated llc jsc ojsc cjsc "
               "pjsc ooo oao zao pao ao sa gmbh ag plc bv nv srl sarl fze fzco est "
               "establishment llp lp pte pvt private public joint stock")


def _key(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower().replace("'", "").replace("’", "")))


def _form_words() -> frozenset[str]:
    words = set(_LIST_FORMS.split())
    for _, before, after in FORMS.values():
        for form in (*before, *after):
            words.update(_key(form).split())
    return frozenset(words)


def _pick(name: str, forms: tuple[str, ...]) -> str:
    """One of a country's forms, the same for a name on every run."""
    return forms[zlib.crc32(name.encode()) % len(forms)]


def _table() -> tuple[dict[str, str], frozenset[str]]:
    """(country code -> its shortest name of four letters or more, the words of every
    country's one-word names and adjectives and the names of several words)."""
    data = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    short: dict[str, str] = {}
    for name, code in data["names"].items():
        if len(name) >= 4 and (code not in short or len(name) < len(short[code])):
            short[code] = name
    return short, frozenset([*data["names"], *data["adjectives"]])


def _names_country(words: list[str], countries: frozenset[str]) -> bool:
    return any(" ".join(words[i:j]) in countries
               for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1))


def listed_names(forms: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]
                 ) -> dict[tuple[str, str], set[str]]:
    """(N, C) -> the entities listed with N: the names of the rule above, of `forms`'
    countries (form_slips.py reads it with more countries)."""
    from clearance.store import iter_records

    _, countries = _table()
    form_words = _form_words()
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in iter_records():
        if r["schema"] not in ("Company", "Organization"):
            continue
        codes = set(r["properties"].get("country", []))
        if len(codes) != 1 or next(iter(codes)) not in forms:
            continue
        code = next(iter(codes))
        for text in r["properties"].get("name", []) + r["properties"].get("alias", []):
            for whole in {text, re.sub(r"\s*\([^()]*\)\s*$", "", text)}:
                words = _key(whole).split()
                if (1 <= len(words) <= 6 and form_words.isdisjoint(words)
                        and not _names_country(words, countries)):
                    found[(" ".join(words), code)].add(r["entity_id"])
    return found


def cases() -> list[dict[str, object]]:
    short, _ = _table()
    out: list[dict[str, object]] = []
    for (name, code), entities in sorted(listed_names(FORMS).items()):
        city, before, after = FORMS[code]
        form = _pick(name, (*before, *after))
        queries = {
            "form": f"{form} {name}" if form in before else f"{name} {form}",
            "city": f"{city} {name}",
            "city-form": f"{city} {name} {after[0]}",
        }
        if code in short:  # (Hong Kong is no country of the table)
            queries["of-country"] = f"{name} of {short[code].title()}"
        out += alert_cases(name, queries, entities)
    return out


def alert_cases(name: str, queries: dict[str, str], entities: set[str]
                ) -> list[dict[str, object]]:
    """The cases of name N, one per kind of query, each expected to alert on N's entities."""
    return [{"id": f"{name}|{kind}", "query": query, "alert": True, "entities": entities}
            for kind, query in queries.items()]


if __name__ == "__main__":
    run_forms_set(cases)
