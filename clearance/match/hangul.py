"""Korean names in Hangul: Revised Romanization and the McCune-Reischauer form the lists use.

South Korean names are usually romanised by the Revised Romanization of Korean (2000:
김정은 "Gim Jeongeun"); North Korean names on the SDN list follow McCune-Reischauer as the
DPRK writes it, without diacritics (1992 DPRK system: "KIM Jong Un", "RI Yong Ho", "CHOE
Ryong Hae", "PAK Pong Ju", "JANG Song Thaek"). Each syllable is decomposed into its jamo
(Unicode's arithmetic Hangul decomposition) and written by the chosen table. A person's
name of two to four syllables is the surname (one syllable; two for four-syllable names)
and the given name as one unit ("kim jongun"), so that "Kim Hyojin" is never "Kim Hyo".
Conventional surname spellings (Lee, Park, Choi) meet through `resources/name_variants.yml`.
"""

from __future__ import annotations

import re

__all__ = ["has_hangul", "person_tokens", "romanize"]

_HANGUL = re.compile("[\uac00-\ud7a3]")
_WORD = re.compile("[\uac00-\ud7a3]+")
# initial consonants (19), vowels (21), final consonants (28: none first), per system
_INITIALS = {
    "rr": ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k",
           "t", "p", "h"],
    "mr": ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh",
           "th", "ph", "h"],
}
_VOWELS = {
    "rr": ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
           "wo", "we", "wi", "yu", "eu", "ui", "i"],
    "mr": ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u",
           "wo", "we", "wi", "yu", "u", "ui", "i"],
}
_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m",
           "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]


def has_hangul(text: str) -> bool:
    """True when the text has Hangul syllables."""
    return _HANGUL.search(text) is not None


#: McCune-Reischauer voices k, t, p inside a word after a vowel or n, m, ng, l: 리만건 is
#: "RI Man Gon" and 김수길 "KIM Su Gil" on the SDN list, not "Mankon", "Sukil"
_VOICED = {"k": "g", "t": "d", "p": "b"}
_VOICING_FINALS = frozenset({"", "n", "m", "ng", "l"})


def _word(word: str, system: str) -> str:
    out = []
    before = None  # the previous syllable's final consonant
    for ch in word:
        code = ord(ch) - 0xAC00
        initial = _INITIALS[system][code // 588]
        if system == "mr" and before in _VOICING_FINALS:
            initial = _VOICED.get(initial, initial)
        before = _FINALS[code % 28]
        out.append(initial + _VOWELS[system][(code % 588) // 28] + before)
    return "".join(out)


def romanize(text: str, system: str = "rr") -> str:
    """Hangul words romanised syllable by syllable ("rr" or "mr"); other text passes."""
    return _WORD.sub(lambda m: _word(m.group(), system), text)


def person_tokens(text: str, system: str = "rr") -> list[str] | None:
    """A Korean person's name as [surname, given name]: one Hangul word of 2-4 syllables, or
    a surname and a given name written apart ("김 정은"). None for other text."""
    words = text.split()
    if not words or not all(_WORD.fullmatch(w) for w in words):
        return None
    if len(words) == 1 and 2 <= len(words[0]) <= 4:
        cut = 2 if len(words[0]) == 4 else 1
        words = [words[0][:cut], words[0][cut:]]
    return [romanize(w, system) for w in words]
