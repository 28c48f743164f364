"""Foreign names written in Hangul, read as the Latin names they transcribe.

Korean books (bank customer files, procurement records) write a foreign person's name in
Hangul by the Loanword Orthography (외래어 표기법), and a syllable-by-syllable romanisation
is far from the name's own spelling: 블라디미르 푸틴 reads "beulladimireu putin", not
VLADIMIR PUTIN. Hangul adds a vowel ㅡ after a lone consonant (스 s, 트 t, 드 d), writes ㄹ
for r and l (ㄹㄹ for an l before a vowel), ㅂ for b and v, ㅍ for p and f, ㅈ and ㅊ for j,
z, ch and ts, 시 for sh, leaves an r after a vowel and the doubled letters of Latin
spellings unwritten. So, as for katakana (`match.kana`), each Hangul word becomes a pattern
(`pattern`): its jamo in order (`resources/hangul_foreign.yml`), each as any Latin spelling
of its sound, the added vowels optional; the list spellings it may be are found by their
consonant keys (`abjad.key`, the table `Index.abjad` holds: `keys`), and a word's readings
(`readings`) are the list spellings its pattern fits, with kana's caps (`kana.MIN_FIT`
letters at least, `kana.MAX_PER_WORD` per word, `kana.MAX_READINGS` per name).

A Korean person's own name (`korean_person`: a Korean surname first, two to four
syllables) keeps today's readings alone (`hangul.person_tokens`); for other text in Hangul
alone (`is_hangul`) the foreign readings are extra query names, beside today's.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import product
from typing import Any, NamedTuple

from clearance.match import hangul_terms, kana
from clearance.match.abjad import key
from clearance.match.guess import Fits, Guess
from clearance.match.kana import MAX_READINGS, Spellings, consonant_class, fitting, reading_fits
from clearance.resources import load_resource

__all__ = ["Slot", "foreign_names", "hangul_words", "is_hangul", "keys", "korean_person",
           "pattern", "readings", "slot_keys", "slot_pattern", "slots"]

#: most consonant keys one word is looked up by (a longer word's choices multiply)
MAX_KEYS = 1024

_SYLLABLE = re.compile("[\uac00-\ud7a3]")
_OTHER = re.compile(r"[^\uac00-\ud7a3\s\u00b7\u318d\u30fb\u2027=\-]")
_SPLIT = re.compile(r"[\s\u00b7\u318d\u30fb\u2027=\-]+")

_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
#: consonants that write sh, ch, j, ts with the vowel after them: their ㅣ may be one Hangul
#: adds (플래시 flash, 피치 pitch, 조지 George) and their iotated vowels need no glide (샤 sha)
_PALATAL = frozenset("ㅅㅆㅈㅉㅊ")
#: vowels after which Hangul leaves an r unwritten (헌터 hunter, 다보벤 Darboven, 포드 Ford,
#: 어셔 Usher, 하워드 Howard)
_R_DROPPED = frozenset("ㅏㅓㅗㅐㅑㅕㅛㅘㅝ")
#: 알 and 엘 before another word, or heading a longer one, are the Arabic article
_ARTICLE = {"알": "al", "엘": "el"}


class Slot(NamedTuple):
    """One letter group of a word's Latin spelling: its spellings, and whether Latin may
    write nothing there."""

    spellings: tuple[str, ...]
    optional: bool = False


@cache
def _table() -> dict[str, Any]:
    """`resources/hangul_foreign.yml`: jamo -> Latin spellings."""
    data: dict[str, Any] = load_resource("hangul_foreign")
    return data


def is_hangul(text: str) -> bool:
    """True when the text is written in Hangul syllables alone (words apart by spaces,
    middle dots or hyphens): a name with Latin letters or Han characters in it is read as
    today."""
    return _SYLLABLE.search(text) is not None and _OTHER.search(text) is None


def hangul_words(text: str) -> list[str]:
    """The words of a name written in Hangul syllables alone (`is_hangul`); none for
    other text."""
    return [w for w in _SPLIT.split(text) if w != ""] if is_hangul(text) else []


def _jamo(word: str) -> list[tuple[str, str, str]]:
    out = []
    for ch in word:
        code = ord(ch) - 0xAC00
        out.append((_INITIALS[code // 588], _VOWELS[(code % 588) // 28],
                    _FINALS[code % 28].strip()))
    return out


def _vowel(initial: str, vowel: str) -> tuple[str, ...]:
    """The Latin spellings of a syllable's vowel after its initial."""
    table = _table()
    iotated: dict[str, str] = table["iotated"]
    if vowel in iotated:
        base = table["vowels"][iotated[vowel]]
        glides = list(table["glides"]) + ([""] if initial in _PALATAL else [])
        return tuple(g + b for g in glides for b in base)
    spellings = list(table["vowels"][vowel])
    if initial == "ㅇ" and vowel == "ㅣ":
        spellings.append("j")  # 이오시프 Iosif or Josif
    elif initial == "ㅇ" and vowel == "ㅜ":
        spellings += ["w", "v"]  # 우드 Wood
    return tuple(spellings)


@lru_cache(maxsize=4096)
def slots(word: str) -> tuple[Slot, ...] | None:
    """A Hangul word as the letter groups of the Latin spelling it transcribes (None when
    it is not one word of Hangul syllables): each syllable's initial, vowel and final, a
    vowel Hangul adds after a lone consonant optional (ㅡ; ㅣ ㅟ ㅠ after ㅅ ㅈ ㅊ: 시 sh, 슈
    sh before a consonant), an r after the vowels of `_R_DROPPED` optional, 아이 에이 오이
    우이 웨이 as one vowel, an e before a final 스 or 즈 optional (Jones), an initial that
    repeats the final before it optional (한네 Hanne: Latin writes the doubled n once) and
    ㄹㄹ as one l; a first ㅎ may be a Portuguese r, a last 션 an English -tion, a last
    앙 a Portuguese ão, a later last 엄 (넘, 덤) an English -ham, and the vowel of a first
    syllable with a final may have a silent h after it (존 John), as may an a or o before
    a k or m sound have a silent l (워커 Walker, 홈스 Holmes)."""
    if not word or _SYLLABLE.fullmatch(word[0]) is None or _OTHER.search(word) is not None:
        return None
    table = _table()
    parts = _jamo(word)
    out: list[Slot] = []
    merged = False  # whether this syllable's vowel was read with the one before
    for k, (initial, vowel, final) in enumerate(parts):
        before = parts[k - 1][2] if k > 0 else ""
        after = parts[k + 1] if k + 1 < len(parts) else None
        if after is None and vowel == "ㅡ" and final == "" and initial in "ㅅㅈ":
            # a final s after a silent e (존스 Jones, 하인즈 Hines, 제임스 James)
            out.append(Slot(("e",), True))
        german = _german_ch(parts, k)
        if german:
            # German ch after a front vowel, -ig at a word's end (하인리히 HEINRICH)
            out.append(Slot((*(h + i for h in table["initials"]["ㅎ"]
                               for i in _vowel("ㅎ", "ㅣ")), *german)))
            continue
        if initial != "ㅇ" and not (initial == "ㄹ" and before == "ㄹ"):
            spellings = tuple(table["initials"][initial])
            if k == 0 and initial == "ㅎ":
                spellings += tuple(table["first_h"])  # Portuguese r (호날두 Ronaldo)
            elif after is None and (initial, vowel, final) == ("ㅅ", "ㅕ", "ㄴ"):
                spellings += tuple(table["tion"])  # English -tion (네이션 nation)
            shared = before != "" and bool(set(table["finals"][before]) & set(spellings))
            out.append(Slot(spellings, shared))
        if k > 0 and after is None and (vowel, final) == ("ㅓ", "ㅁ"):
            out.append(Slot(("h",), True))  # English -ham (버넘 Burnham, 그레이엄 Graham)
        if not merged:
            diphthong = (after is not None and after[0] == "ㅇ" and after[1] == "ㅣ"
                         and final == "" and vowel in table["diphthongs"])
            if diphthong:
                out.append(Slot(tuple(table["diphthongs"][vowel])))
            else:
                # (블라 bla, 슬라 sla: ㄹㄹ writes an l after a lone consonant)
                lone = final == "" or (final == "ㄹ" and after is not None
                                       and after[0] == "ㄹ")
                added = lone and initial != "ㅇ" and (
                    vowel == "ㅡ" or (vowel in "ㅣㅟㅠ" and initial in _PALATAL
                                      and (after is None or after[0] != "ㅇ")))
                spellings = tuple(table["added"]) if added and vowel == "ㅡ" else _vowel(
                    initial, vowel)
                out.append(Slot(spellings, added))
            merged = diphthong
            if (vowel in _R_DROPPED and not diphthong
                    and (final != "" or after is None or after[0] not in "ㄹㅇ")):
                # (or an h the source does not sound, in a first syllable with a final:
                # 존 John, 콜 Kohl; `first_silent`)
                silent = ("r", *table["first_silent"]) if k == 0 and final != "" else ("r",)
                then = final or (after[0] if after is not None else "")
                out.append(Slot(silent + _silent_l(vowel, then), True))
        else:
            merged = False
        if final != "":
            # a final ㅅ before a consonant is the doubled letter of Japanese names
            # (삿포로 Sapporo) and of Latin spellings Hangul writes so (웻지 wedge)
            doubled = final == "ㅅ" and after is not None and after[0] != "ㅇ"
            spellings = tuple(table["finals"][final])
            if after is None and (vowel, final) == ("ㅏ", "ㅇ"):
                spellings += tuple(table["last_ao"])  # Portuguese ão (주앙 João)
            out.append(Slot(spellings, doubled))
    return tuple(out)


def _german_ch(parts: list[tuple[str, str, str]], k: int) -> tuple[str, ...]:
    """The German spellings of 히 (syllable k, without a final) after a syllable of a front
    vowel, not a word's first (`resources/hangul_foreign.yml`'s `german_ch`: ch, and g at
    a word's end: 하인리히 HEINRICH, 루트비히 LUDWIG); nothing elsewhere."""
    if k == 0 or parts[k] != ("ㅎ", "ㅣ", "") or parts[k - 1][2] != "":
        return ()
    table = _table()["german_ch"]
    if parts[k - 1][1] not in table["after"]:
        return ()
    return (*table["spellings"], *(table["last"] if k + 1 == len(parts) else ()))


def _silent_l(vowel: str, then: str) -> tuple[str, ...]:
    """An l English writes and does not sound after `vowel` before the consonant jamo
    `then` (`resources/hangul_foreign.yml`'s `silent_l`: 워커 WALKER, 홈스 HOLMES), or
    nothing."""
    table = _table()["silent_l"]
    return ("l",) if vowel in table["after"] and then in table["before"] else ()


def _alternation(spellings: tuple[str, ...]) -> str:
    ordered = sorted({kana.latin(s) for s in spellings}, key=lambda s: (-len(s), s))
    return "(?:" + "|".join(re.escape(s) for s in ordered) + ")"


@lru_cache(maxsize=4096)
def pattern(word: str) -> re.Pattern[str] | None:
    """The Latin spellings a Hangul word may transcribe, as a pattern for `kana.latin`
    spellings (doubled letters once, x as ks): each slot (`slots`) as any of its spellings, the
    optional ones optional; a final e or h Latin does not sound optional."""
    parts = slots(word)
    if not parts:
        return None
    return slot_pattern(parts, "(?:e|h)?")


def slot_pattern(parts: tuple[Slot, ...], tail: str) -> re.Pattern[str]:
    """Slots as a pattern for `kana.latin` spellings: each as any of its spellings, the
    optional ones optional, then `tail` (what a word may end in unwritten); also what
    `cyrillic_foreign.pattern` asks."""
    body = "".join(_alternation(s.spellings) + ("?" if s.optional else "") for s in parts)
    return re.compile(body + tail)


@lru_cache(maxsize=1024)
def _choices(slot: Slot, first: bool) -> tuple[str, ...]:
    """One spelling of each consonant class a slot may be (and "" for an optional one):
    what `keys` combines."""
    seen: dict[str, str] = {}
    for s in slot.spellings:
        seen.setdefault(consonant_class(s, first), s)
    if slot.optional:
        seen.setdefault("", "")
    return tuple(seen.values())


@lru_cache(maxsize=4096)
def keys(word: str) -> tuple[str, ...]:
    """The consonant keys (`abjad.key`) of the Latin spellings a Hangul word may
    transcribe: the keys of each choice of consonant class for each slot (empty when
    there are more than `MAX_KEYS` choices)."""
    parts = slots(word)
    if not parts:
        return ()
    found = slot_keys(parts)
    if not found:
        # (a silent h's or l's choice, or -ham's h, may take a word past MAX_KEYS: its keys
        # as before them)
        silent = {"r", "l", *_table()["first_silent"]}
        found = slot_keys(tuple(
            Slot(("r",), True) if s.optional and s.spellings[0] == "r"
            and set(s.spellings) <= silent else s
            for s in parts if not (s.optional and s.spellings == ("h",))))
    return found


def slot_keys(parts: tuple[Slot, ...]) -> tuple[str, ...]:
    """The consonant keys of the Latin spellings slots may be: the keys of each choice of
    consonant class for each slot (empty when there are more than `MAX_KEYS` choices);
    also what `cyrillic_foreign.keys` asks."""
    choices: list[tuple[str, ...]] = []
    count = 1
    for k, slot in enumerate(parts):
        choices.append(_choices(slot, k == 0))
        count *= len(choices[-1])
        if count > MAX_KEYS:
            return ()
    out: dict[str, None] = {}
    for combination in product(*choices):
        # (a vowel between the slots, so that two consonants never make a digraph)
        out.setdefault(key("".join(c + "a" if c != "" else c for c in combination)), None)
    return tuple(out)


def _plain(word: str) -> str:
    """The word's Latin letters by the first spelling of each slot, without the optional
    ones, what `readings` ranks fitting spellings by ("블라디미르": "bladimir")."""
    return "".join(s.spellings[0] for s in slots(word) or () if not s.optional)


def readings(word: str, spellings: Spellings, shortest: int = kana.MIN_FIT) -> list[str]:
    """The list spellings a Hangul word may transcribe (`kana.fitting`: at least
    `shortest` letters, at most `kana.MAX_PER_WORD`), the nearest the plain reading
    first, then the commonest on the lists: unlike katakana's, the plain reading of Hangul
    is near its Latin name ("pyotr" for 표트르: PIOTR, not the commoner PETER; "aben" for
    아벤: AVEN, not OPEN)."""
    fit = pattern(word)
    if fit is None:
        return []
    return fitting(fit, keys(word), _plain(word), spellings, nearest_first=True,
                   shortest=shortest)


@cache
def _surnames() -> frozenset[str]:
    return frozenset(_table()["korean_surnames"])


def korean_person(words: list[str]) -> bool:
    """Whether Hangul words are shaped as a Korean person's name, which keeps its Korean
    readings alone: one word of two to four syllables headed by a Korean surname (one
    syllable, or two: 남궁), or a surname and a given name of one or two syllables written
    apart (`resources/hangul_foreign.yml`: korean_surnames), every syllable the Korean
    reading of a Han character (`hangul_sino.sino_korean`: 조 앨런 is Joe Allen, whose 앨
    no character reads; a Korean given name of native words, 하늘, is read both ways)."""
    from clearance.match.hangul_sino import sino_korean

    surnames = _surnames()
    if len(words) == 1:
        word = words[0]
        shaped = 2 <= len(word) <= 4 and (word[0] in surnames or word[:2] in surnames)
    else:
        shaped = len(words) == 2 and words[0] in surnames and 1 <= len(words[1]) <= 2
    return shaped and all(sino_korean(s) for w in words for s in w)


def _options(word: str, last: bool, spellings: Spellings, fits: dict[str, Fits]
             ) -> list[str]:
    """A word's readings; the Arabic article 알 as "al" before another word, and at the
    head of a longer word read apart (알아사드 al asad). The test of each read word is
    added to `fits` (`Guess`)."""
    if word in _ARTICLE and not last:
        return [_ARTICLE[word]]
    out = _read(word, spellings, fits)
    if word[:1] in _ARTICLE and len(word) >= 3:
        out += [f"{_ARTICLE[word[0]]} {r}" for r in _read(word[1:], spellings, fits)]
    return out


def _read(word: str, spellings: Spellings, fits: dict[str, Fits],
          shortest: int = kana.MIN_FIT) -> list[str]:
    read = readings(word, spellings, shortest)
    fits.update(reading_fits(read, pattern(word) if read else None, kana.latin))
    return read


def foreign_names(text: str, spellings: Spellings) -> list[str]:
    """A Hangul name read as the Latin names it may transcribe (none for other text, or
    when no word of it fits a list spelling): each word as a list spelling it fits
    (`readings`) or else as written; at most `kana.MAX_READINGS` names, those of the
    nearest readings first, each a `Guess` whose read words pair only with list words
    their Hangul fit."""
    words = hangul_words(text)
    ruler: tuple[int, str] | None = None
    if not words and _table()["regnal"] in text:
        # a ruler's number (페르디난트 2세 FERDINAND II): the name read without it, and
        # the numeral put back in each reading
        split = kana.regnal([w for w in _SPLIT.split(text) if w != ""], _table()["regnal"])
        if split is not None and is_hangul(" ".join(split[0])):
            words, ruler = split[0], split[1:]
    if not words or hangul_terms.south_company(text):
        return []  # (a South Korean company's name is Korean: 주식회사 윈드 is not WIND)
    if korean_person(words):
        return []
    options: list[list[str]] = []
    fits: dict[str, Fits] = {}
    for k, word in enumerate(words):
        options.append(_options(word, k + 1 == len(words), spellings, fits))
    if not any(options):
        return []
    kana.short_readings(words, options, sum(o != [] and w not in _ARTICLE
                                            for o, w in zip(options, words)),
                        lambda w: _read(w, spellings, fits, kana.MIN_FIT_SHORT))
    # a word no list spelling fits: its plain reading, nearer the Latin name than a
    # syllable-by-syllable romanisation (이브 "ib", not "ibeu"; 알리 "ali", not "alri")
    options = [o or [_plain(w)] for o, w in zip(options, words)]
    if ruler is not None:
        options.insert(ruler[0], [ruler[1]])
    ranked = sorted(product(*(list(enumerate(o)) for o in options)),
                    key=lambda c: sum(rank for rank, _ in c))
    return [Guess(" ".join(w for _, w in c), fits) for c in ranked[:MAX_READINGS]]
