"""Foreign names written in Han characters, read as the Latin names they transcribe.

Chinese books write a foreign person's name in the standard transcription (Xinhua's
世界人名翻译大辞典, the national standard GB/T 17693): a character for each syllable, one
for a lone consonant, and a "·" between the parts: 弗拉基米尔·普京 is VLADIMIR PUTIN, while
its pinyin "fu la ji mi er pu jing" is far from it. So, as `clearance.match.kana` does for
katakana, each word becomes a pattern (`pattern`): its characters in order
(`resources/han_transcription.yml`), each as any Latin spelling of the sounds the tables
give it; and the list spellings it may be are found by their consonant keys
(`match.abjad.key`, the table `Index.abjad` holds: `keys`). A word's readings are the list
spellings its pattern fits, at least `MIN_FIT` letters long, at most `MAX_PER_WORD`.

Most Han names are Chinese people's and companies', whose pinyin and Cantonese readings
stay as they are; a Han name is read as a transcription too only when it plausibly is one
(`transcribed_words`): its parts are written with a transcription separator (·, •, ‧, ・),
or it is one word of transcription characters alone that is no Chinese person's name
(a common surname and one to three more: `resources/han_transcription.yml`'s
`surnames`, and `surnames_two` before one more), unless a later character writes a lone
consonant no Chinese given name uses (`consonant_only`: 史密斯 SMITH). The test looks at
each character once and stops at the first that is no transcription character: an
ordinary Chinese name costs a set lookup or two.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from itertools import product
from typing import Any

from rapidfuzz.distance import Levenshtein

from clearance.match.fold import fold
from clearance.match.guess import Fits, Guess, pattern_fits
from clearance.match.kana import MAX_REGNAL, Spellings, consonant_class, latin, roman, undouble
from clearance.match.text import normalize
from clearance.resources import load_resource

__all__ = ["MAX_READINGS", "MIN_FIT", "foreign_names", "keys", "pattern", "readings",
           "regnal", "transcribed_words"]

#: fewest letters of a list spelling a Han word may be read as (`MIN_FIT_PART` for a part
#: of a name its separators divide: 阿里·哈梅内伊 ALI KHAMENEI)
MIN_FIT = 4
MIN_FIT_PART = 3
#: most list spellings one Han word is read as, and most names a text is read as
MAX_PER_WORD = 3
MAX_READINGS = 4
#: most consonant keys one word is looked up by
MAX_KEYS = 4096
#: most r's or h's after a vowel that a word's keys add where the characters write none
MAX_SILENT_R = 2
#: the most a list spelling may differ from the plain reading (`_plain`), as a share of the
#: longer's letters (Levenshtein), to be a reading of a word shaped as a Chinese person's
#: name (`_transcription`): 马查多 "machado" MACHADO (0.0), 史雷顿 "sleton" SLAYTON (0.29),
#: not 柯丽雪 "kolishu" KHALEESI (0.71)
NEAR = 1 / 3
#: fewest characters of a word without a separator read as a transcription whatever its
#: first character (a Chinese person's name is two to four)
LONG_WORD = 5

_SEPARATORS = "·•‧・･∙⋅.．=＝-"
_SPLIT = re.compile("[" + re.escape(_SEPARATORS) + r"\s]+")
_UNITS = re.compile("sh|zh|ch|ts|kh|[a-z]")
_VOWEL_PAIRS = ("ai", "ei", "ao", "ou", "ia", "ie", "iu", "ua", "ue", "ui")
#: a ruler's number before its mark: Arabic digits or Chinese numerals (`regnal`)
_REGNAL = re.compile("(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})$")


@cache
def _table() -> dict[str, Any]:
    data: dict[str, Any] = load_resource("han_transcription")
    return data


@cache
def _chars() -> dict[str, tuple[str, ...]]:
    return {str(k): tuple(str(r) for r in v) for k, v in _table()["chars"].items()}


@cache
def _surnames() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The commonest surnames, the next ones (which head two-character names: the
    commonest shape of a Chinese name) and the two-character surnames."""
    table = _table()
    single = frozenset(str(table["surnames"]))
    return (single, single | frozenset(str(table["surnames_two"])),
            frozenset(str(s) for s in table["compound_surnames"]))


@cache
def _consonant_only() -> frozenset[str]:
    """The characters that write a consonant alone and no Chinese given name uses
    (`resources/han_transcription.yml`'s `consonant_only`)."""
    return frozenset(str(_table()["consonant_only"]))


def _is_han_char(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def transcribed_words(text: str) -> list[str] | None:
    """The words of a Han text that plausibly transcribes a foreign name, or None.

    A transcription: parts joined by a separator (·, •, ‧, ・, or a full stop, a hyphen
    or an equals sign typed for it), each of Han characters alone, at least one of them
    all transcription characters; or one word of transcription characters alone that is
    no Chinese person's name: at least `LONG_WORD` characters, or three or four whose first
    (first two, of four) is no common Chinese surname, or two whose first is none of the
    two hundred commonest (a foreign name is often one word of two: 邦迪 Bundy, 普京 Putin),
    or of two to four whose later characters hold one that writes a consonant alone and no
    Chinese given name uses (`_consonant_only`: 史密斯 Smith, 罗斯 Ross). A word shaped as
    a Chinese person's name is not (`_transcription` reads it with near readings only)."""
    found = _transcription(text)
    return None if found is None or found[1] else found[0]


def _transcription(text: str) -> tuple[list[str], bool] | None:
    """`transcribed_words`' words, with whether they are one word of transcription
    characters alone, of three or four, shaped as a Chinese person's name (a common
    surname first: 马查多 Ma Chaduo or MACHADO): such a word is read as a foreign name only
    where a list spelling is near the characters' plain reading (`NEAR`, `readings`). A
    two-character surname first (欧阳拉娜), or a common surname and one character, is a
    Chinese name: None."""
    chars = _chars()
    text = text.strip()
    plain = True
    for ch in text:
        if ch not in chars:
            if ch in _SEPARATORS or ch.isspace():
                continue
            if not _is_han_char(ch):
                ch = unicodedata.normalize("NFKC", ch)
                if ch in _SEPARATORS or ch.isspace():
                    continue
                return None  # Latin letters, digits, other scripts: not this reading
            plain = False
    words = [w for w in _SPLIT.split(unicodedata.normalize("NFKC", text)) if w != ""]
    if not words:
        return None
    if len(words) >= 2 and any(s in text for s in _SEPARATORS):
        if all(all(_is_han_char(c) for c in w) for w in words) and any(
                all(c in chars for c in w) for w in words):
            return words, False
        return None
    if not plain:
        return None
    word = "".join(words)
    if len(word) >= LONG_WORD:
        return [word], False
    if len(word) < 2:
        return None
    single, single_two, compound = _surnames()
    chinese = False
    if any(c in _consonant_only() for c in word[1:]):
        pass  # a transcription whatever its first character
    elif word[:2] in compound:
        return None
    elif len(word) == 2:
        # surname and one character is the commonest Chinese name (葛凯, 安娜): its first
        # is tested against more surnames, and such a word is not read (near readings
        # alone would still meet the lists' one-word names: 杜雷, 谢娜, 高东)
        if word[0] in single_two:
            return None
    else:
        chinese = word[0] in single
    return (words if len(words) >= 2 else [word]), chinese


def _units(reading: str) -> list[str]:
    """A reading's sounds: consonants (sh, zh, ch, ts, kh one each) and vowels, a vowel
    pair of `_VOWEL_PAIRS` as one."""
    out: list[str] = []
    for u in _UNITS.findall(reading):
        if out and out[-1] + u in _VOWEL_PAIRS:
            out[-1] += u
        else:
            out.append(u)
    return out


def _spellings(unit: str, last: bool) -> list[str]:
    table = _table()
    if unit in table["vowels"]:
        return [str(s) for s in table["vowels"][unit]]
    spellings = [str(s) for s in table["consonants"].get(unit, [unit])]
    if last and unit == "n":
        spellings += ["ng", "m"]  # a final nasal: 京 jing "tin", 汤 tang "tom"
    return spellings


def _alternation(spellings: list[str]) -> str:
    ordered = sorted({undouble(s) for s in spellings}, key=lambda s: (-len(s), s))
    return "(?:" + "|".join(re.escape(s) for s in ordered) + ")"


@lru_cache(maxsize=4096)
def _char_pattern(char: str, before: str) -> str:
    """One character as a pattern: any of its readings, each sound any of its spellings, a
    reading that ends in a vowel with an r or an h after it or not, and one that ends in a letter
    the next character's readings start with (`before`) without it: Latin writes a
    doubled letter once where the characters write it twice (琳娜 LINA, 曼尼 MANI)."""
    options = []
    for reading in _chars()[char]:
        units = _units(reading)
        spelt = "".join(_alternation(_spellings(u, k == len(units) - 1))
                        for k, u in enumerate(units))
        if reading[-1] in "aeiou":
            # an r after a vowel English does not sound is not written (安德森 ANDERSON,
            # 卡特 CARTER, 帕克 PARKER), nor an h German writes to make it long (斯塔尔 STAHL)
            spelt += "[rh]?"
            if units[-1] == "e":
                # the e series writes English's vowel of "her", "bird" and "burn" (/ɜː/),
                # which English spells ur too (伯顿 BURTON, 特纳 TURNER): an r written
                spelt = ("(?:" + spelt + "|" + "".join(
                    _alternation(_spellings(u, False)) for u in units[:-1]) + "ur)")
        elif len(units) > 1 and reading[-1] in before:
            last = _alternation(_spellings(units[-1], True))
            spelt = spelt[:-len(last)] + "(?:" + last + ")?"
        options.append(spelt)
    return "(?:" + "|".join(sorted(set(options))) + ")"


@lru_cache(maxsize=4096)
def pattern(word: str) -> re.Pattern[str] | None:
    """The Latin spellings a Han word may transcribe, as a pattern for `_latin` spellings
    (doubled letters once; an ending e or h Latin writes and does not sound optional: 皮埃尔
    PIERRE)."""
    chars = _chars()
    if word == "" or any(c not in chars for c in word):
        return None
    starts = ["".join(sorted({r[0] for r in chars[c]})) for c in word[1:]] + [""]
    # a last character that writes a consonant alone may end a French or English -tre,
    # -bre, -dre (its sound -ter, as the tables write it: 迈斯特 MAISTRE)
    alone = any(len(_units(r)) == 1 and r not in _table()["vowels"] for r in chars[word[-1]])
    pieces = [_char_pattern(c, b) for c, b in zip(word, starts)]
    for k in range(len(word)):
        german = _german_ch(word, k)
        if german:
            # German ch after a front vowel, -ig at a word's end (海因里希 HEINRICH)
            pieces[k] = "(?:" + pieces[k] + "|" + _alternation(german) + ")"
    return re.compile("".join(pieces) + ("(?:re|e|h)?" if alone else "(?:e|h)?"))


def _german_ch(word: str, k: int) -> list[str]:
    """The German spellings of 希 (character k) after a character whose reading ends in a
    front vowel, not a word's first (`resources/han_transcription.yml`'s `german_ch`: ch,
    and g at a word's end: 海因里希 HEINRICH, 柯尼希 KÖNIG); nothing elsewhere, nor in a
    word of two characters, whose German spellings are short English words (REACH, RICH)
    that crowd out the name's own (莱希 RAISI)."""
    table = _table()["german_ch"]
    if k == 0 or len(word) < 3 or word[k] not in table["chars"]:
        return []
    if not any(r.endswith(tuple(table["after"])) for r in _chars()[word[k - 1]]):
        return []
    return [*table["spellings"], *(table["last"] if k + 1 == len(word) else [])]


def _latin(spelling: str) -> str:
    """A list spelling as `pattern` reads it: lower case without accents, x as ks, ck and
    cq as k and q, doubled letters once, a first Mc as Mac (`kana.mac`: 麦克 writes it)."""
    text = unicodedata.normalize("NFKD", spelling.lower())
    return latin("".join(c for c in text if not unicodedata.combining(c)))


@lru_cache(maxsize=1024)
def _parts(char: str, first: bool) -> frozenset[tuple[str, bool]]:
    """The consonant classes (`abjad.key`'s) a character's spellings may have, each with
    whether it adds an unwritten r or h (`_char_pattern`)."""
    out: set[tuple[str, bool]] = set()
    for reading in _chars()[char]:
        units = _units(reading)
        for combination in product(*(_spellings(u, k == len(units) - 1)
                                     for k, u in enumerate(units))):
            s = "".join(combination)
            out.add((consonant_class(s, first), False))
            if reading[-1] in "aeiou":
                out.add((consonant_class(s + "r", first), True))
                # (a silent h: `consonant_class` would drop it as a word's last letter)
                out.add((consonant_class(s, first) + "h", True))
    return frozenset(p for p in out if not p[1] or (p[0], False) not in out)


@lru_cache(maxsize=4096)
def keys(word: str) -> tuple[str, ...]:
    """The consonant keys (`abjad.key`) of the Latin spellings a Han word may transcribe:
    each character's classes (`_parts`) joined in order, a class doubled across a join
    once, a final h dropped as `key` drops it; at most `MAX_SILENT_R` unwritten r's or h's (empty
    when there are more than `MAX_KEYS` keys)."""
    if pattern(word) is None:
        return ()
    states = {("", 0)}
    for k, char in enumerate(word):
        parts = _parts(char, k == 0) | {(consonant_class(s, False), False)
                                        for s in _german_ch(word, k)}
        states = {(_join(p, q), n + r) for p, n in states for q, r in parts
                  if n + r <= MAX_SILENT_R}
        if len(states) > MAX_KEYS:
            return ()
    out = {s[:-1] if len(s) >= 3 and s[-1] == "h" else s for s, _ in states}
    return tuple(sorted(out))


def _join(head: str, tail: str) -> str:
    if head and tail and head[-1] == tail[0]:
        return head + tail[1:]
    return head + tail


def _plain(word: str) -> str:
    """The word's first reading, character by character ("弗拉基米尔": "flakimir")."""
    return "".join(_chars()[c][0] for c in word)


def readings(word: str, spellings: Spellings, shortest: int = MIN_FIT,
             near: bool = False) -> list[str]:
    """The list spellings a Han word may transcribe, commonest first: one spelling for each
    list token, at least `shortest` letters long, at most `MAX_PER_WORD` (the commonest on
    the lists, then the nearest the plain reading). A token's spelling is one the lists
    write (the nearest the plain reading: 尤里 YURI, not IURII) rather than its fold, which
    is compared as another name: WOLFF's fold "volf", FERRY's "feri". `near`: only
    spellings within `NEAR` of the plain reading."""
    fit = pattern(word)
    if fit is None:
        return []
    plain = _plain(word)
    #: token -> ((a fold, distance to the plain reading), spelling)
    found: dict[int, tuple[tuple[bool, int], str]] = {}
    for k in keys(word):
        for tid, spelling in spellings.table.get(k, ()):
            if len(spelling) < shortest or not spelling.isalpha():
                continue
            rank = (fold(spelling) == spelling, Levenshtein.distance(plain, spelling.lower()))
            if (rank < found.get(tid, ((True, 1 << 30), ""))[0]
                    and fit.fullmatch(_latin(spelling)) is not None
                    and (not near or Levenshtein.normalized_distance(
                        plain, _latin(spelling)) <= NEAR)):
                found[tid] = (rank, spelling)
    ranked = sorted(found.items(), key=lambda t: (round(spellings.weights[t[0]], 2), t[1]))
    return [s for _, (_, s) in ranked[:MAX_PER_WORD]]


@lru_cache(maxsize=4096)
def _fits(word: str) -> Fits:
    """The test of the list words a reading of `word` may pair with: those its pattern
    fits (`Guess`)."""
    fit = pattern(word)
    return (lambda listed: False) if fit is None else pattern_fits(fit, _latin)


def _number(numeral: str) -> int | None:
    """A number of 1-39 written in Arabic digits or Chinese numerals (二, 十四, 二十一), or
    None."""
    if numeral.isascii():
        value = int(numeral)
    else:
        table = _table()["regnal"]
        digits: dict[str, int] = table["digits"]
        tens, ten, units = numeral.partition(table["ten"])
        if ten == "":
            value = digits.get(numeral, 0) if len(numeral) == 1 else 0
        elif len(tens) > 1 or len(units) > 1 or not all(c in digits for c in tens + units):
            return None
        else:
            value = (digits[tens] if tens else 1) * 10 + (digits[units] if units else 0)
    return value if 1 <= value <= MAX_REGNAL else None


def regnal(text: str) -> tuple[str, str] | None:
    """A ruler's number at the end of a Han name (a number and 世: `resources/
    han_transcription.yml`'s `regnal`): the name without it and the Roman numeral the Latin
    name writes (伊丽莎白二世: "伊丽莎白", "ii"); None for a name without one, or with nothing
    of the name before it."""
    table = _table()["regnal"]
    text = unicodedata.normalize("NFKC", text).strip()
    if not text.endswith(table["mark"]):
        return None
    m = _REGNAL.search(text[:-1])
    if m is None:
        return None
    value = _number(m.group(0))
    head = text[:m.start()].rstrip(_SEPARATORS + " ")
    if value is None or len(head) < 2:
        return None
    return head, roman(value)


def foreign_names(text: str, spellings: Spellings) -> list[str]:
    """A Han name that plausibly transcribes a foreign one (`transcribed_words`) read as the
    Latin names it may transcribe: each word as a list spelling it fits (`readings`), or
    else as written; none when no word fits. At most `MAX_READINGS` names, those of the
    nearest readings first, each a `Guess` whose read words pair only with list words
    their characters fit. A ruler's number at the end (`regnal`: 亨利八世 HENRY VIII) is
    put back, as its Roman numeral, after the words of each reading."""
    ruler = regnal(text) if _table()["regnal"]["mark"] in text else None
    if ruler is not None:
        text = ruler[0]
    found = _transcription(text)
    if found is None:
        return []
    words, near = found
    shortest = MIN_FIT_PART if len(words) > 1 else MIN_FIT
    options = [readings(w, spellings, shortest, near) or [w] for w in words]
    if all(o == [w] for o, w in zip(options, words)):
        return []
    ranked = sorted(product(*(list(enumerate(o)) for o in options)),
                    key=lambda c: sum(rank for rank, _ in c))
    out: list[str] = []
    for c in ranked[:MAX_READINGS]:
        fits = {t: _fits(w) for w, (_, s) in zip(words, c) if s != w for t in normalize(s)}
        out.append(Guess(" ".join([*(s for _, s in c), *(ruler[1:] if ruler else [])]), fits))
    return out
