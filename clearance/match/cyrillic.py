"""Romanise Cyrillic the way OFAC and most Western lists do (BGN/PCGN-like, ASCII only).

ICU's Cyrillic-Latin is ISO 9 (č, š, ž), which loses its diacritics in ASCII folding and
turns "Викторович" into "viktorovic". This table writes "viktorovich", the spelling the
lists use; `clearance.match.fold` then unifies the remaining standards
(Yuryevich / Iurevich / Jurjevic).
"""

from __future__ import annotations

import re

__all__ = ["BULGARIAN_YER", "has_cyrillic", "romanize"]

_TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj",
    "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz", "ѓ": "g", "ќ": "k", "ѕ": "dz",
}
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    """True when the text contains Cyrillic letters."""
    return _CYRILLIC.search(text) is not None


#: ё after a vowel is a yo, as BGN/PCGN's yë and Polivanov's Japanese write it (Киёка
#: KIYOKA, Миёси MIYOSHI); after a consonant it is the e the lists write (Артём ARTEM)
_VOWEL_YO = re.compile("(?<=[аеёиоуыэюяіїє])ё")


#: Bulgarian's ъ, a vowel, stands before a consonant (Петър, Вълчев) and is romanised a,
#: as Bulgaria's Transliteration Act (2009) and BGN/PCGN write it (PETAR, VALCHEV); Russian
#: writes ъ before е, ё, ю, я alone, a sign of no sound
BULGARIAN_YER = re.compile("ъ(?=[бвгджзйклмнпрстфхцчшщ])")


def romanize(text: str) -> str:
    """Cyrillic letters -> ASCII (lower case expected); other characters pass through."""
    if "ё" in text:
        text = _VOWEL_YO.sub("йо", text)
    if "ъ" in text:
        text = BULGARIAN_YER.sub("а", text)
    return "".join(_TABLE.get(ch, ch) for ch in text)
