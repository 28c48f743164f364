"""Chinese names written in Hangul by the Korean reading of their characters, read back
in the pinyin the lists write.

Before the Loanword Orthography of 1986 (and in much Korean usage since: history books,
older records, names of the past), Korean wrote a Chinese person's name by the Korean
reading (Sino-Korean, 한자음) of its characters: 毛澤東 is 모택동 (not 마오쩌둥, its Mandarin
sound, `hangul_chinese`), 王昭君 왕소군, 孫中山 손중산. The lists write such a person in
pinyin (WANG Zhaojun). One Hangul syllable is the reading of many characters (소: 昭 zhao,
小 xiao, 蘇 su...), so a name is read (`chinese_names`) as each pinyin its syllables may
be, and only the spellings the lists hold are kept: the surname among the pinyin of the
common Chinese surnames (`hangul_chinese.surnames`, the commonest first), the given name, its syllables run
together as the lists write them (zhaojun), a list spelling (`kana.Spellings`, looked up
by its consonant key). Each is a sure `Guess`: its words pair only with the list words
spelt alike.

The table (`resources/hangul_sino.yml`, written by benchmarks/hangul_sino_table.py from
the CLDR Korean collation and pypinyin) holds each syllable's characters' readings as
written inside a word; at a word's start Korean writes ㄹ before ㅣ ㅑ ㅕ ㅛ ㅠ ㅖ, and ㄴ
before them, as ㅇ, and ㄹ before the other vowels as ㄴ (the initial-sound rule, 두음법칙,
Korean orthography 한글 맞춤법 articles 10-12, National Institute of Korean Language: 李
리 is 이, 劉 류 유, 盧 로 노, 連 련 연 in 이연걸); the first syllable of the surname and of
the given name is read both ways.
"""

from __future__ import annotations

from functools import cache
from itertools import product

from clearance.match.abjad import key
from clearance.match.guess import Guess
from clearance.match.kana import Spellings

__all__ = ["CHINESE_COUNTRIES", "MAX_NAMES", "chinese_country", "chinese_names", "readings",
           "sino_korean"]

#: most pinyin readings of one name
MAX_NAMES = 4
#: most spellings of a given name tried against the lists (its syllables' choices multiply)
MAX_TRIED = 1024

#: the vowels before which a word's first ㄹ and ㄴ are written ㅇ (ㅣ ㅑ ㅕ ㅖ ㅛ ㅠ)
_IOTATED = frozenset((20, 2, 6, 7, 12, 17))
_IEUNG, _NIEUN, _RIEUL = 11, 2, 5


@cache
def _table() -> dict[str, tuple[str, ...]]:
    from clearance.resources import load_resource

    data = load_resource("hangul_sino")
    return {str(k): tuple(str(v).split()) for k, v in data.items()}


def _written_for(syllable: str) -> tuple[str, ...]:
    """The syllables a word's first syllable may stand for by the initial-sound rule
    (itself first): 이 for 리 and 니, 노 for 로."""
    code = ord(syllable) - 0xAC00
    initial, rest = code // 588, code % 588
    vowel = rest // 28
    if initial == _IEUNG and vowel in _IOTATED:
        return (syllable, chr(0xAC00 + _RIEUL * 588 + rest), chr(0xAC00 + _NIEUN * 588 + rest))
    if initial == _NIEUN and vowel not in _IOTATED:
        return (syllable, chr(0xAC00 + _RIEUL * 588 + rest))
    return (syllable,)


def sino_korean(syllable: str) -> bool:
    """Whether a Hangul syllable is the Korean reading of a common Han character (at a
    word's start by the initial-sound rule too): the syllables a Korean person's name of
    characters is written with; 앨, 핑, 쩌 are none (앨런 Allen, 시진핑 Xi Jinping)."""
    return syllable in _sino()


@cache
def _sino() -> frozenset[str]:
    table = _table()
    return frozenset(chr(c) for c in range(0xAC00, 0xD7A4)
                     if any(s in table for s in _written_for(chr(c))))


def readings(syllable: str, first: bool) -> tuple[str, ...]:
    """The pinyin syllables a Hangul syllable may be as the Korean reading of a
    character, at a word's start by the initial-sound rule too (`first`)."""
    table = _table()
    out: dict[str, None] = {}
    for s in _written_for(syllable) if first else (syllable,):
        out.update(dict.fromkeys(table.get(s, ())))
    return tuple(out)


def _listed(choices: list[tuple[str, ...]], spellings: Spellings) -> list[str]:
    """The run-together spellings of the syllables' choices that the lists hold, those of
    the commoner readings first (the sum of each syllable's rank in the table)."""
    tried = sorted(product(*(list(enumerate(c)) for c in choices)),
                   key=lambda c: sum(rank for rank, _ in c))[:MAX_TRIED]
    out: dict[str, None] = {}
    for combination in tried:
        spelt = "".join(s for _, s in combination)
        if any(listed.lower() == spelt for _, listed in spellings.table.get(key(spelt), ())):
            out[spelt] = None
    return list(out)


def chinese_names(text: str, spellings: Spellings, chinese: bool = False) -> list[str]:
    """A name in Hangul of a surname of one syllable and a given name of one or two (in
    one word, or two), read as the pinyin of the Chinese name its syllables may be the
    Korean reading of, where the lists hold the given name so spelt (module docstring).
    At most `MAX_NAMES`, each a sure `Guess`.

    A name shaped as a Korean person's (`hangul_foreign.korean_person`: a Korean surname,
    every Chinese one is, and a given name of one or two syllables) is read so only for a
    party stated `chinese` (of China, Taiwan, Hong Kong or Macao): a Korean's own name is
    the Korean reading of characters too, and one of a Korean book's people in five
    (Faker ko_KR, 1,187 of 5,000) may be read as a Chinese given name the lists hold; 15 of
    those met a listed Chinese person of that name (이진우: 李振宇, LI Zhenyu)."""
    from clearance.match.hangul_chinese import surnames
    from clearance.match.hangul_foreign import hangul_words, korean_person

    words = hangul_words(text)
    if not words or (not chinese and korean_person(words)):
        return []
    if len(words) == 1 and 2 <= len(words[0]) <= 3:
        surname, given = words[0][0], words[0][1:]
    elif len(words) == 2 and len(words[0]) == 1 and 1 <= len(words[1]) <= 2:
        surname, given = words
    else:
        return []
    common = surnames()
    family = sorted((s for s in readings(surname, True) if s in common), key=common.__getitem__)
    if not family:
        return []
    choices = [readings(s, k == 0) for k, s in enumerate(given)]
    if not all(choices):
        return []
    given_names = _listed(choices, spellings)
    ranked = sorted(product(enumerate(family), enumerate(given_names)),
                    key=lambda pair: pair[0][0] + pair[1][0])
    out: list[str] = []
    for (_, name), (_, own) in ranked[:MAX_NAMES]:
        out.append(Guess(f"{name} {own}", {name: frozenset({name}).__contains__,
                                           own: frozenset({own}).__contains__}, sure=True))
    return out


#: the countries whose people's names Korean may write by the Korean reading of their
#: characters (ISO 3166 codes, as a query states them)
CHINESE_COUNTRIES = frozenset({"cn", "tw", "hk", "mo"})


def chinese_country(countries: list[str]) -> bool:
    """Whether a query states a country of `CHINESE_COUNTRIES`."""
    return any(c.strip().lower() in CHINESE_COUNTRIES for c in countries)
