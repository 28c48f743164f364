"""Syllables of a Chinese person's name read from its Han characters, against a listed word.

A Han-script name's pinyin is spelt exactly, syllable by syllable, and in a Chinese given
name each syllable is a character chosen on its own: 秀荣 "xiurong" is not XUTONG, nor
桂英 "guiying" CUIYING, however near their letters. A listed word spelt in pinyin syllables
(or in Wade-Giles, which writes the same syllables with other letters: Chiang, Kuo, Teng)
is the query's word only where every syllable agrees; a word no such syllables spell
(Hsiung aside, which Wade-Giles reads: Kwai, Tsui, a foreign name) is left to the letters'
similarity.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["other_syllables", "person_syllables"]

#: initials (pinyin and Wade-Giles), longest first
_INITIAL = r"(zh|ch|sh|hs|ts|tz|[bpmfdtnlgkhjqxrzcsyw])?"
#: finals, longest first (Wade-Giles's ien, ung, iung, ih, eh, ieh, uei, ueh among them)
_FINAL = (r"(iang|iong|uang|iung|ang|eng|ing|ong|ung|uai|uan|ian|ien|iao|uei|ueh|ieh|"
          r"ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|er|ih|eh|a|o|e|i|u|v)")
_SYLLABLE = re.compile(_INITIAL + _FINAL)
#: a word of such syllables; only its first may start with a vowel (a later one would need
#: pinyin's apostrophe, xi'an: "lee" and "soong" are no pinyin)
_WORD = re.compile(f"{_INITIAL}{_FINAL}(?:{_INITIAL[:-1]}{_FINAL})*")

#: the pinyin initials a listed word's initial may write: Wade-Giles's unaspirated ch, k,
#: t, p, ts are pinyin's zh / j, g, d, b, z (its aspirated ones lose the apostrophe: q,
#: ch, k, t, p, c); its hs is x, its j r; y and w may be left out before i and u
_LISTED_INITIALS = {
    "ch": frozenset({"ch", "zh", "j", "q"}), "k": frozenset({"k", "g"}),
    "t": frozenset({"t", "d"}), "p": frozenset({"p", "b"}), "ts": frozenset({"z", "c"}),
    "tz": frozenset({"z", "c"}), "hs": frozenset({"x"}), "j": frozenset({"j", "r"}),
    "": frozenset({"", "y", "w"}),
}
#: the pinyin finals a listed final may write (Wade-Giles's, and ü written u or v)
_LISTED_FINALS = {
    "ien": frozenset({"ian"}), "ung": frozenset({"ong"}), "iung": frozenset({"iong"}),
    "ih": frozenset({"i"}), "eh": frozenset({"e"}), "ieh": frozenset({"ie"}),
    "uei": frozenset({"ui"}), "ueh": frozenset({"ue", "ve"}), "o": frozenset({"o", "e", "uo"}),
    "u": frozenset({"u", "v"}), "ue": frozenset({"ue", "ve"}), "un": frozenset({"un", "vn"}),
}


#: whole listed syllables that write a pinyin one their parts alone do not: Wade-Giles's
#: yu for you, yen for yan, and its u after a sibilant for pinyin's i (tzu zi, tzu ci)
_LISTED_SYLLABLES = {
    ("y", "u"): frozenset({("y", "ou")}), ("y", "en"): frozenset({("y", "an")}),
    ("tz", "u"): frozenset({("z", "i"), ("c", "i")}),
    ("ts", "u"): frozenset({("z", "i"), ("c", "i")}),
}


def _parts(syllable: str) -> tuple[str, str] | None:
    m = _SYLLABLE.fullmatch(syllable)
    return None if m is None else (m.group(1) or "", m.group(2))


def _agrees_one(query: tuple[str, str], listed: tuple[str, str]) -> bool:
    """Whether a listed syllable (initial, final) may write the query's pinyin one."""
    initial, final = listed
    return ((query[0] in _LISTED_INITIALS.get(initial, (initial,))
             and query[1] in _LISTED_FINALS.get(final, (final,)))
            or query in _LISTED_SYLLABLES.get(listed, ()))


@lru_cache(maxsize=20_000)
def person_syllables(han: str) -> dict[str, tuple[str, ...]]:
    """The Mandarin reading's words of a Han person's name (`zh.person_tokens`: surname,
    given name), each with its characters' syllables; {} if the text is no such name."""
    from clearance.match import zh

    text = "".join(han.split())
    tokens = zh.person_tokens(text)
    if tokens is None:
        return {}
    parts = zh.name_syllables(text)
    out = dict(zip(tokens, parts))
    # the Wade-Giles reading's words spell the same syllables (张 "chang" is zhang)
    for token, part in zip(zh.person_tokens(text, "wadegiles") or (), parts):
        out.setdefault(token, part)
    return out


@lru_cache(maxsize=1 << 16)
def other_syllables(syllables: tuple[str, ...], listed: str) -> bool:
    """Whether a listed word (or words, space-separated, a run of the listed name) spells
    pinyin (or Wade-Giles) syllables none of whose readings agrees with the query word's
    `syllables` one for one: another name."""
    if any(_WORD.fullmatch(word) is None for word in listed.split(" ")):
        return False
    keys: list[tuple[str, str]] = []
    for syllable in syllables:
        parts = _parts(syllable)
        if parts is None:
            return False
        keys.append(parts)
    return not _agrees(tuple(keys), listed, True)


def _agrees(keys: tuple[tuple[str, str], ...], listed: str, first: bool) -> bool:
    """Whether `listed` splits into syllables that write `keys`, in order (as `_WORD`
    reads them: only a word's `first` may start with a vowel; none spans two words)."""
    if not keys:
        return not listed
    if listed[:1] == " ":
        listed, first = listed[1:], True
    for end in range(1, min(len(listed), 6) + 1):
        parts = _parts(listed[:end])
        if (parts is not None and (first or parts[0]) and _agrees_one(keys[0], parts)
                and _agrees(keys[1:], listed[end:], False)):
            return True
    return False
