"""Chinese names written in Hangul by their Mandarin sound, read back in pinyin.

Since the Loanword Orthography of 1986 (외래어 표기법, Ministry of Education notice 85-11,
kept by the National Institute of Korean Language: its table 5, 중국어의 주음 부호와 한글
대조표, and section 7, 중국어의 표기), Korean books and the Korean press write a Chinese
person's name by its Mandarin sound, not by the Korean reading of its characters: 趙薇 is
자오웨이 (Zhao Wei), 李先念 리셴녠 (Li Xiannian), not 조미, 이선념. The lists write such a
person in pinyin; a syllable-by-syllable romanisation of the Hangul ("jaoweï") is far
from it. The table (`_TABLE`): each pinyin syllable Mandarin has (the syllables of
pypinyin's character dictionary) as Hangul, by the table's rules: initials b ㅂ, p f ㅍ,
d ㄷ, t ㅌ, g ㄱ, k ㅋ, h ㅎ, j zh ㅈ, q ch c ㅊ, x sh ㅅ, z ㅉ, s ㅆ, l r ㄹ; the finals
ao 아오, ai 아이, ei 에이, ou 어우, ian 옌, ui 우이 (wei 웨이), uo 워, un 운 (wen 원), ü 위,
üe 웨, üan 위안, ün 윈, ong 웅, er 얼, the -i of zhi chi shi ri zi ci si as ㅡ; and ㅑ ㅖ ㅛ
ㅠ after ㅈ ㅉ ㅊ written ㅏ ㅔ ㅗ ㅜ (section 7, rule 2: 자 jia, 제 jie, 주 jiu).

A name is read so (`chinese_names`) when it is Hangul alone and either is not shaped as
a Korean person's name (`hangul_foreign.korean_person`) or holds a syllable no
Sino-Korean reading has, which only such a transcription writes: ㅖ with a final (셴
xian, 녠 nian, 톈 tian), 웨 (wei, yue), ㅡ alone after ㅅ ㅆ ㅈ ㅉ ㅊ (스 shi, 쯔 zi, 츠
chi). Each word is cut into the table's syllables (one Hangul syllable, or two: 자오,
웨이); a one-word name is its first syllable (the surname) and the rest run together
("zhao wei", "li xiannian"), as the lists write Chinese names; the first is the pinyin of
a common Chinese surname (`surnames`), or the name is not read.
"""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import product

from clearance.match.guess import Guess

__all__ = ["MAX_NAMES", "chinese_names", "surnames", "syllables"]

#: most pinyin readings of one name (ways of cutting its words into the table's syllables)
MAX_NAMES = 4
#: most pinyin spellings one word may be (a Hangul syllable may write two or three pinyin
#: ones: 장 zhang or jiang, 추 chu, qiu or cu)
MAX_SPELLINGS = 16

_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ",
           "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]

_PINYIN_INITIALS = {"b": "ㅂ", "p": "ㅍ", "m": "ㅁ", "f": "ㅍ", "d": "ㄷ", "t": "ㅌ", "n": "ㄴ",
                    "l": "ㄹ", "g": "ㄱ", "k": "ㅋ", "h": "ㅎ", "j": "ㅈ", "q": "ㅊ", "x": "ㅅ",
                    "zh": "ㅈ", "ch": "ㅊ", "sh": "ㅅ", "r": "ㄹ", "z": "ㅉ", "c": "ㅊ",
                    "s": "ㅆ", "": "ㅇ"}
#: a final (the syllable's rest after its initial; y- and w- syllables as i-, u- and ü-
#: finals) -> (vowel, final consonant) of each Hangul syllable it is written with
_PINYIN_FINALS: dict[str, tuple[tuple[str, str], ...]] = {
    "a": (("ㅏ", ""),), "o": (("ㅗ", ""),), "e": (("ㅓ", ""),), "ai": (("ㅏ", ""), ("ㅣ", "")),
    "ei": (("ㅔ", ""), ("ㅣ", "")), "ao": (("ㅏ", ""), ("ㅗ", "")),
    "ou": (("ㅓ", ""), ("ㅜ", "")), "an": (("ㅏ", "ㄴ"),), "en": (("ㅓ", "ㄴ"),),
    "ang": (("ㅏ", "ㅇ"),), "eng": (("ㅓ", "ㅇ"),), "er": (("ㅓ", "ㄹ"),), "ong": (("ㅜ", "ㅇ"),),
    "i": (("ㅣ", ""),), "ia": (("ㅑ", ""),), "ie": (("ㅖ", ""),),
    "iao": (("ㅑ", ""), ("ㅗ", "")), "iu": (("ㅠ", ""),), "ian": (("ㅖ", "ㄴ"),),
    "in": (("ㅣ", "ㄴ"),), "iang": (("ㅑ", "ㅇ"),), "ing": (("ㅣ", "ㅇ"),),
    "iong": (("ㅠ", "ㅇ"),), "u": (("ㅜ", ""),), "ua": (("ㅘ", ""),), "uo": (("ㅝ", ""),),
    "uai": (("ㅘ", ""), ("ㅣ", "")), "ui": (("ㅜ", ""), ("ㅣ", "")), "uan": (("ㅘ", "ㄴ"),),
    "un": (("ㅜ", "ㄴ"),), "uang": (("ㅘ", "ㅇ"),), "v": (("ㅟ", ""),), "ve": (("ㅞ", ""),),
    "van": (("ㅟ", ""), ("ㅏ", "ㄴ")), "vn": (("ㅟ", "ㄴ"),),
    # (the zero-initial forms the table writes otherwise: wei 웨이, wen 원, weng 웡)
    "uei": (("ㅞ", ""), ("ㅣ", "")), "uen": (("ㅝ", "ㄴ"),), "ueng": (("ㅝ", "ㅇ"),),
}
#: y- and w- syllables as their zero-initial finals
_ZERO = {"yi": "i", "ya": "ia", "ye": "ie", "yao": "iao", "you": "iu", "yan": "ian",
         "yin": "in", "yang": "iang", "ying": "ing", "yong": "iong", "yu": "v", "yue": "ve",
         "yuan": "van", "yun": "vn", "wu": "u", "wa": "ua", "wo": "uo", "wai": "uai",
         "wei": "uei", "wan": "uan", "wen": "uen", "wang": "uang", "weng": "ueng"}
#: section 7, rule 2: after ㅈ ㅉ ㅊ the iotated vowels are written plain
_PLAIN_AFTER = {"ㅑ": "ㅏ", "ㅖ": "ㅔ", "ㅛ": "ㅗ", "ㅠ": "ㅜ"}


def _compose(initial: str, vowel: str, final: str) -> str:
    return chr(0xAC00 + (_INITIALS.index(initial) * 21 + _VOWELS.index(vowel)) * 28
               + _FINALS.index(final))


def _hangul(syllable: str) -> str | None:
    """A pinyin syllable (ü as v) in Hangul by the table's rules; None for one it does not
    write (interjections: hm, ng)."""
    if syllable in _ZERO:
        initial, rest = "", _ZERO[syllable]
    elif syllable[:1] in "aoe":
        initial, rest = "", syllable  # an, ou, er: no initial
    else:
        initial = syllable[:2] if syllable[:2] in ("zh", "ch", "sh") else syllable[:1]
        rest = syllable[len(initial):]
        if initial not in _PINYIN_INITIALS or initial == "":
            return None
        if initial in ("j", "q", "x") and rest.startswith("u"):
            rest = "v" + rest[1:]  # ju, que, xuan: ü
    if rest == "i" and initial in ("zh", "ch", "sh", "r", "z", "c", "s"):
        parts: tuple[tuple[str, str], ...] = (("ㅡ", ""),)  # zhi 즈, si 쓰
    elif rest in ("ve", "van") and initial in ("l", "n"):
        parts = (("ㅟ", ""), ("ㅔ", "") if rest == "ve" else ("ㅏ", "ㄴ"))  # lüe 뤼에
    elif rest in _PINYIN_FINALS:
        parts = _PINYIN_FINALS[rest]
    else:
        return None
    jamo = _PINYIN_INITIALS[initial]
    out = []
    for k, (vowel, final) in enumerate(parts):
        if k == 0 and jamo in "ㅈㅉㅊ":
            vowel = _PLAIN_AFTER.get(vowel, vowel)
        out.append(_compose(jamo if k == 0 else "ㅇ", vowel, final))
    return "".join(out)


@cache
def _table() -> dict[str, tuple[str, ...]]:
    """Hangul (one or two syllables) -> the pinyin syllables it writes, from every syllable
    of pypinyin's character dictionary without its tones, as listed in
    `resources/pinyin_syllables.yml` (read there, not from pypinyin: importing its
    dictionary cost ~0.3 s of a process that met one Hangul name of unknown type)."""
    from clearance.resources import load_resource

    out: dict[str, list[str]] = {}
    for syllable in sorted(load_resource("pinyin_syllables")["syllables"]):
        if syllable.isascii() and syllable.isalpha():
            written = _hangul(syllable)
            if written is not None:
                out.setdefault(written, []).append(syllable.replace("v", "u"))
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


@lru_cache(maxsize=4096)
def syllables(word: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """A Hangul word's cuts into the table's syllables (one Hangul syllable or two: 자오,
    웨이), each piece as the pinyin syllables it may write (장: zhang, jiang); none when no
    cut reads it whole. At most `MAX_NAMES` cuts, those of more two-syllable pieces first."""
    table = _table()
    found: list[tuple[tuple[str, ...], ...]] = []

    def walk(at: int, done: tuple[tuple[str, ...], ...]) -> None:
        if at == len(word):
            found.append(done)
            return
        for size in (2, 1):
            piece = word[at:at + size]
            if len(piece) == size and piece in table:
                walk(at + size, (*done, table[piece]))

    walk(0, ())
    return tuple(found[:MAX_NAMES])


def _spellings(pieces: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """The pinyin a run of pieces may be, run together (at most `MAX_SPELLINGS`)."""
    out: set[str] = set()
    for combination in product(*pieces):
        out.add("".join(combination))
        if len(out) == MAX_SPELLINGS:
            break
    return frozenset(out)


@cache
def surnames() -> dict[str, int]:
    """The pinyin of the two hundred commonest Chinese surnames and the two-character ones
    (`resources/han_transcription.yml`: surnames, surnames_two, compound_surnames), as
    pypinyin reads them, each with its rank there (the commonest 0)."""
    from pypinyin import lazy_pinyin

    from clearance.resources import load_resource

    table = load_resource("han_transcription")
    names = [*str(table["surnames"]), *str(table["surnames_two"]),
             *(str(s) for s in table["compound_surnames"])]
    out: dict[str, int] = {}
    for n in names:
        out.setdefault("".join(lazy_pinyin(n)).replace("\u00fc", "u").replace("v", "u"),
                       len(out))
    return out


def _marked(word: str) -> bool:
    """Whether a word holds a syllable no Sino-Korean reading has (module docstring)."""
    for ch in word:
        code = ord(ch) - 0xAC00
        initial, vowel, final = code // 588, (code % 588) // 28, code % 28
        if (vowel == 7 and final) or (vowel == 15 and initial == 11) or (
                vowel == 18 and not final and _INITIALS[initial] in "ㅅㅆㅈㅉㅊ"):
            return True
    return False


def chinese_names(text: str) -> list[str]:
    """A name in Hangul read as the pinyin of the Chinese name it transcribes (module
    docstring); none for other text. At most `MAX_NAMES`, each a sure `Guess`."""
    from clearance.match.hangul_foreign import hangul_words, korean_person

    words = hangul_words(text)
    if not words or (korean_person(words) and not any(_marked(w) for w in words)):
        return []
    options = [syllables(w) for w in words]
    if not all(options):
        return []
    out: list[str] = []
    for cuts in product(*options):
        if len(cuts) == 1:
            if len(cuts[0]) < 2:
                continue
            parts = [cuts[0][:1], cuts[0][1:]]  # surname, the given name run together
        else:
            parts = list(cuts)
        if _spellings(parts[0]).isdisjoint(surnames()):
            continue  # (아마르 is no "a mari": a Chinese name starts with its surname)
        # each spelling a sure guess (`guess.Guess`): its words pair with the list words
        # that write them alike (zhao with ZHAO, not CHAO), and it is kept beside a Korean
        # reading or another of its spellings that folds alike (`prepare_query_names`)
        for spelt in product(*(sorted(_spellings(part)) for part in parts)):
            if " ".join(spelt) in out:
                continue  # (샤오 as one piece or two: xiao)
            out.append(Guess(" ".join(spelt), {w: frozenset({w}).__contains__ for w in spelt},
                             sure=True))
            if len(out) == MAX_NAMES:
                return out
    return out
