"""An upper bound of a name comparison's score, worked out before its pair loop.

Batch screening keeps results from a floor up (`screening.group.MIN_SCORE`), and most
comparisons of a book's names end far below it: a population name shares one common word
with each candidate the index proposes, and its other words pair with nothing. Comparing
such a pair costs the whole pair loop (token similarities, name rules, joins, penalties);
`QueryBound.ceiling` says, for a fraction of that, that its score cannot reach the floor,
and `match_query` then leaves the comparison out. Without a floor nothing is bounded and
every comparison is made, as `clearance match` and the API always did.

Why not the candidate stage's own lookups: a query word reaches a list name through
postings (the word, its deletion keys, its skeleton), but `compare_names` pairs words
that share no posting (short words one edit apart, initials, two substitutions in a
word of five to seven letters, folds of other name groups), so "reached" cannot say
"cannot pair". The bound asks `compare.token_similarity` itself, once per query word and
distinct list word among the query's candidates (which share most of their words), and
the join pass's own length rule (`compare._may_join`) for words run together.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from clearance.match import hangul
from clearance.match.abjad import consonantal, letters_bits
from clearance.match.abjad import similarity as abjad_similarity
from clearance.match.abjad import starts as abjad_starts
from clearance.match.compare import (
    JOIN_MIN,
    QUERY_LAST_PENALTY,
    SHORT_WORD_MAX,
    QueryFacts,
    TokenPair,
    _abjad_joins,
    _charge_free,
    _extra,
    _free_costs,
    _joins_paired,
    _may_join,
    _same_start,
    designator_extra,
    is_patronymic,
    is_second_surname,
    join_similarity,
    number_slip,
    read_slipped_forms,
    similar_possible,
    slips_apart,
    token_shape,
    token_similarity,
    typed_numbers,
)
from clearance.match.limits import MAX_FUZZY_TOKEN
from clearance.match.orgs import (
    Slips,
    activity_words,
    cut_start,
    cut_word,
    designator,
    industry,
    may_be_cut,
    reaches_width,
)
from clearance.match.places import direction, place_at, place_bits
from clearance.match.population import spelled_name
from clearance.match.prepare import (
    GIVEN,
    HEAD,
    MIDDLE,
    SURNAME,
    Name,
    is_suffix,
    same_generation,
)
from clearance.match.registered import phrase_goes_on

__all__ = ["QueryBound", "bound_applies"]

#: kept off a floor: a bound and a score may differ in their last bits by the order of
#: their additions
FLOOR_MARGIN: Final = 1e-9


def bound_applies(query_extra_penalty: float, person_extra_penalty: float,
                  org_extra_penalty: float, query_middle_penalty: float,
                  surname_penalty: float, place_penalty: float) -> bool:
    """Whether `QueryBound.ceiling` holds with these penalties (the defaults do).

    People's names: the words that certainly stay unpaired are charged as if every other
    word had paired (`compare._free_costs` with the fewest free words, the most pairs and
    none of them near), the cheapest case only while an omission costs no more than a
    middle name only the query gives, that no more than an extra name, and a second
    surname and a last name beside a shorter listed name no more than an extra name.
    Organisations: every penalty is at least zero.
    """
    return (0.0 <= person_extra_penalty <= query_middle_penalty <= query_extra_penalty
            and 0.0 <= surname_penalty <= query_extra_penalty
            and query_extra_penalty >= QUERY_LAST_PENALTY
            and org_extra_penalty >= 0.0 and place_penalty >= 0.0)


class QueryBound:
    """What the bound reads of one query name, worked out once for all its candidates.

    `unvocalised`: the bound of comparisons `compare_names` makes with `unvocalised` (one
    of the names written in an abjad script, `Index.abjad_names`), whose words pair by
    `abjad.similarity` too and run together as romanised abjad words are (`_join_pass`);
    without it, of comparisons of two names in no abjad script: the caller checks both
    names. Either way the caller checks that not both have a written word of two tokens
    or more (`compare.word_spans`: `_word_slip` pairs their short tokens). `korean`: a
    Korean person's name in Hangul (`hangul.korean_name` of the query), whose syllables
    pair as `compare_names` pairs them. `slips`: the query's words that may be a slipped
    legal form (`orgs.slipped_forms`), as `compare_names` is given them.
    """

    def __init__(self, query: Name, query_roles: Sequence[int], query_extra_penalty: float,
                 person_extra_penalty: float, org_extra_penalty: float,
                 query_middle_penalty: float, surname_penalty: float,
                 place_penalty: float, korean: tuple[str, str] | None = None,
                 slips: Slips = (), unvocalised: bool = False) -> None:
        self.query = query
        self.unvocalised = unvocalised
        self.korean = korean
        self.slips = slips
        self.roles = query_roles
        self.query_extra = query_extra_penalty
        self.person_extra = person_extra_penalty
        self.org_extra = org_extra_penalty
        self.middle = query_middle_penalty
        self.surname = surname_penalty
        self.place = place_penalty
        tokens, folded = query.tokens, query.folded
        # a name as long as a field that may have cut it (`orgs.reaches_width`), and one
        # whose last word the field may have cut (`orgs.may_be_cut`)
        self.text = query.text.strip()
        self.wide = reaches_width(self.text)
        self.cut = may_be_cut(self.text, tokens, query.legal)
        # (the query's words read once: an attribute of a `Name` is a dictionary lookup
        # from compiled code, in every mask made and every bound)
        self.tokens, self.folded, self.legal = tokens, folded, query.legal
        n = len(tokens)
        # which query words each list word may pair with, as a bit mask: as a person's
        # name (initials too) and as an organisation's. Keyed by the raw word alone: a
        # listed word's fold is `prepare.fold_key` of it (`prepare_name`), and a string's
        # hash is kept where a pair's is worked out at each lookup
        self.person_masks: dict[str, int] = {}
        self.org_masks: dict[str, int] = {}
        # of those, the query words of runs that may be joined into the list word (`_fitting`),
        # for the list words that have any
        self.fits: dict[str, int] = {}
        # `_list_runs` of the last listed name bounded (asked as a person's and as an
        # organisation's name, then by `pairs`)
        self.cand: Name | None = None
        self.cand_runs = (0, 0)
        # the runs of query words the join pass may try (`_runs`)
        self.runs = _runs(tokens, folded)
        # (loops: `min` and `max` with a default are calls into the interpreter's builtins)
        shortest = shortest_f = 1 << 30
        for r in self.runs:
            if r[2] < shortest:
                shortest = r[2]
            if r[3] < shortest_f:
                shortest_f = r[3]
        self.shortest_run, self.shortest_run_f = shortest, shortest_f
        longest = longest_f = 0
        for k in range(n):
            if len(tokens[k]) > longest:
                longest = len(tokens[k])
            if len(folded[k]) > longest_f:
                longest_f = len(folded[k])
        self.longest, self.longest_f = longest, longest_f
        # the query words' first letters and lengths (raw, folded), for `_list_runs`
        self.firsts = [t[:1] for t in tokens]
        self.firsts_f = [f[:1] for f in folded]
        self.sizes = [len(t) for t in tokens]
        self.sizes_f = [len(f) for f in folded]
        # the query words a listed word two slips away may pair with (`compare.slips_apart`:
        # similarity 0, lifted by the name); a name people bear never (`_name_slips`)
        self.slipped = [not (query.legal[k] or unvocalised) and len(tokens[k]) <= SHORT_WORD_MAX
                        and not spelled_name(tokens[k]) for k in range(n)]
        # the query's numbers typed as a mark's part, one digit lost or added (`number_slip`)
        self.numbers = typed_numbers(self.text)
        # (people) the query's generational suffixes (role words): one spelt two ways pairs
        # as written (`prepare.same_generation`: JNR ~ JR, JUNIOR ~ JR, whose letters differ)
        self.suffixes = [k for k in range(n) if query.legal[k] and is_suffix(tokens[k])]
        self.n = n
        self.places = [place_at(tokens, k) for k in range(n)]
        # the query's words after the first of a register's activity phrase, free
        # (`registered.phrase_goes_on`)
        self.phrase_tails = [phrase_goes_on(tokens, k) for k in range(n)]
        # the compass points the query's words of direction name (`places.direction`)
        self.points = [direction(t) for t in tokens]
        # the trades the query's words name (`orgs.charge_trades` charges a trade both
        # names leave unpaired little)
        self.industries = [industry(t) for t in tokens]
        self.trades = set(self.industries) - {None}
        # the query's designators (`orgs.charge_designators`: little beside a listed one)
        self.kinds = [designator(t) for t in tokens]
        # the words that frame an activity phrase ("for general trading"): free of cost
        # where the listed name leaves the phrase out (`orgs.activity_words`)
        self.framing = frozenset(activity_words(tokens, range(n)))
        # the function words between two words ("of", the "for" of an Arabic reading's
        # prefixed lam): free of cost where both paired (`compare._joins_paired`)
        self.joins = [_joins_paired(tokens, k, set()) for k in range(n)]
        # what `_free_costs` reads of the query alone (`engine._Comparer` reads it too)
        self.facts = QueryFacts(query)
        self.shapes = self.facts.shapes
        # the most pairs a comparison may make: one per query word that may pair, none of
        # them near (similarity 1.0), nor the head of a compound (no word), nor of a name
        # among the most common (weight 1.0): `_free_costs` charges least with these
        self.perfect = [TokenPair("", "", 1.0, 1.0) for _ in range(n)]
        # (people) the least factor `_free_costs` charges each query word left unpaired,
        # whatever else pairs (`_least_people`): a patronymic or a middle name at least a
        # listed name's omission, the last word a surname at least `QUERY_LAST_PENALTY`
        # beside two pairs or more (`least_last`), any other the query's extra name;
        # unvocalised none (a chain's links and articles may cost nothing)
        least_q = [0.0 if unvocalised
                   else person_extra_penalty if is_patronymic(tokens[k])
                   or (k < len(query_roles) and query_roles[k] in (MIDDLE, HEAD))
                   else query_extra_penalty for k in range(n)]
        self.least_q = least_q
        self.least_last = (min(least_q[n - 1], QUERY_LAST_PENALTY)
                           if 2 <= n <= len(query_roles) and query_roles[n - 1] == SURNAME
                           else least_q[n - 1] if n else 0.0)
        # (Korean) `hangul.given_agrees` of the given name, by listed words run together
        self.given_runs: dict[str, bool] = {}
        # (unvocalised) the runs of query words as the join pass writes them
        # (`_abjad_runs`), and per query word the letters a Latin spelling of it may hold
        # (`abjad.letters` as `letter_bits`; -1 when it is no romanised abjad word: any)
        self.abjad_runs = _abjad_runs(tokens, folded) if unvocalised else []
        # each run's `compare._abjad_joins` with the letters their spellings hold (`_spelt`),
        # made when `_abjad_fitting` first needs them: most runs start with another letter
        # than every listed word asked about, and those are never written out
        self.abjad_joins: list[list[tuple[str, int]] | None] = [None] * len(self.abjad_runs)
        self.spelt = [_spelt(t) for t in tokens] if unvocalised else []
        # (unvocalised) per query word, what `compare._same_start` asks of it as a run's
        # first word (`_leads`), for `_abjad_fitting`
        self.leads = [_leads(t) for t in tokens] if unvocalised else []

    def _mask(self, ct: str, cf: str, person: bool) -> int:
        """The query words that may pair with list word `ct` (folded `cf`): a similarity
        above zero (`compare.token_similarity`), or (people) one of them an initial of the
        other, or a number a mark's part typed a digit short or long (`number_slip`: the
        pair loop lifts it for a craft). The pair loop gives a pair a similarity only so:
        its other rules (titles, nasab generations, legal forms, common names that are two
        names, organisations' two trades or directions, `orgs.kind_similarity`) only take pairs away, or lift
        a similarity above zero to at most 1.0 (one trade written two ways), as much as
        `ceiling` counts a pair; organisations' words of one direction pair however
        written (eastern ~ EAST), so they are counted here too. With them, the query
        words of any run that may be joined into the word (`_runs`, `_fitting`): the word
        then may be paired too."""
        masks = self.person_masks if person else self.org_masks
        m = masks.get(ct)
        if m is None:
            m = 0
            korean = self.korean
            unvocalised = self.unvocalised
            if person and korean is not None:
                # (a Korean name's two words pair only with the spellings of its surname
                # and given name, whatever their letters' similarity)
                m = ((1 if hangul.surname_agrees(korean[0], ct) else 0)
                     | (2 if hangul.given_agrees(korean[1], ct) else 0))
            else:
                shape = token_shape(ct, cf)
                shapes = self.shapes
                tokens, folded = self.tokens, self.folded
                # (unvocalised: the listed word may be a romanised abjad word; it may be a
                # Latin spelling of a query word only with its letters, `_spelt`)
                abjad_word = unvocalised and consonantal(ct)
                bits = shape.bits
                numbers = self.numbers
                for i in range(self.n):
                    qt = tokens[i]
                    if unvocalised:
                        # (a romanised abjad word's `similar_possible` compares consonant
                        # skeletons: the pair's similarity kept from an earlier query
                        # costs less)
                        similar = token_similarity(qt, folded[i], ct, cf, shapes[i]) > 0.0
                    else:
                        # (`similar_possible`: most pairs, told without `token_similarity`)
                        similar = (similar_possible(shapes[i], shape)
                                   and token_similarity(qt, folded[i], ct, cf) > 0.0)
                    if similar or (
                            person and (len(qt) == 1 or len(ct) == 1) and qt[0] == ct[0]) or (
                            self.slipped[i] and slips_apart(qt, ct)) or (
                            numbers and number_slip(qt, ct, numbers)) or (
                            unvocalised and (
                                (not bits & ~self.spelt[i] and abjad_similarity(qt, ct) > 0.0)
                                or (abjad_word and abjad_similarity(ct, qt) > 0.0))):
                        m |= 1 << i
                if person and self.suffixes and is_suffix(ct):
                    for i in self.suffixes:
                        if same_generation(tokens[i], ct):
                            m |= 1 << i
                point = None if person else direction(ct)
                if point is not None:
                    # (organisations) a word of the same direction, however written
                    # (eastern ~ EAST: `orgs.kind_similarity`)
                    points = self.points
                    for i in range(self.n):
                        if points[i] == point:
                            m |= 1 << i
            if unvocalised:
                # query words run together as abjad words are (`_abjad_fitting`)
                fit = _abjad_fitting(self.abjad_runs, self.abjad_joins, self.tokens, ct, cf,
                                     token_shape(ct, cf).bits, self.leads)
                if fit:
                    m |= fit
                    self.fits[ct] = fit
            # query words run together into this word (`_fitting`): most list words are
            # shorter than any run of the query's
            elif self.runs and (len(ct) >= self.shortest_run - 2
                                or len(cf) >= self.shortest_run_f - 2):
                fit = _fitting(self.runs, ct, cf)
                if fit:
                    m |= fit
                    self.fits[ct] = fit
            masks[ct] = m
        return m

    def below(self, cand: Name, cand_weights: Sequence[float], query_weights: Sequence[float],
              person: bool, cand_roles: Sequence[int] | None, need: float) -> bool:
        """Whether `ceiling` is below `need`: for people told first by a floor of the
        penalty (`_least_people`), which decides most of the bounds that leave a
        comparison out without `_free_costs`."""
        return self._ceiling(cand, cand_weights, query_weights, person, cand_roles, need) < need

    def ceiling(self, cand: Name, cand_weights: Sequence[float], query_weights: Sequence[float],
                person: bool, cand_roles: Sequence[int] | None) -> float:
        """An upper bound of `compare_names(query, cand, ...).score` as `engine._Comparer`
        makes it (`person`: as people's names, with `cand_roles`; the weights it passes).

        Score = matched / (matched + penalty), rising with the matched mass and falling
        with the penalty, so matched mass counted high and penalty low bound it:
        - matched: a pair adds at most its weight, half of each word's ((w_q + w_c) / 2
          times a similarity of at most 1), a join at most half the mean of its run's
          weights and half its word's, and each word is in one pair or join at most. So
          every word that may pair or be joined (`_mask`, `_list_runs`) counts half its
          weight, as if paired perfectly; a word that may not is certainly left unpaired.
        - penalty: a pair's (1 - similarity) times its weight is at least 0; the words
          certainly left unpaired cost at least:
          people: what `_free_costs` charges them when every other word has paired, with
          as many perfect pairs as query words that may pair (its rules charge a free word
          more, never less, when more words are free, a pair is near, or a join links
          the surname first: `bound_applies`);
          organisations: the query's words `query_extra_penalty`, the listed name's the
          list's penalty (`_free_costs` charges other factors to places, to words of
          a trade both names name alone, to a designator both give (GROUP, CONCERN),
          to an activity phrase's "for" and "general",
          `orgs.activity_words`, and to a function word between two words that paired,
          `compare._joins_paired`: at least zero here), each at least its weight
          (`_extra`: legal forms' floor only adds).
        When no word may pair, the score is 0.
        """
        return self._ceiling(cand, cand_weights, query_weights, person, cand_roles, 0.0)

    def _ceiling(self, cand: Name, cand_weights: Sequence[float],
                 query_weights: Sequence[float], person: bool,
                 cand_roles: Sequence[int] | None, need: float) -> float:
        """`ceiling`, or (people) a looser bound of the score once that is below `need`
        (0.0: never)."""
        q = self.query
        if self.slips and not person and read_slipped_forms(q, cand, self.slips) is not None:
            # a slipped legal form read as the listed name's form (`compare_names` compares
            # another query name, with other words and weights): not bounded, and rare
            return 1.0
        if self.cut and not person and cut_word(
                self.text, q.tokens, q.legal, cand.tokens, cand.legal) is not None:
            # a word a field's width cut read as the listed word it starts (`compare_names`
            # compares another query name, with another word and weight): not bounded
            return 1.0
        c_tokens, c_folded = cand.tokens, cand.folded
        nq, nc = self.n, len(c_tokens)
        may_q = 0
        may_c = 0
        for j in range(nc):
            m = self._mask(c_tokens[j], c_folded[j], person)
            if m:
                may_c |= 1 << j
                may_q |= m
        if nc >= 2:
            jq, jc = self._runs_of(cand)
            may_q |= jq
            may_c |= jc
        korean = self.korean
        if person and korean is not None:
            # a Korean given name's syllables written as two or three listed words
            # (`compare._korean_given`)
            legal = cand.legal
            given_runs = self.given_runs
            for a in range(nc - 1):
                if legal[a] or legal[a + 1]:
                    continue
                for size in (2, 3):
                    if size == 3 and (a + 3 > nc or legal[a + 2]):
                        break
                    written = "".join(c_tokens[a:a + size])
                    agrees = given_runs.get(written)
                    if agrees is None:
                        agrees = given_runs[written] = hangul.given_agrees(korean[1], written)
                    if agrees:
                        may_q |= 2
                        may_c |= ((1 << size) - 1) << a
        reach = 0.0
        paired = 0
        for i in range(nq):
            if may_q >> i & 1:
                reach += query_weights[i] / 2.0
                paired += 1
        for j in range(nc):
            if may_c >> j & 1:
                reach += cand_weights[j] / 2.0
        if reach <= 0.0:
            return 0.0
        if person:
            if need > 0.0:
                loose = reach / (reach + self._least_people(cand, cand_weights, query_weights,
                                                            cand_roles, may_q, may_c, paired))
                if loose < need:
                    return loose
            stay_q = {i for i in range(nq) if not may_q >> i & 1}
            stay_c = {j for j in range(nc) if not may_c >> j & 1}
            q_cost, c_cost, legal_floor, floor = _free_costs(
                q, cand, stay_q, stay_c, self.perfect[:paired], True, self.query_extra,
                self.person_extra, self.place, cand_roles, self.surname, self.unvocalised,
                self.roles, self.middle, [], self.facts, query_weights, cand_weights, True)
            least = _charge_free(0.0, q_cost, c_cost, query_weights, cand_weights, self.legal,
                                 cand.legal, stay_q, stay_c, legal_floor, floor)
        else:
            least = 0.0
            trades = {industry(t) for t in c_tokens} - {None} if self.trades else set()
            # (a designator both names give costs at least nothing here)
            kinds = any(self.kinds) and any([designator(t) for t in c_tokens])
            # a name as long as a field, beside a longer listed name: the listed words after
            # the one its last word pairs with are unseen (`compare._unseen_after_cut`), and
            # that one is at least the first that may pair; its last word, the start of a
            # listed word, may be a word cut short, costing nothing
            unseen = nc
            free_q = nq
            if self.wide and len(cand.text.strip()) > len(self.text) and may_c:
                unseen = (may_c & -may_c).bit_length()
                if nq and cut_start(self.tokens[nq - 1], cand.text):
                    free_q = nq - 1
            for i in range(free_q):
                if (not may_q >> i & 1 and not self.places[i]
                        and self.industries[i] not in trades and not self.phrase_tails[i]
                        and i not in self.framing and not self.joins[i]
                        and not (kinds and self.kinds[i])):
                    least += self.query_extra * designator_extra(self.tokens[i],
                                                                 query_weights[i])
            c_framing = activity_words(c_tokens, range(nc))
            c_places = place_bits(c_tokens)  # (kept by the listed name: `place_at`)
            for j in range(min(nc, unseen)):
                if (not may_c >> j & 1 and not c_places >> j & 1
                        and industry(c_tokens[j]) not in self.trades
                        and not (kinds and designator(c_tokens[j]))
                        and not phrase_goes_on(c_tokens, j) and j not in c_framing
                        and not _joins_paired(c_tokens, j, set())):
                    least += self.org_extra * designator_extra(c_tokens[j], cand_weights[j])
        return reach / (reach + least)

    def _least_people(self, cand: Name, cand_weights: Sequence[float],
                      query_weights: Sequence[float], cand_roles: Sequence[int] | None,
                      may_q: int, may_c: int, paired: int) -> float:
        """A floor of what `_charge_free` charges a people's comparison's words certainly
        left unpaired (not in `may_q`, `may_c`; `paired`: the query words that may pair),
        for a fraction of `_free_costs`: each word at the least factor its rules give it
        whatever else pairs (the query's `least_q`; a listed word a listed name's omission,
        its first given name the query's extra name and a surname `surname_penalty`, by
        the listed roles, a patronymic aside) times `_extra` of its own weight (their
        floors only add), summed in their order: each term, so the sum, is at most theirs."""
        least = 0.0
        last = self.n - 1
        least_q = self.least_q
        for i in range(self.n):
            if not may_q >> i & 1:
                factor = self.least_last if i == last and paired >= 2 else least_q[i]
                least += factor * _extra(query_weights[i])
        c_tokens = cand.tokens
        roles: Sequence[int] = () if cand_roles is None else cand_roles
        for j in range(len(c_tokens)):
            if not may_c >> j & 1:
                factor = self.person_extra
                if j < len(roles) and (roles[j] == GIVEN or roles[j] == SURNAME) and (
                        not is_patronymic(c_tokens[j])):
                    factor = (self.query_extra if roles[j] == GIVEN
                              else min(self.surname, self.person_extra)
                              if is_second_surname(roles, j) else self.surname)
                least += factor * _extra(cand_weights[j])
        return least

    def pairs(self, cand: Name, person: bool) -> tuple[list[int], bool]:
        """What `compare_names(query, cand, ...)` (`person`: as people's names) may find, for
        its `pair_masks` and `joins`: per listed word, the query words it may pair with
        (`_mask`: its bits for the runs that may be joined into the word too), and whether
        the join pass may join any run of words, the query's into a listed word (`_mask`'s
        `_fitting`) or the listed name's into a query word (`_list_runs`)."""
        c_tokens, c_folded = cand.tokens, cand.folded
        nc = len(c_tokens)
        masks = [self._mask(c_tokens[j], c_folded[j], person) for j in range(nc)]
        joins = False
        if self.fits:
            fits = self.fits
            for j in range(nc):
                if c_tokens[j] in fits:
                    joins = True
                    break
        if not joins and nc >= 2:
            jq, jc = self._runs_of(cand)
            joins = jq != 0 or jc != 0
        return masks, joins

    def _runs_of(self, cand: Name) -> tuple[int, int]:
        """`_list_runs(cand)` (unvocalised: `_abjad_list_runs`), kept for the last listed
        name asked."""
        if cand is not self.cand:
            self.cand_runs = (self._abjad_list_runs(cand) if self.unvocalised
                              else self._list_runs(cand))
            self.cand = cand
        return self.cand_runs

    def _abjad_list_runs(self, cand: Name) -> tuple[int, int]:
        """`_list_runs` of an unvocalised comparison: the query and list words (bit masks)
        of the runs of list words the join pass may join into a query word, any ordered
        pair and adjacent triple whose first word may start it (`compare._same_start`, or
        the same folded letter), and that may be written as the word:
        - romanised abjad words run together (`compare._abjad_joins`) that spell it
          (`abjad.similarity`): only a word that is no romanised abjad word may be so
          spelt (any run is counted), or one of two letters led by a vowel (the article
          "al") by three letters at most (`_joined_least`);
        - a Latin spelling of it, the run's letters as they stand: each of their letters
          one of the query word's (`abjad.letters`, which `similarity` holds to);
        - or a run whose length fits it (`compare._may_join`)."""
        may_q = may_c = 0
        c_tokens, c_folded = cand.tokens, cand.folded
        nc = len(c_tokens)
        sizes = [len(t) for t in c_tokens]
        sizes_f = [len(f) for f in c_folded]
        bits = [token_shape(c_tokens[a], c_folded[a]).bits for a in range(nc)]
        for i in range(self.n):
            target_raw, target = self.tokens[i], self.folded[i]
            size_q, size_qf = len(target_raw), len(target)
            spelt = self.spelt[i]
            # a run of romanised words may spell it: it is no such word itself, or one of
            # two letters led by a vowel ("al") by a run of three letters at most
            any_run = not consonantal(target_raw)
            pair = len(target_raw) == 2 and target_raw[0] in "aeiou"
            m = 0
            for a in range(nc):
                if (target[:1] != c_folded[a][:1]
                        and not _same_start(c_tokens[a], target_raw, True)):
                    continue
                size_a, size_af = sizes[a], sizes_f[a]
                fit_a = not bits[a] & ~spelt
                for b in range(nc):
                    if b != a and (any_run or (fit_a and not bits[b] & ~spelt)
                                   or (pair and size_a + _joined_least(sizes[b]) <= 3)
                                   or _may_join(size_a + sizes[b], size_q)
                                   or _may_join(size_af + sizes_f[b], size_qf)):
                        m |= (1 << a) | (1 << b)
                if a + 2 < nc and (
                        any_run or (fit_a and not (bits[a + 1] | bits[a + 2]) & ~spelt)
                        or (pair and size_a + _joined_least(sizes[a + 1])
                            + _joined_least(sizes[a + 2]) <= 3)
                        or _may_join(size_a + sizes[a + 1] + sizes[a + 2], size_q)
                        or _may_join(size_af + sizes_f[a + 1] + sizes_f[a + 2], size_qf)):
                    m |= 7 << a
            if m:
                may_q |= 1 << i
                may_c |= m
        return may_q, may_c

    def _list_runs(self, cand: Name) -> tuple[int, int]:
        """The query and list words (bit masks) that may be joined, list words run together
        into a query word (query words run into a list word: `_mask`): words of a run the
        join pass may try (`_runs`: any ordered pair, adjacent triples, a superset of the
        runs of the words it finds free) whose first letter starts the other side's word,
        whose length fits it (`compare._may_join`, raw or folded letters) and whose words
        run together are as near it as the join pass asks (`compare.join_similarity` at
        `JOIN_MIN`: the join pass tries no other run, and joins none nearer less)."""
        may_q = may_c = 0
        c_tokens, c_folded = cand.tokens, cand.folded
        # most pairs of names: no query word is as long as the two shortest list words
        # (no run is shorter) less the two letters `_may_join` allows
        if (self.longest < _two_shortest(c_tokens) - 2
                and self.longest_f < _two_shortest(c_folded) - 2):
            return 0, 0
        nc = len(c_tokens)
        # the list words' first letters and lengths, once for every query word
        firsts = [t[:1] for t in c_tokens]
        firsts_f = [f[:1] for f in c_folded]
        sizes = [len(t) for t in c_tokens]
        sizes_f = [len(f) for f in c_folded]
        tokens, folded = self.tokens, self.folded
        for i in range(self.n):
            # `_fitting` of the list's `_runs` into query word i, the runs not built: most
            # list words begin with another letter; a run whose length fits is run together
            # and asked as the join pass asks it (`compare.join_similarity` at `JOIN_MIN`)
            first, first_f = self.firsts[i], self.firsts_f[i]
            size_q, size_qf = self.sizes[i], self.sizes_f[i]
            target_raw, target = tokens[i], folded[i]
            m = 0
            for a in range(nc):
                if firsts[a] != first and firsts_f[a] != first_f:
                    continue
                size_a, size_af = sizes[a], sizes_f[a]
                for b in range(nc):
                    if b != a and (_may_join(size_a + sizes[b], size_q)
                                   or _may_join(size_af + sizes_f[b], size_qf)) and (
                            join_similarity(c_folded[a] + c_folded[b], target,
                                            c_tokens[a] + c_tokens[b], target_raw) >= JOIN_MIN):
                        m |= (1 << a) | (1 << b)
                if a + 2 < nc and (
                        _may_join(size_a + sizes[a + 1] + sizes[a + 2], size_q)
                        or _may_join(size_af + sizes_f[a + 1] + sizes_f[a + 2], size_qf)) and (
                        join_similarity(c_folded[a] + c_folded[a + 1] + c_folded[a + 2], target,
                                        c_tokens[a] + c_tokens[a + 1] + c_tokens[a + 2],
                                        target_raw) >= JOIN_MIN):
                    m |= 7 << a
            if m:
                may_q |= 1 << i
                may_c |= m
        return may_q, may_c


def _joined_least(size: int) -> int:
    """The fewest letters a word of `size` letters after a run's first adds to the run
    written as one romanised word (`compare._abjad_joins`): its initial vowel dropped, or
    the whole article before a sun letter."""
    return max(0, size - 2)


#: `_spelt` answers kept: the same romanised words (and runs of them) recur in an abjad
#: name's readings and in query after query, and each answer reads the word's pattern
#: (`abjad.letters_bits`, some 18,000 instructions compiled); an entry ~150 bytes, at most
#: ~5 MB a process, emptied when full
_SPELT: Final[dict[str, int]] = {}
_SPELT_MAX: Final = 1 << 15


def _spelt(token: str) -> int:
    """The letters (`letter_bits`) a Latin word `abjad.similarity` finds spelt by a
    romanised abjad word may hold (`abjad.letters`): none (0) when the word has no
    pattern or is no romanised abjad word (`similarity` is then 0)."""
    known = _SPELT.get(token)
    if known is None:
        known = letters_bits(token) if consonantal(token) else 0
        if len(token) <= MAX_FUZZY_TOKEN:  # no hostile keys
            if len(_SPELT) >= _SPELT_MAX:
                _SPELT.clear()
            _SPELT[token] = known
    return known


#: a run of query words as `_abjad_fitting` reads it: (first word, first folded letter,
#: letters, folded letters, the words as a bit mask, the words' positions, the run's words
#: as they stand run together, raw and folded)
_AbjadRun = tuple[str, str, int, int, int, list[int], str, str]


def _abjad_runs(tokens: Sequence[str], folded: Sequence[str]) -> list[_AbjadRun]:
    """Every run of a name's words the join pass may try (`_runs`), with what an
    unvocalised join pass compares of it (its abjad spellings: `_run_joins`)."""
    out: list[_AbjadRun] = []
    n = len(tokens)
    for a in range(n):
        runs = [[a, b] for b in range(n) if b != a]
        if a + 2 < n:
            runs.append([a, a + 1, a + 2])
        for run in runs:
            out.append((tokens[a], folded[a][:1], sum([len(tokens[k]) for k in run]),
                        sum([len(folded[k]) for k in run]), sum([1 << k for k in run]), run,
                        "".join([tokens[k] for k in run]), "".join([folded[k] for k in run])))
    return out


def _abjad_fitting(runs: list[_AbjadRun], joins: list[list[tuple[str, int]] | None],
                   tokens: tuple[str, ...], target_raw: str, target: str, bits: int,
                   leads: list[tuple[str, bool]]) -> int:
    """`_fitting` of an unvocalised comparison: the words (bit mask) of the runs that
    the join pass joins into a word (raw, folded; `bits`: its `letter_bits`) whatever
    else is free: a run whose first word may start it (the same folded letter, or
    `compare._same_start`, told by `leads`: `_leads` of each query word), and that is
    written as the word by its abjad spelling (`abjad.similarity` of its `_abjad_joins`,
    whose letters the word holds alone, or of the word with the run's words run
    together) or by its letters (a length that fits, `compare._may_join`, and
    `compare.join_similarity` at `JOIN_MIN`). `joins`: the runs' `_run_joins` as far as
    made (of the query's words `tokens`), filled in here."""
    found = 0
    first_f = target[:1]
    first_raw = target_raw[:1]
    size, size_f = len(target_raw), len(target)
    abjad_target = consonantal(target_raw)
    # (whether the runs' first word may start the word: asked once per first word, whose
    # runs stand together)
    first_word, starts = -1, False
    for k in range(len(runs)):
        start, start_f, run_size, run_size_f, words, run, joined, joined_f = runs[k]
        if found & words == words:
            continue
        if run[0] != first_word:
            first_word = run[0]
            if first_raw:
                lead, vowel_led = leads[first_word]
                starts = (start_f == first_f or first_raw in lead
                          or (vowel_led and first_raw == "a" and abjad_target))
            else:  # (no listed word is empty)
                starts = start_f == first_f or _same_start(start, target_raw, True)
        if not starts:
            continue
        if (((_may_join(run_size, size) or _may_join(run_size_f, size_f))
             and join_similarity(joined_f, target, joined, target_raw) >= JOIN_MIN)
                or (abjad_target and abjad_similarity(target_raw, joined) > 0.0)):
            found |= words
            continue
        spelt_joins = joins[k]
        if spelt_joins is None:
            spelt_joins = joins[k] = _run_joins(tokens, run)
        for j, spelt in spelt_joins:
            if not bits & ~spelt and abjad_similarity(j, target_raw) > 0.0:
                found |= words
                break
    return found


def _leads(token: str) -> tuple[str, bool]:
    """What `compare._same_start(token, word, True)` asks of `token`, a run's first word,
    for a word of one letter or more: the first letters of the words it holds for whatever
    else they are (its own; after a romanised alef "a", the Latin vowels; a romanised
    word's Latin first letters, `abjad.starts`), and whether it is led by a vowel (it then
    holds for a romanised word led by an alef "a" too)."""
    first = token[:1]
    romanised = consonantal(token)
    lead = first
    if first == "a" and romanised:
        lead += "aeiou"
    if romanised:
        lead += abjad_starts(token)
    return lead, first in "aeiou"


def _run_joins(tokens: tuple[str, ...], run: list[int]) -> list[tuple[str, int]]:
    """A run of query words written as one romanised abjad word (`compare._abjad_joins`),
    each spelling with the letters a Latin word it spells may hold (`_spelt`)."""
    return [(j, _spelt(j)) for j in _abjad_joins(tokens, run)]


#: a run of words as `_fitting` reads it: (first letter, folded first letter, letters,
#: folded letters, the words as a bit mask, the words run together raw and folded)
_Run = tuple[str, str, int, int, int, str, str]


def _two_shortest(tokens: tuple[str, ...]) -> int:
    """The letters of the two shortest words of a name of two words or more."""
    first = second = 1 << 30
    for k in range(len(tokens)):  # (by index: a tuple's items without an iterator)
        size = len(tokens[k])
        if size < first:
            first, second = size, first
        elif size < second:
            second = size
    return first + second


def _runs(tokens: Sequence[str], folded: Sequence[str]) -> list[_Run]:
    """Every run of a name's words the join pass may try, whatever is free: (first letter,
    its folded first letter, letters, folded letters, the words as a bit mask, the words
    run together raw and folded): any ordered pair and every three adjacent words
    (`compare._join_pass`)."""
    out: list[_Run] = []
    n = len(tokens)
    for a in range(n):
        ta, fa = tokens[a], folded[a]
        for b in range(n):
            if b != a:
                out.append((ta[:1], fa[:1], len(ta) + len(tokens[b]), len(fa) + len(folded[b]),
                            (1 << a) | (1 << b), ta + tokens[b], fa + folded[b]))
        if a + 2 < n:
            out.append((ta[:1], fa[:1], len(ta) + len(tokens[a + 1]) + len(tokens[a + 2]),
                        len(fa) + len(folded[a + 1]) + len(folded[a + 2]),
                        (1 << a) | (1 << (a + 1)) | (1 << (a + 2)),
                        ta + tokens[a + 1] + tokens[a + 2], fa + folded[a + 1] + folded[a + 2]))
    return out


def _fitting(runs: list[_Run], target_raw: str, target: str) -> int:
    """The words (bit mask) of the runs that may be joined into a word (raw, folded): a
    run begins where the word begins, its length fits the word's, and its words run
    together are as near the word as the join pass asks (`compare.join_similarity` at
    `JOIN_MIN`, the one test that joins two names in no abjad script)."""
    found = 0
    first, first_f = target_raw[:1], target[:1]
    for start, start_f, size, size_f, words, joined, joined_f in runs:
        if (start == first or start_f == first_f) and (
                _may_join(size, len(target_raw)) or _may_join(size_f, len(target))) and (
                found & words != words
                and join_similarity(joined_f, target, joined, target_raw) >= JOIN_MIN):
            found |= words
    return found
