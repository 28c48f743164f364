"""What Hebrew writes that its letters, romanised one by one, do not say.

Four readings `clearance.match.abjad` cannot make from a romanised token alone:

- Particles and titles (`read_particles`): Hebrew writes a European particle by its sound
  (VON is פון, VAN ואן) and an Arab title as Arabic has it (שייח' SHEIKH); letter by letter
  they are names of their own ("pwn", "shyykh") that no listed particle or title pairs with.
  A word of `resources/hebrew_particles.yml` is read as the Latin word; so is a word of
  `resources/abjad_particles.yml` in Arabic script, which writes particles so too (فون
  "fwn" VON, دي "dy" DE): a title before a name, a particle between two names.
- Spanish J, G, Z and C (`spanish_reading`): Hebrew writes J and G as ח, the letter of its
  own kh (חוסה JOSE, חורחה JORGE), Z and C as ס (לופס LOPEZ, גרסיה GARCIA); a name is also
  read with each ח as J and each ס as a letter Latin writes s, z or c, in its words that
  are no name Israelis bear as written (חיים, יצחק: read once, as written).
- A word that starts with a consonant and a he (`two_letter_pairs`, `misread`): romanised,
  כהן is "khn", and its "kh" is also the letter ח, so Cohen read as KHAN, HAN (0.9); דהן
  (Dahan) as DIN, DHAN; סהר (Sahar) as SHIR. A Latin word that starts with kh, sh, th, dh,
  gh or zh writes one sound, which Hebrew writes with one letter (ח, ש, ת, ז'; ד' and ע' for
  dh and gh), never a letter and a he; that he is an h of its own, which Latin writes after
  a vowel (COHEN, KAHN, DAHAN, SUHAIL for סהיל). Inside a word the two letters may be Latin's
  two (Beethoven: בטהובן, Eckhart: אקהרט), so only a word's first letters are read so.
- A biblical name's he after its first alef or yod (`silent_he_reading`): אהרן, יהונתן are
  AHARON and YEHONATAN as Israelis say them, and AARON and JONATHAN as English and German
  write them; the name is also read without that he.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Final

from clearance.match.abjad import has_abjad, romanize
from clearance.match.abjad_terms import fold_arabic
from clearance.match.population import spelled_name
from clearance.resources import load_resource

__all__ = ["Reading", "misread", "read_particles", "silent_he_reading", "spanish_reading",
           "SPANISH_SOUNDS_MAX", "et_reading", "spanish_sounds_readings", "two_letter_pairs",
           "u_reading", "w_readings"]


class Reading(str):
    """A name's text as a reading rewrites it (`spanish_reading`, `silent_he_reading`), with
    the text as typed (`typed`) and how it was read (`how`): the query name's text, so an
    explanation shows what the user typed and says how it was read
    (`score.name_feature`), not a text nobody typed."""

    typed: str
    how: str

    def __new__(cls, text: str, typed: str, how: str) -> Reading:
        out = super().__new__(cls, text)
        out.typed, out.how = typed, how
        return out

    def __reduce__(self) -> tuple[type[Reading], tuple[str, str, str]]:
        return Reading, (str(self), self.typed, self.how)


#: how `spanish_reading` and `silent_he_reading` read a name (`Reading.how`)
AS_SPANISH: Final = "as a Spanish name"
HE_SILENT: Final = "with the he after its first letter silent"

#: the keyboard's apostrophe and quotation mark for geresh and gershayim
_PUNCTUATION = str.maketrans({"\u05f3": "'", "\u05f4": '"', "’": "'", "”": '"'})
#: a written Hebrew word: letters, with the geresh or gershayim it may carry (ד"ר, שייח')
_WORD = re.compile("[\u05d0-\u05ea][\u05d0-\u05ea'\"\u05f3\u05f4’”]*")
_HEBREW = re.compile("[\u05d0-\u05ea]")
#: a written word of a particle table: Hebrew (`_WORD`), or in Arabic script with its
#: marks, any of its languages' letters and the non-joiner (a particle's letters that
#: start a longer word, Urdu's دوہرا or Persian's دو‌ستی, are no particle)
_PARTICLE = re.compile(_WORD.pattern + "|[\u0620-\u06ff\u200c]+")


@cache
def _particles() -> dict[str, str]:
    """Each table's words, in Hebrew and in Arabic script, folded (`_fold`)."""
    return {_fold(str(k)): str(v) for table in ("hebrew_particles", "abjad_particles")
            for k, v in load_resource(table)["words"].items()}


def _fold(word: str) -> str:
    """A word as the tables are looked up: the keyboard's apostrophe and quotation mark
    for geresh and gershayim; Arabic's and Persian's yeh and kaf as one (`fold_arabic`)."""
    return fold_arabic(word.translate(_PUNCTUATION))


@cache
def _titles() -> frozenset[str]:
    """The Latin titles of people (`generic_words.yml`'s person_titles: sheikh, haji, dr)."""
    return frozenset(str(w) for w in load_resource("generic_words")["person_titles"])


def read_particles(text: str) -> str:
    """The text with each word in Hebrew or Arabic script that writes a particle or a title
    as its Latin word (יוהאן פון גתה -> "יוהאן von גתה", شيخ عمر -> "sheikh عمر"); other
    words, and text in neither script, unchanged.

    Where it stands says which it is: a title before a name, a particle between two names
    (Ludwig van Beethoven, Charles de Gaulle, Ahmad bin Ali). The same letters first in a
    name are a name of their own, as Arabic and Persian write the Chinese surnames Fan,
    Wan and Du (فان يانغ, وان ييفان, دو يورونغ), and last they end it."""
    if not has_abjad(text):
        return text
    table = _particles()
    titles = _titles()

    def latin(found: re.Match[str]) -> str:
        word = found.group()
        read = table.get(_fold(word))
        if read is None or not _letter(text, found.end(), len(text)):
            return word
        return read if read in titles or _letter(text, 0, found.start()) else word

    return _PARTICLE.sub(latin, text)


def _letter(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` holds a letter: a word of the name stands there."""
    return any([ch.isalpha() for ch in text[start:end]])


#: Hebrew letters a he after which romanises as a Latin digraph ("kh", "sh", "th", "dh",
#: "gh", "zh"; tsadi's "ts" before it, "tsh", as "sh")
_BEFORE_HE: Final = frozenset("כקסטתדגזצ")
_HE: Final = "ה"
#: a Latin word that writes a he of its own: an h after a vowel (COHEN, DAHAN)
_VOWEL_H: Final = re.compile("[aeiouy']+h")
_NO_PAIRS: Final[frozenset[str]] = frozenset()


@lru_cache(maxsize=50_000)
def two_letter_pairs(text: str) -> frozenset[str]:
    """The romanised tokens of a Hebrew-script name's words that start with a consonant
    and a he (כהן "khn", and not at the word's end: דה is "de" or "da"): the token's first
    "kh" (or "sh", "dh" ...) is two letters, not one. Empty for a name without any. (Not
    to be changed by the caller.)"""
    if _HEBREW.search(text) is None:
        return _NO_PAIRS
    words = re.split("[\\s\\-\u05be]+", unicodedata.normalize("NFKC", text))
    out = [re.sub("[^a-z0-9]", "", romanize(word)) for word in words
           if len(word) > 2 and word[0] in _BEFORE_HE and word[1] == _HE]
    return frozenset(out) if out else _NO_PAIRS


def misread(latin: str) -> bool:
    """Whether a Latin word that the pattern of a token of `two_letter_pairs` spells
    (`abjad.similarity`) reads its first consonant and he as one digraph: it writes no h
    after a vowel (KHAN, HAN, CHAN for כהן; COHEN, KAHN write it)."""
    return _VOWEL_H.search(latin) is None


#: Hebrew's het, unless a geresh makes it the kh of an Arabic name (ח'אלד KHALID)
_HET: Final = re.compile("ח(?![׳'’])")


def spanish_reading(text: str) -> Reading | None:
    """The name with each het read as the J of a Spanish name (ג', "j": JOSE, and the G
    before e and i, JORGE, which "j" spells too) and each samekh as a letter that is also
    its Z and C (צ, "ts": Latin America says both as s, and Hebrew writes them ס: לופס
    LOPEZ, גרסיה GARCIA); in Arabic script, each kha as that J (ج: Arabic and Persian
    write it خ, خوان JUAN, خوسيه JOSE, خورخي JORGE) and each sin as the same two letters
    (تس, "ts": Arabic writes Z and C as س, لوبيس LOPEZ, غونساليس GONZALEZ); None for a
    name without a word so read (`_spanish_word`, `_spanish_arabic_word`)."""
    read = text
    if "ח" in text or "ס" in text:
        read = _WORD.sub(_spanish_word, read)
    if _KHA in text or _SIN in text:
        persian = _PERSIAN.search(text) is not None
        read = _ARABIC_WORD.sub(lambda found: _spanish_arabic_word(found.group(), persian), read)
    return Reading(read, text, AS_SPANISH) if read != text else None


#: letters Persian writes and Arabic does not (pe, che, zhe, gaf, keheh, Persian yeh): a
#: name typed so is written as Persian writes, which gives Spanish Z its own letter (ز:
#: لوپز LOPEZ), so its sin is an s
_PERSIAN: Final = re.compile("[پچژگکی]")


_KHA: Final = "خ"
_SIN: Final = "س"
_ARABIC_WORD: Final = re.compile("[\u0620-\u06ff]+")
#: letters Arabic and Persian write a Spanish name's sounds with none of: the letters of
#: Arabic's own sounds (ح, ع, ق, the emphatics ض ظ ص ط, ذ ث), the ta marbuta and the hamza
#: on a seat inside a word; a word holding one is an Arabic word, its kha the kh of KHALID
#: (the hamza on an alef writes a Spanish name's first vowel: إرنانديس HERNANDEZ)
_ARABIC_OWN: Final = frozenset("حعقضظصطذثةءئؤ")


def _spanish_arabic_word(word: str, persian: bool, borne: bool = False) -> str:
    """A word's kha as jim and sin as ت س (`spanish_reading`), unless the word is
    Arabic's own: it holds the article or a letter a Spanish name is not written with
    (`_ARABIC_OWN`: خديجة, الخطيب), or is a name people bear as written
    (`population.spelled_name` of its romanisation: خالد, خان, شيخ, سمير are read once,
    as written); a sin is kept where the word romanises to two letters or fewer, as
    Hebrew's samekh is (`_spanish_word`), after a kaf (`_AFTER_KAF`), and in a name
    written in Persian (`persian`: `_PERSIAN`). `borne`: a name people bear is read so too
    (`spanish_sounds_readings`: ميسا MEZA is also a name borne as written, "mys")."""
    if ((_KHA not in word and _SIN not in word) or word.startswith("ال")
            or not _ARABIC_OWN.isdisjoint(word) or (not borne and spelled_name(romanize(word)))):
        return word
    word = word.replace(_KHA, "ج")
    if persian or _SIN not in word or len(re.sub("[^a-z]", "", romanize(word))) <= 2:
        return word
    return _AFTER_KAF.sub("تس", word)


#: how `spanish_sounds_reading` reads a name (`Reading.how`)
AS_SPANISH_SOUNDS: Final = "as a Spanish name, its LL and silent H written"
#: a run of two or three yehs inside a word, with the letter before it (or none at the
#: word's start): Arabic writes a Spanish name's LL with the yeh it writes the vowels i and
#: e with (كايي CALLE, تروخييو TRUJILLO, غييين GUILLEN), so a run of them is a vowel and LL
_YEH_RUN: Final = re.compile("(^|.)(ييي|يي)(?!ي)")
#: a yeh between two long-vowel letters (alef, waw), a consonant there: LL or Y (غايو GALLO)
_YEH_BETWEEN: Final = re.compile("(?<=[اوآ])ي(?=[اوى])")
#: a word's first alef before a letter: Spanish writes an H before that vowel that it does
#: not say, and Arabic leaves it out (إرنانديس HERNANDEZ, أوغو HUGO, إكتور HECTOR)
_FIRST_ALEF: Final = re.compile("^[اأإ](?=[\u0620-\u06ff]{2})")
_LAM: Final = "ل"
_HEH: Final = "ه"


#: the most readings `spanish_sounds_readings` adds to a name (each is screened as a name
#: of its own): the two whole-name readings, then words read each their own way
SPANISH_SOUNDS_MAX: Final = 6


def spanish_sounds_readings(text: str) -> list[Reading]:
    """A name in Arabic script that `spanish_reading` reads as Spanish (a kha or sin read
    so in a word of it), or that writes a Spanish particle between two of its words
    (`_spanish_particle`: ديل, لوس), read again with what that reading cannot write in one text, in
    its words that are no Arabic word (`_spanish_sounds_words`): a run of yehs as a vowel
    and LL (كايي CALLE, تروخييو TRUJILLO), and a first alef after an unwritten H
    (إرنانديس HERNANDEZ). Readings besides the first, not changes of it: the same runs
    are Spanish vowels as often (خافيير JAVIER, دانييل DANIEL), and an alef is a name's
    first vowel as often (أرتورو ARTURO), which no letter tells from the H's. So each
    word takes its own reading: first every word its LL, then every word its LL and H (as
    one reading of the whole name), then each word its LL and H beside the others' LL
    only (ARTURO HERNANDEZ: the H of the second word only), then each word its LL beside
    the others as typed (JAVIER ... CALLE: the LL of the last only), then each word that
    `spanish_reading` keeps as a name people bear read as Spanish beside the others' LL
    (ميسا غاسبار MEZA GASPAR: "mys" is a name borne, so only the word beside the Spanish
    ones says it is MEZA), each reading when it differs from the ones before, at most
    `SPANISH_SOUNDS_MAX`. Empty for a name without a word so read or such a particle, or
    in Hebrew."""
    first = spanish_reading(text)
    if _HEBREW.search(text) is not None or (first is None and not _spanish_particle(text)):
        return []
    words = [(found.start(), found.end()) for found in _ARABIC_WORD.finditer(text)]
    options = [_spanish_sounds_words(text[start:end]) for start, end in words]
    read_ll = [opts.get("ll", text[s:e]) for opts, (s, e) in zip(options, words)]
    read_all = [opts.get("llh", read) for opts, read in zip(options, read_ll)]
    typed = [text[start:end] for start, end in words]
    # (the words as read, and the word read as Spanish though it is a name borne, if any)
    names: list[tuple[list[str], int]] = [(read_ll, -1), (read_all, -1)]
    names += [(read_ll[:i] + [opts["llh"]] + read_ll[i + 1:], -1)
              for i, opts in enumerate(options) if "llh" in opts]
    names += [(typed[:i] + [opts["ll"]] + typed[i + 1:], -1)
              for i, opts in enumerate(options) if "ll" in opts]
    persian = _PERSIAN.search(text) is not None
    names += [(read_ll, i) for i, word in enumerate(read_ll)
              if _spanish_arabic_word(word, persian) == word
              and _spanish_arabic_word(word, persian, borne=True) != word]
    out: list[Reading] = []
    seen = {text, str(first)}
    for name, borne in names:
        reading = _respelt(text, words, [_spanish_arabic_word(word, persian, i == borne)
                                         for i, word in enumerate(name)])
        if reading not in seen:
            seen.add(reading)
            out.append(Reading(reading, text, AS_SPANISH_SOUNDS))
            if len(out) == SPANISH_SOUNDS_MAX:
                break
    return out


#: the particles of a Spanish name as Arabic script writes them (DE دي, DEL ديل, LA لا, LOS
#: لوس, LAS لاس: `abjad_particles.yml`'s sources, the Arabic press's spelling of Spanish
#: names, and `benchmarks/arabic_spanish.py`'s writing rule)
_SPANISH_PARTICLES: Final = frozenset(fold_arabic(w) for w in ("دي", "ديل", "لا", "لوس", "لاس"))


def _spanish_particle(text: str) -> bool:
    """Whether a word between two words of the name is a Spanish particle
    (`_SPANISH_PARTICLES`): a name without a kha or a sin (غايو GALLO: Spanish G, LL and
    vowels only) is read as Spanish by it (ديوداتو ديل غايو), as `read_particles` reads
    such a word as a particle only between two words."""
    words = _ARABIC_WORD.findall(fold_arabic(text))
    return any(word in _SPANISH_PARTICLES for word in words[1:-1])


def _respelt(text: str, spans: list[tuple[int, int]], words: list[str]) -> str:
    """`text` with its words at `spans` written as `words`."""
    parts, last = [], 0
    for (start, end), word in zip(spans, words):
        parts += [text[last:start], word]
        last = end
    return "".join(parts) + text[last:]


def _spanish_sounds_words(word: str) -> dict[str, str]:
    """A word's readings by `spanish_sounds_readings` that differ from it: "ll" its runs of
    yehs as a vowel and LL, "h" its first alef after an H, "llh" both; none for a word
    that is Arabic's own as `_spanish_arabic_word` tells it. A run of three yehs is a
    vowel, LL and a vowel (غييين GUILLEN); of two, LL and a vowel after a long-vowel letter
    (كايي CALLE), a vowel and LL after a consonant (تروخييو TRUJILLO) or first in the word
    (يياديس YLLADES); a yeh between long-vowel letters, a consonant, may be LL (غايو GALLO)."""
    if (word.startswith("ال") or not _ARABIC_OWN.isdisjoint(word)
            or spelled_name(romanize(word))):
        return {}

    def ll(run: re.Match[str]) -> str:
        before, yehs = run.group(1), run.group(2)
        if len(yehs) == 3:
            return before + "يلي"
        return before + ("لي" if before in ("ا", "و", "آ") else "يل")

    read = {"ll": _YEH_BETWEEN.sub(_LAM, _YEH_RUN.sub(ll, word)),
            "h": _FIRST_ALEF.sub(_HEH, word)}
    read["llh"] = _FIRST_ALEF.sub(_HEH, read["ll"])
    return {key: spelt for key, spelt in read.items() if spelt != word}


#: a sin not after a kaf: كس is the X of a Spanish name (فيليكس FELIX), one unit
#: (`abjad._unit_keys`), which a sin read as "ts" would break
_AFTER_KAF: Final = re.compile("(?<![كک])س")


def _spanish_word(found: re.Match[str]) -> str:
    """A word's het as ג' and samekh as tsadi, unless the word is a name people bear as
    Hebrew writes it (`population.spelled_name` of its romanisation: חיים, יצחק, סבג are
    Israel's own names, read as written; a Spanish name in Hebrew letters is no Hebrew
    spelling of the population data), and its samekh kept where it romanises to two
    letters or fewer: a short token's pattern says less and pairs at 0.75
    (`abjad.similarity`), and "ts" would make it longer (סלע "sl" is no SALEH)."""
    word = found.group()
    if ("ח" not in word and "ס" not in word) or spelled_name(romanize(word)):
        return word
    word = _HET.sub("ג'", word)
    if "ס" not in word or len(re.sub("[^a-z]", "", romanize(word))) <= 2:
        return word
    return word.replace("ס", "צ")


#: a he after a word's first alef, before two letters or more, or after its first yod,
#: before a waw and a letter more (the names made with God's name, Yeho-, Yehu-): the
#: biblical names Hebrew writes so (אהרן Aharon, יהושע Yehoshua, יהונתן Yehonatan, יהודה
#: Yehuda) are AARON, JOSHUA, JONATHAN, JUDAH in English and German, without that h. A
#: modern name's yod and he are its consonants (יהלי YAHLI is no ELI)
_SILENT_HE: Final = re.compile(
    "(?<![\u05d0-\u05ea'])(א(?=ה[\u05d0-\u05ea]{2})|י(?=הו[\u05d0-\u05ea]))ה")


def silent_he_reading(text: str) -> Reading | None:
    """The name with the he after each word's first alef or yod left out (`_SILENT_HE`:
    אהרן is read as ארן, AARON, besides "ahrn", AHARON); None for a name without one."""
    if "ה" not in text:
        return None
    read = _SILENT_HE.sub("\\1", text)
    return Reading(read, text, HE_SILENT) if read != text else None


#: how `w_readings` reads a name (`Reading.how`)
BET_AS_W: Final = "with a bet inside a word as the W of a Polish or German name"
#: ... and with a -vich's ץ' as the TZ of -witz (`_WITZ`), with or without such a bet
CH_AS_TZ: Final = "with a final ץ' as the TZ of a German -witz"
BET_AND_TZ: Final = f"{BET_AS_W}, {CH_AS_TZ[5:]}"
#: a bet inside a word: after a Hebrew letter (its geresh too), before one
_INNER_BET: Final = re.compile("(?<=[\u05d0-\u05ea'\u05f3’])ב(?=[\u05d0-\u05ea])")
#: the letter a bet is read as: a pe inside a word is romanised "f", whose spellings there
#: are W and V as well (`abjad._MEDIAL_F`: the W of Polish and German names, said V)
_PE: Final = "פ"


#: readings `w_readings` makes at most (four a word: its bets, then its -witz)
W_READINGS_MAX: Final = 4
#: a word's last -vich written with a final tsadi and geresh after the yod, its bet or
#: waw before (וולפוביץ', -וויץ'): Hebrew's ץ' is the CH of Slavic -vich and -wicz
#: (romanised "ch"), and the same names' German and Yiddish -witz (WOLFOWITZ, ABRAMOWITZ,
#: which -wicz lists write too) is a final tsadi without the geresh ("ts": TZ)
_WITZ: Final = re.compile("(?<=[בופ]י)ץ[׳'’]$")


def _w_words(word: str) -> list[tuple[str, str]]:
    """A Hebrew word's readings with its bets inside it as pe (`_INNER_BET`): all of them,
    and the last only where it holds two or more; then each reading and the word as typed
    with its last -vich's geresh left out (`_WITZ`: -witz); none for a word that is a name
    people bear as Hebrew writes it (`population.spelled_name`: אביב AVIV, יעקב, אברהם
    AVRAHAM), whose bet is a B or V. Each reading with how it reads the word."""
    inner = [found.start() for found in _INNER_BET.finditer(word)]
    if (not inner and _WITZ.search(word) is None) or spelled_name(romanize(word)):
        return []
    out = [_INNER_BET.sub(_PE, word)] if inner else []
    if len(inner) >= 2:
        out.append(word[:inner[-1]] + _PE + word[inner[-1] + 1:])
    witz = [(_WITZ.sub("ץ", read), BET_AND_TZ) for read in out]
    witz.append((_WITZ.sub("ץ", word), CH_AS_TZ))
    return [(read, BET_AS_W) for read in out] + [(read, how) for read, how in witz
                                                 if read not in out and read != word]


def w_readings(text: str) -> list[Reading]:
    """A Hebrew name read with a bet inside a word as W: Hebrew writes the W of Polish and
    German names, said V, with the bet of its own V (הורוביץ HOROWITZ, קובלסקי KOWALSKI,
    לבנדובסקי LEWANDOWSKI), which romanised as "b" spells B, P and V only. Each such bet
    of a word is read as a pe (`_PE`, whose spellings inside a word are W and V too), the
    other words as typed (רוברט לבנדובסקי: ROBERT keeps its B); then, in a word of two
    such bets, the last only (רבינוביץ RABINOWITZ: a B, then the W of -owitz); then a
    -vich's ץ' as the TZ of -witz (`_WITZ`: וולפוביץ' WOLFOWITZ, a bet and the ending);
    words that are names Israelis bear as written are not read so (`_w_words`); at most
    `W_READINGS_MAX`. Hebrew only: Arabic script has its own W (و), and its ب is never
    one. Empty for a name without such a bet or ending."""
    if ("ב" not in text and "ץ" not in text) or _HEBREW.search(text) is None:
        return []
    out: list[Reading] = []
    for found in _WORD.finditer(text):
        for word, how in _w_words(found.group()):
            out.append(Reading(text[:found.start()] + word + text[found.end():], text, how))
    return out[:W_READINGS_MAX]


#: how `u_reading` reads a name (`Reading.how`)
YOD_AS_U: Final = "with a yod before a waw as the long u of an English name"
#: a yod after a consonant inside a word, before a waw and a letter more: Hebrew writes
#: the long u English says "yoo" (/juː/) so, ביוקנן BUCHANAN, סטיוארט STUART, קיובה CUBA,
#: whose Latin has one letter (U) for both; romanised "yw", the yod asks for an I or E
_YOD_U: Final = re.compile("(?<=[בגדזחטכלמנספצקרשת])י(?=ו[\u05d0-\u05ea])")


def u_reading(text: str) -> Reading | None:
    """A Hebrew name read with each yod between a consonant and a waw inside a word left
    out (`_YOD_U`: ביוקנן read as בוקנן, BUCHANAN, besides "bywknn"), in its words that are
    no name Israelis bear as written (`population.spelled_name`: גיורא GIORA keeps its
    yod, an I); None for a name without such a yod. Hebrew only: Arabic script writes the
    English u with a waw alone (بوكانان)."""
    if "יו" not in text:
        return None

    def read(found: re.Match[str]) -> str:
        word = found.group()
        return word if spelled_name(romanize(word)) else _YOD_U.sub("", word)

    reading = _WORD.sub(read, text)
    return Reading(reading, text, YOD_AS_U) if reading != text else None


#: how `et_reading` reads a name (`Reading.how`)
HE_AS_ET: Final = "with a final he as the silent -et of a French name"
#: a final he after a consonant, in a word of three letters or more: Hebrew writes the
#: French -et, whose t is not said, as the vowel it leaves (Hebrew Wikipedia's spellings:
#: מונה MONET, לוקה LUQUET, בודה BOUDET); a tet writes that t (not after a yod, whose
#: -ier, -ée the pattern reads already: מסונייה MEISSONIER)
_FINAL_HE: Final = re.compile("(?<=[\u05d0-\u05ea][בגדזטכלמנסעפצקרשת])ה$")
_TET: Final = "ט"


def et_reading(text: str) -> Reading | None:
    """A Hebrew name read with each word's final he after a consonant as a tet
    (`_FINAL_HE`: לוקה read as לוקט, LUQUET, besides "lwkh"), in its words that are no name
    Israelis bear as written (`population.spelled_name`: משה MOSHE, שרה SARAH keep their
    he); None for a name without such a word. Hebrew only: a final ه in Arabic script is
    a ta marbuta's or the vowel a and e, which `abjad` reads already."""
    if "ה" not in text or _HEBREW.search(text) is None:
        return None

    def read(found: re.Match[str]) -> str:
        word = found.group()
        if _FINAL_HE.search(word) is None or spelled_name(romanize(word)):
            return word
        return word[:-1] + _TET

    reading = _WORD.sub(read, text)
    return Reading(reading, text, HE_AS_ET) if reading != text else None
