"""Match one query against the index: candidates, name scores, evidence, ranked results."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from clearance.index.build import (
    LEGAL_WEIGHT,
    EntityMeta,
    Index,
    generic_words,
    mark_weighted,
    name_kind,
    norm_identifier,
)
from clearance.index.search import abjad_alternatives, candidate_names
from clearance.match import (
    abjad_terms,
    abjad_titles,
    cantonese,
    cyrillic_foreign,
    cyrillic_terms,
    han,
    hangul,
    hangul_chinese,
    hangul_foreign,
    hangul_sino,
    hangul_terms,
    hebrew,
    kana,
    zh,
)
from clearance.match.abjad import has_abjad, kaf_he_of
from clearance.match.algorithm import ALGORITHM, VERSION
from clearance.match.bound import FLOOR_MARGIN, QueryBound, bound_applies
from clearance.match.compare import (
    NameComparison,
    QueryFacts,
    Weigher,
    compare_names,
    word_spans,
)
from clearance.match.countries import (
    country_named,
    country_qualifier,
    country_spellings,
    state_words,
)
from clearance.match.cyrillic import has_cyrillic
from clearance.match.guess import Guess
from clearance.match.imo import imo_slips
from clearance.match.limits import FUZZY_KEYS_PER_QUERY, MAX_QUERY_CHARS, MAX_QUERY_TOKENS
from clearance.match.name_parts import name_parts
from clearance.match.orgs import Slips, confirmed_slips, one_word_forms, slipped_forms, trades
from clearance.match.places import branch_country
from clearance.match.population import population_cap
from clearance.match.prepare import (
    ANY,
    ORG,
    PERSON,
    Name,
    ends_in_generation,
    fold_key,
    form_reading,
    mark_parts,
    name_roles,
    person_variants,
    prepare_name,
    strip_parentheses,
    written_marks,
)
from clearance.match.score import (
    CRAFT,
    Feature,
    Query,
    ScoringConfig,
    country_evidence,
    date_evidence,
    name_feature,
    schema_factor,
)
from clearance.match.text import clean, normalize

__all__ = ["MatchResult", "as_person", "cantonese_reading", "entity_names", "match_query",
           "name_floor", "prepare_query_names", "query_candidates", "query_slips",
           "query_weights", "reading_agrees", "score_entities", "typed_marks"]


@dataclass
class MatchResult:
    """One list entity that may be the queried party, with the why."""

    entity_id: str
    dataset: str
    source_id: str
    schema: str
    name: str
    matched_name: str
    score: float
    match: bool
    features: list[Feature] = field(default_factory=list)
    programs: tuple[str, ...] = ()

    @property
    def explanation(self) -> str:
        return "; ".join(f"{f.name}={f.value:+.3f} ({f.detail})" if f.name != "name"
                         else f"name={f.value:.3f} ({f.detail})" for f in self.features)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset, "source_id": self.source_id, "entity_id": self.entity_id,
            "schema": self.schema, "name": self.name, "matched_name": self.matched_name,
            "score": round(self.score, 4), "match": self.match,
            "explanation": self.explanation,
            "features": [f.to_dict() for f in self.features],
            "programs": list(self.programs),
            "algorithm": f"{ALGORITHM}/{VERSION}",
        }


def prepare_query_names(query: Query, bounded: bool = False,
                        spellings: kana.Spellings | None = None) -> list[Name]:
    """Query names prepared like list names; Chinese, Arabic-script, Russian and Korean
    legal names add their English forms.

    `spellings` (the index's list spellings by consonant key): a name in katakana or in
    Hangul, or a person's or unknown party's name in the Chinese transcription of foreign
    names, or one in Cyrillic, adds the list spellings it may transcribe
    (`kana.foreign_names`, `hangul_foreign.foreign_names`, `han.foreign_names`,
    `cyrillic_foreign.foreign_names`).
    `bounded` (screening): names are prepared in order while they add up to at most
    `MAX_QUERY_CHARS` characters and `MAX_QUERY_TOKENS` tokens, bounds the names of every
    listed entity fit in several times over (`clearance.match.limits`).
    """
    kind = name_kind(query.schema)
    out: list[Name] = []
    chars = tokens = 0
    for text in query.names:
        # (text, how it is read, romanisation system of a person's native name)
        variants = [(text, kind, 0)]
        # a field holding several names ("ACME Ltd (f.k.a. Foo Trading)"): each of them
        variants += [(v, kind, 0) for v in name_parts(text)]
        stripped = strip_parentheses(text)
        if stripped is not None:
            variants.append((stripped, kind, 0))
        if kind != PERSON and query.schema not in CRAFT:
            # a mark part that spells a legal form (KB-SA) is a mark's (`mark_parts`); a
            # party of no craft's type may be a company: read with the form too (KB SA)
            spaced = form_reading(text)
            if spaced is not None:
                variants.append((spaced, kind, 0))
        if kind != PERSON:
            # "Federal Security Service of the Russian Federation": the name without its
            # country, for listed parties of that country only (`country_readings`)
            qualified = country_qualifier(stripped or text)
            if qualified is not None:
                rest, code = qualified
                variants.append((rest, kind, 0))
                # and with the country as the lists may write it: "Russian Ministry of
                # Defence" as "Ministry of Defence of the Russian Federation"
                variants += [(v, kind, 0) for v in with_country_names(rest, code)]
        if zh.has_han(text):
            variants += [(v, kind, 0) for v in zh.english_names(text)]
            # a person's name with ü, as China's passports spell it (no company's: 雄豹旅遊
            # is a travel agency, never "xiongbao lyuyou")
            passport = zh.passport_name(text) if kind != ORG else None
            if passport is not None:
                variants.append((passport, kind, 0))
        if kind != PERSON and has_abjad(text):
            variants += [(v, kind, 0) for v in abjad_terms.english_names(text)]
        if kind != ORG and has_abjad(text):
            # a person's name in Arabic or Persian script after the titles the press
            # gives it (السيد, آیت‌الله, سردار): also read without them
            bare = abjad_titles.without_titles(text)
            if bare is not None:
                variants.append((bare, kind, 0))
            # a Spanish name in Hebrew letters, whose J and G are written ח (חוסה JOSE)
            spanish = hebrew.spanish_reading(text)
            if spanish is not None:
                variants.append((spanish, kind, 0))
            # ... and in Arabic script its LL and silent H (كايي CALLE, إرنانديس HERNANDEZ),
            # also in a name read as Spanish by a particle only (ديل غايو DEL GALLO)
            variants += [(v, kind, 0) for v in hebrew.spanish_sounds_readings(text)]
            # a biblical name in Hebrew letters, whose he Latin leaves out (אהרן AARON)
            silent_he = hebrew.silent_he_reading(text)
            if silent_he is not None:
                variants.append((silent_he, kind, 0))
            # a Polish or German name in Hebrew letters, whose W is written ב (הורוביץ)
            variants += [(v, kind, 0) for v in hebrew.w_readings(text)]
            # an English name in Hebrew letters, whose long u is written יו (ביוקנן)
            long_u = hebrew.u_reading(text)
            if long_u is not None:
                variants.append((long_u, kind, 0))
            # a French name in Hebrew letters, whose silent -et is written ה (לוקה LUQUET)
            french_et = hebrew.et_reading(text)
            if french_et is not None:
                variants.append((french_et, kind, 0))
        if kind != PERSON and has_cyrillic(text):
            variants += [(v, kind, 0) for v in cyrillic_terms.english_names(text)]
        in_hangul = hangul.has_hangul(text)
        if kind != PERSON and in_hangul:
            # a DPRK organisation's name in Hangul: its known words in English, the rest
            # in McCune-Reischauer or the Revised Romanization (the person reading below
            # stays for a party of unknown type that may be a person)
            variants += [(v, kind, 0) for v in hangul_terms.english_names(text)]
        if spellings is not None:
            variants += [(v, kind, 0) for v in kana.foreign_names(text, spellings)]
        if kind == ANY and in_hangul and person_variants(text)[0] is not None:
            # a party of unknown type named like a Korean person (최룡해) may be one: read
            # as a person's name too, or it is one run-together word no list holds
            variants += [(text, PERSON, 0), (text, PERSON, 1), (text, PERSON, 2)]
        elif kind == ANY and ends_in_generation(text):
            # a party of unknown type named "Jainal Sali Junior" is a person: read as one
            # too, its suffix a suffix (read as a word, "Junior" cost as much as a name,
            # and a listed SALI JR., Jainal Antel fell from 0.886 to 0.478 for it)
            variants.append((text, PERSON, 0))
        elif kind == PERSON:
            people = person_variants(text)  # (read once: each reading romanises the name)
            # McCune-Reischauer and popular (Hangul), Hong Kong's Cantonese and Wade-Giles (Han)
            variants += [(text, kind, s) for s in (1, 2) if people[s] is not None]
        if spellings is not None and kind != ORG and zh.has_han(text):
            # a foreign person's name in the Chinese transcription (弗拉基米尔·普京): the list
            # spellings it may transcribe, after the pinyin and Cantonese readings
            variants += [(v, kind, 0) for v in han.foreign_names(text, spellings)]
        if spellings is not None and in_hangul:
            # a foreign name in Hangul: the list spellings it may transcribe, after the
            # Korean readings (a Korean person's name keeps those first)
            variants += [(v, kind, 0) for v in hangul_foreign.foreign_names(text, spellings)]
        if kind != ORG and in_hangul:
            # a Chinese person's name in Hangul by its Mandarin sound (자오웨이): its pinyin
            variants += [(v, kind, 0) for v in hangul_chinese.chinese_names(text)]
        if spellings is not None and kind != ORG and in_hangul:
            # ... or by the Korean reading of its characters (왕소군): the pinyin the lists
            # hold; a Korean person's shape only for a party of a Chinese country
            variants += [(v, kind, 0) for v in hangul_sino.chinese_names(
                text, spellings, chinese=hangul_sino.chinese_country(query.countries))]
        if spellings is not None and has_cyrillic(text):
            # a foreign name in Russian transcription (Уилсон, a company's Фаратех): the
            # list spellings it may transcribe, after its letter-by-letter reading
            variants += [(v, kind, 0) for v in cyrillic_foreign.foreign_names(text, spellings)]
        for v, how, system in variants:
            chars += len(v)
            if bounded and chars > MAX_QUERY_CHARS:
                return out
            name = prepare_name(v, how, system)
            # a native-script person's other spelling is kept when only its letters differ:
            # joins compare the written letters too ("dooho" runs into "Doo-ho"; its fold
            # "duho" is no longer "doo" + "ho"); so is a reading of a foreign name as a list
            # spelling (`guess.Guess`) beside a name read otherwise: Хирт read HIRTH folds as
            # its letters' "khirt" does, but the written "khirt" is two letters from HIRTH
            # (another reading that folds as one kept is left out: Йено's IANA beside YANA,
            # unless it is a sure one: 자오 is ZHAO or JIAO, each that word alone); so is an
            # abjad name's reading (`hebrew.Reading`), whose letters the abjad pattern reads
            # (فيلالوبوتس "fyllwbwts" is VILLALOBOS, فييالوبوتس "fyylwbwts" no spelling of it);
            # so is a reading as another kind whose role words differ (a suffix read as one)
            if name.tokens and all(name.folded != o.folded
                                   or (how != kind and name.legal != o.legal)
                                   or ((system or isinstance(v, hebrew.Reading)
                                        or (isinstance(v, Guess)
                                            and (v.sure or not isinstance(o.text, Guess))))
                                       and name.tokens != o.tokens) for o in out):
                tokens += len(name.tokens)
                if bounded and tokens > MAX_QUERY_TOKENS:
                    return out
                out.append(name)
    return out


def with_country_names(rest: str, code: str) -> list[str]:
    """A name read without its country (`country_qualifier`), with each of the country's
    names as the lists write it after a name: "Ministry of Defence of the Russian
    Federation"."""
    return [f"{rest} of the {n}" if " " in n else f"{rest} of {n}" for n in country_spellings(code)]


#: the least similarity at which a listed word states the query's country word too
#: ("south" paired with "north" at 0.30 does not)
COUNTRY_WORD_AGREES: Final = 0.8
#: the words `country_qualifier` reads around a country ("of the Russian Federation")
_AROUND_COUNTRY: Final = frozenset({"of", "the"})


@dataclass
class CountryReadings:
    """What a query's names say of their country, worked out once per query.

    `gates`: name text read without the country its name states, or with another of the
    country's names (`with_country_names`) -> that country's code: such a reading may only
    find a listed party of that country (or of none given), and must agree in all else
    (`_differs_beyond`); a query's own name is never gated.
    `stated`: name text that states a country, as written and with each of the country's
    names -> (that code, the words that state it): such a name compared whole is no
    evidence for a listed party of another country (`_other_country`).
    `named`: name text, in any reading, that names a country among its other words
    ("National Bank Iran", بانک ملی ایران read "bank national iran") -> the same, read as
    `stated` is: where no word of the name's own agrees, the country tells which body it
    is; one that agrees names the company, which the lists may give at an address abroad
    ("Kestrel Trade Bank Iran", KESTREL TRADE BANK in the UAE).
    """

    gates: dict[str, str] = field(default_factory=dict)
    stated: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    named: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)


def country_readings(query: Query, readings: Sequence[str]) -> CountryReadings:
    """`CountryReadings` of a query (none for a person's names); `readings`, the texts of
    its prepared names (`prepare_query_names`), for `CountryReadings.named`."""
    out = CountryReadings()
    if name_kind(query.schema) == PERSON:
        return out
    for text in query.names:
        whole = strip_parentheses(text) or text
        qualified = country_qualifier(whole)
        if qualified is None:
            continue
        rest, code = qualified
        out.gates.setdefault(rest, code)
        out.stated.setdefault(whole, (code, frozenset(normalize(whole))
                                      - frozenset(normalize(rest)) - _AROUND_COUNTRY))
        for n, reading in zip(country_spellings(code), with_country_names(rest, code)):
            out.gates.setdefault(reading, code)
            out.stated.setdefault(reading, (code, frozenset(normalize(n))))
    for text in query.names:  # ("... of the Russian Federation" asked so)
        out.gates.pop(text, None)
        out.gates.pop(strip_parentheses(text) or text, None)
    for text in readings:
        named = country_named(text)
        if named is not None and text not in out.stated:
            out.named[text] = (named[0], frozenset(normalize(named[1])))
    return out


def _other_country(stated: tuple[str, frozenset[str]] | None, meta: EntityMeta,
                   comp: NameComparison, listed: str, distinct: float,
                   branch: bool = False) -> bool:
    """Whether a query name stating a country (`CountryReadings.stated`, `.named`) met a
    listed party that names other countries only, without pairing every word that states
    it: "Russian Ministry of Defence" is not Myanmar's MINISTRY OF DEFENCE, though the
    words it shares with it score 0.89, nor "... of South Korea" the DPRK's body "... OF
    KOREA", nor "Post Bank Iran" Russia's POST BANK. A word of the name's own that agrees
    names the company, which a list may give at an address abroad (BANK SEPAH
    INTERNATIONAL PLC, in London, for "Bank Sepah of Iran"), unless the listed party's
    name itself names another country: the name met (`listed`) or its caption ("Rwandan
    OJSC Sberbank" is not PJSC SBERBANK, whose caption is PUBLIC JOINT STOCK COMPANY
    SBERBANK OF RUSSIA). Such a word agrees with a strength (weight x similarity, as
    `NameComparison.strongest`) of `distinct` or more, and is no word of the country, of a
    trade (BANCO, `orgs.trades`) or of a body every state has (`countries.state_words`).
    A listed name that states the same country itself ("RUSSIAN TRADING CO" with an
    address abroad) is compared as any other, and so is a branch's name (`branch`:
    `places.branch_country`, "Sberbank Rwanda Ltd") beside such a word: the listed
    company's subsidiary in another country, not another country's company."""
    if stated is None or not meta.countries or stated[0] in meta.countries:
        return False
    if stated[1] <= {p.query for p in comp.pairs if p.similarity >= COUNTRY_WORD_AGREES}:
        return False
    common = state_words()
    if not any(p.weight * p.similarity >= distinct and p.query not in common
               and p.query not in stated[1] and not trades(p.query) for p in comp.pairs):
        return True
    return not branch and any(named is not None and named[0] != stated[0]
                              for named in (country_named(listed), country_named(meta.caption)))


def _shut(gate: str | None, meta: EntityMeta) -> bool:
    """Whether a query name read without its country (`gate`, from `country_readings`) may
    not find this listed party: the party names countries, and not that one."""
    return gate is not None and bool(meta.countries) and gate not in meta.countries


#: the least score of a query name read without its country (`country_readings`)
WHOLE_NAME: Final = 0.95


def _differs_beyond(gate: str | None, comp: NameComparison) -> bool:
    """Whether a query name read without its country meets a listed name that differs in
    more than the country: a word only one side has, however common, or a misspelt word
    is a second difference ("Russian Federation Savings Bank" read as "Savings Bank" is
    not INDUSTRIAL SAVINGS BANK), as a place and a misspelt word are (`compare`'s place
    rule). The name read whole is compared as any other."""
    return gate is not None and comp.score < WHOLE_NAME


def query_weights(index: Index, q: Name, mark_words: frozenset[str] = frozenset()
                  ) -> tuple[list[float], list[float]]:
    """A query name's token weights as an organisation's and as a person's name.

    A token of an Arabic-, Persian- or Hebrew-script name that no list spells that way
    weighs as much as the rarest list token with its consonants (`abjad.key`: "mhmd" is as
    common as Muhammad, not an unseen, maximally distinctive word). A registration mark's
    part (`mark_words`: `typed_marks`) weighs as a listed craft's (`Index.mark_weight`).
    """
    if mark_words:
        org, person = query_weights(index, q)
        return (mark_weighted(index, org, q, mark_words),
                mark_weighted(index, person, q, mark_words))
    if type(index) is Index:
        org, person = _weights(index, q)
    else:  # (a subclass may weigh otherwise: `portfolio.listing.BorrowedIndex`)
        org = [index.weight(f, lf) for f, lf in zip(q.folded, q.legal)]
        person = [index.person_weight(f, lf) for f, lf in zip(q.folded, q.legal)]
    if has_abjad(q.text):
        marks = written_marks(q.text)
        for k, (t, f, lf) in enumerate(zip(q.tokens, q.folded, q.legal)):
            if lf or f in index.vocab:
                continue
            fits = [tid for tid, _ in abjad_alternatives(index, t, kaf_he_of(marks, t))]
            if fits:
                org[k] = max(index.weights[tid] for tid in fits)
                person[k] = max(index.person_weights[tid] for tid in fits)
    return org, person


def typed_marks(query: Query, q: Name) -> frozenset[str]:
    """The registration mark parts of query name `q` (`prepare.mark_parts`) that weigh as
    a mark's: a craft's wherever it writes one; another query's (no person's) only when it
    is one such mark alone (EP-OY typed as a party of unknown type)."""
    if query.schema == "Person":
        return frozenset()
    parts = mark_parts(q.text)
    return parts if query.schema in CRAFT or len(q.tokens) == 2 else frozenset()


def _weights(index: Index, q: Name) -> tuple[list[float], list[float]]:
    """`Index.weight` and `Index.person_weight` of each token, looked up here: a list
    token's weights are two list reads, where two calls of the interpreted methods cost
    more than the rest of this function; a token no list has gets both weights from one
    walk of its deletion keys (`Index.unseen_weights`)."""
    org: list[float] = []
    person: list[float] = []
    vocab, weights, person_weights = index.vocab, index.weights, index.person_weights
    for f, lf in zip(q.folded, q.legal):
        if lf:
            org.append(LEGAL_WEIGHT)
            person.append(LEGAL_WEIGHT)
            continue
        tid = vocab.get(f)
        if tid is not None:
            org.append(weights[tid])
            person.append(person_weights[tid])
        else:
            w, pw = index.unseen_weights(f)
            org.append(w)
            person.append(pw)
    return org, person


def cantonese_reading(q: Name, schema: str) -> cantonese.Reading | None:
    """The syllables of query name `q` when it is a Han person's name read in Cantonese
    (`prepare_query_names`' Hong Kong reading, where it differs from the pinyin); None for
    any other name. Such a reading is compared only with listed names that spell its
    syllables (`cantonese.name_agrees`): it is there to meet Hong Kong's spellings of the
    same name, not to make more near pairs of letters (明晶 "ming ching" is not MING CHUNG)."""
    if name_kind(schema) != PERSON or q.text.isascii() or not zh.has_han(q.text):
        return None
    tokens = list(q.tokens)
    if zh.person_tokens(q.text, "cantonese") != tokens or zh.person_tokens(q.text) == tokens:
        return None
    return cantonese.person_reading("".join(q.text.split()))


def query_candidates(index: Index, q: Name, reading: cantonese.Reading | None, limit: int,
                     budget: list[int], person: bool, craft: bool = False) -> list[int]:
    """The list names (ids) query name `q` is compared with: `search.candidate_names`, or
    for a Cantonese reading (`cantonese_reading`) the names holding one of its surname's
    `cantonese.lookup_words` (by folded keys; a superset of those that agree: `reading_agrees`
    tells which, on the listed words). Most Han names agree with none: nothing else is
    looked up for them."""
    if reading is None:
        names: list[int] = candidate_names(index, q, limit, budget, person, craft).tolist()
        return names
    return _surname_holders(index, reading)


#: `_surname_holders` answers for the last index asked about (known by its vocabulary,
#: never changed once built): a book's Han surnames recur (Chan, Wong, Lee), and each
#: answer folds every spelling of the surname, a two-character one's run together too
SURNAMES_MAX = 4_096
_surnames: list[tuple[dict[str, int], dict[tuple[tuple[str, ...], str | None], list[int]]]] = []


def _surname_holders(index: Index, reading: cantonese.Reading) -> list[int]:
    """The list names (ids, ascending) holding one of the surname's lookup words (by
    folded key)."""
    if not _surnames or _surnames[0][0] is not index.vocab:
        _surnames.clear()
        _surnames.append((index.vocab, {}))
    memo = _surnames[0][1]
    key = (reading.surname, reading.surname_word)
    found = memo.get(key)
    if found is None:
        tids: set[int] = set()
        vocab = index.vocab
        for w in cantonese.lookup_words(reading)[0]:
            tid = vocab.get(fold_key(w))
            if tid is not None:
                tids.add(tid)
        if len(tids) == 1:  # (a posting list holds a name once, in order)
            found = index.postings[tids.pop()].tolist()
        else:
            found = sorted({n for tid in tids for n in index.postings[tid].tolist()})
        if len(memo) < SURNAMES_MAX:
            memo[key] = found
    return found


def reading_agrees(index: Index, reading: cantonese.Reading, given: frozenset[str],
                   n_idx: int) -> bool:
    """Whether list name `n_idx`, one holding a surname lookup word (`query_candidates`),
    is compared with the Cantonese reading: it holds one of the given name's lookup words
    (`given`, of `cantonese.lookup_words`; by folded key, as a list name is looked up: a
    word other than a legal form or a person's particle) and agrees with the reading
    (`cantonese.name_agrees`). The words are read on the listed name, not looked up: a
    given name's spellings run together are many, and each would be folded."""
    name = index.names[n_idx]
    plain = held = False
    for t, lf in zip(name.tokens, name.legal):
        if t in given:
            held = True
            if not lf:
                plain = True
                break
    if not held or not cantonese.name_agrees(reading, name.tokens):
        return False
    if plain:
        return True
    # (only a legal form or particle spells the given name: another word may still fold
    # as one of its spellings does)
    keys = {fold_key(w) for w in given}
    return any(not lf and f in keys for f, lf in zip(name.folded, name.legal))


def query_slips(index: Index, query: Query, q: Name) -> Slips:
    """The words of query name `q` that may be a short legal form with one slip, compared
    as such against listed names carrying the form (`orgs.slipped_forms`,
    `compare.read_slipped_forms`): an organisation's name, or a party's of unknown type,
    never a person's. A word the lists' organisation names write in the same place, first
    or last, as written (`Index.first_words`, `last_words`), is marked so: it may be a
    name word ("JC CAR AUDIO" for JSC, "BEHRAN GAS" for AS), and is read as the form only
    against a listed name carrying that form there whose every other word agrees with the
    query's (`compare.read_slipped_forms`: "OJS SGMOTLORNEFTEGAZ" is OJSC SAMOTLORNEFTEGAZ
    slipped, though a listed "OJS KB Radar" writes OJS first), never freely. One they write
    elsewhere only, or in a person's name only, is no evidence (a first PL, "P.L.
    KAPITZA", for a last PL, LP swapped). A slip is a typist's in the Latin
    letters of a form: a name written in an abjad script has none, and its romanised words
    are consonant skeletons that look like short forms (أسد "asd", سپهر "sph"); in Hangul,
    syllables. A registration mark's part (`prepare.mark_parts`: EP-OY's OY) is the
    mark's, never a form slipped."""
    if name_kind(query.schema) == PERSON or hangul.has_hangul(q.text) or has_abjad(q.text):
        return ()
    slips = slipped_forms(q.tokens, q.legal)
    if slips and "-" in q.text:
        parts = mark_parts(q.text)
        slips = tuple([s for s in slips if q.tokens[s[0]] not in parts])
    if not slips:
        return ()
    first, last = index.first_words, index.last_words
    return tuple((i, forms, part, weak or q.tokens[i] in (first if i == 0 else last))
                 for i, forms, part, weak in slips)


def _query_names(index: Index, query: Query) -> list[tuple[Name, Slips]]:
    """The query's prepared names, each with its words that may be a slipped legal form
    (`query_slips`); a slipped last form its own words confirm ("Co., Lth." is CO LTD:
    `orgs.confirmed_slips`) read as that form for every comparison, the bound's and the
    candidates' included: a typed "Lth." after "Co." is no distinctive word, whether or
    not the listed name writes a form."""
    out: list[tuple[Name, Slips]] = []
    lists = kana.Spellings(index.abjad, index.weights)
    for q in prepare_query_names(query, bounded=True, spellings=lists):
        slips = query_slips(index, query, q)
        read = confirmed_slips(q.tokens, q.legal, slips) if slips else None
        if read is not None:
            words, flags = read
            q = Name(text=q.text, tokens=tuple(words), legal=tuple(flags),
                     folded=q.folded[:len(words) - 1] + (fold_key(words[-1]),))
            slips = query_slips(index, query, q)
        out.append((q, slips))
    return out


def as_person(query_schema: str, list_schema: str, list_name: Name | None = None) -> bool:
    """Whether a pair of names is compared as people's names: the list entry is a Person, or
    it may be one (LegalEntity) and the query is a Person, unless its name carries a legal
    form ("Xiang Cheng Gao Trading Ltd" is a company's name, whatever the entry's type)."""
    if list_schema == "Person":
        return True
    return (list_schema == "LegalEntity" and query_schema == "Person"
            and (list_name is None or not any(list_name.legal)))


class _Comparer:
    """What the comparisons of one query read from the index and the settings, read once:
    attribute reads on those (plain Python objects) cost about a tenth of a comparison
    when repeated for each one."""

    def __init__(self, index: Index, cfg: ScoringConfig,
                 typed: frozenset[str] | None = None, craft: bool = False) -> None:
        self.names = index.names
        # the query names a vessel or an aircraft (`score.CRAFT`); else a listed name of
        # one is compared as a craft's (`_craft_name`): marks pair only as written
        self.craft = craft
        self.owners = index.owners
        self.entities = index.entities
        # the query's names as given (`Query.names`), None: any name compared is; only
        # those may be cut by a field's width, not a reading made of them (the name read
        # without its country is shorter than the field that held it)
        self.typed = typed
        self.abjad_names = index.abjad_names
        self.roles = index.roles
        self.token_weights = index.token_weights
        self.person_token_weights = index.person_token_weights
        self.weigh: Weigher = index.weight
        self.person_weigh: Weigher = index.person_weight
        self.query_extra = cfg.query_extra_penalty
        self.person_extra = cfg.person_list_extra_penalty
        self.org_extra = cfg.org_list_extra_penalty
        self.place = cfg.place_penalty
        self.surname = cfg.surname_penalty
        self.middle = cfg.query_middle_penalty
        self.vocab = index.listed_words()  # (a slip that lands on one is that word)
        # what `compare_names` reads of the query name alone, for the last one compared
        # (a query's comparisons come one name after another)
        self.query: Name | None = None
        self.facts: QueryFacts | None = None

    def compare(self, q: Name, q_w: tuple[list[float], list[float]], n_idx: int, person: bool,
                q_abjad: bool, q_roles: tuple[int, ...] | None,
                q_spans: tuple[tuple[int, int], ...] | None,
                q_slips: Slips = (),
                possible: tuple[list[int], bool] | None = None) -> NameComparison:
        """`_compare`, with what depends on `q` alone worked out (`q_roles` None: when
        needed; `q_slips`: `query_slips`; `possible`: the pairs and joins a bound of the
        comparison allows, `bound.QueryBound.pairs`)."""
        masks, joins = possible if possible is not None else (None, True)
        cand = self.names[n_idx]
        typed = self.typed is None or q.text in self.typed
        craft = self.craft or self._craft_name(n_idx)
        unvocalised = q_abjad or self.abjad_names[n_idx]
        facts = self.facts
        if facts is None or q is not self.query:
            facts = self.facts = QueryFacts(q)
            self.query = q
        if person:
            return compare_names(
                q, cand, self.person_weigh, self.query_extra, self.person_extra, True, q_w[1],
                self.person_token_weights[n_idx], self.place, self.roles[n_idx], self.surname,
                unvocalised, name_roles(q.text) if q_roles is None else q_roles, self.middle,
                q_spans, facts, (), masks, joins, self.vocab, typed, craft,
            )
        return compare_names(
            q, cand, self.weigh, self.query_extra, self.org_extra, False, q_w[0],
            self.token_weights[n_idx], self.place, None, self.surname, unvocalised,
            query_spans=q_spans, query_facts=facts, query_slips=q_slips, pair_masks=masks,
            joins=joins, known=self.vocab, typed=typed, craft=craft,
        )

    def _craft_name(self, n_idx: int) -> bool:
        """Whether listed name `n_idx` is a vessel's or an aircraft's only."""
        entities = self.entities
        return all([entities[e_idx].schema in CRAFT for e_idx, _, _ in self.owners[n_idx]])


def _compare(index: Index, q: Name, q_w: tuple[list[float], list[float]], n_idx: int,
             person: bool, cfg: ScoringConfig, q_abjad: bool | None = None,
             q_roles: tuple[int, ...] | None = None,
             q_spans: tuple[tuple[int, int], ...] | None = None) -> NameComparison:
    """Compare query name `q` (weights `q_w`: as an organisation's, as a person's name)
    with list name `n_idx`. What depends on `q` alone (`q_abjad`: written in an abjad
    script; `q_roles`: `prepare.name_roles`; `q_spans`: `compare.word_spans`) may be
    passed in, worked out once per query;
    what depends on the list name comes with the index (`Index.roles`, `Index.abjad_names`).
    A caller of many comparisons makes one `_Comparer` for them.
    """
    return _Comparer(index, cfg).compare(q, q_w, n_idx, person,
                                         has_abjad(q.text) if q_abjad is None else q_abjad,
                                         q_roles, q_spans)


_Best = dict[int, tuple[float, NameComparison, Name, str, float]]
#: per entity, its other name comparisons scoring as its best does (`_keep`)
_Ties = dict[int, list[tuple[NameComparison, Name, str, float]]]


def _keep(best: _Best, ties: _Ties, e_idx: int, score: float, comp: NameComparison,
          q: Name, text: str, quality: float) -> None:
    """An entity's best name comparison so far; one scoring alike is kept beside it, for
    `_ranked` to read both (whichever of them came first would otherwise be shown, by the
    order candidates come in)."""
    prev = best.get(e_idx)
    if prev is None or score > prev[0]:
        best[e_idx] = (score, comp, q, text, quality)
        ties.pop(e_idx, None)
    elif score == prev[0]:
        ties.setdefault(e_idx, []).append((comp, q, text, quality))


def match_query(
    index: Index, query: Query, cfg: ScoringConfig | None = None, limit: int = 10,
    datasets: frozenset[str] | None = None, min_score: float = 0.0,
) -> list[MatchResult]:
    """Ranked results for one query, best first; `match` marks those at the threshold.

    `datasets` restricts results to those datasets (default: every loaded dataset);
    `min_score` drops weaker results before the `limit` cut (monitoring keeps every
    result that could matter, however many there are).
    """
    cfg = cfg or ScoringConfig()
    q_names = _query_names(index, query)
    best: _Best = {}
    ties: _Ties = {}
    budget = [FUZZY_KEYS_PER_QUERY]  # typo search work, shared by the query's names
    owners, entities, names = index.owners, index.entities, index.names
    comparer = _Comparer(index, cfg, frozenset(query.names), query.schema in CRAFT)
    id_hits = _identifier_hits(index, query, lambda value: [
        e for e in index.identifiers.get(value, [])
        if datasets is None or index.entities[e].dataset in datasets])
    # below a floor, comparisons whose score cannot put any of their entities among the
    # results are left out unmade: by the entities' schemata, and by a bound of the score
    # (`bound.QueryBound`: no written word of two tokens on both sides)
    floor = name_floor(query, cfg, min_score)
    products = _products_of(index, query.schema, datasets) if floor > 0.0 else {}
    factors: dict[str, float] = {}  # schema compatibility, by list entry schema
    countries = country_readings(query, [q.text for q, _ in q_names])
    gates = countries.gates
    for q, q_slips in q_names:
        gate = gates.get(q.text) if gates else None
        q_w = query_weights(index, q, typed_marks(query, q))
        q_abjad, q_roles, q_spans = has_abjad(q.text), name_roles(q.text), word_spans(q)
        # (a Korean person's name in Hangul, as `compare_names` reads it: by its syllables)
        korean = (hangul.korean_name(q.text) if floor > 0.0 and len(q.tokens) == 2
                  and not q.text.isascii() else None)
        # (a name in an abjad script: every comparison is unvocalised)
        bound = (_query_bound(q, q_roles, cfg, korean, q_slips, q_abjad) if floor > 0.0
                 else None)
        if bound is not None:  # (its query facts are those the comparisons read)
            comparer.query, comparer.facts = q, bound.facts
        reading = cantonese_reading(q, query.schema)
        given = cantonese.lookup_words(reading)[1] if reading is not None else frozenset()
        for n_idx in query_candidates(index, q, reading, cfg.candidates, budget,
                                      query.schema == "Person", query.schema in CRAFT):
            if reading is not None and not reading_agrees(index, reading, given, n_idx):
                continue
            # a name is compared once as a person's and once as an organisation's at most
            person_comp: NameComparison | None = None
            as_org: NameComparison | None = None
            person_out = org_out = False  # left out below the floor
            # the bound of the comparisons made, when it applies: the pairs it allows
            n_bound: QueryBound | None = None
            if floor > 0.0 and not (id_hits and any([o[0] in id_hits for o in owners[n_idx]])):
                person_out, org_out, n_bound = _left_out(index, query, q_w, q_spans, n_idx,
                                                         floor, bound, datasets, products,
                                                         factors)
                if person_out and org_out:
                    continue  # (most candidates below a floor: no owner to look at)
            for e_idx, quality, text in owners[n_idx]:
                meta = entities[e_idx]
                if datasets is not None and meta.dataset not in datasets:
                    continue
                if gate is not None and _shut(gate, meta):
                    continue  # the name's own country is not the listed party's
                if as_person(query.schema, meta.schema, names[n_idx]):
                    if person_out:
                        continue
                    if person_comp is None:
                        person_comp = comparer.compare(
                            q, q_w, n_idx, True, q_abjad, q_roles, q_spans, (),
                            None if n_bound is None else n_bound.pairs(names[n_idx], True))
                    comp = person_comp
                else:
                    if org_out:
                        continue
                    if as_org is None:
                        as_org = comparer.compare(
                            q, q_w, n_idx, False, q_abjad, q_roles, q_spans, q_slips,
                            None if n_bound is None else n_bound.pairs(names[n_idx], False))
                    comp = as_org
                if gate is not None and _differs_beyond(gate, comp):
                    continue
                _keep(best, ties, e_idx, comp.score * quality, comp, q, text, quality)
    return _ranked(index, query, cfg, best, id_hits, countries, limit, min_score, ties)


def entity_names(index: Index) -> list[list[tuple[int, float, str]]]:
    """Per entity, its indexed names (name id, quality, text): the reverse of `owners`."""
    if len(index.entity_names) != len(index.entities):
        rev: list[list[tuple[int, float, str]]] = [[] for _ in index.entities]
        for n_idx, owners in enumerate(index.owners):
            for e_idx, quality, text in owners:
                rev[e_idx].append((n_idx, quality, text))
        index.entity_names = rev
    return index.entity_names


def score_entities(
    index: Index, query: Query, entity_ids: list[str], cfg: ScoringConfig | None = None,
) -> list[MatchResult]:
    """Score one query against named list entities only, every name pair compared.

    Monitoring uses this once another index has said which pairs may match: the score
    and explanation are those of `match_query`, and because no candidate cut-off applies
    a pair can only score the same or higher, never be missed.
    """
    cfg = cfg or ScoringConfig()
    q_names = _query_names(index, query)
    rev = entity_names(index)
    targets = [index.by_entity_id[e] for e in entity_ids if e in index.by_entity_id]
    best: _Best = {}
    ties: _Ties = {}
    comparer = _Comparer(index, cfg, frozenset(query.names), query.schema in CRAFT)
    countries = country_readings(query, [q.text for q, _ in q_names])
    gates = countries.gates
    for q, q_slips in q_names:
        q_w = query_weights(index, q, typed_marks(query, q))
        q_abjad, q_roles, q_spans = has_abjad(q.text), name_roles(q.text), word_spans(q)
        reading = cantonese_reading(q, query.schema)
        gate = gates.get(q.text) if gates else None
        for e_idx in targets:
            if _shut(gate, index.entities[e_idx]):
                continue  # as in `match_query`
            schema = index.entities[e_idx].schema
            for n_idx, quality, text in rev[e_idx]:
                if reading is not None and not cantonese.name_agrees(
                        reading, index.names[n_idx].tokens):
                    continue
                person = as_person(query.schema, schema, index.names[n_idx])
                comp = comparer.compare(q, q_w, n_idx, person, q_abjad, q_roles, q_spans,
                                        q_slips)
                if _differs_beyond(gate, comp):
                    continue
                _keep(best, ties, e_idx, comp.score * quality, comp, q, text, quality)
    id_hits = _identifier_hits(index, query, lambda value: [
        e for e in targets if any(v == value for _, v in index.entities[e].identifiers)])
    return _ranked(index, query, cfg, best, id_hits, countries, len(targets), ties=ties)


#: an identifier hit: the query's value as typed, and "" (it agrees exactly) or how it
#: reads as a slip of the listed value
_IdHit = tuple[str, str]


def _identifier_hits(index: Index, query: Query, lookup: Callable[[str], Sequence[int]]
                     ) -> dict[int, _IdHit]:
    """The entities `query`'s identifiers find (`lookup`: the entities holding a compare
    form): those that agree exactly, then, for a query of no person, the listed vessels
    whose IMO number is one slip from a typed number that fails its check digit
    (`imo.imo_slips`; a number that passes its check is another ship's)."""
    hits: dict[int, _IdHit] = {}
    values = [(raw, norm_identifier(raw)) for raw in query.identifiers_read]
    for raw, value in values:
        if len(value) >= 4:
            hits.update((e_idx, (raw, "")) for e_idx in lookup(value))
    if query.schema == "Person":
        return hits
    for raw, value in values:
        near = [(listed, slip, e_idx) for listed, slip in imo_slips(value)
                for e_idx in lookup(listed) if index.entities[e_idx].schema == "Vessel"
                and ("imoNumber", listed) in index.entities[e_idx].identifiers]
        numbers = len({listed for listed, _, _ in near})
        for listed, slip, e_idx in near:
            how = ("the only listed number one slip away" if numbers == 1 else
                   f"one of {numbers} listed numbers one slip away")
            detail = f"fails its check digit: listed {listed} with {slip} ({how})"
            hits.setdefault(e_idx, (raw, detail))
    return hits


def _lifts(query: Query, cfg: ScoringConfig, min_score: float) -> tuple[bool, float, float]:
    """Whether a name score that ends below `min_score` with the birth-date and country
    bonuses added (in the order `_ranked` adds them) is left out of the results, and those
    two bonuses: below a name score, evidence only lowers a score (factors of at most 1, a
    ceiling) but for them."""
    dob_lift = max(0.0, cfg.dob_agree_bonus) if query.birth_date else 0.0
    country_lift = max(0.0, cfg.country_agree_bonus) if query.countries else 0.0
    skip_below = (min_score > 0.0 and cfg.weak_factor <= 1.0
                  and cfg.schema_mismatch_factor <= 1.0)
    return skip_below, dob_lift, country_lift


def _only_lowers(cfg: ScoringConfig) -> bool:
    """Whether `_ranked`'s evidence lowers a name score but for the birth-date and country
    bonuses (`_lifts`): its factors at most 1 and its conflicts' penalties at least 0."""
    return (cfg.weak_factor <= 1.0 and cfg.schema_mismatch_factor <= 1.0
            and cfg.dob_conflict_penalty >= 0.0 and cfg.country_conflict_penalty >= 0.0)


def name_floor(query: Query, cfg: ScoringConfig, min_score: float) -> float:
    """What a name score times its alias quality and schema factor must reach for its
    entity to be among the results `_ranked` keeps with `min_score` (0.0: no floor, as for
    `clearance match` and the API): `min_score` less the birth-date and country bonuses,
    the only evidence that lifts a score. Batch screening's floor of 0.50 gives 0.50 for
    a query with neither a birth date nor a country. 0.0 too when the penalties are not
    those `bound.QueryBound` holds for."""
    skip_below, dob_lift, country_lift = _lifts(query, cfg, min_score)
    if not skip_below or not bound_applies(
            cfg.query_extra_penalty, cfg.person_list_extra_penalty, cfg.org_list_extra_penalty,
            cfg.query_middle_penalty, cfg.surname_penalty, cfg.place_penalty):
        return 0.0
    return max(0.0, min_score - dob_lift - country_lift - FLOOR_MARGIN)


def _needs(products: dict[int, tuple[float, float]], factors: dict[str, float], index: Index,
           query: Query, n_idx: int, floor: float, datasets: frozenset[str] | None
           ) -> tuple[float, float]:
    """The name score list name `n_idx` compared as a person's and as an organisation's
    must reach for any of its entities to reach `floor` (`name_floor`) times its alias
    quality and schema factor (`_ranked` multiplies by both, a factor 0 keeps none:
    a company's name against a person's); above 1.0 when none can (a score is at most 1).

    The least need is `floor` over the greatest product of quality and factor (a division
    by a positive number rounds monotonically: the same float as the least of the
    quotients), and those greatest products depend on the query's schema and datasets
    alone: kept in `products` (`_products`) across the queries of a process (`factors`:
    the query's schema factors, by list entry schema)."""
    best = products.get(n_idx)
    if best is None:
        best = products[n_idx] = _greatest_products(index, query.schema, n_idx, datasets,
                                                     factors)
    person_best, org_best = best
    person_need = min(2.0, floor / person_best) if person_best > 0.0 else 2.0
    org_need = min(2.0, floor / org_best) if org_best > 0.0 else 2.0
    return person_need, org_need


def _greatest_products(index: Index, query_schema: str, n_idx: int,
                       datasets: frozenset[str] | None, factors: dict[str, float]
                       ) -> tuple[float, float]:
    """The greatest alias quality times schema factor of list name `n_idx`'s entities
    compared as people's names, and as organisations' (0.0: none)."""
    person_best = org_best = 0.0
    name = index.names[n_idx]
    entities = index.entities
    for e_idx, quality, _ in index.owners[n_idx]:
        meta = entities[e_idx]
        if datasets is not None and meta.dataset not in datasets:
            continue
        schema = meta.schema
        factor = factors.get(schema)
        if factor is None:
            factor = factors[schema] = schema_factor(query_schema, schema)
        product = quality * factor
        if as_person(query_schema, schema, name):
            if product > person_best:
                person_best = product
        elif product > org_best:
            org_best = product
    return person_best, org_best


#: `_needs`' greatest products, by query schema and datasets, for the last index asked
#: about (known by its owners, never changed once built): a book asks about the same
#: list names again and again, and each answer reads every owner's entity
PRODUCTS_MAX = 1_000_000
_products: list[tuple[object, dict[tuple[str, frozenset[str] | None],
                                     dict[int, tuple[float, float]]]]] = []


def _products_of(index: Index, query_schema: str, datasets: frozenset[str] | None
                 ) -> dict[int, tuple[float, float]]:
    """The memo of `_needs` for a query of this schema on these datasets (a new, empty
    one when it has grown past `PRODUCTS_MAX` names)."""
    if not _products or _products[0][0] is not index.owners:
        _products.clear()
        _products.append((index.owners, {}))
    memos = _products[0][1]
    key = (query_schema, datasets)
    memo = memos.get(key)
    if memo is None or len(memo) > PRODUCTS_MAX:
        memo = memos[key] = {}
    return memo


def _left_out(index: Index, query: Query, q_w: tuple[list[float], list[float]],
              q_spans: tuple[tuple[int, int], ...], n_idx: int, floor: float,
              bound: QueryBound | None, datasets: frozenset[str] | None,
              products: dict[int, tuple[float, float]], factors: dict[str, float]
              ) -> tuple[bool, bool, QueryBound | None]:
    """Whether list name `n_idx` compared as a person's, and as an organisation's, can put
    none of its entities at `floor` (`name_floor`): by their alias qualities and schema
    factors (`_needs`), or by the bound of its score (`bound`: None when it does not apply
    to the query name; of a query name in no abjad script it does not to list names in
    one, nor when both names have a written word of several tokens). An entity an
    identifier found is no caller's to leave out. Third: `bound` when it applies to the
    pair (its `pairs` then say which pairs and joins the comparisons may make), else
    None."""
    person_need, org_need = _needs(products, factors, index, query, n_idx, floor, datasets)
    if person_need > 1.0 and org_need > 1.0:
        return True, True, None  # (nothing compared: no bound asked)
    cand = index.names[n_idx]
    applies = (bound is not None and (bound.unvocalised or not index.abjad_names[n_idx])
               and not (q_spans and word_spans(cand)))
    person_out = person_need > 1.0 or (
        applies and bound is not None
        and bound.below(cand, index.person_token_weights[n_idx], q_w[1], True,
                        index.roles[n_idx], person_need))
    org_out = org_need > 1.0 or (
        applies and bound is not None
        and bound.below(cand, index.token_weights[n_idx], q_w[0], False, None, org_need))
    return person_out, org_out, bound if applies else None


def _query_bound(q: Name, q_roles: tuple[int, ...], cfg: ScoringConfig,
                 korean: tuple[str, str] | None = None,
                 slips: Slips = (), unvocalised: bool = False) -> QueryBound:
    """`bound.QueryBound` of a query name with the penalties `_Comparer` passes
    (`unvocalised`: of its comparisons with `compare_names`' `unvocalised`)."""
    return QueryBound(q, q_roles, cfg.query_extra_penalty, cfg.person_list_extra_penalty,
                      cfg.org_list_extra_penalty, cfg.query_middle_penalty,
                      cfg.surname_penalty, cfg.place_penalty, korean, slips, unvocalised)


def _people_names_left(comp: NameComparison, q: Name) -> bool:
    """Whether every word of query name `q` that `comp` left unpaired is a name people
    bear (`population.population_cap`) and no legal form: "Sana Khan" of unknown type
    against a vessel or company named SANA reads as a person's name, of which the listed
    word is one name among two (as a one-word alias is against a person's full name);
    "Sana Shipping" or "Sana LLC" do not, nor "Aeroflot Russian Airlines", whose generic
    words ("rusian", "air": their folds) are some people's names too."""
    words = _left_words(comp, q)
    caps, generic = generic_words()
    return bool(words) and all(not lf and caps.get(f) != generic and population_cap(f) < 1.0
                               for f, lf in words)


def _left_words(comp: NameComparison, q: Name) -> list[tuple[str, bool]]:
    """(fold, legal flag) of the words of query name `q` that `comp` left unpaired."""
    left = set(comp.unmatched_query)
    return [(f, lf) for t, f, lf in zip(q.tokens, q.folded, q.legal) if t in left]


def _company_form_left(comp: NameComparison, q: Name) -> bool:
    """Whether the words of query name `q` that `comp` left unpaired are a company's legal
    form, one of them written in one word: "Green Ltd" of unknown type names a company,
    which a person's one-word alias GREEN does not."""
    words = _left_words(comp, q)
    return (bool(words) and all(lf for _, lf in words)
            and any(f in one_word_forms() for f, _ in words))


def _one_word_person(best: _Best, e_idx: int) -> bool:
    """Whether a result is a person's name met by a query of one word: at an equal score it
    ranks after the others, since one word is seldom a person's whole name ("Hezbollah" is
    HIZBALLAH before KHAN, Hizb Ullah Astam, whose alias "Hizbullah" it meets as well)."""
    found = best.get(e_idx)
    return found is not None and found[1].person and found[1].query_words == 1


def _name_evidence(cfg: ScoringConfig, query: Query, countries: CountryReadings,
                   meta: EntityMeta, comp: NameComparison, q: Name, matched_name: str,
                   quality: float) -> tuple[float, list[tuple[str, float, str]]]:
    """An entity's score from one of its name comparisons, with the evidence read on the
    names alone (weak words, a one-word name, a common name, a stated country): two names
    of one entity that compare alike may still end apart here ("X RESEARCH" and "X
    RESEARCH CENTER" against a query cut after RESEARCH), so `_ranked` asks of each."""
    gates, stated = countries.gates, countries.stated
    evidence: list[tuple[str, float, str]] = []
    score = comp.score * quality
    evidence.append(("name", score, ""))
    code = gates.get(q.text) if gates else None
    if code is not None:
        evidence.append(("country", 0.0, (
            f"name read {'with' if q.text in stated else 'without'} its country "
            f"{code.upper()}{' as the list writes it' if q.text in stated else ''}, "
            + ("one of the listed party's" if meta.countries
               else "the listed party names none"))))
    # (people: common names are weighed by the population caps instead)
    person = comp.person
    if not person and comp.strongest < cfg.weak_strength and comp.distinct_leftover:
        evidence.append(("weak_tokens", score * (cfg.weak_factor - 1.0),
                         "only common or generic words agree"))
        score *= cfg.weak_factor
    ceiling = cfg.threshold - cfg.one_word_margin
    if (person and comp.cand_words == 1 and comp.query_words >= 2
            and score > ceiling):
        evidence.append(("one_word_name", ceiling - score,
                         "a one-word listed name against a query of several names"))
        score = ceiling
    elif (person and comp.cand_words == 1 and score > ceiling
          and name_kind(query.schema) == ANY and _company_form_left(comp, q)):
        evidence.append(("one_word_name", ceiling - score,
                         ("a person's one-word listed name against a query of unknown "
                          "type that carries a company's legal form")))
        score = ceiling
    elif not person and comp.lone_common_name and score > ceiling:
        evidence.append(("common_name", ceiling - score,
                         ("only a family name that many companies bear agrees, "
                          "not the whole name")))
        score = ceiling
    elif (not person and comp.cand_words == 1 and comp.query_words >= 2
          and score > ceiling and name_kind(query.schema) == ANY
          and _people_names_left(comp, q)):
        evidence.append(("one_word_name", ceiling - score,
                         ("a one-word listed name against a query of unknown type "
                          "whose other words are people's names")))
        score = ceiling
    told = (stated.get(q.text) if stated else None) or countries.named.get(q.text)
    if score > ceiling and _other_country(told, meta, comp, matched_name, cfg.weak_strength,
                                           branch_country(q.tokens, q.legal)):
        evidence.append(("stated_country", ceiling - score, (
            f"the name states {told[0].upper() if told else ''}, the listed party "
            f"names {', '.join(sorted(meta.countries)).upper()}")))
        score = ceiling
    return score, evidence


def _ranked(index: Index, query: Query, cfg: ScoringConfig, best: _Best,
            id_hits: dict[int, _IdHit], countries: CountryReadings, limit: int,
            min_score: float = 0.0, ties: _Ties | None = None) -> list[MatchResult]:
    """Secondary evidence on top of the best name pair per entity; best results first."""
    # evidence as (name, value, detail) tuples: `Feature` objects are made for kept results
    scored: list[tuple[float, int, list[tuple[str, float, str]], str]] = []
    factors: dict[str, float] = {}  # schema compatibility, by list entry schema
    # below a name score, evidence only lowers a score (factors of at most 1, a ceiling)
    # but for the birth date and country bonuses: a name score that ends below
    # `min_score` with both added (in the order they are added below) is left out before
    # its evidence is worked out (batch screening: most of a query's entities)
    skip_below, dob_lift, country_lift = _lifts(query, cfg, min_score)
    # nor one whose name score with both bonuses rounds below the `limit`-th best score of
    # those kept so far (`top`, a heap of their rounded scores): the cut below drops it
    # (without a floor, `clearance match` and the API: most of a query's entities)
    prune = limit > 0 and _only_lowers(cfg)
    top: list[float] = []
    verbatim = {clean(n) for n in query.names}
    for e_idx in set(best) | set(id_hits):
        if (skip_below and e_idx not in id_hits
                and (best[e_idx][0] + dob_lift) + country_lift < min_score):
            continue
        if (prune and len(top) == limit and e_idx not in id_hits
                and round(min(1.0, (best[e_idx][0] + dob_lift) + country_lift), 4) < top[0]):
            continue
        meta = index.entities[e_idx]
        evidence: list[tuple[str, float, str]] = []
        if e_idx in best:
            _, comp, q, matched_name, quality = best[e_idx]
            # the name detail is written below, only for the results that are returned
            score, evidence = _name_evidence(cfg, query, countries, meta, comp, q,
                                             matched_name, quality)
            for alt in ties.get(e_idx, ()) if ties else ():
                alt_score, alt_evidence = _name_evidence(cfg, query, countries, meta, *alt)
                # (alike to the end, the name the query writes is shown, as `rank` prefers)
                if alt_score > score or (alt_score == score and clean(alt[2]) in verbatim
                                         and clean(matched_name) not in verbatim):
                    score, evidence = alt_score, alt_evidence
                    comp, q, matched_name, quality = alt
                    best[e_idx] = (best[e_idx][0], *alt)
        else:
            score, matched_name = 0.0, meta.caption
        factor = factors.get(meta.schema)
        if factor is None:
            factor = factors[meta.schema] = schema_factor(query.schema, meta.schema)
        if factor < 1.0:
            evidence.append(("schema", score * (factor - 1.0),
                             f"query is a {query.schema}, list entry a {meta.schema}"))
            score *= factor
        elif (query.schema == "Person" and meta.schema == "LegalEntity" and e_idx in best
              and not best[e_idx][1].person):
            # an entry of unknown type named with a legal form is most likely a company
            factor = cfg.schema_mismatch_factor
            evidence.append(("schema", score * (factor - 1.0),
                             f"query is a Person, list name {matched_name!r} has a legal form"))
            score *= factor
        if query.birth_date and meta.schema in ("Person", "LegalEntity"):
            dob, detail = date_evidence(query.birth_date, meta.birth_dates)
            if dob != 0:
                delta = cfg.dob_agree_bonus if dob > 0 else -cfg.dob_conflict_penalty
                evidence.append(("birth_date", delta, detail))
                score += delta
        ctry, detail = country_evidence(query.countries, meta) if query.countries else (0, "")
        if ctry != 0 and score > 0:
            delta = cfg.country_agree_bonus if ctry > 0 else -cfg.country_conflict_penalty
            evidence.append(("country", delta, detail))
            score += delta
        if e_idx in id_hits and id_hits[e_idx][1] == "":
            raw = id_hits[e_idx][0]
            props = [p for p, v in meta.identifiers if v == norm_identifier(raw)]
            evidence.append(("identifier", max(0.0, cfg.identifier_score - score),
                             f"{'/'.join(props)} {raw} agrees exactly"))
            score = max(score, cfg.identifier_score)
        elif e_idx in id_hits:  # a near hit: a typed IMO number's slip
            raw, slip = id_hits[e_idx]
            evidence.append(("identifier_slip", max(0.0, cfg.identifier_slip_score - score),
                             f"imoNumber {raw} {slip}"))
            score = max(score, cfg.identifier_slip_score)
        score = min(1.0, max(0.0, score))
        if score <= 0.0 or score < min_score:
            continue
        scored.append((score, e_idx, evidence, matched_name))
        if prune:
            if len(top) < limit:
                heapq.heappush(top, round(score, 4))
            elif round(score, 4) > top[0]:
                heapq.heapreplace(top, round(score, 4))
    if 0 < limit < len(scored):
        # only results scoring (to 4 places) at least the limit-th best can be returned:
        # the full ordering below is needed among those alone
        cut = sorted([round(s[0], 4) for s in scored], reverse=True)[limit - 1]
        scored = [s for s in scored if round(s[0], 4) >= cut]
    order = {d: i for i, d in enumerate(cfg.dataset_order)}

    def rank(s: tuple[float, int, list[tuple[str, float, str]], str]
             ) -> tuple[float, bool, bool, int, str, str]:
        meta = index.entities[s[1]]
        return (-round(s[0], 4), clean(s[3]) not in verbatim, _one_word_person(best, s[1]),
                order.get(meta.dataset, len(order)), meta.dataset, meta.source_id)

    scored.sort(key=rank)
    kept: list[MatchResult] = []
    for score, e_idx, evidence, matched_name in scored[:limit]:
        meta = index.entities[e_idx]
        features = [Feature(*e) for e in evidence]
        if e_idx in best and features and features[0].name == "name":
            _, comp, q, _, quality = best[e_idx]
            features[0] = name_feature(comp, q.text, matched_name, quality)
        kept.append(MatchResult(
            entity_id=meta.entity_id, dataset=meta.dataset, source_id=meta.source_id,
            schema=meta.schema, name=meta.caption, matched_name=matched_name, score=score,
            match=score >= cfg.threshold, features=features, programs=meta.programs,
        ))
    return kept



