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

from clearance.resources import load_resource

__all__ = ["english_names", "fold_arabic", "terms"]

_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alef, tatweel
_SEP = re.compile(r"[\s\u200c\u200f\u060c\u061b,.;:()\-/]+")  # also ZWNJ, Arabic comma
_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "أ": "ا",
                          "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و"})
_ARTICLES = ("ال", "لل")
#: the longest term, in words ("ذات المسؤولية المحدودة")
_MAX_WORDS = 3


def fold_arabic(text: str) -> str:
    """One spelling for the Arabic and Persian forms of a word: yeh, kaf and teh marbuta
    as Persian writes them, hamza seats dropped, diacritics and tatweel removed, words
    separated by single spaces (a zero-width non-joiner too: سرمایه‌گذاری)."""
    return " ".join(_SEP.split(_MARKS.sub("", text).translate(_LETTERS))).strip()


@cache
def terms() -> dict[str, str]:
    """Folded Persian or Arabic term -> English words."""
    return {fold_arabic(str(k)): str(v) for k, v in load_resource("abjad_terms")["terms"].items()}


def _lookup(words: list[str]) -> str | None:
    table = terms()
    found = table.get(" ".join(words))
    if found is None and words[0].startswith(_ARTICLES) and len(words[0]) > 3:
        found = table.get(" ".join([words[0][2:], *words[1:]]))
    return found


def english_names(text: str) -> list[str]:
    """The name with its known business words in English ("company national oil iran"
    for شرکت ملی نفت ایران), or none when no word is known. A term with two English
    forms ("iran|iranian": Persian says "oil company of Iran" where the list says "Iranian
    Oil Company") gives a second name with every term in its second form."""
    words = fold_arabic(text).split()
    first: list[str] = []
    second: list[str] = []
    translated = False
    i = 0
    while i < len(words):
        for size in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            found = _lookup(words[i:i + size])
            if found is not None:
                forms = found.split("|")
                first.append(forms[0])
                second.append(forms[-1])
                translated = True
                i += size
                break
        else:
            first.append(words[i])
            second.append(words[i])
            i += 1
    if not translated:
        return []
    return list(dict.fromkeys([" ".join(first), " ".join(second)]))
