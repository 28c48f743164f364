"""Foreign names written in katakana, read as the Latin names they transcribe.

Japanese books write a foreign customer's name in katakana (bank account names in the
Zengin system are half-width katakana, ｳﾗｼﾞﾐﾙ ﾌﾟｰﾁﾝ, which NFKC folds to full width), and a
kana-by-kana romanisation is far from the name's own spelling: ウラジーミル・プーチン reads
"urajimiru puchin", not VLADIMIR PUTIN. Katakana adds a vowel after a lone consonant (ス su
for s, ト to for t), writes r for r and l, バ and ブ for b and v, チ for ti and ch, ジ for di,
j and zh, and leaves unwritten the doubled letters Latin spellings have. So each katakana
word becomes a pattern (`pattern`): its kana in order (`resources/katakana.yml`), each as any
Latin spelling of its sound, the added vowels optional; and the list spellings it may be
are found by their consonant keys (`match.abjad.key`, the table `Index.abjad` holds for
every list token: `keys`). A word's readings (`readings`) are the list spellings its pattern
fits, at least `MIN_FIT` letters long: a short spelling fits too many words. Only text in
katakana alone is read so (`is_katakana`): a Japanese name in kanji or hiragana keeps
today's reading, and the kana-by-kana reading stays beside the new ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from functools import cache, lru_cache
from itertools import product
from typing import Any, NamedTuple

from rapidfuzz.distance import Levenshtein

from clearance.match.abjad import key
from clearance.match.guess import Fits, Guess, pattern_fits
from clearance.match.prepare import fold_key
from clearance.match.text import normalize
from clearance.resources import load_resource

__all__ = ["MAX_READINGS", "MIN_FIT", "MIN_FIT_SHORT", "Spellings", "consonant_class", "fitting",
           "foreign_names", "is_katakana", "keys", "latin", "mac", "pattern", "readings",
           "regnal", "roman", "short_readings", "undouble", "units"]

#: fewest letters of a list spelling a katakana word may be read as ("al" aside: `_ARTICLE`)
MIN_FIT = 4
#: fewest letters of a list spelling a word of several may be read as when no spelling of
#: `MIN_FIT` fits it and another word of its name is read (`short_readings`): a given name
#: of three letters beside a surname (ティム・クック TIM COOK, 헨리 린 HENRY LIN), as a part
#: of a Han name its separators divide is (`han.MIN_FIT_PART`)
MIN_FIT_SHORT = 3
#: most list spellings one katakana word is read as, and most names a text is read as:
#: each reading is another query name, and each name costs comparisons
MAX_PER_WORD = 3
MAX_READINGS = 4
#: most consonant keys one word is looked up by (a longer word's choices multiply)
MAX_KEYS = 1024

_ANY_KANA = re.compile("[\u30a1-\u30fa\uff66-\uff9d]")  # full- or half-width katakana
_KATAKANA = re.compile("[\u30a1-\u30fa\u30fc]")
_OTHER = re.compile(r"[^\u30a1-\u30fa\u30fc\u30fb\s=\-]")  # NFKC: ＝ is =
_SPLIT = re.compile(r"[\s\u30fb=\-]+")
#: ア・ル and エル before another word are the Arabic article (バッシャール・アル＝アサド)
_ARTICLE = {"アル": "al", "エル": "el"}
#: the highest ruler's number `regnal` reads (Louis XVIII, John XXIII)
MAX_REGNAL = 39
_ROMAN = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_SOKUON, _CHOON, _N = "ッ", "ー", "ン"

# a unit of a word: (consonant, vowel); consonant "n" with vowel "" is ン, "-" is ー
Unit = tuple[str, str]
_LONG: Unit = ("-", "")
_NASAL: Unit = ("n", "")


@cache
def _table() -> dict[str, Any]:
    """`resources/katakana.yml`: kana and small kana -> Hepburn; consonants, vowels and ー
    -> Latin spellings."""
    data: dict[str, Any] = load_resource("katakana")
    return data


def is_katakana(text: str) -> bool:
    """True when the (NFKC) text is written in katakana alone: a Japanese name in kanji or
    hiragana is read as today, by `text.normalize`."""
    if _ANY_KANA.search(text) is None:  # most names: no normalising
        return False
    text = unicodedata.normalize("NFKC", text)
    return _KATAKANA.search(text) is not None and _OTHER.search(text) is None


def _joined(prev: Unit, small: str) -> Unit:
    """A kana with the small kana after it: シ + ャ "sha", キ + ャ "kya", テ + ィ "ti",
    ウ + ィ "wi", イ + ェ "ye"."""
    consonant, _ = prev
    if small[0] in "yw":  # a glide: ャ ュ ョ ヮ
        glide, vowel = small[0], small[1:]
        if glide == "y" and (consonant in ("sh", "ch", "j") or consonant == ""):
            return (consonant or "y", vowel)
        return (consonant + glide, vowel)
    if consonant == "":
        return ("w" if prev[1] == "u" else "y" if prev[1] == "i" else "", small)
    return (consonant, small)


@lru_cache(maxsize=4096)
def units(word: str) -> tuple[Unit, ...] | None:
    """A katakana word as its sounds (None when a character is no kana of the table):
    (consonant, vowel) by Hepburn, ン as ("n", ""), ー as ("-", ""); ッ doubles the next
    consonant, which Latin spellings double or not, so it adds nothing."""
    table = _table()
    kana: dict[str, str] = table["kana"]
    small: dict[str, str] = table["small"]
    out: list[Unit] = []
    for k, ch in enumerate(word):
        if (ch == "イ" and out and out[-1][1] in ("a", "e") and out[-1][0] not in "-n"
                and word[k + 1:k + 2] not in small):
            # アイ, エイ: one vowel of the Latin name (ライダー RIDER, ケイン KAINE)
            out[-1] = (out[-1][0], out[-1][1] + "i")
            continue
        if ch == _SOKUON:
            continue
        if ch == _CHOON:
            if out:
                out.append(_LONG)
        elif ch == _N:
            out.append(_NASAL)
        elif ch in small:
            if out and out[-1] not in (_LONG, _NASAL):
                out[-1] = _joined(out[-1], small[ch])
            else:
                out.append(("", small[ch]))
        elif ch in kana:
            reading = kana[ch]
            out.append((reading[:-1], reading[-1]))
        else:
            return None
    return tuple(out)


def _added(unit: Unit) -> bool:
    """Whether a unit's vowel may be one katakana adds after a lone consonant: u after any
    consonant, o after t and d (ト, ド), i after ch, j and sh (ッチ "tch", ッジ "dge") and
    after r: リ is the soft l of Russian names (イーゴリ IGOR, ヴェクセリベルク VEKSELBERG)."""
    consonant, vowel = unit
    if consonant in ("", "y", "w", "n", "-"):
        return False
    return (vowel == "u" or (vowel == "o" and consonant in ("t", "d"))
            or (vowel == "i" and consonant in ("ch", "j", "sh", "r")))


def _consonants(consonant: str) -> list[str]:
    spellings: dict[str, list[str]] = _table()["consonants"]
    return spellings.get(consonant, [consonant])


def _vowels(unit: Unit) -> list[str]:
    """The Latin spellings of a unit's vowel; a vowel kana of its own may be a consonant
    (ウ is the V or W of ウラジーミル VLADIMIR, イ the Y or J of セルゲイ SERGEY, SERGEJ)."""
    vowels: dict[str, list[str]] = _table()["vowels"]
    out = list(vowels[unit[1]])
    if unit[0] == "" and unit[1] == "u":
        out.append("v")
    elif unit[0] == "" and unit[1] == "i":
        out.append("j")
    return out


def _alternation(spellings: Sequence[str]) -> str:
    ordered = sorted({undouble(s) for s in spellings}, key=lambda s: (-len(s), s))
    return "(?:" + "|".join(re.escape(s) for s in ordered) + ")"


@lru_cache(maxsize=4096)
def pattern(word: str) -> re.Pattern[str] | None:
    """The Latin spellings a katakana word may transcribe, as a pattern for `latin`
    spellings (doubled letters once): each sound as any of its spellings, a vowel katakana
    adds after a lone consonant optional (or a silent e: ジョージ GEORGE), ー as a second
    vowel, r or h, or nothing; a final e or h Latin does not sound, or a French final
    consonant, optional."""
    parts = units(word)
    if parts is None or not parts:
        return None
    out: list[str] = []
    after_o: dict[str, list[str]] = _table()["after_o"]
    ach = _ach(word, parts)
    for k, unit in enumerate(parts):
        if _after_o(parts, k):
            # オイ, オア: the two vowels, or one spelling of the source language's
            # (`resources/katakana.yml`'s `after_o`: German eu, English -ore)
            before = parts[k - 1][0]
            head = _alternation(_consonants(before)) if before != "" else ""
            out[-1] = ("(?:" + out[-1] + _alternation(_vowels(unit)) + "|" + head
                       + _alternation(after_o[unit[1]]) + ")")
            continue
        if unit == _LONG:
            out.append(_alternation([*_table()["long"], *_silent_l(parts, k)]) + "?")
        elif unit == _NASAL:
            # ンメ is a doubled m (ヒンメル HIMMEL), which Latin spellings write once
            later = parts[k + 1][0] if k + 1 < len(parts) else ""
            out.append("(?:ng|n|m)" + ("?" if later == "m" else ""))
        elif k == 0 and unit == ("m", "a") and parts[1:2] == (("k", "u"),):
            out.append("ma?")  # マク: the Mc of Scottish and Irish names (マクニール MCNEIL)
        elif _german_ch(parts, k):
            # German ch after a front vowel, -ig at a word's end (ハインリヒ HEINRICH)
            out.append(_alternation(["hi", *_german_ch(parts, k)]))
        elif k in ach:
            # German ch after a back vowel, its vowel unwritten (バッハ BACH), at a word's
            # end also -cher (シューマッハ SCHUMACHER)
            head = _alternation(_consonants(unit[0]))
            out.append("(?:" + head + _alternation(_vowels(unit)) + "|"
                       + _alternation(_table()["german_ach"]["spellings"])
                       + _alternation(ach[k]) + "?)")
        elif _devoiced(parts, k):
            # a German or Dutch d sounded t (ゲルハルト GERHARD, ルートヴィヒ LUDWIG)
            head = _alternation(_consonants(unit[0]))
            out.append("(?:" + head + _alternation([*_vowels(unit), "e"]) + "?|"
                       + _alternation(_devoiced(parts, k)) + ")")
        else:
            head = _alternation(_consonants(unit[0]) + _german_glide(parts, k)
                                + _german_s(parts, k)) if unit[0] != "" else ""
            if _ham(parts, k):
                head += "h?"
            if _added(unit):  # or a silent e Latin writes there (チャールズ CHARLES)
                out.append(head + _alternation([*_vowels(unit), "e"]) + "?")
            else:
                out.append(head + _alternation(_vowels(unit)))
    # a final e or h Latin writes and does not sound (ケイン KAINE, ヒズボラ HIZBALLAH), or
    # a French final consonant (モネ MONET, ロジェ ROGER: `_silent`)
    return re.compile("".join(out) + _alternation(["e", "h", *_silent(parts[-1])]) + "?")


def _after_o(parts: Sequence[Unit], k: int) -> bool:
    """Whether unit k is a vowel kana (イ, ア) after a kana of the o series that writes its
    vowel (not ト or ド's added o) that `resources/katakana.yml`'s `after_o` spells with it."""
    if k == 0 or parts[k][0] != "" or parts[k][1] not in _table()["after_o"]:
        return False
    before = parts[k - 1]
    return before[1] == "o" and not _added(before)


def _silent_l(parts: Sequence[Unit], k: int) -> list[str]:
    """An l English writes and does not sound where ー (unit k) lengthens an a or o
    before a k or m sound (`resources/katakana.yml`'s `silent_l`: ウォーカー WALKER,
    ホームズ HOLMES, パーマー PALMER); nothing elsewhere."""
    if k == 0 or k + 1 >= len(parts):
        return []
    table = _table()["silent_l"]
    return (["l"] if parts[k - 1][1] in table["after"] and parts[k + 1][0] in table["before"]
            else [])


def _german_ch(parts: Sequence[Unit], k: int) -> list[str]:
    """The German spellings of ヒ (unit k) after a kana of a front vowel, not a word's
    first (`resources/katakana.yml`'s `german_ch`: ch, and g at a word's end: ハインリヒ
    HEINRICH, ルートヴィヒ LUDWIG); nothing elsewhere."""
    if k == 0 or parts[k] != ("h", "i"):
        return []
    table = _table()["german_ch"]
    if not any(parts[k - 1][1].endswith(v) for v in table["after"]):
        return []
    return [*table["spellings"], *(table["last"] if k + 1 == len(parts) else [])]


def _german_glide(parts: Sequence[Unit], k: int) -> list[str]:
    """The German spellings of the consonant of ヒャ, ヒュ, ヒョ (unit k) after a kana of a
    front vowel (`resources/katakana.yml`'s `german_ch_glide`: リヒャルト RICHARD, ミヒャエル
    MICHAEL); nothing elsewhere."""
    if k == 0 or parts[k][0] != "hy":
        return []
    table = _table()
    if not any(parts[k - 1][1].endswith(v) for v in table["german_ch"]["after"]):
        return []
    return list(table["german_ch_glide"])


def _ach(word: str, parts: Sequence[Unit]) -> dict[int, list[str]]:
    """The units of a German ch after a back vowel (`resources/katakana.yml`'s
    `german_ach`: ッハ after a kana of a, ッホ after o, ッフ after u: バッハ BACH, コッホ KOCH),
    each with the Latin endings its kana's vowel may write (none unwritten, the vowel,
    and at a word's end the -er of `last_a` for ハ: シューマッハ SCHUMACHER); none elsewhere
    (ダッハウ DACHAU keeps its a too)."""
    if _SOKUON not in word:
        return {}
    table = _table()["german_ach"]
    kana: dict[str, str] = table["after_sokuon"]
    out: dict[int, list[str]] = {}
    for i, ch in enumerate(word[:-1]):
        vowel = kana.get(word[i + 1])
        if ch != _SOKUON or vowel is None:
            continue
        k = len(units(word[:i + 1]) or ())
        if 0 < k < len(parts) and parts[k - 1][1].endswith(vowel) and parts[k][1] == vowel:
            last = k + 1 == len(parts)
            out[k] = [*_vowels(parts[k]), *(table["last_a"] if last and vowel == "a" else [])]
    return out


def _german_s(parts: Sequence[Unit], k: int) -> list[str]:
    """The German s sounded [z] before a vowel that ジ at a word's start may write
    (`resources/katakana.yml`'s `german_s`: ジーメンス SIEMENS, ジークフリート SIEGFRIED);
    nothing elsewhere."""
    return list(_table()["german_s"]) if k == 0 and parts[0] == ("j", "i") else []


def _devoiced(parts: Sequence[Unit], k: int) -> list[str]:
    """The spellings of a German or Dutch d sounded t that ト (unit k) may write, at a
    word's end or before a kana of `resources/katakana.yml`'s `devoiced` consonants
    (ゲルハルト GERHARD, ルートヴィヒ LUDWIG); nothing elsewhere (トマス THOMAS, ピョートル
    PYOTR: a t)."""
    if k == 0 or parts[k] != ("t", "o"):
        return []
    table = _table()["devoiced"]
    if k + 1 < len(parts) and parts[k + 1][0] not in table["before"]:
        return []
    return list(table["spellings"])


def _ham(parts: Sequence[Unit], k: int) -> bool:
    """Whether unit k is the a of an English -ham whose h is not sounded (バーナム BURNHAM,
    グレアム GRAHAM: `resources/katakana.yml`'s `ham`): the a series before a word's last
    ム."""
    return 0 < k == len(parts) - 2 and parts[k][1] == "a" and parts[k + 1] == ("m", "u")


def _silent(last: Unit) -> list[str]:
    """The consonants a Latin name may end in unwritten after a word's last sound
    (`resources/katakana.yml`'s `silent`, and `silent_after_e` after an e), as `latin`
    writes them (x as ks)."""
    table = _table()
    out = [latin(c) for c in table["silent"]]
    if last[1].endswith("e"):
        out += table["silent_after_e"]
    return out


def undouble(text: str) -> str:
    """The text with each run of one letter written once ("ll" "l")."""
    out: list[str] = []
    for ch in text:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def latin(spelling: str) -> str:
    """A list spelling as `pattern` reads it: x as ks, ck and cq as k and q (one sound:
    JACQUES, MCQUEEN), doubled letters once, a first Mc as Mac (`mac`)."""
    return undouble(mac(spelling.lower()).replace("x", "ks").replace("ck", "k")
                    .replace("cq", "q"))


def mac(spelling: str) -> str:
    """A lower-case spelling with a first "mc" as "mac": Latin writes the Gaelic prefix both
    ways (MCQUEEN, MACQUEEN), and the scripts write its sound, "mac" (katakana マック,
    Hangul 맥 and 매 before a k sound: 맥아더 MacArthur, 매퀸 McQueen, by the Loanword
    Orthography's English table; Han 麦克, by Xinhua's transcription table, GB/T 17693.1:
    麦克阿瑟 MacArthur), never a bare m."""
    return "mac" + spelling[2:] if spelling.startswith("mc") and len(spelling) > 3 else spelling


def consonant_class(spelling: str, first: bool) -> str:
    """The consonant class `abjad.key` files a spelling under (a word's first letter is
    kept as it is, a w or y inside a word dropped)."""
    return key(spelling + "a") if first else key("a" + spelling + "a")[1:]


def _choices(parts: Sequence[Unit], k: int, ach: Mapping[int, list[str]]) -> list[str]:
    """One spelling of each consonant class unit k may be (what `keys` combines); `ach`:
    the units of a German ch after a back vowel (`_ach`) with their endings."""
    unit, first = parts[k], k == 0
    if unit == _LONG:
        spellings = ["", "r", "h", *_silent_l(parts, k)]  # (ダール DAHL)
    elif unit == _NASAL:
        spellings = ["n", "m", "ng"]
    elif unit[0] == "":
        spellings = [unit[1], *(["v"] if unit[1] == "u" else [])]
    else:
        spellings = ([c + unit[1] for c in _consonants(unit[0]) + _german_glide(parts, k)
                      + _german_s(parts, k)]
                     + _german_ch(parts, k) + _devoiced(parts, k))
        spellings += [c + end for c in _table()["german_ach"]["spellings"]
                      for end in ach.get(k, [])]
    seen: dict[str, str] = {}
    for s in spellings:
        seen.setdefault(consonant_class(s, first), s)
    out = list(seen.values())
    if _ham(parts, k):
        # (each with an h before its vowel: `consonant_class` would drop it as a last letter)
        out += [s[:-1] + "h" + s[-1] for s in out]
    return out


@lru_cache(maxsize=4096)
def keys(word: str) -> tuple[str, ...]:
    """The consonant keys (`abjad.key`) of the Latin spellings a katakana word may
    transcribe: the keys of each choice of consonant class for each sound, with each
    unwritten final consonant or none (`_silent`; empty when there are more than
    `MAX_KEYS` choices)."""
    parts = units(word)
    if parts is None or not parts:
        return ()
    ach = _ach(word, parts)
    choices = [_choices(parts, k, ach) for k in range(len(parts))]
    for k in range(len(parts)):
        if _after_o(parts, k):
            # (オア as -ore: one choice of the r's class more; オイ as eu: none)
            seen = {consonant_class(c, False) for c in choices[k]}
            for s in _table()["after_o"][parts[k][1]]:
                if consonant_class(s, False) not in seen:
                    seen.add(consonant_class(s, False))
                    choices[k].append(s)
    count = 1
    for c in choices:
        count *= len(c)
    if count > MAX_KEYS:
        return ()
    out: dict[str, None] = {}
    tails: dict[str, str] = {"": ""}  # one unwritten final letter of each consonant class
    for tail in _silent(parts[-1]):
        tails.setdefault(consonant_class(tail, False), tail)
    for combination in product(*choices):
        spelt = "".join(combination)
        for tail in tails.values():
            out.setdefault(key(spelt + tail), None)
    return tuple(out)


def _plain(word: str) -> str:
    """The word's Hepburn reading without the vowels katakana adds ("raburofu": "rabrof"),
    what `readings` ranks fitting spellings by."""
    out: list[str] = []
    for unit in units(word) or ():
        if unit == _NASAL:
            out.append("n")
        elif unit != _LONG:
            out.append(unit[0] + ("" if _added(unit) else unit[1]))
    return "".join(out)


class Spellings(NamedTuple):
    """What `readings` needs of an index: its consonant-key table (`Index.abjad`: key ->
    (token id, list spelling)) and each token's weight (`Index.weights`: rarer is higher)."""

    table: Mapping[str, Sequence[tuple[int, str]]]
    weights: Sequence[float]


def readings(word: str, spellings: Spellings, shortest: int = MIN_FIT) -> list[str]:
    """The list spellings a katakana word may transcribe, commonest first.

    One spelling for each list token, at least `shortest` letters long, at most
    `MAX_PER_WORD`: the commonest on the lists (ウラジーミル is VLADIMIR more often than the
    Belarusian ULADZIMIR), then the nearest the plain reading.
    """
    fit = pattern(word)
    if fit is None:
        return []
    return fitting(fit, keys(word), _plain(word), spellings, shortest=shortest)


def short_readings(words: Sequence[str], options: list[list[str]], read_by_pattern: int,
                   read: Callable[[str], list[str]]) -> None:
    """Each word of several that no spelling of `MIN_FIT` letters fits (empty `options`)
    read again by `read` with spellings of `MIN_FIT_SHORT` letters, when `read_by_pattern`
    (how many words of the name a list spelling fits; an article is none) is one or more:
    a short given name beside a surname the pattern reads (ティム TIM, 린 LIN, 이브 EVE). A
    short word alone, or beside words read as written, keeps its own letters: a
    three-letter spelling fits too many list words to be a name's only evidence. `options`
    is changed in place."""
    if len(words) < 2 or read_by_pattern == 0:
        return
    for k, word in enumerate(words):
        if options[k] == []:
            options[k] = read(word)


@cache
def _regnal_number(mark: str) -> re.Pattern[str]:
    return re.compile(r"([1-9][0-9]?)" + re.escape(mark))


def roman(number: int) -> str:
    """A number as the Roman numeral a ruler's name writes (14: "xiv")."""
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def regnal(words: Sequence[str], mark: str) -> tuple[list[str], int, str] | None:
    """A ruler's number in a name written in katakana or Hangul (Arabic digits and `mark`,
    世 or 세: `resources/katakana.yml`'s and `hangul_foreign.yml`'s `regnal`): the name's
    words without it, the place it had, and the Roman numeral the Latin name writes there
    (エリザベス2世 ["エリザベス"], 1, "ii"). The number is the name's last word, or the one
    before its last (an epithet after it: 안티오코스 1세 소테르 ANTIOCHUS I SOTER), never its
    first, and may be written onto the word before it; None for a name without one, with
    two, or with one elsewhere (1세대, "first generation", is a word of its own)."""
    found: tuple[int, re.Match[str]] | None = None
    number = _regnal_number(mark)
    for k, word in enumerate(words):
        if mark not in word:
            continue
        m = number.search(word)
        if m is None or m.end() != len(word) or found is not None:
            return None
        found = (k, m)
    if found is None:
        return None
    k, m = found
    head = words[k][:m.start()]
    rest = [*words[:k], *([head] if head else []), *words[k + 1:]]
    place = k + (head != "")
    value = int(m.group(1))
    if place == 0 or len(rest) - place > 1 or value > MAX_REGNAL:
        return None
    return rest, place, roman(value)


def fitting(fit: re.Pattern[str], word_keys: Sequence[str], plain: str,
            spellings: Spellings, nearest_first: bool = False,
            shortest: int = MIN_FIT) -> list[str]:
    """The list spellings filed under `word_keys` that pattern `fit` matches (as `latin`
    reads them), commonest first, then the nearest `plain` (`nearest_first`: the other
    way round): one for each list token, at least `shortest` letters long, at most
    `MAX_PER_WORD` (also what `hangul_foreign.readings` asks)."""
    found: dict[int, str] = {}
    rank: dict[int, tuple[bool, int]] = {}
    for k in word_keys:
        for tid, spelling in spellings.table.get(k, ()):
            if len(spelling) < shortest or not spelling.isalpha():
                continue
            # the list's own spelling rather than its fold (a token's fold is filed beside
            # the spellings it stands for: AXEL's "aksel", WANJA's "vania", RICHARD's
            # "ricard"), whichever is longer; of the list's own, the longest
            held = rank.get(tid, (False, 0))
            if (held[0] and held[1] >= len(spelling)) or fit.fullmatch(latin(spelling)) is None:
                continue
            mine = (fold_key(spelling) != spelling, len(spelling))
            if mine > held:
                found[tid], rank[tid] = spelling, mine
    if nearest_first:
        ranked = sorted(found.items(), key=lambda t: (
            Levenshtein.distance(plain, latin(t[1])), round(spellings.weights[t[0]], 2), t[1]))
    else:
        ranked = sorted(found.items(), key=lambda t: (round(spellings.weights[t[0]], 2),
                                                      Levenshtein.distance(plain, t[1]), t[1]))
    return [s for _, s in ranked[:MAX_PER_WORD]]


def reading_fits(read: Sequence[str], fit: re.Pattern[str] | None,
                 latin: Callable[[str], str]) -> dict[str, Fits]:
    """The test (`guess.pattern_fits`) of each prepared token of the list spellings `read`
    that a word was read as by its pattern `fit` (katakana's, Hangul's, Cyrillic's); none
    without a pattern."""
    if fit is None:
        return {}
    test = pattern_fits(fit, latin)
    return {t: test for s in read for t in normalize(s)}


def foreign_names(text: str, spellings: Spellings) -> list[str]:
    """A katakana name read as the Latin names it may transcribe (none for other text, or
    when no word of it fits a list spelling): each word as a list spelling it fits
    (`readings`) or else as written, the Arabic article アル as "al"; at most
    `MAX_READINGS` names, those of the nearest readings first, each a `Guess` whose read
    words pair only with list words their katakana fit."""
    ruler: tuple[int, str] | None = None
    if is_katakana(text):
        words = [w for w in _SPLIT.split(unicodedata.normalize("NFKC", text)) if w != ""]
    else:
        # a ruler's number (エリザベス2世 ELIZABETH II): the name read without it, and the
        # numeral put back in each reading
        mark = _table()["regnal"]
        if mark not in text or _ANY_KANA.search(text) is None:
            return []
        split = regnal([w for w in _SPLIT.split(unicodedata.normalize("NFKC", text)) if w],
                       mark)
        if split is None or not is_katakana(" ".join(split[0])):
            return []
        words, ruler = split[0], split[1:]
    options: list[list[str]] = []
    fits: dict[str, Fits] = {}

    def read(word: str, shortest: int = MIN_FIT) -> list[str]:
        found = readings(word, spellings, shortest)
        fits.update(reading_fits(found, pattern(word) if found else None, latin))
        return found

    read_by_pattern = 0
    for k, word in enumerate(words):
        if word in _ARTICLE and k + 1 < len(words):
            options.append([_ARTICLE[word]])
        else:
            options.append(read(word))
            read_by_pattern += options[-1] != []
    short_readings(words, options, read_by_pattern, lambda w: read(w, MIN_FIT_SHORT))
    options = [o or [w] for o, w in zip(options, words)]
    if all(o == [w] for o, w in zip(options, words)):
        return []
    if ruler is not None:
        options.insert(ruler[0], [ruler[1]])
    ranked = sorted(product(*(list(enumerate(o)) for o in options)),
                    key=lambda c: sum(rank for rank, _ in c))
    return [Guess(" ".join(w for _, w in c), fits) for c in ranked[:MAX_READINGS]]
