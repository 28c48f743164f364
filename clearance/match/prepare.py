"""Prepare a name once, identically for list entries (at index time) and queries.

A `Name` holds the romanised tokens, their folded forms (romanisation-neutral keys, see
`clearance.match.fold`) and which tokens are legal forms. Scoring never re-normalises.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from clearance.match import hangul, zh
from clearance.match.abjad import (
    consonantal,
    has_abjad,
    hyphen_words,
    persian_words,
    written,
)
from clearance.match.abjad import similarity as abjad_similarity
from clearance.match.fold import fold, variant_key
from clearance.match.limits import MAX_FUZZY_TOKEN, MAX_NAME_TOKENS, bounded_text
from clearance.match.orgs import (
    join_letters,
    legal_forms,
    legal_forms_words,
    mark_legal_forms,
    respell_legal,
    split_glued_forms,
)
from clearance.match.registered import spell_out
from clearance.match.text import clean, normalize
from clearance.resources import load_resource

__all__ = ["ANY", "ARTICLES", "GIVEN", "HEAD", "MIDDLE", "ORG", "PERSON", "SURNAME", "Name", "after_article",
           "ends_in_generation", "fold_key", "is_suffix", "name_roles", "other_generations",
           "person_role_words", "person_variants", "prepare_name", "same_generation",
           "strip_parentheses",
           "trailing_words", "written_marks", "written_words"]

_PARENS = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")


def strip_parentheses(text: str) -> str | None:
    """The name without its parenthesised qualifiers ("X (HK)" -> "X"), or None if none."""
    text = bounded_text(text)  # the pattern backtracks over runs of spaces: keep them short
    out = _PARENS.sub("", text).strip()
    return out if out != text.strip() and out != "" else None


@cache
def trailing_words() -> frozenset[str]:
    """Generic words that may follow a legal form ("... AG Group", "... S.A. Holding")."""
    return frozenset(str(w) for w in load_resource("generic_words")["words"])


#: a registration mark written with its hyphen, in any case (`compare._MARK` as typed:
#: EP-CA, yk-ag)
_HYPHEN_MARK = re.compile(r"(?<![\w-])([A-Z0-9]{1,2})-([A-Z0-9]{2,6})(?![\w-])", re.IGNORECASE)
_NO_PARTS: frozenset[str] = frozenset()


def _mark_hyphens(text: str) -> list[re.Match[str]]:
    """The registration marks `text` holds written with a hyphen (`_HYPHEN_MARK`), not
    after an Arabic article (AL-SA) or a prefix that is a form itself (CO-KG: GmbH & Co.
    KG written with a hyphen)."""
    return [m for m in _HYPHEN_MARK.finditer(text) if m.group(1).lower() not in ARTICLES
            and (m.group(1).lower(),) not in legal_forms()]


def mark_parts(text: str) -> frozenset[str]:
    """The folded parts of the registration marks `text` holds written with a hyphen
    (`_mark_hyphens`: YK-AG's AG, EP-CA's CA): a mark's characters, never a legal form
    (`mark_legal_forms`' `kept`), though a mark part a character short may spell one (the
    listed YK-AGB typed YK-AG)."""
    if "-" not in text:
        return _NO_PARTS
    found = [m.group(2).lower() for m in _mark_hyphens(text)]
    return frozenset(found) if found else _NO_PARTS


def form_reading(text: str) -> str | None:
    """`text` with the hyphen of each registration mark whose part may spell a legal form
    written as a space (KB-SA as KB SA), or None: a query of no craft's type may be a
    company (KB S.A.) as well as a mark (`prepare_name` reads it so: `mark_parts`), and is
    read both ways (`engine.prepare_query_names`)."""
    if "-" not in text:
        return None
    words = legal_forms_words()
    found = [m for m in _mark_hyphens(text) if m.group(2).lower() in words
             or respell_legal(m.group(2).lower()) in words]
    if not found:
        return None
    for m in reversed(found):
        text = text[:m.end(1)] + " " + text[m.end(1) + 1:]
    return text


PERSON, ORG, ANY = "person", "org", "any"
#: roles of the tokens of a listed person's name ("SURNAMES, Given Middle"); HEAD: the
#: first half of a compound given name that is no name alone (`_given_roles`)
SURNAME, GIVEN, MIDDLE, HEAD = 1, 2, 3, 4


@cache
def person_role_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Particles before a name, particles between two names, titles before a name."""
    data = load_resource("generic_words")
    return (frozenset(data["person_particles"]), frozenset(data["person_particles_between"]),
            frozenset(data["person_titles"]))


@cache
def _suffix_generations() -> dict[str, int]:
    """Generational suffix -> the generation it names (`generic_words.person_suffixes`)."""
    return {str(w): int(g) for w, g in
            load_resource("generic_words")["person_suffixes"].items()}


@cache
def person_suffixes() -> frozenset[str]:
    """Generational suffixes written after a person's name (Jr., III, Filho)."""
    return frozenset(_suffix_generations())


def ends_in_generation(text: str) -> bool:
    """Whether a name of unknown type ends in a generational suffix written as a word (Jr.,
    Junior, Snr, Filho) after two words or more and holds no legal form's word: a person's
    name ("Jainal Sali Junior"), read as one too (a numeral, II, ends vessels' and
    companies' names as often as people's: not counted)."""
    words = normalize(bounded_text(text))
    return (len(words) >= 3 and words[-1] in person_suffixes()
            and not set(words[-1]) <= set("ivx")
            and legal_forms_words().isdisjoint(words))


def is_suffix(token: str) -> bool:
    """Whether `token` is a generational suffix (read as one only after a name's first
    word: `_suffix_tokens`)."""
    return token in _suffix_generations()


def other_generations(a: str, b: str) -> bool:
    """Whether two generational suffixes name two generations of one family (Jr. and
    Sr., II and III): the father is not the son (`generic_words.person_suffixes`)."""
    generations = _suffix_generations()
    ga, gb = generations.get(a, 0), generations.get(b, 0)
    return ga != gb and ga > 0 and gb > 0


def same_generation(a: str, b: str) -> bool:
    """Whether two generational suffixes written two ways name one generation (Jnr. and
    Jr., Junior and Jr., Filho and Jr.): one suffix, however spelt, pairs as written."""
    generations = _suffix_generations()
    ga = generations.get(a, 0)
    return ga > 0 and a != b and generations.get(b, 0) == ga


def _suffix_only(text: str) -> bool:
    """Whether `text` is generational suffixes only ("Jr.", "III")."""
    tokens = normalize(text)
    return bool(tokens) and person_suffixes().issuperset(tokens)


def _suffix_commas(text: str) -> str:
    """`text` without the commas that set a generational suffix apart rather than invert
    the name: "Mike Conley, Sr." is Mike Conley Sr., "MNANGAGWA, JR., Emmerson" is
    MNANGAGWA JR., Emmerson; "SILVA, Junior" (one surname word, then the given name alone)
    stays inverted."""
    if "," not in text:
        return text
    segments = text.split(",")
    out = segments[0]
    for k, segment in enumerate(segments[1:], 1):
        apart = _suffix_only(segment) and (
            k > 1 or k < len(segments) - 1 or len(normalize(segments[0])) >= 2)
        out += segment if apart else "," + segment
    return out


def _suffix_tokens(text: str, n: int) -> list[int]:
    """Positions of the generational suffixes among a person's `n` tokens: never the
    name's first word ("Junior Silva"), nor the first word after an inverting comma
    ("SILVA, Junior": the given name). [] when the written words do not line up with the
    tokens."""
    suffixes = person_suffixes()
    out: list[int] = []
    k = 0
    for s, segment in enumerate(_suffix_commas(text).split(",")):
        for w, word in enumerate(segment.split()):
            tokens = normalize(word)
            if (len(tokens) == 1 and tokens[0] in suffixes and k > 0
                    and not (s == 1 and w == 0)):
                out.append(k)
            k += len(tokens)
    return out if k == n else []


def _person_roles(tokens: list[str], inverted: bool = False) -> list[bool]:
    """Which tokens of a person's name are particles or titles *in that place*: "bin" in
    "Osama bin Laden" is, in "XU, Bin" it is the given name. `inverted`: the name is
    written "SURNAME, Given ... bin" with two given words or more, so a particle ending it
    stands before the surname ("HASAN, Ali bin" is Ali bin Hasan)."""
    before, between, titles = person_role_words()
    n = len(tokens)
    # a title after the article is a family name (AL-SHEIKH, AL-SHAYKH), as `compare._titles`
    # reads it on both sides
    flags = [(k < n - 1 and ((t in titles and not after_article(tokens, k))
                             or _abjad_role_word(t)))
             or ((k < n - 1 or inverted) and (t in before or (t in between and k > 0)))
             for k, t in enumerate(tokens)]
    if n >= 3 and len(tokens[-1]) >= 3 and tokens[-1] in legal_forms_words():
        flags[-1] = True  # a legal form after a person's name ("Nicolas Maduro LLC")
    return flags


#: the Arabic article as romanised words take it ("AL-SHEIKH", "El Sayed")
ARTICLES: tuple[str, ...] = ("al", "el")


def after_article(tokens: Sequence[str], k: int) -> bool:
    """Whether token `k` follows the article: a title there is a family name (AL-SHEIKH)."""
    return k > 0 and tokens[k - 1] in ARTICLES


@lru_cache(maxsize=10_000)
def _abjad_role_word(token: str) -> bool:
    """A romanised Arabic-script particle or title (أبو "abw" = Abu, حجي "hjy" = Hajji).

    Arabic script writes a word's first vowel on an alef (إمام "amam" = Imam, ابن "abn" =
    Ibn): a word whose first letter is ي "y" starts with the consonant, so يمام "ymm"
    (Yamam, a given name) is not Imam."""
    if not consonantal(token) or len(token) > 5:
        return False
    words = load_resource("generic_words")["abjad_role_words"]
    initial_y = token[0] == "y"
    return any(abjad_similarity(token, str(w)) > 0.0
               and not (initial_y and str(w)[0] in "aeiou") for w in words)


#: the letter ain (Arabic ع, Hebrew ע): romanised as a word's first vowel, as an alef is
#: (علا "al", the given name Ala or Ola; عبو "abw"), but a consonant, which no article,
#: particle or title of either script starts with (ال, آل, أبو, ابن, بن, حاج, בן, אבו)
_AIN = "عע"


def _ain_words(text: str, tokens: list[str]) -> list[int]:
    """The tokens of an Arabic- or Hebrew-script name romanised as the start of a written
    word (or of a hyphen's part of one) that starts with ain: name words, whatever particle their
    letters spell. "علا Hasan" is Ala Hasan, two names (romanised "al hasan": a one-word
    HASSAN is not its name); only the written article ال (العلي, ال علي) is the article."""
    pieces = hyphen_words(persian_words(text))
    ids = written_words(" ".join(pieces), tuple(tokens))
    # (the word's first token only: عبدالكريم "abd al krym" writes the article inside it)
    return [k for k, w in enumerate(ids)
            if w >= 0 and (k == 0 or ids[k - 1] != w)
            and next((ch for ch in pieces[w] if ch.isalpha()), "") in _AIN]


_NISBA = re.compile(r"^(?:al|el)[-\s]", re.IGNORECASE)


@lru_cache(maxsize=200_000)
def name_roles(text: str) -> tuple[int, ...]:
    """Role of each token of a listed person's name, from how the list writes it.

    "SURNAMES, Given Middle": SURNAME before the comma, GIVEN for the first word after it (a
    hyphenated "Wang-gen" is one given name), MIDDLE for the rest. Without a comma, "Given
    Middle Surname": the first word GIVEN, the last SURNAME (all of a hyphenated
    "Santos-Garcia"), MIDDLE between. An Arabic family name with its article (AL-TIKRITI)
    counts as MIDDLE: a nasab chain is commonly cut short ("Saddam Hussein"). () when the
    words do not line up with the tokens.
    """
    text = _suffix_commas(persian_words(text))  # (a Persian suffix written apart is part of
    # its word; a comma before "Jr." does not invert the name)
    if "," in text:
        head, tail = text.split(",", 1)
        words = [(SURNAME, w) for w in head.split()]
        given = tail.split()
        words += [(GIVEN if k == 0 else MIDDLE, w) for k, w in enumerate(given)]
    else:
        parts = text.split()
        if len(parts) < 2:
            return ()
        last = len(parts) - 1  # the surname: the last word but a generational suffix
        while last > 1 and _suffix_only(parts[last]):
            last -= 1
        words = [(GIVEN if k == 0 else SURNAME if k >= last else MIDDLE, w)
                 for k, w in enumerate(parts)]
        given = parts[:last] if last >= 2 else []
    roles: list[int] = []
    for role, word in words:
        if role == SURNAME and _NISBA.match(word) is not None:
            role = MIDDLE
        roles += [role] * len(normalize(word))
    if len(roles) != len(normalize(text)):
        return ()
    if given and GIVEN in roles:
        _given_roles(roles, roles.index(GIVEN), [normalize(w) for w in given])
    return tuple(roles)


@cache
def _compound_heads() -> frozenset[str]:
    return frozenset(str(w) for w in load_resource("generic_words")["compound_heads"])


def _given_roles(roles: list[int], start: int, words: list[list[str]]) -> None:
    """Mark an Arabic compound given name's head HEAD (`roles` from `start`, the given
    name's first token; `words`: the given words' tokens).

    "Abd al-Aziz", "Abdul Rahman", "Abdel-Malek": Abd al- is "servant of the" and opens a
    theophoric name whose second half, one of the names of God, tells it from the others
    ("there is no Abdul without the second part when written in Arabic", Wikipedia
    "Abdul"). So a row that gives the second half alone ("Aziz Baloch" for BALOCH, Abdul
    Aziz) leaves out no name of its own: the head costs as a middle name left out.
    """
    titles = person_role_words()[2]
    while len(words) > 1 and len(words[0]) == 1 and words[0][0] in titles:
        start, words = start + 1, words[1:]  # "Haji Abdul Sattar": the title keeps its role
    first = words[0]
    if first and first[0] in _compound_heads() and (len(first) > 1 or len(words) > 1):
        roles[start] = HEAD  # (its second half: the rest of "Abdul-Wahab", or the next word)


@lru_cache(maxsize=200_000)
def written_words(text: str, tokens: tuple[str, ...]) -> tuple[int, ...]:
    """Which written word (a run without spaces) each token comes from: "AL-HAQ, Amin"
    (al, haq, amin) -> (0, 0, 1). A typist slips once in a written word, however many
    tokens hyphens and apostrophes make of it. Read from both ends: tokens that are not the
    text's words tokenised one by one (a legal form canonicalised or merged, "S.A. DE
    C.V." -> sadecv) are words of their own (-1, -2, ...); () when no token lines up
    (romanised Han or Hangul)."""
    words = [normalize(word) for word in persian_words(text).split()]
    out = [-1 - k for k in range(len(tokens))]
    pos = 0
    for k, parts in enumerate(words):  # from the start, up to the first that differs
        if tuple(parts) != tokens[pos:pos + len(parts)]:
            break
        out[pos:pos + len(parts)] = [k] * len(parts)
        pos += len(parts)
    end = len(tokens)
    for k in range(len(words) - 1, -1, -1):  # and from the end
        parts = words[k]
        if end - len(parts) < pos or tuple(parts) != tokens[end - len(parts):end]:
            break
        out[end - len(parts):end] = [k] * len(parts)
        end -= len(parts)
    return tuple(out) if pos > 0 or end < len(tokens) else ()


_NO_MARKS: dict[str, int] = {}


@lru_cache(maxsize=50_000)
def written_marks(text: str) -> dict[str, int]:
    """A name's abjad-script tokens with what the script wrote that the tokens leave out
    (`abjad.written`: an alef or ayin inside a word, a final he), read as `normalize` reads
    the text; empty for a name in no such script. (Not to be changed by the caller.)"""
    if not has_abjad(text):
        return _NO_MARKS
    return written(clean(persian_words(text)))


@dataclass(frozen=True, slots=True)
class Name:
    """One prepared name: original text, tokens, folded keys, legal-form flags."""

    text: str
    tokens: tuple[str, ...]
    folded: tuple[str, ...]
    legal: tuple[bool, ...]

    @property
    def joined(self) -> str:
        """Folded tokens run together, for names whose words were joined or split."""
        return "".join(f for f, lf in zip(self.folded, self.legal) if not lf)


def person_variants(text: str) -> list[list[str] | None]:
    """A person's name in Han or Hangul as surname + given name: [Revised Romanization or
    pinyin, McCune-Reischauer or Hong Kong's Cantonese spelling, South Korea's popular
    spelling or Wade-Giles]; Nones for other text."""
    if hangul.has_hangul(text):
        return [hangul.person_tokens(text, system) for system in ("rr", "mr", "pop")]
    if zh.has_han(text):
        return [zh.person_tokens(text, reading) for reading in ("mandarin", "cantonese",
                                                                 "wadegiles")]
    return [None, None, None]


def fold_key(token: str) -> str:
    """The folded key of a token; a token too long to be a real word keys as itself."""
    return variant_key(fold(token)) if len(token) <= MAX_FUZZY_TOKEN else token


def prepare_name(text: str, kind: str = ANY, system: int = 0) -> Name:
    """Normalise, romanise, tokenise, mark legal forms, fold.

    `legal` flags the role words of a name: legal forms of organisations, particles and
    titles of people (`_person_roles`). They weigh little and pair only with each other.
    `system` picks a person's romanisation in `person_variants` (1: McCune-Reischauer or
    Hong Kong's Cantonese, 2: popular South Korean spelling or Wade-Giles).
    Bounded (`clearance.match.limits`): the first `MAX_NAME_CHARS` characters and
    `MAX_NAME_TOKENS` tokens are read, far more than any real name has.
    """
    text = bounded_text(text)
    native = person_variants(text)[system] if kind == PERSON else None
    full = native if native is not None else normalize(text)
    tokens = full[:MAX_NAME_TOKENS]
    if kind != PERSON:
        tokens, legal = mark_legal_forms(spell_out(split_glued_forms(join_letters(tokens))),
                                         trailing_words(), kind == ORG, mark_parts(text))
    else:
        # particles and titles, flagged like legal forms
        # (most names hold no generational suffix: their words are not read again)
        suffixed = native is not None or not person_suffixes().isdisjoint(full)
        apart = _suffix_commas(text) if suffixed else text
        legal = _person_roles(tokens, "," in apart and len(normalize(apart.split(",", 1)[1])) >= 2)
        if native is None and suffixed:
            for k in _suffix_tokens(text, len(tokens)):
                legal[k] = True  # Jr., III: which namesake, not who (`person_suffixes`)
        if any(legal) and has_abjad(text):
            for k in _ain_words(text, tokens):
                legal[k] = False  # a name whose letters spell a particle (علا "al")
    tokens, legal = tokens[:MAX_NAME_TOKENS], legal[:MAX_NAME_TOKENS]  # forms may split words
    folded = tuple(fold_key(t) for t in tokens)
    return Name(text=text, tokens=tuple(tokens), folded=folded, legal=tuple(legal))
