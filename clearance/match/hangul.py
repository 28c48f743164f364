"""Korean names in Hangul: Revised Romanization and the McCune-Reischauer form the lists use.

South Korean names are usually romanised by the Revised Romanization of Korean (2000:
김정은 "Gim Jeongeun"); North Korean names on the SDN list follow McCune-Reischauer as the
DPRK writes it, without diacritics (1992 DPRK system: "KIM Jong Un", "RI Yong Ho", "CHOE
Ryong Hae", "PAK Pong Ju", "JANG Song Thaek"). Each syllable is decomposed into its jamo
(Unicode's arithmetic Hangul decomposition) and written by the chosen table. A person's
name of two to four syllables is the surname (one syllable; two for four-syllable names)
and the given name as one unit ("kim jongun"), so that "Kim Hyojin" is never "Kim Hyo".
Conventional surname spellings (Lee, Park, Choi) meet through `resources/name_variants.yml`.

Most South Koreans' own passports and papers use neither system but the popular spelling
that grew out of McCune-Reischauer without its breves (최두호 "Choi Doo-ho", 황종수 "Hwang
Jong-soo", 현우성 "Hyun Woo-sung", 오슬기 "Oh Seul-ki"): "pop" writes that spelling, a third
reading of a person's name. Its rules are the spellings most used in South Korean passports
(for surnames as surveyed by the National Institute of Korean Language): ㅓ as u (uh in an
open syllable), ㅕ as yu (영 young), ㅜ as oo in an open syllable (우 Woo), ㅢ after h as ee, k for
ㄱ; surnames with ch for ㅈ (조 Cho, 장 Chang), sh before i (신 Shin), an h after a bare
vowel (오 Oh, 안 Ahn), 이 Lee and 유 Yoo.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product
from typing import Final

__all__ = ["given_agrees", "has_hangul", "korean_given", "korean_name", "korean_surname",
           "north_spelling", "person_tokens", "romanize", "surname_agrees"]

_HANGUL = re.compile("[\uac00-\ud7a3]")
_WORD = re.compile("[\uac00-\ud7a3]+")
# initial consonants (19), vowels (21), final consonants (28: none first), per system
_INITIALS = {
    "rr": ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k",
           "t", "p", "h"],
    "mr": ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh",
           "th", "ph", "h"],
    "pop": ["k", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k",
            "t", "p", "h"],
}
_VOWELS = {
    "rr": ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
           "wo", "we", "wi", "yu", "eu", "ui", "i"],
    "mr": ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u",
           "wo", "we", "wi", "yu", "u", "ui", "i"],
    "pop": ["a", "ae", "ya", "yae", "u", "e", "yu", "ye", "o", "wa", "wae", "oi", "yo", "u",
            "wo", "we", "wi", "yu", "eu", "ui", "i"],
}
_A, _EO, _YEO, _O, _U, _WI, _YU, _UI, _I = 0, 4, 6, 8, 13, 16, 17, 19, 20  # vowel numbers
_IEUNG, _HIEUH, _JIEUT, _SIOS = 11, 18, 12, 9  # initial numbers
_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m",
           "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]


def has_hangul(text: str) -> bool:
    """True when the text has Hangul syllables."""
    return _HANGUL.search(text) is not None


#: McCune-Reischauer voices k, t, p inside a word after a vowel or n, m, ng, l: 리만건 is
#: "RI Man Gon" and 김수길 "KIM Su Gil" on the SDN list, not "Mankon", "Sukil"
_VOICED = {"k": "g", "t": "d", "p": "b"}
_VOICING_FINALS = frozenset({"", "n", "m", "ng", "l"})


def _word(word: str, system: str, surname: bool = False) -> str:
    out = []
    before = None  # the previous syllable's final consonant
    for ch in word:
        code = ord(ch) - 0xAC00
        initial = _INITIALS[system][code // 588]
        if system == "mr" and before in _VOICING_FINALS:
            initial = _VOICED.get(initial, initial)
        before = _FINALS[code % 28]
        vowel = _VOWELS[system][(code % 588) // 28]
        if system == "pop":
            initial, vowel = _popular(code, initial, vowel, before, surname)
        out.append(initial + vowel + before)
    return "".join(out)


def _popular(code: int, initial: str, vowel: str, final: str, surname: bool
             ) -> tuple[str, str]:
    """One syllable's initial and vowel in the popular spelling (module docstring)."""
    first, v = code // 588, (code % 588) // 28
    if v == _EO and not final:
        vowel = "uh"  # 서 Suh, 허 Huh
    elif v == _YEO and first == _IEUNG and final == "ng":
        vowel = "you"  # 영 Young
    elif v == _U and not final:
        vowel = "woo" if first == _IEUNG else "oo"  # 수 Soo, 두 Doo, 우 Woo
    elif v == _UI and first == _HIEUH:
        vowel = "ee"  # 희 Hee
    if surname:
        if first == _JIEUT:
            initial = "ch"  # 조 Cho, 장 Chang, 정 Chung
        elif first == _SIOS and v == _I:
            initial = "sh"  # 신 Shin, 심 Shim
        elif first == _IEUNG and v in (_O, _A) and final in ("", "n"):
            vowel += "h"  # 오 Oh, 안 Ahn
        elif first == _IEUNG and not final and v in (_I, _YU):
            vowel = "lee" if v == _I else "yoo"  # 이 Lee, 유 Yoo
    return initial, vowel


def romanize(text: str, system: str = "rr") -> str:
    """Hangul words romanised syllable by syllable ("rr", "mr" or "pop"); other text
    passes."""
    return _WORD.sub(lambda m: _word(m.group(), system), text)


def _surname_given(word: str) -> tuple[str, str]:
    """A Korean name written in one word of 2-4 syllables: one syllable of surname, two for
    four-syllable names (남궁민수), then the given name."""
    cut = 2 if len(word) == 4 else 1
    return word[:cut], word[cut:]


def person_tokens(text: str, system: str = "rr") -> list[str] | None:
    """A Korean person's name as [surname, given name]: one Hangul word of 2-4 syllables, or
    a surname and a given name written apart ("김 정은"). None for other text."""
    words = text.split()
    if not words or not all(_WORD.fullmatch(w) for w in words):
        return None
    if len(words) == 1 and 2 <= len(words[0]) <= 4:
        words = list(_surname_given(words[0]))
    return [_word(w, system, surname=k == 0 and len(words) > 1) for k, w in enumerate(words)]


# Every way a syllable's parts are written in names: the three systems above, DPRK and
# older spellings with their aspiration marks dropped (ch'o'l), and the common passport
# forms (Soo, Hee, Suk, Young, Kyung, Chul); used to tell another spelling of a given name
# from another name.
_INITIAL_FORMS = [("g", "k"), ("kk", "gg", "k"), ("n",), ("d", "t"), ("tt", "dd", "t"),
                  ("r", "l", "n"), ("m",), ("b", "p"), ("pp", "bb", "p"), ("s", "sh"),
                  ("ss", "s", "sh"), ("",), ("j", "ch"), ("jj", "tch", "ch", "j"), ("ch", "c"),
                  ("k", "kh"), ("t", "th"), ("p", "ph"), ("h",)]
_VOWEL_FORMS = [("a",), ("ae", "ai", "e"), ("ya",), ("yae", "ye"), ("eo", "o", "u", "uh"),
                ("e",), ("yeo", "yo", "yu", "you"), ("ye",), ("o", "oh"), ("wa",),
                ("wae", "we"), ("oe", "oi", "we"), ("yo",), ("u", "oo"), ("wo",), ("we",),
                ("wi",), ("yu", "yoo"), ("eu", "u"), ("ui", "eui", "ee", "i", "ei"),
                ("i", "ee")]
_FINAL_FORMS = {"": ("",), "k": ("k", "g"), "n": ("n",), "t": ("t", "d", "s"),
                "l": ("l", "r"), "m": ("m",), "p": ("p", "b"), "ng": ("ng",)}


@lru_cache(maxsize=12_000)
def _spellings(syllable: str) -> frozenset[str]:
    code = ord(syllable) - 0xAC00
    first, vowel = code // 588, (code % 588) // 28
    initials = _INITIAL_FORMS[first]
    vowels = _VOWEL_FORMS[vowel]
    if first == _IEUNG and vowel in (_U, _WI):  # 우 Woo, 위 Wi
        vowels = (*vowels, "woo", "wu", "wi")
    finals = _FINAL_FORMS[_FINALS[code % 28]]
    return frozenset(a + b + c for a, b, c in product(initials, vowels, finals))


@lru_cache(maxsize=20_000)
def korean_name(text: str) -> tuple[str, str] | None:
    """(surname, given name), in Hangul, of a person's name written as Koreans write their
    own: one Hangul word of two to four syllables, the surname first. None for other text."""
    if not 2 <= len(text) <= 4 or not _WORD.fullmatch(text):
        return None
    return _surname_given(text)


def korean_given(text: str) -> str | None:
    """The given name of a name `korean_name` reads; None for other text."""
    parts = korean_name(text)
    return None if parts is None else parts[1]


#: answers kept of `given_agrees` and `surname_agrees` (pure functions of their two words):
#: a Korean query's bound asks them of every listed word and run of its candidates, in each
#: of its readings, and query after query bears the same surnames and syllables (several
#: thousand instructions an answer, interpreted; one entry some 200 bytes with its strings,
#: at most ~6 MB and ~3 MB a process)
AGREES_KEPT: Final = 1 << 15
SURNAMES_KEPT: Final = 1 << 14


@lru_cache(maxsize=AGREES_KEPT)
def given_agrees(given: str, written: str) -> bool:
    """Whether `written` (a listed given name's letters, run together) spells the Hangul
    `given` syllable by syllable in some romanisation: "yongtaik" spells 용택, "yongsu" does
    not spell 영숙 (숙 ends in k: another syllable)."""
    return _given_agrees(given, written)


def _given_agrees(given: str, written: str) -> bool:
    """`given_agrees`, not kept (its recursion: each syllable's spellings in turn)."""
    if not given:
        return not written
    for form in _spellings(given[0]):
        if written.startswith(form) and _given_agrees(given[1:], written[len(form):]):
            return True
    return False


def korean_surname(text: str) -> str | None:
    """The surname of a name `korean_name` reads; None for other text."""
    parts = korean_name(text)
    return None if parts is None else parts[0]


_LIEUL, _NIEUN = 5, 2  # initial numbers
#: vowels before which the South writes a word's initial ㄹ as ㅇ (리 이, 련 연, 룡 용, 류 유)
#: and as ㄴ (로 노, 릉 능, 래 내): the South's initial-sound rule (두음법칙), which the North
#: does not follow
_IOTATED = frozenset({2, 6, 7, 12, 17, 20})  # ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ
_OPEN = frozenset({0, 1, 8, 11, 13, 18})  # ㅏ ㅐ ㅗ ㅚ ㅜ ㅡ


def north_spelling(word: str) -> str:
    """A Hangul word as the North writes it, when the South's initial-sound rule may have
    changed its first syllable: an initial ㅇ before ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ and an initial ㄴ
    before ㅏ ㅐ ㅗ ㅚ ㅜ ㅡ become ㄹ (능라도 릉라도 Rungrado, 연하 련하 Ryonha). A guess for a
    name (유성 may be 유성 in the North too): used as another reading, never instead."""
    if not word or not _WORD.match(word[0]):
        return word
    code = ord(word[0]) - 0xAC00
    first, vowel = code // 588, (code % 588) // 28
    if (first == _IEUNG and vowel in _IOTATED) or (first == _NIEUN and vowel in _OPEN):
        word = chr(0xAC00 + _LIEUL * 588 + code % 588) + word[1:]
    return word


@lru_cache(maxsize=2_000)
def _surname_spellings(syllable: str) -> frozenset[str]:
    """A surname syllable's spellings: a given-name syllable's, plus the South's initial-sound
    rule (두음법칙: 리 Ri in the North is 이 Lee in the South, 림 Rim 임 Im, 량 Ryang 양 Yang,
    로 Ro 노 No) both ways, an h after a bare vowel (Oh, Ahn, Sohn, Noh, Koh) and the
    conventional Lee, Rhee, Yi and Park."""
    code = ord(syllable) - 0xAC00
    first, vowel = code // 588, (code % 588) // 28
    forms = set(_spellings(syllable))
    bare = {f[len(i):] for f in forms for i in _INITIAL_FORMS[first] if f.startswith(i)}
    if first in (_LIEUL, _NIEUN, _IEUNG):
        forms |= {i + f for f in bare for i in ("", "n", "r", "l")}
    forms |= {f + "h" for f in forms if f.endswith(("o", "a"))}
    forms |= {f[:-1] + "hn" for f in forms if f.endswith(("on", "an"))}
    if vowel == _I and not _FINALS[code % 28] and first in (_LIEUL, _IEUNG):
        forms |= {"lee", "rhee", "yi"}  # 이, 리
    forms |= {"par" + f[2:] for f in forms if f.startswith(("pak", "bak"))}  # 박 Park
    return frozenset(forms)


@lru_cache(maxsize=SURNAMES_KEPT)
def surname_agrees(surname: str, written: str) -> bool:
    """Whether `written` (one listed word) spells the Hangul `surname` in some romanisation or
    its conventional form: "rim" and "lim" spell 임, "jang" does not spell 양."""
    if len(surname) == 1:
        return written in _surname_spellings(surname)
    return any(written.startswith(f) and _given_agrees(surname[1:], written[len(f):])
               for f in _surname_spellings(surname[0]))
