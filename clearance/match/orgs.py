"""Legal forms of organisations: find them, canonicalise them, keep them out of identity.

"Co., Ltd." / "Company Limited" / 有限公司 -> `ltd`; OOO / ООО / LLC -> `llc`;
JSC / AO / OAO / PJSC -> `jsc`; GmbH; S.A. de C.V. Word lists: `resources/legal_forms.yml`.
Short forms that are also ordinary words or name parts (SA, AS, AG, CO) count only at the
start or end of a name, never inside a word or between name words.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import cache, lru_cache
from typing import Final

from rapidfuzz.distance import OSA

from clearance.match.places import direction
from clearance.resources import load_resource

__all__ = [
    "CUT_WIDTH_MIN",
    "SHARED_TRADE",
    "SHORT_SLIP_MAX",
    "Slips",
    "activity_phrase",
    "activity_words",
    "charge_designators",
    "charge_trades",
    "confirmed_slips",
    "cut_form_read",
    "cut_start",
    "cut_word",
    "designator",
    "industry",
    "join_letters",
    "joined_initials",
    "kind_similarity",
    "legal_canonicals",
    "legal_forms",
    "legal_forms_words",
    "load_tables",
    "mark_legal_forms",
    "may_be_cut",
    "reaches_width",
    "slipped_forms",
    "split_glued_forms",
    "trades",
]

_MAX_PHRASE = 7
#: the factor of a word of a trade both organisations' names leave unpaired (a pair that
#: agrees costs nothing, a place only one side gives 0.2): "Bank" for BANKING
SHARED_TRADE: Final = 0.1
#: words of a name that may be a slipped legal form (`slipped_forms`): position, the forms
#: it may stand for, whether it is a word of the form beside it, whether the lists write
#: that word in that place (`engine.query_slips`: read only on the rest's evidence)
Slips = tuple[tuple[int, frozenset[str], bool, bool], ...]
# Forms written before the name (Russian, Ukrainian, Kazakh, Kyrgyz, Uzbek, Indonesian and
# Lithuanian usage): OOO "Vega", AO Kronshtadt, PAT Ukrnafta, PT Kuantum Tekno Kreatif,
# UAB "Vilniaus prekyba", ГК «Ростех» (gk: `resources/legal_forms.yml`).
_PREFIX_FORMS = frozenset({"ooo", "oao", "zao", "pao", "ao", "jsc", "ojsc", "cjsc", "pjsc",
                           "tov", "too", "llc", "mchj", "gup", "npp", "npo", "pat", "prat",
                           "pt", "osoo", "uab", "gk"})
# Forms of one word of four letters or more that are also names' words (PRAT: a surname,
# "meadow" in Catalan): a form only where forms stand, first or last
_WORDS_TOO = frozenset({"prat"})
# Forms a name writes first only (Indonesia's PT): after a form, or last, their letters
# are a name's ("NPP PT OKEANOS, AO")
_FIRST_ONLY = frozenset({"pt"})


# Forms an organisation's name may write first or last that are also people's names (so
# read only in a name known to be an organisation's: a listed entity of an organisation
# schema, or a query typed so; a party of unknown type named "Zhang Ou" keeps its given
# name): Latvia's SIA (sabiedriba ar ierobezotu atbildibu, the limited liability company:
# ISO 20275; Latvian usage writes it first, SIA "Vega"; "CHATEXTECH SIA", "SIA FALCON
# INTERNATIONAL GROUP", sdn.csv) and Estonia's OÜ (osaühing, the private limited company:
# ISO 20275; "GARANTEX EUROPE OU", "OU INELSO", sdn.csv). Each keeps its own word as its
# form (no canonical group), so that a query of unknown type writing it still pairs with it
# as the same word. (A Dubai free-zone company's DMCC and Moldova's SRL written first were
# read so too in session 32 and reverted: a listed name's DMCC or first SRL read as a form
# lost its slipped spellings, "VSRL SKYLINE", "... DMCC FCO": they stay a name's words.)
_ORGANISATION_FORMS = frozenset({"sia", "ou"})

# Abbreviations inside legal forms: "Ltd. Liability Co." is "Limited Liability Company".
_EXPAND = {"ltd": "limited", "co": "company", "corp": "corporation", "inc": "incorporated",
           "jt": "joint", "stk": "stock", "pvt": "private", "intl": "international"}


def _expand(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_EXPAND.get(t, t) for t in tokens) if len(tokens) > 1 else tokens


@cache
def legal_forms() -> dict[tuple[str, ...], str]:
    """Token sequence (abbreviations expanded) -> canonical form: ('co', 'ltd') -> 'ltd'."""
    table: dict[tuple[str, ...], str] = {}
    for canonical, aliases in load_resource("legal_forms").items():
        for alias in aliases:
            table[_expand(tuple(str(alias).split()))] = str(canonical).replace(" ", "")
    return table


@cache
def legal_canonicals() -> frozenset[str]:
    """The canonical forms (`legal_forms`' values: ltd, llc, jsc, sadecv), as a prepared
    name writes a form it read."""
    return frozenset(legal_forms().values())


@cache
def _legal_words() -> dict[str, str]:
    """Deletion keys of the long words of legal forms, to recognise them misspelt."""
    words = list(dict.fromkeys(w for phrase in legal_forms() for w in phrase if len(w) >= 5))
    # every form word is itself before any is a deletion of another: "publichne"
    # (Ukrainian) is no PUBLICHNOE (Russian) less a letter
    keys = {word: word for word in words}
    for word in words:
        for i in range(len(word)):
            keys.setdefault(word[:i] + word[i + 1:], word)
    return keys


_VOWELS = frozenset("aeiouy")


@cache
def _short_swaps() -> dict[str, str]:
    """Short legal-form words (LTD, JSC, GMBH) with two neighbouring letters swapped, the
    commonest slip in an abbreviation ("TLD", "JCS", "GBMH"): only spellings without a
    vowel, which are no word of their own ("crop" is not CORP, "ice" not CIE)."""
    keys: dict[str, str] = {}
    words = {w for phrase in legal_forms() for w in phrase}
    for word in sorted(words):
        if 3 <= len(word) <= 4:
            for i in range(len(word) - 1):
                swapped = word[:i] + word[i + 1] + word[i] + word[i + 2:]
                if swapped != word and swapped not in words and not _VOWELS & set(swapped):
                    keys.setdefault(swapped, word)
    return keys


def respell_legal(token: str) -> str:
    """A token one edit away from a long legal-form word is that word ('limtted', 'jont');
    a short one with two letters swapped is too ('tld', 'jcs')."""
    if len(token) <= 4:  # (the swaps are of words of three and four letters)
        swapped = _short_swaps().get(token)
        if swapped is not None:
            return swapped
        if len(token) < 4:
            return token
    keys = _legal_words()
    hit = keys.get(token)
    if hit is not None:
        return hit
    # of several forms a deletion leads to, the closest ("limitead" is LIMITED, one letter
    # more, not LIMITADA, which shares "limitad" with it but is two edits away)
    best, best_edits = token, 3
    for i in range(len(token)):
        hit = keys.get(token[:i] + token[i + 1:])
        if hit is not None and abs(len(hit) - len(token)) <= 1:
            edits = OSA.distance(token, hit)
            if edits < best_edits:
                best, best_edits = hit, edits
    return best


@cache
def _short_forms() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Short legal forms a slip may stand for, word -> canonical forms: forms of one word
    of two to four letters (LTD, LLC, JSC, FZE, CORP; PLC is `ltd`), and the other word of a
    form of two words whose one word is such a form (PVT of "PVT LTD", FZ of "FZ LLC"): the
    second kind only beside a form."""
    table = load_resource("legal_forms")
    alone: dict[str, set[str]] = {}
    beside: dict[str, set[str]] = {}
    singles = {str(a) for aliases in table.values() for a in aliases if " " not in str(a)}
    for canonical, aliases in table.items():
        form = str(canonical).replace(" ", "")
        for alias in map(str, aliases):
            words = alias.split()
            if len(words) == 1 and 2 <= len(alias) <= 4:
                alone.setdefault(alias, set()).add(form)
            elif len(words) == 2:
                for word, other in (words, words[::-1]):
                    if other in singles and 2 <= len(word) <= 4 and word not in singles:
                        beside.setdefault(word, set()).add(form)
    return ({w: frozenset(f) for w, f in alone.items()},
            {w: frozenset(f) for w, f in beside.items()})


#: the fewest letters of a form of one word that two slips still leave that form
#: (LIMITED, COMPANY, CORPORATION; "ILMITE", "COBPXNY"): below, two slips change half of it
LONG_FORM_MIN: Final = 6


@cache
def _long_forms() -> dict[str, frozenset[str]]:
    """Forms of one word of `LONG_FORM_MIN` letters or more, word -> canonical forms."""
    found: dict[str, set[str]] = {}
    for canonical, aliases in load_resource("legal_forms").items():
        for alias in map(str, aliases):
            if " " not in alias and len(alias) >= LONG_FORM_MIN:
                found.setdefault(alias, set()).add(str(canonical).replace(" ", ""))
    return {w: frozenset(f) for w, f in found.items()}


def _long_slip_of(token: str) -> set[str]:
    """The canonical forms of the long forms of one word (`_long_forms`) one or two slips
    from `token` (one slip in a last word is read as the form already: `respell_legal`)."""
    found: set[str] = set()
    if len(token) >= LONG_FORM_MIN - 1:
        for word, forms in _long_forms().items():
            if abs(len(word) - len(token)) <= 2 and OSA.distance(token, word,
                                                                 score_cutoff=2) <= 2:
                found |= forms
    return found


#: the fewest letters of a word of a form of several words that two slips still leave that
#: word, beside the form's other words (ILABDLITY of "LIMITED ILABDLITY COMPANY"); a
#: shorter one is read through one slip only (PUBLIC: REPUBLIC is two slips away)
PART_TWICE_SLIPPED_MIN: Final = 8


@cache
def _long_parts() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """The words of `LONG_FORM_MIN` letters or more of the forms of several words ->
    (canonical form, the canonical forms its other words are alone) of each such form:
    LIABILITY -> (LLC, {LTD, CO}) of "LIMITED LIABILITY COMPANY"."""
    table = load_resource("legal_forms")
    alone: dict[str, set[str]] = {}
    for canonical, aliases in table.items():
        for alias in map(str, aliases):
            if " " not in alias:
                alone.setdefault(alias, set()).add(str(canonical).replace(" ", ""))
    found: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for canonical, aliases in table.items():
        for words in (str(a).split() for a in aliases):
            for k, word in enumerate(words):
                others = frozenset().union(*[alone.get(w, set()) for w in words[:k] + words[k + 1:]])
                if len(words) > 1 and len(word) >= LONG_FORM_MIN and others:
                    found.setdefault(word, []).append((str(canonical).replace(" ", ""), others))
    return {w: tuple(dict.fromkeys(f)) for w, f in found.items()}


def _long_part_of(token: str, near: set[str]) -> set[str]:
    """The canonical forms of several words one of whose long words (`_long_parts`) is one
    slip from `token`, or two from one of `PART_TWICE_SLIPPED_MIN` letters or more, and whose
    other words stand beside it as forms (`near`): "ACME LIMITED ILABDLITY COMPANY" is
    ACME LLC. The query's own forms beside it are the evidence the word is a form's."""
    found: set[str] = set()
    if len(token) >= LONG_FORM_MIN - 1 and near:
        for word, forms in _long_parts().items():
            most = 2 if min(len(word), len(token)) >= PART_TWICE_SLIPPED_MIN else 1
            if abs(len(word) - len(token)) <= most and OSA.distance(
                    token, word, score_cutoff=most) <= most:
                found |= {form for form, others in forms if others & near}
    return found


def _slip_of(token: str, words: dict[str, frozenset[str]], prefix: bool) -> set[str]:
    """The canonical forms of the `words` one slip from `token` (optimal string alignment:
    a substitution, a deletion, an insertion or two neighbouring letters swapped). A token
    of two letters is a form of three with one letter left out (JC for JSC, LL for LLC),
    or of two with its letters swapped (PL for LP): two-letter forms are so many that most
    pairs of letters are one substitution from one (UK from UG, US from AS)."""
    found: set[str] = set()
    for word, forms in words.items():
        if prefix and word not in _PREFIX_FORMS:
            continue
        if len(token) == 2 and len(word) != 3 and token != word[::-1]:
            continue
        if abs(len(word) - len(token)) <= 1 and OSA.distance(token, word, score_cutoff=1) == 1:
            found |= forms
    return found


def _replaced_of(token: str, words: dict[str, frozenset[str]], prefix: bool) -> set[str]:
    """The canonical forms of the two-letter `words` a two-letter `token` writes with one
    letter replaced ("K.A." for S.A., "Mo." for CO): so many pairs of letters are that
    (UK of UG, US of AS) that such a slip is read only on the rest's evidence
    (`engine.query_slips`)."""
    found: set[str] = set()
    if len(token) == 2:
        for word, forms in words.items():
            if (len(word) == 2 and (not prefix or word in _PREFIX_FORMS)
                    and (token[0] == word[0]) != (token[1] == word[1])):
                found |= forms
    return found


def _twice_slipped_of(token: str, words: dict[str, frozenset[str]]) -> set[str]:
    """The canonical forms of the `words` of three letters or more, consonants only (LTD,
    LLC, JSC: letters, not a word), that `token` writes with two slips keeping every letter
    of the form and adding one at most (a letter added and two swapped, "ALDT." for LTD;
    two pairs swapped): a word of a few letters two slips from a form is as often a word of
    its own (CINA, ABAS are two slips from INC, ASA; PLANT, ZAVOD two letters added to PAT,
    ZAO), so such a slip is read only on the rest's evidence, as `_replaced_of`'s
    (`engine.query_slips`). Not a letter lost or replaced: two such slips in three
    letters leave one of the form's (OSA distance 2)."""
    found: set[str] = set()
    for word, forms in words.items():
        if (3 <= len(word) <= len(token) <= len(word) + 1 and not _VOWELS & set(word)
                and OSA.distance(token, word, score_cutoff=2) == 2
                and all(token.count(c) >= word.count(c) for c in set(word))):
            found |= forms
    return found


#: the most letters of a word read as a short form with one slip (`slipped_forms`)
SHORT_SLIP_MAX: Final = 5


@lru_cache(maxsize=10_000)  # monitoring's `score_ceiling` asks it of each pair of a name
def slipped_forms(tokens: tuple[str, ...], legal: tuple[bool, ...]) -> Slips:
    """Words of an organisation's prepared name that may be a legal form with a
    slip ("Lth." for LTD, LLTC, APLC, PSVT LTD, JC, LFZE, EORP), as (position, canonical
    forms it may stand for, whether it is a word of the form beside it: PSVT of "PSVT
    LTD", whose form the name has already; whether it is read only on the rest's
    evidence: a two-letter form with a letter replaced, `_replaced_of`, a form of three
    letters or more with two slips that keep its letters, `_twice_slipped_of`; a word the
    lists write there, `engine.query_slips`).

    Only a word where a form stands: last, or followed by forms (or such words) alone
    (the forms of one word), or first (forms written before the name, OOO, AO, LLC:
    `_PREFIX_FORMS`); of two to five letters, or a long form with one or two slips where
    the name ends ("ILMITE", "CORPORTAION, ICN": `_long_slip_of`); no form word itself,
    beside another word that is no form (a name that is only a form keeps its word).
    Such a word is unseen as a form (`mark_legal_forms` reads only the long words with
    one slip as the last word, and the vowel-less swaps of short ones): it weighs as a
    distinctive word the listed name lacks. Whether it is that form is for the
    comparison to say, against a listed name that carries the form (`compare_names`).
    """
    n = len(tokens)
    if n < 2:
        return ()
    alone, beside = _short_forms()
    known = legal_forms_words()
    out: list[tuple[int, frozenset[str], bool, bool]] = []
    # words that stand where a form does: the last, and those before forms or such words
    at_end = n
    while at_end > 0 and legal[at_end - 1]:
        at_end -= 1
    for i in range(n - 1, -1, -1):
        t = tokens[i]
        if legal[i] or not t.isalpha() or t in known:
            at_end = i if legal[i] and i == at_end - 1 else at_end
            continue
        if not any(not legal[k] for k in range(n) if k != i):
            continue
        forms: set[str] = set()
        if i == at_end - 1:
            forms |= _long_slip_of(t)
        if not 2 <= len(t) <= SHORT_SLIP_MAX:
            if forms:
                out.append((i, frozenset(forms), False, False))
                at_end = i
            else:
                # a word of a form of several words, slipped, between that form's other
                # words ("LIMITED ILABDLITY COMPANY"), as PSVT of "PSVT LTD" below
                part = _long_part_of(t, {tokens[k] for k in (i - 1, i + 1)
                                         if 0 <= k < n and legal[k]})
                if part:
                    out.append((i, frozenset(part), True, False))
                    at_end = i if i == at_end - 1 else at_end
            continue
        if i == at_end - 1:
            forms |= _slip_of(t, alone, False)
            # a word of a form of two words, beside that form ("PSVT LTD": PVT LTD is LTD)
            near = {tokens[k] for k in (i - 1, i + 1) if 0 <= k < n and legal[k]}
            part = _slip_of(t, beside, False) & near
            if part:
                out.append((i, frozenset(part), True, False))
                at_end = i
                continue
        if i == 0:
            forms |= _slip_of(t, alone, True)
        replaced: set[str] = set()
        if not forms:
            replaced = (_replaced_of(t, alone, False) | _twice_slipped_of(t, alone)
                        if i == at_end - 1 else set()) | (
                _replaced_of(t, alone, True) if i == 0 else set())
        if forms or replaced:
            out.append((i, frozenset(forms or replaced), False, not forms))
            # (a letter replaced is too weak to make the word before it stand where a form
            # does: IPC of "AAO IPC SB RAS" stays a word)
            at_end = i if forms and i == at_end - 1 else at_end
    return tuple(out[::-1])


def confirmed_slips(tokens: tuple[str, ...], legal: tuple[bool, ...], slips: Slips
                    ) -> tuple[list[str], list[bool]] | None:
    """The name with a last-word slip read as its form where the query's own words confirm
    it: read as the form, it makes the word before it a word of a form too ("Co., Lth.":
    CO LTD is LTD), so it is a form whatever the listed name carries ("Dahua Technology",
    listed without one). None when no slip is so confirmed; a slip alone ("Acme Lth")
    stays for the comparison to read (`slipped_forms`)."""
    n = len(tokens)
    for i, forms, part, written in slips:
        if part or written or i != n - 1 or i < 2 or legal[i - 1]:
            continue
        for form in sorted(forms):
            words, flags = mark_legal_forms(list(tokens[:i]) + [form])
            if (len(words) == i and flags[-1] and words[:-1] == list(tokens[:i - 1])
                    and flags[:-1] == list(legal[:i - 1])):
                return words, flags
    return None


_GLUED_SUFFIX = ("limited", "company", "corporation", "llc", "ltd", "inc", "gmbh", "ooo")
_GLUED_PREFIX = ("jsc", "ooo", "oao", "zao", "pao", "llc", "company")
_SHORT_GLUED = ("ag", "plc", "jsc", "pjsc")  # only on long tokens: "SiemensAG"


@cache
def _glue_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words that may be glued to a name word: legal forms and the long words inside them."""
    long_words = tuple(sorted((w for w in legal_forms_words() if len(w) >= 7),
                              key=lambda w: -len(w)))
    return (_GLUED_SUFFIX + long_words + ("joint",), _GLUED_PREFIX + long_words)


@cache
def _run_together() -> dict[str, tuple[str, ...]]:
    """Forms of several words written as one word of five letters or more, that word ->
    the form's words: "sdnbhd", "coltd", "pteltd" (a form written with its words apart
    is `mark_legal_forms`' already: "sdn bhd")."""
    out: dict[str, tuple[str, ...]] = {}
    for aliases in load_resource("legal_forms").values():
        for alias in map(str, aliases):
            words = tuple(alias.split())
            joined = "".join(words)
            if len(words) > 1 and len(joined) >= 5 and (joined,) not in legal_forms():
                out.setdefault(joined, words)
    return out


def _rejoined_end(out: list[str]) -> list[str]:
    """A one-word form of three letters or more split by a space into a letter and the
    rest where the name ends ("COMPANY, L TD", "LT D"), as the lists write LTD once: that
    form, so that its pieces are no words the lists write last (`engine.query_slips`).
    Neither piece a form of its own ("A SA" is no ASA)."""
    if len(out) < 3:
        return out
    a, b = out[-2], out[-1]
    table = legal_forms()
    if (1 in (len(a), len(b)) and a.isalpha() and b.isalpha() and (a,) not in table
            and (b,) not in table and len(a + b) >= 3 and (a + b,) in table):
        return out[:-2] + [a + b]
    return out


def split_glued_forms(tokens: list[str]) -> list[str]:
    """Legal forms run into a name word: "rangelimited" -> range limited, "jscargument",
    "limitedliability", "bureaujoint"; a form of several words run together ("sdnbhd"),
    and one of one word split in two where the name ends ("l td": `_rejoined_end`)."""
    suffixes, prefixes = _glue_words()
    together = _run_together()
    out: list[str] = []
    for t in tokens:
        if t in together:
            out += together[t]
            continue
        done = False
        if len(t) >= 7 and t not in legal_forms_words():
            for suffix in suffixes + (_SHORT_GLUED if len(t) >= 8 else ()):
                if t.endswith(suffix) and len(t) - len(suffix) >= 3:
                    out += [t[: -len(suffix)], suffix]
                    done = True
                    break
            if not done:
                for prefix in prefixes:
                    if t.startswith(prefix) and len(t) - len(prefix) >= 3:
                        out += [prefix, t[len(prefix):]]
                        done = True
                        break
        if not done:
            out.append(t)
    return _rejoined_end(out)


@cache
def legal_forms_words() -> frozenset[str]:
    """Every word that occurs in some legal form."""
    return frozenset(w for phrase in legal_forms() for w in phrase)


@cache
def one_word_forms() -> frozenset[str]:
    """The legal forms written in one word (ltd, llc, gmbh, ooo): a company's alone, where
    a word of a longer form may be a name's ("de" of S.A. de C.V., "and" of & Co.)."""
    return frozenset(phrase[0] for phrase in legal_forms() if len(phrase) == 1)


def _letter_runs(tokens: list[str]) -> tuple[list[str], list[str]]:
    """`join_letters`, and the tokens it joined."""
    out: list[str] = []
    joined: list[str] = []
    run: list[str] = []
    for t in tokens + [""]:
        if len(t) == 1 and t.isalpha():
            run.append(t)
            continue
        if len(run) >= 2:
            out.append("".join(run))
            joined.append(out[-1])
        else:
            out.extend(run)
        run = []
        if t != "":
            out.append(t)
    return out, joined


def join_letters(tokens: list[str]) -> list[str]:
    """Runs of two or more single letters become one token: "o o o" -> "ooo", "s a" -> "sa",
    "M & S" and "M + S" -> "ms" (`normalize` drops the sign). (An AND between them stays a
    word: "KISH P AND I CLUB" typed "P TAND I" pairs its letters one by one.)"""
    return _letter_runs(tokens)[0]


def joined_initials(text: str) -> frozenset[str]:
    """The tokens `join_letters` makes of a name's runs of single letters ("S & L" ->
    "sl"): a unit of initials, no word of the name's own."""
    from clearance.match.text import normalize

    return frozenset(_letter_runs(normalize(text))[1])


def _anywhere(phrase: tuple[str, ...]) -> bool:
    """Multi-word and long single-word forms are unambiguous anywhere in a name."""
    return len(phrase) > 1 and len("".join(phrase)) >= 4 or (
        len(phrase) == 1 and len(phrase[0]) >= 4 and phrase[0] not in _WORDS_TOO
    ) or phrase[0] in ("llc", "ltd", "jsc", "ooo", "oao", "zao", "pao", "inc", "plc", "pjsc")


#: the fewest letters of a word of a form of several words that may be two slips off in it
GAPPED_WORD_MIN: Final = 5


@cache
def _gapped_forms() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Forms of three words or more, by their first word, with their canonical forms."""
    found: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, canonical in legal_forms().items():
        if len(phrase) >= 3:
            found.setdefault(phrase[0], []).append((phrase, canonical))
    return {w: tuple(p) for w, p in found.items()}


def _gapped_form(words: list[str], i: int) -> tuple[int, str] | None:
    """The longest form of three words or more at `words[i]` that it writes but for one
    word after the first, of `GAPPED_WORD_MIN` letters or more, with one or two slips
    ("JOINT STMC COMPANY", "OBSHCHESTVO S OGRANICHENNOI OHTVTESTVENNOSTYU"; one slip is
    `respell_legal`'s): the form's other words, spelt right, say what it is. Its length
    and canonical form."""
    best: tuple[int, str] | None = None
    for phrase, canonical in _gapped_forms().get(words[i], ()):
        size = len(phrase)
        if i + size > len(words) or (best is not None and size <= best[0]):
            continue
        off = [j for j in range(1, size) if words[i + j] != phrase[j]]
        if len(off) != 1:
            continue
        word, form_word = words[i + off[0]], phrase[off[0]]
        if (len(form_word) >= GAPPED_WORD_MIN and word.isalpha()
                and OSA.distance(word, form_word, score_cutoff=2) <= 2):
            best = (size, canonical)
    return best


#: the fewest letters of a form of one word cut where a name ends that read as the form
#: ("COMP", "CORPORATI"): fewer are words of their own (COM, INT)
CUT_FORM_MIN: Final = 4
#: the fewest letters of the word a form of one word has for its cut to be read as it
#: (COMPANY, LIMITED, CORPORATION; not GONGSI, BERHAD: "GONG" is a name's syllable)
CUT_FORM_WORD_MIN: Final = 7


@cache
def _cut_words() -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """A proper start of a form's word (abbreviations expanded) ->
    the forms with that word and its place in them, for `_cut_end`."""
    found: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase in legal_forms():
        for k, word in enumerate(phrase):
            for end in range(1, len(word)):
                found.setdefault(word[:end], []).append((phrase, k))
    return {cut: tuple(places) for cut, places in found.items()}


def _cut_end(tokens: list[str]) -> list[str]:
    """A name whose last word is a legal form's word cut short, as a field's width cuts it
    ("LUKOIL OIL COMP", "... LIMITED LIABILITY COMP", "... CORPORATI", "... COMPANY LIM"),
    with the form's words whole: a form of one word of `CUT_FORM_WORD_MIN` letters or more
    cut to `CUT_FORM_MIN` letters or more, or the cut word after the form's first words:
    a letter or more after two words of the form ("JOINT STOCK COM", "S.A. DE C"), two
    after a form of one word ("COMPANY LI"), three after one other ("YOUXIAN GON",
    "PRIVATE LIM"). A form of one word (CO, INC, CORP) is what it is. Of several forms,
    the one of most words written, then of fewest letters added."""
    places = _cut_words().get(tokens[-1], ()) if len(tokens) > 1 else ()
    if not places or (tokens[-1],) in legal_forms():
        return tokens
    cut = tokens[-1]
    before = [_EXPAND.get(t, t) for t in tokens[:-1]]
    after_form = (before[-1],) in legal_forms()
    best: tuple[int, int, tuple[str, ...]] | None = None
    for phrase, k in places:
        if k == 0:
            fits = (len(phrase) == 1 and len(phrase[0]) >= CUT_FORM_WORD_MIN
                    and len(cut) >= CUT_FORM_MIN)
        else:
            fits = (k < len(before) and tuple(before[len(before) - k:]) == phrase[:k]
                    and len(cut) >= (1 if k > 1 else 2 if after_form else 3))
        key = (-k, len(phrase[k]) - len(cut), phrase)
        if fits and (best is None or key < best):
            best = key
    if best is None:
        return tokens
    return tokens[:len(tokens) - 1 + best[0]] + list(best[2])


#: the widths of the fields that cut names: SWIFT's MT 50/59 lines and the core systems
#: that keep them (35), and the narrower and wider name fields of banks' books (30, 40)
FIELD_WIDTHS: Final = frozenset({30, 35, 40})
#: the fewest characters of a name `cut_word` reads (the comparison asks no shorter one)
CUT_WIDTH_MIN: Final = min(FIELD_WIDTHS)


def reaches_width(text: str) -> bool:
    """Whether a name (`text` stripped) is as long as a field that may have cut it
    (`FIELD_WIDTHS`), or a character shorter (the field cut it at a space, and the
    space was stripped): the listed words after the last one it writes are unseen, not
    left out."""
    return len(text) in FIELD_WIDTHS or len(text) + 1 in FIELD_WIDTHS


def may_be_cut(text: str, tokens: tuple[str, ...], legal: tuple[bool, ...]) -> bool:
    """Whether a name's last word may be a word a field's width cut short (`cut_word`):
    the name as long as a field (`text` stripped) and ending in a letter or digit, of two
    words or more, the last no legal form."""
    return (len(text) in FIELD_WIDTHS and text[-1:].isalnum() and len(tokens) >= 2
            and not legal[-1])


def cut_word(text: str, tokens: tuple[str, ...], legal: tuple[bool, ...],
             listed: tuple[str, ...], listed_legal: tuple[bool, ...]) -> str | None:
    """The listed word that a name's last word is the start of, where a field's width cut
    the name inside that word (`may_be_cut`: "... COMPANY VYBORG SHIP" for VYBORG
    SHIPYARD): of such words the listed name writes (no legal form) and the name does
    not, the first after the listed word the name writes before its last ("... CHECHEN R"
    for CHECHEN REPUBLIC ... RUSSIAN), else the shortest; None when it writes the word
    whole or no other word it starts. Whether it is that word is for the comparison to
    say."""
    if not may_be_cut(text, tokens, legal):
        return None
    last = tokens[-1]
    if last in listed:
        return None
    found = [k for k, (t, lf) in enumerate(zip(listed, listed_legal))
             if not lf and len(t) > len(last) and t.startswith(last) and t not in tokens]
    if not found:
        return None
    before = tokens[-2]
    after = [k for k in found if before in listed[:k]]
    return listed[after[0]] if after else min([listed[k] for k in found], key=len)


def cut_form_read(text: str) -> dict[str, str]:
    """An organisation's name whose last word `_cut_end` reads as a legal form cut short
    ("QUORVEX OIL COMP"): {the form's canonical token: the word written} (co: "comp"),
    to show what was read; empty otherwise."""
    from clearance.match.text import normalize

    tokens = split_glued_forms(join_letters(normalize(text)))
    if len(tokens) < 2 or _cut_end(tokens) == tokens:
        return {}
    words, legal = mark_legal_forms(tokens)
    return {words[-1]: tokens[-1]} if legal[-1] else {}


def cut_start(token: str, text: str) -> bool:
    """Whether a name's word is the proper start of a word of a listed name's `text` (a
    legal form's words too, as written: "... GM" for GMBH, "... ANON" for ANONIM SIRKETI):
    a word a field's width cut short."""
    return any(len(w) > len(token) and w.startswith(token)
               for w in _WORDS.findall(text.lower()))


_WORDS: Final = re.compile(r"\w+")


def mark_legal_forms(
    tokens: list[str], trailing: frozenset[str] = frozenset(), organisation: bool = False,
    kept: frozenset[str] = frozenset()
) -> tuple[list[str], list[bool]]:
    """Replace legal-form phrases by their canonical token; flags say which tokens are forms.

    `trailing` are words that may follow a form and still leave it "at the end"
    ("SBERBANK EUROPE AG Group"). A form cut where the name ends is that form (`_cut_end`).
    `organisation`: the name is known to be an organisation's, whose first or last word
    may be a form that is also a person's name (`_ORGANISATION_FORMS`: SIA, OU).
    `kept`: words that are never a form nor part of one (a registration mark's part,
    `prepare.mark_parts`: EP-CA's CA, YK-AG's AG).
    """
    tokens = _cut_end(tokens)
    table = legal_forms()
    words = [respell_legal(t) for t in tokens]
    # a misspelt form counts inside a longer form, or as the very last word
    singles = list(tokens[:-1]) + words[-1:]
    expanded = [_EXPAND.get(t, t) for t in words]
    out: list[str] = []
    flags: list[bool] = []
    i, n = 0, len(tokens)
    while i < n:
        if tokens[i] in kept:
            out.append(tokens[i])
            flags.append(False)
            i += 1
            continue
        if (organisation and n > 1 and (i == 0 or i == n - 1 or flags[-1])
                and tokens[i] in _ORGANISATION_FORMS):
            out.append(tokens[i])
            flags.append(True)
            i += 1
            continue
        for size in range(min(_MAX_PHRASE, n - i), 0, -1):
            phrase = tuple(singles[i:i + 1]) if size == 1 else tuple(expanded[i:i + size])
            canonical = table.get(phrase)
            if canonical is None or kept and not kept.isdisjoint(tokens[i:i + size]):
                continue
            rest = tokens[i + size:]
            at_end = (not rest or bool(flags and flags[-1])
                      or i > 0 and all(t in trailing or (t, ) in table for t in rest))
            at_start = i == 0 and (len(phrase) > 1 or phrase[0] in _PREFIX_FORMS)
            # a name that is only a legal form keeps its word (n > size)
            if ((at_end or at_start or _anywhere(phrase)) and n > size
                    and (i == 0 or phrase[0] not in _FIRST_ONLY)):
                out.append(canonical)
                flags.append(True)
                i += size
                break
        else:
            gapped = _gapped_form(expanded, i)
            if gapped is not None and n > gapped[0] and kept.isdisjoint(tokens[i:i + gapped[0]]):
                out.append(gapped[1])
                flags.append(True)
                i += gapped[0]
                continue
            out.append(tokens[i])
            flags.append(False)
            i += 1
    return out, flags


@cache
def _trades() -> dict[str, frozenset[str]]:
    """Word -> the trades it names (`resources/generic_words.yml`'s `industries`)."""
    out: dict[str, set[str]] = {}
    for trade, words in load_resource("generic_words")["industries"].items():
        for word in words:
            out.setdefault(str(word), set()).add(str(trade))
    return {w: frozenset(t) for w, t in out.items()}


def trades(token: str) -> frozenset[str]:
    """The trades a word of an organisation's name says the business is in ("airlines":
    aviation; "oil": crude and refined petroleum), none for any other word."""
    return _trades().get(token, frozenset())


@cache
def _sectors() -> dict[str, str]:
    """Word -> its sector: its trades and every trade a word joins to them ("oil" joins
    crude and refined petroleum, "energy" those and natural gas), named by the first of
    them in the table's order."""
    order = [str(t) for t in load_resource("generic_words")["industries"]]
    sector = {t: t for t in order}

    def root(trade: str) -> str:
        while sector[trade] != trade:
            trade = sector[trade]
        return trade

    for named in _trades().values():
        roots = sorted({root(t) for t in named}, key=order.index)
        for other in roots[1:]:
            sector[other] = roots[0]
    return {w: root(min(named, key=order.index)) for w, named in _trades().items()}


def industry(token: str) -> str | None:
    """The sector a word of an organisation's name names (`_sectors`), or None for a word
    of no trade. Two words of one trade are always of one sector: the bounds of a score
    read sectors, and so never tell apart two words `charge_trades` reads as one trade."""
    return _sectors().get(token)


def kind_similarity(a: str, b: str, similarity: float) -> float:
    """The similarity of two words of organisations' names that only look alike (below
    0.95), read by their kinds, which a spelling does not join: two words of one trade
    ("refining", REFINERY) or of one direction ("eastern", EAST; "north", NORTHERN: even
    when their letters do not pair, 0.0) are that trade or direction written two ways, no
    poorer a pair than `charge_trades` charges them left unpaired (1 - `SHARED_TRADE` at
    least); two trades none of whose trades agree ("shipyard", SHIPPING 0.32) or two
    directions ("south", NORTH; `places.direction`) no pair (0.0): left unpaired, the
    trade and place rules read them (`compare._free_costs`). Any other two words keep
    `similarity`."""
    point = direction(a)
    other = None if point is None else direction(b)
    if similarity == 0.0:
        # (one direction written two ways, whatever the letters: "eastern", EAST)
        return 1.0 - SHARED_TRADE if other is not None and other == point else 0.0
    a_trades, b_trades = trades(a), trades(b)
    if a_trades and b_trades:
        return max(similarity, 1.0 - SHARED_TRADE) if a_trades & b_trades else 0.0
    if other is None:
        return similarity
    return max(similarity, 1.0 - SHARED_TRADE) if other == point else 0.0


def charge_trades(q_tokens: tuple[str, ...], c_tokens: tuple[str, ...], free_q: set[int],
                  free_c: set[int], q_cost: list[float], c_cost: list[float],
                  conflict: float) -> None:
    """Charge the unpaired words of two organisations' names that name trades (`trades`).

    A trade both sides leave unpaired is one trade written two ways ("Kestrel Bank",
    KESTREL BANKING CORPORATION; "Oil and Gas", ENERGY): its words cost `SHARED_TRADE`
    (never more than before), as a pair that agrees costs little. Where each side leaves
    such a word and no trade is among both, they name two businesses ("Kestrel Airlines",
    KESTREL SHIPPING; "Pars Petrochemical", PARS OIL), as "Beijing X" and "Shanghai X" do:
    each costs `conflict` at least. A trade only one side names ("X Shipping and Trading",
    "Aeroflot Russian Airlines") is a style of the name, charged as before."""
    if not free_q or not free_c:
        return
    q_trades = {i: trades(q_tokens[i]) for i in free_q}
    c_trades = {j: trades(c_tokens[j]) for j in free_c}
    q_set = frozenset().union(*q_trades.values())
    c_set = frozenset().union(*c_trades.values())
    if not q_set or not c_set:
        return
    both = q_set & c_set
    _charge(q_trades, q_cost, both, conflict)
    _charge(c_trades, c_cost, both, conflict)


@cache
def _designators() -> frozenset[str]:
    """`resources/generic_words.yml`'s `designators` (group, concern, holding, gruppa)."""
    return frozenset(map(str, load_resource("generic_words")["designators"]))


def designator(token: str) -> bool:
    """Whether a word of an organisation's name says it is a group of companies (GROUP,
    CONCERN, HOLDING, GRUPPA): the kind of body, never which one."""
    return token in _designators()


def charge_designators(q_tokens: tuple[str, ...], c_tokens: tuple[str, ...],
                       free_q: set[int], free_c: set[int], q_cost: list[float],
                       c_cost: list[float]) -> None:
    """Charge the designators (`designator`) both organisations' names leave unpaired:
    "Kalashnikov Group" against CONCERN KALASHNIKOV says one kind of body twice, as a
    trade written two ways does, and each costs `SHARED_TRADE` (never more than before).
    A designator only one side gives stays a generic word (weak: its weight is capped)."""
    q_kind = [i for i in free_q if q_tokens[i] in _designators()]
    c_kind = [j for j in free_c if c_tokens[j] in _designators()]
    if q_kind and c_kind:
        for i in q_kind:
            q_cost[i] = min(q_cost[i], SHARED_TRADE)
        for j in c_kind:
            c_cost[j] = min(c_cost[j], SHARED_TRADE)


@cache
def activity_phrase() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(trade words, words before one, words after one) of a trading company's activity
    phrase (`resources/generic_words.yml`'s `activity_phrase`; `activity_words`)."""
    table = load_resource("generic_words")["activity_phrase"]
    return (frozenset(map(str, table["heads"])), frozenset(map(str, table["before"])),
            frozenset(map(str, table["after"])))


def activity_words(tokens: tuple[str, ...], free: Container[int]) -> list[int]:
    """The words of an organisation's name, left unpaired (`free`), that only frame a
    trading company's activity phrase around its trade word: "for" and "general" in "X
    for Trading", "X General Trading", "X for General Trading", and the Arabic reading's
    "for trading general" (للتجارة العامة). The phrase says the kind of business once,
    and weighs as its trade word alone (a generic word) where the other name leaves it
    out, as the trade word's pair where it agrees ("Velmar Trading", VELMAR GENERAL
    TRADING). A word between ("Bank for Foreign Trade") is the name's own: its "for" too."""
    heads, before, after = activity_phrase()
    out: list[int] = []
    for k, token in enumerate(tokens):
        if token not in heads:
            continue
        i = k - 1
        while i >= 0 and k - i <= len(before) and tokens[i] in before and i in free:
            out.append(i)
            i -= 1
        if k + 1 < len(tokens) and tokens[k + 1] in after and k + 1 in free:
            out.append(k + 1)
    return out


def _charge(named: dict[int, frozenset[str]], cost: list[float], both: frozenset[str],
            conflict: float) -> None:
    """One side's part of `charge_trades`. (A conflict never charges less than the word
    cost before: a setting that lets the query's own words go free, as the portfolio's
    test of a listed name held whole does, still pays for the listed trade it lacks.)"""
    for k, word_trades in named.items():
        if not word_trades:
            continue
        if not both:
            cost[k] = max(cost[k], conflict)
        elif word_trades & both:
            cost[k] = min(cost[k], SHARED_TRADE)


def load_tables() -> None:
    """Build the legal forms' derived tables a process otherwise builds at its first
    organisation's name that reads each (~1.5 ms of CPU in all): a batch builds them
    before its workers fork (`tables.load_script_tables`). Not `_cut_words` (~50 ms):
    only a name as long as a field reads it, and most books hold none."""
    legal_canonicals()
    one_word_forms()
    legal_forms_words()
    _long_parts()
    _legal_words()
    _short_forms()
    _long_forms()
    _short_swaps()
    _glue_words()
    _run_together()
    _gapped_forms()
    _designators()
