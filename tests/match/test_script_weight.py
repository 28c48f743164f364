"""A query word in abjad script paired with a Latin listed word weighs as that word
(`compare._read_weight`): a spelling no list writes is no rarer than the name it reads as."""

from clearance.index.build import Index
from clearance.match.compare import NameComparison
from clearance.match.engine import match_query
from clearance.match.score import Query
from tests.match.lists import compare_people

#: as the engine weighs them: MUHAMMAD among the commonest names people bear; a Hebrew
#: spelling no list writes weighed as the rarest list word it may be read as
#: (folded keys: MUHAMMAD is "muhamad", מוחמד "mvhmd")
_WEIGHTS = {"muhamad": 0.3, "mvhmd": 0.55, "mhmd": 0.55, "bkr": 0.7, "bakr": 0.7}


def _weigh(folded: str, legal: bool) -> float:
    return 0.05 if legal else _WEIGHTS.get(folded, 1.0)


def _compare(query: str, listed: str, known: frozenset[str]) -> NameComparison:
    return compare_people(query, listed, _weigh, known=known)


def test_a_script_word_no_list_writes_weighs_as_the_latin_name_it_pairs_with() -> None:
    comp = _compare("מוחמד בכר", "MUHAMMAD, Bakr", frozenset({"muhamad", "bakr"}))
    weights = {p.query: p.weight for p in comp.pairs}
    assert weights["mwkhmd"] == 0.3  # MUHAMMAD's, not (0.55 + 0.3) / 2
    assert weights["bkr"] == 0.7  # a rarer reading than its own: as before


def test_a_script_word_the_lists_write_keeps_its_measured_weight() -> None:
    comp = _compare("محمد بكر", "MUHAMMAD, Bakr", frozenset({"muhamad", "bakr", "mhmd"}))
    assert {p.query: p.weight for p in comp.pairs}["mhmd"] == (0.55 + 0.3) / 2


def test_a_latin_word_of_a_name_in_two_scripts_keeps_its_own_weight() -> None:
    comp = _compare("מוחמד Bakir", "MUHAMMAD, Bakr", frozenset({"muhamad", "bakr"}))
    assert {p.query: p.weight for p in comp.pairs}["bakir"] == (1.0 + 0.7) / 2


def test_a_hebrew_spelling_of_a_common_name_twice_does_not_alert_on_it(index: Index) -> None:
    # "Muhammad Muhammad Bakr" in Hebrew letters: the listed MUHAMMAD, Muhammad (an alias
    # of SDN 18602) shares the commonest name twice and nothing else; 0.801 before
    results = match_query(index, Query("מוחמד מוחמד בכר", "Person"), limit=5)
    assert not any(r.match for r in results)
    assert "mwkhmd~muhammad (0.90, w=0.30)" in results[0].explanation
