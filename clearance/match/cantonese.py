"""Cantonese readings of Han person names, spelt as Hong Kong writes them.

Hong Kong and Macau people are listed under the Hong Kong Government's Cantonese
romanisation (林郑月娥 is LAM CHENG Yuet-ngor, 邓炳强 TANG Ping-keung), which the Mandarin
pinyin reading of `zh.person_tokens` never meets (lin zheng yue e, deng bing qiang). Each
character's Jyutping comes from ToJyutping (CanCLID's maintained character and word table,
traditional and simplified characters alike; read from `resources/jyutping.yml`, which
`build_readings` writes from it); `resources/hk_romanisation.yml` turns it into
the Hong Kong spelling (dang6 -> tang, koeng4 -> keung, jyut6 -> yuet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from clearance.resources import load_resource

__all__ = ["HAN_RANGES", "Reading", "build_readings", "hk_syllable", "jyutping", "lookup_words",
           "name_agrees", "person_reading", "person_tokens", "spells", "syllable_forms"]

_SYLLABLE = re.compile(r"(gw|kw|ng|[bpmfdtnlgkhwzcsj])?([a-z]+?)[1-6]?")


@cache
def _rules() -> tuple[dict[str, str], tuple[str, ...], dict[str, str]]:
    data = load_resource("hk_romanisation")
    return (dict(data["initials"]), tuple(data["sh_before"]), dict(data["finals"]))


@cache
def _surnames() -> dict[str, str]:
    """Surnames Hong Kong spells otherwise than their syllables (李 Lee, not Lei)."""
    return {str(k): str(v) for k, v in load_resource("hk_romanisation")["surnames"].items()}


@lru_cache(maxsize=4_096)
def hk_syllable(syllable: str) -> str:
    """One Jyutping syllable (tone number optional) in Hong Kong spelling: "dang6" -> "tang",
    "zoeng1" -> "cheung", "jyut6" -> "yuet", "ng4" (吴) -> "ng"."""
    match = _SYLLABLE.fullmatch(syllable)
    if match is None:
        return syllable
    initial, final = match.group(1) or "", match.group(2)
    initials, sh_before, finals = _rules()
    if initial == "s" and final.startswith(sh_before):
        initial = "sh"
    return initials.get(initial, initial) + finals.get(final, final)


#: the Han characters `build_readings` reads: the CJK Unified Ideographs, Extension A and
#: the compatibility block (`zh.has_han`'s ranges)
HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@cache
def _readings() -> dict[str, str]:
    """Character -> its commonest Jyutping, from `resources/jyutping.yml` (`build_readings`
    wrote it): ToJyutping's own table takes 1.3-1.4 s of CPU to import, once in every batch
    worker that meets a Han person's name; the file, some milliseconds."""
    data = load_resource("jyutping")["readings"]
    return {char: str(reading) for reading, chars in data.items() for char in str(chars)}


def jyutping(char: str) -> str | None:
    """A character's commonest Cantonese reading in Jyutping, None if ToJyutping has none.

    Read one character at a time: in a name the characters are not words (家超 is two
    given-name syllables, not a word), so word readings would mislead."""
    return _readings().get(char)


def build_readings() -> dict[str, str]:
    """`resources/jyutping.yml` worked out from its source: each Han character's reading in
    ToJyutping (CanCLID's maintained character and word table, traditional and simplified
    characters alike), where it gives exactly one, grouped by reading (the file lists, for
    each Jyutping syllable, its characters as one string)."""
    import ToJyutping

    grouped: dict[str, list[str]] = {}
    for start, end in HAN_RANGES:
        for code in range(start, end):
            reading = ToJyutping.get_jyutping_list(chr(code))
            if len(reading) == 1 and reading[0][1]:
                grouped.setdefault(reading[0][1], []).append(chr(code))
    return {k: "".join(v) for k, v in sorted(grouped.items())}


def person_tokens(han: str) -> list[str] | None:
    """[surname, given name] of a 2-4 character Han name read in Cantonese, each run together
    as `zh.person_tokens` runs the pinyin ("lamcheng", "yuetngo"; the lists' hyphens and
    spaces split words that the comparison's join pass runs together again). The cut is
    `zh.person_tokens`': a four-character name is a two-character surname (欧阳, or a wife's
    two surnames, 林郑) and the given name; a surname Hong Kong spells its own way takes
    that spelling (`_surnames`). None when a character has no reading."""
    reading = person_reading(han)
    if reading is None:
        return None
    return [reading.surname_word or "".join(reading.surname), "".join(reading.given)]


@dataclass(frozen=True)
class Reading:
    """A Han person's name read in Cantonese, syllable by syllable, in Hong Kong spelling:
    `surname` and `given` syllables ("lam", "cheng"; "yuet", "ngo") and the surname's own
    Hong Kong spelling where it has one (`_surnames`: 李 "lee", read "lei")."""

    surname: tuple[str, ...]
    given: tuple[str, ...]
    surname_word: str | None = None


@lru_cache(maxsize=20_000)
def person_reading(han: str) -> Reading | None:
    """The `Reading` of a 2-4 character Han name (the cut of `person_tokens`); None when a
    character has no reading."""
    cut = 2 if len(han) == 4 else 1
    surname = _syllables(han[:cut])
    given = _syllables(han[cut:])
    if surname is None or given is None:
        return None
    return Reading(surname, given, _surnames().get(han[:cut]))


def _syllables(chars: str) -> tuple[str, ...] | None:
    """Characters read in Cantonese and spelt as Hong Kong does, one syllable each."""
    out = []
    for char in chars:
        reading = jyutping(char)
        if reading is None:
            return None
        out.append(hk_syllable(reading))
    return tuple(out)


# Other spellings of one Hong Kong syllable's parts in people's names (the Government's
# romanisation is unpublished and irregular: TSANG and CHANG, LI and LEE, KI and KEI, NGOR
# and NGO, CHOY and CHOI, CHOW and CHAU, FOON and FUN). Used to tell another spelling of a
# syllable from another syllable: "chung" is no spelling of 晶 "ching".
_INITIAL_FORMS = {"ch": ("ch", "ts", "tz", "c"), "s": ("s", "sh"), "sh": ("sh", "s")}
_FINAL_FORMS = {
    "a": ("a", "ah"), "e": ("e", "eh"), "o": ("o", "oh", "or", "ou"),
    "i": ("i", "ee", "y", "ie"), "ei": ("ei", "i", "ee", "ey", "ay"),
    "u": ("u", "ue", "oo"), "ui": ("ui", "ue", "ooi", "oi", "eui"),
    "oi": ("oi", "oy"), "ai": ("ai", "ay"), "au": ("au", "ow", "ou", "ao"),
    "iu": ("iu", "eu", "io"), "un": ("un", "oon", "eun"), "ut": ("ut", "oot"),
    "ung": ("ung", "oong"), "uen": ("uen", "un", "uan", "yun"), "uet": ("uet", "ut", "uit"),
    "ak": ("ak", "ack"), "ok": ("ok", "ock"), "ik": ("ik", "ick", "ek"),
    "ek": ("ek", "eck"), "uk": ("uk", "ook"), "eung": ("eung", "eong"),
}
_HK_INITIALS = ("kw", "ch", "sh", "ng", "p", "t", "k", "m", "n", "l", "f", "h", "w", "y", "s")


@lru_cache(maxsize=4_096)
def syllable_forms(syllable: str) -> frozenset[str]:
    """The spellings of one Hong Kong syllable ("chi": chi, tsz, sze, chee, ...)."""
    initial = ""
    for start in _HK_INITIALS:
        if syllable.startswith(start) and len(syllable) > len(start):
            initial = start
            break
    final = syllable[len(initial):]
    initials = _INITIAL_FORMS.get(initial, (initial,))
    finals = _FINAL_FORMS.get(final, (final,))
    forms = {a + b for a in initials for b in finals}
    if final == "i" and initial in ("ch", "s", "sh"):
        forms |= {"tsz", "tsze", "sze", "sz", "tze", "chee", "see"} if initial == "ch" else {
            "sze", "sz", "see", "si"}
    forms.discard("")
    return frozenset(forms)


def spells(syllables: tuple[str, ...], written: str) -> bool:
    """Whether `written` (listed words' letters, run together) spells `syllables` one by one
    in some Hong Kong spelling of each: "kwokki" spells kwok + kei, "shusang" does not spell
    shun + wang."""
    if not syllables:
        return not written
    for form in syllable_forms(syllables[0]):
        if written.startswith(form) and spells(syllables[1:], written[len(form):]):
            return True
    return False


def _surname_spelt(reading: Reading, written: str) -> bool:
    return written == reading.surname_word or spells(reading.surname, written)


def name_agrees(reading: Reading, tokens: tuple[str, ...]) -> bool:
    """Whether a listed name (its tokens) may be this Cantonese reading: a run of its words
    spells the surname and another the given name, syllable by syllable (`spells`; the
    lists write LAM CHENG Yuet-ngor, CHAN Kwok Ki, TANG Pingkeung), each run led by one of
    `lookup_words`. The comparison of letters alone would pair 晶 "ching" with CHUNG and 信宏
    "shunwang" with Shusang, other names: a Han query's syllables are known exactly."""
    surname_words, given_words = lookup_words(reading)
    n = len(tokens)
    for a in range(n):
        if tokens[a] not in surname_words:
            continue
        for b in range(a + 1, min(n, a + len(reading.surname)) + 1):
            if not _surname_spelt(reading, "".join(tokens[a:b])):
                continue
            for c in range(n):
                if (c < b and c >= a) or tokens[c] not in given_words:
                    continue
                for d in range(c + 1, min(n, c + len(reading.given)) + 1):
                    if (d <= a or c >= b) and spells(reading.given, "".join(tokens[c:d])):
                        return True
    return False


@lru_cache(maxsize=4_096)
def lookup_words(reading: Reading) -> tuple[frozenset[str], frozenset[str]]:
    """The words that lead the runs `name_agrees` reads: a spelling of the surname's first
    syllable or of the whole surname, and of the given name's first syllable or of the
    whole given name run together (while its spellings are few: `_run_forms`). A listed
    name that agrees holds one of each (`engine` finds such names by these words)."""
    surname = set(syllable_forms(reading.surname[0]))
    if reading.surname_word is not None:
        surname.add(reading.surname_word)
    surname |= _run_forms(reading.surname)
    given = set(syllable_forms(reading.given[0])) | _run_forms(reading.given)
    return frozenset(surname), frozenset(given)


def _run_forms(syllables: tuple[str, ...], most: int = 256) -> set[str]:
    """The spellings of syllables run together (empty for one syllable, or when they are
    more than `most`)."""
    if len(syllables) < 2:
        return set()
    forms = {""}
    for s in syllables:
        forms = {f + g for f in forms for g in syllable_forms(s)}
        if len(forms) > most:
            return set()
    return forms
