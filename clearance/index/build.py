"""The candidate index: from active list versions to a structure that finds likely names fast.

Inverted postings over folded name tokens, a deletion neighbourhood of each token (so a
misspelt query token still finds its list token without scanning the vocabulary), consonant
skeletons (for unvocalised Arabic-script romanisations) and an identifier map (IMO,
passport, USCC, ISIN ...). Token weights by rarity are computed here, once.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from clearance.index.neighbours import deletions, neighbour_tokens, two_deletion_table
from clearance.match.abjad import has_abjad
from clearance.match.abjad import key as abjad_key
from clearance.match.fold import skeleton
from clearance.match.limits import MAX_FUZZY_TOKEN, bounded_text
from clearance.match.name_parts import name_parts
from clearance.match.orgs import legal_forms_words
from clearance.match.population import caps_table, population_cap, use_caps
from clearance.match.prepare import (
    ANY,
    ORG,
    PERSON,
    Name,
    fold_key,
    mark_parts,
    name_roles,
    prepare_name,
    strip_parentheses,
)
from clearance.match.score import CRAFT
from clearance.resources import load_resource

__all__ = [
    "COUNTRY_PROPS",
    "IDENTIFIER_PROPS",
    "LEGAL_WEIGHT",
    "EntityMeta",
    "Index",
    "build_index",
    "mark_weighted",
    "name_kind",
    "norm_identifier",
]

IntArray = npt.NDArray[np.int32]

#: Properties whose values identify an entity outright when they agree.
IDENTIFIER_PROPS = ("imoNumber", "mmsi", "passportNumber", "idNumber", "uscCode", "isinCode",
                    "registrationNumber", "taxNumber", "leiCode", "swiftBic", "innCode",
                    "ogrnCode", "vatCode", "dunsCode", "serialNumber", "callSign")
COUNTRY_PROPS = ("country", "nationality", "citizenship", "jurisdiction", "flag",
                 "mainCountry", "birthCountry")
NAME_PROPS = (("name", 1.0), ("alias", 1.0), ("previousName", 0.95), ("weakAlias", 0.85))
LEGAL_WEIGHT = 0.1
_ID_CLEAN = re.compile(r"[^A-Z0-9]")
#: an IMO ship number written with its scheme ("IMO 9187629", "IMO No. 9187629"), as OFAC
#: writes it; registers, AIS feeds and bank exports give the seven digits alone
_IMO_WRITTEN = re.compile(r"IMO(?:NO|NUMBER)?([0-9]{7})")


def norm_identifier(value: str) -> str:
    """Identifier compare form: upper-case letters and digits only ('CNE-100000 pm8'); an
    IMO number without its scheme word, so "IMO 9187629" and "9187629" agree."""
    clean = _ID_CLEAN.sub("", value.upper())
    imo = _IMO_WRITTEN.fullmatch(clean)
    return imo.group(1) if imo else clean


def _rarity(names: int, n_names: int) -> float:
    """A list token's weight before any cap: how few of the `n_names` list names hold it
    (`names` of them), on a log scale from 0.05 to 1."""
    norm = math.log((n_names + 1) / 2.0) if n_names > 2 else 1.0
    return min(1.0, max(0.05, math.log((n_names + 1) / (names + 1)) / norm))


def mark_weighted(index: Index, weights: Sequence[float], name: Name, parts: frozenset[str]
                  ) -> list[float]:
    """`weights` of `name`'s words with each registration mark part's (`parts`, of
    `prepare.mark_parts`) at `Index.mark_weight`."""
    return [index.mark_weight(f) if t in parts else w
            for w, t, f in zip(weights, name.tokens, name.folded)]


def _weigh_marks(index: Index) -> None:
    """A craft's listed name (every owner a vessel or an aircraft) weighs its registration
    marks' parts at `Index.mark_weight` (`engine.query_weights` a typed mark's alike)."""
    for n_idx, name in enumerate(index.names):
        parts = mark_parts(name.text)
        if parts and all(index.entities[e].schema in CRAFT for e, _, _ in index.owners[n_idx]):
            index.token_weights[n_idx] = tuple(
                mark_weighted(index, index.token_weights[n_idx], name, parts))
            index.person_token_weights[n_idx] = tuple(
                mark_weighted(index, index.person_token_weights[n_idx], name, parts))


def name_kind(schema: str) -> str:
    """How a schema's names are prepared: people keep every token, others lose legal forms."""
    if schema == "Person":
        return PERSON
    if schema in ("LegalEntity", "Thing", ""):
        return ANY
    return ORG


@cache
def generic_words() -> tuple[dict[str, float], float]:
    """Folded generic words and stopwords -> the weight cap each gets.

    A generic word is keyed as list tokens are (`fold_key`) too: in a group of spellings of
    one word (`name_variants.yml`: AIRLINES is AIR) it caps the group's key, or the group
    left it uncapped ("Air Company Ltd" met IRAN AIR on "air" at 0.59). Legal forms are
    not: the Vietnamese CONG is in a group of Cantonese surnames (IEONG)."""
    from clearance.match.fold import fold

    data = load_resource("generic_words")
    caps = {fold(w): LEGAL_WEIGHT for w in legal_forms_words()}  # "liability" left loose
    for w in map(str, data["words"]):
        # (the word's own fold too: its misspellings are near it, `_capped_keys`)
        caps[fold(w)] = caps[fold_key(w)] = float(data["cap"])
    caps.update({fold(str(w)): float(data["stopword_weight"]) for w in data["stopwords"]})
    return caps, float(data["cap"])


@cache
def _capped_keys() -> dict[str, float]:
    """Deletion keys of the capped words (generic, stopword, legal), with their caps."""
    caps, _ = generic_words()
    keys: dict[str, float] = {}
    for word, cap in caps.items():
        if len(word) >= 5:
            for key in deletions(word, 1):
                keys[key] = min(cap, keys.get(key, cap))
    return keys


def _near_capped(folded: str, dels: set[str] | None = None) -> float | None:
    """The cap of a generic, legal or stop word one deletion from `folded` ("compny"), if
    any; `dels`: `deletions(folded, 1)` when the caller has them."""
    if len(folded) < 5:
        return None
    keys = _capped_keys()
    found = [keys[k] for k in (deletions(folded, 1) if dels is None else dels) if k in keys]
    return min(found) if found else None


@dataclass(slots=True)
class EntityMeta:
    """What scoring needs of a list entity besides its names."""

    entity_id: str
    dataset: str
    source_id: str
    schema: str
    caption: str
    countries: frozenset[str]
    birth_dates: tuple[str, ...]
    identifiers: tuple[tuple[str, str], ...]  # (property, normalised value)
    programs: tuple[str, ...]


@dataclass
class Index:
    """Everything candidate generation and scoring read; built once, saved by `index.store`.

    `names` are distinct prepared names; `owners[n]` lists the entities carrying name `n`
    as (entity index, alias quality, the entity's own spelling).
    """

    fingerprint: str
    entities: list[EntityMeta] = field(default_factory=list)
    names: list[Name] = field(default_factory=list)
    owners: list[list[tuple[int, float, str]]] = field(default_factory=list)
    token_weights: list[tuple[float, ...]] = field(default_factory=list)
    name_weight: npt.NDArray[np.float32] = field(default_factory=lambda: np.zeros(0, np.float32))
    vocab: dict[str, int] = field(default_factory=dict)
    weights: list[float] = field(default_factory=list)
    postings: list[IntArray] = field(default_factory=list)
    #: deletion keys (`neighbours.deletions`) of every list token of 4+ letters (5+ digits),
    #: raw spellings too -> the token id when one token has the key (93% of keys), or
    #: -1 - its row of `fuzzy_shared`: one int a key, not a list, is what keeps loading
    #: the index cheap (274,000 keys on the bundled lists; `neighbours.neighbour_tokens`)
    fuzzy: dict[str, int] = field(default_factory=dict)
    fuzzy_shared: list[list[int]] = field(default_factory=list)
    #: two-deletion keys of the long list tokens (`neighbours.two_deletion_table`: hashes,
    #: sorted, and the token id of each), looked up for a query word nothing else reaches
    two_slips: npt.NDArray[np.uint32] = field(default_factory=lambda: np.zeros(0, np.uint32))
    two_slips_tokens: IntArray = field(default_factory=lambda: np.zeros(0, np.int32))
    #: the token ids of every name's words (no legal forms), name after name, and where
    #: each name's begin (`name_words_starts[n]` to `[n + 1]`): the words written beside a
    #: query word that agrees (`search._slipped_beside`), read without the names' rows
    name_words: IntArray = field(default_factory=lambda: np.zeros(0, np.int32))
    name_words_starts: IntArray = field(default_factory=lambda: np.zeros(1, np.int32))
    skeletons: dict[str, list[int]] = field(default_factory=dict)
    #: consonant keys (`match.abjad.key`) of every list token spelling -> (token id,
    #: spelling): how an Arabic-, Persian- or Hebrew-script query token finds its Latin ones
    abjad: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    identifiers: dict[str, list[int]] = field(default_factory=dict)
    by_entity_id: dict[str, int] = field(default_factory=dict)
    datasets: frozenset[str] = frozenset()
    #: person-name weights, vocabulary-aligned and per name: rarity on the lists, capped by
    #: the name's frequency among people (`match.population`), never by the generic-word,
    #: legal-form and stopword caps that organisations' words get
    person_weights: list[float] = field(default_factory=list)
    person_token_weights: list[tuple[float, ...]] = field(default_factory=list)
    #: per name, what every comparison with it reads: the roles of its tokens as a person's
    #: name (`prepare.name_roles`) and whether it is written in an abjad script
    roles: list[tuple[int, ...]] = field(default_factory=list)
    abjad_names: list[bool] = field(default_factory=list)
    #: (name id x vocabulary size + token id), sorted, of every name holding a token twice
    #: or more ("JABIR, Jabir 'Abdallah", MUHAMMAD, Muhammad): postings hold a name once
    #: per token, and candidate generation counts such a token for two query words
    doubled: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))
    unseen: dict[str, float] = field(default_factory=dict)  # query-time caches
    unseen_person: dict[str, float] = field(default_factory=dict)
    #: (folded, raw) query token -> `search.token_alternatives`: list token ids, the token
    #: itself first (similarity 1.0) when it is one, then the rest (0.8)
    alternatives: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    #: romanised abjad token -> the list tokens its letters spell (`search.abjad_alternatives`)
    abjad_fits: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    entity_names: list[list[tuple[int, float, str]]] = field(default_factory=list)
    #: `population.caps_table()` when the index was built, saved with it: a process that
    #: loads the index reads the caps from here instead of building them again
    population_caps: dict[str, float] = field(default_factory=dict)
    #: the words the lists' organisation names write first, and last, as no legal form
    #: (`form_place_words`)
    first_words: frozenset[str] = frozenset()
    last_words: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.population_caps:
            use_caps(self.population_caps)

    def listed_words(self) -> Mapping[str, int]:
        """The folded words the lists write (a slip that lands on one is that word, not a
        slipped legal form): this index's vocabulary, or a whole list's for an index over a
        few of its entities (`portfolio.listing.BorrowedIndex`)."""
        return self.vocab

    def weight(self, folded: str, legal: bool = False) -> float:
        """Rarity weight of a folded token; unseen tokens are maximally distinctive."""
        if legal:
            return LEGAL_WEIGHT
        tid = self.vocab.get(folded)
        if tid is not None:
            return self.weights[tid]
        caps, _ = generic_words()
        if folded in caps:
            return caps[folded]
        return self._unseen_weight(folded)

    def mark_weight(self, folded: str) -> float:
        """What a registration mark's part (`prepare.mark_parts`: EP-IBN's IBN) weighs in a
        craft's name, listed and typed alike: its rarity on the lists, as `build_index`
        reckons it, never capped as the word it spells (IBN there is no Arabic particle at
        0.05, OY no Finnish legal form at 0.1, CA no common given name); 1.0 where no list
        writes it (a code tells one craft of its series from another)."""
        tid = self.vocab.get(folded)
        if tid is None:
            return 1.0
        return _rarity(len(self.postings[tid]), max(len(self.names), 1))

    def person_weight(self, folded: str, legal: bool = False) -> float:
        """Weight of a folded token of a person's name (a particle or title when `legal`)."""
        if legal:
            return LEGAL_WEIGHT
        tid = self.vocab.get(folded)
        if tid is not None:
            return self.person_weights[tid]
        cached = self.unseen_person.get(folded)
        if cached is None:
            cached = min(self._near_weight(folded, self.person_weights),
                         population_cap(folded))
            if len(self.unseen_person) < 100_000 and len(folded) <= MAX_FUZZY_TOKEN:
                self.unseen_person[folded] = cached
        return cached

    def unseen_weights(self, folded: str) -> tuple[float, float]:
        """`weight(folded)` and `person_weight(folded)` of a token not in `vocab`, from one
        walk of its deletion keys: each of the two walks the same keys on its own (and the
        organisation's weight twice: a misspelt generic word, then a misspelt list word),
        while a query name asks for both weights of every token (`engine.query_weights`)."""
        caps, _ = generic_words()
        org = caps.get(folded)
        if org is None and (len(folded) < 4 or folded.isdigit()):
            org = 1.0
        if org is None:
            org = self.unseen.get(folded)
        person = self.unseen_person.get(folded)
        if org is not None and person is not None:
            return org, person
        keys = deletions(folded, 1) if len(folded) >= 4 else set()
        near: dict[int, None] | None = None  # list tokens one deletion away
        if 4 <= len(folded) <= MAX_FUZZY_TOKEN and not folded.isdigit():
            near = neighbour_tokens(self.fuzzy, self.fuzzy_shared, self.vocab, keys)
        if org is None:
            org = _near_capped(folded, keys)
            if org is None:
                org = 1.0 if near is None else max((self.weights[t] for t in near), default=1.0)
                if len(self.unseen) < 100_000 and len(folded) <= MAX_FUZZY_TOKEN:
                    self.unseen[folded] = org
        if person is None:
            near_w = 1.0 if near is None else max((self.person_weights[t] for t in near),
                                                  default=1.0)
            person = min(near_w, population_cap(folded))
            if len(self.unseen_person) < 100_000 and len(folded) <= MAX_FUZZY_TOKEN:
                self.unseen_person[folded] = person
        return org, person

    def _near_weight(self, folded: str, weights: list[float]) -> float:
        """The largest weight among list tokens one deletion away (1.0 for short tokens, and
        for tokens longer than any real word, which get no deletion keys)."""
        if len(folded) < 4 or len(folded) > MAX_FUZZY_TOKEN or folded.isdigit():
            return 1.0
        near = neighbour_tokens(self.fuzzy, self.fuzzy_shared, self.vocab, deletions(folded, 1))
        return max((weights[t] for t in near), default=1.0)

    def _unseen_weight(self, folded: str) -> float:
        """A token not on any list: as distinctive as the rarest list word it may misspell."""
        if len(folded) < 4 or folded.isdigit():
            return 1.0
        cached = self.unseen.get(folded)
        if cached is None:
            cached = _near_capped(folded)  # a misspelt generic or legal word ("compny")
        if cached is None:
            cached = self._near_weight(folded, self.weights)
            if len(self.unseen) < 100_000 and len(folded) <= MAX_FUZZY_TOKEN:
                self.unseen[folded] = cached
        return cached


def _key_table(fuzzy: dict[str, list[int]]) -> tuple[dict[str, int], list[list[int]]]:
    """`Index.fuzzy` and `Index.fuzzy_shared` from deletion key -> token ids."""
    table: dict[str, int] = {}
    shared: list[list[int]] = []
    for key, tids in fuzzy.items():
        if len(tids) == 1:
            table[key] = tids[0]
        else:
            table[key] = -1 - len(shared)
            shared.append(tids)
    return table, shared


def _name_words(index: Index) -> tuple[IntArray, IntArray]:
    """`Index.name_words` and `name_words_starts` of an index whose names and vocabulary
    are built."""
    words: list[int] = []
    starts = [0]
    for name in index.names:
        words += [index.vocab[f] for f, lf in zip(name.folded, name.legal) if not lf]
        starts.append(len(words))
    return np.asarray(words, dtype=np.int32), np.asarray(starts, dtype=np.int32)


def _meta(record: dict[str, Any]) -> EntityMeta:
    props: dict[str, list[str]] = record["properties"]
    countries = frozenset(c for p in COUNTRY_PROPS for c in props.get(p, []))
    ids = tuple(sorted({(p, norm_identifier(v)) for p in IDENTIFIER_PROPS
                        for v in props.get(p, []) if len(norm_identifier(v)) >= 4}))
    return EntityMeta(
        entity_id=record["entity_id"], dataset=record["dataset"],
        source_id=record["source_id"], schema=record["schema"], caption=record["caption"],
        countries=countries, birth_dates=tuple(sorted(set(props.get("birthDate", [])))),
        identifiers=ids, programs=tuple(props.get("program", [])),
    )


def form_place_words(index: Index) -> tuple[frozenset[str], frozenset[str]]:
    """The words the lists' names of organisations (not of people only: their order is no
    form's) write first, and last (before forms only), as no legal form, in a name of two
    such words or more: a query's word one slip from a form, where a form stands, is that
    word when the lists write it in the same place ("JC CAR AUDIO" for JSC, "... GAS" for
    AS: `engine.query_slips`), and a slipped form when they write it elsewhere only (a
    first PL, "P.L. KAPITZA", for a last one: LP swapped)."""
    first: set[str] = set()
    last: set[str] = set()
    for name, owners in zip(index.names, index.owners):
        # as written, not folded: a listed EP-ITD is no evidence that a typed "Co. Ytd."
        # (folded "itd") is a word; the lists write no YTD
        words = [t for t, lf in zip(name.tokens, name.legal) if not lf]
        if (len(words) >= 2
                and any(index.entities[e].schema != "Person" for e, _, _ in owners)):
            if not name.legal[0]:
                first.add(words[0])
            last.add(words[-1])
    return frozenset(first), frozenset(last)


#: a possessive "'s" ending a word of two letters or more (ESFAHAN'S, IRAN'S; not D'S)
_POSSESSIVE = re.compile(r"(?<=[^\W\d_]{2})['\u2019]s\b", re.IGNORECASE)


def possessive_dropped(text: str) -> str | None:
    """The name with each possessive's "'s" dropped (ESFAHAN'S MOBARAKEH STEEL COMPANY ->
    ESFAHAN MOBARAKEH STEEL COMPANY), or None if it has none; indexed beside the name as
    written. A book writes the bare word ("Esfahan Mobarakeh Steel"), and a name in Arabic
    script (فولاد مبارکه اصفهان) has no letter for the s, so its consonants cannot meet
    "esfahans". Not at `prepare_name`: the lists' own words keep it (PEOPLE'S is "peoples"
    in ko_terms.yml and countries.yml)."""
    out = _POSSESSIVE.sub("", text)
    return out if out != text else None


def build_index(records: Iterable[dict[str, Any]], fingerprint: str) -> Index:
    """Prepare every name of every matchable record and build postings and weights."""
    index = Index(fingerprint=fingerprint)
    token_names: dict[str, list[int]] = defaultdict(list)
    fuzzy: dict[str, list[int]] = {}  # deletion key -> token ids, until `_key_table`
    spellings: dict[str, set[str]] = defaultdict(set)  # folded -> raw spellings seen
    distinct: dict[tuple[tuple[str, ...], tuple[bool, ...]], int] = {}
    doubled: set[tuple[int, str]] = set()  # (name id, folded token) held twice
    seen_prep: dict[tuple[str, str], Name] = {}
    for record in records:
        if record["schema"] in ("Sanction", "Ownership"):
            continue
        e_idx = len(index.entities)
        meta = _meta(record)
        index.entities.append(meta)
        index.by_entity_id[meta.entity_id] = e_idx
        for _, value in meta.identifiers:
            index.identifiers.setdefault(value, []).append(e_idx)
        kind = name_kind(meta.schema)
        seen_texts: set[tuple[str, ...]] = set()
        for prop, quality in NAME_PROPS:
            texts = [bounded_text(t) for t in record["properties"].get(prop, [])]
            # a field holding several names (aliases, a sub-unit, a description) is
            # indexed whole and as each name it holds
            texts += [p for t in texts for p in name_parts(t, min_words=1)]
            texts += [t for t in map(strip_parentheses, texts) if t is not None]
            texts += [t for t in map(possessive_dropped, texts) if t is not None]
            for text in texts:
                key = (text, kind)
                name = seen_prep.get(key)
                if name is None:
                    name = prepare_name(text, kind)
                    seen_prep[key] = name
                if len(name.tokens) == 0 or name.folded in seen_texts:
                    continue
                seen_texts.add(name.folded)
                # one name on several lists (SDN and CSL) is indexed and compared once
                n_idx = distinct.setdefault((name.tokens, name.legal), len(index.names))
                if n_idx == len(index.names):
                    index.names.append(name)
                    index.owners.append([])
                    for t, f, lf in zip(name.tokens, name.folded, name.legal):
                        if not lf:
                            bucket = token_names[f]
                            if not bucket or bucket[-1] != n_idx:
                                bucket.append(n_idx)
                            else:
                                doubled.add((n_idx, f))
                            if t != f:
                                spellings[f].add(t)
                index.owners[n_idx].append((e_idx, quality, text))
    n_names = max(len(index.names), 1)
    caps, _ = generic_words()
    for token, ids in token_names.items():
        tid = len(index.weights)
        index.vocab[token] = tid
        w = _rarity(len(ids), n_names)
        index.person_weights.append(min(w, population_cap(token)))
        if token in caps:
            w = min(w, caps[token])
        index.weights.append(w)
        index.postings.append(np.asarray(ids, dtype=np.int32))
        if len(token) >= (5 if token.isdigit() else 4):
            # keys from the folded and the raw spellings: a typo may hide behind a fold
            keys = deletions(token, 1)
            for raw in spellings.get(token, ()):
                if len(raw) >= 4:
                    keys |= deletions(raw, 1)
            for del_key in keys:
                bucket_f = fuzzy.setdefault(del_key, [])
                if not bucket_f or bucket_f[-1] != tid:
                    bucket_f.append(tid)
        sk = skeleton(token) if len(token) <= MAX_FUZZY_TOKEN else ""
        if len(sk) >= 3:
            index.skeletons.setdefault(sk, []).append(tid)
        if not token.isdigit():
            # sorted, not a set's order: `kana.fitting` keeps a token's first spelling of a
            # length, so the hash seed would decide which reading a name gets
            for spelling in sorted({token, *spellings.get(token, ())}):
                ak = abjad_key(spelling)  # one letter too: SA'ADI is "t" (السعادي "sdy")
                if ak != "":
                    index.abjad.setdefault(ak, []).append((tid, spelling))
    index.fuzzy, index.fuzzy_shared = _key_table(fuzzy)
    index.two_slips, index.two_slips_tokens = two_deletion_table(
        (tid, token) for token, tid in index.vocab.items())
    index.name_words, index.name_words_starts = _name_words(index)
    index.doubled = np.asarray(sorted(n * len(index.vocab) + index.vocab[f] for n, f in doubled),
                               dtype=np.int64)
    index.datasets = frozenset(e.dataset for e in index.entities)
    index.token_weights = [tuple(index.weight(f, lf) for f, lf in zip(n.folded, n.legal))
                           for n in index.names]
    index.person_token_weights = [
        tuple(index.person_weight(f, lf) for f, lf in zip(n.folded, n.legal))
        for n in index.names]
    index.name_weight = np.asarray([sum(w) for w in index.token_weights], dtype=np.float32)
    # (after `name_weight`: the search ranks its candidates as before, the scores read marks)
    _weigh_marks(index)
    index.roles = [name_roles(n.text) for n in index.names]
    index.abjad_names = [has_abjad(n.text) for n in index.names]
    index.population_caps = caps_table()
    index.first_words, index.last_words = form_place_words(index)
    return index
