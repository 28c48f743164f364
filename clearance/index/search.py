"""Candidate generation: the few list names worth scoring for a query name.

Each query token finds its list tokens (exact, same folded spelling, deletion neighbours,
consonant skeleton); their postings are merged with numpy, weighted by token rarity, and
the best `limit` names are returned. Very common tokens ("llc", "mohammed") are skipped
while rarer ones exist, so the cost follows the query, not the list size.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from clearance.index.build import Index, IntArray
from clearance.index.neighbours import (
    SHORT_SLIP_MAX,
    TWO_SLIPS_MIN,
    deletions,
    mark_slips,
    neighbour_tokens,
    short_slips,
    short_slips_cost,
    two_deletion_tokens,
)
from clearance.index.prefix import cut_completions
from clearance.match.abjad import consonantal, has_abjad, kaf_he_of, vowel_end
from clearance.match.abjad import fitting as abjad_fitting
from clearance.match.abjad import keys as abjad_keys
from clearance.match.abjad import letters as abjad_letters
from clearance.match.abjad import starts as abjad_starts
from clearance.match.compare import SUN_LETTERS, code_words, compound_heads, typed_mark_parts, typed_numbers
from clearance.match.fold import fold, skeleton, variant_key
from clearance.match.hebrew import misread
from clearance.match.limits import MAX_FUZZY_TOKEN
from clearance.match.orgs import may_be_cut
from clearance.match.places import country_at, place_bits
from clearance.match.prepare import Name, fold_key, written_marks
from clearance.match.text import typed_in_latin

__all__ = ["COMMON_FRACTION", "abjad_alternatives", "candidate_names", "fuzzy_cost", "fuzzy_keys",
           "memoise_list_tokens", "token_alternatives"]

COMMON_FRACTION = 0.02
KEEP_FRACTION = 0.6  # candidates far below the best overlap are not worth scoring
#: the same for a query in Arabic, Persian or Hebrew script: its Latin spellings meet it at
#: 0.9 a token at most, and often as fewer tokens (a nasab chain cut short, words joined),
#: while a list name in the query's own script meets it exactly
ABJAD_KEEP_FRACTION = 0.3
COMMON_MIN = 2000
ALTERNATIVES_MAX = 200_000  # memo entries kept in an index (list tokens first)
ABJAD_FITS_MAX = 100_000  # memo entries of `abjad_alternatives` kept in an index
#: the shortest query word looked up as two list words run together ("ilho": IL HO)
SPLIT_MIN = 4
#: a person's word on the names of at most this many listed parties is looked up by its
#: parts too (parties, not names: one party's field read as several names counts once)
SPLIT_KNOWN_MAX = 3


#: the shortest spelling whose typo search deletes two letters (shorter ones: one)
TWO_DELETIONS_MIN = 7


def _fuzzy_spellings(folded: str, raw: str) -> list[tuple[str, int]]:
    """The spellings of a token that get a typo search, each with its deletion depth."""
    out = []
    for spelling in dict.fromkeys((folded, raw)):  # in a fixed order, whatever the hash seed
        if len(spelling) >= (5 if spelling.isdigit() else 4):
            out.append((spelling, 2 if len(spelling) >= TWO_DELETIONS_MIN else 1))
    return out


def fuzzy_cost(folded: str, raw: str) -> int:
    """The work of a token's typo search (deletion keys, run-together splits), counted
    from its lengths only: charged against `FUZZY_KEYS_PER_QUERY`, the same for every run."""
    cost = len(raw) if SPLIT_MIN <= len(raw) <= MAX_FUZZY_TOKEN else 0  # _split_halves
    cost += sum([short_slips_cost(s) for s in dict.fromkeys((folded, raw))])
    for spelling, depth in _fuzzy_spellings(folded, raw):
        n = min(len(spelling), MAX_FUZZY_TOKEN + 1)
        cost += n + (n * (n - 1) // 2 if depth == 2 else 0)
    return cost


#: the fewest letters of a word, and of its consonant skeleton, that `token_alternatives`
#: looks the word up by its consonants with
VOWELS_APART_MIN = 5


def token_alternatives(index: Index, folded: str, raw: str | None = None, fuzzy: bool = True
                       ) -> list[int]:
    """List tokens (ids) a query token may stand for: the token itself first when it is a
    list token (similarity 1.0), then the others (0.8 each; `_units` pairs them up).

    Deletion keys of the folded and of the raw spelling are looked up: the index holds
    keys of both, so "ZIDxO" finds "ZIDCO" although x folds to ks. Without `fuzzy` (a
    query past its `FUZZY_KEYS_PER_QUERY`), only the token itself and its skeleton.
    Memoised as ids alone (`Index.alternatives`): 217,000 (id, similarity) pairs of the
    list tokens' memo cost every process that loads the index 0.05 s to decode.
    """
    cache_key = (folded, raw or folded)
    cached = index.alternatives.get(cache_key) if fuzzy else None
    if cached is not None:
        return cached
    vocab = index.vocab
    found: dict[int, None] = {}
    tid = vocab.get(folded)
    if tid is not None:
        found[tid] = None
    spellings = _fuzzy_spellings(folded, raw or folded) if fuzzy else []
    keys: list[set[str]] = []
    for spelling, depth in spellings:
        keys.append(deletions(spelling, depth))
        found.update(neighbour_tokens(index.fuzzy, index.fuzzy_shared, vocab, keys[-1]))
    if len(folded) >= 3 and not any(c in "aeiou" for c in folded[1:]):
        for alt in index.skeletons.get(folded, ()):
            found[alt] = None
    elif fuzzy and len(folded) >= VOWELS_APART_MIN:
        # a long word written with other vowels: transliterations of one Arabic or Persian
        # word differ in them (Hezbollah, HIZBALLAH: two substitutions, which no deletion
        # key of the query's two and the list's one finds). Only a skeleton of as many
        # consonants says enough: "mrn" is MARINA, MORAN and MARIANO alike
        sk = skeleton(folded)
        if len(sk) >= VOWELS_APART_MIN:
            for alt in index.skeletons.get(sk, ()):
                found[alt] = None
    if keys and tid is None and len(folded) >= TWO_SLIPS_MIN - 2:  # (a list word is itself)
        found.update(dict.fromkeys(_two_slips(index, [s for s, _ in spellings], keys, found)))
    result = list(found)
    if fuzzy and len(index.alternatives) < ALTERNATIVES_MAX and len(cache_key[1]) <= MAX_FUZZY_TOKEN:
        index.alternatives[cache_key] = result
    return result


def _two_slips(index: Index, spellings: list[str], keys: list[set[str]],
               found: dict[int, None]) -> list[int]:
    """The long list tokens two slips (`OSA` edits: a letter replaced, dropped, added, or two
    swapped) from one of a query word's `spellings`, found by its deletion `keys` (a set a
    spelling) in the list's two-deletion keys (`Index.two_slips`): PALIFINO for PLATIFINO,
    TESKMPLEKT for TESTKOMPLEKT, PHOTODIS for PHOTONICS. Asked only for a word not on the
    lists when no token `found` so far is that near (most words of a book are on the lists,
    or one slip from a list word)."""
    words = _token_words(index)
    if any(OSA.distance(s, words[tid], score_cutoff=2) <= 2 for tid in found for s in spellings):
        return []
    reached = two_deletion_tokens(index.two_slips, index.two_slips_tokens,
                                  [k for spelt in keys for k in spelt])
    return [tid for tid in reached
            if any(OSA.distance(s, words[tid], score_cutoff=2) <= 2 for s in spellings)]


#: the list tokens by id of the last index asked about (`_token_words`)
_words: list[tuple[dict[str, int], list[str]]] = []


def _token_words(index: Index) -> list[str]:
    """The list tokens of `index` by id (its vocabulary turned round), made once for an
    index (known by its vocabulary, as `_lookups_of` knows it)."""
    if not _words or _words[0][0] is not index.vocab:
        words = [""] * len(index.vocab)
        for word, tid in index.vocab.items():
            words[tid] = word
        _words.clear()
        _words.append((index.vocab, words))
    return _words[0][1]


def fuzzy_keys(query: Name) -> set[str]:
    """Every deletion key that `token_alternatives` and `Index.weight` may look up in
    `Index.fuzzy` for this query name (a superset: depth 2 for every spelling).

    A one-shot query reads only these entries of a saved index (`clearance.index.view`);
    keep this in step with the lookups above (tests/index/test_view.py compares whole
    result lists against the full index).
    """
    keys: set[str] = set()
    for raw, folded in zip(query.tokens, query.folded):
        for spelling in (raw, folded):
            keys |= deletions(spelling, 2)
    return keys


def memoise_list_tokens(index: Index) -> None:
    """Look up the alternatives of every list token spelling once, at build time.

    Most query tokens are list tokens; memoised in the saved index, their deletion-key
    walk is not repeated by every process (each batch worker starts from the saved or
    forked index). Bounded by ALTERNATIVES_MAX, like the query-time memo.
    """
    for name in index.names:
        for raw, folded, legal in zip(name.tokens, name.folded, name.legal):
            if not legal:
                token_alternatives(index, folded, raw)


def abjad_alternatives(index: Index, raw: str, kaf_he: int = 0) -> list[tuple[int, float]]:
    """List tokens whose Latin spelling fits a romanised Arabic/Persian/Hebrew token
    (`kaf_he`: `abjad.KAF_HE` when its kh is a kaf and a he, `abjad.kaf_he_of`: a spelling
    must then write the he as an h after a vowel, `hebrew.misread`: COHEN, KAHANE, not
    KHAN).

    Memoised in the index (`Index.abjad_fits`, up to ABJAD_FITS_MAX tokens): a token is
    looked up for its weight and again for its candidates, and common names recur across
    queries, while each lookup tries the pattern on every list spelling with its consonant
    key. Callers must not change the returned list.
    """
    memo = raw + _KAF_HE_MEMO if kaf_he else raw
    cached = index.abjad_fits.get(memo)
    if cached is not None:
        return cached
    if not consonantal(raw):
        return []
    best: dict[int, float] = {}
    allowed = abjad_letters(raw)  # None: no pattern, no spelling fits
    if allowed is not None:
        mask = _letter_mask(allowed)
        firsts = abjad_starts(raw)
        # the spellings that fit, in the order of the keys and of their spellings under a
        # key (the order in which `best` first holds each token id): each key's spellings
        # are read by first letter (`_filed_spellings`), those the pattern may start only
        hits: list[tuple[int, int, int, float]] = []
        for n_key, k in enumerate(abjad_keys(raw, kaf_he)):
            filed = _filed_spellings(index, k)
            if firsts:
                groups = [filed[c] for c in firsts if c in filed]
            else:
                groups = list(filed.values())
            for group in groups:
                tried = [(pos, tid, spelling) for pos, tid, spelling, bits in group
                         # (a letter the pattern cannot spell: it does not fit)
                         if (not bits & ~mask if bits >= 0 else _within(spelling, mask, allowed))]
                sims = abjad_fitting(raw, [spelling for _, _, spelling in tried])
                for (pos, tid, spelling), sim in zip(tried, sims):
                    if sim > 0.0 and not (kaf_he and misread(spelling)):
                        hits.append((n_key, pos, tid, sim))
        hits.sort()
        for _, _, tid, sim in hits:
            if sim > best.get(tid, 0.0):
                best[tid] = sim
    result = list(best.items())
    if len(index.abjad_fits) < ABJAD_FITS_MAX and len(raw) <= MAX_FUZZY_TOKEN:
        index.abjad_fits[memo] = result
    return result


#: what `abjad_alternatives` memoises a kaf-and-he token's answer under, after the token
#: (a token's letters hold no space)
_KAF_HE_MEMO: Final = " kaf-he"


#: a key's spellings of `Index.abjad` by first letter, as `_filed_spellings` files them:
#: (position under the key, token id, spelling, its letters a-z as `_letter_mask` bits, -1
#: for a spelling with another character)
_Filed = dict[str, list[tuple[int, int, str, int]]]
#: `_filed_spellings` answers for the last index asked about (known by its `abjad`, never
#: changed once built)
_filed: list[tuple[dict[str, list[tuple[int, str]]], dict[str, _Filed]]] = []


def _filed_spellings(index: Index, k: str) -> _Filed:
    """The spellings under consonant key `k` (`Index.abjad`) by their first letter, each
    with its position under the key and its letters as bits: a first-sight abjad token
    tries its pattern on the spellings its pattern may start only (`abjad.starts`), and
    a spelling with a letter the pattern cannot spell is told by one test of bits. Keys
    recur across a book's abjad words (mhmd, aly): filed once for an index."""
    if not _filed or _filed[0][0] is not index.abjad:
        _filed.clear()
        _filed.append((index.abjad, {}))
    memo = _filed[0][1]
    found = memo.get(k)
    if found is None:
        found = {}
        for pos, (tid, spelling) in enumerate(index.abjad.get(k, ())):
            found.setdefault(spelling[0], []).append((pos, tid, spelling, _az_bits(spelling)))
        memo[k] = found
    return found


def _az_bits(word: str) -> int:
    """The letters a-z of a word as `_letter_mask` bits; -1 when it holds another
    character (`_within` then tells)."""
    bits = 0
    for i in range(len(word)):
        code = ord(word[i])
        if not 97 <= code <= 122:
            return -1
        bits |= 1 << (code - 97)
    return bits


def _letter_mask(letters: frozenset[str]) -> int:
    """The letters a-z of a set as bits (a: 1, b: 2, ...; `_within`)."""
    mask = 0
    for ch in letters:
        code = ord(ch)
        if 97 <= code <= 122:
            mask |= 1 << (code - 97)
    return mask


def _within(word: str, mask: int, letters: frozenset[str]) -> bool:
    """`letters.issuperset(word)`, `mask` being `_letter_mask(letters)`: told by character
    codes and bits in compiled code, where the set method made a set of the word (a few
    hundred spellings are tried for each first-sight abjad token)."""
    for i in range(len(word)):
        code = ord(word[i])
        if 97 <= code <= 122:
            if not (mask >> (code - 97)) & 1:
                return False
        elif word[i] not in letters:
            return False
    return True


def _split_halves(index: Index, token: str, known: bool = False
                  ) -> tuple[list[int], list[int]]:
    """A run-together query word ("MayraGALAVIZ", "Ryonghae") may stand for two list words:
    the list words its first and its second part may be, over every split into two known
    words (the first split found is often the wrong one: "ryon|ghae" before "ryong|hae").
    `known`: a word the lists spell solid for a few names only (`SPLIT_KNOWN_MAX`) is
    split too, as a person's given name may be: KIM Jong Un is listed apart, another party
    as "Jongun". A word many names carry (MOHAMMED, ALEXANDER) is that word."""
    if len(token) < SPLIT_MIN or len(token) > MAX_FUZZY_TOKEN:
        return [], []
    memo = _lookups_of(index).splits
    cached = memo.get((token, known))
    if cached is not None:
        return cached
    found = _split_words(index, token, known)
    if len(memo) < SPLITS_MAX:
        memo[(token, known)] = found
    return found


#: the most `_split_halves` answers kept for an index (`_lookups_of`): a book's words
#: recur (Maria, Garcia, Wang), and each answer folds every prefix of the word
SPLITS_MAX = 100_000


def _parties_over(index: Index, tid: int, most: int) -> bool:
    """Whether the names holding list token `tid` belong to more than `most` listed
    parties (a party's several names, "X (NBZJ) and any successor ..." and "X", count
    once; stops counting past `most`)."""
    post = index.postings[tid]
    if len(post) <= most:
        return False
    parties: set[int] = set()
    for n_idx in post.tolist():
        for e_idx, _, _ in index.owners[n_idx]:
            parties.add(e_idx)
        if len(parties) > most:
            return True
    return False


def _split_words(index: Index, token: str, known: bool) -> tuple[list[int], list[int]]:
    """`_split_halves` worked out (callers must not change the lists returned)."""
    own = index.vocab.get(variant_key(fold(token)))
    if own is not None and (not known or _parties_over(index, own, SPLIT_KNOWN_MAX)):
        return [], []
    first: dict[int, None] = {}
    second: dict[int, None] = {}
    for k in range(2, len(token) - 1):
        left = index.vocab.get(variant_key(fold(token[:k])))
        if left is None:
            continue  # (the right half is folded only when the left is a list token)
        right = index.vocab.get(variant_key(fold(token[k:])))
        if right is not None:
            first[left] = None
            second[right] = None
    return list(first), list(second)


#: the shortest part of a solid-written abjad word looked up on its own (two letters key
#: too many spellings to say anything)
ABJAD_PART_MIN = 3


def _abjad_halves(index: Index, raw: str, kaf_he: int = 0) -> list[list[tuple[int, float]]]:
    """A romanised abjad word no list spells, written solid from two names (ظاهرعويس
    "dhhrwys": DAHIR AWEYS): the list tokens each part may stand for, as two alternatives
    (first parts, second parts) over every split into parts of `ABJAD_PART_MIN` letters or
    more. A second part may start with an ayin or alef, which romanises as "a" only at the
    start of a word ("wys" is عويس "awys" on its own). Memoised for an index
    (`_lookups_of`); callers must not change the lists returned."""
    memo = _lookups_of(index).halves
    cached = memo.get((raw, kaf_he))
    if cached is not None:
        return cached
    found = _abjad_parts(index, raw, kaf_he)
    if len(memo) < LOOKUPS_MAX and len(raw) <= MAX_FUZZY_TOKEN:
        memo[(raw, kaf_he)] = found
    return found


def _abjad_parts(index: Index, raw: str, kaf_he: int) -> list[list[tuple[int, float]]]:
    """`_abjad_halves` worked out."""
    if (len(raw) < 2 * ABJAD_PART_MIN or len(raw) > MAX_FUZZY_TOKEN or not consonantal(raw)
            or abjad_alternatives(index, raw, kaf_he)):
        return []
    first: list[tuple[int, float]] = []
    second: list[tuple[int, float]] = []
    for k in range(ABJAD_PART_MIN, len(raw) - ABJAD_PART_MIN + 1):
        left = abjad_alternatives(index, raw[:k], kaf_he)
        if not left:
            continue  # (the second part is looked up only when the first is a name)
        right = (abjad_alternatives(index, raw[k:], kaf_he)
                 + abjad_alternatives(index, "a" + raw[k:], kaf_he))
        if right:
            first += left
            second += right
    return [first, second] if first else []


#: the shortest query word (as written) looked for two slips away among the words of the
#: names that hold another word of the query (`_slipped_beside`); the list words read
#: there are a letter shorter at least (folded: ALLOUCH is "aluc")
BESIDE_MIN = 5
#: the most list names whose words `_slipped_beside` reads for a query word
BESIDE_NAMES_MAX = 1000
#: what a word `_slipped_beside` finds counts for in candidate generation (a near
#: spelling's 0.8)
BESIDE_SIMILARITY = 0.5
#: the most list names the words `_short_slipped` finds for a query word may be on, the
#: rarest words first: a short word one slip from a common one (AV, AL) finds no name
SHORT_SLIP_NAMES_MAX = 1000
#: the most list names a typed short word the lists spell may be on and still be looked
#: up one slip away (`_short_slipped`): a slip of a listed code lands on another code as
#: often as not (IKS for IPS, WS for FWS: of the lists' 2,391 words of two or three
#: letters, 1,022 are on one name, 2,151 on ten or fewer), while a word on more names is a
#: name people or companies share (KIM 81, LI 36, CO 24), written as itself
SHORT_LISTED_NAMES_MAX = 10
#: what a list word `_short_slipped` finds counts for in candidate generation: as a word
#: found beside one that agrees (`BESIDE_SIMILARITY`), below a near spelling's 0.8
SHORT_SLIP_SIMILARITY = BESIDE_SIMILARITY
#: what a list word `_short_slipped` finds for a mark's part (`mark`) counts for: a near
#: spelling's, as the comparison reads a mark part one character lost (`compare.mark_slips`)
MARK_SLIP_SEARCH_SIMILARITY = 0.8
#: the same, of a list word that holds the part with a character inside (7876 for 786):
#: below those the part starts, as `compare.INNER_MARK_SLIP_SIMILARITY` ranks them
INNER_MARK_SLIP_SEARCH_SIMILARITY = 0.78


def _keyless_number(word: str) -> bool:
    """Whether `word` is a number of four digits: too short for deletion keys of its own
    (`_fuzzy_spellings`), too long for `neighbours.mark_slips`' spellings."""
    return len(word) == SHORT_SLIP_MAX + 1 and word.isdigit()


def _short_slipped(index: Index, folded: str, raw: str, listed: bool = False,
                   mark: bool = False) -> list[int]:
    """The list words one slip (a letter replaced, lost or added, two swapped) from a typed
    query word of two or three letters that no list word spells (AXS for ABS: such a word
    has no deletion keys of its own, `neighbours.short_slips`), or that is a rare list word
    (`listed`: `SHORT_LISTED_NAMES_MAX`); of a registration mark's part (`mark`), those
    one character longer only (`neighbours.mark_slips`; a number of four digits, one
    digit longer or shorter: `_keyless_number`); rarest first, as long as
    they are on `SHORT_SLIP_NAMES_MAX` names in all: a slip onto a short word on
    thousands of names (AL, AB) finds no name, and would leave the query's other words
    outweighed (`candidate_names` skips a word on more than `COMMON_MIN` names).
    Memoised for an index (`_lookups_of`: a book's short words recur); callers must not
    change the list returned."""
    memo = _lookups_of(index).short
    key = (folded, raw, listed, mark)
    cached = memo.get(key)
    if cached is not None:
        return cached
    out = _short_slipped_words(index, folded, raw, listed, mark)
    if len(memo) < LOOKUPS_MAX:
        memo[key] = out
    return out


def _short_slipped_words(index: Index, folded: str, raw: str, listed: bool, mark: bool
                         ) -> list[int]:
    """`_short_slipped` worked out."""
    found: dict[int, None] = {}
    for spelling in dict.fromkeys((folded, raw)):
        if mark and _keyless_number(spelling):
            # (a number of four digits keys as nothing, `_fuzzy_spellings`: the list's
            # numbers a digit longer by their deletion keys, those a digit shorter as such)
            found.update(neighbour_tokens(index.fuzzy, index.fuzzy_shared, {}, [spelling]))
            found.update(dict.fromkeys([tid for i in range(len(spelling)) if (
                tid := index.vocab.get(spelling[:i] + spelling[i + 1:])) is not None]))
            continue
        found.update(dict.fromkeys(mark_slips(index.vocab, spelling, fold_key) if mark
                                   else short_slips(index.vocab, spelling, listed)))
    postings = index.postings
    out: list[int] = []
    names = 0
    for size, tid in sorted([(len(postings[tid]), tid) for tid in found]):
        names += size
        if names > SHORT_SLIP_NAMES_MAX:
            break
        out.append(tid)
    return out


def _slipped_beside(index: Index, folded: str, owns: list[int | None], pos: int) -> list[int]:
    """The list words two slips (`OSA` edits, folded) from a query word that the names
    holding the rarest other word of the query write beside it (aRgwan beside HABIB:
    RADWAN of "HABIB, Radwan"; LOUCH beside AZIZ: ALLOUCH). Across the lists, two slips
    in a word of five to seven letters reach too many words to look for (the two-deletion
    keys are kept for long words only, `_two_slips`); beside a word that agrees, a few.
    None when that word is on more than `BESIDE_NAMES_MAX` names (a common word)."""
    postings = index.postings
    rarest = min([(len(postings[own]), own) for k, own in enumerate(owns)
                  if k != pos and own is not None], default=None)
    if rarest is None or rarest[0] > BESIDE_NAMES_MAX:
        return []
    # (memoised by the word and the rarest other word, `_lookups_of`: callers must not
    # change the list returned)
    memo = _lookups_of(index).beside
    cached = memo.get((folded, rarest[1]))
    if cached is not None:
        return cached
    words, tids = _words_beside(index, rarest[1])
    found = [tids[k] for _, _, k in process.extract(
        folded, words, scorer=OSA.distance, score_cutoff=2, limit=None)]
    if len(memo) < LOOKUPS_MAX:
        memo[(folded, rarest[1])] = found
    return found


#: the most `_words_beside` answers kept for an index (`_lookups_of`)
BESIDE_MEMO_MAX = 20_000


def _words_beside(index: Index, tid: int) -> tuple[list[str], list[int]]:
    """The words of `BESIDE_MIN` - 1 folded letters or more (and their token ids) of the
    list names holding token `tid`, each once (`_slipped_beside` compares them in one
    call), from `Index.name_words`; memoised for an index (`_lookups_of`)."""
    memo = _lookups_of(index).words_beside
    cached = memo.get(tid)
    if cached is not None:
        return cached
    # every word position of those names in one index, not a slice per name; their words
    # sorted, each once (ndarray methods: numpy's Python-level `unique`, `repeat` and
    # `cumsum` cost more than the work on arrays this small)
    names = index.postings[tid]
    begins = index.name_words_starts[names]
    lengths = index.name_words_starts[names + 1] - begins
    ends = lengths.cumsum()
    held = index.name_words[np.arange(int(ends[-1]) if len(ends) else 0)
                            + (begins - ends + lengths).repeat(lengths)]
    held.sort()
    held = held[_run_starts(held)]
    vocab_words = _token_words(index)
    tids = [t for t in held.tolist() if len(vocab_words[t]) >= BESIDE_MIN - 1]
    result = ([vocab_words[t] for t in tids], tids)
    if len(memo) < BESIDE_MEMO_MAX:
        memo[tid] = result
    return result


def _units(index: Index, query: Name, budget: list[int] | None, unvocalised: bool,
           person: bool = False, craft: bool = False
           ) -> list[tuple[float, list[tuple[int, float]]]]:
    """Each query token with its list-token alternatives; split halves count separately
    (of every word of a person's name: a given name is written solid or apart).
    `craft`: the query names a vessel or an aircraft, whose short words are marks (a
    registration, a call sign): none is looked up one slip away (`_short_slipped`), nor is
    a code of any query (`code_words`).

    A fuzzy alternative that is another query token's exact token is dropped, so one list
    token is not counted twice ("Dmitriy DMITRIEV" must not favour every Dmitry).
    `budget` (a one-item list, shared by the names of one query) is the typo search work
    left: a token whose `fuzzy_cost` exceeds it is looked up exactly.
    """
    units = []
    tokens = [(t, f) for t, f, lf in zip(query.tokens, query.folded, query.legal) if not lf]
    exact = {index.vocab[f] for _, f in tokens if f in index.vocab}
    articled: list[bool] = []  # (abjad names) a token right after the article ال "al"
    # (abjad names) what the script wrote beside the tokens: a kh that is a kaf and a he
    marks = written_marks(query.text) if unvocalised else {}
    if unvocalised:
        after_al = False
        for t, lf in zip(query.tokens, query.legal):
            if not lf:
                articled.append(after_al)
            after_al = lf and t == "al"
    # (a list token's weight read here: `Index.weight` is interpreted, and a subclass may
    # weigh otherwise, `portfolio.listing.BorrowedIndex`)
    plain = type(index) is Index
    # (a name typed in Latin letters: a romanisation's short words are its spelling, and
    # their letters no typist's slips, `text.typed_in_latin`)
    typed = not unvocalised and not craft and typed_in_latin(query.text)
    codes = code_words(query.text) if typed else frozenset()
    # a registration mark's part as typed, maybe a character short (EP-AB for EP-ABC); a
    # craft's number too (MSN 39 for MSN 391: `compare.digit_slip`)
    marked = typed_mark_parts(query.text, craft) if not unvocalised else frozenset()
    if craft and not unvocalised:
        marked |= typed_numbers(query.text)
    short: list[tuple[list[tuple[int, float]], list[tuple[int, float]]]] = []
    owns = [index.vocab.get(folded) for _, folded in tokens]
    weights = [index.weights[own] if plain and own is not None else index.weight(folded)
               for own, (_, folded) in zip(owns, tokens)]
    # a name a field's width cut inside its last word: the list words that word starts
    # (`prefix.cut_completions`; organisations' names, where the comparison reads them)
    completions = [] if person else cut_completions(index, query)
    may_cut = not person and may_be_cut(query.text.strip(), query.tokens, query.legal)
    for pos, (raw, folded) in enumerate(tokens):
        own, w = owns[pos], weights[pos]
        fuzzy = True
        if budget is not None:
            cost = fuzzy_cost(folded, raw)
            fuzzy = cost <= budget[0]
            if fuzzy:
                budget[0] -= cost
        reached = token_alternatives(index, folded, raw, fuzzy)
        alts = [(t, 1.0 if t == own else 0.8) for t in reached if t == own or t not in exact]
        # (a rare list word is looked up one slip away too, but not as the last word of a
        # name a field's width may have cut, which the comparison reads as the start of a
        # listed word: its neighbours would crowd out the names that write that word)
        cut = pos == len(tokens) - 1 and may_cut
        if (fuzzy and typed and min(len(folded), len(raw)) <= SHORT_SLIP_MAX
                and raw not in codes and (own is None
                     or (len(index.postings[own]) <= SHORT_LISTED_NAMES_MAX and not cut))):
            short.append((alts, [(t, SHORT_SLIP_SIMILARITY) for t in _short_slipped(
                index, folded, raw, own is not None) if t not in exact and t not in reached]))
        if fuzzy and raw in marked and (len(raw) <= SHORT_SLIP_MAX or _keyless_number(raw)):
            # (a query of any type that is one mark: a listed craft's name is compared as a
            # mark, `compare.mark_slips`; weighed as the near spelling the comparison reads,
            # whatever the query's other words reach: a name that writes the part as typed,
            # EL 63, must not leave P-632 below `KEEP_FRACTION` for P-63. The words the part
            # starts first, as the comparison ranks them: 7860 ... 7869 for 786 before 7876)
            words = _token_words(index)
            starts = (folded, fold_key(raw))
            alts += [(t, MARK_SLIP_SEARCH_SIMILARITY if words[t].startswith(starts)
                      else INNER_MARK_SLIP_SEARCH_SIMILARITY) for t in _short_slipped(
                index, folded, raw, mark=True) if t not in exact and t not in reached]
        if fuzzy and len(raw) >= BESIDE_MIN and (own is None or len(folded) < BESIDE_MIN):
            # (a word that folds to a short list word too: LOUCH is LUC, ALLOUCH two slips).
            # Weighed below a near spelling: many names beside a given name may write a word
            # two slips away, and they must not crowd out the one a slip away
            alts += [(t, BESIDE_SIMILARITY) for t in _slipped_beside(index, folded, owns, pos)
                     if t not in exact and t not in reached]
        joins: list[tuple[int, float]] = []  # list words this word and the next make
        if unvocalised:
            alts += abjad_alternatives(index, raw, kaf_he_of(marks, raw))
            if pos + 1 < len(tokens):  # هدايت الله "hdyt allh": HIDAYATULLAH, one word
                nxt = tokens[pos + 1][0]
                kaf_he = kaf_he_of(marks, raw, nxt)
                rest = nxt[1:] if nxt[:1] == "a" else nxt
                joins += abjad_alternatives(index, raw + rest, kaf_he)
                if vowel_end(raw, marks):  # قره يلان "qrh yln": KARAYILAN, the he its vowel
                    joins += abjad_alternatives(index, raw[:-1] + rest, kaf_he)
                if articled[pos + 1]:  # عبد الحميد "abd al hmyd": ABDULHAMID, the article too
                    joins += abjad_alternatives(index, raw + "l" + nxt, kaf_he)
                    if raw in compound_heads():
                        # the head written apart with the article (عبد الرحيم "abd al rhym":
                        # ABDUL of "RAHIM, Abdul"), also assimilated to a sun letter
                        # (عبد الرحمن "abd al rhmn": ABDUR of "REHMAN, Abdur"), as
                        # `compare._abjad_joins` pairs it
                        alts += abjad_alternatives(index, raw + "l")
                        if nxt[:1] in SUN_LETTERS:
                            alts += abjad_alternatives(index, raw + nxt[0])
        if pos + 1 < len(tokens):
            joined = _joined(index, raw + tokens[pos + 1][0])
            if joined is not None:
                joins.append((joined, 0.9))
            if joins:
                # a joined word stands for both words: it counts the next word's weight too,
                # as the comparison pairs it with both (محمد عبد الله "mhmd abd allh": a name
                # with ABDALLAH must not rank below every name holding ABD and ALLAH apart)
                both = 1.0 + weights[pos + 1] / w if w > 0 else 1.0  # (0: on every name)
                alts += [(tid, sim * both) for tid, sim in joins]
        first, second = _split_halves(index, raw, person) if fuzzy else ([], [])
        if first:
            # the parts of a word the lists know weigh half as much: the word itself, as
            # listed, is the better evidence ("Ibrahim ALHASSAN": not every Ibrahim Hassan)
            part_w = w / 2 if own is None else w / 4
            units += [(part_w, [(tid, 0.9) for tid in part]) for part in (first, second)]
        if unvocalised and fuzzy:
            units += [(w / 2, part) for part in _abjad_halves(index, raw, kaf_he_of(marks, raw))]
        if completions and pos == len(tokens) - 1:
            alts += [(t, 0.8) for t in completions if t not in exact and t not in reached]
        units.append((w, alts))
    if short:
        # weighed as a word found beside one that agrees (below a near spelling), and only
        # where another word of the query reaches few names: beside words that are all
        # common or unknown the rarest two are intersected (`candidate_names`), and a
        # short word's neighbours, alone, would stand for the whole name
        common = _common(index)
        postings = index.postings
        if any([0 < sum([len(postings[t]) for t, _ in alts]) <= common for _, alts in units]):
            for alts, near in short:
                alts += near
    return units


def _joined(index: Index, both: str) -> int | None:
    """The list token (id) two query words run together spell (`fold_key`), if any;
    memoised for an index (`_lookups_of`): folding is most of the lookup, and a book's
    pairs of words recur (a first and a family name)."""
    memo = _lookups_of(index).joined
    found = memo.get(both, -1)
    if found == -1:
        found = index.vocab.get(fold_key(both))
        if len(memo) < LOOKUPS_MAX:
            memo[both] = found
    return found


#: the most answers each of `_lookups_of`'s memos keeps for an index
LOOKUPS_MAX = 100_000


class _Lookups:
    """Memos of `_units`' lookups of one query word, for one index (each a pure function
    of its arguments and the index, which is never changed once built):
    `_short_slipped`, `_slipped_beside` (by the word and the rarest other word),
    `_abjad_halves`, `_joined`, `_split_halves` (by the word and `known`) and
    `_words_beside` (by the list word). A book's words recur, and a Han or Hangul name's
    readings share words."""

    def __init__(self, vocab: dict[str, int]) -> None:
        self.vocab = vocab
        self.short: dict[tuple[str, str, bool, bool], list[int]] = {}
        self.beside: dict[tuple[str, int], list[int]] = {}
        self.halves: dict[tuple[str, int], list[list[tuple[int, float]]]] = {}
        self.joined: dict[str, int | None] = {}
        self.splits: dict[tuple[str, bool], tuple[list[int], list[int]]] = {}
        self.words_beside: dict[int, tuple[list[str], list[int]]] = {}


#: `_lookups_of`'s memos for the last index asked about (known by its vocabulary)
_lookups: list[_Lookups] = []


def _lookups_of(index: Index) -> _Lookups:
    """The memos of `_Lookups` for `index`; new ones when another index is asked about."""
    if not _lookups or _lookups[0].vocab is not index.vocab:
        _lookups.clear()
        _lookups.append(_Lookups(index.vocab))
    return _lookups[0]


def _common(index: Index) -> int:
    """The most names a query word's list words may be on and still choose candidates."""
    return max(COMMON_MIN, int(COMMON_FRACTION * len(index.names)))


def candidate_names(index: Index, query: Name, limit: int = 40,
                    budget: list[int] | None = None, person: bool = False,
                    craft: bool = False) -> npt.NDArray[np.int64]:
    """Ids of the `limit` list names sharing the most rarity-weighted tokens with `query`
    (`person`: the query names a person; `craft`: a vessel or an aircraft, `_units`).

    `budget`: the typo search work left for the query (see `_units`); None: unbounded,
    for names from the lists themselves (monitoring's reverse lookups).
    """
    common = _common(index)
    postings = index.postings
    unvocalised = has_abjad(query.text)  # Arabic, Persian or Hebrew script
    units = _units(index, query, budget, unvocalised, person, craft)
    q_total = 0.0
    sizes: list[int] = []
    for w, alts in units:
        q_total += w
        sizes.append(sum([len(postings[tid]) for tid, _ in alts]))
    present = [k for k in range(len(units)) if sizes[k] > 0]
    if not present:
        return np.zeros(0, dtype=np.int64)
    chosen = [k for k in present if sizes[k] <= common]
    intersect = False
    if not chosen:  # every token is common: intersect the two rarest
        chosen = sorted(present, key=lambda k: sizes[k])[:2]
        intersect = len(chosen) == 2
    # every posting of every chosen unit at once: (name id, unit, unit weight x similarity,
    # list token)
    parts: list[IntArray] = []
    values: list[float] = []
    unit_of: list[int] = []
    token_of: list[int] = []
    lengths: list[int] = []
    for k in chosen:
        w, alts = units[k]
        for tid, sim in alts:
            post = postings[tid]
            parts.append(post)
            values.append(w * sim)
            unit_of.append(k)
            # (a token the query itself holds may be counted by each word holding it:
            # "Mohammed bin Mohammed"; only near spellings share a key)
            token_of.append(tid if sim < 1.0 else -1 - len(token_of))
            lengths.append(len(post))
    # numpy's C entry points only (ndarray methods, ufuncs): its Python-level wrappers
    # (np.repeat, np.ones, ndarray.max ...) cost more than the work on arrays this small
    ids = np.concatenate(parts)
    vals = np.array(values, dtype=np.float32).repeat(lengths)
    unit = np.array(unit_of, dtype=np.int32).repeat(lengths)
    if len(set(token_of)) < len(token_of):
        # a list token a near spelling reaches counts once for a name, for the query word
        # it helps most, as the comparison pairs words one to one: two misspelt words near
        # one short list word ("Hacma HAMAI": hacma ~ HAMZA ~ hamai) must not lift every
        # one-word HAMZA above the two-word name both misspell (HAMANI, Hamma). A name
        # writing the token twice counts it twice (`_count_doubled`)
        tok = np.array(token_of, dtype=np.int32).repeat(lengths)
        order = np.lexsort((-vals, tok, ids))
        ids, vals, unit, tok = ids[order], vals[order], unit[order], tok[order]
        once = _run_starts(ids, tok)
        _count_doubled(index, ids, tok, once)
        ids, vals, unit = ids[once], vals[once], unit[once]
    # grouped by name, then unit; within a unit a name counts once, at its best alternative
    order = np.lexsort((-vals, unit, ids))
    ids, vals, unit = ids[order], vals[order], unit[order]
    starts = _run_starts(ids)  # where a name begins: still where it begins after the cut
    first = starts.copy()  # where a name's next unit begins too
    first[1:] |= unit[1:] != unit[:-1]
    ids, vals, unit, starts = ids[first], vals[first], unit[first], starts[first]
    if intersect:  # only names both units reach
        group = starts.cumsum() - 1
        both = np.bincount(group) == 2
        ids, vals, unit = ids[both[group]], vals[both[group]], unit[both[group]]
        starts = _run_starts(ids)
    if len(ids) == 0:
        return np.zeros(0, dtype=np.int64)
    uniq = ids[starts]
    group = starts.cumsum() - 1
    sums = np.bincount(group, weights=vals)
    fraction = ABJAD_KEEP_FRACTION if unvocalised else KEEP_FRACTION
    result = _kept(uniq, sums / (q_total + 0.5 * index.name_weight[uniq] + 1e-6), limit,
                   fraction)
    seats = [] if person or craft else _seat_units(index, query, units, chosen)
    if seats:
        # the names the other words reach, judged without the place: the comparison charges
        # a place only the query gives as a place (`compare._place_share`), so "Guangdong
        # DES INTERNATIONAL Co., Ltd." is DES INTERNATIONAL CO., LTD. (1.0 without the
        # province), which every listed name holding GUANGDONG left below the cut
        rest = q_total - sum([units[k][0] for k in seats])
        other = np.bincount(group, weights=vals * ~np.isin(unit, seats))
        result = np.union1d(result, _kept(
            uniq, other / (rest + 0.5 * index.name_weight[uniq] + 1e-6), limit, fraction))
    return result


def _kept(uniq: IntArray, approx: npt.NDArray[np.float64], limit: int, fraction: float
          ) -> npt.NDArray[np.int64]:
    """Of names `uniq` (ids ascending) and their overlaps `approx`, the `limit` best, less
    those far below the best (`fraction` of it)."""
    if len(uniq) > limit:
        uniq, approx = _best(uniq, approx, limit)
    keep = approx >= fraction * np.maximum.reduce(approx)
    result: npt.NDArray[np.int64] = uniq[keep].astype(np.int64)
    return result


def _seat_units(index: Index, query: Name, units: list[tuple[float, list[tuple[int, float]]]],
                chosen: list[int]) -> list[int]:
    """The units (positions in `units`) of an organisation's query words that name a place
    (`places.place_bits`, no country: a country keeps its weight, `compare._free_costs`)
    and that the lists write, where another chosen unit holds a word of the name."""
    bits = place_bits(query.tokens)
    if bits == 0:
        return []
    seats = {index.vocab.get(query.folded[i]) for i in range(len(query.tokens))
             if bits >> i & 1 and not query.legal[i] and not country_at(query.tokens, i)}
    seats.discard(None)
    found = [k for k in chosen if any([sim == 1.0 and tid in seats for tid, sim in units[k][1]])]
    return found if 0 < len(found) < len(chosen) else []


def _best(uniq: IntArray, approx: npt.NDArray[np.float64], limit: int
          ) -> tuple[IntArray, npt.NDArray[np.float64]]:
    """The `limit` names (ids ascending, as given) of greatest `approx`; of names tied at
    the cut, those of least id. The same on every machine: `argpartition` keeps a tied name
    by the partition numpy picks for the CPU (its SIMD sorts differ from the generic one),
    so which names were compared, and which of two aliases scoring alike was shown, varied
    between machines for one query and one index."""
    neg = np.negative(approx)
    cut = np.partition(neg, limit - 1)[limit - 1]  # (the limit-th best: one value anywhere)
    take = neg < cut
    tied = np.flatnonzero(neg == cut)
    take[tied[:limit - int(np.count_nonzero(take))]] = True
    return uniq[take], approx[take]


def _count_doubled(index: Index, ids: IntArray, tok: npt.NDArray[np.int32],
                   once: npt.NDArray[np.bool_]) -> None:
    """Keep, in `once`, the second row of a (name, list token) run where the name holds
    that token twice (`Index.doubled`): محمد محمد "mhmd mhmd" reaches MUHAMMAD, Muhammad
    through one Latin token from each word, and counted once the name fell behind every
    Arabic-script name holding محمد beside another word. Rows sorted by name, then token."""
    doubled = index.doubled
    if len(doubled) == 0 or len(ids) < 2:
        return
    second = np.zeros(len(ids), dtype=bool)  # a run's second row
    np.greater(once[:-1], once[1:], out=second[1:])
    rows = np.flatnonzero(second)
    if len(rows) == 0:
        return
    keys = ids[rows].astype(np.int64) * len(index.vocab) + tok[rows]
    at = np.minimum(doubled.searchsorted(keys), len(doubled) - 1)
    once[rows[doubled[at] == keys]] = True


def _run_starts(ids: IntArray, also: npt.NDArray[np.int32] | None = None
                ) -> npt.NDArray[np.bool_]:
    """Where, in sorted `ids` (and `also`, sorted within equal ids), a new run begins."""
    out = np.empty(len(ids), dtype=bool)
    if len(ids) > 0:
        out[0] = True
        np.not_equal(ids[1:], ids[:-1], out=out[1:])
        if also is not None:
            out[1:] |= also[1:] != also[:-1]
    return out
