"""A company's name cut at a field's width (30, 35 or 40 characters; issue 11): the listed
words after the cut are unseen, not left out; a cut word that is the name's only
distinctive word still finds its listed name (completed from the lists' words); a cut
legal form's word is that form's start; the bound of the score knows all this. Names here
are made up."""

import pytest

from clearance.index.prefix import cut_completions
from clearance.match.engine import match_query
from clearance.match.orgs import cut_word
from clearance.match.prepare import fold_key, prepare_name
from clearance.match.score import Query, ScoringConfig
from tests.match.lists import list_index
from tests.match.test_bound import _bounded


def _cut(name: str, width: int = 35) -> str:
    return name[:width].rstrip()


#: other listed companies, so that the words above weigh as a real list's rare words do
OTHERS = [f"{a}{b} {c} HOLDINGS" for a, b, c in zip(
    ["BRAN", "SELK", "TOMI", "VARD", "GELO", "PRUN", "DASK", "MIRO", "KANT", "LOVE"] * 3,
    ["TOVA", "IRAS", "NOKE", "ULIS"] * 8, ["ENERGY", "METALS", "TRADING"] * 10)]


def _lists(*names: str):  # type: ignore[no-untyped-def]
    return list_index(*names, *OTHERS, schema="Company")


#: listed names longer than a field, and what a field of 35 keeps of them
LONG = [
    # cut between words: the words after are unseen
    "JOINT STOCK COMPANY QUORVEX SHIPYARD NAMED AFTER I.I. MALDREKOV",
    # cut inside a word, read as the listed word it starts ("NAMED AF")
    "QUORVEX VELMARSK SHIPYARD PLANT NAMED AFTER A.B. MALDREKOV",
    # cut after a space the field's width stripped (34 characters)
    "PUBLIC JOINT STOCK COMPANY QUORVEX SCIENTIFIC RESEARCH INSTITUTE",
]


@pytest.mark.parametrize("listed", LONG)
def test_the_listed_words_after_a_cut_are_unseen_not_left_out(listed: str) -> None:
    lists = _lists(listed)
    query = _cut(listed)
    assert len(query) in (34, 35)
    top = match_query(lists, Query(query, "Company"))[0]
    assert top.entity_id == "e0" and top.match, top.explanation
    assert top.score >= 0.95


@pytest.mark.parametrize(
    "query",
    [
        "JOINT STOCK COMPANY QUORVEX",  # 27 characters: no field's width
        "JOINT STOCK CO QUORVEX SHIPYARD NAMED",  # 37: none
    ],
)
def test_a_name_short_of_a_field_leaves_the_listed_words_out(query: str) -> None:
    lists = _lists(LONG[0])
    top = match_query(lists, Query(query, "Company"))[0]
    assert top.score < 0.8, top.explanation


def test_a_name_of_a_fields_width_that_stops_short_of_the_listed_end_stays_apart() -> None:
    # the query's last word pairs with no listed word where the listed name was cut: the
    # words after the last that agree are left out, as any omitted words are
    lists = _lists("JOINT STOCK COMPANY QUORVEX SHIPYARD NAMED AFTER MALDREKOV")
    query = "JOINT STOCK COMPANY QUORVEX SHIPYARD KASTELMO"  # 44: no width either
    assert match_query(lists, Query(query[:35].rstrip() + "X", "Company"))[0].score < 0.8


def test_a_cut_word_alone_finds_the_listed_word_it_starts() -> None:
    listed = "AKTSIONERNOE OBSHCHESTVO QUORVEXTRANSNEFTEMASH"
    lists = _lists(listed, "AKTSIONERNOE OBSHCHESTVO VELMARSK")
    query = _cut(listed)  # "... QUORVEXTRANSNE": a word no list writes
    assert cut_completions(lists, prepare_name(query)) == [
        lists.vocab[fold_key("quorvextransneftemash")]]
    top = match_query(lists, Query(query, "Company"))[0]
    assert top.entity_id == "e0" and top.match and top.score >= 0.95


@pytest.mark.parametrize(
    "query",
    [
        "AKTSIONERNOE OBSHCHESTVO QUORVEXTRA",  # 35 characters, but a word on two names
        "AKTSIONERNOE OBSHCHESTVO QUORVEXTRANSNE",  # 39: no field's width
        "AKTSIONERNOE OBSHCHESTVO VELMARSK QU",  # "qu": too short to complete
    ],
)
def test_a_cut_word_is_completed_only_at_a_width_and_from_few_words(query: str) -> None:
    lists = _lists(*[f"QUORVEXTRA{a}{b}NEFT" for a in "BDGKLMP" for b in "AEIOU"],
                   "QUORVEXTRANSNEFTEMASH")  # 36 words start with QUORVEXTRA
    assert cut_completions(lists, prepare_name(query)) == []


@pytest.mark.parametrize(
    ("listed", "query"),
    [
        ("QUORVEX VELMARSK SPEDITIONS GMBH", "QUORVEX VELMARSK SPEDITIONS GM"),  # 30
        ("QUORVEX ULUSLARARASI ENERJI MALDREK ANONIM SIRKETI",
         "QUORVEX ULUSLARARASI ENERJI MALDREK ANON"),  # 40
    ],
)
def test_a_legal_form_cut_short_after_the_name_is_unseen(listed: str, query: str) -> None:
    lists = _lists(listed)
    top = match_query(lists, Query(query, "Company"))[0]
    assert top.match and top.score >= 0.95, top.explanation


def test_a_cut_word_is_the_listed_word_after_the_one_before_it() -> None:
    # "... OF THE CHECHEN R": REPUBLIC, after CHECHEN, not the shorter RUSSIAN later
    listed = ("quorvex", "district", "of", "the", "chechen", "republic", "branch", "of",
              "the", "russian", "federation")
    query = ("quorvex", "district", "of", "the", "chechen", "r")
    text = "QUORVEX DISTRICT OF THE CHECHEN R"
    wide = text.replace("QUORVEX", "QUORVEXA ")  # 35 characters
    assert len(wide) == 35
    assert cut_word(wide, query, (False,) * 6, listed, (False,) * 11) == "republic"


def test_the_bound_knows_a_cut_name() -> None:
    # (on main: the bound charged the listed words after the cut and never read the cut
    # word as the listed word it starts, below the score of these comparisons)
    names = [*LONG, "QUORVEX VELMARSK SPEDITIONS GMBH",
             "PUBLIC JOINT STOCK COMPANY VYBORG SHIPYARD"]
    lists = _lists(*names)
    queries = [Query(_cut(n), "Company") for n in LONG]
    queries += [Query("QUORVEX VELMARSK SPEDITIONS GM", "Company"),
                Query("PUBLIC JOINT STOCK COMPANY VYBORG S", "Company")]
    checked = 0
    for q_text, c_text, score, ceiling in _bounded(lists, queries, ScoringConfig()):
        assert ceiling >= score - 1e-12, (q_text, c_text, score, ceiling)
        checked += score >= 0.95
    assert checked >= len(queries)


def test_the_explanation_shows_a_cut_form_as_written() -> None:
    # (on main: "co~co", the form read, not the word the query wrote)
    lists = _lists("QUORVEX OIL COMPANY")
    top = match_query(lists, Query("Quorvex Oil Comp", "Company"))[0]
    assert top.match and "comp (co)~co" in top.explanation, top.explanation
    plain = match_query(lists, Query("Quorvex Oil Co", "Company"))[0]
    assert "co~co" in plain.explanation and "(co)" not in plain.explanation


@pytest.mark.parametrize(
    "query",
    [
        "Velmarski ministry of defense",  # 29 characters
        "Velmarskiy ministry of defense",  # 30
        "Quorvexgrad regional ministry of defense",  # 40
    ],
)
def test_a_name_that_starts_otherwise_is_no_cut_of_a_longer_one(query: str) -> None:
    # (a field's width; a first word no listed name's: the longer listed names that start
    # "MINISTRY OF DEFENSE" are not lifted by the words after DEFENSE)
    lists = _lists("MINISTRY OF DEFENSE LOGISTICS EXPORT", "MINISTRY OF DEFENSE")
    scores = {r.entity_id: r.score for r in match_query(lists, Query(query, "Company"))}
    assert scores.get("e0", 0.0) < scores["e1"], (query, scores)


def test_a_whole_form_with_its_stop_is_no_cut_word() -> None:
    # "... Co." (29 characters) ends in a stop: a form written whole, not COMPLEX cut short
    lists = _lists("QUORVEX AVIATION INDUSTRY COMPLEX", "QUORVEX AVIATION INDUSTRY")
    query = "quorvex aviation industry Co."
    assert len(query) == 29
    top = match_query(lists, Query(query, "Company"))[0]
    assert top.entity_id == "e1", top.explanation


def test_a_name_read_without_its_country_is_no_cut_name() -> None:
    # the name as given is 44 characters, no field's width: read without its country it
    # is 29 ("... SURVEYS"), and that reading is no name a field cut, so the listed words
    # after it count as left out ("north korea" is no "south korea")
    lists = _lists("QUORVEX BUREAU OF SEA SURVEYS OF NORTH KOREA")
    top = match_query(lists, Query("Quorvex Bureau of Sea Surveys of South Korea", "Company"))[0]
    assert not top.match, top.explanation
    # as given, a name of that width is read as cut
    assert match_query(lists, Query("Quorvex Bureau of Sea Surveys", "Company"))[0].match
