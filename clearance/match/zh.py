"""Chinese names: translate known business terms and brands, romanise the rest (pinyin).

Listed Chinese companies appear in English ("Hangzhou Hikvision Digital Technology Co.,
Ltd."), while a query may be the registered Chinese name. Longest-match segmentation over
the term table (`resources/zh_terms.yml`) and the brand table (`resources/zh_companies.yml`)
turns 杭州海康威视数字技术股份有限公司 into "hangzhou hikvision digital technology co ltd";
characters outside both tables become pinyin syllables (person names: 王伟 -> "wang wei").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final

from clearance.match import cantonese
from clearance.match.guess import Fits, Guess
from clearance.match.places import zh_places
from clearance.resources import load_resource

__all__ = ["business_terms", "english_names", "has_han", "name_syllables", "passport_name",
           "person_tokens", "romanize", "simplified", "term_table", "wade_giles"]

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def has_han(text: str) -> bool:
    """True when the text contains Chinese characters."""
    return _HAN.search(text) is not None


@cache
def business_terms() -> dict[str, str]:
    """Chinese business term or brand -> English words."""
    table: dict[str, str] = dict(load_resource("zh_terms")["terms"])
    for company in load_resource("zh_companies")["companies"]:
        table[company["brand_zh"]] = company["brand_en"].lower()
    return table


@cache
def term_table() -> dict[str, str]:
    """Chinese term -> English words: places (浙江省 -> zhejiang), then business terms and
    brands, which win on equal keys (longest terms win in `romanize`)."""
    table: dict[str, str] = dict(zh_places())
    table.update(business_terms())
    return table


@cache
def _max_term() -> int:
    return max(len(k) for k in term_table())


@cache
def _simplified() -> dict[int, str]:
    """Traditional character -> the simplified one the term tables are keyed by
    (`resources/zh_traditional.yml`, from OpenCC), as a `str.translate` table."""
    return {ord(t): s for t, s in load_resource("zh_traditional")["characters"].items()}


def simplified(text: str) -> str:
    """`text` with the traditional characters of the term tables' keys simplified."""
    return text.translate(_simplified())


@lru_cache(maxsize=1 << 17)  # one entry per Han character at most (about 100,000)
def _pinyin(char: str) -> str:
    """One character's pinyin (pypinyin takes some 40 microseconds a call)."""
    from pypinyin import lazy_pinyin  # its phrase tables take long to import: Han text only

    return " " + " ".join(lazy_pinyin(char)) + " "


def romanize(text: str) -> str:
    """Translate known terms, pinyin for the rest; non-Chinese text passes through."""
    table = term_table()
    keys = simplified(text)  # terms are met in either writing; readings are the same
    out: list[str] = []
    i = 0
    while i < len(text):
        if not _HAN.match(text[i]):
            out.append(text[i])
            i += 1
            continue
        for size in range(min(_max_term(), len(text) - i), 0, -1):
            word = table.get(keys[i:i + size])
            if word is not None:
                out.append(f" {word} ")
                i += size
                break
        else:
            out.append(_pinyin(text[i]))
            i += 1
    return " ".join("".join(out).split())


def english_names(text: str) -> list[str]:
    """The English listed names of curated companies whose Chinese legal name is in
    `text`: Latin names it is known by beside its readings."""
    keys = simplified(text)
    return [str(company["en"]) for company in load_resource("zh_companies")["companies"]
            if company["zh"] in keys]


def passport_name(text: str) -> str | None:
    """A Han person's name whose pinyin has ü spelt as China's passports have spelt it
    since 2012, yu (吕伟 "lyu wei": LYU, NYU, LYUE); None for any other text. The Mandarin
    reading writes ü as pypinyin's v (LV, as older passports and many lists write it), the
    Wade-Giles reading as u (LU); a listed LYU is near neither (no pair of their letters
    is similar), so it is met by this Latin name. It is a sure `Guess` of its words'
    spellings: a word with ü is the listed word that writes it v or u too (LU beside a
    given name in pinyin, LU, Wei, which neither reading spells: Wade-Giles writes
    吕建军 "lu chienchun"); any other is the listed word that writes it alike, as the
    Mandarin reading's syllables are (呂秀英 "xiuying" is not XINNING)."""
    tokens = person_tokens(text)
    if tokens is None or not any("v" in t for t in tokens):  # (no other pinyin has a v)
        return None
    fits = {t.replace("v", "yu"): _umlaut_spellings(t) for t in tokens}
    return Guess(" ".join(t.replace("v", "yu") for t in tokens), fits, sure=True)


def _umlaut_spellings(token: str) -> Fits:
    """The test of a list word for a pinyin word: the word with its ü (v) as yu, v or u."""
    spellings = frozenset(token.replace("v", u) for u in ("yu", "v", "u"))
    return spellings.__contains__


_HAN_PERSON = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,4}")


def person_tokens(text: str, reading: str = "mandarin") -> list[str] | None:
    """A person's name written in Han characters: surname, then the given name as one unit.

    陈海东 is Chen Haidong (written "Chen Hai Dong" or "Haidong Chen" too, never "Chen
    Dong"): the given name's syllables belong together. Two or three characters are a
    one-character surname and the given name; four, a two-character surname (欧阳, 司马) and
    the given name. None when the text is not 2-4 Han characters (spaces aside) or holds a
    known business term. `reading` "cantonese" spells it as Hong Kong does
    (`clearance.match.cantonese`: 林郑月娥 -> lamcheng yuetngo), "mandarin" in pinyin,
    "wadegiles" in Wade-Giles as Taiwan and older lists write it (张春雄 -> chang chunhsiung:
    `wade_giles`).
    """
    tokens = _person_reading("".join(text.split()), reading)
    return None if tokens is None else list(tokens)


@lru_cache(maxsize=20_000)
def _person_reading(han: str, reading: str) -> tuple[str, ...] | None:
    """`person_tokens`, memoised: a query's name is read for each of its variants (pypinyin
    takes some 100 microseconds a name)."""
    if _HAN_PERSON.fullmatch(han) is None:
        return None
    table = business_terms()
    if any(han[i:j] in table for i in range(len(han)) for j in range(i + 2, len(han) + 1)):
        return None
    if reading == "cantonese":
        tokens = cantonese.person_tokens(han)
        return None if tokens is None else tuple(tokens)
    surname, given = name_syllables(han)
    if reading == "wadegiles":
        return ("".join(map(_wade_giles_syllable, surname)),
                "".join(map(_wade_giles_syllable, given)))
    return "".join(surname), "".join(given)


@lru_cache(maxsize=20_000)
def name_syllables(han: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A 2-4 character name's pinyin syllables, one a character: the surname's and the
    given name's (as `person_tokens` cuts them), each read as a word. One pypinyin call
    (some 100 microseconds) feeds every Mandarin and Wade-Giles reading of the name."""
    from pypinyin import lazy_pinyin  # Han text only (see `_pinyin`)

    cut = 2 if len(han) == 4 else 1
    syllables = lazy_pinyin([han[:cut], han[cut:]])  # a list: each item read on its own
    return tuple(syllables[:cut]), tuple(syllables[cut:])


#: pinyin syllables Wade-Giles writes alike, which pypinyin's style (0.55) misspells (海
#: hai as "hei", 霍 huo as "ho": its table's unchanged entries fall through to its finals')
_SAME_IN_WADE_GILES: Final = frozenset({"ai", "hai", "lai", "mai", "nai", "sai", "shai",
                                        "wai", "huo", "shuo"})


def wade_giles(han: str) -> list[str]:
    """Han characters' Wade-Giles syllables as the lists write them: without the aspiration
    apostrophes and with u for ü (吳宥辰 -> wu yu chen, 許 hsu), as pypinyin's style spells
    pinyin's finals after y and w (you yu, yan yen, yong yung)."""
    from pypinyin import lazy_pinyin  # Han text only (see `_pinyin`)

    return [_wade_giles_syllable(p) for p in lazy_pinyin(han)]


@lru_cache(maxsize=4_096)  # some 1,500 syllables
def _wade_giles_syllable(syllable: str) -> str:
    """`wade_giles` of one pinyin syllable, by pypinyin's own Wade-Giles style: a
    function of the syllable alone (its toneless spelling; a second pypinyin reading of
    the characters in that style gave the same)."""
    from pypinyin import Style
    from pypinyin.style import convert

    if syllable in _SAME_IN_WADE_GILES:
        return syllable
    return str(convert(syllable, Style.WADEGILES, True)).replace("'", "").replace("v", "u")
