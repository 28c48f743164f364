"""The bound below batch screening's floor: never under a real comparison's score."""

from collections.abc import Iterator

from clearance.index.build import Index
from clearance.index.search import candidate_names
from clearance.match import hangul
from clearance.match.abjad import has_abjad
from clearance.match.bound import QueryBound, bound_applies
from clearance.match.compare import word_spans
from clearance.match.engine import (
    _Comparer,
    _query_bound,
    as_person,
    match_query,
    name_floor,
    prepare_query_names,
    query_slips,
    query_weights,
)
from clearance.match.orgs import Slips
from clearance.match.prepare import Name, fold_key, name_roles
from clearance.match.score import Query, ScoringConfig

#: books' names in Latin letters of many countries, with their hyphens, initials and
#: particles (Faker's per-locale name lists), besides those in other scripts
LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "es_MX", "pt_BR", "it_IT", "nl_NL",
           "pl_PL", "tr_TR", "ru_RU", "vi_VN", "id_ID", "zh_CN", "ko_KR", "ar_SA"]


def _population(n: int, seed: int) -> list[Query]:
    """People and companies as a counterparty book holds them, none of them list names."""
    from faker import Faker

    fake = Faker(LOCALES)
    fake.seed_instance(seed)
    out = []
    for k in range(n):
        out.append(Query(fake.name(), "Person") if k % 3 else Query(fake.company(), "Company"))
    return out


#: what `_Comparer.compare` takes of a query name after the person flag
_Args = tuple[bool, tuple[int, ...], tuple[tuple[int, int], ...], Slips]


def _pairs_to_compare(index: Index, queries: list[Query], cfg: ScoringConfig,
                      abjad: bool = False
                      ) -> Iterator[tuple[Query, Name, tuple[list[float], list[float]],
                                          _Args, QueryBound, int]]:
    """(query, its prepared name, weights, `compare`'s arguments after the person flag,
    bound, list name) of every comparison `match_query` may make for these queries that
    the bound applies to (as `match_query` decides): of query names in no abjad script,
    or (`abjad`) of those in one, whose comparisons are all unvocalised."""
    for query in queries:
        budget = [10**9]
        for q in prepare_query_names(query, bounded=True):
            q_w = query_weights(index, q)
            q_abjad, roles, spans = has_abjad(q.text), name_roles(q.text), word_spans(q)
            if q_abjad != abjad:
                continue
            korean = (hangul.korean_name(q.text) if len(q.tokens) == 2
                      and not q.text.isascii() else None)
            slips = query_slips(index, query, q)
            bound = _query_bound(q, roles, cfg, korean, slips, q_abjad)
            for n_idx in candidate_names(index, q, cfg.candidates, budget,
                                         query.schema == "Person").tolist():
                cand = index.names[n_idx]
                if (index.abjad_names[n_idx] and not q_abjad) or (spans and word_spans(cand)):
                    continue
                yield query, q, q_w, (q_abjad, roles, spans, slips), bound, n_idx


def _bounded(index: Index, queries: list[Query], cfg: ScoringConfig, abjad: bool = False
             ) -> Iterator[tuple[str, str, float, float]]:
    """(query name, list name, score, bound) of every comparison `match_query` makes for
    these queries that the bound applies to (as `match_query` decides; `abjad`: of query
    names in an abjad script)."""
    comparer = _Comparer(index, cfg)
    for query, q, q_w, args, bound, n_idx in _pairs_to_compare(index, queries, cfg, abjad):
        cand = index.names[n_idx]
        for person in {as_person(query.schema, index.entities[e].schema, cand)
                       for e, _, _ in index.owners[n_idx]}:
            comp = comparer.compare(q, q_w, n_idx, person, *args)
            if person:
                ceiling = bound.ceiling(cand, index.person_token_weights[n_idx], q_w[1], True,
                                        index.roles[n_idx])
            else:
                ceiling = bound.ceiling(cand, index.token_weights[n_idx], q_w[0], False, None)
            yield q.text, cand.text, comp.score, ceiling


def test_the_bound_is_never_below_the_score_and_a_tighter_one_would_be(index: Index) -> None:
    # real comparisons: population names, and listed people's names as their own queries
    # (the comparisons that score high), against the candidates the index gives them
    listed = [Query(n.text, "Person") for k, n in enumerate(index.names) if k % 50 == 0
              and any(index.entities[e].schema == "Person" for e, _, _ in index.owners[k])]
    checked = high = below = left_out = tighter_wrong = 0
    for q_text, c_text, score, ceiling in _bounded(index, _population(600, seed=1613)
                                                   + listed[:250], ScoringConfig()):
        # (1e-12: a bound and a score may differ in their last bits)
        assert ceiling >= score - 1e-12, (q_text, c_text, score, ceiling)
        checked += 1
        high += score >= 0.5
        below += score < 0.5
        left_out += ceiling < 0.5
        # the same test finds a bound 2% tighter wrong: it can fail
        tighter_wrong += 0.98 * ceiling < score - 1e-12
    assert checked > 5_000 and high > 200
    assert tighter_wrong > 100
    # most comparisons below the floor are left out unmade
    assert left_out > 0.6 * below


def _people_floor(index: Index, queries: list[Query], abjad: bool = False) -> tuple[int, int]:
    """(people's bounds of a comparison left out, those of them the penalty floor alone
    decides: `QueryBound.below` without `_free_costs`) for these queries' candidates;
    asserts that the floor's looser bound is never below the bound, to its last bit, and
    that `below` answers as the bound does."""
    cfg = ScoringConfig()
    left_out = decided = 0
    for _, q, q_w, _, bound, n_idx in _pairs_to_compare(index, queries, cfg, abjad):
        cand, roles = index.names[n_idx], index.roles[n_idx]
        weights = index.person_token_weights[n_idx]
        ceiling = bound.ceiling(cand, weights, q_w[1], True, roles)
        # (a need of 1.0: the floor's bound whenever it is below 1)
        loose = bound._ceiling(cand, weights, q_w[1], True, roles, 1.0)
        assert loose >= ceiling, (q.text, cand.text, loose, ceiling)
        for need in (0.3, 0.5, 0.7):
            assert bound.below(cand, weights, q_w[1], True, roles, need) == (ceiling < need)
        if 0.0 < ceiling < 0.5:
            left_out += 1
            decided += loose < 0.5
    return left_out, decided


def test_a_floor_of_the_penalty_leaves_most_people_out_and_never_one_the_bound_keeps(
        index: Index) -> None:
    # the words certainly left unpaired, each at the least factor `_free_costs` may charge
    # it: a patronymic or middle name of either side little, the query's other names and a
    # listed given name in full (Faker's Russian names bring patronymics; listed names
    # written "SURNAME, Given" their roles)
    listed = [Query(n.text, "Person") for k, n in enumerate(index.names) if k % 70 == 0
              and "," in n.text]
    left_out, decided = _people_floor(index, _population(300, seed=1919) + listed[:150])
    assert left_out > 1_000 and decided > 0.6 * left_out, (left_out, decided)


def test_the_penalty_floor_of_names_in_abjad_script_never_passes_the_bound(index: Index
                                                                         ) -> None:
    # unvocalised: a query word left unpaired may cost nothing (a chain's link, an
    # article), so only the listed words' floor counts
    left_out, decided = _people_floor(index, _abjad_queries(index, 150, 2020), abjad=True)
    assert left_out > 500 and 0 < decided < left_out, (left_out, decided)


def _compare_with_and_without_pairs(index: Index, queries: list[Query], cfg: ScoringConfig,
                                    abjad: bool = False) -> tuple[int, int, int]:
    """Asserts that each comparison gives the same result with the bound's pairs as with
    every pair; returns (comparisons, query-word pairs skipped, comparisons that may join)."""
    comparer = _Comparer(index, cfg)
    compared = skipped = joins = 0
    for _, q, q_w, args, bound, n_idx in _pairs_to_compare(index, queries, cfg, abjad=abjad):
        cand = index.names[n_idx]
        for person in (True, False):
            masks, may_join = possible = bound.pairs(cand, person)
            every = comparer.compare(q, q_w, n_idx, person, *args)
            bounded = comparer.compare(q, q_w, n_idx, person, *args, possible)
            assert (bounded.score, bounded.explain(), bounded.strongest,
                    bounded.distinct_leftover, bounded.query_words, bounded.cand_words) == (
                every.score, every.explain(), every.strongest, every.distinct_leftover,
                every.query_words, every.cand_words), (q.text, cand.text, person)
            compared += 1
            skipped += sum([len(q.tokens) - bin(m).count("1") for m in masks])
            joins += may_join
    return compared, skipped, joins


def test_the_pairs_the_bound_allows_make_the_same_comparisons(index: Index) -> None:
    # `QueryBound.pairs`: the pair loop tries only the pairs the bound found possible, and
    # the join pass runs only when a run may be joined; every result stays the same
    cfg = ScoringConfig()
    queries = _population(300, seed=1616) + [
        Query(t, s) for t in ["MayraGalaviz Lopez", "Abdul Rahman Trading", "J. Smith",
                              "Kim Jong Un", "김정은", "Rosneft Trading Lth."]
        for s in ("Person", "Company", "")]
    compared, skipped, joins = _compare_with_and_without_pairs(index, queries, cfg)
    # (most pairs of words cannot pair; a join the bound cannot rule out is common: its
    # run lengths are those of any ordered pair of words)
    assert compared > 5_000 and skipped > 3 * compared and 0 < joins < compared


#: books' names in Arabic, Persian and Hebrew script
ABJAD_LOCALES = ["ar_SA", "ar_PS", "ar_AA", "fa_IR", "he_IL"]


def _abjad_queries(index: Index, n: int, seed: int) -> list[Query]:
    """Names in an abjad script as books hold them (Faker's people and companies, none of
    them list names), and the lists' own names in Arabic script as queries with a word
    left out or not (the comparisons that score high: their Latin aliases, their
    relatives' names)."""
    from faker import Faker

    fake = Faker(ABJAD_LOCALES)
    fake.seed_instance(seed)
    out = [Query(fake.name(), "Person") if k % 3 else Query(fake.company(), "Company")
           for k in range(n)]
    for k, name in enumerate(index.names):
        if index.abjad_names[k]:
            words = name.text.split()
            schema = "Person" if k % 2 else ""
            out.append(Query(name.text, schema))
            if len(words) >= 3:
                out.append(Query(" ".join(words[:-1]), schema))
                out.append(Query(" ".join(words[1:]), schema))
    return out


def test_the_bound_of_names_in_abjad_script_is_never_below_the_score(index: Index) -> None:
    # every comparison of a name in Arabic, Persian or Hebrew script is unvocalised: its
    # words pair by their Latin spellings (`abjad.similarity`) and run together as
    # romanised words do; the bound asks both (a bound that did not would be wrong)
    checked = high = below = left_out = tighter_wrong = 0
    for q_text, c_text, score, ceiling in _bounded(index, _abjad_queries(index, 300, 1717),
                                                   ScoringConfig(), abjad=True):
        assert ceiling >= score - 1e-12, (q_text, c_text, score, ceiling)
        checked += 1
        high += score >= 0.5
        below += score < 0.5
        left_out += ceiling < 0.5
        tighter_wrong += 0.98 * ceiling < score - 1e-12
    assert checked > 5_000 and high > 200, (checked, high)
    assert tighter_wrong > 100, tighter_wrong
    assert left_out > 0.4 * below, (left_out, below)


def test_the_pairs_the_bound_allows_names_in_abjad_script_are_the_same(index: Index
                                                                        ) -> None:
    # `QueryBound.pairs` of an unvocalised comparison: pairs by abjad spelling and abjad
    # joins stay; every result the same
    cfg = ScoringConfig()
    queries = _abjad_queries(index, 150, 1818) + [
        Query(t, s) for t in ["عبدالرحمن مكي", "نور الدين محمد", "سراج الدين حقاني",
                              "عبد الله بن علي", "شركة الخليج للتجارة"]
        for s in ("Person", "Company", "")]
    compared, skipped, joins = _compare_with_and_without_pairs(index, queries, cfg,
                                                               abjad=True)
    assert compared > 5_000 and skipped > 2 * compared and 0 < joins < compared, (
        compared, skipped, joins)


#: listed companies' names with their legal form typed with one slip (`orgs.slipped_forms`),
#: and words one slip from a form that stay words (LTS is a word of listed names; PVC is
#: no slip of LLC)
SLIPPED = ["Gazpromneft STC LLX", "Gazprom Vniigaz, OOP", "Rosneft Trading SAA",
           "LCC Gazprom Nedra", "Gazpromneft NGGF OOQ", "Gazpromneft STC LTS",
           "Gazpromneft NGGF PVC", "Rosneft Trading Lth."]


def test_the_bound_holds_for_slipped_legal_forms(index: Index) -> None:
    # a slipped form read as the listed name's form makes another comparison: not bounded
    read = checked = 0
    for q_text, c_text, score, ceiling in _bounded(
            index, [Query(t, s) for t in SLIPPED for s in ("Company", "")], ScoringConfig()):
        assert ceiling >= score - 1e-12, (q_text, c_text, score, ceiling)
        checked += 1
        read += score >= 0.8
    assert checked > 40 and read >= 10, (checked, read)


def _slipped_twice(text: str) -> str | None:
    """The name with its last word of three or four letters typed with two slips (its
    first letter lost, the next two swapped: BAKR as "kar"), or None."""
    words = text.split()
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if 3 <= len(w) <= 4 and w.isalpha():
            words[k] = w[2] + w[1] + w[3:]
            return " ".join(words)
    return None


def test_the_bound_holds_for_two_slips_in_a_word_of_a_few_letters(index: Index) -> None:
    # such a word has similarity 0 to the listed one, and the name may lift it
    # (`compare.slips_apart`): the bound counts it as paired
    names = [n.text for k, n in enumerate(index.names) if k % 7 == 0
             and len(n.text.split()) >= 3 and n.text.isascii()]
    queries = [Query(t, s) for t in map(_slipped_twice, names[:400]) if t is not None
               for s in ("Person", "Company")]
    lifted = checked = 0
    for q_text, c_text, score, ceiling in _bounded(index, queries, ScoringConfig()):
        assert ceiling >= score - 1e-12, (q_text, c_text, score, ceiling)
        checked += 1
        lifted += score >= 0.8
    assert checked > 2_000 and lifted >= 40, (checked, lifted)


def test_a_listed_word_is_folded_by_its_letters_alone(index: Index) -> None:
    # the bound keeps a listed word's masks by the word alone (`QueryBound._mask`): that is
    # its (word, fold) only while every list name folds each word by `fold_key` of it
    words = {(t, f) for name in index.names for t, f in zip(name.tokens, name.folded)}
    assert len(words) > 20_000
    assert all(f == fold_key(t) for t, f in words)


def test_a_bound_of_no_pair_is_zero_and_of_the_same_name_one(index: Index) -> None:
    cfg = ScoringConfig()
    q = prepare_query_names(Query("Zyxwv Qqqqq", "Person"))[0]
    same = prepare_query_names(Query("Maria Lopez", "Person"))[0]
    bound = _query_bound(q, name_roles(q.text), cfg)
    assert bound.ceiling(same, [0.5, 0.5], [0.5, 0.5], True, None) == 0.0
    itself = _query_bound(same, name_roles(same.text), cfg)
    assert itself.ceiling(same, [0.5, 0.5], [0.5, 0.5], True, None) == 1.0
    assert itself.ceiling(same, [0.5, 0.5], [0.5, 0.5], False, None) == 1.0


def test_words_that_may_be_run_together_count_as_paired(index: Index) -> None:
    # "Mayra GALAVIZ" written solid pairs by the join pass alone: no word pairs with it
    cfg = ScoringConfig()
    q = prepare_query_names(Query("MayraGalaviz Lopez", "Person"))[0]
    listed = prepare_query_names(Query("GALAVIZ, Mayra", "Person"))[0]
    bound = _query_bound(q, name_roles(q.text), cfg)
    assert bound.ceiling(listed, [0.5, 0.5], [0.5, 0.5], True, (1, 2)) > 0.5


def test_words_run_together_count_as_paired_only_as_near_as_the_join_pass_joins(
        index: Index) -> None:
    # "Kim" and "Lidia" run together ("kimlidia") start as "Kyongsuk" starts and are as
    # long, but far from it in letters: the join pass joins neither way, and only Kim
    # pairs (a score well below the floor); the same words nearer ("Kyong" + "Suk") join
    cfg = ScoringConfig()
    roles = (1, 2)
    for text in ("Kim Kyongsuk", "Kyongsuk Kim"):
        q = prepare_query_names(Query(text, "Person"))[0]
        bound = _query_bound(q, name_roles(q.text), cfg)
        far = prepare_query_names(Query("KIM, Lidia", "Person"))[0]
        assert bound.ceiling(far, [0.5, 0.5], [0.5, 0.5], True, roles) < 0.5
        assert bound.ceiling(far, [0.5, 0.5], [0.5, 0.5], False, None) < 0.5
        near = prepare_query_names(Query("KIM, Kyong Suk", "Person"))[0]
        assert bound.ceiling(near, [0.5, 0.5, 0.5], [0.5, 0.5], True, (1, 2, 3)) == 1.0
    # query words run together into a listed word, the same way
    q = prepare_query_names(Query("Kim Lidia", "Person"))[0]
    bound = _query_bound(q, name_roles(q.text), cfg)
    far = prepare_query_names(Query("KYONGSUK KIM", "Person"))[0]
    assert bound.ceiling(far, [0.5, 0.5], [0.5, 0.5], True, roles) < 0.5
    assert bound.ceiling(far, [0.5, 0.5], [0.5, 0.5], False, None) < 0.5
    solid = prepare_query_names(Query("KIMLIDIA", "Person"))[0]
    assert bound.ceiling(solid, [0.5], [0.5, 0.5], True, (1,)) == 1.0


def test_no_floor_with_penalties_the_bound_does_not_hold_for() -> None:
    # an omission dearer than a middle name only the query gives: charging the words that
    # stay free as if all others paired is no longer the cheapest case
    cfg = ScoringConfig(person_list_extra_penalty=0.5, query_middle_penalty=0.3)
    assert not bound_applies(cfg.query_extra_penalty, cfg.person_list_extra_penalty,
                             cfg.org_list_extra_penalty, cfg.query_middle_penalty,
                             cfg.surname_penalty, cfg.place_penalty)
    assert name_floor(Query("Maria Lopez", "Person"), cfg, 0.5) == 0.0
    default = ScoringConfig()
    assert name_floor(Query("Maria Lopez", "Person"), default, 0.5) > 0.49
    # no floor for `clearance match` and the API; bonuses lower it
    assert name_floor(Query("Maria Lopez", "Person"), default, 0.0) == 0.0
    assert name_floor(Query("Maria Lopez", "Person", birth_date="1970-01-01",
                            countries=["es"]), default, 0.5) < 0.44


def test_screening_results_are_those_above_the_floor_of_every_result(index: Index) -> None:
    # the comparisons the bound leaves out never change what batch screening keeps
    kept = 0
    for query in _population(120, seed=77) + _abjad_queries(index, 40, 78)[:80]:
        every = [r.to_dict() for r in match_query(index, query, limit=1000) if r.score >= 0.5]
        floored = [r.to_dict() for r in match_query(index, query, limit=1000, min_score=0.5)]
        assert floored == every, query.name
        kept += len(floored)
    assert kept > 0



def test_an_abjad_word_s_spelt_letters_are_kept_once_read_and_a_long_word_s_are_not() -> None:
    from clearance.match import bound
    from clearance.match.abjad import consonantal, letters_bits

    for word in ("mhmd", "abd", "allh", "smith", "srjdyn"):
        want = letters_bits(word) if consonantal(word) else 0
        assert bound._spelt(word) == want
        assert bound._SPELT[word] == want
        assert bound._spelt(word) == want
    long = "mhmd" * 13
    assert bound._spelt(long) == (letters_bits(long) if consonantal(long) else 0)
    assert long not in bound._SPELT


def test_the_bound_holds_for_a_registers_activity_phrase(index: Index) -> None:
    # an activity phrase's words after its first cost nothing (`registered.phrase_goes_on`):
    # the bound charges them nothing either, on either side
    queries = [Query(text, "Company") for text in (
        "Makina Sanayi ve Ticaret A.S.", "Petrol Ithalat ve Ihracat Ltd. Sti.",
        "Global Trading General Trading L.L.C.", "Star Dis Ticaret Ltd. Sti.",
        "Hong Kong Import and Export Co., Ltd.", "Sanayi Ticaret", "Energy General Trading FZE")]
    checked = 0
    for q_text, c_text, score, ceiling in _bounded(index, queries, ScoringConfig()):
        assert ceiling >= score - 1e-12, (q_text, c_text, score, ceiling)
        checked += 1
    assert checked > 100


def test_the_bound_holds_for_a_function_word_between_words_that_paired(index: Index) -> None:
    # a function word between two paired words costs nothing (`compare._joins_paired`), on
    # either side: the bound charges it nothing either (the index's BANK OF ..., ... AND ...)
    queries = [Query(text, "Company") for text in (
        "Bank for Industry Mine", "Bank Industry of Mine", "Foreign Trade and Bank",
        "Shipping of Lines Islamic Republic", "Oil for National Company")]
    checked = 0
    for q_text, c_text, score, ceiling in _bounded(index, queries, ScoringConfig()):
        assert ceiling >= score - 1e-12, (q_text, c_text, score, ceiling)
        checked += 1
    assert checked > 40
