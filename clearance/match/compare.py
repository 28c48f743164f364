"""Compare two prepared names: token similarity, best-pair alignment, weighted score.

Pure functions. `compare_names` aligns query tokens with candidate tokens (each used
once, best pairs first, joined/split words allowed), weights every token by its rarity on
the loaded lists, and returns the score together with the pairs that produced it, so the
explanation is the computation itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Hamming, Levenshtein

from clearance.match import hangul, pinyin, zh
from clearance.match.abjad import (
    ABJAD_SIDE,
    FINAL_VOWEL,
    KAF_HE,
    LATIN_SIDE,
    abjad_sides,
    consonantal,
    has_abjad,
    kaf_he_of,
    letter_bits,
    vowel_end,
)
from clearance.match.abjad import key as abjad_key
from clearance.match.abjad import similarity as abjad_similarity
from clearance.match.abjad import starts as abjad_starts
from clearance.match.fold import fold, skeleton
from clearance.match.guess import sure_fits, word_fits
from clearance.match.hebrew import misread, two_letter_pairs
from clearance.match.limits import MAX_FUZZY_TOKEN
from clearance.match.orgs import (
    CUT_WIDTH_MIN,
    SHARED_TRADE,
    SHORT_SLIP_MAX,
    Slips,
    activity_words,
    charge_designators,
    charge_trades,
    cut_start,
    cut_word,
    designator,
    industry,
    joined_initials,
    kind_similarity,
    legal_canonicals,
    may_be_cut,
    reaches_width,
    slipped_forms,
)
from clearance.match.places import (
    country_at,
    direction,
    is_city_mark,
    place_at,
    place_bits,
    place_goes_on,
)
from clearance.match.population import (
    DISTINCT_NAME_CAP,
    DISTINCT_NAME_SIMILARITY,
    MOST_COMMON_WEIGHT,
    common_agreement,
    common_name,
    distinct_names,
    family_form,
    most_common_spelled,
    other_common_name,
    population_cap,
    spelled_name,
    writes_vowels,
)
from clearance.match.prepare import (
    ARTICLES,
    GIVEN,
    HEAD,
    MIDDLE,
    SURNAME,
    Name,
    after_article,
    fold_key,
    is_suffix,
    name_roles,
    other_generations,
    person_role_words,
    same_generation,
    written_marks,
    written_words,
)
from clearance.match.registered import phrase_goes_on
from clearance.match.text import script_of, shown_word, typed_in_latin
from clearance.resources import load_resource

__all__ = [
    "PLACE_PENALTY",
    "QUERY_MIDDLE_PENALTY",
    "SUN_LETTERS",
    "SURNAME_PENALTY",
    "NameComparison",
    "QueryFacts",
    "TokenPair",
    "allowed_edits",
    "compound_heads",
    "designator_extra",
    "compare_names",
    "is_second_surname",
    "omission_cost",
    "mark_slips",
    "number_slip",
    "read_slipped_forms",
    "score_ceiling",
    "slips_apart",
    "token_similarity",
    "typed_mark_parts",
    "typed_numbers",
    "whole_given",
    "word_spans",
]


SHORT_EDIT_SIMILARITY: Final = {2: 0.3, 3: 0.4, 4: 0.6}
SHORT_WORD_MAX: Final = max(SHORT_EDIT_SIMILARITY)
TRANSPOSED_SIMILARITY: Final = 0.8


def allowed_edits(length: int) -> int:
    """Edits tolerated in a token of this length: none in short words, more in long ones."""
    if length <= 3:
        return 0
    if length <= 7:
        return 1
    if length <= 11:
        return 2
    return 3


def _edit_similarity(a: str, b: str) -> float:
    la, lb = len(a), len(b)
    length = max(la, lb)
    if length <= 4:
        # one edit in a short word is as often another name (huan/quan): weak evidence
        if length >= 2 and abs(la - lb) <= 1 and OSA.distance(a, b, score_cutoff=1) <= 1:
            if length == 4 and la == lb and sorted(a) == sorted(b):
                return TRANSPOSED_SIMILARITY
            return SHORT_EDIT_SIMILARITY[length]
        return 0.0
    budget = allowed_edits(length)
    if abs(la - lb) > budget + 1:  # at least that many edits: too far, without counting
        return 0.0
    dist = OSA.distance(a, b)
    if dist > budget:
        return max(0.0, 0.9 - 1.5 * dist / length) if dist <= budget + 1 else 0.0
    return min(0.95, 1.0 - 0.9 * dist / length)


def _vowelless(token: str) -> bool:
    """No vowel letter at all: an acronym, or a word written without vowels."""
    return all(ch not in "aeiou" for ch in token)


#: the shortest Latin word with no vowel that is read as letters (JSC 'SMN, NPK), not as
#: a name an abjad-script word could be romanised to (two letters may be a name: "Ng")
ACRONYM_MIN: Final = 3


def _acronym(token: str) -> bool:
    """A Latin word of `ACRONYM_MIN` or more letters with no vowel (not even y): an
    acronym or a code. An abjad-script word's romanised skeleton ("smn" for سامان) equal
    to it is a coincidence of letters: Latin script writes a name's vowels."""
    return len(token) >= ACRONYM_MIN and token.isalpha() and all(
        [ch not in "aeiouy" for ch in token])


def _unvocalised(token: str) -> bool:
    """No vowel after the first letter (how Arabic script romanises: "mhmd")."""
    return all(token[i] not in "aeiouy" for i in range(1, len(token)))


_SIMILARITIES: Final[dict[tuple[str, str, str, str], float]] = {}
_SIMILARITIES_MAX: Final = 1 << 20  # about 150 MB; emptied when full


def pin_memo() -> None:
    """Make the memo a tracked dict, so that a heap frozen next (`gc.freeze`) keeps it.

    Its tuple keys become untracked, and a full collection then untracks the dict itself;
    the next new key puts it back among the young objects, where the following collections
    walk all its entries (up to a million: pauses of tens of ms in a server). Tracked when
    the heap is frozen, it stays in the permanent generation, which no collection walks.
    """
    key = ("".join(["pin"]), "", "", "")  # built at run time: a tracked tuple
    _SIMILARITIES[key] = 0.0
    del _SIMILARITIES[key]
    _DISTINCT[(*key, False, False)] = False  # (the memo of `_distinct_names` likewise)
    del _DISTINCT[(*key, False, False)]


#: a name written as a registration mark: a prefix of one or two letters or digits, a
#: hyphen, three to five more (EP-ABC, 4L-XYZ, UP-A1234: ICAO Annex 7's nationality mark
#: and registration mark; a vessel's call sign or hull code written alike), in capitals
_MARK = re.compile(r"(?<![\w-])([A-Z0-9]{1,2})-([A-Z0-9]{3,5})(?![\w-])")
_CODE = re.compile(r"\w*\d\w*")
#: a registration mark as typed: its mark part may have lost or gained a character (EP-AB
#: for EP-ABC, EP-ABCDEF for EP-ABCDE), and the prefix may be typed apart (EP AB)
_TYPED_MARK = re.compile(r"(?<![\w-])([A-Z0-9]{1,2})[- ]([A-Z0-9]{2,6})(?![\w-])")


def code_words(text: str) -> frozenset[str]:
    """The folded words of `text` that are codes, not names: those holding a digit, and the
    two parts of a registration mark (`_MARK`; not an Arabic article's AL-, EL-). One such
    word a slip away is another craft's or company's code (EP-ABD is another aircraft
    than EP-ABC), not a slip: `search._units` does not look them up one slip away, and a
    craft's name pairs them only as written (`marks_of`)."""
    found = {w.lower() for w in _CODE.findall(text)}
    for prefix, mark in _mark_pairs(_MARK, text):
        found |= {prefix, mark}
    return frozenset(found)


def _mark_pairs(pattern: re.Pattern[str], text: str, whole: bool = False
                ) -> list[tuple[str, str]]:
    """The (prefix, part) pairs, folded, of the registration marks `pattern` (`_MARK`,
    `_TYPED_MARK`) finds in `text` (in capitals), or that all of `text` is (`whole`); an
    Arabic article joined to a name by a hyphen (AL-, EL-: AL-SAD) is no mark's prefix."""
    if whole:
        one = pattern.fullmatch(text)
        found = [one.groups()] if one is not None else []
    else:
        found = pattern.findall(text)
    return [(prefix.lower(), part.lower()) for prefix, part in found
            if prefix.lower() not in ARTICLES]


def marks_of(query: Name, cand: Name) -> frozenset[str]:
    """The words of two names of craft (a vessel's or an aircraft's, `score.CRAFT`) that are
    marks or codes (`code_words`, of either name in any case: a craft's mark typed in lower
    case is still its mark): such a word pairs with itself, run together or apart
    (EPIDA, EP IDA ~ EP-IDA), never with one that replaces a character of it: a mark or
    a hull code one character replaced names another craft of the series, not the same
    one mistyped (EP-IDB is not EP-IDA, YV1004 not YV1003). A character added, lost or
    two swapped ("RA-8y2013") still reads as a slip: no mark of the series is written so."""
    return code_words(query.text.upper()) | code_words(cand.text.upper())


def typed_mark_parts(text: str, craft: bool) -> frozenset[str]:
    """The folded mark parts of the registration marks `text` may hold as typed, one
    character lost or added (`_TYPED_MARK`; not an Arabic article's AL-, EL-): EP-AB's
    AB. `search._units` looks them up one character added. `craft`: the query names a
    vessel or an aircraft, whose words may be marks anywhere; another query's only when
    it is one mark with a hyphen, nothing else (EP-AB): a person's JO-ANN SMITH, LI NA or
    a company's words are no mark."""
    if craft:
        found = _mark_pairs(_TYPED_MARK, text.upper())
    else:
        found = _mark_pairs(_TYPED_MARK, text.strip().upper(), whole=True) if "-" in text else []
    return frozenset([mark for _, mark in found])


def mark_slips(query: Name, cand: Name) -> frozenset[tuple[str, str]]:
    """The pairs (query word, listed word) of two craft names' mark parts under one prefix
    (EP-AB, EP-ABC) that are one character lost or added apart: a typist's slip, not
    another mark of the series (a register allots a series' marks in one length), scored
    `MARK_SLIP_SIMILARITY`. A mark part one character replaced is another craft
    (`_replaced`)."""
    listed = _mark_pairs(_MARK, cand.text.upper())
    if not listed:
        return _NO_SLIPS
    found = [(mark, part) for prefix, mark in _mark_pairs(_TYPED_MARK, query.text.upper())
             for p, part in listed if prefix == p
             and abs(len(mark) - len(part)) == 1
             and OSA.distance(mark, part, score_cutoff=1) == 1]
    return frozenset(found) if found else _NO_SLIPS


def number_slip(qt: str, ct: str, numbers: frozenset[str]) -> bool:
    """Whether a query word of `numbers` (`typed_numbers`) and the listed word `ct` are two
    numbers one digit lost or added apart (RA-5512 for RA-55123, `digit_slip`): numbers
    of two digits pair only as written (`token_similarity`: 0), and `compare_names` lifts
    such a pair of a craft's names (of one mark's parts, `mark_slips`, or two numbers);
    `bound._mask` counts it."""
    return qt in numbers and ct.isdigit() and digit_slip(qt, ct)


def typed_numbers(text: str) -> frozenset[str]:
    """The numbers of two digits or more `text` holds (runs of digits: a superset of its
    words that are), the query words `number_slip` reads: a craft's mark parts typed
    (`typed_mark_parts`: RA-5512) and its numbers standing alone (MSN 39). A name without
    a digit, most, is read no further: `bound.QueryBound` asks it of every query name."""
    if _DIGIT.search(text) is None:
        return _NO_NUMBERS
    return frozenset(_NUMBER.findall(text))


def digit_slip(a: str, b: str) -> bool:
    """Whether two numbers are one digit lost or added apart, the shorter of two digits or
    more (39 and 391, 786 and 7876): of a craft's name, a typist's slip (`compare_names`);
    one digit replaced is another craft of the series (`_replaced`)."""
    return (abs(len(a) - len(b)) == 1 and min(len(a), len(b)) >= 2
            and OSA.distance(a, b, score_cutoff=1) == 1)


_DIGIT: Final = re.compile(r"\d")
#: the digits of a text's numbers of two digits or more (a superset of its words that are)
_NUMBER: Final = re.compile(r"\d{2,}")
_NO_NUMBERS: Final[frozenset[str]] = frozenset()


_NO_SLIPS: Final[frozenset[tuple[str, str]]] = frozenset()
#: a craft's mark part one character lost or added (`mark_slips`): a near spelling's 0.8
#: and more, as a slip in a word of five or more letters reads
MARK_SLIP_SIMILARITY: Final = 0.85
#: the same, the character lost or added inside the part (EP-OA for EP-MOA): a slip too,
#: ranked below the marks the typed part starts (EP-MOx for EP-MO), whose last character
#: was lost, whatever their words' weights (0.91 to 0.905: how many names share them)
INNER_MARK_SLIP_SIMILARITY: Final = 0.84
#: the similarity below which a mark part one character lost or added is lifted to
#: `MARK_SLIP_SIMILARITY`: a near spelling's (a slip in a part of five characters, 0.82,
#: reads as it did)
NEAR_MARK_SIMILARITY: Final = 0.8
#: a craft's number one digit lost or added at its end (`digit_slip`: MSN 39 for
#: MSN 391), as `_token_similarity` reads one of three digits or more
NUMBER_SLIP_SIMILARITY: Final = 0.8
#: the same, the digit lost or added inside (786 for 7876): ranked below the numbers the
#: typed one starts, as `INNER_MARK_SLIP_SIMILARITY` ranks a mark part
INNER_NUMBER_SLIP_SIMILARITY: Final = 0.79


_DISTINCT: Final[dict[tuple[str, str, str, str, bool, bool], bool]] = {}
_DISTINCT_MAX: Final = 1 << 17


def _distinct_names(a: str, fa: str, b: str, fb: str, forms: bool, given: bool) -> bool:
    """`population.distinct_names`, memoised: the same pairs of common names recur in
    query after query (Maria / Mario), and each answer costs two regular-expression
    substitutions and several table lookups (about a twentieth of a comparison)."""
    key = (a, fa, b, fb, forms, given)
    known = _DISTINCT.get(key)
    if known is None:
        known = distinct_names(a, fa, b, fb, forms, given)
        if len(a) <= MAX_FUZZY_TOKEN and len(b) <= MAX_FUZZY_TOKEN:  # no hostile keys
            if len(_DISTINCT) >= _DISTINCT_MAX:
                _DISTINCT.clear()
            _DISTINCT[key] = known
    return known


def token_similarity(a: str, fa: str, b: str, fb: str, shape_a: TokenShape | None = None
                     ) -> float:
    """Similarity in [0, 1] of two tokens (raw a, b; folded fa, fb).

    Exact 1.0; same folded spelling 0.95 (when the raw spellings are within a few edits);
    within the length-aware edit budget (optimal string alignment: a transposition is one
    edit), 1 - 0.9 x edits/length (0.5 for four letters); an unvocalised token (Arabic
    script: "mhmd") equal to the other's consonant skeleton 0.8; numbers match exactly (or
    0.8 for one slip in five or more digits, or one digit lost or added in three or
    more: `NUMBER_SLIP_MIN`). A token longer than any real word
    (`MAX_FUZZY_TOKEN`) agrees only exactly, and takes no slot in the cache.
    `shape_a`: `TokenShape(a, fa)`, when the caller has it: a pair not in the cache that
    `similar_possible` rules out (most pairs of words of two names) is 0.0 without
    `_token_similarity`.
    """
    if len(a) > MAX_FUZZY_TOKEN or len(b) > MAX_FUZZY_TOKEN:
        return 1.0 if a == b else 0.0
    key = (a, fa, b, fb)
    known = _SIMILARITIES.get(key)
    if known is not None:
        return known
    if shape_a is not None and not similar_possible(shape_a, token_shape(b, fb)):
        sim = 0.0
    else:
        sim = _token_similarity(a, fa, b, fb)
    if len(_SIMILARITIES) >= _SIMILARITIES_MAX:
        _SIMILARITIES.clear()
    _SIMILARITIES[key] = sim
    return sim


class TokenShape:
    """What `similar_possible` reads of a token (raw and folded): lengths, letters as a bit
    set (`letter_bits`), and whether it is written without vowels (`_unvocalised`)."""

    def __init__(self, token: str, folded: str) -> None:
        self.token = token
        self.folded = folded
        self.size = len(token)
        self.size_f = len(folded)
        self.bits = letter_bits(token)
        self.bits_f = letter_bits(folded)
        self.unvocalised = _unvocalised(token)
        # consonant skeletons (raw, folded), when first needed
        self.skeletons: tuple[str, str] | None = None

    def skeleton_pair(self) -> tuple[str, str]:
        """`fold.skeleton` of the raw and of the folded token."""
        pair = self.skeletons
        if pair is None:
            pair = self.skeletons = (skeleton(self.token), skeleton(self.folded))
        return pair


_SHAPES: Final[dict[tuple[str, str], TokenShape]] = {}
_SHAPES_MAX: Final = 1 << 16  # emptied when full


def token_shape(token: str, folded: str) -> TokenShape:
    """`TokenShape(token, folded)` of a listed word, memoised: the words of the names the
    index proposes recur in query after query, and each query's bound and comparisons asked
    for a new shape of each (letter sets, then consonant skeletons: about a tenth of the
    work of `match_query`)."""
    key = (token, folded)
    shape = _SHAPES.get(key)
    if shape is None:
        if len(_SHAPES) >= _SHAPES_MAX:
            _SHAPES.clear()
        shape = _SHAPES[key] = TokenShape(token, folded)
    return shape


def _at_most(bits: int, count: int) -> bool:
    """Whether at most `count` bits are set."""
    while bits:
        if count == 0:
            return False
        bits &= bits - 1
        count -= 1
    return True


def _within_edits(size_a: int, size_b: int, bits_a: int, bits_b: int, edits: int) -> bool:
    """Whether two words of these lengths and letter bits may be `edits` or fewer edits
    apart (optimal string alignment): the edits are at least the length difference and at
    least the letters (bits) either word has that the other lacks (an insertion, deletion
    or substitution removes at most one such letter from each side; a transposition none)."""
    if size_a - size_b > edits or size_b - size_a > edits:
        return False
    return _at_most(bits_a & ~bits_b, edits) and _at_most(bits_b & ~bits_a, edits)


def _may_be_near(size_a: int, size_b: int, bits_a: int, bits_b: int) -> bool:
    """Whether `_edit_similarity` of two words of these lengths and letter bits may be above
    zero: it needs at most one edit when the longer has four letters or fewer, else at most
    `allowed_edits` + 1 (`_within_edits`)."""
    longest = max(size_a, size_b)
    return _within_edits(size_a, size_b, bits_a, bits_b,
                         1 if longest <= 4 else allowed_edits(longest) + 1)


def _fold_reach(length: int) -> int:
    """The most edits between two spellings, the longer of `length` letters, that still
    lets their folds' similarity count (`_token_similarity`: not rui/rouji)."""
    return max(1, length // 3) if length <= 6 else length // 2


def similar_possible(a: TokenShape, b: TokenShape) -> bool:
    """False only when `token_similarity` of the two tokens is 0.0, told for a fraction of
    its cost (most pairs of words of two names share few letters).

    `_token_similarity` gives a similarity above zero by: equal raw tokens, equal folds, the
    edit similarity of the folds or of the raw tokens (numbers: one slip, an edit too), or
    the consonant skeleton of a token with no vowel after its first letter. Equal raw
    tokens, numbers and the raw tokens' similarity need them within `_may_be_near`; the
    folds' similarity the folds so, and the raw tokens within `_fold_reach` edits; the
    last one an unvocalised raw token on one side, two letters or more on both, and equal
    skeletons of the folded tokens or (where the rules before it fall back to the raw
    spellings) of the raw ones.
    """
    if _may_be_near(a.size, b.size, a.bits, b.bits):
        return True
    # (equal folds are near: their similarity is above zero whatever the spellings)
    if _may_be_near(a.size_f, b.size_f, a.bits_f, b.bits_f) and (
            a.folded == b.folded
            or _within_edits(a.size, b.size, a.bits, b.bits, _fold_reach(max(a.size, b.size)))):
        return True
    if not (a.unvocalised or b.unvocalised):
        return False
    if max(a.size, a.size_f) < 2 or max(b.size, b.size_f) < 2:
        return False  # (the skeleton rule needs two letters on both sides: not initials)
    sa, sfa = a.skeleton_pair()
    sb, sfb = b.skeleton_pair()
    return sfa == sfb or sa == sb


#: the fewest digits of a number read through a digit lost or added (`_token_similarity`)
NUMBER_SLIP_MIN: Final = 3


def _token_similarity(a: str, fa: str, b: str, fb: str, skeletons: bool = True) -> float:
    """`token_similarity` uncached; `skeletons` False leaves out the consonant-skeleton
    rule (an abjad word against a Latin one: its spelling pattern decides instead)."""
    if a == b:
        return 1.0
    if a.isdigit() and b.isdigit():
        # numbers: exact, one slip in a long one, or one digit lost or added in one of
        # three digits or more (GRUPO 200 for GRUPO 2004: a typist's slip; a digit
        # replaced is another number, 2005)
        if min(len(a), len(b)) < NUMBER_SLIP_MIN or OSA.distance(a, b, score_cutoff=1) > 1:
            return 0.0
        return 0.8 if min(len(a), len(b)) >= 5 or len(a) != len(b) else 0.0
    if _vowelless(a) and _vowelless(b):
        # acronyms (CRRC, CRCC): each letter stands for a word, so the folds that merge
        # doubled letters or letter groups would merge two companies' names
        fa, fb = a, b
    if fa == fb and (fold(a) != fa or fold(b) != fb):
        return 0.95  # a given-name group from name_variants.yml
    folded = 1.0 if fa == fb else _edit_similarity(fa, fb)
    if folded > 0.0:
        # folds are trusted only while the spellings themselves stay close (not rui/rouji)
        if OSA.distance(a, b) > _fold_reach(max(len(a), len(b))):
            fa, fb, folded = a, b, 0.0
        elif fa == fb:
            return 0.95
    best = max(_edit_similarity(a, b), 0.95 * folded)
    # an unvocalised token (no vowel after its first letter: only such a token can be its
    # own skeleton) against a vocalised one; short skeletons ("nr" ~ Nur) count only when
    # the vowels are all that differ
    # (the raw token too: "yang" folds to "ang", which only looks unvocalised)
    if skeletons and best < 0.8 and min(len(fa), len(fb)) >= 2 and (
            (_unvocalised(a) and _unvocalised(fa)) or (_unvocalised(b) and _unvocalised(fb))):
        sa, sb = skeleton(fa), skeleton(fb)
        if sa == sb and (sa == fa or sb == fb) and fa != fb and (
                len(sa) >= 3 or abs(len(fa) - len(fb)) == 1):
            best = max(best, 0.8 if len(sa) >= 3 else 0.7)
    return best


# (both classes write their own __init__: the one `dataclass` generates is interpreted
# Python even in the compiled module, and cost about a twentieth of a comparison)
@dataclass(init=False)
class TokenPair:
    """Query token(s) aligned with candidate token(s), their similarity and weight."""

    query: str
    candidate: str
    similarity: float
    weight: float

    def __init__(self, query: str, candidate: str, similarity: float, weight: float) -> None:
        self.query = query
        self.candidate = candidate
        self.similarity = similarity
        self.weight = weight


_NOTHING_READ: Final[Mapping[str, str]] = {}


@dataclass(init=False)
class NameComparison:
    """Score of one query name against one candidate name, with its working."""

    score: float
    pairs: list[TokenPair]
    unmatched_query: list[str]
    unmatched_candidate: list[str]
    strongest: float  # the largest weight among matched tokens
    distinct_leftover: bool  # an unmatched token that is not a generic word
    query_words: int  # tokens that are not role words (legal forms, particles)
    cand_words: int
    person: bool  # compared as people's names
    lone_common_name: bool  # (organisations) only a common name agrees, not the whole name
    #: (people) the generational suffixes left unpaired (Jr., III), each side's; they are
    #: in `unmatched_query` / `unmatched_candidate` too, and explained apart
    query_suffixes: tuple[str, ...]
    cand_suffixes: tuple[str, ...]

    def __init__(self, score: float, pairs: list[TokenPair] | None = None,
                 unmatched_query: list[str] | None = None,
                 unmatched_candidate: list[str] | None = None, strongest: float = 0.0,
                 distinct_leftover: bool = False, query_words: int = 0, cand_words: int = 0,
                 person: bool = False) -> None:
        self.score = score
        self.pairs = [] if pairs is None else pairs
        self.unmatched_query = [] if unmatched_query is None else unmatched_query
        self.unmatched_candidate = [] if unmatched_candidate is None else unmatched_candidate
        self.strongest = strongest
        self.distinct_leftover = distinct_leftover
        self.query_words = query_words
        self.cand_words = cand_words
        self.person = person
        self.lone_common_name = False
        self.query_suffixes = self.cand_suffixes = ()

    def explain(self, read: Mapping[str, str] = _NOTHING_READ) -> str:
        """The pairs and the words left over; `read`: query tokens shown with the words
        the query wrote for them ("comp (co)": `orgs.cut_form_read`)."""
        def shown(token: str) -> str:
            word = shown_word(token)
            return f"{read[token]} ({word})" if token in read else word

        parts = [f"{shown(p.query)}~{shown_word(p.candidate)} "
                 f"({p.similarity:.2f}, w={p.weight:.2f})" for p in self.pairs]
        q_only = [t for t in self.unmatched_query if t not in self.query_suffixes]
        c_only = [t for t in self.unmatched_candidate if t not in self.cand_suffixes]
        if q_only:
            parts.append("query only: " + " ".join(map(shown, q_only)))
        if c_only:
            parts.append("list only: " + " ".join(map(shown_word, c_only)))
        # (people) a suffix is which of a family's namesakes, not a word of the name
        for side, suffixes, others in (("query", self.query_suffixes, self.cand_suffixes),
                                       ("list", self.cand_suffixes, self.query_suffixes)):
            for t in suffixes:
                other = [o for o in others if other_generations(t, o)]
                parts.append(f"{t}: generational suffix, {side} only"
                             + (f" (another generation than {other[0]})" if other else ""))
        return "; ".join(parts)


Weigher = Callable[[str, bool], float]
JOIN_MIN: Final = 0.85
CONFLICT_WEIGHT: Final = 0.5  # the least a name conflicting with another one weighs
SURE_SIMILARITY: Final = 0.95  # at or above: the same name (exact, a fold, a name group)
INITIAL_SIMILARITY: Final = 0.7  # "J." for "Jean": agrees, but says less than the full name
JOIN_WORTH: Final = 0.5  # skip looking for joined words when even a perfect join scores below this
COMMON_WEIGHT: Final = 0.25  # at or below: a generic or very common word
_NO_MARKS: Final[dict[str, int]] = {}  # (a Latin name's: `written_marks`)
_NO_PAIRS: Final[frozenset[str]] = frozenset()  # (`two_letter_pairs` of no Hebrew)
ABJAD_SIMILARITY: Final = 0.9  # the most an abjad spelling match gives (abjad.similarity)
PLACE_PENALTY: Final = 0.2  # a place only one side of an organisation's name gives
SURNAME_PENALTY: Final = 0.6  # a second (Hispanic maternal) surname only the list gives
QUERY_MIDDLE_PENALTY: Final = 0.35  # a middle name only the query gives
#: the last of a longer query's names, beside a listed name that agrees in full (a chain
#: or a family name the list leaves out)
QUERY_LAST_PENALTY: Final = 0.5


def omission_cost(roles: Sequence[int], j: int, middle: float, full: float,
                  second_surname: float) -> float:
    """What leaving out token `j` of a listed person's name costs, by its role there.

    Roles come from the list's "SURNAMES, Given Middle" form (`prepare.name_roles`): middle
    names are commonly omitted (`middle`); the first given name and the first surname are
    not (`full`); of two or more surnames the last (the Hispanic maternal surname) may be,
    at `second_surname`. Without that structure a token is treated as a middle name.
    """
    role = roles[j] if j < len(roles) else MIDDLE
    if role == GIVEN:
        return full
    if role == SURNAME:
        return second_surname if is_second_surname(roles, j) else full
    return middle


def _distinct_pair(pairs: Sequence[TokenPair], listed: str) -> bool:
    """Whether a listed word paired, weighing more than a name among the 30 most common of
    some country (`population.DISTINCT_NAME_CAP`)."""
    return any([p.candidate == listed and p.weight > DISTINCT_NAME_CAP for p in pairs])


def is_second_surname(roles: Sequence[int], j: int) -> bool:
    """Whether token `j` is the last of two or more surnames of a listed "SURNAMES, Given"
    name (`prepare.name_roles`): the Hispanic second (maternal) surname."""
    return (j < len(roles) and roles[j] == SURNAME and j > 0 and roles[j - 1] == SURNAME
            and (j + 1 >= len(roles) or roles[j + 1] != SURNAME))


_PATRONYMIC: Final = ("ovich", "evich", "ovitch", "evitch", "ovic", "evic", "ovna", "evna", "ichna",
                      "ogly", "oglu", "kyzy", "qizi")


#: the last two letters of each of those forms: most words end otherwise, told without
#: trying every form
_PATRONYMIC_ENDS: Final = frozenset(form[-2:] for form in _PATRONYMIC)


def is_patronymic(token: str) -> bool:
    """Russian/Ukrainian/Turkic father's-name forms: Vladimirovich, Ivanovna, Aliyev ogly."""
    return len(token) >= 6 and token[-2:] in _PATRONYMIC_ENDS and token.endswith(_PATRONYMIC)


_WORD_SETS: dict[str, frozenset[str]] = {}


def _word_set(name: str) -> frozenset[str]:
    """A word list of generic_words.yml as a set, loaded once. (Not `functools.cache`: a
    call through its wrapper costs the compiled caller about ten times a dict lookup, and
    comparisons ask for these sets several times each.)"""
    found = _WORD_SETS.get(name)
    if found is None:
        found = _WORD_SETS[name] = frozenset(
            str(w) for w in load_resource("generic_words")[name])
    return found


def _nasab_particles() -> frozenset[str]:
    return _word_set("nasab_particles")


def compound_heads() -> frozenset[str]:
    """The first halves of two-word names ("Abd" of "Abd al-Rahman"), generic_words.yml."""
    return _word_set("compound_heads")


def _compound_tails() -> frozenset[str]:
    return _word_set("compound_tails")


def _any_compound_tails() -> frozenset[str]:
    """The second halves of a compound given name, romanised from Arabic script (`compound_tails`)
    or in Latin letters (`latin_compound_tails`: Ullah, Uddin, Eddine); the union made once
    (`_tails` asks it of every comparison of a person)."""
    if not _ANY_TAILS:
        _ANY_TAILS.append(_word_set("compound_tails") | _word_set("latin_compound_tails"))
    return _ANY_TAILS[0]


_ANY_TAILS: list[frozenset[str]] = []


def _abjad_compound_heads() -> frozenset[str]:
    return _word_set("abjad_compound_heads")


_NO_HEADS: Final[frozenset[int]] = frozenset()


def _own_names(tokens: tuple[str, ...], run: list[int]) -> bool:
    """Whether words of a person's name in Arabic, Persian or Hebrew script that a join ran
    together are names of their own, no part of a compound (عبد الله "abd allh" is one
    name, ABDULLAH): two such names read as one listed word are still two names of the
    query, which a one-word listed name does not match alone (איה סלע "ayh sl", Aya Sela,
    run together met the one-word name SALEH)."""
    heads, tails, abjad_heads = compound_heads(), _compound_tails(), _abjad_compound_heads()
    return not any([tokens[i] in heads or tokens[i] in tails or tokens[i] in abjad_heads
                    or tokens[i] in ARTICLES for i in run])


def _abjad_compound_starts(tokens: tuple[str, ...]) -> frozenset[int]:
    """Positions of the words of a romanised abjad name that a compound tail follows, with
    or without the article: امین الله "amyn allh", نور الدين "nwr al dyn" (the first half of
    one name of two or three words)."""
    tails = _compound_tails()
    if tails.isdisjoint(tokens):
        return _NO_HEADS
    return frozenset([k for k in range(len(tokens) - 1)
                      if tokens[k] != "al" and (tokens[k + 1] in tails or (
                          tokens[k + 1] == "al" and k + 2 < len(tokens)
                          and tokens[k + 2] in tails))])


def _heads(tokens: Sequence[str], legal: Sequence[bool], joined: set[int]) -> int:
    """How many tokens are the first half of a two-word name ("Abd" in "Abd Allah"), in a
    name that has another word for the second half (tokens a join already merged aside)."""
    heads = compound_heads()
    if heads.isdisjoint(tokens):
        return 0  # most names: no compound at all
    names = [t for k, (t, lf) in enumerate(zip(tokens, legal)) if not lf and k not in joined]
    found = sum([1 for t in names if t in heads])
    return min(found, len(names) - 1) if found else 0


def _tails(tokens: Sequence[str], legal: Sequence[bool], joined: set[int], after: bool) -> int:
    """How many tokens are the second half of a compound given name written apart (Ullah,
    الله "allh", Uddin), in a name that has another word for its first half (tokens a join
    already merged aside). `after`: only a tail after a name word counts (a query's "Ehsan
    Ullah"); a listed name may put it first ("ULLAH, Ehsan")."""
    tails = _any_compound_tails()
    if tails.isdisjoint(tokens) or not compound_heads().isdisjoint(tokens):
        return 0  # most names: no compound at all (an Abd compound: `_heads` counts it)
    found = sum([1 for k, t in enumerate(tokens)
                 if t in tails and not legal[k] and k not in joined
                 and (not after or (k > 0 and not legal[k - 1] and k - 1 not in joined))])
    names = sum([1 for k, lf in enumerate(legal) if not lf and k not in joined])
    return min(found, names - 1) if found else 0


def generations(tokens: Sequence[str], legal: Sequence[bool]) -> list[int]:
    """Generation of each name in a nasab chain ("X bin Y bin Z": X 0, Y 1, Z 2); -1 for
    names outside a chain (a family name after it, a surname before a comma) and for names
    without one. A particle links two names (not "AL BIN ALI", a family name): a chain is
    a run of name, particle, name ..."""
    particles = _nasab_particles()
    out = [-1] * len(tokens)
    for k in range(1, len(tokens) - 1):
        # the article of the next name belongs to it: كمال بن المولدي "kml bn al mwldy"
        nxt = k + 2 if tokens[k + 1] in ARTICLES and k + 2 < len(tokens) else k + 1
        if (legal[k] and tokens[k] in particles and not legal[k - 1]
                and not legal[nxt]):
            if out[k - 1] < 0:
                # the chain starts: its first name is the person's own, unless a particle
                # stands before it ("BEN MOHAMED BEN ALI KAMMOUN, Mehdi": the lists' surname
                # part, all ancestors)
                out[k - 1] = 1 if k >= 2 and tokens[k - 2] in particles else 0
            out[nxt] = out[k - 1] + 1
    return out


def _own_given(q_tokens: tuple[str, ...], q_legal: tuple[bool, ...], cand_roles: Sequence[int],
               n_cand: int) -> tuple[list[int], list[int]]:
    """Generations (`generations`) for a query named by a nasab chain ("Mohamed Ben Ali":
    Mohamed, son of Ali) against a listed "SURNAME, Given" name without one: the listed
    given name is the person's own name (generation 0), which an ancestor's name of the
    query is not ("MOHAMMED, Ali" is Ali, not the son of Ali); the listed surname may be
    any link (-1). ([], []) when the query has no chain or the roles do not line up."""
    q_gen = generations(q_tokens, q_legal)
    own = [0 if role in (GIVEN, HEAD) else -1 for role in cand_roles]
    if len(cand_roles) != n_cand or 0 not in own or max(q_gen, default=-1) < 1:
        return [], []
    return q_gen, own


def whole_given(text: str) -> bool:
    """Whether a person's name is written in Han or Hangul script, where the given name is
    one word of one to three syllables (陈海东: Chen Haidong), written whole: no syllable of
    it is a middle name a writer may leave out."""
    return zh.has_han(text) or hangul.has_hangul(text)


#: words that mark a name written in Hebrew letters as an Arab one (אבו "father of"), beside
#: `nasab_particles` (בן / בנת "bn", "bnt"; בין is read as BIN: `hebrew.read_particles`)
_HEBREW_ARAB_MARKS: Final = frozenset({"abw"})


def nasab_chain(text: str, tokens: Sequence[str]) -> bool:
    """Whether a person's name in an abjad script reads as a nasab chain (own name, father's,
    grandfather's ...), of which a list often writes only the first links: an Arabic- or
    Persian-script name does; one in Hebrew letters only where it holds an Arab name's
    particle (אחמד בן עלי). Other Hebrew names are given name(s) and a family name, as
    Israel's registers write Jewish names (שולה חיים אברהם is no chain a list cut short
    to "IBRAHIM, Sholeh": its middle name tells two people apart)."""
    if script_of(text) != "hebrew":
        return True
    particles = _nasab_particles()
    return any([t in particles or t in _HEBREW_ARAB_MARKS for t in tokens])


_NO_SYLLABLES: Final[dict[str, tuple[str, ...]]] = {}


class QueryFacts:
    """What `compare_names` reads of the query name alone, worked out once per query by a
    caller of many comparisons (`engine._Comparer`) instead of once per comparison: script
    searches over the query's text (the Han and Hangul ones of `whole_given` ran in most
    comparisons of people)."""

    def __init__(self, query: Name) -> None:
        text = query.text
        self.whole_given = whole_given(text)
        self.writes_vowels = writes_vowels(text)
        self.han = zh.has_han(text)
        # (people) the Mandarin reading's words of a Han name, with their syllables
        self.syllables = pinyin.person_syllables(text) if self.han else _NO_SYLLABLES
        self.abjad = has_abjad(text)
        self.chain = self.abjad and nasab_chain(text, query.tokens)
        self.shapes = [TokenShape(t, f) for t, f in zip(query.tokens, query.folded)]
        # which words `abjad.similarity` may read as the abjad side, and which as the Latin
        # side (`abjad_sides`): asked of every unvocalised pair, so once per query word
        self.abjad_sides = [abjad_sides(t) for t in query.tokens]
        # (a reading from another script) the test of each guessed word's pairs
        self.guessed = word_fits(text, query.tokens)
        self.guessed_sure = sure_fits(text)


def _korean_given(given: str, tokens: tuple[str, ...], legal: tuple[bool, ...],
                  free: set[int]) -> list[int]:
    """Two or three adjacent free listed words that spell a Korean given name's syllables
    ("Yong Su", "Su-jeong" for 수정), [] if none: a romanisation's spelling is the same name
    however far its letters are from ours ("soo jeong" ~ "sujeong"); a syllable it lacks or
    changes (영숙 "yeongsuk" ~ "Yong Su") is another name, however near its letters."""
    for a in sorted(free):
        for size in (2, 3):
            run = list(range(a, a + size))
            if (run[-1] < len(tokens) and all(k in free and not legal[k] for k in run)
                    and hangul.given_agrees(given, "".join([tokens[k] for k in run]))):
                return run
    return []


def _titles(name: Name, titles: frozenset[str]) -> list[bool]:
    """Which tokens of a name are titles: title words, unless the article makes a family
    name of one (AL-SHEIKH); none of a name in abjad script, whose romanised letters only
    look like a title (מס "ms")."""
    tokens = name.tokens
    if has_abjad(name.text):
        return [False] * len(tokens)
    return [t in titles and not after_article(tokens, k)
            for k, t in enumerate(tokens)]


#: the shortest title whose misspelling `_misspelt_titles` recognises (HAJJI, MULLAH)
TITLE_SLIP_MIN: Final = 5


@cache
def _abjad_particles_before() -> frozenset[str]:
    """The particles before a name that Arabic script writes as words of their own (ABU,
    IBN, BIN, BINT, OULD: `person_particles` that are also `abjad_role_words`)."""
    before = person_role_words()[0]
    return frozenset(str(w) for w in load_resource("generic_words")["abjad_role_words"]
                     if w in before)


def _inverted_last_particle(query: Name, cand: Name, j: int, abjad_query: bool) -> bool:
    """Whether listed token `j` is an Arabic particle that ends a name written inverted
    ("ABBAS, Abu" is Abu Abbas, the kunya written after the comma), beside a query in
    abjad script of as many words: `prepare._person_roles` flags such a particle only
    after two given words ("XU, Bin" is a given name), but a query that writes the
    particle in the script (أبو, אבו) says which it is, so its particle pairs with the
    listed one. Only a query that is that name alone (أبو عباس): the script's words
    weigh as the Latin words they pair with, an unpaired one less, so beside a name more
    (أبو ياسر زياد ~ YASIR, Abu 0.80) the script would alert where the same name in Latin
    letters does not (ABU YASIR ZIAD 0.73)."""
    return (abjad_query and j == len(cand.tokens) - 1 and "," in cand.text
            and len(query.tokens) == len(cand.tokens)
            and cand.tokens[j] in _abjad_particles_before())


def _misspelt_titles(q_tokens: Sequence[str], q_title: list[bool], c_tokens: Sequence[str],
                     c_title: Sequence[bool], unvocalised: bool) -> None:
    """Mark a query token one slip from a title the listed name gives as that title
    ("Hapjji TAYSIR" for "TAYSIR, Hajji"): a misspelt title is no name of the person, and
    as a name it would conflict with the listed names. Titles of five letters or more only
    (a slip in a shorter word makes another word). A romanised abjad word (`unvocalised`)
    that spells the title (شيخ "shykh", SHAIKH: `abjad.similarity`) is that title too:
    the Latin title's set does not hold every abjad spelling of it."""
    given = [c_tokens[j] for j in range(len(c_tokens)) if c_title[j]]
    listed = [title for title in given if len(title) >= TITLE_SLIP_MIN]
    for i, t in enumerate(q_tokens):
        if not q_title[i]:
            q_title[i] = (len(t) >= TITLE_SLIP_MIN - 1 and any(
                OSA.distance(t, title, score_cutoff=1) <= 1 for title in listed)) or (
                unvocalised and any(abjad_similarity(t, title) >= ABJAD_SIMILARITY
                                    for title in given))


def _other_nasal(a: str, b: str) -> bool:
    """Whether two words differ only in a syllable ending in "n" in one and in "ng" in the
    other, inside the word or at its end ("jianping" / "jiangping", "jinfeng" /
    "jingfeng"): pinyin syllables of other characters."""
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    k = 0
    while k < len(short) and short[k] == long[k]:
        k += 1
    return k > 0 and long[k] == "g" and long[k - 1] == "n" and long[k + 1:] == short[k:]


def _unwritten_long_end(a: str, b: str) -> bool:
    """Of an abjad word and a Latin one, the Latin ends with i or u where the abjad word
    ends with a consonant: a final long vowel is written in Arabic and Hebrew script."""
    abjad, latin = (a, b) if consonantal(a) else (b, a)
    return latin[-1:] in ("i", "u") and abjad[-1:] not in ("w", "y", "h")


def _other_skeleton(a: str, b: str) -> bool:
    """Two romanised abjad words (consonant skeletons) that start with different consonant
    classes: a letter of a skeleton of four or five is as much of the name as a syllable,
    and the first one makes another name (غامدي / احمدي), while a slip inside a word is
    the commonest misspelling (נתניחו / נתניהו)."""
    return (consonantal(a) and consonantal(b)
            and abjad_key(a)[:1] != abjad_key(b)[:1])


#: below: a pair of short tokens is judged by their written words too (`_word_slip`)
WORD_SLIP_SIMILARITY: Final = 0.8
#: the shortest written word (letters of its tokens) whose one slip `_word_slip` weighs as
#: one in the word, not in the short token it falls in
WORD_SLIP_MIN: Final = 5


def word_spans(name: Name) -> tuple[tuple[int, int], ...]:
    """The span (first token, end) of the written word of each token of a name
    (`prepare.written_words`), () at once for a name with no word of two tokens or more
    (most names: no hyphen or apostrophe, and no more tokens than words)."""
    text = name.text
    if not ("-" in text or "'" in text) and len(text.split()) >= len(name.tokens):
        return ()
    key = (text, name.tokens)
    spans = _WORD_SPANS.get(key)
    if spans is None:
        spans = _spans(written_words(text, name.tokens))
        if len(text) <= 4 * MAX_FUZZY_TOKEN:  # no hostile keys
            if len(_WORD_SPANS) >= _WORD_SPANS_MAX:
                _WORD_SPANS.clear()
            _WORD_SPANS[key] = spans
    return spans


#: `word_spans` of the names of two tokens or more to a word, kept: a listed name's are
#: asked by `engine._left_out` for each query that proposes it and by its comparisons,
#: and each costs `prepare.written_words` (some 45,000 instructions, interpreted); an
#: entry ~300 bytes (its text and tokens are the name's own), at most ~5 MB a process
_WORD_SPANS: Final[dict[tuple[str, tuple[str, ...]], tuple[tuple[int, int], ...]]] = {}
_WORD_SPANS_MAX: Final = 1 << 14


@cache
def _spans(words: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    """Per token, the span of its word in `words` (a word's tokens are adjacent); () when
    every word is one token."""
    spans: list[tuple[int, int]] = []
    k, n = 0, len(words)
    while k < n:
        end = k + 1
        while end < n and words[end] == words[k]:
            end += 1
        spans += [(k, end)] * (end - k)
        k = end
    return tuple(spans) if len(set(words)) < n else ()


def _word_slip(query: Name, q_spans: tuple[tuple[int, int], ...], i: int, cand: Name,
               c_spans: tuple[tuple[int, int], ...], j: int) -> float:
    """Similarity of tokens i and j judged by the written words they are parts of.

    Hyphens and apostrophes make short tokens of one written word (AL-WADI: al, wadi;
    Kwang-Il: kwang, il), and a typist's one slip in it then falls in a token of two to
    four letters, where one edit says little ("wai" ~ "wadi" 0.6, "ak" ~ "al" 0.3). When
    both tokens hold the same place in words of as many tokens, and the words run
    together are one edit apart (or the same letters split elsewhere: A-LHAQ), the pair
    is as similar as the words are. 0.0 when the rule does not apply.
    """
    qa, qb = q_spans[i]
    ca, cb = c_spans[j]
    if qb - qa < 2 or qb - qa != cb - ca or i - qa != j - ca:
        return 0.0
    if not (query.tokens[i].isalpha() and cand.tokens[j].isalpha()):
        return 0.0  # (numbers agree exactly, or by one slip in a long one: token_similarity)
    joined_q = "".join(query.tokens[qa:qb])
    joined_c = "".join(cand.tokens[ca:cb])
    if min(len(joined_q), len(joined_c)) < WORD_SLIP_MIN:
        return 0.0
    edits = OSA.distance(joined_q, joined_c, score_cutoff=1)
    if edits > 1:
        return 0.0
    return min(SURE_SIMILARITY, 1.0 - 0.9 * edits / max(len(joined_q), len(joined_c)))


def _read_weight(script_w: float, latin_w: float, script_words: Sequence[str],
                 script_folded: Sequence[str], known: Container[str]) -> float:
    """The weight of a query's words in abjad script (`script_w`; romanised `script_words`,
    folded `script_folded`) paired with a Latin word of weight `latin_w`: no more than that
    word's where no list writes one of them (`known`). Such a word's own weight is a guess,
    the rarest list word it may be read as (`engine.query_weights`), while paired it is
    read as the listed word, and as common: מוחמד "mwkhmd" paired with MUHAMMAD is Muhammad,
    one of the commonest names people bear, though neither a list nor the name-frequency
    table spells it so. A word the lists write in the script (محمد "mhmd") keeps the
    weight they measured; a Latin word of a name that mixes scripts (not `consonantal`),
    its own."""
    if (latin_w < script_w and any([f not in known for f in script_folded])
            and all([consonantal(t) for t in script_words])):
        return latin_w
    return script_w


def _extra(weight: float) -> float:
    """Penalty mass of a token only one side has: half for generic words ("Group", "The")."""
    return weight * 0.5 if weight <= COMMON_WEIGHT else weight


def designator_extra(token: str, weight: float) -> float:
    """`_extra` of a word only one organisation's name gives, a designator (`orgs.designator`:
    CONCERN, GRUPO, GRUPPA) at most as a generic word's (GROUP, capped): the kind of body
    says which one no more than GROUP does, however rarely the lists write it."""
    return _extra(min(weight, COMMON_WEIGHT) if designator(token) else weight)


def _place_share(weight: float) -> float:
    """The share of a word's omission mass (`_extra`) a place charges: a place weighs as
    a generic word however rarely the lists write it, so its mass is a generic word's
    (`COMMON_WEIGHT` at most); a rare city ("Chaoyang") costs what a common one
    ("Beijing") does."""
    return 1.0 if weight <= COMMON_WEIGHT else _extra(COMMON_WEIGHT) / weight


def _two_shortest(tokens: tuple[str, ...], free: set[int]) -> int:
    """Length of the shortest run of two free tokens (at least two are free)."""
    first = second = 1 << 30
    for a in free:
        size = len(tokens[a])
        if size < first:
            first, second = size, first
        elif size < second:
            second = size
    return first + second


def _may_join(size: int, length: int) -> bool:
    """Whether a run of `size` letters can meet a word of `length` letters: at most two
    letters apart, and no further than JOIN_MIN allows (the length difference is a lower
    bound of the edits; half a letter of margin keeps rounding out of the decision)."""
    gap = abs(size - length)
    return gap <= 2 and gap <= (1.0 - JOIN_MIN) * max(size, length) + 0.5


#: romanised first letters of the Arabic "sun letters" (ت ث د ذ ر ز س ش ص ض ط ظ ل ن): the
#: article before them is assimilated, written as the doubled letter (SIRAJUDDIN, not
#: SIRAJULDIN; ABDUR REHMAN)
SUN_LETTERS: Final = frozenset("tdrzsln")


def _abjad_joins(tokens: tuple[str, ...], run: list[int],
                 marks: dict[str, int] | None = None) -> list[str]:
    """Romanised abjad words run together, as one word would be written: a vowel-initial
    part ("al", "allh") loses its initial vowel ("abd" + "allh" -> "abdllh"). When the run
    holds the article before a sun letter, the form without its "l" is the second
    spelling: سراج الدين "srj al dyn" is "srjdyn" (SIRAJUDDIN), the doubled consonant being
    a spelling the pattern allows. A word's final he before the next word may be the
    vowel between them (`abjad.vowel_end`; `marks`, `written` of the name, tell a he from
    a ح; without them, as a bound reads a run, any final "h"): قره يلان "qrh yln" is also
    "qryln", KARAYILAN."""
    parts = [tokens[run[0]]]
    for prev, i in zip(run, run[1:]):
        if i == prev + 2 and tokens[prev + 1] == "al":
            parts.append("l")  # the article between them, paired elsewhere: عبد ال كريم
        parts.append(tokens[i][1:] if tokens[i][:1] == "a" else tokens[i])
    out = ["".join(parts)]
    assimilated = [p for k, p in enumerate(parts)
                   if not (k > 0 and p in ("l", "al") and k + 1 < len(parts)
                           and parts[k + 1][:1] in SUN_LETTERS)]
    if len(run) > 1 and parts[0] == "al" and tokens[run[1]][:1] in SUN_LETTERS:
        # a name's own article before a sun letter, run together with it as Maghrebi
        # spellings write it: السعدي "al sdy" is ESSAADI, التونسي ETTOUNSI
        assimilated[0] = "a"
    if len(assimilated) < len(parts) or assimilated[0] != parts[0]:
        out.append("".join(assimilated))
    if any([vowel_end(p, marks) for p in parts[:-1]]):
        # a word's final he before the next word writes the vowel that runs them together
        # in one Latin word: Turkish قره يلان "qrh yln" is KARAYILAN (KARA, "black", written
        # apart in Arabic script as Persian writes its final he); read without that h
        out.append("".join([p[:-1] if k + 1 < len(parts) and vowel_end(p, marks) else p
                            for k, p in enumerate(parts)]))
    last = run[-1]
    if (len(run) == 2 and tokens[last] == "al" and tokens[run[0]] in compound_heads()
            and last + 1 < len(tokens) and tokens[last + 1][:1] in SUN_LETTERS):
        # "Abd" and the article, assimilated to the next word's sun letter: عبد الرحمن
        # "abd al" is ABDUR of ABDUR REHMAN (the article of any other word is that word's)
        out.append("".join(parts[:-1]) + tokens[last + 1][0])
    return out


def _steals_article(tokens: tuple[str, ...], run: list[int]) -> bool:
    """Whether a run takes an article from elsewhere in the name: in جميل عبد الكريم "jmyl
    abd al krym", "jmyl" and the article run together as "jmyll" (JAMIL, the l written
    once) would leave Abd without the ABDUL it is written with. An article joins the word
    right before it (نبيل الحسن "nbyl al" may be NABIL of NABIL HASAN), not one further."""
    return any(tokens[i] == "al" and i != prev + 1 for prev, i in zip(run, run[1:]))


def _same_start(a: str, b: str, unvocalised: bool) -> bool:
    """Whether a run of words starting with `a` may be written as a word starting with `b`:
    the same letter, or (abjad names) a romanised alef or ayin "a" and any Latin vowel
    (عزت الله "azt allh" is EZATULLAH), or a romanised letter and a first letter Latin
    spells it with (`abjad.starts`: ضياء الدين "dya al dyn" is ZIAUDDIN, ثناء الله "thna
    allh" SANAULLAH)."""
    if a[:1] == b[:1]:
        return True
    return unvocalised and ((a[:1] == "a" and b[:1] in "aeiou" and consonantal(a))
                            or (b[:1] == "a" and a[:1] in "aeiou" and consonantal(b))
                            or (b[:1] in abjad_starts(a) and consonantal(a)))


def _join_starts(tokens: tuple[str, ...], folded: tuple[str, ...], free: set[int],
                 unvocalised: bool = False) -> tuple[set[str], set[str]]:
    """The letters a run of free tokens can start with (raw, folded); of a romanised abjad
    token, also the letters its Latin spellings start with (`_same_start`)."""
    raw = {tokens[a][:1] for a in free}
    if unvocalised:
        raw.update([c for a in free if consonantal(tokens[a]) for c in abjad_starts(tokens[a])])
    return raw, {folded[a][:1] for a in free}


def _join_bounds(tokens: tuple[str, ...], folded: tuple[str, ...], free: set[int],
                 unvocalised: bool = False) -> tuple[int, int, set[str], set[str]]:
    """Shortest possible run (raw, folded) of free tokens and the letters a run can start
    with."""
    return (_two_shortest(tokens, free), _two_shortest(folded, free),
            *_join_starts(tokens, folded, free, unvocalised))


def _too_short(target_raw: str, target: str, shortest: int, shortest_f: int,
               unvocalised: bool) -> bool:
    """Whether a word (raw, folded) is too short for any run of two free words, whose
    shortest runs have these lengths (raw, folded), to be joined into it. A romanised
    abjad word of two names, five letters or more, is shorter than its Latin spelling by
    its unwritten vowels ("dhhrwys" ~ DAHIR AWEYS: ظاهرعويس written solid)."""
    return (shortest - len(target_raw) > 2 and shortest_f - len(target) > 2
            and not (unvocalised and len(target_raw) >= 5 and consonantal(target_raw)
                     and shortest <= 2 * len(target_raw) + 2))


#: roles of the words of a given name (`prepare.name_roles`)
_GIVEN_ROLES: Final = (GIVEN, MIDDLE, HEAD)


def _reversed_given(name: Name, roles: Sequence[int], a: int, b: int) -> bool:
    """Whether a run of tokens a then b of a person's name (roles `prepare.name_roles`)
    puts two neighbouring parts of the given name in the other order: "Un Jong" run
    together is not "Jongun" (정훈 Jeonghun), while a surname may stand on either side of
    the given name, and a particle is no part of it ("al-AhmadAL-YUSUF")."""
    return (b == a - 1 and a < len(roles) and not (name.legal[a] or name.legal[b])
            and roles[a] in _GIVEN_ROLES and roles[b] in _GIVEN_ROLES)


#: the most letters of a name's part that a slip at its end makes another part
SHORT_PART: Final = 2


def _short_end_slipped(parts: Sequence[str], target: str) -> bool:
    """Whether a run of a person's name parts, run together, differs from one word at a
    first or last part of `SHORT_PART` letters or fewer: the word neither starts nor ends
    with it. A syllable that short with a letter changed is another syllable, so another
    name: 정희 "Jeonghui" (folded "ieongui") is one letter from JONG UN run together
    ("ieongun"), yet its second syllable 희 is not 은; a slip of "Jongun" itself still
    ends in a syllable of its own ("Jomgun"), and a longer part keeps its slip ("Ryonghe"
    for RYONG HAE)."""
    first, last = parts[0], parts[-1]
    return ((len(last) <= SHORT_PART and not target.endswith(last))
            or (len(first) <= SHORT_PART and not target.startswith(first)))


def join_similarity(joined: str, target: str, joined_raw: str, target_raw: str) -> float:
    """How near words run together (folded `joined`, raw `joined_raw`) are to one word
    (`target`, `target_raw`), the nearer of the two spellings; below `JOIN_MIN` it is no
    join (rapidfuzz answers 0 early below the cut-off)."""
    return max(Levenshtein.normalized_similarity(joined, target, score_cutoff=JOIN_MIN),
               Levenshtein.normalized_similarity(joined_raw, target_raw, score_cutoff=JOIN_MIN))


def _join_pass(left: Name, right: Name, free_l: set[int], free_r: set[int],
               unvocalised: bool = False, roles: Sequence[int] = (), person: bool = False,
               l_marks: dict[str, int] = _NO_MARKS, r_marks: dict[str, int] = _NO_MARKS
               ) -> list[tuple[list[int], int, float]]:
    """Free left tokens that, run together, equal one free right token.

    Runs are adjacent triples, or any ordered pair (people's names are reordered before
    being run together: "MayraGALAVIZ" for "GALAVIZ, Mayra"), except two parts of a given
    name in the other order (`roles` of the left name's tokens, `_reversed_given`) and,
    in a `person`'s name, runs of role words alone (two articles, الحياه السلام "al hyh al
    slm", run together are no name ALI).
    Compared raw and folded: folding rules see different letter groups across the seam.
    `l_marks`, `r_marks`: what the script wrote beside each name's abjad tokens
    (`prepare.written_marks`); a run's final he is its last word's (نور زاده "nwr zadh" is
    NOORZADEH, and less surely NOORZAD).
    """
    found: list[tuple[list[int], int, float]] = []
    if len(free_l) < 2 or not free_r:
        return found
    l_tokens, l_folded, r_tokens, r_folded = left.tokens, left.folded, right.tokens, right.folded
    # most pairs of names: no free right word is as long as two free left words run
    # together (the first quick rejection below, for every target at once)
    shortest, shortest_f = _two_shortest(l_tokens, free_l), _two_shortest(l_folded, free_l)
    if not unvocalised:
        # (`_too_short` of every target at once: of the longest, raw and folded)
        longest = longest_f = 0
        for j in free_r:
            if len(r_tokens[j]) > longest:
                longest = len(r_tokens[j])
            if len(r_folded[j]) > longest_f:
                longest_f = len(r_folded[j])
        if shortest - longest > 2 and shortest_f - longest_f > 2:
            return found
    elif all(_too_short(r_tokens[j], r_folded[j], shortest, shortest_f, unvocalised)
             for j in free_r):
        return found
    starts, starts_f = _join_starts(l_tokens, l_folded, free_l, unvocalised)
    n = len(l_folded)
    l_legal = left.legal
    for j in sorted(free_r):
        target, target_raw = r_folded[j], r_tokens[j]
        # quick rejections, same outcome as the loop below: a run needs two free tokens
        # whose lengths fit the joined word, and a first token that starts it
        if (_too_short(target_raw, target, shortest, shortest_f, unvocalised)
                or (target_raw[:1] not in starts and target[:1] not in starts_f
                    and not (unvocalised and target_raw[:1] in "aeiou"))):
            continue
        # (which of the abjad tries below may be other than 0: `abjad.abjad_sides`)
        sides = abjad_sides(target_raw) if unvocalised else 0
        runs: list[list[int]] = []
        order = sorted(free_l)  # (free_l changes only once a run is joined, below)
        for a in order:
            # a run must begin where the joined word begins
            if (target[:1] != l_folded[a][:1]
                    and not _same_start(l_tokens[a], target_raw, unvocalised)):
                continue
            if a + 2 < n and a + 1 in free_l and a + 2 in free_l:
                runs.append([a, a + 1, a + 2])
            if len(free_l) <= 5:
                runs += [[a, b] for b in order
                         if b != a and not (roles and _reversed_given(left, roles, a, b))]
            elif a + 1 in free_l:
                runs.append([a, a + 1])
            if (unvocalised and a + 2 in free_l and l_tokens[a + 1] == "al"
                    and (len(free_l) > 5 or a + 1 not in free_l)):
                # a name and the next one past its article, which may have paired with
                # another article: نور الدين "nwr al dyn" is NOUREDDINE
                runs.append([a, a + 2])
        for run in runs:
            if person and all([l_legal[i] or l_tokens[i] in ARTICLES for i in run]):
                continue  # (role words only, or a name that reads as the article: علا ال)
            if unvocalised and _steals_article(l_tokens, run):
                continue
            size = sum([len(l_tokens[i]) for i in run])
            size_f = sum([len(l_folded[i]) for i in run])
            if unvocalised:
                sim = 0.0
                if sides & LATIN_SIDE:
                    end = l_marks.get(l_tokens[run[-1]], 0) & FINAL_VOWEL
                    sim = max([abjad_similarity(joined, target_raw, end)
                               for joined in _abjad_joins(l_tokens, run, l_marks)])
                if sides & ABJAD_SIDE:
                    sim = max(sim, abjad_similarity(target_raw,
                                                    "".join([l_tokens[i] for i in run]),
                                                    r_marks.get(target_raw, 0)))
                if (sim > 0.0 and l_marks and misread(target_raw)
                        and kaf_he_of(l_marks, *[l_tokens[i] for i in run])):
                    # a kaf and a he (כהן אור "khn awr") read as one digraph (HONOR), as
                    # `compare_names` reads a word's: no spelling of the words
                    sim = 0.0
                if sim > 0.0:
                    found.append((run, j, sim))  # عبد الله "abd allh" ~ Abdullah
                    free_l.difference_update(run)
                    free_r.discard(j)
                    break
            if not (_may_join(size, len(target_raw)) or _may_join(size_f, len(target))):
                continue
            sim = join_similarity("".join([l_folded[i] for i in run]), target,
                                  "".join([l_tokens[i] for i in run]), target_raw)
            if sim >= JOIN_MIN and person and sim < 1.0 and _short_end_slipped(
                    [l_tokens[i] for i in run], target_raw) and _short_end_slipped(
                    [l_folded[i] for i in run], target):
                continue
            if sim >= JOIN_MIN:
                found.append((run, j, 0.95 * sim))
                free_l.difference_update(run)
                free_r.discard(j)
                break
        if len(free_l) < 2:
            break
        if found and found[-1][1] == j:
            shortest, shortest_f, starts, starts_f = _join_bounds(l_tokens, l_folded, free_l,
                                                                  unvocalised)
    return found


def compare_names(
    query: Name,
    cand: Name,
    weigh: Weigher,
    query_extra_penalty: float = 1.0,
    cand_extra_penalty: float = 0.5,
    initials: bool = False,
    query_weights: Sequence[float] | None = None,
    cand_weights: Sequence[float] | None = None,
    place_penalty: float = PLACE_PENALTY,
    cand_roles: Sequence[int] | None = None,
    surname_penalty: float = SURNAME_PENALTY,
    unvocalised: bool = False,
    query_roles: Sequence[int] = (),
    query_middle_penalty: float = QUERY_MIDDLE_PENALTY,
    query_spans: tuple[tuple[int, int], ...] | None = None,
    query_facts: QueryFacts | None = None,
    query_slips: Slips = (),
    pair_masks: list[int] | None = None,
    joins: bool = True,
    known: Container[str] = (),
    typed: bool = True,
    craft: bool = False,
) -> NameComparison:
    """Align and score two names. Score = matched mass / (matched mass + penalties).

    Token weights come from `weigh`, or precomputed (`query_weights`, `cand_weights`) when
    the caller compares one query with many names. Unmatched tokens cost their weight times
    a factor: `query_extra_penalty` for the query's, `cand_extra_penalty` for the list
    name's (an omission), except:
    - people (`initials`): when each side has a name the other lacks, the list name's
      extra names cost as much as the query's (different given names are a conflict, not an
      omission); otherwise by their role in the list name (`cand_roles`, see
      `omission_cost`): a middle name may be omitted, a first given name or the only
      surname may not, and a Hispanic second surname costs `surname_penalty`;
    - organisations: a place only one side names costs `place_penalty`; two different
      places cost the full `query_extra_penalty` on both sides. Words of trades and of
      direction pair by their kinds (`orgs.kind_similarity`), not only their letters.
    People's tokens that are two different common names (`population.distinct_names`:
    Fernandez / Hernandez) do not pair by their spelling.
    With `unvocalised` (one name is written in Arabic, Persian or Hebrew script), a
    consonant-only token also meets the Latin spellings its letters allow
    (`abjad.similarity`: صدام "sdm" ~ SADDAM, 0.9).
    `query_spans`: `word_spans(query)`, `query_facts`: `QueryFacts(query)`, when the caller
    has worked them out once.
    `query_slips`: (organisations) the query's words that may be a short legal form with a
    slip (`orgs.slipped_forms`): such a word is read as the form when the listed name
    carries it and the query does not (`read_slipped_forms`), and pairs with it as legal
    forms do, at their weight: no longer a distinctive word the list lacks; against a
    listed name without it, as a form of its own where every other word agrees surely.
    `pair_masks`, `joins`: what a bound of the comparison found (`bound.QueryBound.pairs`):
    per listed word, the query words (bits) it may pair with, all those the pair loop gives
    a similarity and maybe more (the pair loop tries no other pair); `joins` False when no
    run of words may be joined into a word (the join pass is not tried).
    `known`: the lists' words (folded, `Index.vocab`): a query word two slips from a short
    listed word that some listed name spells is that name, not slips (`_name_slips`).
    `typed`: the query name is as given, not a reading made of it (a name read without
    its country): only such a name may have been cut by a field's width.
    `craft`: the names are a vessel's or an aircraft's (the query's schema, or the listed
    name's owners): their marks and codes (`marks_of`) pair only as written.
    """
    whole = None if initials or not typed or len(query.text) < CUT_WIDTH_MIN else cut_word(
        query.text.strip(), query.tokens, query.legal, cand.tokens, cand.legal)
    if whole is not None:
        # a name a field's width cut inside its last word: that word is the listed word it
        # starts ("... VYBORG SHIP" for VYBORG SHIPYARD), not another word
        n = len(query.tokens) - 1
        read_cut = Name(text=query.text, tokens=query.tokens[:n] + (whole,),
                        folded=query.folded[:n] + (fold_key(whole),), legal=query.legal)
        result = compare_names(read_cut, cand, weigh, query_extra_penalty, cand_extra_penalty,
                               initials, None, cand_weights, place_penalty, cand_roles,
                               surname_penalty, unvocalised, query_roles,
                               query_middle_penalty, None, None,
                               tuple(s for s in query_slips if s[0] != n), None, True, known,
                               craft=craft)
        for p in result.pairs:
            p.query = f"{query.tokens[n]} ({whole})" if p.query == whole else p.query
        return result
    while query_slips and not initials:
        read = read_slipped_forms(query, cand, query_slips)
        if read is None or read[2] and _written_word(query, read[1], known):
            break
        slipped, shown, free, lists_word = read
        read_w = list(query_weights) if query_weights is not None else [
            weigh(f, lf) for f, lf in zip(query.folded, query.legal)]
        for i in shown:
            read_w[i] = weigh(slipped.folded[i], True)
        # (the read name's own facts: its words' shapes are the forms', not the slips')
        result = compare_names(
            slipped, cand, weigh, query_extra_penalty, cand_extra_penalty, initials, read_w,
            cand_weights, place_penalty, cand_roles, surname_penalty, unvocalised,
            query_roles, query_middle_penalty, typed=typed, craft=craft)
        # (a word the lists write there read as the form: one slip, of the typist's two)
        others = NAME_SLIPS_MAX - 1 if lists_word else 0
        if not (free or lists_word) or _rest_agrees(result, others):
            # the explanation shows the word the query wrote ("lth~ltd"; read as a
            # form the listed name lacks, "lhc (llc)")
            words = {slipped.tokens[i]: query.tokens[i] for i in shown}
            for p in result.pairs:
                p.query = words.get(p.query, p.query)
            result.unmatched_query = [f"{words[t]} ({t})" if t in words else t
                                      for t in result.unmatched_query]
            return result
        # (a word the lists write there, the rest disagreeing: the other slips alone)
        query_slips = tuple(s for s in query_slips if not s[3]) if lists_word else ()
    facts = QueryFacts(query) if query_facts is None else query_facts
    q_tokens, q_folded, q_legal = query.tokens, query.folded, query.legal
    c_tokens, c_folded, c_legal = cand.tokens, cand.folded, cand.legal
    q_w = query_weights if query_weights is not None else [
        weigh(f, lf) for f, lf in zip(q_folded, q_legal)]
    c_w = cand_weights if cand_weights is not None else [
        weigh(f, lf) for f, lf in zip(c_folded, c_legal)]
    # (-similarity, roles differ, i, j) of every pair that agrees at all: sorted, the best
    # pairs first; of equally similar pairs, those whose tokens play the same role (two
    # names, or two particles) first: محفوظ ولد الوليد "wld" is the particle OULD, "wlyd"
    # the name WALID
    ranked: list[tuple[float, bool, int, int]] = []
    # and, in an abjad-script name, a word that is the first half of a compound (امین الله
    # "amyn allh", نور الدين) after one that is a name alone: "AMINULLAH AMIN" keeps AMIN
    # for the query's second امین, and امین الله is left to run together as AMINULLAH
    q_heads = _abjad_compound_starts(q_tokens) if unvocalised else _NO_HEADS
    # people named by a nasab chain on both sides: the person's own name pairs only with
    # the other's own name ("AHMAD BIN HASAN" is the son of HASAN, not HASAN himself);
    # ancestors with ancestors, a chain cut short ("Osama bin Laden") as it may be
    q_gen: list[int] = []
    c_gen: list[int] = []
    # people's titles (Haji, Sheikh; also after a comma: "'ABD AL-BASIR, Haji")
    q_title: list[bool] = []
    c_title: list[bool] = []
    if initials:
        titles = person_role_words()[2]
        if not (titles.isdisjoint(q_tokens) and titles.isdisjoint(c_tokens)):
            q_title, c_title = _titles(query, titles), _titles(cand, titles)
            _misspelt_titles(q_tokens, q_title, c_tokens, c_title, unvocalised)
    if initials:
        particles = _nasab_particles()
        if not particles.isdisjoint(q_tokens) and not particles.isdisjoint(c_tokens):
            q_gen, c_gen = generations(q_tokens, q_legal), generations(c_tokens, c_legal)
        elif not particles.isdisjoint(q_tokens) and cand_roles and "," in cand.text:
            q_gen, c_gen = _own_given(q_tokens, q_legal, cand_roles, len(c_tokens))
    # both names written in alphabets that write every vowel (worked out when first needed)
    written: bool | None = None
    # the written word of each token, both names or neither (most names: no word of two
    # tokens; the query's first, worked out once per query by a caller of many comparisons)
    q_spans = word_spans(query) if query_spans is None else query_spans
    c_spans = word_spans(cand) if q_spans else ()
    if not c_spans:
        q_spans = ()
    # a Korean person's name in Hangul (surname, given name): the listed names must spell
    # the same syllables in some romanisation, or they are other names (_korean_given)
    # (a Latin query, most of them, is told apart without a call into the hangul module)
    korean = (hangul.korean_name(query.text)
              if initials and len(q_tokens) == 2 and not query.text.isascii() else None)
    q_shapes = facts.shapes
    # (people) a query whose names are all among the most common people bear ("Mohammed
    # Ali Hassan"): each word written exactly is that name, not a slip of a listed word
    # (`population.most_common_spelled`)
    q_common = initials and not unvocalised and all(
        [w <= MOST_COMMON_WEIGHT for w, lf in zip(q_w, q_legal) if not lf])
    # which name is written in Latin letters beside the other's abjad script (`_acronym`)
    c_abjad = unvocalised and has_abjad(cand.text)
    latin_c = unvocalised and facts.abjad and not c_abjad
    latin_q = unvocalised and not facts.abjad and c_abjad
    # what the script wrote beside an abjad name's tokens (`prepare.written_marks`)
    q_marks = written_marks(query.text) if unvocalised and facts.abjad else _NO_MARKS
    c_marks = written_marks(cand.text) if unvocalised else _NO_MARKS
    # a Hebrew query's words that start with a consonant and a he (`two_letter_pairs`)
    q_pairs = two_letter_pairs(query.text) if latin_c else _NO_PAIRS
    # (people) the query's words in abjad script weigh as the Latin words they pair with
    # (`_read_weight`)
    read_q = initials and latin_c
    marks = marks_of(query, cand) if craft else _NO_PAIRS
    slipped_marks = mark_slips(query, cand) if craft else _NO_SLIPS
    for i in range(len(q_tokens)):
        qt, qf, ql = q_tokens[i], q_folded[i], q_legal[i]
        for j in range(len(c_tokens)):
            if pair_masks is not None and not pair_masks[j] >> i & 1:
                continue  # (no similarity and no initial: the bound asked)
            ct = c_tokens[j]
            if ql != c_legal[j] and qt != ct and not initials:
                continue  # a legal form pairs only with a legal form
            if q_title and ((q_title[i] and not (c_title[j] or c_legal[j]))
                            or (c_title[j] and not (q_title[i] or ql))):
                continue  # a title (HAJI) is no name (الحياه "hyh"): it pairs with role words
            if q_gen and q_gen[i] >= 0 and c_gen[j] >= 0 and (q_gen[i] == 0) != (c_gen[j] == 0):
                continue  # a person's own name is not an ancestor's (chains may skip some)
            sim = token_similarity(qt, qf, ct, c_folded[j], q_shapes[i])
            if (unvocalised and ql != c_legal[j] and sim < SURE_SIMILARITY and qt != ct
                    and not (q_title and q_title[i] and c_title[j])
                    and not (ql and _inverted_last_particle(query, cand, j, facts.abjad))
                    and spelled_name(c_tokens[j] if ql else qt)):
                # (people) a role word (AL, KHAN) pairs with a name by a spelling of itself
                # (HAN) or a slip ("et" for EL); beside a name in Arabic, Persian or Hebrew
                # script, which writes its particles and is no typist's slip of a Latin
                # one, a name people bear that only looks like a role word is that name,
                # which the other side lacks (علي "aly" is Ali, not the article AL); a
                # title written in the script is that title (`_misspelt_titles`)
                continue
            if (unvocalised and facts.abjad and qt == ct and not ql and c_legal[j]
                    and qt in ARTICLES):
                # (people) an abjad query's name whose letters read as the article (علا
                # "al", Ala: `prepare._ain_words`) is no listed article AL
                continue
            distinct = False
            if ql and c_legal[j] and initials and sim > 0.0 and other_generations(qt, ct):
                continue  # Jr. is not Sr. (the son is not the father), II not III
            if ql and c_legal[j] and initials and same_generation(qt, ct):
                sim = 1.0  # one generation's suffix spelt two ways (Jnr. is Jr., Junior Jr.)
            if initials and ql != c_legal[j] and sim > 0.0 and (
                    ct if ql else qt) in compound_heads():
                continue  # "Abdul Sultan" (servant of) is not ABU SULTAN (father of): the
                # head of a compound given name is no particle (a kunya's Abu, AL, BIN)
            if sim == 0.0 and initials and (len(qt) == 1 or len(ct) == 1) and qt[0] == ct[0]:
                sim = INITIAL_SIMILARITY
            elif (initials and 0.0 < sim < 1.0 and qt in facts.syllables
                  and pinyin.other_syllables(facts.syllables[qt], ct)):
                # a Han name's pinyin is spelt syllable by syllable: a listed word that
                # spells other syllables is another character (秀荣 "xiurong" is not
                # XUTONG, 钟 "zhong" not ZHIYONG), however near its letters (`pinyin`)
                sim = DISTINCT_NAME_SIMILARITY
                distinct = True
            elif initials and 0.0 < sim < 0.95 and not (ql or c_legal[j]):
                if written is None:
                    written = facts.writes_vowels and writes_vowels(cand.text)
                # a given name's form for the other sex is another name (Roberta is not
                # Robert), also against a family name (Sultana is not SULTAN: a family
                # name that is a given name has no form for a woman); a family name's
                # own form for a woman (IVANOVA, IVANOV) is the same family's name; two
                # given names' last letters are read only where neither is a surname
                surname = written and (
                    (i < len(query_roles) and query_roles[i] == SURNAME)
                    or (cand_roles is not None and j < len(cand_roles)
                        and cand_roles[j] == SURNAME))
                forms = written and not (surname and family_form(qt, ct))
                if _distinct_names(qt, qf, ct, c_folded[j], forms, written and not surname):
                    sim = DISTINCT_NAME_SIMILARITY  # two names people bear, not a typo of one
                    distinct = True
                elif (written and other_common_name(qt, ct, sim)
                      and qt not in compound_heads() and ct not in compound_heads()):
                    # the query writes a common name exactly, two slips from the listed
                    # word: another person's own name (Hana is not KHANSA); the head of an
                    # Arabic compound (ABDEL, abd) is a part of a name, not one
                    sim = DISTINCT_NAME_SIMILARITY
                    distinct = True
                elif written and q_common and most_common_spelled(qt, ct):
                    # among names all of the most common, "Hassan" is Hassan, not a slip of
                    # KASSAN: so many bear it that a slip landing on it is the rarer story
                    sim = DISTINCT_NAME_SIMILARITY
                    distinct = True
                elif facts.han and _other_nasal(qt, ct):
                    # a Han-script query's pinyin is spelt exactly: a syllable ending in n
                    # against one in ng is another character (张建平 Jianping is not
                    # JIANGPING), where a Latin query's may be a typo
                    sim = DISTINCT_NAME_SIMILARITY
                    distinct = True
            if (q_spans and sim < WORD_SLIP_SIMILARITY and not distinct
                    and (len(qt) < WORD_SLIP_MIN or len(ct) < WORD_SLIP_MIN)):
                sim = max(sim, _word_slip(query, q_spans, i, cand, c_spans, j))
            if unvocalised and 0.0 < sim < SURE_SIMILARITY and _other_skeleton(qt, ct):
                sim = 0.0  # غامدي "ghmdy" is not احمدي "ahmdy": a letter of five is a name
            elif (unvocalised and 0.7 <= sim < ABJAD_SIMILARITY
                  and consonantal(qt) != consonantal(ct) and _unwritten_long_end(qt, ct)):
                # the Latin word's consonants are the abjad word's, but it ends with a long
                # vowel the abjad word would write (اكبر "akbr" is not AKBARI)
                sim = _token_similarity(qt, qf, ct, c_folded[j], False)
            if sim > 0.0 and not (ql or c_legal[j]) and (
                    (latin_c and _acronym(ct)) or (latin_q and _acronym(qt))):
                sim = 0.0  # سامان "smn" is not JSC 'SMN: letters, not a word without vowels
            elif sim < ABJAD_SIMILARITY and unvocalised:
                # (only the directions `abjad_sides` lets be other than 0 are asked: of
                # most pairs one word has a vowel after its first letter, no abjad side)
                q_sides, c_sides = facts.abjad_sides[i], abjad_sides(ct)
                if q_sides & ABJAD_SIDE and c_sides & LATIN_SIDE:
                    sim = max(sim, abjad_similarity(qt, ct, q_marks.get(qt, 0)))
                if c_sides & ABJAD_SIDE and q_sides & LATIN_SIDE:
                    sim = max(sim, abjad_similarity(ct, qt, c_marks.get(ct, 0)))
            if sim > 0.0 and ((q_pairs and qt in q_pairs)
                              or (latin_c and q_marks.get(qt, 0) & KAF_HE)) and misread(ct):
                # a Hebrew word's first consonant and he (כהן "khn") read as one Latin
                # digraph (KHAN): Hebrew writes that sound with one letter (`hebrew`), so
                # the pair is as near as its letters are, not a spelling of the word; so
                # is a kaf and a he anywhere in Hebrew or Arabic script (`abjad.KAF_HE`)
                sim = min(sim, _token_similarity(qt, qf, ct, c_folded[j], False))
            if korean is not None:
                agrees = (hangul.given_agrees(korean[1], ct) if i == 1
                          else hangul.surname_agrees(korean[0], ct))
                sim = max(sim, SURE_SIMILARITY) if agrees else 0.0
            elif not initials and sim < SURE_SIMILARITY:
                # (organisations) words of trades or of direction that only look alike
                # pair by their kinds: one trade or direction written two ways (eastern ~
                # EAST), or no pair for the trade and place rules to read (south ~ NORTH);
                # the bounds of the score count such words as pairs of 1.0, more than
                # either (they stay bounds; `bound._mask` counts a direction's two ways)
                sim = kind_similarity(qt, ct, sim)
            if facts.guessed and sim > 0.0 and qt != ct:
                fits = facts.guessed[i]
                if fits is not None:
                    # a guessed word pairs only with a spelling it may be (`guess`), as
                    # one name when that is one of its own (a lift `bound` counts already)
                    if not fits(ct):
                        sim = 0.0
                    elif facts.guessed_sure:
                        sim = max(sim, SURE_SIMILARITY)
            if marks and sim > 0.0 and (qt in marks or ct in marks) and _replaced(qt, ct):
                sim = 0.0  # a craft's mark or code with a character replaced: another craft
            elif slipped_marks and sim < NEAR_MARK_SIMILARITY and (qt, ct) in slipped_marks and (
                    sim > 0.0 or (qt.isdigit() and ct.isdigit())):
                # a mark part with a character lost or added; of a number too, which pairs
                # only as written (`number_slip`: the bound counts it). At its end first:
                # a mark typed short is one character from every mark of its series that
                # starts so, and the one typed from among them
                sim = (MARK_SLIP_SIMILARITY if qt.startswith(ct) or ct.startswith(qt)
                       else INNER_MARK_SLIP_SIMILARITY)
            elif marks and qt.isdigit() and ct.isdigit() and digit_slip(qt, ct):
                # a craft's number one digit lost or added, of two digits too (MSN 39 for
                # MSN 391; `typed_numbers`: the bound counts it): at its end first, as a
                # mark part (a number typed short is a digit from each number of its series
                # that starts so, 7860 ... 7869 for 786, and from those with a digit inside)
                sim = (NUMBER_SLIP_SIMILARITY if qt.startswith(ct) or ct.startswith(qt)
                       else INNER_NUMBER_SLIP_SIMILARITY)
            if sim > 0.0:
                ranked.append((-sim, ql != c_legal[j] or i in q_heads, i, j))
    ranked.sort()
    free_q = set(range(len(q_tokens)))
    free_c = set(range(len(c_tokens)))
    result = NameComparison(score=0.0, person=initials)
    pairs = result.pairs
    matched = penalty = strongest = 0.0
    # sure pairs (>= 0.95) first, then words run together, then the remaining near pairs:
    # a glued "QiTechnology" must not be spent on "Technology" before "Qi" + "Technology"
    # is tried
    joins_done = False
    joined_query = joined_cand = 0  # tokens a join merged into their neighbour
    joined_q: set[int] = set()  # tokens of joins that merged two or more words
    joined_c: set[int] = set()
    legal_pairs: list[int] = []  # (organisations) pairs of two legal forms, by position
    links: list[tuple[int, int]] = []  # (people) one query token paired with one listed
    near: list[tuple[int, int, int]] = []  # (pair, query token, listed token) below sure
    for k in range(len(ranked) + 1):
        if not joins_done and (k == len(ranked) or ranked[k][0] > -0.95):
            joins_done = True
            if korean is not None and 1 in free_q:
                run = _korean_given(korean[1], c_tokens, c_legal, free_c)
                if run:
                    free_q.discard(1)
                    free_c.difference_update(run)
                    joined_cand += len(run) - 1
                    joined_c.update(run)
                    w = (sum([c_w[j] for j in run], 0.0) / len(run) + q_w[1]) / 2.0
                    matched += SURE_SIMILARITY * w
                    penalty += (1.0 - SURE_SIMILARITY) * w
                    strongest = max(strongest, w * SURE_SIMILARITY)
                    pairs.append(TokenPair(q_tokens[1], " ".join([c_tokens[j] for j in run]),
                                           SURE_SIMILARITY, w))
            reachable = 0.0
            if joins and free_q and free_c:
                free_mass = (sum([q_w[i] for i in free_q], 0.0)
                             + sum([c_w[j] for j in free_c], 0.0))
                reachable = (matched + free_mass) / (matched + free_mass + penalty + 1e-9)
            if reachable >= JOIN_WORTH:
                for run, j, sim in _join_pass(query, cand, free_q, free_c, unvocalised,
                                              query_roles, initials, q_marks, c_marks):
                    if marks and _other_mark([q_tokens[i] for i in run], c_tokens[j], marks):
                        free_q.update(run)
                        free_c.add(j)
                        continue
                    # words a join merged into one (a particle inside it was no word)
                    merged = sum([not q_legal[i] for i in run])
                    if not (initials and unvocalised and _own_names(q_tokens, run)):
                        joined_query += max(0, merged - 1)
                    if merged > 1:  # "abd" + "al" (ABDUL) is still the head of its compound
                        joined_q.update(run)
                    run_w = sum([q_w[i] for i in run], 0.0) / len(run)
                    if read_q:
                        run_w = _read_weight(run_w, c_w[j], [q_tokens[i] for i in run],
                                             [q_folded[i] for i in run], known)
                    w = (run_w + c_w[j]) / 2.0
                    matched += sim * w
                    penalty += (1.0 - sim) * w
                    strongest = max(strongest, w * sim)
                    pairs.append(TokenPair(" ".join([q_tokens[i] for i in run]),
                                           c_tokens[j], sim, w))
                for run, i, sim in _join_pass(cand, query, free_c, free_q, unvocalised,
                                              cand_roles or (), initials, c_marks, q_marks):
                    if (korean is not None and i == 1) or (
                            q_tokens[i] in facts.syllables and pinyin.other_syllables(
                                facts.syllables[q_tokens[i]],
                                " ".join([c_tokens[j] for j in run]))):
                        # (_korean_given found no spelling; listed words that spell other
                        # pinyin syllables: "Jin Ping" is not 建平 "jianping")
                        free_c.update(run)
                        free_q.add(i)
                        continue
                    if marks and _other_mark([c_tokens[j] for j in run], q_tokens[i], marks):
                        free_c.update(run)
                        free_q.add(i)
                        continue
                    merged = sum([not c_legal[j] for j in run])
                    joined_cand += max(0, merged - 1)
                    if merged > 1:
                        joined_c.update(run)
                    run_w = sum([c_w[j] for j in run], 0.0) / len(run)
                    one_w = q_w[i]
                    if read_q:
                        one_w = _read_weight(one_w, run_w, [q_tokens[i]], [q_folded[i]], known)
                    w = (run_w + one_w) / 2.0
                    matched += sim * w
                    penalty += (1.0 - sim) * w
                    strongest = max(strongest, w * sim)
                    pairs.append(TokenPair(q_tokens[i],
                                           " ".join([c_tokens[j] for j in run]), sim, w))
        if k == len(ranked):
            break
        neg, _, i, j = ranked[k]
        if i in free_q and j in free_c:
            sim = -neg
            free_q.discard(i)
            free_c.discard(j)
            qw, cw = q_w[i], c_w[j]
            if read_q:
                qw = _read_weight(qw, cw, [q_tokens[i]], [q_folded[i]], known)
            w = (qw + cw) / 2.0
            matched += sim * w
            penalty += (1.0 - sim) * w
            if not q_legal[i]:
                strongest = max(strongest, w * sim)
            elif c_legal[j] and not initials:
                legal_pairs.append(len(pairs))
            if initials:
                links.append((i, j))
            if sim < SURE_SIMILARITY:
                near.append((len(pairs), i, j))
            pairs.append(TokenPair(q_tokens[i], c_tokens[j], sim, w))
    if len(free_q) == 1 == len(free_c) and not (unvocalised or korean is not None):
        # one word left on each side, two slips apart in a few letters (similarity 0):
        # paired, when the name reads them as a typist's slips (lifted below)
        i, j = next(iter(free_q)), next(iter(free_c))
        if not (q_legal[i] or c_legal[j]) and slips_apart(q_tokens[i], c_tokens[j]) and (
                typed_in_latin(query.text) and typed_in_latin(cand.text)) and not (
                (q_tokens[i] in marks or c_tokens[j] in marks)
                and _replaced(q_tokens[i], c_tokens[j])):
            w = (q_w[i] + c_w[j]) / 2.0
            twice = TokenPair(q_tokens[i], c_tokens[j], 0.0, w)
            if any([k == len(pairs) for k, _, _ in _name_slips(
                    query, cand, pairs + [twice], near + [(len(pairs), i, j)], c_w, initials,
                    known)]):
                free_q.clear()
                free_c.clear()
                penalty += w
                if initials:
                    links.append((i, j))
                near.append((len(pairs), i, j))
                pairs.append(twice)
    q_cost, c_cost, legal_floor, floor = _free_costs(
        query, cand, free_q, free_c, pairs, initials, query_extra_penalty, cand_extra_penalty,
        place_penalty, cand_roles, surname_penalty, unvocalised, query_roles,
        query_middle_penalty, links, facts, q_w, c_w)
    if not initials and typed and free_c and reaches_width(query.text.strip()):
        _unseen_after_cut(query, cand, free_q, free_c, pairs, q_cost, c_cost)
    fit_agrees = unvocalised and _fit_anchored(pairs)
    if legal_pairs and any(p.weight > COMMON_WEIGHT and _near(p, fit_agrees)
                           for p in pairs) and not any(
            not _near(p, fit_agrees) and k not in legal_pairs
            for k, p in enumerate(pairs)):
        # (organisations) two legal forms that agree say the names are both companies'
        # names, nothing about whether the distinctive word only near the other is the
        # same name ("Kerwin Ltd." is not KERWAN LIMITED): beside such a word, and no other
        # word that agrees, they are no evidence (weight 0), where they would otherwise
        # lift the score by their mass
        for k in legal_pairs:
            p = pairs[k]
            matched -= p.similarity * p.weight
            penalty -= (1.0 - p.similarity) * p.weight
            p.weight = 0.0
    penalty = _charge_free(penalty, q_cost, c_cost, q_w, c_w, q_legal, c_legal, free_q, free_c,
                           legal_floor, floor)
    if near and not (free_q or free_c or unvocalised or korean is not None) and typed_in_latin(
            query.text) and typed_in_latin(cand.text):
        lift = _name_slips(query, cand, pairs, near, c_w, initials, known)
        for k, i, sim in lift:
            p = pairs[k]
            matched += (sim - p.similarity) * p.weight
            penalty -= (sim - p.similarity) * p.weight
            p.similarity = sim
            if not q_legal[i]:
                strongest = max(strongest, p.weight * sim)
    # (organisations: a place the query alone gives, no country, is no distinctive word left
    # over, however rarely the lists write it; it costs as a place, `_free_costs`)
    q_seat = place_bits(q_tokens) if free_q and not initials else 0
    for i in sorted(free_q):
        result.unmatched_query.append(q_tokens[i])
        result.distinct_leftover |= q_w[i] > COMMON_WEIGHT and not (
            q_seat >> i & 1 and not country_at(q_tokens, i))
    for j in sorted(free_c):
        result.unmatched_candidate.append(c_tokens[j])
        result.distinct_leftover |= c_w[j] > COMMON_WEIGHT
    if initials and (any(q_legal) or any(c_legal)):
        result.query_suffixes = _left_suffixes(q_tokens, q_legal, free_q)
        result.cand_suffixes = _left_suffixes(c_tokens, c_legal, free_c)
    result.strongest = strongest
    # (a query's tail counts with its first half only where the listed name pairs it: an
    # Afghan family name Ullah after a given name, left unpaired, is a word of its own)
    q_tails = _tails(q_tokens, q_legal, joined_q | free_q, True) if initials else 0
    result.query_words = (len(q_legal) - sum(q_legal) - joined_query - q_tails
                          - (_heads(q_tokens, q_legal, joined_q) if initials else 0))
    # (the listed name's "Abd" counts with its other half when the query has the compound
    # too: a misspelt "BADUR REHMAN" is two words against "ABDUR REHMAN"; so does its
    # "Ullah", which a list may write first: "ULLAH, Ehsan" is Ehsanullah, one name)
    result.cand_words = (len(c_legal) - sum(c_legal) - joined_cand
                         - (_heads(c_tokens, c_legal, joined_c)
                            if initials and _heads(q_tokens, q_legal, set()) else 0)
                         - (_tails(c_tokens, c_legal, joined_c, False) if q_tails else 0))
    result.score = matched / (matched + penalty) if matched > 0 else 0.0
    if not initials:
        result.lone_common_name = _lone_common_name(pairs, cand, free_c, {
            industry(q_tokens[i]) for i in free_q} - {None})
    return result


def _left_suffixes(tokens: tuple[str, ...], legal: tuple[bool, ...], free: set[int]
                   ) -> tuple[str, ...]:
    """(people) The generational suffixes (role words: `prepare._suffix_tokens`) among
    the `free` tokens."""
    return tuple([tokens[k] for k in sorted(free) if legal[k] and is_suffix(tokens[k])])


def _unseen_after_cut(query: Name, cand: Name, free_q: set[int], free_c: set[int],
                      pairs: Sequence[TokenPair], q_cost: list[float],
                      c_cost: list[float]) -> None:
    """(organisations) A name as long as a field (`orgs.reaches_width`) whose last word
    paired with the last listed word paired, of a longer listed name, and whose every
    other word (no legal form) paired too: the field cut the listed name there, and its
    words after that one are unseen, not left out (cost 0: "JOINT STOCK COMPANY VOLGA
    SHIPYARD" ~ ... VOLGA SHIPYARD NAMED AFTER ...). So too when its last word, unpaired,
    may be cut (`orgs.may_be_cut`) and is the start of a listed word (`orgs.cut_start`,
    a legal form's too: "... VOLGA SHIPYARD GM" ~ ... GMBH) and the word before it paired
    so: that cut word costs nothing either. A name that starts otherwise ("Pyongyang
    ministry of defense") is no cut of the listed name."""
    last = end = len(query.tokens) - 1
    text = query.text.strip()
    if len(cand.text.strip()) <= len(text):
        return
    if last in free_q:
        end = last - 1
        if end < 0 or end in free_q or not (
                may_be_cut(text, query.tokens, query.legal)
                and cut_start(query.tokens[last], cand.text)):
            return
    if any(i in free_q and not query.legal[i] for i in range(end)):
        return
    seen = max([j for j in range(len(cand.tokens)) if j not in free_c], default=-1)
    if seen < 0 or not any(p.query == query.tokens[end] and p.candidate == cand.tokens[seen]
                           for p in pairs):
        return
    if end < last:
        q_cost[last] = 0.0
    for j in free_c:
        if j > seen:
            c_cost[j] = 0.0


#: the most slips (edits) a name may carry and still be read as that name slipped
NAME_SLIPS_MAX: Final = 2
#: the most a slipped word is lifted to by the rest of its name: still not the same word
NAME_SLIP_SIMILARITY: Final = 0.9
#: the shortest word two slips of which a name reads as slips whatever they are: in fewer
#: letters they change a third of it, and make another name as often when they replace two
#: letters (Wester / WALTER, Merkur / MERKEL) or land on a word of the lists
TWICE_SLIPPED_MIN: Final = 7
#: (organisations) the fewest letters of an organisation's one distinctive word, the longer
#: of its two spellings, that two slips leave read as the name alone
#: (`LONE_TWICE_SLIPPED_SIMILARITY`); the list word keeps `TWICE_SLIPPED_MIN`
LONE_TWICE_SLIPPED_MIN: Final = 8
#: what such a word is read at: as two slips in a word of nine letters are by the word's
#: own similarity (1 - 0.9 x 2 / 9), where eight letters leave 0.775 and a typist's two
#: slips in a company's coined name (GUMOBARO typed with a swap and a letter replaced)
#: scored below every alert
LONE_TWICE_SLIPPED_SIMILARITY: Final = 0.8


def _replaced(a: str, b: str) -> bool:
    """Whether `b` is `a` with characters replaced, each by one of its kind (a letter by a
    letter, a digit by a digit), and nothing else (no character added, lost or swapped):
    of two marks or codes, another one of the series (EP-IDB beside EP-IDA, YV2849 beside
    YV2869: a register allots its marks in one pattern). A character added ("RA-8y2013")
    or a digit typed as a letter ("RA-8l906" for RA-86906) is a typist's slip: no mark of
    the series is written so."""
    return len(a) == len(b) and a != b and OSA.distance(a, b) == Hamming.distance(a, b) \
        and all([x.isdigit() == y.isdigit() for x, y in zip(a, b) if x != y])


def _other_mark(run: list[str], word: str, marks: frozenset[str]) -> bool:
    """Whether words run together (`run`) and the one `word` they were joined to are two
    marks of a series though one of them is a mark or code (`marks_of`, `_replaced`):
    UPA1235 is not UP-A1234, EPIDA is EP-IDA."""
    return (word in marks or not marks.isdisjoint(run)) and _replaced("".join(run), word)


def slips_apart(qt: str, ct: str) -> bool:
    """Whether two words of a few letters (`SHORT_WORD_MAX`, where two edits leave no
    similarity: Wkr / BAKR, Jea / PENA) may be a typist's two slips as `_name_slips`
    reads them: letters only, at most `NAME_SLIPS_MAX` edits that do not replace two
    letters. The bounds (`score_ceiling`, `bound.QueryBound`) count such pairs too."""
    return (2 <= len(qt) <= SHORT_WORD_MAX and 2 <= len(ct) <= SHORT_WORD_MAX
            and qt.isalpha() and ct.isalpha()
            and not (len(qt) == len(ct) and Hamming.distance(qt, ct) == 2)
            and OSA.distance(qt, ct, score_cutoff=NAME_SLIPS_MAX) <= NAME_SLIPS_MAX)


def _name_slips(query: Name, cand: Name, pairs: Sequence[TokenPair],
                near: Sequence[tuple[int, int, int]], c_w: Sequence[float],
                person: bool, known: Container[str] = ()) -> list[tuple[int, int, float]]:
    """Near pairs read as slips of the whole name: (pair, query token, similarity) to
    lift.

    A word's own similarity (1 - 0.9 x edits/length, less in four letters or fewer)
    judges a slip by the word alone, where one edit in a short word is as often another
    name. When every other word of both names agrees (sure pairs, nothing unpaired), the
    slips are a typist's slips of the name, judged by its letters: 1 - 0.9 x edits /
    letters of the listed name's distinctive and slipped words (legal forms and generic
    words say nothing of which name it is), up to `NAME_SLIP_SIMILARITY`. Not when:
    - the slips are more than `NAME_SLIPS_MAX` edits in all;
    - a pair is not by plain spelling (another name's form, an initial, a script), or
      is of numbers (a series: they agree exactly, or by one slip in a long one);
    - the query's word is a name people bear (`population.spelled_name`): a slip that
      lands on one is that name, in a person's name; in a company's (KIS ASIA NADVAK,
      TOGRNADO CAS) it is a slip, where the word is near by itself (a word of a few
      letters that is not stays its own: `bound.QueryBound` counts no such pair);
    - a short word (`SHORT_WORD_MAX` letters) slips in a person's name of syllables
      (Yong Chul PAK: no word longer than `SYLLABLE_MAX`, each of one run of vowels,
      `_syllable`) or in another name of short words only (EP-GOX, a code): one letter
      makes another syllable or code;
    - one word alone makes the name (its own similarity judges it), or two slips fall
      in a word shorter than `TWICE_SLIPPED_MIN` and either replace two of its letters
      (Navros / LAVROV: how two names differ) or make a word some listed name spells
      (`known`, the lists' words: Rost / TROOST, a name of its own), or the only other
      word is among the names people most commonly bear (James KUOK / "James Kioko").
      A typist's two slips that lose, add or swap letters in a short word (Lpoe / LOPEZ,
      Qacmer / SAMER) are judged by the name, as in a long one; in a word of a few
      letters, which they leave no similarity of its own (Wkr / BAKR), not beside one
      other word only that is among the names people commonly bear (top 30,
      `DISTINCT_NAME_CAP`: William ALI / "Viliam Palo", half of ALI).
    """
    lifted = {k for k, _, _ in near}
    if any([p.similarity < SURE_SIMILARITY for k, p in enumerate(pairs) if k not in lifted]):
        return []  # (a join below sure)
    edits = 0
    slipped: set[int] = set()
    short_twice = False  # two slips in one word of a few letters that make another word
    short_two = False  # ... or that a typist makes
    unlike = False  # ... in a word of a few letters, which leave it no similarity
    # a person's name of syllables (Chinese, Korean, Vietnamese, Burmese: every word one),
    # or another name of short words only (codes, acronyms: EP-GOX, JSC PFC)
    syllables = all([len(t) <= SYLLABLE_MAX and _syllable(t) for t in cand.tokens]
                    ) if person else all([len(t) <= SHORT_WORD_MAX for t in cand.tokens])
    for k, i, j in near:
        qt, ct = query.tokens[i], cand.tokens[j]
        if len(qt) < 2 or len(ct) < 2 or not (qt.isalpha() and ct.isalpha()):
            return []
        if (spelled_name(qt) and (pairs[k].similarity == 0.0 or (
                person and not _slip_off_name(query.folded[i])))
                ) or pairs[k].similarity != token_similarity(qt, query.folded[i], ct, cand.folded[j]):
            return []
        if syllables and max(len(qt), len(ct)) <= SHORT_WORD_MAX:
            return []
        word = OSA.distance(qt, ct, score_cutoff=NAME_SLIPS_MAX + 1)
        edits += word
        if edits > NAME_SLIPS_MAX:
            return []
        short = word > 1 and max(len(qt), len(ct)) < TWICE_SLIPPED_MIN
        short_twice |= short and (query.folded[i] in known or _two_replaced(qt, ct))
        short_two |= short
        unlike |= pairs[k].similarity == 0.0
        slipped.add(j)
    agree = [j for j in range(len(cand.tokens)) if j not in slipped
             and not cand.legal[j] and c_w[j] > COMMON_WEIGHT]
    if len(agree) + len(slipped) < 2 or short_twice:
        if not (person or agree or short_twice) and len(near) == 1:
            return _lone_twice_slipped(query, cand, pairs, near[0], known)
        return []  # (one word alone: its own similarity judges it)
    if short_two and len(agree) < 2 and all(
            [population_cap(cand.folded[j]) <= MOST_COMMON_WEIGHT for j in agree]):
        return []  # (James KUOK, "James Kioko": beside one of the commonest names only)
    if unlike and len(agree) < 2 and all(
            [population_cap(cand.folded[j]) <= DISTINCT_NAME_CAP for j in agree]):
        return []  # (William ALI, "Viliam Palo": half a short word, beside a common name)
    letters = sum([len(cand.tokens[j]) for j in agree], 0) + sum(
        [len(cand.tokens[j]) for j in slipped], 0)
    sim = min(NAME_SLIP_SIMILARITY, 1.0 - 0.9 * edits / letters)
    return [(k, i, sim) for k, i, _ in near if pairs[k].similarity < sim]


def _lone_twice_slipped(query: Name, cand: Name, pairs: Sequence[TokenPair],
                        pair: tuple[int, int, int], known: Container[str]
                        ) -> list[tuple[int, int, float]]:
    """(organisations) An organisation's one distinctive word (beside legal forms and
    generic words that agree, nothing else), two slips from the listed one in a long word
    (`LONE_TWICE_SLIPPED_MIN` letters, the listed one `TWICE_SLIPPED_MIN`): read at
    `LONE_TWICE_SLIPPED_SIMILARITY` (GUMBQARO S.A.S. for GUMOBARO S.A.S.), not when the
    slips replace two letters (how two names differ: `_two_replaced`) or make a word some
    listed name spells (`known`: another company's name). One slip there is near by
    itself; two in a shorter word stay the word's own similarity."""
    k, i, j = pair
    qt, ct = query.tokens[i], cand.tokens[j]
    if (max(len(qt), len(ct)) < LONE_TWICE_SLIPPED_MIN or len(ct) < TWICE_SLIPPED_MIN
            or pairs[k].similarity >= LONE_TWICE_SLIPPED_SIMILARITY
            or query.folded[i] in known or _two_replaced(qt, ct)
            or OSA.distance(qt, ct, score_cutoff=NAME_SLIPS_MAX) != NAME_SLIPS_MAX):
        return []
    return [(k, i, LONE_TWICE_SLIPPED_SIMILARITY)]


def _two_replaced(qt: str, ct: str) -> bool:
    """Whether two words of one length differ in two letters replaced (Navros / LAVROV: how
    two names differ), not in a letter lost and another added beside it, the letter
    between them shifted (Hrjun / HARUN: its A lost, a J added after the R; OSA counts
    both as two replaced letters)."""
    if len(qt) != len(ct) or Hamming.distance(qt, ct) != 2:
        return False
    p, q = [n for n in range(len(qt)) if qt[n] != ct[n]]
    return not (q == p + 1 and (qt[p] == ct[q] or qt[q] == ct[p]))


def _slip_off_name(qf: str) -> bool:
    """(people) Whether a slipped word that spells a name people bear (`spelled_name`) may
    still be read as a slip of the listed word by the name that agrees beside it: a name
    rarer than the top 30 of every country (`DISTINCT_NAME_CAP`). The population list is
    long (45,000 names, noisy at its short end): most words of three or four letters a
    slip makes spell some name (an Omer less its O, a Said less its D, AL-x written
    AR-x); a name that common is some people's own, and a typo seldom lands on one."""
    return population_cap(qf) > DISTINCT_NAME_CAP


def _syllable(token: str) -> bool:
    """Whether a word has one run of vowels (y after its first letter one: KYU, NGUYEN,
    HYON), as a romanised syllable of a Chinese, Korean, Vietnamese or Burmese name has;
    the short words of other names have two or more (MEHMET KAYA, JULIO LOPEZ PENA,
    YAHYA ABU HAMMAM), and are no syllables that one letter makes another."""
    runs = 0
    vowel = False
    for k, ch in enumerate(token):
        now = ch in "aeiou" or (ch == "y" and k > 0)
        runs += now and not vowel
        vowel = now
    return runs <= 1


def _lone_common_name(pairs: Sequence[TokenPair], cand: Name, free_c: set[int],
                      q_trades: set[str | None]) -> bool:
    """(organisations) Whether the only word that agrees beside generic words and legal
    forms is a name people commonly bear (`population.common_name`), and the listed name
    says more that the query lacks: another word (generic or not; a legal form, an article
    or a place aside: "Salah" is AL-SALAH, and a place qualifies a registered name; a
    trade the query's words left over name: "Arian Banking" ~ ARIAN BANK, `q_trades`; and
    a function word joining words the query has, `_joins_paired`).
    Companies are named after family names by the thousand: "Green Ltd" against GREEN
    SHIPPING LTD., "Rose" against ROSE GROUP share a family name, which says no more than
    two people sharing one does. A query holding the whole listed name, with words of its
    own ("D'Agostino & Company Ltd Holding") or a slip of its name ("Behan Oil Co." for
    BEHRAN OIL CO.), is compared as any other: the listed company may be the one meant
    (session 20 capped those too and lost three held-out listed companies)."""
    named = [p for p in pairs if p.weight > COMMON_WEIGHT]
    if len(named) != 1 or not common_name(named[0].query):
        return False
    return any([not cand.legal[k] and cand.tokens[k] not in ARTICLES
                and not place_at(cand.tokens, k) and industry(cand.tokens[k]) not in q_trades
                and not _joins_paired(cand.tokens, k, free_c) for k in free_c])


def _function_words() -> frozenset[str]:
    """generic_words.yml's stopwords that join a name's words (of, and, the, de, la, und):
    not the particles of an Arabic name (bin, abu: a nasab says whose child) nor titles."""
    found = _WORD_SETS.get("function words")
    if found is None:
        found = _WORD_SETS["function words"] = (
            _word_set("stopwords") - _nasab_particles() - _word_set("abjad_role_words")
            - _word_set("person_titles"))
    return found


def _joins_paired(tokens: Sequence[str], k: int, free: set[int]) -> bool:
    """Whether token `k` of a name is a function word (`_function_words`) between two
    words the other name has (not in `free`, that name's words left unpaired): BANK OF
    INDUSTRY AND MINE's "of" says no more than "Bank Industry and Mine" does. One before
    the name (VAN OORD) or beside a word the other lacks, a legal form too (FISCHER AND
    CO against "Fischer"), still counts. (With `free` empty: whether it stands between
    two words at all, what a bound of the score may leave uncharged.)"""
    joining = _function_words()
    if tokens[k] not in joining:
        return False
    before, after = k - 1, k + 1
    while before >= 0 and tokens[before] in joining:
        before -= 1
    while after < len(tokens) and tokens[after] in joining:
        after += 1
    return before >= 0 and after < len(tokens) and before not in free and after not in free


def read_slipped_forms(query: Name, cand: Name, slips: Slips
                       ) -> tuple[Name, list[int], bool, bool] | None:
    """The query name with its slipped legal forms (`orgs.slipped_forms`: position, the
    forms it may stand for) read as the form the listed name carries, their positions,
    whether the reading is free, and whether it reads a word the lists write there
    (`engine.query_slips`: kept only where the rest agrees); None when none is read. A
    word is read as a form the listed name has where the word stands (a first word as the
    listed first word, a last one as one of its last words) and the query has not (the
    listed form is left unpaired otherwise; a word of the query's own form beside it, PSVT
    of "PSVT LTD", whatever the query has), one listed form for one word.

    Against a listed name without such a form, every slip but a word the lists write
    there (JC of "JC CAR AUDIO") is read freely as a form it may stand for ("Quorvex
    Relief Agency LHC": LLC) where the rest of the name may carry the match
    (`_free_reading`): the comparison keeps that reading only when the rest agrees
    (`_rest_agrees`), and then decides as for any legal form (agreeing forms beside a name
    only near the other are no evidence: `compare_names`). Otherwise the word stays a word
    ("Quorvex PVC" is no company QUORVEX STEEL)."""
    c_legal = cand.legal
    n = len(c_legal)
    # the listed forms where a form stands too: the first word, and the last words
    last = n
    while last > 0 and c_legal[last - 1]:
        last -= 1
    c_end = list(range(max(last, 1), n))
    c_start = [0] if n > 1 and c_legal[0] else []
    q_forms = {t for t, lf in zip(query.tokens, query.legal) if lf}
    tokens = list(query.tokens)
    shown: list[int] = []
    used: set[int] = set()
    for i, forms, part, _ in slips:
        for j in c_start if i == 0 else c_end:
            form = cand.tokens[j]
            if j not in used and form in forms and (part or form not in q_forms):
                tokens[i] = form
                shown.append(i)
                used.add(j)
                break
    free = not shown
    written = any(w and i in shown for i, _, _, w in slips)
    if free:
        slips = tuple(s for s in slips if not s[3])
        listed = {t for t, lf in zip(cand.tokens, cand.legal) if lf}
        if not slips or not _free_reading(query, cand, slips, listed):
            return None
        for i, forms, _, _ in slips:
            tokens[i] = min(forms & listed or forms)
            shown.append(i)
    legal = list(query.legal)
    folded = list(query.folded)
    for i in shown:
        legal[i] = True
        folded[i] = fold_key(tokens[i])
    return Name(text=query.text, tokens=tuple(tokens), folded=tuple(folded),
                legal=tuple(legal)), shown, free, written


def _free_reading(query: Name, cand: Name, slips: Slips, listed: set[str]) -> bool:
    """Whether the query's slips may be read as forms against a listed name that does not
    carry them where they stand: a listed name with no form, or with the form a slip may
    be written elsewhere ("LCL Nordvale" ~ NORDVALE LLC; a listed name of another form
    is another kind of entity of that name, and a word one slip from a third form, ANO of
    AO beside an LLC, is no evidence it is a form); each slip a short form's
    (`orgs.SHORT_SLIP_MAX` letters at most: a long form two slips off is read as the
    listed form only), and the rest of the query (its words that are no form) as many
    words as the listed name's words that are no form, not all of them names people
    commonly bear ("Peter Gmbe" is no company PETER GMBH: a surname); `listed`: the
    listed name's forms. A cheap test, so that a bound of the score
    (`bound.QueryBound.ceiling`) gives up on few names."""
    if listed and not all(forms & listed for _, forms, _, _ in slips):
        return False
    read = {i for i, _, _, _ in slips}
    rest = [t for i, (t, lf) in enumerate(zip(query.tokens, query.legal))
            if not lf and i not in read]
    return (all(len(query.tokens[i]) <= SHORT_SLIP_MAX for i in read)
            and len(rest) == sum(not lf for lf in cand.legal)
            and not all(common_name(t) for t in rest))


def _written_word(query: Name, shown: Sequence[int], known: Container[str]) -> bool:
    """Whether a slip read freely as a form is a word of three letters or more the lists
    write (`Index.vocab`): an ordinary word one slip from a form (PVC, GAS), not a typed
    form. (Most pairs of letters are some listed name's initials: JC, OO.)"""
    return any(len(query.tokens[i]) >= 3 and query.folded[i] in known for i in shown)


def _rest_agrees(result: NameComparison, slipped: int = 0) -> bool:
    """Whether a comparison with the query's slips read as forms the listed name lacks
    (`read_slipped_forms`) is carried by the rest of the name: every word of both names
    that is no form paired, each surely (a legal form pairs only with a form, and is left
    unpaired otherwise) but for `slipped` (a word the lists write where the form stands,
    read as that form: the typist's other slip, of `NAME_SLIPS_MAX`)."""
    forms = legal_canonicals()
    return (sum(p.similarity < SURE_SIMILARITY for p in result.pairs
                if p.query not in forms) <= slipped
            and all(t in forms for t in result.unmatched_query)
            and all(t in forms for t in result.unmatched_candidate))


def _free_costs(
    query: Name,
    cand: Name,
    free_q: set[int],
    free_c: set[int],
    pairs: Sequence[TokenPair],
    initials: bool,
    query_extra_penalty: float,
    cand_extra_penalty: float,
    place_penalty: float,
    cand_roles: Sequence[int] | None,
    surname_penalty: float,
    unvocalised: bool,
    query_roles: Sequence[int],
    query_middle_penalty: float,
    links: Sequence[tuple[int, int]],
    query_facts: QueryFacts,
    q_w: Sequence[float],
    c_w: Sequence[float],
    least: bool = False,
) -> tuple[list[float], list[float], float, float]:
    """The penalty rules of `compare_names`: what each token left unpaired costs, by its
    role, once the alignment is done (`free_q`, `free_c`: the tokens left unpaired;
    `pairs`: the pairs made). Returns the factor of each query and listed token (read for
    the free ones), the least weight a legal form only the query gives is charged at, and
    the least weight any other free name is charged at (`_charge_free` adds them up).
    `links`: (people) the (query, listed) positions of the pairs made. `query_facts`:
    `QueryFacts(query)`, worked out once per query name by the caller. `q_w`, `c_w`: the
    query and listed tokens' weights (a place's factor is its share of them:
    `_place_share`). `least`: for a
    bound of the score (`bound.QueryBound.ceiling`), the free tokens are those certainly
    left unpaired and `pairs` stand for the most pairs the others could make; the rules
    that read which other tokens paired (a compound's halves) then charge their least.

    Its own function so that a bound of the score can charge the tokens that certainly
    stay unpaired by these same rules: a bound that kept a copy of them would drift from
    the score the first time a rule changed, and lose a listed party without a sign.
    """
    q_tokens, q_legal = query.tokens, query.legal
    c_tokens, c_legal = cand.tokens, cand.legal
    # patronymics (people): one only the query gives is a middle name the list omits; two
    # different ones contradict each other (Ivanovich is not Viktorovich)
    q_patr = {i for i in free_q if is_patronymic(q_tokens[i])} if initials else set()
    c_patr = {j for j in free_c if is_patronymic(c_tokens[j])} if initials else set()
    conflict = bool(q_patr and c_patr)
    # (people) every pair made is of names among the most common people bear
    common = bool(pairs) and all([p.weight <= MOST_COMMON_WEIGHT for p in pairs])
    q_cost = [query_extra_penalty] * len(q_tokens)
    c_cost = [cand_extra_penalty] * len(c_tokens)
    differ = False
    legal_floor = 0.0  # the least a legal form only the query gives weighs
    fit_agrees = unvocalised and _fit_anchored(pairs)
    if initials:
        for i in q_patr:
            q_cost[i] = query_extra_penalty if conflict else cand_extra_penalty
        # a name each side gives and the other lacks: different people, not an omission
        differ = any(i not in q_patr and not q_legal[i] for i in free_q)
        if query_roles and not any(j not in c_patr and not c_legal[j] for j in free_c):
            # the listed name is the shorter: the query's middle names (a nasab chain, a
            # second given name) may be what the list leaves out
            # an Arabic-, Persian- or Hebrew-script name is a chain (own name, father's,
            # grandfather's, family or tribe) with no surname by position: the Latin record
            # often carries only its first links (محمد طاهر حامد حسين ~ "HAMMID, Mohammed
            # Tahir"), so a last name only the query gives costs as a link of the chain
            # the list leaves out
            chain = unvocalised and query_facts.chain
            # (a query in Hebrew letters that is no chain: its middle names are its own)
            nasab = unvocalised and (chain or not query_facts.abjad)
            last = len(q_tokens) - 1
            # the query's last name beside a listed name of two or more words that all
            # agree: the list may write a shorter form of the name (a tribe or a grandfather
            # left out: "MOHAMMAD YAQOUB HAQQANI" ~ "MOHAMMAD YAQOUB")
            shorter = len(pairs) - _heads([p.query for p in pairs], [False] * len(pairs),
                                          set()) >= 2
            for i in free_q:
                if i >= len(query_roles) or i in q_patr:
                    continue
                if query_roles[i] == MIDDLE or query_roles[i] == HEAD:
                    # a nasab chain (Arabic-script names) is cut short by convention, and a
                    # middle initial says little; beside names that all are among the most
                    # common ("Mohammed Ali Hassan" ~ HASSAN, Mohamed), the middle name is
                    # what would tell two people apart: another name, at full cost
                    short = nasab or len(q_tokens[i]) == 1
                    q_cost[i] = (cand_extra_penalty if short
                                 else query_extra_penalty if common
                                 else query_middle_penalty)
                elif chain and i == last and i > 0 and query_roles[i] == SURNAME:
                    q_cost[i] = cand_extra_penalty
                elif (shorter and not common and i == last and i > 0
                      and query_roles[i] == SURNAME):
                    # (not beside names all among the most common: the query's family name
                    # is then what tells its bearer apart, and costs in full)
                    q_cost[i] = QUERY_LAST_PENALTY
            if chain:
                listed_head = any([p.candidate in compound_heads() for p in pairs])
                # a compound left out (جلال الدين, حبيب الله; a Persian one by its head,
                # غلام محمد, خدای نظر) is one link of the chain
                for i in free_q:
                    head = i - 2 if i >= 2 and q_tokens[i - 1] == "al" else i - 1
                    # (`least`: the head may be left unpaired too, or have paired with a
                    # listed compound head)
                    if (head >= 0 and (least or head in free_q) and not q_legal[head]
                            and (q_tokens[i] in _compound_tails()
                                 or (head == i - 1 and q_tokens[head] in _abjad_compound_heads()
                                     and not q_legal[i]))):
                        q_cost[i] = 0.0
                        if head == i - 2 and i - 1 in free_q:
                            q_cost[i - 1] = 0.0  # the tail's article (نور الدين): one link
                    elif (not least and head >= 0 and head not in free_q and not q_legal[i]
                          and q_tokens[head] in compound_heads() and not listed_head):
                        # the second half of a compound whose head paired alone with a
                        # name (عبد الرحيم "abd al rhym": ABBOUD took "abd"): the pair
                        # split one name, whose other half is no link of the chain the list
                        # may leave out (a listed compound head, 'ABDUL Amir, took it in
                        # turn: the list's compound, paired its own way)
                        q_cost[i] = query_extra_penalty
        if not least and not unvocalised:
            # the query's compound given name written apart in Latin letters (Ehsan Ullah,
            # Nour Eddine) whose first half paired alone with a listed name: the compound is
            # another given name than its first half (as Ehsanullah written solid is), not a
            # middle name the list leaves out. (An Arabic-script name's compound left over
            # costs as a link of its chain, as the Latin record may cut it: امین الله کریمی
            # ~ AMIN KARIMI, above.)
            for i in free_q:
                if (i > 0 and i - 1 not in free_q and not q_legal[i] and not q_legal[i - 1]
                        and q_tokens[i] in _any_compound_tails()):
                    q_cost[i] = query_extra_penalty
        if unvocalised and any([c_tokens[j] == "al" and j not in free_c
                                for j in range(len(c_tokens))]):
            # the list's article paired with another of the query's (its first: كريم الحسن
            # البرقاوي "al hsn" beside AL-BARQAWI, Karim Hasan): the article of a word that
            # paired is that word's, and costs nothing left over
            for i in free_q:
                if (q_legal[i] and q_tokens[i] == "al" and i + 1 < len(q_tokens)
                        and i + 1 not in free_q and not q_legal[i + 1]):
                    q_cost[i] = 0.0
        # a middle name left out is an omission beside names that agree; beside a name
        # that only looks alike ("Yu Wang" ~ "YU, Kwang Ho": wang ~ kwang) it is a second
        # difference, and costs as a middle name only the query gives would
        middle = cand_extra_penalty
        if not unvocalised and any(p.similarity < SURE_SIMILARITY
                                   and p.similarity != INITIAL_SIMILARITY for p in pairs):
            middle = query_middle_penalty
        if (free_c and cand_roles and common and not unvocalised
                and "," not in cand.text):
            # a common name matched only on common words is weak evidence: beside names
            # that are all among the most common people bear ("Jose Garcia"), a word of a
            # listed name written without a comma ("JOSE ERNESTO GARCIA") that the query
            # lacks is not known to be a middle name (the list does not say which word is
            # which: a second given name, a first surname, "LOPEZ" in "OSCAR IGNACIO LOPEZ
            # SOTO"): a name of another person, costing what a name only the query gives does
            middle = query_extra_penalty
        if free_c and query_facts.whole_given:
            # a name written in Han or Hangul script gives the whole given name: a listed
            # given-name syllable it lacks ("DU, Yu Rong" for 杜玉, Du Yu) makes another
            # given name, not a middle name left out
            middle = query_extra_penalty
        # a listed name written surname first ("FU Chin Chung") read as "Given Middle
        # Surname": its middle words are given names, the first of them left out
        surname_first = _surname_first(query_roles, cand_roles, c_tokens, links)
        # a "SURNAME, Given Middle" name whose part before the comma (a family name, or
        # one with its article that `name_roles` reads as a link of a chain) is left out
        # whole, and a link of the chain after the comma skipped before one that pairs,
        # keeps no name that says which family: the query shares a given name and an
        # ancestor's name alone ("Ahmad Taha" for "AL-HUSSEIN, Taha Osman Ahmed"), as many
        # people do. The family name costs as a first surname would; a chain cut short
        # ("Taha Osman", "Taha AL-HUSSEIN") or without its family name ("Taha Osman
        # Ahmed") is read as before.
        head = (_comma_head(cand_roles, free_c, c_legal, c_patr, links,
                            common and not unvocalised)
                if links and "," in cand.text else 0)
        # a second surname left out: Hispanic convention gives a person two surnames, the
        # father's first and the mother's second, and lets everyday use and other records
        # drop the second ("the second surname is often omitted in informal use", Wikipedia
        # "Spanish naming customs"): left out beside a first surname that paired and is
        # none of the 30 most common of a country, it is an omission and costs as a middle
        # name left out would (the explanation lists it as the list's only). Beside a first
        # surname that common ("Sergio Rodriguez" ~ RODRIGUEZ LOPEZ, Sergio, issue 11;
        # "Raul Hernandez", "Jose Mendez") the second surname is what tells its bearer from
        # the many others, and costs `surname_penalty` (a bound charges the least)
        second = min(surname_penalty, middle)
        for j in free_c:
            if j < head and not c_legal[j]:
                c_cost[j] = query_extra_penalty
            elif j in c_patr:
                c_cost[j] = query_extra_penalty if conflict else cand_extra_penalty
            elif (differ or surname_first) and not c_legal[j]:
                c_cost[j] = query_extra_penalty
            elif cand_roles is not None:
                # (the pairs are read for a second surname alone: `omission_cost` asks
                # for its cost only there)
                kept = least or (is_second_surname(cand_roles, j) and j - 1 not in free_c
                                 and _distinct_pair(pairs, c_tokens[j - 1]))
                c_cost[j] = omission_cost(cand_roles, j, middle, query_extra_penalty,
                                          second if kept else surname_penalty)
            elif not c_legal[j]:
                c_cost[j] = middle
    else:
        # places qualify organisation names: one side's place alone is a weak qualifier,
        # two different places contradict each other ("Beijing X" is not "Shanghai X")
        # (a country named in several words is one place where they stand together:
        # "North Korean"; `places.place_at`)
        # (`place_bits`: kept by the name, the listed one met in query after query)
        q_bits = place_bits(q_tokens) if free_q else 0
        c_bits = place_bits(c_tokens) if free_c else 0
        q_places = [i for i in free_q if q_bits >> i & 1]
        c_places = [j for j in free_c if c_bits >> j & 1]
        # a designator only one side gives weighs as a generic word (`designator_extra`)
        for i in free_q:
            if designator(q_tokens[i]) and q_w[i] > COMMON_WEIGHT:
                q_cost[i] *= designator_extra(q_tokens[i], q_w[i]) / _extra(q_w[i])
        for j in free_c:
            if designator(c_tokens[j]) and c_w[j] > COMMON_WEIGHT:
                c_cost[j] *= designator_extra(c_tokens[j], c_w[j]) / _extra(c_w[j])
        # (a word of three letters or more: an article or "co" pairs with every such name;
        # or two distinctive words each spelt in full: two patterns that both spell the
        # listed words are the name, as one sure word beside one is, المصرف الزراعي
        # AL MASRAF AL ZERAEI)
        sure_pair = unvocalised and (
            any([p.similarity >= SURE_SIMILARITY and len(p.query) > 2 for p in pairs])
            or sum([p.weight > COMMON_WEIGHT and not _near(p, True) for p in pairs]) > 1)
        # a country only an abjad-script query names, after a name whose other words agree
        # surely (بانک مهر ایران, MEHR BANK: BANK), is the register's own country beside a
        # word its pattern spells in full, no misspelling, as a legal form is (below)
        spelt = (unvocalised and sure_pair and not c_places and bool(q_places)
                 and all([country_at(q_tokens, i) for i in q_places]))
        if _places_differ(q_tokens, c_tokens, q_places, c_places):
            for j in c_places:  # (never less than before: see `orgs.charge_trades`)
                c_cost[j] = max(c_cost[j], query_extra_penalty)
        elif not any(_near(p, fit_agrees or spelt) for p in pairs):
            # the words of one place ("hong kong") count once; a place left out is weak
            # only beside a name that agrees: a misspelt word and a place only the list
            # gives are two differences ("Clement" is not "TEHRAN CEMENT"); a country only
            # the list gives names a company of that country ("Banco Santander" is not
            # BANCO SANTANDER MEXICO), costing as any word the list adds
            # a country only the query gives is weak beside a distinctive word that agrees
            # ("Aeroflot - Russian Airlines"), not beside generic words alone: they say
            # nothing of which company it is ("Trade Bank Iran" is not KOREA TRADE BANK)
            # beside a distinctive word that agrees, or a listed name whose every word
            # agrees but its legal form, a place only the query gives costs as a place,
            # however rarely the lists write it: its share of a generic word's weight
            # (`_place_share`), so "Chaoyang X" costs against X what "Beijing X" does, and
            # "Tianjin Global Supply Co." against GLOBAL SUPPLY LTD. what "Global Supply
            # Co." does (a register's city is the company's seat, not a word of its name)
            # (a country keeps its word's weight: the name read without it must agree in
            # all else, `countries`)
            # (not where the listed name leaves a distinctive word of its own unpaired: the
            # query's city may stand where the list names another, "Sevastopol Merchant
            # Sea Port" is not YALTA MERCHANT SEA PORT, which may be no place the tables
            # know)
            distinct = any([p.weight > COMMON_WEIGHT for p in pairs])
            seat = (distinct or bool(pairs) and all([c_legal[j] for j in free_c])) and not any(
                [c_w[j] > COMMON_WEIGHT and not c_legal[j] for j in free_c])
            # (a country or region beside a legal form the query gives is a branch's: "Hikvision
            # UK Limited", "Rosneft Deutschland GmbH" register the listed company's name in
            # the country they serve; it costs as a city does, not the name read without it)
            branch = any(q_legal)
            for i in q_places:
                country = country_at(q_tokens, i)
                if distinct or not country:
                    q_cost[i] = (0.0 if place_goes_on(q_tokens, i, q_places)
                                 else place_penalty * _place_share(q_w[i])
                                 if seat and (branch or not country) else place_penalty)
            for j in c_places:
                if not country_at(c_tokens, j):
                    c_cost[j] = 0.0 if place_goes_on(c_tokens, j, c_places) else place_penalty
        if not least:
            # two different trades ("Kestrel Airlines", KESTREL SHIPPING): each word at its
            # whole weight, where `_extra` halves a generic word's; one trade written two
            # ways ("Bank", BANKING) little (a bound of the score charges them less: it
            # stays a bound)
            charge_trades(q_tokens, c_tokens, free_q, free_c, q_cost, c_cost,
                          2.0 * query_extra_penalty)
            # a name of two words agreeing on one: the other word is the name's own where
            # the listed name says another ("Nordic Star" is not NORDIC MARITIME PTE. LTD.,
            # whose STAR the lists write often): it weighs as a conflicting word does
            other = _other_of_two(query, cand, q_bits, c_bits, free_q, free_c, pairs)
            if other is not None:
                q_cost[other] = max(q_cost[other], query_extra_penalty * CONFLICT_WEIGHT
                                    / _extra(q_w[other]))
            # one kind of body written two ways ("Group", CONCERN): little, as one trade
            # (the other of two words too: "Kalashnikov Group" says what CONCERN does)
            charge_designators(q_tokens, c_tokens, free_q, free_c, q_cost, c_cost)
        # an activity phrase says the company's kind once: a trading company's "for" and
        # "general" cost nothing beside its trade word (`orgs.activity_words`: "for general
        # trading"), a register's phrase costs at its first word only, as a place does
        # (`registered.phrase_goes_on`: "Sanayi ve Ticaret", "Import and Export")
        for i in activity_words(q_tokens, free_q):
            q_cost[i] = 0.0
        for j in activity_words(c_tokens, free_c):
            c_cost[j] = 0.0
        # a function word between two words that paired says nothing the other name
        # lacks, on either side (`_joins_paired`): BANK OF INDUSTRY AND MINE's "of" as
        # "Bank Industry and Mine", and the "for" an Arabic reading gives a prefixed lam
        # (الشركة الوطنية للنفط, "company national for oil") as NATIONAL OIL COMPANY
        for i in free_q:
            if _joins_paired(q_tokens, i, free_q):
                q_cost[i] = 0.0
        for j in free_c:
            if _joins_paired(c_tokens, j, free_c):
                c_cost[j] = 0.0
        for i in free_q:
            if phrase_goes_on(q_tokens, i):
                q_cost[i] = 0.0
        for j in free_c:
            if phrase_goes_on(c_tokens, j):
                c_cost[j] = 0.0
        if (any(q_legal[i] for i in free_q)
                and not any(q_legal[i] for i in range(len(q_tokens)) if i not in free_q)
                and any(p.weight > COMMON_WEIGHT and _near(p, unvocalised and sure_pair)
                        for p in pairs)):
            # a legal form names a registered company, and its name is written exactly: a
            # legal form the listed name lacks (or another one) beside a distinctive word
            # only near the query's is a second difference ("Haas LLC" is not HAMAS,
            # "Clement SARL" not JSC ELEMENT), as a place would be; once a legal form
            # agrees, another one ("Lehner and Co LLC") is a style of the name. A word of
            # an abjad-script name whose pattern spells the Latin word in full is that word
            # written in its script, no misspelling, beside any word that agrees surely, a
            # term its reading translated too (a register's هواپیمایی کاسپین ذ.م.م, CASPIAN
            # AIRLINES: AIRLINES is no distinctive word); alone, a pattern of three or four
            # consonants spells many words in full (חן LLC is not SI CHEN)
            legal_floor = CONFLICT_WEIGHT
        # a word the name writes twice, or its reading gives twice (شرکت کالای الکتریکی
        # کالای برق, "company Kalaye electric Kalaye electric"), said once where it paired:
        # the listed name lacks no word of it
        paired = {p.query for p in pairs}
        for i in free_q:
            if q_tokens[i] in paired:
                q_cost[i] = 0.0
    if initials and any(q_legal[i] and c_legal[j] and other_generations(q_tokens[i], c_tokens[j])
                        for i in free_q for j in free_c):
        # (people) two generations of one family's name (Jr. and Sr., II and III): the
        # son is not the father; the query's suffix weighs as a conflicting name does, as
        # two different patronymics do (a suffix only one side gives says nothing)
        legal_floor = CONFLICT_WEIGHT
    # two different names in one place (people: each side has a name the other lacks) are
    # evidence against, however common each is: population caps say a common name agreeing
    # proves little, not that Mohamed and Ali may be the same name
    floor = 0.0
    if initials and differ and any(j not in c_patr and not c_legal[j] for j in free_c):
        floor = CONFLICT_WEIGHT
    elif initials and free_c and common_agreement([p.weight for p in pairs]):
        # the query's names agree only with names people commonly bear: a listed name the
        # query lacks is what would tell the listed person apart from the many who share
        # them, and weighs (at its omission's factor) as a conflicting name does, however
        # often the lists write it (AHMED is no less a name for being frequent there)
        floor = CONFLICT_WEIGHT
    return q_cost, c_cost, legal_floor, floor


def _other_of_two(query: Name, cand: Name, q_bits: int, c_bits: int, free_q: set[int],
                  free_c: set[int], pairs: Sequence[TokenPair]) -> int | None:
    """(organisations) The query's word left unpaired where its name is two words (no
    legal form, place or function word) of which the other, a distinctive word, pairs,
    and the listed name leaves a word of its own unpaired: two names sharing one word and
    each saying another. None where the word names a trade (`orgs.charge_trades` reads
    two trades) or the query is no such name."""
    joins = _function_words()

    def words(name: Name, bits: int) -> list[int]:
        return [k for k, t in enumerate(name.tokens)
                if not name.legal[k] and not bits >> k & 1 and t not in joins]

    q_words = words(query, q_bits)
    left = [i for i in q_words if i in free_q]
    if len(q_words) != 2 or len(left) != 1 or industry(query.tokens[left[0]]) is not None:
        return None
    if query.tokens[left[0]] in joined_initials(query.text):
        return None  # a unit of initials ("S & L"), a slip of letters as likely as a name
    agrees = query.tokens[q_words[0] if left[0] == q_words[1] else q_words[1]]
    if not any([p.query == agrees and p.weight > COMMON_WEIGHT for p in pairs]):
        return None
    return left[0] if any([j in free_c for j in words(cand, c_bits)]) else None


def _near(pair: TokenPair, fit_agrees: bool) -> bool:
    """Whether a pair's words are only near each other, not one name: below the sure
    similarity, unless (`fit_agrees`: an unvocalised query's name beside a distinctive word
    that agrees surely, `_fit_anchored`) an abjad word's pattern spells the Latin word in full
    (`abjad.similarity` 0.9, the most such a pair scores): الشام "shm" ~ CHAM beside WINGS
    is the word written in another script, as sure as writing allows, no misspelt word."""
    return pair.similarity < SURE_SIMILARITY and not (
        fit_agrees and pair.similarity >= ABJAD_SIMILARITY
        and max(abjad_similarity(pair.query, pair.candidate),
                abjad_similarity(pair.candidate, pair.query)) >= ABJAD_SIMILARITY)


def _fit_anchored(pairs: Sequence[TokenPair]) -> bool:
    """Whether a full abjad fit may count as the same word: only beside a distinctive word
    that agrees surely. Alone, a pattern of three or four consonants spells many Latin
    words in full (סגל "sgl" ~ CAGL, SEGAL, SIGAL), and which one the name is, no other
    word says."""
    return any([p.similarity >= SURE_SIMILARITY and p.weight > COMMON_WEIGHT for p in pairs])


def _places_differ(q_tokens: tuple[str, ...], c_tokens: tuple[str, ...], q_places: list[int],
                   c_places: list[int]) -> bool:
    """Whether the places two organisations' names leave unpaired are two different ones:
    two cities or provinces, or two countries ("Iranian X", SYRIAN X); not a city and a
    country, which may be its own ("Beijing X", X OF CHINA)."""
    q_countries = sum(country_at(q_tokens, i) for i in q_places)
    c_countries = sum(country_at(c_tokens, j) for j in c_places)
    # two directions before a place ("North Sudan", SOUTH SUDAN: the one a country, the
    # other a region, as "East Azerbaijan" and WEST AZERBAIJAN are two provinces)
    q_points = {direction(q_tokens[i]) for i in q_places} - {None}
    c_points = {direction(c_tokens[j]) for j in c_places} - {None}
    return (bool(q_countries and c_countries)
            or len(q_places) > q_countries and len(c_places) > c_countries
            or bool(q_points and c_points and q_points.isdisjoint(c_points)))


def _comma_head(cand_roles: Sequence[int] | None, free_c: set[int], c_legal: tuple[bool, ...],
                c_patr: set[int], links: Sequence[tuple[int, int]], common: bool) -> int:
    """How many tokens of a listed "SURNAME, Given Middle" name stand before its comma when
    they are all left out and so is a name after the comma that stands before a paired
    one (`links`: the (query, listed) pairs), or (`common`) every pair made is of names
    among the most common people bear ("Mohammed Ali Hassan" ~ "AL-WARDIAN, Hassan
    Muhammad 'Ali": the family name alone tells such people apart); 0 otherwise:
    `_free_costs` charges them in full."""
    # (a compound given name's head, HEAD, may stand first)
    head = next((j for j, role in enumerate(cand_roles or ()) if role in (GIVEN, HEAD)), 0)
    if head == 0 or any([j not in free_c for j in range(head)]):
        return 0
    if common:
        return head
    last = max([j for _, j in links])
    if not any([head <= j < last and j not in c_patr and not c_legal[j] for j in free_c]):
        return 0
    return head


def _charge_free(penalty: float, q_cost: list[float], c_cost: list[float],
                 q_w: Sequence[float], c_w: Sequence[float], q_legal: tuple[bool, ...],
                 c_legal: tuple[bool, ...], free_q: set[int], free_c: set[int],
                 legal_floor: float, floor: float) -> float:
    """`penalty` with every free token's cost added (`_free_costs`: factor times its weight,
    at least `floor`, a legal form at least `legal_floor`, half for a generic word), the
    query's first, each side in token order (the order of the additions is part of the
    score, to its last bit)."""
    for i in sorted(free_q):
        penalty += q_cost[i] * _extra(max(q_w[i], legal_floor) if q_legal[i]
                                      else max(q_w[i], floor))
    for j in sorted(free_c):
        penalty += c_cost[j] * _extra(c_w[j] if c_legal[j] else max(c_w[j], floor))
    return penalty


#: the longest romanised syllable of a Chinese, Korean or Vietnamese name (zhuang, chuong)
SYLLABLE_MAX: Final = 6


def _surname_first(query_roles: Sequence[int], cand_roles: Sequence[int] | None,
                   cand_tokens: Sequence[str], links: Sequence[tuple[int, int]]) -> bool:
    """Whether a listed person's name without a comma is written surname first, as Chinese,
    Korean, Vietnamese and Hungarian names are: its first word pairs with the query's
    surname and its last word with the query's given name ("Zhong Fu" ~ "Fu Chin Chung").

    `prepare.name_roles` reads a name without a comma as "Given Middle Surname", so the
    words between would be middle names a query may leave out; written surname first they
    are the given name ("Chin Chung"), and a query that gives only its last syllable
    ("Zhong" for Chung) leaves out the first given name, a different name, not an
    omission. Only names whose every word is a syllable (`SYLLABLE_MAX` letters at most),
    as the romanised names written surname first are: a query "Serrano Pablo" against
    "PABLO ANDRES SERRANO" is that name written surname first, its middle name left out.
    A query that keeps the order (Fu Chin Chung queried "Fu Chung") is read as before.
    """
    if not query_roles or not cand_roles or len(cand_roles) < 3:
        return False
    last = len(cand_roles) - 1
    if cand_roles[0] not in (GIVEN, HEAD) or cand_roles[last] != SURNAME:
        return False  # a "SURNAME, Given" name says its order itself
    if any([len(t) > SYLLABLE_MAX for t in cand_tokens]):
        return False  # words longer than a syllable: a name read in its written order
    head = tail = False
    for i, j in links:
        role = query_roles[i] if i < len(query_roles) else MIDDLE
        head |= j == 0 and role == SURNAME
        tail |= j == last and role == GIVEN
    return head and tail


def _may_pair(qt: str, qf: str, ql: bool, cand: Name, initials: bool) -> bool:
    """Whether `compare_names` could align this query token with any candidate token:
    a similar token, an initial, or a piece of a word one side runs together. People's
    tokens pair whatever their roles, as in `compare_names` (a particle with a name:
    "et" ~ EL); an organisation's legal form only with a legal form."""
    for ct, cf, cl in zip(cand.tokens, cand.folded, cand.legal):
        if (initials or ql == cl or qt == ct) and token_similarity(qt, qf, ct, cf) > 0.0:
            return True
        if not (ql or cl) and slips_apart(qt, ct):
            return True
        if initials and (len(qt) == 1 or len(ct) == 1) and qt[0] == ct[0]:
            return True
    for ct, cf in zip(cand.tokens, cand.folded):
        if len(ct) == len(qt):
            continue
        if max(fuzz.partial_ratio(qf, cf), fuzz.partial_ratio(qt, ct)) >= 60:
            return True
    return False


def score_ceiling(
    query: Name,
    cand: Name,
    weigh: Weigher,
    query_extra_penalty: float = 1.0,
    cand_extra_penalty: float = 0.5,
    initials: bool = False,
    place_penalty: float = PLACE_PENALTY,
    query_middle_penalty: float = QUERY_MIDDLE_PENALTY,
) -> float:
    """An upper bound of `compare_names(query, cand, ...).score`, without aligning.

    Every query token that could pair with anything is counted as a perfect match at the
    largest weight a pair can have ((w + 1) / 2: weights are at most 1); only tokens that
    certainly stay unmatched cost their penalty. Monitoring uses it to drop candidate
    pairs that cannot reach the threshold before paying for the real comparison.
    """
    if has_abjad(query.text) or has_abjad(cand.text):
        return 1.0  # abjad spellings and their joins are not bounded here: never pruned
    if not initials:
        slips = slipped_forms(query.tokens, query.legal)
        if slips and read_slipped_forms(query, cand, slips) is not None:
            # a word that may be read as the listed name's legal form (`compare_names`
            # compares another query name then; the query's type and the lists' words,
            # which may keep it a word, are not known here): never pruned
            return 1.0
    matched = penalty = 0.0
    roles = name_roles(query.text) if initials else ()
    q_words = word_spans(query)  # as in compare_names
    c_words = word_spans(cand) if q_words else ()
    if not c_words:
        q_words = ()
    # (organisations) the trades the listed name names (a query's word of one costs little)
    c_trades = set() if initials else {industry(ct) for ct in cand.tokens} - {None}
    c_kind = not initials and any([designator(ct) for ct in cand.tokens])
    # (organisations) an activity phrase's framing words (`orgs.activity_words`) cost nothing
    framing = () if initials else activity_words(query.tokens, range(len(query.tokens)))
    for k, (qt, qf, ql) in enumerate(zip(query.tokens, query.folded, query.legal)):
        w = weigh(qf, ql)
        if _may_pair(qt, qf, ql, cand, initials) or (q_words and any(
                _word_slip(query, q_words, k, cand, c_words, j) > 0.0
                for j in range(len(cand.tokens)))):
            matched += (w + 1.0) / 2.0
            continue
        if k in framing or not initials and _joins_paired(query.tokens, k, set()):
            continue  # (a function word between two words: free where both pair)
        extra = query_extra_penalty
        if initials and k < len(roles) and roles[k] == MIDDLE:
            extra = min(extra, query_middle_penalty)
        if initials and k == len(query.tokens) - 1 and k > 0:
            extra = min(extra, QUERY_LAST_PENALTY)  # beside a shorter listed name
        if initials and is_patronymic(qt):
            extra = min(extra, cand_extra_penalty)
        elif not initials and phrase_goes_on(query.tokens, k):
            extra = 0.0  # a register's activity phrase, charged at its first word
        elif industry(qt) in c_trades or c_kind and designator(qt):
            extra = min(extra, SHARED_TRADE)  # a trade or designator the listed name has too
        elif not initials and place_at(query.tokens, k):
            # (a place, its words after the first free, a city's mark too: `place_goes_on`)
            # (charged at its share of the word's mass, `_place_share`, as beside a
            # distinctive word that agrees: never more than the comparison charges)
            extra = (0.0 if is_city_mark(qt) or k and place_at(query.tokens, k - 1)
                     and not is_city_mark(query.tokens[k - 1])
                     else min(query_extra_penalty, place_penalty) * _place_share(w))
        penalty += extra * (_extra(w) if initials else designator_extra(qt, w))
    return matched / (matched + penalty) if matched > 0 else 0.0

