"""Places in organisation names: one side's place is a weak qualifier, two places conflict."""

import re

import pytest

from clearance.match import places
from clearance.match.compare import compare_names
from clearance.match.engine import match_query
from clearance.match.places import country_at, is_place, place_at, zh_places
from clearance.match.prepare import ORG, PERSON, prepare_name
from clearance.match.score import Query
from clearance.match.text import normalize
from tests.match.lists import list_index


def flat(folded: str, legal: bool) -> float:
    return 0.1 if legal else 1.0


@pytest.mark.parametrize(
    ("token", "place"),
    [
        ("zhejiang", True),  # a province (ISO 3166-2)
        ("shenzhen", True),  # a prefecture-level city (GeoNames)
        ("hong", True),  # a word of a multi-word place whose words are all long ("hong kong")
        ("new", False),  # "new york": a short word of a multi-word place is an ordinary word
        ("technology", False),
    ],
)
def test_gazetteer_marks_place_tokens(token: str, place: bool) -> None:
    assert is_place(token) is place


def test_chinese_script_places_romanise_as_one_word() -> None:
    # issue 11: 浙江大华技术股份有限公司 must read "zhejiang dahua ...", not "zhe jiang"
    assert zh_places()["浙江省"] == "zhejiang"
    assert normalize("杭州市某某")[0] == "hangzhou"


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # a registered name carries its place, the listed short name does not (issue 11)
        ("Ningbo Sunrise Optics Co., Ltd.", "Sunrise Optics"),
        ("Sunrise Optics", "Chengdu Sunrise Optics Company Limited"),
    ],
)
def test_place_only_one_side_gives_is_a_weak_qualifier(query: str, listed: str) -> None:
    with_place = compare_names(prepare_name(query, ORG), prepare_name(listed, ORG), flat,
                               cand_extra_penalty=0.6)
    # the same name with an ordinary made-up word where the place stands
    query, listed = (re.sub("Ningbo|Chengdu", "Norvex", t) for t in (query, listed))
    as_word = compare_names(prepare_name(query, ORG), prepare_name(listed, ORG), flat,
                            cand_extra_penalty=0.6)
    assert with_place.score >= 0.8 > as_word.score


def test_two_different_places_are_evidence_against() -> None:
    same = compare_names(prepare_name("Xiamen Sunrise Optics", ORG),
                         prepare_name("Sunrise Optics", ORG), flat, cand_extra_penalty=0.6)
    other = compare_names(prepare_name("Xiamen Sunrise Optics", ORG),
                          prepare_name("Harbin Sunrise Optics", ORG), flat,
                          cand_extra_penalty=0.6)
    assert other.score < 0.8 <= same.score


def test_people_have_no_places() -> None:
    # "Harbin" as a person's name token is a name, not a qualifier to discount
    comp = compare_names(prepare_name("Harbin Wang", PERSON), prepare_name("WANG, Li", PERSON),
                         flat, cand_extra_penalty=0.15, initials=True)
    assert comp.score < 0.6


def test_a_place_left_out_is_weak_only_beside_a_name_that_agrees() -> None:
    # a misspelt word and a place only the list gives are two differences, not one
    exact = compare_names(prepare_name("Sunrise Optics", ORG),
                          prepare_name("Chengdu Sunrise Optics", ORG), flat,
                          cand_extra_penalty=0.6)
    misspelt = compare_names(prepare_name("Sunrize Optiks", ORG),
                             prepare_name("Chengdu Sunrise Optics", ORG), flat,
                             cand_extra_penalty=0.6)
    as_word = compare_names(prepare_name("Sunrize Optiks", ORG),
                            prepare_name("Chengdu Sunrise Optics", ORG), flat,
                            cand_extra_penalty=0.6, place_penalty=0.6)
    assert exact.score >= 0.8
    # the place costs what any word only the list gives costs
    assert misspelt.score == pytest.approx(as_word.score)
    assert "chengdu" in misspelt.unmatched_candidate


def _org_score(query: str, listed: str) -> float:
    return compare_names(prepare_name(query, ORG), prepare_name(listed, ORG), flat,
                         cand_extra_penalty=0.6).score


def test_a_country_only_the_query_gives_is_a_weak_qualifier() -> None:
    # "Aeroflot - Russian Airlines" scored 0.78 against PJSC AEROFLOT: the country's
    # adjective cost as any word the list lacks
    assert is_place("russian") and is_place("iran")
    assert _org_score("Sunrise Optics - Russian", "Sunrise Optics") >= 0.9


def test_a_country_only_the_list_gives_names_another_company() -> None:
    # a company named after its country is that country's company: "Banco Santander" is
    # not BANCO SANTANDER MEXICO
    assert (_org_score("Sunrise Optics", "Sunrise Optics Mexico")
            == _org_score("Sunrise Optics", "Sunrise Optics Velmar") < 0.8)


def test_two_countries_conflict_a_country_and_a_city_do_not() -> None:
    assert (_org_score("Iranian Sunrise Optics", "Syrian Sunrise Optics")
            == _org_score("Beijing Sunrise Optics", "Shanghai Sunrise Optics")
            < _org_score("Beijing Sunrise Optics", "China Sunrise Optics"))


@pytest.mark.parametrize(
    ("name", "at", "place"),
    [
        ("dongbang north korean bank", 1, True),  # "North Korean": one country, read whole
        ("dongbang north korean bank", 2, True),
        ("kestrel trading united arab emirates", 3, True),
        ("north dongbang bank", 0, False),  # "north" alone is an ordinary word
        ("united kestrel trading", 0, False),
        ("dongbang korean north bank", 2, False),  # not where the country's words stand
    ],
)
def test_a_country_named_in_several_words_is_a_place_where_they_stand_together(
        name: str, at: int, place: bool) -> None:
    assert place_at(tuple(name.split()), at) is place


def test_a_two_word_country_adjective_only_the_query_gives_is_a_weak_qualifier() -> None:
    # session 22: "Dongbang - North Korean Bank" scored 0.603 against the listed name
    # without them: "north" cost as a distinctive word the list lacks
    assert _org_score("Dongbang - North Korean Optics", "Dongbang Optics") >= 0.9
    assert _org_score("Velmar South Sudanese Optics", "Velmar Optics") >= 0.9
    assert _org_score("North Dongbang Optics", "Dongbang Optics") < 0.8


@pytest.mark.parametrize(("word", "country"), [("korea", True), ("congo", True),
                                               ("man", False)])  # (of "isle of man")
def test_the_short_form_an_official_name_ends_in_is_a_country_word(word: str,
                                                                   country: bool) -> None:
    # "Republic of Korea", "Democratic Republic of the Congo": the table has no name of one
    # word for either, and "korea" alone was an ordinary word
    assert country_at((word, "sunrise", "optics"), 0) is country


def test_a_countrys_short_form_qualifies_as_its_name_does() -> None:
    assert _org_score("Sunrise Optics Korea", "Sunrise Optics") >= 0.9
    assert _org_score("Korea Sunrise Optics", "Syria Sunrise Optics") < 0.8


@pytest.mark.parametrize(
    ("name", "at", "place"),
    [
        ("east azerbaijan sunrise optics", 0, True),  # a province, not Azerbaijan
        ("upper egypt sunrise optics", 0, True),
        ("east sunrise optics", 0, False),  # "east" alone is an ordinary word
        ("sunrise optics east", 2, False),
    ],
)
def test_a_word_of_direction_before_a_place_is_a_word_of_that_place(
        name: str, at: int, place: bool) -> None:
    assert place_at(tuple(name.split()), at) is place


def _compass_score(query: str, listed: str) -> float:
    """An organisations' score where words of direction weigh as generic words (0.25)."""
    def weight(folded: str, legal: bool) -> float:
        return 0.1 if legal else 0.25 if folded in ("east", "west") else 1.0

    return compare_names(prepare_name(query, ORG), prepare_name(listed, ORG), weight,
                         cand_extra_penalty=0.6).score


def test_two_places_a_word_of_direction_tells_apart_conflict() -> None:
    # "East Azerbaijan" and "West Azerbaijan" are two provinces: "east" and "west" cost as
    # two generic words each side lacks, little beside the agreeing "azerbaijan" (0.805)
    assert _compass_score("East Azerbaijan Sunrise Optics",
                          "West Azerbaijan Sunrise Optics") < 0.8
    assert _compass_score("East Azerbaijan Sunrise Optics", "Azerbaijan Sunrise Optics") >= 0.8


def test_a_word_of_direction_weighs_by_its_rarity_as_north_and_south_do() -> None:
    # east and west were generic words, weighing 0.25 at most: "West China Research
    # Institute" alerted on EAST CHINA RESEARCH INSTITUTE, another party
    index = list_index("EAST CHINA KESTREL INSTITUTE", "VELMAR TRADING LLC", "NORDWIND GMBH",
                       schema="Company")
    found = match_query(index, Query("West China Kestrel Institute", "Company"), limit=3)
    assert not [r for r in found if r.match]
    found = match_query(index, Query("East China Kestrel Institute", "Company"), limit=3)
    assert [r.name for r in found if r.match] == ["EAST CHINA KESTREL INSTITUTE"]


@pytest.mark.parametrize("token", [
    "moskva",  # Russia's federal city in its romanisation (ISO 3166-2:RU)
    "peterburg",  # ... Sankt-Peterburg's words, each long
    "hongkong",  # a region of several words run together, as registered names write it
])
def test_registered_spellings_of_places_are_places(token: str) -> None:
    assert is_place(token)


def test_a_city_mark_is_a_place_only_before_one() -> None:
    # issue 11: "OOO «X» g. Moskva", the seat after the name as Russian addresses write it
    assert place_at(["ooo", "orion", "g", "moskva"], 2)
    assert not place_at(["g", "orion", "shipping"], 0)  # elsewhere an initial


def test_a_russian_seat_after_the_name_is_a_place() -> None:
    index = list_index("JOINT STOCK COMPANY ORION SHIPYARD", "VEGA SHIPPING", "NORDIC STEEL",
                       "KESTREL RESEARCH INSTITUTE", schema="Organization")
    for text in ("OOO «Orion Shipyard» g. Moskva", 'AO "Orion Shipyard", g. Sankt-Peterburg'):
        found = [r.source_id for r in match_query(index, Query(text, "Organization"))
                 if r.match]
        assert found == ["s0"], text


def test_hong_kong_before_the_name_leaves_the_listed_name_a_candidate() -> None:
    # issue 11: "Hong Kong X Co., Ltd." lost X LIMITED among the lists' HONG KONG names
    others = [f"HONG KONG {w} LIMITED" for w in (
        "ORCHID", "LOTUS", "PEONY", "JASMINE", "MAGNOLIA", "CAMELLIA", "AZALEA", "IRIS",
        "TULIP", "VIOLET", "LILAC", "DAHLIA", "ASTER", "POPPY", "HOLLY", "MAPLE", "CEDAR",
        "WILLOW", "BIRCH", "ALDER", "ASPEN", "LAUREL", "MYRTLE", "HAZEL", "ROWAN")]
    index = list_index("KESTRELTEK LIMITED", *others, schema="Organization")
    for text in ("Hong Kong Kestreltek Co., Ltd.", "Hongkong Kestreltek Co., Ltd."):
        found = [r.source_id for r in match_query(index, Query(text, "Company")) if r.match]
        assert found == ["s0"], text


def test_saint_petersburg_in_any_spelling_leaves_the_listed_name_a_candidate() -> None:
    # issue 11: 'AO "X", g. Sankt-Peterburg' lost X's listed name among the lists' names of
    # SANKT-PETERBURG and ST. PETERSBURG (their words were rare list words)
    others = [f"{w} {place}" for w in (
        "ORCHID", "LOTUS", "PEONY", "JASMINE", "MAGNOLIA", "CAMELLIA", "AZALEA", "IRIS",
        "TULIP", "VIOLET", "LILAC", "DAHLIA", "ASTER") for place in (
        "SANKT-PETERBURG", "ST. PETERSBURG")]
    index = list_index("VELTRON BANK", *others, schema="Organization")
    for text in ('AO "Veltron Bank", g. Sankt-Peterburg', "Veltron Bank, St. Petersburg",
                 "Veltron Bank Saint Petersburg", 'OOO «Veltron Bank» g. Moskva'):
        found = [r.source_id for r in match_query(index, Query(text, "Organization"))
                 if r.match]
        assert found == ["s0"], text


def test_saint_petersburg_is_a_place_in_english_too() -> None:
    assert is_place("petersburg") and is_place("peterburg") and is_place("sankt")


def test_a_name_s_place_words_are_kept_once_read_and_are_those_place_at_finds() -> None:
    # made-up names; "east" before a place and "st" of a place of several words count
    for text in ("Quorvelt Shipping Beijing Branch", "East Azerbaijan Zantrix Tiles",
                 "Vellmor Trading St Petersburg", "Brimwell Holdings"):
        tokens = prepare_name(text, ORG).tokens
        places._PLACE_BITS.pop(tokens, None)
        expected = sum(1 << j for j in range(len(tokens)) if place_at(tokens, j))
        assert places.place_bits(tokens) == expected
        assert places._PLACE_BITS[tokens] == expected  # kept
        assert places.place_bits(tokens) == expected  # and answered from the memo
    long_name = tuple(f"w{k}" for k in range(places.PLACE_BITS_WORDS + 1))
    assert places.place_bits(long_name) == 0 and long_name not in places._PLACE_BITS


def test_a_rare_city_left_out_costs_as_a_common_one() -> None:
    # a register's city is the company's seat, however rarely the lists write it: against
    # a listed short name, "Chaoyang X" (a city no listed name holds) costs what "Beijing
    # X" does (made-up DARVELTEK; BEIJING is a listed word, CHAOYANG is not)
    index = list_index("DARVELTEK", "BEIJING KESTREL TRADING CO", "BEIJING ORION LTD",
                       "BEIJING VEGA SHIPPING", schema="Organization")
    scores = {text: max(r.score for r in match_query(index, Query(text, "Company")))
              for text in ("Chaoyang Darveltek Co., Ltd.", "Beijing Darveltek Co., Ltd.")}
    # (BEIJING weighs below the generic words' cap here: a hair cheaper)
    assert scores["Chaoyang Darveltek Co., Ltd."] == pytest.approx(
        scores["Beijing Darveltek Co., Ltd."], abs=0.002)
    assert [r.source_id for r in match_query(index, Query("Chaoyang Darveltek Co., Ltd.",
                                                          "Company")) if r.match] == ["s0"]


def test_a_city_the_query_gives_where_the_list_names_another_word_costs_as_a_word() -> None:
    # "Sevastopol X Port" is not the listed TORVIK X PORT: the query's city stands where
    # the listed name has a distinctive word of its own (made-up TORVIK, no place the
    # tables know): the company of another town, not the listed one's seat
    index = list_index("TORVIK MERCHANT SEA PORT", "KESTREL SEA SHIPPING", "VEGA PORT LTD",
                       "ORION MERCHANT BANK", schema="Organization")
    def best(text: str) -> float:
        return max(r.score for r in match_query(index, Query(text, "Company")))

    # as the company's seat beside the whole listed name, the city costs a hair; where it
    # stands for the listed name's own word it costs as a place does, several times more
    as_seat = best("Torvik Merchant Sea Port") - best("Sevastopol Torvik Merchant Sea Port")
    instead = best("Merchant Sea Port") - best("Sevastopol Merchant Sea Port")
    assert instead > 3 * as_seat and best("Sevastopol Merchant Sea Port") < 0.8


def test_a_rare_city_beside_generic_words_alone_still_costs_as_a_word() -> None:
    # a place left out is weak only beside a distinctive word that agrees: "Chaoyang
    # Trading Co." is not every listed TRADING CO.
    index = list_index("GENERAL TRADING CO", "VEGA SHIPPING", schema="Organization")
    assert not [r for r in match_query(index, Query("Chaoyang Trading Co., Ltd.", "Company"))
                if r.match]


def test_a_seat_in_sankt_peterburg_after_its_city_mark_is_a_place() -> None:
    tokens = prepare_name('AO "Orion", g. Sankt-Peterburg', ORG).tokens
    assert [place_at(tokens, j) for j in range(len(tokens))][-3:] == [True, True, True]


def test_a_city_before_a_listed_name_of_generic_words_alone_costs_as_a_place() -> None:
    # a listed name whose every word agrees but its legal form, generic words all: the
    # register's city before it is the company's seat, as before a distinctive word
    # ("Tianjin X Co., Ltd." alerts on X LTD. as "X Co., Ltd." does)
    index = list_index("GLOBAL TRADING AND ENGINEERING SUPPLY LTD.", "VEGA SHIPPING",
                       "GLOBAL VEGA TRADING", "ORION ENGINEERING SUPPLY",
                       schema="Organization")
    for text in ("Global Trading and Engineering Supply Co., Ltd.",
                 "Tianjin Global Trading and Engineering Supply Co., Ltd."):
        assert [r.source_id for r in match_query(index, Query(text, "Company"))
                if r.match] == ["s0"], text


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("uk", True), ("usa", True), ("prc", True),  # short forms (rigour's acronyms)
        ("deutschland", True), ("espana", True), ("rossiya", True),  # own names (CLDR, rigour)
        ("europe", True), ("emea", True), ("apac", True),  # regions
        ("island", False),  # Iceland's own name is an ordinary word of places
        ("nordic", False),  # as often a company's own word as its region
    ],
)
def test_a_branch_s_short_form_own_name_or_region_is_a_country_word(word: str,
                                                                    country: bool) -> None:
    assert country_at(("sunrise", word, "optics"), 1) is country


@pytest.mark.parametrize(("name", "at"), [("velmar asia pacific ltd", 1),
                                          ("velmar asia pacific ltd", 2),
                                          ("velmar middle east fze", 2),
                                          ("velmar u s a inc", 1)])
def test_a_region_or_dotted_short_form_of_several_words_is_a_place_where_they_stand_together(
        name: str, at: int) -> None:
    assert place_at(tuple(name.split()), at)
    assert not place_at(("middle", "velmar", "east"), 0)


@pytest.mark.parametrize("query", ["Darveltek UK Limited", "Darveltek Deutschland GmbH",
                                   "Darveltek Europe B.V.", "Darveltek Australia Pty Ltd",
                                   "Darveltek Asia Pacific Pte. Ltd."])
def test_a_country_or_region_beside_a_legal_form_is_a_branch_s_weak_qualifier(
        query: str) -> None:
    # a listed company's subsidiary registers its name with the country it serves and that
    # country's form: the country cost as much as the name read without it (0.47-0.79)
    index = list_index("DARVELTEK", "BEIJING KESTREL TRADING CO", "VEGA SHIPPING LTD",
                       "ORION EUROPE GMBH", "ORION UK LIMITED", schema="Organization")
    scores = {r.source_id: r for r in match_query(index, Query(query, "Company"))}
    assert scores["s0"].match
    # as a city does ("Beijing Darveltek Co., Ltd.")
    city = max(r.score for r in match_query(index, Query("Beijing Darveltek Ltd", "Company")))
    assert scores["s0"].score >= city - 0.03


def test_a_country_without_a_legal_form_keeps_its_word_s_weight() -> None:
    # a state body's name stating its country is read without it for that country's
    # parties (`countries`), not discounted as a branch's: no legal form, no branch
    assert _org_score("Sunrise Optics Deutschland", "Sunrise Optics") == pytest.approx(
        _org_score("Sunrise Optics Germany", "Sunrise Optics"))
    assert (_org_score("Darveltek Deutschland", "Darveltek")
            < _org_score("Darveltek Deutschland GmbH", "Darveltek"))


def test_a_branch_s_country_against_another_listed_country_still_conflicts() -> None:
    assert _org_score("Sunrise Optics Deutschland GmbH", "Sunrise Optics Polska") < 0.8


@pytest.mark.parametrize(("name", "branch"), [
    ("velmar uk ltd", True), ("velmar asia pacific pte ltd", True),
    ("velmar deutschland gmbh", True),
    ("velmar uk", False),  # no legal form
    ("uk ltd", False),  # no word of its own
    ("uk velmar ltd", False),  # the country before the name
])
def test_a_branch_s_name_is_its_own_words_a_country_and_a_legal_form(name: str,
                                                                       branch: bool) -> None:
    name_ = prepare_name(name, ORG)
    assert places.branch_country(name_.tokens, name_.legal) is branch
