"""Names written in unvocalised scripts (Arabic, Persian, Hebrew) against their Latin spellings.

These scripts write consonants and long vowels; short vowels are left out, so صدام حسين
التكريتي is "SDAM HSYN ALTKRYTY" letter for letter, while the lists write SADDAM HUSSEIN
AL-TIKRITI. Each letter is romanised on its own (`romanize`): consonants as the lists spell
them, alef/ayin at the start of a word as "a", waw and yeh as "w" and "y" (they are long
vowels or consonants: the Latin side decides), the article ال split off as "al". Such a token
is then compared with a Latin one by a pattern (`similarity`): its consonants in order, each
as any of its usual Latin spellings, with any short vowels between them, "w" and "y" standing
for a consonant or a long vowel; a consonant Latin writes double (shadda: HAQQANI, SAYYID)
also matches. `key` gives both sides one lookup key (consonants only), so
candidate generation finds the Latin spellings of an Arabic-script name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from clearance.match.limits import MAX_FUZZY_TOKEN

__all__ = ["END_HE", "FINAL_HE", "FINAL_VOWEL", "HEBREW_FINAL_HE", "KAF_HE", "MEDIAL_VOWELS", "has_abjad",
           "hyphen_words", "kaf_he_of", "key", "keys", "letter_bits", "letters", "letters_bits",
           "persian_words", "romanize", "similarity", "starts", "vowel_end", "written"]

_ABJAD = re.compile("[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufeff]")
_ALEF = "اأإآٱ"
# consonants as ASCII letters; long-vowel letters as w / y; letters Latin spellings drop: ""
# (ظ is written as ذ is, "dh": DHAHIR, ZAHIR and, in Somali and Egyptian names, DAHIR)
_ARABIC = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "dh",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ک": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ة": "", "و": "w", "ي": "y", "ى": "", "ی": "y", "ئ": "y", "ؤ": "w", "ء": "",
    "ع": "", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g",
    # Urdu letters, also used for Pashto and Dari names and in Arabic text typed on their
    # keyboards (الطاھر with the two-eyed heh, also Urdu's aspiration: دھ "dh"): heh forms,
    # yeh barree, retroflex t / d / r and the nasal noon as the lists' Latin spellings
    # write them (the round heh ہ is Arabic's heh: `_URDU_HEH`); yeh barree with a hamza
    # (ۓ: نئے NAYE) is a yeh
    "ھ": "h", "ۃ": "", "ۀ": "h", "ۂ": "h", "ے": "y", "ۓ": "y", "ٹ": "t", "ڈ": "d", "ڑ": "r",
    "ں": "n",
    # ae, the letter Kurdish writes the vowel e / a with, and what `persian_words` makes of
    # a Persian he that writes that vowel: a short vowel, unwritten in the token
    "ە": "",
}
#: Urdu's round heh (heh goal) is its h wherever it stands, the letter Arabic writes ه
#: (جہاد JIHAD, ہاشم HASHIM, شاہد SHAHID, شاہ SHAH, اللہ ALLAH), and a final one writes the
#: vowel a / e as Persian's does (طیبہ TAYYIBA): read as that letter. Its one common word
#: written otherwise is چوہدری, the h of the aspirate دھ put before the d (چودھری CHAUDHRY)
_URDU_HEH = (("وہد", "ودھ"), ("ہ", "ه"))
_HEBREW = {
    "ב": "b", "ג": "g", "ד": "d", "ה": "h", "ו": "w", "ז": "z", "ח": "kh", "ט": "t",
    "י": "y", "כ": "k", "ך": "k", "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n", "ס": "s",
    "ע": "", "פ": "f", "ף": "f", "צ": "ts", "ץ": "ts", "ק": "k", "ר": "r", "ש": "sh", "ת": "t",
    "א": "",
}
# a word starting with these starts with a vowel: alef and ayin, Arabic and Hebrew (עמוס
# AMOS, עזרא EZRA as אברהם ABRAHAM)
_OPENERS = _ALEF + "عאע"
_MAQAF = "\u05be"  # the Hebrew hyphen


def hyphen_words(text: str) -> list[str]:
    """The words of `text`, a hyphen or a Hebrew maqaf parting two as a space does
    (ז'אן-לואי, ג'יאה-אין: each half a word of its own, whose first letter starts a word)."""
    return text.replace("-", " ").replace(_MAQAF, " ").split()


#: Hebrew letters with a geresh (׳, often typed as an apostrophe) for the sounds of foreign
#: names Hebrew has no letter for: ג׳ J (ג'ון JOHN), ז׳ ZH (ז'אק JACQUES), צ׳ CH (צ'רלי
#: CHARLIE), ת׳ TH
_GERESH = "'׳’"
_WITH_GERESH = {"ג": "j", "ז": "zh", "צ": "ch", "ץ": "ch", "ת": "th"}


def has_abjad(text: str) -> bool:
    """True when the text has Arabic, Persian or Hebrew letters."""
    return _ABJAD.search(text) is not None


def letter_bits(token: str) -> int:
    """The letters of a token as a bit set, several letters to a bit (61 bits: a small int
    in compiled code): a word holding a letter whose bit another word's letters lack
    holds a letter that word has not (a letter one token has and the other lacks is at
    least one edit: `compare.similar_possible`)."""
    bits = 0
    for i in range(len(token)):  # (by index: compiled, no iterator over the string)
        bits |= 1 << (ord(token[i]) % 61)
    return bits


def _word(word: str) -> str:
    out: list[str] = []
    skip = False
    for k, ch in enumerate(word):
        if skip:
            skip = False
            continue
        if ch in _WITH_GERESH and k + 1 < len(word) and word[k + 1] in _GERESH:
            out.append(_WITH_GERESH[ch])
            skip = True
        elif ch in "ىא" and k == len(word) - 1 and k > 0:
            # a final alef maqsura is a long a in Arabic (مصطفى MUSTAFA) and the ye of
            # Persian and Dari names written with Arabic letters (نورزى NOORZAI): a final
            # vowel of either quality, as a final heh is ("h": see `_unit_keys`); so is a
            # final alef in Hebrew (שפירא SHAPIRO)
            out.append("h")
        elif ch == "ء" and k == len(word) - 1 and k > 1 and word[k - 1] in _ALEF:
            # a final alef and hamza is a long a too (علاء ALAA, أسماء ASMA, وفاء WAFAA):
            # romanised as the alef maqsura is; with the hamza left out, علاء would be
            # "al", read as the article (before a second half: `romanize`)
            out.append("h")
        elif ch in _OPENERS:
            out.append("a" if k == 0 else "")
        elif ch in _ARABIC:
            out.append(_ARABIC[ch])
        elif ch in _HEBREW:
            out.append(_HEBREW[ch])
        elif not ("\u0590" <= ch <= "\u06ff" or "\ufb1d" <= ch <= "\ufeff"):
            out.append(ch)  # diacritics (harakat, niqqud) and tatweel drop out
    return "".join(out)


_ABD = "عبد"
ALLAH: Final = "allh"  # الله, romanised as one word (not the article ال)


#: "al-Din" (religion), the second half of compound names (نور الدين, شمس الدين), in its
#: Arabic and Persian spelling
_DIN = ("الدين", "الدین")


#: the second halves of compounds joined in Latin: al-Din and Allah
_SECOND_HALVES = (*_DIN, "الله")
#: a final alef and hamza (علاء, أسماء), a long a
_ALEF_HAMZA = "اء"


def _compounds(words: list[str]) -> list[str]:
    """"Abd al-X" and "X al-Din" names written as one word (عبدالحميد, عبدالله, نورالدین)
    as the two words they are written as just as often (عبد الحميد, نور الدين): one
    tokenisation meets both Latin forms, ABD AL-HAMID word by word and ABDULHAMID or
    NOORUDDIN as a join."""
    out: list[str] = []
    for word in words:
        if word.startswith(_ABD + "ال") and len(word) > len(_ABD) + 3:
            out += [_ABD, word[len(_ABD):]]
        elif word.endswith(_DIN) and len(word) >= len(_DIN[0]) + 2:
            out += [word[:-len(_DIN[0])], word[-len(_DIN[0]):]]
        else:
            out.append(word)
    return out


#: Persian's own yeh (U+06CC), which Arabic text does not use (its yeh is ي, U+064A)
_PERSIAN_YEH = "\u06cc"
#: letters before which a final yeh is a consonant or the second letter of a diphthong
#: (رضای REZAI, نوروی), not a long vowel of its own: alef, waw and yeh forms
_VOWEL_LETTERS = _ALEF + "وؤیيئىۍېە"
#: Persian's yeh and Arabic's, either of which a name written in Persian may end with
_FINAL_YEHS = _PERSIAN_YEH + "ي"


def _persian_final(word: str, token: str, persian: bool) -> str:
    """`token` (the romanised `word`) with its last "y" written twice when the word ends
    with Persian's own yeh after a consonant, two letters or more into the word, or with
    Arabic's in a name written in Persian (`persian`: مجتبي خامنه‌اي, typed on an Arabic
    keyboard, is MOJTABA KHAMENEI as مجتبی خامنه‌ای is).

    Persian writes the Arabic alef maqsura (ى, a long a: `_word`) with that yeh (عیسی ISA,
    ESSA; موسی MUSA; مصطفی MOSTAFA; هدی HODA), as it writes a final i (احمدی AHMADI). A yeh
    written twice after a consonant may be read as a long a or an i (`_unit_keys`), so the
    Latin side decides. Arabic's yeh (ي) at the end is an i (رضي RADI, not REZA): Arabic
    writes the long a with ى. Too short a word says too little: علی is ALI, never ALA.
    """
    if (len(word) < 3 or word[-1] not in (_FINAL_YEHS if persian else _PERSIAN_YEH)
            or word[-2] in _VOWEL_LETTERS
            or not token.endswith("y")):
        return token
    keys = _unit_keys(token)
    if keys is None or len(keys) < 3:
        return token
    return token + "y"


#: the zero-width non-joiner, which joins the parts of one Persian word (خامنه‌ای, تقی‌پور)
ZWNJ: Final = "\u200c"
_HE: Final = "ه"
#: the vowel-letter he (Kurdish ae, U+06D5): a silent he, the vowel e / a (`persian_words`)
_VOWEL_HE = "ە"
#: the Persian -i / -ei after a silent he (خامنه‌ای KHAMENEI, اژه‌ای EJEI), Persian and Arabic yeh
_EI = ("ای", "اي")
#: a final he, two letters or more into a word, before the -i / -ei suffix written as a
#: word of its own (خامنه ای, خامنه ی)
_SUFFIX_APART = re.compile("(?<=[\u0620-\u06d3]{2})ه +(?=ا?[یي](?![\u0600-\u06ff]))")
#: the second parts of Persian family names (-zadeh "born of", -pour "son", -nia
#: "forebear") written as words of their own after a word (حاجی زاده, تقی پور, ساجدی نیا)
_PART_APART = re.compile("(?<=[\u0620-\u06d5]) +(?=(?:زاده|زادە|پور|نیا|نيا)(?![\u0600-\u06ff]))")


def persian_words(text: str) -> str:
    """Persian words whole again, and a he that writes a vowel as the vowel letter (ە,
    the Kurdish ae).

    Persian writes a final e / a with a he (خامنه KHAMENEH, زاده ZADEH) and keeps it when
    a suffix or a second part follows, joined by a zero-width non-joiner so the he keeps
    its final form: خامنه‌ای is KHAMENEI, not "khamenehi". `clean` drops the non-joiner
    as an invisible character, which would leave a consonant h inside the word, so this
    runs before it, on the raw text, and `romanize` reads the vowel letter as a short
    vowel (`_ARABIC`). Keyboards often put a space for the non-joiner (خامنه ای, حاجی
    زاده): the suffix or second part is joined again, here, where every reader of the
    words (`normalize`, and `prepare.name_roles` word by word) sees it. A name joined so
    still meets a list that writes its parts apart (HAJIZADEH and YAHYA ZADEH alike: the
    comparison joins Latin words)."""
    if text.isascii():
        return text
    if _HE in text:
        text = _SUFFIX_APART.sub(_VOWEL_HE, text.replace(_HE + ZWNJ, _VOWEL_HE))
    if " " in text and _PART_APART.search(text) is not None:
        text = _PART_APART.sub("", text)
    return text


def _persian_suffixes(words: list[str]) -> list[str]:
    """The Persian -i / -ei after a final he written without its non-joiner, the two run
    together (خامنهای): the he is the vowel (`persian_words`), KHAMENEI. Only the suffix with
    its alef is read so inside a word: a he before a bare yeh is a consonant too often
    (الهی ELAHI, فقهی FAQHI)."""
    return [word[:-3] + _VOWEL_HE + word[-2:]
            if len(word) >= 5 and word.endswith(_EI) and word[-3] == _HE else word
            for word in words]


def romanize(text: str) -> str:
    """Letter-by-letter romanisation of Arabic, Persian and Hebrew words; the Arabic article
    ال is written apart ("التكريتي" -> "al tkryty"); other text passes through."""
    return " ".join([token for token, _ in _romanized(text)])


#: `written` marks: how many alef, ayin or hamza letters (two at most) are written between
#: two consonants, which the token leaves out (القاعدة "qd", as قد is: two), a Persian
#: word's final he after a consonant (سپه "sph"), the vowel e / a, which Latin writes, and
#: a Hebrew word's (משה "mshh" MOSHE), which writes that vowel too
MEDIAL_VOWELS: Final = 3
FINAL_HE: Final = 4
HEBREW_FINAL_HE: Final = 8
#: a token whose first letters "kh" are a kaf (or qof) and a he, two letters, the he not
#: last (כהן "khn" COHEN, كهلان "khln" KAHLAN), the word writing no ח or خ: `keys` files it
#: as k and h, not as the letter's h, and a Latin word writes that h after a vowel
#: (`hebrew.misread`)
KAF_HE: Final = 16
#: either final he: a Latin word ending on another consonant lacks a letter the script wrote
FINAL_VOWEL: Final = FINAL_HE | HEBREW_FINAL_HE
#: a word of three letters or more ending with a he (Arabic's, Persian's, Hebrew's) after a
#: consonant, in any of the scripts: a vowel that may run it together with the next word
#: in one Latin word (`vowel_end`); not a ح, nor an alef and hamza, which romanise as "h"
#: too (صالح "slh", ميلاء "mylh")
END_HE: Final = 32
#: letters a romanised token leaves out that write a vowel (or the ayin's sound) there
_UNWRITTEN = _ALEF + "عءאע"
#: letters Persian writes and Arabic does not (pe, che, zhe, gaf, keheh, Persian yeh),
#: Urdu's round heh, whose final form writes the vowel as Persian's final he does, and the
#: vowel he `persian_words` makes of a he before a non-joiner (خامنه‌اي: Persian typed on an
#: Arabic keyboard, with Arabic's yeh and kaf)
_PERSIAN_LETTERS = "پچژگکہ" + _PERSIAN_YEH + _VOWEL_HE
#: Hebrew's he, and the letters that write a vowel or a diphthong before a final one
#: (alef, vav, yod: לאה LEAH, אריה ARYEH)
_HEBREW_HE: Final = "ה"
#: the letters romanised "kh" (`_ARABIC`, `_HEBREW`), and Urdu's two-eyed heh, whose kaf
#: before it is the aspirate KH (لکھوی LAKHVI); a "kh" in a word without one is a kaf or
#: qof and a he, two letters (`KAF_HE`)
_KH: Final = "kh"
_KH_LETTERS: Final = frozenset("خחھ")
_HEBREW_VOWEL_LETTERS = "אוי"
#: the he of Arabic and Persian (Urdu's read as it, `_URDU_HEH`) and of Hebrew (`END_HE`)
_END_HES: Final = "هה"


def _marks(word: str, token: str, persian: bool) -> int:
    """`written` marks of one abjad word (its article split off) and its token; `persian`:
    the name writes a letter only Persian has. Persian's final he after a consonant is
    the vowel e / a (آینده AYANDEH), which Latin writes, and so is Hebrew's (משה MOSHE, חנה
    HANA: Hebrew has no ta marbuta, and חנה is not HAN); Arabic's may be a ta marbuta typed
    as a he (حماده, HAMAD on the lists), which Latin spellings may leave out as they leave
    out ة (`_ENDINGS`)."""
    marks = min(2, len([ch for ch in word[1:-1] if ch in _UNWRITTEN]))
    if token.startswith(_KH) and len(token) > 2 and _KH_LETTERS.isdisjoint(word):
        # (at the word's start only, as `hebrew.two_letter_pairs`: inside a word Latin writes
        # a kaf and a he as k and h side by side, MCHALE, BACKHAUS, which no vowel parts;
        # not a last he: a vowel, אנריקה "anrykh" ENRIQUE, `_alternatives`)
        marks |= KAF_HE
    if (len(word) >= 3 and word[-1] in _END_HES and word[-2] not in _VOWEL_LETTERS
            and word[-2] not in _HEBREW_VOWEL_LETTERS):
        marks |= END_HE
    if len(word) >= 3 and token.endswith("h"):
        if persian and word[-1] == _HE and word[-2] not in _VOWEL_LETTERS:
            marks |= FINAL_HE
        elif word[-1] == _HEBREW_HE and word[-2] not in _HEBREW_VOWEL_LETTERS:
            marks |= HEBREW_FINAL_HE
    return marks


def kaf_he_of(marks: dict[str, int], *tokens: str) -> int:
    """`KAF_HE` when the romanised tokens (a word, or words run together) hold a kh and
    every kh they hold is a kaf and a he (`marks`: `written` of the name); else 0."""
    if not any([_KH in token for token in tokens]):
        return 0
    return KAF_HE if all([_KH not in token or marks.get(token, 0) & KAF_HE
                          for token in tokens]) else 0


#: a romanised word's last two letters that are one letter (خ "kh", ش "sh"), not a final he
_H_DIGRAPHS: Final = frozenset(("kh", "sh", "th", "dh", "gh", "ch", "zh"))


def vowel_end(token: str, marks: dict[str, int] | None = None) -> bool:
    """Whether a romanised abjad token of three letters or more ends with an "h" after a
    consonant, not part of a digraph, that is a he (`END_HE` of `marks`, `written` of the
    name; with no marks, any such "h": a bound's superset): the vowel a word run together
    with the next one has between them (Turkish قره يلان "qrh yln" is KARAYILAN: KARA,
    "black", written apart as Persian writes its final he, `FINAL_HE`). A join is read
    both with and without it (`compare._abjad_joins`, the search's joins)."""
    return (len(token) >= 3 and token[-1] == "h" and token[-2] not in "wyh"
            and token[-2:] not in _H_DIGRAPHS
            and (marks is None or bool(marks.get(token, 0) & END_HE)))


def written(text: str) -> dict[str, int]:
    """Each romanised token of `text` (as `romanize` makes them) with its `written` marks:
    what the script wrote that the token does not say, for `similarity` to read against a
    Latin word. A token two words of the name share keeps only the marks both have."""
    out: dict[str, int] = {}
    for token, marks in _romanized(text):
        out[token] = out.get(token, marks) & marks
    return out


def _romanized(text: str) -> list[tuple[str, int]]:
    """`romanize`'s words, each with its `written` marks (0 for a word not in the script)."""
    words: list[tuple[str, int]] = []
    persian = any([ch in _PERSIAN_LETTERS for ch in text])
    for urdu, arabic in _URDU_HEH:
        text = text.replace(urdu, arabic)
    # a hyphen or Hebrew maqaf joins words (ז'אן-לואי, ג'יאה-אין): each is a word of its
    # own, whose first letter starts a word (an alef there is a vowel: "ayn", not "yn")
    parts = _compounds(_persian_suffixes(hyphen_words(text)))
    joined = False  # the word is the second half of a compound romanised with the first
    for k, word in enumerate(parts):
        if joined:
            joined = False
            continue
        if word.endswith(_ALEF_HAMZA) and k + 1 < len(parts) and parts[k + 1] in _SECOND_HALVES:
            # the first half of a compound, which Latin writes as one word (علاء الدين
            # ALAEDDIN, عطاء الله ATAULLAH): the long a is inside it, where a final "h"
            # (`_word`) would stand between the halves
            word = word[:-1]
            if _word(word) == "al" and parts[k + 1] in _DIN:
                # a first half whose letters read as the article (علا "al"): the compound
                # is one token, the article's l in it (ALAUDDIN, ALA AL-DIN run together)
                words.append(("all" + _word(parts[k + 1][2:]), 0))
                joined = True
                continue
        if word == "الله":  # Allah, in Abdullah, Khairullah: not the article
            words.append((ALLAH, 0))
        elif (has_abjad(word) and len(word) > 3 and word[0] == "ا" and word[1] == "ل"
              and not _own_al(word)):
            token = _persian_final(word[2:], _word(word[2:]), persian)
            words += [("al", 0), (token, _marks(word[2:], token, persian))]
        elif has_abjad(word):
            token = _persian_final(word, _word(word), persian)
            words.append((token, _marks(word, token, persian)))
        else:
            words.append((word, 0))
    return words


#: letters only Persian, Urdu and Pashto write (pe, che, zhe, gaf): a word holding one is
#: no Arabic word, and its ال no Arabic article (الگو "pattern", الیگودرز ALIGUDARZ)
_NOT_ARABIC = "پچژگ"
#: words whose ال is their own letters, no article, though Arabic would read one: given
#: names (الهام ELHAM, Arabic's إلهام ILHAM; الیاس ILYAS, ELIAS; الهه ELAHEH, الناز ELNAZ) and
#: places (البرز ALBORZ, الوند ALVAND) as Persian and Arabic write them, and the European
#: electr- of Persian's loans (الکتریک ELECTRIC, الکترونیک ELECTRONIC): Persian Wikipedia's
#: article titles and Dehkhoda's entries; split, "al ktryk" met no listed ELECTRIC and
#: "al hm" paired the article with a name the list writes without it
_OWN_AL_WORDS = frozenset(("الهام", "الیاس", "الهه", "الناز", "البرز", "الوند"))
_OWN_AL_STEMS = ("الکتر",)
#: Arabic's yeh, alef maqsura and kaf as Persian writes them, for `_own_al`'s tables
_AS_PERSIAN = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})


def _own_al(word: str) -> bool:
    """Whether a word that starts with ال holds no Arabic article (`_OWN_AL_WORDS`,
    `_NOT_ARABIC`): read whole, as one token."""
    persian = word.translate(_AS_PERSIAN)
    return (persian in _OWN_AL_WORDS or persian.startswith(_OWN_AL_STEMS)
            or any([ch in _NOT_ARABIC for ch in word]))


#: the unit of ف inside a word (`_SPELLINGS`): the first letter keeps "f"
_MEDIAL_F: Final = "F"
#: a jim, and a final dal, as Turkish spelling may write them (`_SPELLINGS`, `_unit_keys`)
_TURKISH_J: Final = "J"
_TURKISH_D: Final = "D"
# Latin spellings of each romanised consonant ("bb?": b or bb); w / y also long vowels;
# ف "f" is also the V of foreign names Arabic has no letter for (فاكا VACA, سرفانتس CERVANTES);
# ق "q" is GH in Persian names, where it sounds as غ does (صادقی SADEGHI, قاسم GHASEM);
# w's o and u may carry the h English and German write after a long vowel (ג'ون JOHN, קול KOHL)
_SPELLINGS = {
    "b": "bb?|pp?|v", "t": "tt?|th", "th": "th|ss?|t", "j": "jj?|gg?|dj|dzh|zh|jh", "h": "hh?",
    "kh": "kh|h|x|ch|k", "d": "dd?|dh|z", "dh": "dh|z|d|th", "r": "rr?", "z": "zz?|dh|s",
    "s": "ss?|ts|c", "sh": "sh|ch|sch|s", "gh": "gh|g|r", "f": "ff?|ph|pp?|v",
    "q": "qq?|k|g|gh|cc?|kk",
    "k": "kk?|cc?|ck|cq|q|kh|g|ch", "l": "ll?", "m": "mm?", "n": "nn?", "p": "pp?|b|ff?",
    "ch": "ch|tch|c", "zh": "zh|j|z|g", "g": "gg?|j", "ts": "ts|tz|zz?|s|c",
    "ks": "x",  # k and s, the X of foreign names (`_unit_keys`); also their own spellings
    # ت and ش, how Arabic writes the CH sound it has no letter for: the Č and Ć of Slavic
    # names and the Ç of Turkish ones, which fold to c (يوكيتش JOKIĆ, لونتشار LONČAR), the CZ
    # of Polish ones (`_unit_keys`); also their own spellings, the TCH of French and English,
    # the TSCH of German
    "tsh": "ch|c|cz",
    # ف inside a word, before a consonant: also the W of Polish and German names, said V
    # (بافلاك PAWLAK; `_unit_keys`)
    _MEDIAL_F: "ff?|ph|pp?|v|w",
    "w": "ww?|v|u|o|ou|oo|ow|aw|uw|ew|oh|uh", "y": "yy?|i|e|ee|ey|ei|ai|ay|iy|yi|j|ie", "a": "a",
    # Turkish spelling of a name in a pattern of `_TURKISH_UNITS` units or more (`_unit_keys`):
    # a jim is also its C, a soft C before a vowel (`_SOFT_C_UNITS`: جمال CEMAL, جعفر
    # CAFER, جيجك ÇIÇEK, جنيد CÜNEYT), and a final dal its T, Turkish's final stops being
    # voiceless (محمد MEHMET, أحمد AHMET, مراد MURAT, فؤاد FUAT, سعيد SAIT; a final ب is P
    # already: YAKUP, RECEP); Turkish alphabet and orthography (the Turkish Language
    # Association's spelling of Arabic loans)
    _TURKISH_J: "jj?|gg?|dj|dzh|zh|jh|c", _TURKISH_D: "dd?|dh|z|t",
}
#: a pattern of fewer units says too little for a Turkish reading (`_SPELLINGS`): the
#: jim's soft C read جارح "jrh" (two units, its ح's vowel left to the Latin word) as the
#: Spanish CERO
_TURKISH_UNITS: Final = 3
_TURKISH_AS: Final = {"j": _TURKISH_J, "d": _TURKISH_D}
_DIGRAPHS = ("kh", "th", "dh", "sh", "gh", "ch", "zh", "ts")
#: ت and ش together, one unit (`_SPELLINGS`)
_TSH: Final = "tsh"
_SHORT_VOWELS = "aeiou'"  # written between the consonants, never in the abjad token
_ENDINGS: Final = ("", "h", "a", "ah", "at", "e", "eh")  # a final ta marbuta, or an "h" Latin writes
#: French spelling's silent final letters after an r or l (French orthography: a final
#: consonant and the final -es are not said), which Arabic and Persian, writing a French
#: name by its sound, leave out: شارل CHARLES, جول JULES, كولبير COLBERT, روبير ROBERT,
#: برنار BERNARD. Endings of a pattern of three units or more (`_silent_endings`): a
#: shorter one says too little (مل "ml" is no MALT nor MILD)
_SILENT_ENDINGS: Final = ("t", "d", "s", "es")
_SILENT_AFTER: Final = ("r", "l")
_SILENT_UNITS: Final = 3
#: the same spelling's silent endings after other last sounds of a French name, which
#: Hebrew and Arabic script write by its sound too (Hebrew Wikipedia's and the Arabic
#: press's spellings: לואי, لوي LOUIS; ז'ורז', جورج GEORGES; ז'אק, جاك JACQUES): a final
#: -s after the vowel i written with a yod or yeh (`_SILENT_AFTER_I`: LOUIS, DENIS), -s
#: and -es after the soft G written zh (GEORGES), -ue and -ues after a k (JACQUES, whose
#: CQ is one k: `_SPELLINGS`)
_SILENT_AFTER_I: Final = ("s",)
_SILENT_AFTER_ZH: Final = ("s", "es")
_SILENT_AFTER_K: Final = ("ue", "ues")
#: French spelling's silent r after the vowel é of -ier, -er, which Arabic writes as a yeh
#: and a final he (ديدييه DIDIER, أوليفييه OLIVIER): the ending of a token of three units or
#: more ending so (`_silent_endings`). Not the t of -et (مونيه MONET): a Hebrew final alef
#: is romanised as the he is, and שגיא "shgyh" met SEAJET
_E_ENDINGS: Final = ("r",)
_E_WRITTEN: Final = "yh"
#: the letters a word holds besides its units' spellings: a leading run of vowels, short
#: vowels between units, an ending (`letters`)
_LETTERS: Final = frozenset("aeiouy" + _SHORT_VOWELS + "".join(_ENDINGS))
_LETTER_BITS: Final = letter_bits("".join(sorted(_LETTERS)))
_NO_ENDINGS: Final[tuple[str, ...]] = ()


def _silent_endings(token: str, keys: list[_UnitKey]) -> tuple[str, ...]:
    """The French silent endings a Latin word the pattern spells may end with after its
    last unit's letters: three units or more, the last an r or l (`_SILENT_ENDINGS`; also
    one written twice, as Hebrew's ראר of ז'ראר GERARD romanises, its alef dropped), a
    final yeh or yod, zh or k (`_SILENT_AFTER_I`, `_SILENT_AFTER_ZH`, `_SILENT_AFTER_K`),
    or a yeh before a final he (`_E_ENDINGS`)."""
    last = keys[-1][0] if keys else ""
    if len(keys) < (_SILENT_K_UNITS if last == "k" else _SILENT_UNITS):
        return _NO_ENDINGS
    if last in _SILENT_AFTER:
        return _SILENT_ENDINGS
    if last == "y" and token.endswith(_E_WRITTEN):
        return _E_ENDINGS
    # (the token ends on that unit: not on a final he, which `_unit_keys` leaves out)
    return _SILENT_AFTER_OTHER.get(last, _NO_ENDINGS) if token.endswith(last) else _NO_ENDINGS


_SILENT_AFTER_OTHER: Final[dict[str, tuple[str, ...]]] = {
    "y": _SILENT_AFTER_I, "zh": _SILENT_AFTER_ZH, "k": _SILENT_AFTER_K}
#: a pattern ending on a k says enough in two units for its -ue, -ues (ז'אק JACQUES)
_SILENT_K_UNITS: Final = 2


def _spellings(unit: str) -> list[str]:
    out: list[str] = []
    for alt in _SPELLINGS[unit].split("|"):
        out += [alt[:-2], alt[:-1]] if alt.endswith("?") else [alt]
    return out


#: one unit of a pattern: (first, second) spellings; second "" for a plain spelling, else
#: the unit written as two letters with short vowels between them (ط ه for "th")
_Unit = tuple[tuple[str, str], ...]
#: what a unit's spellings depend on: its letter(s), whether the letter before is the same
#: (written twice), whether it ends the token, whether it may be an a (a doubled yeh's
#: diphthong, a final yeh for an alef maqsura)
_UnitKey = tuple[str, bool, bool, bool]


def _unit_keys(token: str) -> list[_UnitKey] | None:
    """The units of a romanised abjad token's pattern (`_fits`): its consonants, a digraph
    ("kh", "th") as one. None when the token is not a romanised abjad token."""
    keys: list[_UnitKey] = []
    i = 1 if token.startswith("a") else 0  # an initial alef or ayin: Omar, Umar, Ibrahim
    previous = ""
    while i < len(token):
        unit = token[i:i + 2] if token[i:i + 2] in _DIGRAPHS else token[i]
        if unit == "ts" and token[i + 2:i + 3] == "h":
            unit = _TSH  # ت and ش, one sound, CH (`_SPELLINGS`); also ts and a final h
        elif unit == "k" and token[i + 1:i + 2] == "s" and token[i + 2:i + 3] != "h":
            # k and s, the X of foreign names (פוקס FOX, مکس MAX, الکساندر ALEXANDER): Hebrew,
            # Arabic and Persian have no letter for it. One unit, written x or as its two
            # letters (`_alternatives`); not before an h ("ksh": k and sh)
            unit = "ks"
        # a letter written twice: across a join (once in Latin) or a name's own (Khudaidad);
        # a yeh after a hamza on a yeh seat (الطائي "tyy": AL-TA'I, SAMARRAI) is one i, and
        # Hebrew writes a consonant v and y twice (וולפוביץ WOLFOWITZ)
        twice = unit == previous or (previous == "ks" and unit == "s")
        previous_unit, previous = previous, unit
        if unit == "h" and i == len(token) - 1:
            break  # a final h (ه): often not written in Latin (Abdulla, Fatima)
        if unit == "f" and keys and token[i + 1:] not in ("", "h"):
            # (not a last f, nor one before a final he: عاطف "atf" is no ATWA)
            unit = _MEDIAL_F
        if unit not in _SPELLINGS:
            return None
        last = i + len(unit) == len(token)
        # a yeh or yod written twice after a consonant is a diphthong, the English long a
        # of a foreign name written as in Hebrew (דייב DAVE, ג'יימס JAMES, מייסון MASON): one
        # vowel letter for both (the second is then unwritten). Not after an initial alef,
        # which is a vowel already (איילה AYALA is not ALI). Persian's final yeh that may
        # be a long a is romanised so (`_persian_final`: "mwsyy" for موسی MUSA)
        # A word's first waw is a consonant, W or V (וייד WADE, ויין WAYNE): the diphthong
        # may follow it; after a waw inside a word, a long vowel itself, it may not
        as_a = (not twice and unit == "y" and token[i + 1:i + 2] == "y"
                and (previous_unit not in ("", "w") or (previous_unit == "w" and i == 1)))
        keys.append((unit, twice, last, as_a))
        i += len(unit)
    if len(keys) >= _TURKISH_UNITS:
        # (a jim anywhere, a dal last: `_SPELLINGS`' Turkish units)
        keys = [(_TURKISH_AS[unit], twice, last, as_a)
                if unit in _TURKISH_AS and (last or unit == "j") else (unit, twice, last, as_a)
                for unit, twice, last, as_a in keys]
    return keys


#: the second spelling of `_Unit`'s soft C (`_alternatives`): no letter of its own, the
#: C is followed by a vowel letter (`_advance`)
_SOFT_C: Final = "\x00"
#: the letters after which a Latin C says the s of س, ש and ס: e, i, y (BELGACEM, GARCIA;
#: French, Spanish and Italian spelling), and a, o, u, where the C is a folded Ç
#: (FRANÇOIS, GONÇALVES, which lists write FRANCOIS). A final C, or one before another
#: consonant, says K (ERIC, VICTOR): איריס (Iris) is no ERIC
_SOFT_C_BEFORE: Final = "aeiouy"
#: the units a C spells as a soft C only: s (above), and the jim as Turkish spelling writes
#: it, said as English J (`_SPELLINGS`: CEMAL, CAFER), where a vowel follows it too (a
#: Turkish C before a consonant or last is rare in names; an English hard C before one,
#: CLARK, MARC, would fit جلرك, مارج)
_SOFT_C_UNITS: Final = ("s", _TURKISH_J)


def _alternatives(unit: str, twice: bool, last: bool, as_a: bool) -> _Unit:
    """The Latin spellings of one unit: each of its spellings, none when it is written twice
    (`_unit_keys`), "a" for a yeh that may be one (a doubled yeh's diphthong, a final yeh
    for an alef maqsura), and a digraph as its two letters apart."""
    alternatives = [(s, "") for s in _spellings(unit)]
    if unit in _SOFT_C_UNITS:
        # (its C is a soft C only: followed by a vowel, `_SOFT_C_BEFORE`)
        alternatives = [(s, _SOFT_C if s == "c" else "") for s, _ in alternatives]
    if twice:
        alternatives.insert(0, ("", ""))
    elif as_a:
        # the first yeh of two after a consonant is a vowel (a diphthong, Persian's final
        # long a or i): not the consonant J of Slavic and Hebrew spellings, which let محسنی
        # "mhsnyy" spell MOHSENI EJEI run together ("mohsen-ie-j-ei"), leaving اژه‌ای unpaired
        alternatives = [a for a in alternatives if a[0] != "j"] + [("a", "")]
    for cut in range(1, len(unit)):
        # "th": one letter (ث) or two (ط ه); "tsh": ت ش, or ts and h
        head, tail = unit[:cut], unit[cut:]
        if head in _SPELLINGS and tail in _SPELLINGS:
            alternatives += [(a, b) for a in _spellings(head) for b in _spellings(tail)]
    if len(unit) >= 2 and unit[-1] == "h" and last and unit[:-1] in _SPELLINGS:
        # the letter before a final heh or alef maqsura, which romanise as "h":
        # موسى "mwsh" is MUSA, عيسى "aysh" ISA (s and a final vowel), not a final ش
        alternatives += [(a, "") for a in _spellings(unit[:-1])]
    return tuple(alternatives)


def _prosthetic(token: str) -> bool:
    """An initial alef before s and another consonant, the helping vowel Persian, Pashto and
    Maghrebi Arabic put before a cluster and Latin spellings often leave out (استانکزی
    STANEKZAI, اسکندر SKANDAR, اسماعيل SMAIL). Not before sh: اشرف ASHRAF is not SHARAF."""
    return len(token) >= 4 and token[0] == "a" and token[1] == "s" and token[2] != "h"


#: one unit of a `_Walk`: its alternatives with an empty first spelling (("", ""): a letter
#: written twice, which Latin may write once), and the others by the first letter of
#: their first spelling (only those can start where the Latin word has that letter)
_Step = tuple[list[tuple[str, str]], dict[str, list[tuple[str, str]]]]


def _step(alternatives: _Unit) -> _Step:
    empty: list[tuple[str, str]] = []
    by_first: dict[str, list[tuple[str, str]]] = {}
    for alternative in alternatives:
        first = alternative[0]
        if first == "":
            empty.append(alternative)
        else:
            by_first.setdefault(first[0], []).append(alternative)
    return empty, by_first


#: (alternatives, step, letters) of every unit key met: a unit's spellings depend on its
#: key alone, and there are a few dozen keys (the letters of `_SPELLINGS`, twice, last),
#: so each is worked out once per process, not once per token
_UNITS: dict[_UnitKey, tuple[_Unit, _Step, frozenset[str]]] = {}


#: `letter_bits` of each unit key's letters (`_unit`)
_UNIT_BITS: dict[_UnitKey, int] = {}


def _unit_bits(key: _UnitKey) -> int:
    """`letter_bits` of the letters of a unit's spellings, worked out once per key."""
    bits = _UNIT_BITS.get(key)
    if bits is None:
        bits = _UNIT_BITS[key] = letter_bits("".join(sorted(_unit(key)[2])))
    return bits


def _keys_bits(token: str, keys: list[_UnitKey]) -> int:
    """`letter_bits` of every letter a word spelt by `token`'s pattern, of these units,
    can hold (`letters`)."""
    bits = _LETTER_BITS | letter_bits("".join(_silent_endings(token, keys)))
    for key in keys:
        bits |= _unit_bits(key)
    return bits


def _unit(key: _UnitKey) -> tuple[_Unit, _Step, frozenset[str]]:
    found = _UNITS.get(key)
    if found is None:
        alternatives = _alternatives(key[0], key[1], key[2], key[3])
        found = (alternatives, _step(alternatives),
                 frozenset("".join([first + second for first, second in alternatives]))
                 - {_SOFT_C})
        _UNITS[key] = found
    return found


class _Walk:
    """A token's pattern as `_fits` follows it: its units' `_Step`s and the flags of its
    first and last letters, worked out once per token.

    Candidate generation tries one token's pattern on the ~70 Latin spellings under its
    keys, most of them new to the process; a comparison tries it on the words of every
    candidate and on their joins.
    """

    def __init__(self, token: str, keys: list[_UnitKey]) -> None:
        self.steps = [_unit(key)[1] for key in keys]
        # an unwritten helping vowel (استانکزی "astnkzy": STANEKZAI), or one vowel letter
        # for an initial alef or ayin and the long vowel after it (عيسى "aysh": ISA, ESSA;
        # not a consonant: آيناز is not JONAS)
        self.prosthetic = _prosthetic(token)
        self.vowel_pair = token[:2] in ("ay", "aw")
        self.initial_alef = token.startswith("a")  # one or more vowel letters
        # a long final vowel is written (علي "aly": ALI; اکبری "akbry": AKBARI), so a
        # Latin name may end past the last letter only as a ta marbuta or an unwritten
        # short a / e would: AKBAR is "akbr", AKBARI is not
        self.exact_end = len(keys) > 0 and not (len(token) > 1 and token.endswith("h"))
        # every letter a word the pattern spells can hold (`letters`), as `letter_bits`:
        # a word with another letter does not fit, told without following the pattern
        self.bits = _keys_bits(token, keys)
        # (`_silent_endings`: the token ends on r or l, or on a yeh and a final he)
        self.silent = _silent_endings(token, keys)
        # the letters a word the pattern spells may start and end with (`_first_letters`,
        # `_last_bits`): most words tried fail there, told before the walk is set up
        self.first = _first_letters(token, self.steps, self.prosthetic)
        self.last_bits = _last_bits(keys, self.steps, self.exact_end) | (
            letter_bits("".join(self.silent)))
        # what `starts` gives (asked of a query word for every run a comparison may join)
        self.leads = ("" if self.initial_alef or not self.steps or self.steps[0][0]
                      else "".join(self.steps[0][1]))


#: what `_first_letters` gives for a word that may start with any letter
_ANY_FIRST: Final = ""


def _first_letters(token: str, steps: list[_Step], prosthetic: bool) -> str:
    """The letters a Latin word `_fits` spells by the pattern starts with (`_ANY_FIRST`:
    any): after an initial alef, the vowels its run may write (or any letter before a
    helping vowel Latin leaves out, `_prosthetic`); else the first spellings' first
    letters (a first unit is never written twice)."""
    if token.startswith("a"):
        return _ANY_FIRST if prosthetic else "aeiouy"
    return "".join(steps[0][1]) if steps else _ANY_FIRST


def _last_bits(keys: list[_UnitKey], steps: list[_Step], exact_end: bool) -> int:
    """`letter_bits` of the letters a Latin word `_fits` spells by the pattern ends with
    (-1, every bit, where that is not told simply): an ending's (`_ENDINGS`), the last
    unit's spellings' last letters, and short vowels after them unless the pattern ends
    exactly there."""
    if not steps or steps[-1][0]:
        return -1  # (a last unit written twice may be spelt by no letter)
    ends = [end[-1] for end in _ENDINGS if end]
    # (a soft C is never last: a vowel follows it)
    ends += [(second or first)[-1] for first, second in _unit(keys[-1])[0]
             if second != _SOFT_C]
    if not exact_end:
        ends.append(_SHORT_VOWELS)
    return letter_bits("".join(ends))


#: `_walk`'s answers, a token's walk or `_NO_WALK` (a plain dict: an lru_cache's call cost
#: a tenth of a pattern try, asked once per try)
_WALKS: Final[dict[str, _Walk]] = {}
_WALKS_MAX: Final = 100_000
_NO_WALK: Final = _Walk("", [])  # (kept for a token with no pattern)


def _walk(token: str) -> _Walk | None:
    """`token`'s `_Walk`; None when it has no pattern."""
    walk = _WALKS.get(token)
    if walk is None:
        keys = _unit_keys(token)
        walk = _NO_WALK if keys is None else _Walk(token, keys)
        if len(_WALKS) >= _WALKS_MAX:
            _WALKS.clear()
        _WALKS[token] = walk
    return None if walk is _NO_WALK else walk


def _advance(latin: str, vowels_to: list[int], pos: int,
             alternatives: list[tuple[str, str]], exact: int, reached: int) -> tuple[int, int]:
    """Follow one unit's `alternatives` from `pos`: (exact, reached) with the positions
    where their letters end added, and every position after short vowels from there."""
    for first, second in alternatives:
        end = pos + len(first)
        if latin[pos:end] != first:
            continue
        if second == "":
            exact |= 1 << end
            reached |= (2 << vowels_to[end]) - (1 << end)
            continue
        if second == _SOFT_C:
            if end < len(latin) and latin[end] in _SOFT_C_BEFORE:
                exact |= 1 << end
                reached |= (2 << vowels_to[end]) - (1 << end)
            continue
        # the unit written as two letters, short vowels between them (ط ه for "th")
        for mid in range(end, vowels_to[end] + 1):
            stop = mid + len(second)
            if latin[mid:stop] == second:
                exact |= 1 << stop
                reached |= (2 << vowels_to[stop]) - (1 << stop)
    return exact, reached


#: `_vowels_to` of the Latin words tried: a list's spelling is tried against the pattern of
#: every abjad token that keys with it (emptied when full, as `_WALKS` is)
_VOWELS_TO: Final[dict[str, list[int]]] = {}
_VOWELS_TO_MAX: Final = 100_000


def _vowels_to(latin: str) -> list[int]:
    """vowels_to[p]: where the run of short vowels starting at p in `latin` ends (p when
    there is none), worked out once per word (`_VOWELS_TO`). `_SHORT_VOWELS` by character
    code, which compiled code reads without a string."""
    n = len(latin)
    vowels_to = [n] * (n + 1)
    for p in range(n - 1, -1, -1):
        code = ord(latin[p])
        if not (code == 97 or code == 101 or code == 105 or code == 111 or code == 117
                or code == 39):
            vowels_to[p] = p
        else:
            vowels_to[p] = vowels_to[p + 1]
    if len(_VOWELS_TO) >= _VOWELS_TO_MAX:
        _VOWELS_TO.clear()
    _VOWELS_TO[latin] = vowels_to
    return vowels_to


def _fits(walk: _Walk, latin: str) -> bool:
    """Whether `latin` is spelt by the pattern: the positions reachable after each unit are
    followed through the word (every alternative, as a regular expression would).

    Positions are the bits of an int, and where each run of short vowels ends is worked
    out once per word (`vowels_to`), so that a try costs a few hundred machine
    instructions when compiled; a regular expression per token would cost more to compile
    (hundreds of microseconds) than the tries it would serve.
    """
    n = len(latin)
    if n and (not (walk.last_bits >> (ord(latin[n - 1]) % 61)) & 1
              or (walk.first and latin[0] not in walk.first)):
        return False  # (exactly what the walk below would find: `_Walk.first`, `last_bits`)
    vowels_to = _VOWELS_TO.get(latin)
    if vowels_to is None:
        vowels_to = _vowels_to(latin)
    positions = 0
    if walk.prosthetic or (walk.vowel_pair and latin[:1] in "aeiou"):
        positions = 1
    if walk.initial_alef:
        k = 0
        while k < n and latin[k] in "aeiouy":
            k += 1
            positions |= 1 << k
    else:
        # Arabic and Hebrew script write a word's first vowel on an alef or ayin (`_OPENERS`):
        # a word that starts with another letter starts with that consonant or long vowel,
        # so the Latin word starts with one of its spellings (مائده "mydh" is MAEDEH, not OMID)
        positions |= 1
    exact = 0  # where the last unit's letters end (before any short vowel)
    for empty, by_first in walk.steps:
        reached = exact = 0
        pos = 0
        rest = positions  # (the positions from `pos` on: the walk stops past the last)
        while rest:
            if rest & 1:
                if empty:
                    exact, reached = _advance(latin, vowels_to, pos, empty, exact, reached)
                if pos < n:
                    found = by_first.get(latin[pos])
                    if found is not None:
                        exact, reached = _advance(latin, vowels_to, pos, found, exact, reached)
            rest >>= 1
            pos += 1
        if not reached:
            return False
        positions = reached
    if walk.silent and any(latin.endswith(end) and (exact >> (n - len(end))) & 1
                           for end in walk.silent):
        return True  # (the last unit's letters, then a French silent ending)
    if walk.exact_end:
        positions = exact
    # (an ending the word ends with is no longer than the word: the shift is not negative)
    return any(latin.endswith(end) and (positions >> (n - len(end))) & 1 for end in _ENDINGS)


def letters(token: str) -> frozenset[str] | None:
    """Every letter a Latin word spelt by `token`'s pattern can hold; None when the token
    has no pattern (`similarity` is then 0 for every word).

    `_fits` consumes a word only as vowels (a leading run, short vowels between units),
    the units' spellings and one of `_ENDINGS`, so a word holding any other letter does not
    fit: candidate generation skips such spellings without trying the pattern (half of the
    Latin spellings under a token's keys, the most of its cost). Keep this in step with
    `_fits` (tests/match/test_abjad.py checks it against `similarity`).
    """
    keys = _unit_keys(token)
    if keys is None:
        return None
    out = _LETTERS | frozenset("".join(_silent_endings(token, keys)))
    for key in keys:
        out = out | _unit(key)[2]
    return out


def letters_bits(token: str) -> int:
    """`letters(token)` as `letter_bits` (0 when the token has no pattern), without the
    sets: a Latin word holding a letter outside them does not fit."""
    keys = _unit_keys(token)
    return 0 if keys is None else _keys_bits(token, keys)


def starts(token: str) -> str:
    """The letters a Latin word `similarity` fits to `token` may start with: its first
    unit's spellings' first letters ("": any, after an initial alef, whose vowels Latin
    may write or leave out). A lookup skips the spellings under a token's keys that start
    otherwise (a key's classes file SAID, DAOUD and TOOS under one key: "syd" only
    fits a word starting with s, ts or c), without trying the pattern."""
    walk = _walk(token)
    return "" if walk is None else walk.leads


def consonantal(token: str) -> bool:
    """A token with no vowel letter after its first: how `romanize` writes abjad words.

    Asked for both words of every pair an abjad comparison weighs (`similarity`), so it
    compares character codes: compiled, a third of the cost of `in "aeiou"` per letter.
    """
    if len(token) < 2:
        return False
    for i in range(1, len(token)):
        code = ord(token[i])
        if code == 97 or code == 101 or code == 105 or code == 111 or code == 117:  # aeiou
            return False
    return True


def _vowel_led_pair(token: str) -> bool:
    """A two-letter word led by a vowel ("ag", "ul"), which `consonantal` cannot tell
    from a romanised abjad word: as a Latin spelling it stands for an alef and one
    consonant (اغ "agh" ~ the Tuareg AG of "GHALI, Iyad ag")."""
    return len(token) == 2 and token[0] in "aeiou"


#: `abjad_sides`: `similarity` may read the word as its abjad side (the first argument)
ABJAD_SIDE: Final = 1
#: `abjad_sides`: `similarity` may read the word as its Latin side (the second argument)
LATIN_SIDE: Final = 2


def abjad_sides(token: str) -> int:
    """Which sides of `similarity` a word may take without the answer being 0 before any
    pattern is tried (`ABJAD_SIDE`, `LATIN_SIDE` as bits): the abjad side needs a word
    with no vowel after its first letter (`consonantal`; only such words have answers
    kept), the Latin side a word of two letters or more that has one (or a vowel-led pair,
    `_vowel_led_pair`). A comparison asks both directions of most pairs of words (one of
    them written in an abjad script), and of most pairs one word can take neither side
    its direction gives it: told from each word alone, once, instead of in each call."""
    if consonantal(token):
        return ABJAD_SIDE | LATIN_SIDE if _vowel_led_pair(token) else ABJAD_SIDE
    return LATIN_SIDE if len(token) >= 2 else 0


#: romanised abjad token -> Latin word -> whether the word fits the token's pattern: two
#: levels, so that a lookup builds no key (a tuple per pair, and the collections its
#: allocation brings about, cost as much as the answer)
_FITS: Final[dict[str, dict[str, bool]]] = {}
_FITS_MAX = 1 << 18  # pattern answers kept (about 40 MB at most); emptied when full
_fits_kept: Final = [0]  # answers in `_FITS`


def pin_memo() -> None:
    """Make the memos tracked dicts before the heap is frozen (as `compare.pin_memo`)."""
    key = "".join(["pin"])
    _FITS[key] = {}  # a dict value: the memo is tracked
    del _FITS[key]
    _WALKS[key] = _NO_WALK
    del _WALKS[key]
    _VOWELS_TO[key] = []
    del _VOWELS_TO[key]


def _vowels_inside(latin: str) -> int:
    """The vowel letters a Latin word writes between its first and its last consonant."""
    first = last = -1
    for k in range(len(latin)):
        if latin[k] not in "aeiouy'":
            last = k
            if first < 0:
                first = k
    count = 0
    for k in range(first + 1, last):
        if latin[k] in "aeiou":
            count += 1
    return count


def _written_size(abjad_token: str, latin_token: str, marks: int) -> int:
    """The letters of an abjad word that a Latin word it fits shows: the token's, with an
    alef or ayin the token leaves out where the Latin word has as many vowels inside
    (القاعدة "qd" ~ QAIDA: alef and ayin written, the Latin's vowels at their place; not
    GAZ) and without a final he the Latin writes as a vowel (سپه "sph" ~ SEPA: a final
    vowel any two-letter token may end with, `_ENDINGS`; SEPAH writes the he). A final he
    writes a vowel or an h (آینده AYANDEH; a ta marbuta typed as a he: جبهه JABHAT), so a
    Latin word ending on another consonant lacks a letter the script wrote (AYNAZ; the
    lists' HAMAD for حماده): two at most, as a two-letter token says. So does a Hebrew
    final he (חנה "khnh" is not HAN); against a Latin word ending in a vowel it counts as
    a letter still (דנה "dnh" ~ DANA: Hebrew writes its short names' final vowel so, and
    read as two letters they would say too little to meet their Latin spellings)."""
    size = len(abjad_token)
    if marks & FINAL_VOWEL:
        if latin_token[-1] not in "aeiouh" and not latin_token.endswith("at"):
            return min(size, 2)
        if marks & FINAL_HE and latin_token[-1] != "h":
            size -= 1
    medial = marks & MEDIAL_VOWELS
    if medial and _vowels_inside(latin_token) >= medial:
        size += 1
    return size


def _kept_answers(abjad_token: str, known: dict[str, bool] | None) -> dict[str, bool]:
    """Where one more pattern answer of `abjad_token` is kept (`_FITS`; `known`: its answers
    kept so far, if any), counted: a full memo is emptied first."""
    if _fits_kept[0] >= _FITS_MAX:
        _FITS.clear()
        _fits_kept[0] = 0
        known = None
    if known is None:
        known = _FITS.setdefault(abjad_token, {})
    _fits_kept[0] += 1
    return known


def _allah_cut(abjad_token: str, latin_token: str) -> bool:
    """Whether a compound ending in Allah (عبدالله "abdllh", نصرالله "nsrllh") meets a Latin
    word that stops at Allah's first l: ABDUL, ABDEL, NASRUL are the heads of other
    compounds (Abd al-Latif, Nasr al-Din), while every Latin spelling of Allah writes the
    vowel after its l (ABDULLAH, ABDULLA, ABDULAH, ABDULLO). Read with its final h as a
    vowel and its l's as one, the pattern would take the head for the whole name."""
    return abjad_token.endswith(ALLAH[1:]) and latin_token[-1:] == "l"


def similarity(abjad_token: str, latin_token: str, marks: int = 0) -> float:
    """0.9 when the Latin token is one of the spellings of the romanised abjad token (0.75
    for two-letter tokens, which say less), else 0. `marks`: what the script wrote beside
    the token (`written`), which `_written_size` counts in the letters.

    Pattern answers are memoised: the same pairs recur in every comparison of a query
    with a list name's spellings, and in the joins tried beside them. Only pairs that pass
    the checks before the pattern are kept, so a kept answer needs none of them again.
    """
    known = _FITS.get(abjad_token)
    fits = None if known is None else known.get(latin_token)
    if fits is None:
        # (a token with answers kept passed `consonantal` before: not asked again)
        if len(latin_token) < 2 or (known is None and not consonantal(abjad_token)):
            return 0.0
        if consonantal(latin_token) and not (
                _vowel_led_pair(latin_token) and len(abjad_token) <= 3
                and abjad_token[0] == "a"):
            return 0.0  # (a vowel-led pair spells an alef and one consonant at most)
        if abjad_token == ALLAH and "ll" not in latin_token:
            return 0.0  # الله is written with both its l's (ULLAH, ALLA): "Ali" is another
        if _allah_cut(abjad_token, latin_token):
            return 0.0
        walk = _walk(abjad_token)
        # (most tries: the Latin word holds a letter no spelling of the pattern has)
        fits = (walk is not None and not (letter_bits(latin_token) & ~walk.bits)
                and _fits(walk, latin_token))
        if len(abjad_token) + len(latin_token) <= 3 * MAX_FUZZY_TOKEN:  # no hostile keys
            known = _kept_answers(abjad_token, known)
            known[latin_token] = fits
    if not fits:
        return 0.0
    size = len(abjad_token) if marks == 0 else _written_size(abjad_token, latin_token, marks)
    return 0.75 if size <= 2 else 0.9



def fitting(abjad_token: str, spellings: list[str]) -> list[float]:
    """`similarity(abjad_token, w)` (no marks) of each Latin word `w` of `spellings`, given
    that every letter of each is one the token's pattern may spell (`letters`): a first
    look at the lists' spellings under a token's keys (`search.abjad_alternatives`), which
    tries the pattern on a few dozen words a token. What `similarity` asks of the token
    alone (its memo, `consonantal`, its walk) is asked once, and not the letter bits of
    each word (the caller's `letters` test told them); answers are kept as `similarity`
    keeps them, where the comparisons of the token's candidates read them again."""
    out = [0.0] * len(spellings)
    known = _FITS.get(abjad_token)
    if known is None and not consonantal(abjad_token):
        return out
    walk = _walk(abjad_token)
    score = 0.75 if len(abjad_token) <= 2 else 0.9
    keep = len(abjad_token) <= 3 * MAX_FUZZY_TOKEN
    pair_led = len(abjad_token) <= 3 and abjad_token[0] == "a"
    for i in range(len(spellings)):
        latin_token = spellings[i]
        fits = None if known is None else known.get(latin_token)
        if fits is None:
            if len(latin_token) < 2:
                continue
            if consonantal(latin_token) and not (pair_led and _vowel_led_pair(latin_token)):
                continue
            if abjad_token == ALLAH and "ll" not in latin_token:
                continue
            if _allah_cut(abjad_token, latin_token):
                continue
            fits = walk is not None and _fits(walk, latin_token)
            if keep and len(abjad_token) + len(latin_token) <= 3 * MAX_FUZZY_TOKEN:
                known = _kept_answers(abjad_token, known)
                known[latin_token] = fits
        if fits:
            out[i] = score
    return out

# consonant classes whose letters the spellings above exchange (d ~ z ~ dh, k ~ q ~ g ~ j,
# b ~ p ~ f): one class letter each, so that every spelling `similarity` accepts shares a key
_KEY_FOLDS = (("dzh", "k"), ("dj", "k"), ("zh", "k"), ("kh", "k"), ("gh", "k"), ("sh", "t"),
              ("ch", "t"), ("th", "t"), ("dh", "t"), ("ts", "t"), ("tz", "t"), ("ph", "b"),
              ("ck", "k"), ("x", "k"))
_KEY_CLASSES = str.maketrans({"d": "t", "z": "t", "s": "t", "c": "k", "q": "k", "g": "k",
                              "j": "k", "p": "b", "f": "b", "v": "w"})


@lru_cache(maxsize=200_000)
def key(token: str) -> str:
    """One lookup key for an abjad token and its Latin spellings: consonant classes only (w
    and y dropped after the first letter, h at the end), an initial vowel as "a", doubled
    letters once. Coarse on purpose: `similarity` decides; the key only finds candidates."""
    if len(token) < 2 or token.isdigit():
        return token
    out = token
    for a, b in _KEY_FOLDS:
        out = out.replace(a, b)
    out = out.translate(_KEY_CLASSES)
    first = "a" if out[0] in "aeiou" else out[0]
    rest = [c for c in out[1:] if c not in "aeiouyw'"]
    if len(rest) >= 2 and rest[-1] == "h":
        rest.pop()
    undoubled: list[str] = []
    for c in [first, *rest]:
        if not undoubled or undoubled[-1] != c:
            undoubled.append(c)
    return "".join(undoubled)


#: spellings `similarity` accepts for a consonant that `key` files under another class: خ
#: "kh" is written CH too (BARICH for بريخ; Hebrew ח: CHAIM), which keys as ش "sh" does,
#: س "s" is written C in French romanisations (BELGACEM for بلقاسم, HACENE), which keys
#: as k, ف "f" is the V of foreign names (فاكا VACA), which keys as w, and k and s may be
#: one X (פוקס FOX), which keys as k; a k of its own (not of kh or ks) is the CH of
#: Italian and German names (بيلوسكي BELLUSCHI), which keys as t; د and ج are the DG of
#: English names (كوليدج COOLIDGE), which key as t and k ("dj" keys as one k: DJAMEL);
#: ت and ش are the C of Slavic and Turkish names (لونتشار LONČAR), which keys as k; خ and
#: Hebrew's ח are the H of Turkish names and of Israeli ones (HALIL for خليل; חיים HAIM, חנה
#: HANNA), which keys as an h wherever the "kh" stands (مختار "mkhtr" keys mhtr too, MUHTAR);
#: not a kaf before a he, romanised "kh" as well (`KAF_HE`: כהן "khn" is no HN, HONOR)
_KH_AS_H: Final[tuple[str, str]] = ("kh", "h")
_Respelt = tuple[tuple[str, str], ...]
_RESPELT: Final[_Respelt] = (("kh", "ch"), ("s", "c"), ("f", "v"), ("ks", "x"), ("dj", "dg"),
                             (_TSH, "c"), _KH_AS_H)
#: `_RESPELT` for a token whose kh is a kaf and a he (`KAF_HE`)
_RESPELT_KAF_HE: Final[_Respelt] = tuple([unit for unit in _RESPELT if unit != _KH_AS_H])
#: a kaf and a he as Latin writes them, a short vowel between (כהן "khn" COHEN, KAHN; כהנא
#: KAHANE): keyed k and h (`keys`)
_KAF_HE_WRITTEN: Final = "kah"
_BARE_K = re.compile("k(?![hs])")


def _respellings(token: str, respelt: _Respelt = _RESPELT) -> list[str]:
    """The token with its consonants respelt beyond `keys`' one respelling at every place
    (`respelt`): one at its first or its last place only (a name spells one s as C and
    another as S: سرفانتس CERVANTES, سيرسي SEARCY), two together (its f as V as well), and a bare k as CH."""
    edits: list[tuple[str, str, int]] = []
    for unit, spelling in respelt:
        if unit in token:
            edits.append((unit, spelling, -1))
            if token.count(unit) > 1:
                edits.append((unit, spelling, 1))
    out = [token.replace(unit, spelling, count) for unit, spelling, count in edits
           if count == 1]
    # ... or at its last place (سيرسي SEARCY)
    out += [spelling.join(token.rsplit(unit, 1)) for unit, spelling, count in edits
            if count == 1]
    if _BARE_K.search(token) is not None:
        out.append(_BARE_K.sub("ch", token))
    for a, (unit_a, spelling_a, count_a) in enumerate(edits):
        for unit_b, spelling_b, count_b in edits[a + 1:]:
            if unit_b != unit_a and unit_b not in spelling_a:
                out.append(token.replace(unit_a, spelling_a, count_a)
                           .replace(unit_b, spelling_b, count_b))
    return out


def keys(token: str, marks: int = 0) -> tuple[str, ...]:
    """Every lookup key the Latin spellings of a romanised abjad token may have: its `key`,
    the key of the token with a consonant written as a spelling `key` puts in another
    class ("brykh" is "brk", and "brt" for BARICH), and the key of the token with a final
    "t" (an unwritten ta marbuta Latin spells "at"). `marks` (`written`): a token whose kh
    is a kaf and a he (`KAF_HE`) keys it as those two letters, not as the letter kh's H."""
    out = [key(token)]
    respelt_units = _RESPELT
    if marks & KAF_HE:
        respelt_units = _RESPELT_KAF_HE
        out.append(key(token.replace(_KH, _KAF_HE_WRITTEN)))
    for unit, spelling in respelt_units:
        if unit in token:
            other = key(token.replace(unit, spelling))
            if other not in out:
                out.append(other)
    for respelt in _respellings(token, respelt_units):
        # (a respelling that runs two classes into one, as sh and k written CH do, keys a
        # short token with a letter or two: the key of half the Latin words on the lists;
        # a long one may lose two, to three letters or more: ف as V and ت ش as C in the
        # -vić of Slavic names, فيتش, run into the letters about them)
        other = key(respelt)
        if other not in out and len(other) >= max(2, min(3, len(out[0]) - 1),
                                                  len(out[0]) - 2):
            out.append(other)
    if token[:1] == "y" and len(token) >= 3:
        # an initial yeh or yod is the J of Slavic, German and Dutch spellings (يوكيتش JOKIC,
        # יאן JAN), which keys as k: the y is the token's first letter, kept by `key`
        other = key("j" + token[1:])
        if other not in out:
            out.append(other)
    if token.endswith(_E_WRITTEN) and len(token) >= 4:
        # a yeh and a final he, the French é Latin may write with a silent consonant
        # (`_E_ENDINGS`: DIDIER, OLIVIER): the keys of the token ending on it
        for end in _E_ENDINGS:
            other = key(token[:-1] + end)
            if other not in out:
                out.append(other)
    if len(token) >= 3 and token[-1] not in "wy":
        # a final ta marbuta (ة) is not written (`romanize`), while Latin spells it "at"
        # where the word heads a phrase (عصبة الأنصار ASBAT AL-ANSAR, حركة HARAKAT, جبهة
        # JABHAT): an ending the pattern accepts (`_ENDINGS`), so its key is looked up too.
        # Not after a long vowel: الشهري "shhry" is not SHARIAT (the ending read as "i-at")
        other = key(token + "t")
        if other not in out:
            out.append(other)
    return tuple(out)
