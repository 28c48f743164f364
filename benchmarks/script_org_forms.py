"""Listed Iranian and Arab organisations' names in their own script, written as a register
or a counterparty book writes them: with the company's legal form.

usage: python benchmarks/script_org_forms.py [--home DIR] [-v] [--heldout]

A set of its own (session 33, issue 11: "names written in their own script"). quality.py's
`script_orgs` and the own sets `script_orgs.py` and `script_registered.py` query each name
as its source writes it: the UN list's NAME_ORIGINAL_SCRIPT, a bank's name as the
persian-tools package holds it, the writer's tables. A book of counterparties writes an
Iranian or Arab company's name with its legal form and often the kind of body, which those
sources leave out: شرکت ... (سهامی خاص), ... سهامی عام, ... ذ.م.م, شركة ... المحدودة,
شركة ... للتجارة. This set writes them.

Sources (public): the cases of `script_registered` (the writer's tables and persian-tools'
Iranian banks) and the Arabic-script cases of `script_orgs` (the UN list's own
NAME_ORIGINAL_SCRIPT names of listed organisations) whose name has an expected listed entity
by their own labelling rules and whose Latin name holds a word of a company or a bank
(`BUSINESS`: a group, a front or an association takes no register form).

Forms (`FORMS`, the rule, written before the first run): Persian (a name with a letter of
Persian's own, پ چ ژ گ ک ی) takes the Iranian Commercial Code's forms (قانون تجارت, art.
20: سهامی عام, سهامی خاص, با مسئولیت محدود), written after the name, with and without
brackets, and شرکت before a name that starts with no kind-of-body word (`BODIES`, after
the article: الشركة is one); Arabic
takes the forms the Gulf, Iraqi, Syrian, Lebanese and Egyptian registers write after a name
(ISO 20275's ELF list: ذ.م.م, ش.م.ل, المحدودة; ش.م.م), شركة before it, and the trading
company's للتجارة or للتجارة العامة after it (the most common kind of body in Gulf and
Iraqi registers). Each form gives one query; each query is screened as a party of unknown
type (LegalEntity) and expects what its source expects; an alert is justified as there.

Labelling (session 38, s38-script): a case of `script_registered`'s sources expects a
listed entity by that set's rule (`_covers`, exact) and, besides it, only where every
country word (`COUNTRY_WORDS`: the words of a country `script_registered.GENERIC` drops)
of the listed name that covers it is the case's too, in its Latin form or by its script (a
name written in Persian is an Iranian body's: the set gives it Iran's Commercial Code
forms, and persian-tools' "Saderat Bank" is BANK SADERAT IRAN): a country only the
listed name gives names another organisation (the Latin "National Oil Corporation",
Libya's, is not NATIONAL IRANIAN OIL COMPANY, as the matcher's own rule reads a country
only the list gives), while one only the case gives changes nothing (BANK MELLI IRAN is
BANK MELLI). Until session 37 the country word was dropped with the generic words, which
labelled Libya's NOC as NIOC, against the rule the matcher is held to. A justified alert
is unchanged (the lenient rule).

Halves: a case's half is its source's (`script_registered`: the Latin form;
`script_orgs`: the source entity), so a name's forms never sit in both; rules are made on
the tuning half; the held-out half is printed only with `--heldout`, to be read once, at
the end. `-v` lists the tuning half's misses and false alerts. No name from
../shared/eval is used.
"""

from __future__ import annotations

import re
from typing import Any

import evalsets
import script_orgs
from common import run_heldout_set
from script_registered import NAME_PROPS, _covers, _names, _words, sources

#: the letters Persian writes and Arabic does not (keheh, Farsi yeh, peh, tcheh, jeh, gaf)
PERSIAN = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc]")

#: words before a name that already say what kind of body it is (no شرکت added)
BODIES = ("شرکت", "شركة", "شركه", "بانک", "بنك", "مصرف", "موسسه", "مؤسسة", "سازمان", "گروه",
          "مجموعة", "مجتمع", "صنایع", "کشتیرانی", "بنیاد", "صندوق", "هيئة", "منظمة")

#: the words of a source's Latin name that make it a company or a bank (script_orgs' cases)
BUSINESS = frozenset({
    "company", "co", "bank", "corporation", "corp", "establishment", "trading", "industries",
    "industrial", "ltd", "limited", "llc", "group", "shipping", "airlines", "holding",
    "exchange", "enterprise", "enterprises", "investment", "institute"})

#: (script, form) -> how the form is written with a name
FORMS: dict[str, list[str]] = {
    "persian": ["{} (سهامی خاص)", "{} سهامی عام", "{} (با مسئولیت محدود)", "شرکت {} (سهامی خاص)"],
    "arabic": ["{} ذ.م.م", "{} ش.م.ل", "{} المحدودة", "شركة {} المحدودة", "شركة {} للتجارة",
               "{} للتجارة العامة"],
}


#: the country words `script_registered.GENERIC` drops, each as its country
COUNTRY_WORDS: dict[str, str] = {"iran": "IR", "iranian": "IR"}


def _countries(text: str) -> frozenset[str]:
    """The countries a Latin name's country words (`COUNTRY_WORDS`) name."""
    return frozenset(COUNTRY_WORDS[w] for w in re.findall(r"[a-z]+", text.lower())
                     if w in COUNTRY_WORDS)


def _listed_countries(records: list[dict[str, Any]]) -> dict[str, list[frozenset[str]]]:
    """Each listed party's (not a person's) names' countries (`_countries`), in the order
    `script_registered._names` gives their words."""
    return {str(r["entity_id"]): [_countries(n) for k in NAME_PROPS
                                  for n in r["properties"].get(k, [])]
            for r in records if r["schema"] != "Person"}


def _expected(words: list[str], latin: str, text: str,
              orgs: list[tuple[str, list[list[str]]]],
              countries: dict[str, list[frozenset[str]]]) -> list[str]:
    """The listed entities a case expects: a name whose words cover the case's exactly
    (`_covers`) and whose countries the case names too: its Latin form's
    (`COUNTRY_WORDS`), and Iran for a name written in Persian (`PERSIAN`)."""
    own = _countries(latin) | (frozenset({COUNTRY_WORDS["iran"]}) if PERSIAN.search(text)
                               else frozenset())
    return sorted(e for e, names in orgs
                  if any(_covers(words, n, True) and countries[e][k] <= own
                         for k, n in enumerate(names)))


def _forms(name: str) -> list[str]:
    """The name written with each of its script's forms (`FORMS`)."""
    name = name.strip()
    out = []
    for form in FORMS["persian" if PERSIAN.search(name) else "arabic"]:
        if form.startswith(("شرکت", "شركة")) and name.removeprefix("ال").startswith(BODIES):
            form = form.split(" ", 1)[1]
        out.append(form.format(name))
    return list(dict.fromkeys(out))


def cases(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The set's cases (`script_orgs.screen`'s fields)."""
    from clearance.match.text import script_of

    base = []
    orgs = _names(records)
    countries = _listed_countries(records)
    for _source, text, latin in sources():
        if script_of(text) != "arabic":
            continue
        if not set(re.findall(r"[a-z]+", latin.lower())) & BUSINESS:
            continue
        words = _words(latin)
        expected = _expected(words, latin, text, orgs, countries)
        if not expected:
            continue
        justified = sorted(e for e, names in orgs if any(_covers(words, n, False)
                                                         for n in names))
        base.append({"id": latin, "half": evalsets.split(latin), "query": text,
                     "script": "registered", "latin": latin, "expected": expected,
                     "justified": justified})
    base += [c for c in script_orgs.cases(records) if c["script"] == "arabic"
             and set(re.findall(r"[a-z]+", c["latin"].lower())) & BUSINESS]
    out = []
    for c in base:
        for q in _forms(c["query"]):
            out.append({**c, "id": f"{c['id']}|{q}", "query": q})
    return out


def run(verbose: bool, heldout: bool) -> None:
    script_orgs.screen(cases(evalsets.load_records()), "script_org_forms", verbose, heldout)


if __name__ == "__main__":
    run_heldout_set(run)
