"""The words books write a branch's country or region in (`territory_words`), as shipped in
`resources/countries.yml`."""

from clearance.match.territory_words import build_endonyms, build_regions, build_short_forms
from clearance.resources import load_resource


def test_the_shipped_branch_words_are_what_their_sources_give() -> None:
    # regenerate with `python benchmarks/make_resources.py countries`
    table = load_resource("countries")
    assert table["short_forms"] == build_short_forms()
    assert table["endonyms"] == build_endonyms()
    assert table["regions"] == build_regions()


def test_short_forms_are_acronyms_of_the_country_s_name_dotted_or_not() -> None:
    forms = build_short_forms()
    assert forms["uk"] == forms["u k"] == "gb"
    assert forms["usa"] == forms["u s a"] == forms["us"] == "us"
    assert forms["prc"] == "cn"
    assert "car" not in forms  # an English word


def test_own_names_come_from_the_country_s_languages_and_leave_out_ordinary_words() -> None:
    own = build_endonyms()
    assert own["deutschland"] == "de" and own["espana"] == "es" and own["polska"] == "pl"
    assert own["rossiya"] == "ru" and own["zhongguo"] == "cn"
    assert "island" not in own  # Iceland's Ísland: an ordinary word of places
    assert "mann" not in own  # the Isle of Man's: a name people bear
    assert "germany" not in own  # the English table holds it


def test_regions_are_cldr_s_and_the_business_ones_but_the_world() -> None:
    regions = build_regions()
    assert {"europe", "asia", "latin america", "apac", "emea", "middle east"} <= set(regions)
    assert "world" not in regions and "united nations" not in regions
