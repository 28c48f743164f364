"""How common a name is among people (not on the lists): common names are weak evidence.

Rarity on the sanctions lists says little about a counterparty book: "Xu", "Kim", "Chen",
"Ali" or "Muhammad" are rare-ish on the lists but among the most common names on earth, so
two people sharing them is no coincidence. `resources/population_names.yml` groups given
names and surnames by their best frequency rank in any of 106 countries (names-dataset);
a person-name token's weight is capped by its band. Two such names one consonant apart
are two names people bear, not a typo of one (`distinct_names`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from rapidfuzz.distance import OSA

from clearance.match.abjad import consonantal
from clearance.match.abjad import similarity as abjad_similarity
from clearance.match.fold import fold, folded_skeleton, variant_key
from clearance.resources import load_resource

__all__ = ["DISTINCT_NAME_SIMILARITY", "FAR_SIMILARITY", "MOST_COMMON_WEIGHT", "POPULATION_CAPS",
           "caps_table", "common_agreement", "common_name", "distinct_names", "family_form",
           "most_common_spelled", "other_common_name", "population_cap", "spelled_name",
           "use_caps", "writes_vowels"]

#: weight cap of a name ranked within the top N of some country (N -> cap)
POPULATION_CAPS: dict[int, float] = {10: 0.3, 30: 0.4, 100: 0.55, 300: 0.7}
#: the most two different known names agree by their spelling alone (Fernandez ~ Hernandez)
DISTINCT_NAME_SIMILARITY = 0.0
#: names this common (top 30 of some country) are each some people's own name: a typo
#: seldom lands on one
DISTINCT_NAME_CAP = POPULATION_CAPS[30]
#: ... beside a name this common (top 100 of some country)
KNOWN_NAME_CAP = POPULATION_CAPS[100]
#: a family name this common (top 300 of some country) names companies by the thousand
COMPANY_NAME_CAP = POPULATION_CAPS[300]
#: at or below: a name among the most common people bear (top 10 of some country), as
#: weighed (`population_cap`, or rarer still on the lists); two people sharing such names
#: is no coincidence
MOST_COMMON_WEIGHT = POPULATION_CAPS[10]
#: below this, two spellings differ by more than one slip (two edits, or one in a short word)
FAR_SIMILARITY = 0.8
#: the shortest word two edits leave at `FAR_SIMILARITY` or above (1 - 0.9 x 2 / 9)
TWO_SLIPS_NEAR = 9
#: `abjad.similarity` of a Latin spelling the abjad word's letters spell in full
FIT_SIMILARITY = 0.9


#: the table `_caps` would build, brought by a saved index (`use_caps`)
_SAVED: dict[str, dict[str, float]] = {}


@cache
def _caps() -> dict[str, float]:
    saved = _SAVED.get("caps")
    if saved is not None:
        return saved
    out: dict[str, float] = {}
    for band, names in load_resource("population_names")["bands"].items():
        cap = POPULATION_CAPS[int(band)]
        for name in str(names).split():
            key = variant_key(fold(name))
            out[key] = min(cap, out.get(key, cap))
    return out


@cache
def _spelled_names() -> frozenset[str]:
    """The names of `population_names.yml` as spelled (`_caps` folds them): a name people
    bear is a spelling of its own, while the fold of a typo often lands on a common name
    ("Pathi" folds as "Pati", "Reyek" as "Rik")."""
    bands = load_resource("population_names")["bands"].values()
    return frozenset(name for names in bands for name in str(names).split())


def spelled_name(token: str) -> bool:
    """Whether a token is, letter for letter, a name of `population_names.yml`: a name
    people bear (noisy at its short end: the source counts particles such as "al" too)."""
    return token in _spelled_names()


def common_name(token: str) -> bool:
    """Whether a token is, letter for letter, a name people commonly bear (top 300 of some
    country): a family name companies are named after by the thousand ("Green Ltd",
    "Wagner GmbH", "Hudson LLC"), so that a company sharing it with a listed one is no
    coincidence."""
    return (token in _spelled_names()
            and _caps().get(variant_key(fold(token)), 1.0) <= COMPANY_NAME_CAP)


def caps_table() -> dict[str, float]:
    """Folded name -> weight cap, for every name of `population_names.yml` (what
    `population_cap` reads). The index saves it (`Index.population_caps`): building it
    folds some 45,000 names, a tenth of a second in every process that screens."""
    return _caps()


def use_caps(table: dict[str, float]) -> None:
    """Read caps from `table`, a `caps_table()` saved with an index, instead of building
    it (unless this process has built it already). The index file's key covers the word
    lists and the code the table is made from, so a saved table is never stale."""
    _SAVED["caps"] = table


def population_cap(folded: str) -> float:
    """The weight cap of a folded person-name token: 1.0 unless the name is common. An
    abjad word (romanised consonants, `abjad.consonantal`) the table does not spell is as
    common as the commonest Latin name it reads as (`_read_cap`)."""
    cap = _caps().get(folded)
    if cap is not None:
        return cap
    word = _abjad_unfolded(folded)
    return 1.0 if word is None else _read_cap(folded, word)


def _abjad_unfolded(folded: str) -> str | None:
    """The romanised abjad word a folded token comes from, None when it comes from none:
    `fold` writes an abjad word's w as v and a final y as i (زرقاوي "zrqwy" is "zrkvi"); a
    token with another vowel after its first letter, or an i inside (an initial or inner
    y, or a Latin word: "smit"), is left alone."""
    if len(folded) < 3:
        return None
    word = folded[:-1] + "y" if folded[-1] == "i" else folded
    word = word[0] + word[1:].replace("v", "w")
    return word if consonantal(word) else None


#: an abjad word's cap by its readings (`_read_cap`), memoised: asked once per list token
#: and once per unseen query token
_READ_CAPS: dict[str, float] = {}
@cache
def _latin_caps() -> dict[str, list[tuple[str, float]]]:
    """The table's Latin names (written with vowels) under their consonant skeletons."""
    out: dict[str, list[tuple[str, float]]] = {}
    for name, cap in _caps().items():
        if not consonantal(name):
            out.setdefault(folded_skeleton(name), []).append((name, cap))
    return out


def _read_cap(folded: str, word: str) -> float:
    """The cap of an abjad word the table does not spell (`word`, folded `folded`): that
    of the commonest Latin name its letters spell (`abjad.similarity`), its likeliest
    reading. The table's script spellings come from the countries that write the script
    on the web; elsewhere (Pakistan, Bangladesh, the diaspora) the same names are written
    in Latin, so the table's اختر is missing while AKHTAR is in the top 300 of some
    country: a word written so is as common as the name it is read as. A script spelling
    the table holds keeps the band measured for it (كاكر in Afghanistan's top 300)."""
    cap = _READ_CAPS.get(folded)
    if cap is None:
        cap = 1.0
        table = _latin_caps()
        # the Latin name's own consonants, with the word's w as a consonant or as the
        # long vowel it also writes (زرقاوي ZARQAWI, محمود MAHMUD): the classes
        # `abjad.similarity` allows (z ~ s, q ~ g, w ~ o) let in other languages' names
        # (زرقاوي "fits" the Portuguese SARIGUEIA)
        for k in dict.fromkeys((folded_skeleton(folded), folded_skeleton(folded.replace("v", "")))):
            for name, name_cap in table.get(k, ()):
                if name_cap < cap and abjad_similarity(word, name) >= FIT_SIMILARITY:
                    cap = name_cap
        if len(_READ_CAPS) < 100_000:
            _READ_CAPS[folded] = cap
    return cap


#: consonants told apart by voicing alone (after `_SAME_SOUND`), and b / w (v)
_VOICING = frozenset({"td", "dt", "pb", "bp", "kg", "gk", "fw", "wf", "bw", "wb"})
#: a g before e, i or y sounds as j does
_SOFT_G = re.compile("g(?=[eiy])")
#: letters spellings of one name exchange (Lopez / Lopes, Gonzalez / Gonzales, Jong / Yong)
_SAME_SOUND = str.maketrans({"z": "s", "c": "k", "q": "k", "j": "y", "v": "w"})


def _consonants(token: str) -> str:
    """The consonants of a token, first letter kept and doubled letters once."""
    token = _SOFT_G.sub("j", token).translate(_SAME_SOUND)  # Gerry / Jerry
    out = "a" if token[:1] in "aeiou" else token[:1]  # Emmanuel / Immanuel
    for ch in token[1:]:
        if ch not in "aeiouy" and ch != out[-1]:
            out += ch
    return out


def _gendered(a: str, b: str) -> bool:
    """A given name and its form for the other sex: an "a" or "ia" added to a name ending
    in a consonant (Robert / Roberta, Daniel / Daniela, Karim / Karima, Aleksandr /
    Aleksandra; Victor / Victoria), or a final "o" for an "a" (Mario / Maria, Antonio /
    Antonia), as Romance, Slavic and Arabic given names form them; a -ck written -c-
    before it (Patrick / Patricia)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 3 and long in (short + "a", short + "ia"):
        return short[-1] not in "aeiouy"
    if short.endswith("ck") and long in (short[:-1] + "a", short[:-1] + "ia"):
        return True  # -ck written -c- before the ending: Patrick / Patricia, Erick / Erica
    return (len(short) == len(long) >= 4 and short[:-1] == long[:-1]
            and {short[-1], long[-1]} == {"a", "o"})


def _other_last_letter(a: str, b: str) -> bool:
    """Two names of four letters or more alike but the last, a vowel against a consonant
    (Mary / Mark, Dina / Dinh): each a name's own ending, not a slip of one (vowels for
    vowels are spellings, Sami / Samy; an h is often written or left out after a vowel,
    Hamza / Hamzah; a pet form's -ie or -ey: not counted)."""
    if len(a) != len(b) or len(a) < 4 or a[:-1] != b[:-1]:
        return False
    x, y = a[-1], b[-1]
    if "h" in (x, y) or (x in "aeiouy") == (y in "aeiouy"):
        return False
    # a pet form's -ie or -ey for the last consonant is the name (Louie / Louis, Jamey /
    # James, as nickname lists pair them)
    return not (a if x in "aeiouy" else b).endswith(("ie", "ey"))


#: the endings of Slavic family names whose form for a woman adds an "a" (IVANOV /
#: IVANOVA, ALIYEV / ALIYEVA, PUTIN / PUTINA, BORODIN / BORODINA)
_FAMILY_FORM_ENDS = ("ov", "ev", "in", "yn")
#: the fewest letters of a family name in -in or -yn with a form for a woman: a shorter
#: one is a given name's (AMIN / Amina), as Slavic ones have a stem before it (Putin)
_NASAL_FAMILY_MIN = 5


def family_form(a: str, b: str) -> bool:
    """Whether two tokens are one family name in its forms for a man and for a woman, as
    Slavic and Turkic family names form them (IVANOV / Ivanova): the same family, so a
    reviewer reads the pair as one family name, where a given name's form for the other
    sex (Sultana / SULTAN, Karima / KARIM) is another name whatever place it takes."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long == short + "a" and short.endswith(_FAMILY_FORM_ENDS) and (
        len(short) >= _NASAL_FAMILY_MIN or short.endswith(("ov", "ev")))


def _other_final_nasal(a: str, b: str) -> bool:
    """Two syllables ending in "n" and in "ng" (Zhan / Zhang, Bin / Bing, Chen / Cheng): in
    Chinese and Korean romanisations these are other syllables, so other names."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return short.endswith("n") and long == short + "g"


def other_common_name(query: str, listed: str, similarity: float) -> bool:
    """Whether a query's person-name token is a name of its own rather than a misspelling
    of the listed one it only looks like: the query writes, letter for letter, a name
    people commonly bear (`population_names.yml`, top 100 of some country), and it is two
    edits or more from the listed word (counted, not read off `similarity`: two edits in a
    word of nine letters or more still score `FAR_SIMILARITY` or above, and "Marinkovic"
    is no slip of MARKOVIC).

    A typist's slip seldom lands on a common name, and two slips in one word almost never
    do; so "Hana" against a listed KHANSA, "Kara" against KAYIIRA or "Anderson" against
    ANDERS is another person's own name, where "Hamad" against HAMMAD (one edit),
    "Mohamed" against MUHAMMAD (a fold of one name) or "Imran" against EMRAAN (the same
    consonants: vowels are what romanisations of one name differ in) still reads as the
    listed name. Only
    the query's spelling counts: a listed name is as the list writes it, a query may
    misspell it.
    """
    # (cheapest first: called for every near pair of every comparison; a set lookup before
    # the fold the caps are keyed by)
    if query == listed or query not in _spelled_names():
        return False
    if similarity >= FAR_SIMILARITY and max(len(query), len(listed)) < TWO_SLIPS_NEAR:
        return False  # (shorter words that near are one slip apart)
    if _caps().get(variant_key(fold(query)), 1.0) > KNOWN_NAME_CAP:
        return False
    # the same consonants are one name's spellings (Imran / EMRAAN, Mohammed / MAHAMED)
    return (OSA.distance(query, listed, score_cutoff=2) >= 2
            and _consonants(query) != _consonants(listed))


def most_common_spelled(query: str, listed: str) -> bool:
    """Whether a query's word, written letter for letter as a name among the most common
    people bear (top 10 of some country, `MOST_COMMON_WEIGHT`), is that name rather than a
    slip of a listed word only near it, other consonants than its own ("Hassan" against
    KASSAN). For a query whose names are all among the most common (the caller knows):
    so many people bear each of them that the name written exactly is far likelier than a
    typist's slip landing on it; vowels are what romanisations of one name differ in
    (Hasan / HASSAN, Mohamed / MAHAMED stay one name)."""
    if query == listed or query not in _spelled_names():
        return False
    return (_caps().get(variant_key(fold(query)), 1.0) <= MOST_COMMON_WEIGHT
            and _consonants(query) != _consonants(listed))


def common_agreement(weights: Sequence[float]) -> bool:
    """Whether every weight (of the pairs two people's names made) is that of a name
    people commonly bear (top 100 of some country, `KNOWN_NAME_CAP`), as weighed:
    thousands share such names, so their agreement is weak evidence of one person. (A
    bound's stand-in pairs weigh 1.0, so a bound of the score stays one.)"""
    return bool(weights) and all([w <= KNOWN_NAME_CAP for w in weights])


def writes_vowels(text: str) -> bool:
    """Whether a name is written in an alphabet that writes every vowel (Latin, Greek,
    Cyrillic: letters below U+0530), so that its final "a" or "o" is the name's own and not
    a romanisation's (Devanagari व्लादिमीर पुतिन romanises as "vladimira putina")."""
    return all([ord(ch) < 0x530 for ch in text])


def distinct_names(a: str, fa: str, b: str, fb: str, forms: bool = False,
                   given: bool = False) -> bool:
    """Whether two person-name tokens (raw a, b; folded fa, fb) are two different names
    people bear, not one name and a typo of it: both are common names
    (`population_names.yml`: one in the top 30 of some country, the other in the top 100)
    and one of their consonants is another, or one is the other's form for the other sex
    or, two given names (`given`: as `forms`, and neither is a surname), their last
    letters a vowel and a consonant (`_other_last_letter`: Mary / Mark)
    (`forms`: the caller knows both are written in an alphabet that writes every vowel,
    see `writes_vowels`, and are no family name's own forms, IVANOV / IVANOVA, which are
    one family's: `family_form`), or a syllable ending in "n" against one ending in "ng". "Fernandez"
    and "Hernandez", "Jing" and "Ming", "Kim" and "Kin", "Robert" and "Roberta", "Zhan"
    and "Zhang" are each a name of its own; spellings of one name that differ in vowels
    ("Yusuf" / "Yousef"), in another consonant more or less ("Sara" / "Sarah") or that
    fold alike stay alike.
    """
    if fa == fb:
        return False
    caps = _caps()
    ka, kb = caps.get(fa, 1.0), caps.get(fb, 1.0)
    if min(ka, kb) > DISTINCT_NAME_CAP or max(ka, kb) > KNOWN_NAME_CAP:
        return False
    # each a name as spelled, too: a typo whose fold is a common name is still a typo
    spelled = _spelled_names()
    if a not in spelled or b not in spelled:
        return False
    if ((forms and _gendered(a, b)) or (given and _other_last_letter(a, b))
            or _other_final_nasal(a, b)):
        return True
    ca, cb = _consonants(a), _consonants(b)
    # one consonant for another; letters more or less are as often a spelling or a form
    # of one name (Sara / Sarah, Steve / Steven, Susan / Susanne) as another name, and so
    # is a first consonant more or less (Elia / Delia, Oman / Roman: a typo's first slip)
    if len(ca) != len(cb) or ca == cb or (ca[1:] == cb[1:] and "a" in (ca[0], cb[0])):
        return False
    # beside a name of the top 100 only, an h for another consonant, or a voiced for a
    # voiceless one, is as often a romanisation (Korean Hyung / Myung, Hyong / Young are
    # written for one syllable; Ahmetov / Ahmedov, Alvin / Albin): Vahid / Zahid and
    # Ding / Jing are two names, Hernandez / Fernandez (both top 30) too
    return max(ka, kb) <= DISTINCT_NAME_CAP or all(
        x == y or not ("h" in (x, y) or x + y in _VOICING) for x, y in zip(ca, cb))
