"""Text normalisation steps, each a small pure function (`str -> str`).

Pipeline for any name, list side and query side alike (prepare once, on both sides):
`clean` (NFKC, invisible characters, case) -> `latinize` (script-aware romanisation) ->
`tokenize`. Scripts: Latin passes through ASCII folding; Arabic, Persian and Hebrew are
written letter by letter, consonants only (`clearance.match.abjad`); Cyrillic in the lists'
spelling (`clearance.match.cyrillic`); Korean by the Revised Romanization
(`clearance.match.hangul`); Greek, Japanese and others go through
ICU-grade transliteration (rigour / normality); Chinese goes through `clearance.match.zh`
(places, business terms + pypinyin).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Callable
from functools import cache, lru_cache

from clearance.match import abjad, cyrillic, hangul, hebrew, zh
from clearance.match.limits import MAX_CACHED_TEXT

__all__ = ["clean", "latinize", "normalize", "script_of", "shown_word", "tokenize", "typed_in_latin",
           "unread_word"]

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff\u180e]")
_SPACES = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"(?<=[a-z])['’`´ʼ](?=[a-z])")


@lru_cache(maxsize=200_000)
def clean(text: str) -> str:
    """NFKC, drop invisible characters (ZWSP, soft hyphen, BOM), casefold, collapse spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text.casefold()).strip()


def script_of(text: str) -> str:
    """The dominant script of the letters in `text` ('latin', 'cyrillic', 'han', ...)."""
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        script = name.split(" ", 1)[0].lower() if name else "unknown"
        if script == "cjk":
            script = "han"
        counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "none"
    return max(counts.items(), key=lambda kv: kv[1])[0]


def typed_in_latin(text: str) -> bool:
    """Whether a name is written in Latin letters (below U+0250), as a typist's slips fall:
    a romanisation's letters that differ are its spelling, not slips."""
    return text.isascii() or all([ord(ch) < 0x250 for ch in text])


@lru_cache(maxsize=200_000)
def latinize(text: str) -> str:
    """Romanise to lower-case ASCII: Chinese via business terms + pinyin, others via ICU."""
    if text.isascii():  # (no script below has an ASCII letter: most names skip all four)
        return text.lower()
    if zh.has_han(text):
        text = zh.romanize(text)
    if cyrillic.has_cyrillic(text):
        text = cyrillic.romanize(text)
    if abjad.has_abjad(text):
        text = abjad.romanize(hebrew.read_particles(text))
    if hangul.has_hangul(text):
        text = hangul.romanize(text)
    if text.isascii():  # what ascii_text returns; ICU loads only for text that needs it
        return text.lower()
    return " ".join([_ascii_word(word) for word in text.split(" ")]).lower()


@lru_cache(maxsize=200_000)
def _ascii_word(word: str) -> str:
    """ICU's transliteration of one space-free word, memoised: names share their words
    ("José", "Müller", "Иванов" recur across a book), and a call of the compound
    transliterator costs 15-40 us however short the text. ICU's rules act within runs of
    letters, so the words of a text transliterated one by one and joined again by spaces
    read as the whole text does (tests/match/test_text.py checks names in many scripts)."""
    if word.isascii():
        return word
    out = _ascii_text()(word)
    if out.isascii():
        return out
    out = out.encode("ascii", "replace").decode("ascii")
    if any([ch.isalnum() for ch in out]) or not any([ch.isalpha() for ch in word]):
        return out
    return unread_word(word)


#: the length of `unread_word`'s stand-in (26^7 of them: two words seldom share one)
UNREAD_LETTERS = 7
#: how many stand-ins a process remembers the words of (`shown_word`); a book holds few
UNREAD_KEPT = 10_000
_unread: dict[str, str] = {}


def unread_word(word: str) -> str:
    """A stand-in for a word of a script ICU cannot romanise (Sinhala, Khmer, Lao, Tibetan,
    Mongolian ...): letters drawn from its CRC-32, the same in every process. Dropped, the
    word left the name's other words alone ("Pich <Khmer word>" read as "Pich" alone met
    the one-word name PICHI; three Sinhala surnames "and" a fourth met a listed "and");
    kept as a word no list spells otherwise, it is a name the other side lacks."""
    code = zlib.crc32(word.encode())
    letters = []
    for _ in range(UNREAD_LETTERS):
        code, k = divmod(code, 26)
        letters.append(chr(ord("a") + k))
    standin = "".join(letters)
    if len(_unread) < UNREAD_KEPT:
        _unread[standin] = word
    return standin


def shown_word(token: str) -> str:
    """The word itself where `token` is the stand-in this process made for it, else the
    token: an explanation reading "query only: yrkukna" told a reviewer nothing."""
    return _unread.get(token, token)


#: normality's `ascii_text` rules (normality.transliteration.ASCII_SCRIPT, version 3):
#: to Latin, accents off, symbols out, then Latin to ASCII
ASCII_RULES = ("Any-Latin; NFKD; [:Nonspacing Mark:] Remove; Accents-Any; [:Symbol:] Remove; "
               "[:Nonspacing Mark:] Remove; Latin-ASCII")


@cache
def _ascii_text() -> Callable[[str], str]:
    """ICU's transliterator with normality's rules, built on first use (not per call: an
    import statement in a compiled function looks the module up every time).

    Built here rather than imported from normality: importing normality also imports two
    encoding detectors (chardet, charset_normalizer), 0.1-0.3 s in every batch worker and
    every one-shot process that meets a non-ASCII name. tests/match/test_text.py checks that
    both read alike."""
    from icu import Transliterator

    transliterate: Callable[[str], str] = Transliterator.createInstance(ASCII_RULES).transliterate
    return transliterate


def tokenize(text: str) -> list[str]:
    """Split romanised text into alphanumeric tokens; in-word apostrophes vanish (O'Brien)."""
    text = _APOSTROPHES.sub("", text)
    return [t for t in _NON_ALNUM.split(text) if t != ""]


def normalize(text: str) -> list[str]:
    """The whole pipeline: any-script name -> list of ASCII tokens."""
    text = abjad.persian_words(text)  # before `clean` drops the non-joiner it reads
    if len(text) > MAX_CACHED_TEXT:  # a long text is not worth a slot in the caches
        return tokenize(latinize.__wrapped__(clean.__wrapped__(text)))
    return tokenize(latinize(clean(text)))
