"""Particles of European names written in Arabic script read as the Latin particles they
write (`hebrew.read_particles`, with `resources/abjad_particles.yml`)."""

from clearance.match.hebrew import read_particles
from clearance.match.prepare import PERSON, prepare_name
from clearance.match.score import DEFAULT_THRESHOLD
from tests.match.lists import compare_people


def _weigh(folded: str, legal: bool) -> float:
    return 0.1 if legal else 0.7


def test_an_arabic_script_particle_reads_as_the_latin_particle() -> None:
    assert read_particles("أوتو فون بسمارك") == "أوتو von بسمارك"
    assert read_particles("جان دي لا فونتين") == "جان de la فونتين"
    # Persian's yeh and its own spelling (دو for DE)
    assert read_particles("شارل دی گل") == read_particles("شارل دو گل") == "شارل de گل"
    name = prepare_name("أوتو فون بسمارك", PERSON)
    assert name.tokens[1] == "von" and name.legal[1]


def test_a_word_that_only_holds_a_particle_is_not_read_as_one() -> None:
    # a particle inside a word is no particle; دير (a monastery, دير الزور) is no DER
    assert read_particles("فونتين") == "فونتين"
    assert read_particles("دوہرا") == "دوہرا"  # (Urdu's heh, a letter of its own block)
    assert read_particles("دو\u200cستی") == "دو\u200cستی"  # (one word, a non-joiner inside)
    assert read_particles("يوهان فُون غوته") == "يوهان von غوته"  # (its vowel marks written)
    assert read_particles("دير الزور") == "دير الزور"
    assert read_particles("Otto von Bismarck") == "Otto von Bismarck"


def test_an_arabic_script_particle_pairs_with_the_listed_particle() -> None:
    result = compare_people("أوتو فون بسمارك", "Otto von Bismarck", _weigh)
    assert any(p.query == "von" and p.candidate == "von" for p in result.pairs)
    assert not result.unmatched_query
    assert result.score >= DEFAULT_THRESHOLD


def test_a_chinese_surname_written_as_a_particles_letters_stays_a_name() -> None:
    # فان, وان and دو are the Chinese surnames Fan, Wan and Du as well as VAN and DE: first
    # in a name they are its surname, which pairs with the listed one
    assert read_particles("فان يانغ") == "فان يانغ"
    assert read_particles("وان ييفان") == "وان ييفان"
    assert read_particles("دو يورونغ") == "دو يورونغ"
    result = compare_people("فان يانغ", "FAN, Yang", _weigh)
    assert {(p.query, p.candidate) for p in result.pairs} >= {("fn", "fan"), ("yngh", "yang")}
    assert result.score >= DEFAULT_THRESHOLD


def test_a_particle_is_read_only_between_two_names() -> None:
    assert read_particles("فنسنت فان غوخ") == "فنسنت van غوخ"
    assert read_particles("لودویگ وان بتهوون") == "لودویگ van بتهوون"
    assert read_particles("غوته فون") == "غوته فون"  # (last: no particle of a name after it)
    van = compare_people("فنسنت فان غوخ", "Vincent van Gogh", _weigh)
    assert ("van", "van") in {(p.query, p.candidate) for p in van.pairs}
    assert van.score >= DEFAULT_THRESHOLD


def test_a_name_whose_letters_read_as_the_article_is_a_name_of_its_own() -> None:
    # علا (Ala, Ola) romanises "al": it is a given name, not the article, so a one-word
    # listed name is not the two-word name (issue 11) and the listed article is not it;
    # the same name listed in Latin letters is found
    from clearance.match.engine import match_query
    from clearance.match.score import Query
    from tests.match.lists import list_index

    index = list_index("HASSAN", "DJAFFAR", "AL-HUSAYNI, Ja'far", "ALI, Hassan",
                       "HASAN, Ala", "OLA JAFAR")
    alerts = {q: {r.entity_id for r in match_query(index, Query(q, "Person"), limit=5)
                  if r.match}
              for q in ("علا Hasan", "علا جعفر", "علا الحسن", "علا حسن")}
    assert alerts == {"علا Hasan": {"e4"}, "علا جعفر": {"e5"}, "علا الحسن": set(),
                      "علا حسن": {"e4"}}
