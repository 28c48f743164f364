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
from functools import cache, lru_cache

from clearance.resources import load_resource

__all__ = ["HAN_RANGES", "build_readings", "hk_syllable", "jyutping", "person_tokens"]

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


def _spell(chars: str) -> str | None:
    """Characters read in Cantonese and spelt as Hong Kong does, run together."""
    out = []
    for char in chars:
        reading = jyutping(char)
        if reading is None:
            return None
        out.append(hk_syllable(reading))
    return "".join(out)


def person_tokens(han: str) -> list[str] | None:
    """[surname, given name] of a 2-4 character Han name read in Cantonese, each run together
    as `zh.person_tokens` runs the pinyin ("lamcheng", "yuetngo"; the lists' hyphens and
    spaces split words that the comparison's join pass runs together again). The cut is
    `zh.person_tokens`': a four-character name is a two-character surname (欧阳, or a wife's
    two surnames, 林郑) and the given name; a surname Hong Kong spells its own way takes
    that spelling (`_surnames`). None when a character has no reading."""
    cut = 2 if len(han) == 4 else 1
    surname = _surnames().get(han[:cut]) or _spell(han[:cut])
    given = _spell(han[cut:])
    if surname is None or given is None:
        return None
    return [surname, given]
