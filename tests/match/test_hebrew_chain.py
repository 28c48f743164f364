"""A name in Hebrew letters is read as a nasab chain only where it holds an Arab name's
particle (`compare.nasab_chain`): Israel's registers write Jewish names as given name(s)
and a family name, so a middle name only the query gives is a name of its own."""

from clearance.match.compare import NameComparison, nasab_chain
from tests.match.lists import compare_people

#: the given names common, the family names rarer
_WEIGHTS = {"shwlh": 0.7, "shwleh": 0.7, "sholh": 0.7, "khyym": 0.55, "kheim": 0.55,
            "abrhm": 0.6, "abrahim": 0.6, "ibrahim": 0.6}


def _weigh(folded: str, legal: bool) -> float:
    return 0.05 if legal else _WEIGHTS.get(folded, 1.0)


def _compare(query: str, listed: str) -> NameComparison:
    return compare_people(query, listed, _weigh)


def test_a_hebrew_name_without_an_arab_particle_is_no_chain() -> None:
    assert not nasab_chain("שולה חיים אברהם", ("shwlh", "khyym", "abrhm"))
    assert not nasab_chain("משה כהן", ("mshh", "khn"))


def test_a_hebrew_name_with_an_arab_particle_is_a_chain() -> None:
    assert nasab_chain("אחמד בן עלי", ("akhmd", "bn", "aly"))
    assert nasab_chain("אבו עלי חסן", ("abw", "aly", "khsn"))


def test_an_arabic_script_name_is_a_chain() -> None:
    assert nasab_chain("محمد طاهر حامد", ("mhmd", "thr", "hamd"))


def test_a_hebrew_middle_name_only_the_query_gives_costs_as_a_name() -> None:
    # the same three names, once in Hebrew letters and once in Arabic letters with the
    # particle: the Hebrew name's middle name is its own, the chain's a link left out
    hebrew = _compare("שולה חיים אברהם", "IBRAHIM, Sholeh").score
    chain = _compare("שולה בן חיים אברהם", "IBRAHIM, Sholeh").score
    assert hebrew < chain
