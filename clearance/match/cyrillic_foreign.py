"""Foreign names written in Cyrillic, read as the Latin names they transcribe.

Russian books write a foreign person's name by the practical transcription of its sound,
and a letter-by-letter reading is far from the name's own spelling: Уилсон reads
"uilson", not WILSON; Вайнштейн "vaynshteyn", not WEINSTEIN; Кавасима (Polivanov's
Japanese) "kavasima", not KAWASHIMA. So, as for katakana and Hangul (`match.kana`,
`match.hangul_foreign`), each Cyrillic word becomes a pattern (`pattern`): its letters and
letter groups in order (`resources/cyrillic_foreign.yml`), each as any Latin spelling of
its sound (у before a vowel as w, х as h, kh or j, э as e or a, дж as j, си as shi, ье as
ier), a doubled consonant as one, an e between consonants and a final letter Latin leaves
unsounded optional (`_with_tail`); the list spellings it may be are found by their
consonant keys (`hangul_foreign.slot_keys`), and a word's readings are the list spellings
its pattern fits, with kana's caps, the nearest the letter-by-letter reading first.

Only a word with a letter group the transcription writes for foreign sounds (`_MARKED`: э,
у before a vowel, дж...; a doubled consonant outside the given names the dictionaries hold,
Анна), or one no Russian or Ukrainian dictionary holds and that is no Bulgarian or Serbian
given name (`slavic_word`: Хут HUTH, Покок POCOCK; not Ивайло), is read so, and a name
shaped as a Slavic or Kazakh person's (`slavic_person`: a word with a surname's or
patronymic's ending, Иванов, Шевченко, Петрович, Назарбаевич, Улы, Пеевски) keeps today's
reading alone; the foreign readings are extra query names, after today's.

A company's name (a word of it a legal form: ООО «Ирбис Скай Тех») reads every other word
so, as list spellings of three letters or more (`MIN_FIT_COMPANY`); English words written
by their sound are letter groups of the table (-tion шн, -age идж), and the few whose
English spelling no reading of their letters gives are the table's words (бизнес BUSINESS,
read so in any name).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import product
from typing import Any

import pymorphy3

from clearance.match.cyrillic import BULGARIAN_YER, romanize
from clearance.match.guess import Fits, Guess
from clearance.match.hangul_foreign import Slot, slot_keys, slot_pattern
from clearance.match.kana import MAX_READINGS, MIN_FIT, Spellings, fitting, latin, reading_fits
from clearance.match.orgs import one_word_forms
from clearance.match.text import normalize
from clearance.resources import load_resource

__all__ = ["foreign_names", "keys", "pattern", "readings", "slavic_person", "slavic_word", "slots"]

_WORD = re.compile("[а-яёіїєґў]+")
#: what parts a name's words: spaces, punctuation, and the quotes and brackets around a
#: company's name (ООО «Фаратех», АО "Вега")
_SPLIT = re.compile(r"[\s,.\-\u00b7\"'«»„“”()]+")
_VOWELS = frozenset("аеёиоуыэюяіїє")
#: letter groups Russian writes in foreign words alone
_FOREIGN = re.compile("(?<=.)э|у[оиэ]")
#: letter groups the practical transcription writes for foreign sounds and Slavic names
#: seldom hold: э after a word's head, у before a vowel (w), дж, дз (Polivanov's z, j), a
#: final ье (-ier), кь (Italian chi). Only a word holding one (or `_DOUBLED`) is read as
#: the list spellings it may transcribe: the readings of the others are as often a Slavic
#: given name as another list word (Кира CIRE, Оксана OCEANOS)
_MARKED = re.compile("(?<=.)э|у[оиэа]|дж|дз|ье$|кь")
#: a doubled consonant, as the transcription writes a foreign one (Меннетта MENNETTA,
#: Риччо RICCIO), and as some Slavic given names are written (Анна, Жанна, Кирилл)
_DOUBLED = re.compile("([бвгдзклмнпрстфхцчшщ])\\1")
#: letters that read as no sound of their own (the soft and hard signs)
_SIGNS = frozenset("ьъ")
#: fewest letters of a word read so: a shorter one fits too many list words
MIN_LETTERS = 3
#: fewest letters of a list spelling a word of a company's name beside its legal form may
#: be read as (`kana.MIN_FIT` elsewhere): English words of three letters are common in
#: companies' names, and the form and the other words narrow the name (ООО «Ирбис Скай
#: Тех» IRBIS SKY TECH), as a part of a Han name its separators divide (`han.MIN_FIT_PART`)
MIN_FIT_COMPANY = 3


@cache
def _table() -> dict[str, Any]:
    """`resources/cyrillic_foreign.yml`: letters and letter groups -> Latin spellings."""
    data: dict[str, Any] = load_resource("cyrillic_foreign")
    return data


def _group(text: str) -> tuple[str, ...]:
    """The spellings of a letter group: its own, then those of its letters one by one."""
    table = _table()
    letters: dict[str, list[str]] = table["letters"]
    own: list[str] = list(table["groups"].get(text, [])) if len(text) > 1 else []
    apart = ["".join(p) for p in product(*(letters[c] or [""] for c in text))]
    return tuple(dict.fromkeys(own + apart))


@lru_cache(maxsize=4096)
def slots(word: str) -> tuple[Slot, ...] | None:
    """A lower-case Cyrillic word as the letter groups of the Latin spelling it may
    transcribe (None when it is no word of at least `MIN_LETTERS` Cyrillic letters): the
    longest letter group of the table at each place, у before a vowel at a word's head or
    after a vowel as w (Уилсон, Уэст), Мак before a consonant as Mc or Mac, a doubled
    consonant once, and an optional e after a consonant before another (Уэйкфилд WAKEFIELD)."""
    if len(word) < MIN_LETTERS or _WORD.fullmatch(word) is None:
        return None
    groups: dict[str, list[str]] = _table()["groups"]
    out: list[Slot] = []
    k = 0
    if word.startswith("мак") and len(word) > 4 and word[3] not in _VOWELS:
        out += [Slot(("m",)), Slot(("a",), True)]
        k = 2
    while k < len(word):
        ch = word[k]
        if ch in _SIGNS and word[k:k + 2] not in groups:
            k += 1
            continue
        if ch not in _VOWELS and k > 0 and word[k - 1] == ch:
            k += 1  # (a doubled consonant: Latin spellings are read undoubled)
            continue
        if (ch == "у" and word[k + 1:k + 2] in _VOWELS and k + 1 < len(word)
                and (k == 0 or word[k - 1] in _VOWELS)):
            out.append(Slot(("w", "wh", "u", "ou")))
            k += 1
            continue
        size = next(n for n in (3, 2, 1) if n == 1 or word[k:k + n] in groups)
        out.append(Slot(_group(word[k:k + size])))
        k += size
        after = word[k:k + 1]
        if (size == 1 and ch not in _VOWELS and ch != "й" and after != ""
                and after not in _VOWELS and after not in _SIGNS and after != ch):
            out.append(Slot(("e",), True))
    return tuple(out)


def _with_tail(word: str, parts: tuple[Slot, ...]) -> tuple[Slot, ...]:
    """The slots and the letters a Latin name may end in unwritten in Russian (French -d,
    -t, -s, -x, English -e; none after a final й: Сергей is no SERHAT)."""
    if word.endswith("й"):
        return parts
    return (*parts, Slot(tuple(_table()["silent"]), True))


@lru_cache(maxsize=4096)
def pattern(word: str) -> re.Pattern[str] | None:
    """The Latin spellings a Cyrillic word may transcribe, as a pattern for `kana.latin`
    spellings (doubled letters once, x as ks)."""
    parts = slots(word)
    return slot_pattern(_with_tail(word, parts), "") if parts else None


@lru_cache(maxsize=4096)
def keys(word: str) -> tuple[str, ...]:
    """The consonant keys (`abjad.key`) of the Latin spellings a Cyrillic word may
    transcribe (without its unwritten final letters when there are too many with them)."""
    parts = slots(word)
    if not parts:
        return ()
    return slot_keys(_with_tail(word, parts)) or slot_keys(parts)


@cache
def _words() -> dict[str, tuple[str, ...]]:
    """`resources/cyrillic_foreign.yml`'s words: English words Russian writes by their
    sound, no spelling of whose letters is the English one (бизнес BUSINESS)."""
    return {str(k): tuple(map(str, v)) for k, v in _table()["words"].items()}


def _english(word: str) -> tuple[str, ...]:
    """The English words of `_words` a Cyrillic word is (ё written as е); none for most."""
    return _words().get(word.replace("ё", "е"), ())


def readings(word: str, spellings: Spellings, shortest: int = MIN_FIT) -> list[str]:
    """The list spellings a Cyrillic word may transcribe (`kana.fitting`, of `shortest`
    letters or more), the nearest its letter-by-letter reading first: a Cyrillic word's
    plain reading is near the Latin name. A word of `_words` is its English word first."""
    fit = pattern(word)
    if fit is None:
        return []
    found = fitting(fit, keys(word), romanize(word), spellings, nearest_first=True,
                    shortest=shortest)
    own = _english(word)
    return list(dict.fromkeys([*own, *found])) if own else found


@cache
def _endings() -> tuple[str, ...]:
    return tuple(_table()["slavic_endings"])


def slavic_person(words: list[str]) -> bool:
    """Whether Cyrillic words are shaped as a Russian, Ukrainian, Belarusian, Bulgarian or
    Kazakh person's name, which keeps today's reading alone: a word of five letters or more
    ends as their surnames and patronymics do (`resources/cyrillic_foreign.yml`:
    slavic_endings), unless it holds a letter group Russian writes in foreign words alone
    (э after a word's head, уо, уи, уэ: Хэмилтон HAMILTON)."""
    endings = _endings()
    return any(len(w) >= 5 and w.endswith(endings) and _FOREIGN.search(w) is None
               for w in words)


@cache
def _dictionaries() -> tuple[pymorphy3.MorphAnalyzer, ...]:
    """The Russian (OpenCorpora) and Ukrainian (LanguageTool) dictionaries of pymorphy3,
    loaded when a Cyrillic name is first read (some 15 MB)."""
    return pymorphy3.MorphAnalyzer(lang="ru"), pymorphy3.MorphAnalyzer(lang="uk")


@cache
def _south_slavic() -> tuple[frozenset[str], tuple[str, ...]]:
    """`resources/cyrillic_slavic.yml`: Bulgarian and Serbian given names, and how
    Bulgarian given names end."""
    data: dict[str, list[str]] = load_resource("cyrillic_slavic")
    return frozenset(data["bulgarian"] + data["serbian"]), tuple(data["given_endings"])


def _south_slavic_name(word: str) -> bool:
    """Whether a word is a Bulgarian or Serbian given name (`_south_slavic`), ends as
    Bulgarian given names do with three letters or more before the ending (Седефчо,
    Гремислав), or writes Bulgarian's vowel ъ (Петър, Вълчев: Russian's hard sign stands
    before е, ё, ю, я alone)."""
    names, endings = _south_slavic()
    return (word in names or BULGARIAN_YER.search(word) is not None
            or any(word.endswith(e) and len(word) >= len(e) + 3 for e in endings))


@lru_cache(maxsize=20_000)
def slavic_word(word: str) -> bool:
    """Whether a lower-case Cyrillic word is a word or a name (any form of it) the Russian
    or the Ukrainian dictionary holds: their given names and surnames (Кира, Оксана, Жук,
    Бойко), their words (Кино, Роман) and the foreign names Russian has made its own (Брук,
    Бош); or a Bulgarian or Serbian given name neither holds (`_south_slavic_name`:
    Ивайло, Петър, Седефчо). A word none holds is a name written as its sound (Хут HUTH,
    Покок POCOCK, Брокар BROCARD), as Russian writes foreign names.

    Asked with `word_is_known` (a dictionary lookup, ё for е and ґ for г allowed, as a
    parse's `is_known` allows), not by parsing the word: a word no dictionary holds is
    what this is asked about, and a parse of one runs every guesser of pymorphy3 to find
    no known form (a quarter of a Cyrillic name's instructions, `name_cost.py`)."""
    return (_south_slavic_name(word)
            or any(morph.word_is_known(word) for morph in _dictionaries()))


@lru_cache(maxsize=20_000)
def _given_name(word: str) -> bool:
    """Whether the Russian or the Ukrainian dictionary holds a word as a given name (Анна,
    Кирилл, Ганна). A dictionary that does not hold the word is not asked its parses
    (`slavic_word`)."""
    return any(morph.word_is_known(word)
               and any(p.is_known and "Name" in p.tag for p in morph.parse(word))
               for morph in _dictionaries())


def _foreign_word(word: str) -> bool:
    """Whether a word is read as the list spellings it may transcribe: it holds a letter
    group of `_MARKED`; or a doubled consonant (`_DOUBLED`), unless it is a given name the
    dictionaries hold (Жанна is not SANA, Нонна not NANED); or it is no `slavic_word`."""
    if _MARKED.search(word) is not None or _english(word):
        return True
    if _DOUBLED.search(word) is not None:
        return not _given_name(word)
    return not slavic_word(word)


def _read(word: str, spellings: Spellings, fits: dict[str, Fits],
          shortest: int = MIN_FIT) -> list[str]:
    """A word's readings (`readings`); the test of each read word is added to `fits`."""
    read = readings(word, spellings, shortest)
    fits.update(reading_fits(read, pattern(word) if read else None, latin))
    for english in _english(word):
        fits.update({t: _spelt(latin(english)) for t in normalize(english)})
    return read


def _spelt(own: str) -> Fits:
    """The test of the list words an English word of `_words` pairs with: its spelling."""
    return lambda listed: latin(listed) == own


def foreign_names(text: str, spellings: Spellings) -> list[str]:
    """A Cyrillic name read as the Latin names it may transcribe (none for other text, a
    Slavic person's name, or when no foreign word of it (`_foreign_word`) fits a list
    spelling): each foreign word as a list spelling it fits (`readings`), each other word
    as romanised, then as the list spellings it fits: beside a foreign surname, a given
    name Russian has made its own is the foreign one (Тома Лубанга THOMAS LUBANGA, Мишель
    Джотодиа MICHEL DJOTODIA), while a name with no foreign word keeps its words' reading
    (Кира is not CIRE, Оксана not OCEANOS); at most `kana.MAX_READINGS` names, those of
    the nearest readings first, each a `Guess` whose read words pair only with list words
    their Cyrillic fits (Завен read SEVEN is no SEVIN); a word kept as romanised is no
    guess and pairs as it did."""
    words = [w for w in _SPLIT.split(text.lower()) if w != ""]
    if not words or any(_WORD.fullmatch(w) is None for w in words) or slavic_person(words):
        return []
    fits: dict[str, Fits] = {}
    # a company's legal form (ООО, АО, ФГУП) is read as romanised, never as a foreign word;
    # beside one, every other word is read as a foreign one too: a company's name is as
    # often a word borrowed from English as its Russian words (ООО «Ирбис Скай Тех», IRBIS
    # SKY TECH)
    forms = [romanize(w) in one_word_forms() for w in words]
    company = any(forms)
    shortest = MIN_FIT_COMPANY if company else MIN_FIT
    options = [_read(w, spellings, fits, shortest)
               if not form and (company or _foreign_word(w)) else []
               for w, form in zip(words, forms, strict=True)]
    if not any(options):
        return []
    plain: list[str] = []
    for k, w in enumerate(words):
        if forms[k]:
            plain.append(romanize(w))
            options[k] = [plain[-1]]
        elif not options[k]:
            plain.append(romanize(w))
            options[k] = list(dict.fromkeys([plain[-1], *_read(w, spellings, fits, shortest)]))
    for t in {t for p in plain for t in normalize(p)}:
        fits.pop(t, None)
    ranked = sorted(product(*(list(enumerate(o)) for o in options)),
                    key=lambda c: sum(rank for rank, _ in c))
    return [Guess(" ".join(w for _, w in c), fits) for c in ranked[:MAX_READINGS]]
