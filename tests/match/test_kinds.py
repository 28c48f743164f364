"""Organisations' words of trades and of direction that only look alike pair by their kinds:
one trade or one direction written two ways agrees, two trades or two directions are left
for the trade and place rules (`orgs.kind_similarity`)."""

import pytest

from clearance.index.build import Index
from clearance.match.compare import compare_names, score_ceiling
from clearance.match.engine import match_query
from clearance.match.places import direction
from clearance.match.prepare import ORG, prepare_name
from clearance.match.score import Query, ScoringConfig
from tests.match.lists import list_index
from tests.match.test_bound import _bounded

#: listed organisations whose trade or direction looks like another one's
_LISTED = ("KESTREL SHIPPING", "ORLIK REFINERY", "VELMAR MARITIME",
           "TOROS - NORTH KOREAN BANK", "NORDWIND SOUTH SUDAN TRADING", "BRANIK EASTERN GROUP")


@pytest.fixture(scope="module")
def kinds() -> Index:
    return list_index(*_LISTED, schema="Company")


def _score(index: Index, query: str, listed: str) -> float:
    found = {r.name: r.score for r in match_query(index, Query(query, "Company"), limit=3)}
    return found.get(listed, 0.0)


@pytest.mark.parametrize(("word", "point"), [("north", "north"), ("northern", "north"),
                                             ("lower", "lower"), ("norther", None),
                                             ("kestrel", None)])
def test_a_word_of_direction_names_its_compass_point(word: str, point: str | None) -> None:
    assert direction(word) == point


@pytest.mark.parametrize(("query", "listed"), [
    ("Kestrel Shipyard", "KESTREL SHIPPING"),  # shipyard ~ shipping 0.32 by letters
    ("Toros - South Korean Bank", "TOROS - NORTH KOREAN BANK"),  # south ~ north 0.30
    ("Nordwind North Sudan Trading", "NORDWIND SOUTH SUDAN TRADING"),
    ("Branik Western Group", "BRANIK EASTERN GROUP"),  # eastern ~ western 0.47
])
def test_two_trades_or_directions_that_look_alike_count_against(kinds: Index, query: str,
                                                                 listed: str) -> None:
    # paired by their letters, neither the trade rule nor the place rule saw them: 0.739,
    # 0.768, 0.768 and 0.938 (an alert) before
    assert _score(kinds, query, listed) < 0.6


@pytest.mark.parametrize(("query", "listed"), [("Orlik Refining", "ORLIK REFINERY"),
                                               ("Velmar Marine", "VELMAR MARITIME")])
def test_one_trade_spelt_two_ways_agrees(kinds: Index, query: str, listed: str) -> None:
    # refining ~ refinery (0.775 by letters) cost as a poor pair: one trade written two
    # ways (0.669 and 0.836 before)
    assert _score(kinds, query, listed) >= 0.9


@pytest.mark.parametrize(("query", "listed"), [
    ("Branik East Group", "BRANIK EASTERN GROUP"),  # east ~ eastern: no pair by letters
    ("Toros - Northern Korean Bank", "TOROS - NORTH KOREAN BANK"),  # 0.868 by letters
    ("Nordwind Southern Sudan Trading", "NORDWIND SOUTH SUDAN TRADING"),
])
def test_one_direction_written_two_ways_agrees(kinds: Index, query: str, listed: str) -> None:
    # (0.439, 0.796 and 0.796 before: a direction is as much of a name as its place)
    assert _score(kinds, query, listed) >= 0.85


def test_the_bounds_allow_what_words_of_kinds_score(kinds: Index) -> None:
    # a pair left out may cost more or less than the poor pair it was; the bounds count
    # every word that may pair as a pair of 1.0, so neither falls below a score
    queries = ["Kestrel Shipyard", "Kestrel Shipping", "Orlik Refining", "Velmar Marine",
               "Toros - South Korean Bank", "Toros North Korean Bank", "Nordwind North Sudan",
               "Branik Western Group", "Branik East Group", "Orlik Refining Shipyard North"]
    seen = set()
    for q_text, c_text, score, ceiling in _bounded(kinds, [Query(q, "Company")
                                                           for q in queries], ScoringConfig()):
        assert ceiling >= score - 1e-12, (q_text, c_text, score, ceiling)
        if score >= 0.8:
            seen.add(q_text)
    assert seen == {"Kestrel Shipping", "Orlik Refining", "Velmar Marine",
                    "Toros North Korean Bank", "Branik East Group"}

    def flat(folded: str, legal: bool) -> float:
        return 0.1 if legal else (0.25 if direction(folded) else 1.0)

    for q in queries:
        for listed in _LISTED:
            query, cand = prepare_name(q, ORG), prepare_name(listed, ORG)
            score = compare_names(query, cand, flat, cand_extra_penalty=0.6).score
            assert score_ceiling(query, cand, flat, cand_extra_penalty=0.6) >= score - 1e-12
