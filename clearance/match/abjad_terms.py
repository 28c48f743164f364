"""Persian and Arabic company names: translate the business words listed names translate.

The lists name Iranian and Arab companies in English ("NATIONAL IRANIAN OIL COMPANY",
"MOBARAKEH STEEL COMPANY"), while a query may be the registered name in its own script
(شرکت ملی نفت ایران, مجتمع فولاد مبارکه). Consonant patterns meet a transliterated word
(مبارکه ~ MOBARAKEH, بانک ملت ~ BANK MELLAT) but never a translated one (نفت is OIL). The
term table (`resources/abjad_terms.yml`) gives those words in English; the rest of the name
stays in its script, for the patterns. The translation is an extra query name: names that
keep their words transliterated (BANK SADERAT: صادرات is "exports") still meet the original.
"""

from __future__ import annotations

import re
from functools import cache

from clearance.match.abjad import has_abjad
from clearance.match.orgs import activity_phrase, legal_forms
from clearance.match.term_readings import readings
from clearance.resources import load_resource

__all__ = ["build_territory_terms", "english_names", "fold_arabic", "forms", "terms",
           "territory_terms"]

_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alef, tatweel
_SEP = re.compile(r"[\s\u200c\u200f\u060c\u061b,.;:()\-/]+")  # also ZWNJ, Arabic comma
_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "أ": "ا",
                          "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و"})
_ARTICLE = "ال"
#: the longest term, in words ("ذات المسؤولية المحدودة")
_MAX_WORDS = 3
#: readings with the terms kept (`english_names`): a country's two forms
_KEPT_READINGS = 2


def fold_arabic(text: str) -> str:
    """One spelling for the Arabic and Persian forms of a word: yeh, kaf and teh marbuta
    as Persian writes them, hamza seats dropped, diacritics and tatweel removed, words
    separated by single spaces (a zero-width non-joiner too: سرمایه‌گذاری)."""
    return " ".join(_SEP.split(_MARKS.sub("", text).translate(_LETTERS))).strip()


@cache
def terms() -> dict[str, str]:
    """Folded Persian or Arabic term -> English words: the term table's forms and terms,
    and the countries and their adjectives (`territory_terms`) where the table has no entry
    of its own."""
    table = forms().copy()
    table.update({fold_arabic(str(k)): str(v)
                  for k, v in load_resource("abjad_terms")["terms"].items()})
    return table


@cache
def forms() -> dict[str, str]:
    """The words a listed name writes in English even where it keeps its other words in
    the script (BANK TEJARAT, BANK MELLI IRAN): the table's legal forms, kinds of
    organisation and countries, and `territory_terms`."""
    table = dict(territory_terms())
    table.update({fold_arabic(str(k)): str(v)
                  for k, v in load_resource("abjad_terms")["forms"].items()})
    return table


def _adjective_forms(name: str) -> list[str]:
    """English adjectives a country's English name may form, in the order English forms
    them: Libyan, Syrian (-a: +n); Moroccan (-o: +an); Lebanese (-on: +ese); Egyptian,
    Iranian, Jordanian, else Iraqi, Yemeni, Pakistani, else Sudanese."""
    if name.endswith("a"):
        return [name + "n"]
    if name.endswith("o"):
        return [name[:-1] + "an"]
    if name.endswith("on"):
        return [name[:-2] + "ese"]
    return [name + "ian", name + "i", name + "ese"]


def _adjective(name: str, known: set[str]) -> str | None:
    """The English adjective of a one-word country name, when the territory data knows it
    among the country's names: the data holds names in many languages ("Egypti",
    "Yemenn"), so a form is taken only as English morphology forms it
    (`_adjective_forms`), the first the data confirms."""
    for form in _adjective_forms(name):
        if form in known:
            return form
    return None


def _nisba(folded: str) -> list[str]:
    """The Arabic and Persian adjectives of a folded one-word country name: the article
    and a final alef or teh marbuta go, ی (masculine, and Persian) or یه (feminine) is
    added: مصر مصری مصریه, لیبیا لیبی لیبیه (the yeh before a final alef is the
    adjective's own), المغرب مغربی."""
    stem = folded[2:] if folded.startswith("ال") else folded
    if stem.endswith(("ا", "ه")):
        stem = stem[:-1]
        stem = stem[:-1] if stem.endswith("ی") else stem  # لیبیا: لیبی, not لیبیی
    return [stem + "ی", stem + "یه"] if len(stem) >= 2 else []


@cache
def territory_terms() -> dict[str, str]:
    """Arabic-script names of countries -> "country|adjective" in English (مصر is
    "egypt|egyptian"), and their adjectives (المصرية, مصری) -> the English adjective.

    Read from `resources/abjad_territories.yml`, which `build_territory_terms` wrote
    (benchmarks/make_resources.py; tests/match/test_abjad_terms.py checks it is the table
    the installed data gives): building it imports rigour's territory modules and walks
    its data, some 0.2 s of CPU in every batch worker that met an organisation's name in
    Arabic script, where reading the file costs about a millisecond.
    """
    return {str(k): str(v) for k, v in load_resource("abjad_territories")["terms"].items()}


def build_territory_terms() -> dict[str, str]:
    """`territory_terms` worked out from its source.

    Source: the territory data of rigour (opensanctions/rigour, a declared dependency:
    `rigour.territories`, compiled from Wikidata and CLDR), which lists each country's
    names in many languages and scripts, its English adjective among them. Lists name
    organisations with the adjective ("EGYPTIAN ISLAMIC JIHAD", "NATIONAL IRANIAN OIL
    COMPANY") where Arabic and Persian write the country's name or the nisba adjective
    (الجهاد الاسلامي المصري, شرکت ملی نفت ایران). Countries whose adjective the data does not
    give in an English form are read as their name only.
    """
    from rigour._core import territories_jsonl
    from rigour.data import iter_jsonl_text
    from rigour.territories import get_territory

    table: dict[str, str] = {}
    nisbas: dict[str, str] = {}
    for data in iter_jsonl_text(territories_jsonl()):
        territory = get_territory(str(data["code"]))
        if territory is None or not territory.is_country or territory.is_historical:
            continue
        names = [str(n) for n in data.get("names_strong", []) + data.get("names_weak", [])]
        english = territory.name.lower()
        if not english.isascii() or not english.replace(" ", "").isalpha():
            continue
        adjective = (_adjective(english, {n.lower() for n in names if n.isascii()})
                     if " " not in english else None)
        reading = english if adjective is None else f"{english}|{adjective}"
        for name in names:
            if not has_abjad(name):
                continue
            folded = fold_arabic(name)
            words = folded.split()
            if not 1 <= len(words) <= 2 or min(len(w) for w in words) < 3:
                continue
            table.setdefault(folded, reading)
            if adjective is not None and len(words) == 1:
                for form in _nisba(folded):
                    nisbas.setdefault(form, adjective)
    for form, adjective in nisbas.items():
        table.setdefault(form, adjective)
    return table


def _words(text: str) -> list[str]:
    """The words of `text` as written, diacritics and tatweel removed (`fold_arabic`'s
    words, before their letters are folded)."""
    return [w for w in _SEP.split(_MARKS.sub("", text)) if w]


def _lookup(words: list[str], table: dict[str, str]) -> str | None:
    """The English forms of the term `words` make, read as Arabic and Persian write a
    term inside a name: after the article or a proclitic (`_bare`: "for" or "and" before
    the forms), with a Persian ezafe (`_without_ezafe`), or one word made of two terms
    (`_compound`)."""
    folded = [w.translate(_LETTERS) for w in words]
    ezafe = _without_ezafe(folded[-1])
    for end in [folded[-1]] if ezafe is None else [folded[-1], ezafe]:
        term = [*folded[:-1], end]
        for first, joining in _bare(term[0]):
            found = table.get(" ".join([first, *term[1:]]))
            if found is not None:
                return found if not joining else "|".join(
                    f and f"{joining} {f}" for f in found.split("|"))
    return _compound(folded[0], table) if len(folded) == 1 else None


def _bare(word: str) -> list[tuple[str, str]]:
    """A folded word as written, then without what Arabic writes onto a word, each with
    the English of what it lost: the article (الصناعي), "and" (والتمويل, "and the
    finance") or "for" (لنقل, "for transport"; للطيران, "for the aviation"), before the
    article or not; the rest keeps three letters or more."""
    out = [(word, "")]
    for clitic, joining in (("", ""), ("و", "and"), ("ل", "for")):
        rest = word[len(clitic):] if word.startswith(clitic) else ""
        if clitic and len(rest) >= 3:
            out.append((rest, joining))
        if rest.startswith(_ARTICLE) and len(rest) > 3:
            out.append((rest[2:], joining))
    if word.startswith("لل") and len(word) > 3:  # li- before the article loses its alef
        out.append((word[2:], "for"))
    return out


def _without_ezafe(word: str) -> str | None:
    """A Persian word after a long vowel without the ezafe yeh that ties it to the next
    word (سیمای جمهوری: سیما "vision"), or None when it has none."""
    return word[:-1] if len(word) > 3 and word.endswith(("ای", "وی")) else None


def _compound(word: str, table: dict[str, str]) -> str | None:
    """A Persian compound written as one word of two terms of three letters or more
    (هواپیماسازی, "aircraft manufacturing"): the English forms of each, the first form
    of each first."""
    for cut in range(3, len(word) - 2):
        head, tail = table.get(word[:cut]), table.get(word[cut:])
        if head is not None and tail is not None:
            heads = [f or word[:cut] for f in head.split("|")]
            tails = [f or word[cut:] for f in tail.split("|")]
            return "|".join(f"{h} {t}" for h in heads for t in tails)
    return None


def _longest(words: list[str], table: dict[str, str] | None = None
             ) -> tuple[int, str] | None:
    """The longest term of `table` (by default `terms`) the words start with: (its words,
    its English forms)."""
    table = terms() if table is None else table
    for size in range(min(_MAX_WORDS, len(words)), 0, -1):
        found = _lookup(words[:size], table)
        if found is not None:
            return size, found
    return None


def _longest_form(words: list[str]) -> tuple[int, str] | None:
    """`_longest` of the words the lists write in English whatever else they keep: a
    longer term that starts with a form wins, and is kept (a term is translated or kept
    whole, `english_names`)."""
    found = _longest(words)
    if found is None or _lookup(words[:found[0]], forms()) is not None:
        return found
    return found[0], ""


def _longest_legal(words: list[str]) -> tuple[int, str] | None:
    """`_longest` of the words a register adds as the company's legal form (a `forms`
    entry whose English is a form of `orgs.legal_forms`: ذ.م.م, سهامی خاص, المحدودة,
    شرکت) or as its activity (`orgs.activity_phrase` after the "for" Arabic writes onto
    it: للتجارة "for trading", and العامة "general" right after it; a bank's تجارت, BANK
    TEJARAT, is its name); any other known term is kept whole."""
    found = _longest(words)
    if found is None or _legal(found[1]):
        return found
    heads, _before, after = activity_phrase()
    size, english = found
    if not all(f.startswith("for ") and f[4:] in heads for f in english.split("|")):
        return size, ""
    then = _longest(words[size:]) if size < len(words) else None
    if then is not None and then[0] == 1 and then[1] in after:
        return size + 1, f"{english} {then[1]}"
    return found


@cache
def _legal(english: str) -> bool:
    """Whether a term's English forms are all legal forms (llc; private joint stock
    company; company)."""
    return all(tuple(f.split()) in legal_forms() for f in english.split("|"))


def english_names(text: str) -> list[str]:
    """The name with its known business words in English ("company national oil iran"
    for شرکت ملی نفت ایران), or none when no word is known (`term_readings.readings`:
    "iran|iranian" gives a reading with each form, Persian saying "oil company of Iran"
    where the list says "Iranian Oil Company"; "group|" keeps the word too, for lists that
    transliterate it: AL-JAMA'AH beside ... GROUP); then the name with only its `forms`
    in English, its other terms kept for the patterns ("bank تجارت iran": BANK TEJARAT,
    BANK MELLI IRAN). Never a reading that translates one term and keeps another: the
    lists do not write names so, and such a reading makes a term's romanised word (MELLI,
    TOSEE) the one distinctive word of a name whose others are in English. Terms are
    looked up folded, but a word kept keeps its own letters: folded, an Arabic final yeh
    became Persian's, which may be a long a (`abjad._persian_final`), and الصناعي "snyy"
    met BANK SINA."""
    words = _words(text)
    english = readings(words, _longest)
    kept = [r for r in readings(words, _longest_form)
            if r not in english and r != " ".join(words)]  # (not the name itself)
    # and the name with only its legal form and its activity (للتجارة) in English, every
    # other word kept for the patterns: a list that transliterates a whole name (AL MASRAF
    # AL ZERAEI AL TAWENI, SHERKAT ... KHAYBAR) or writes it in the script meets a
    # register's المصرف الزراعي التعاوني ذ.م.م with the form read as a form, not as the
    # letters ذ م م, and its ... للتجارة العامة as "for trading general"
    legal = [r for r in readings(words, _longest_legal)
             if r not in english and r not in kept and r != " ".join(words)]
    return english + kept[:_KEPT_READINGS] + legal[:1]
