"""Hebrew's particles and titles read as the Latin words they write, a Hebrew word's first
consonant and he as two letters, het as a Spanish J too (`clearance.match.hebrew`)."""

import pytest

from clearance.match.compare import NameComparison
from clearance.match.engine import match_query
from clearance.match.hebrew import (
    SPANISH_SOUNDS_MAX,
    Reading,
    misread,
    read_particles,
    silent_he_reading,
    spanish_reading,
    spanish_sounds_readings,
    two_letter_pairs,
)
from clearance.match.prepare import PERSON, prepare_name
from clearance.match.score import DEFAULT_THRESHOLD, Query, ScoringConfig
from tests.match.lists import compare_people, list_index

#: the commonest names weigh as the population bands weigh them, the others as rare words
_COMMON = {"khan", "khn", "abrhm", "ibrahim", "avraham", "cohen"}


def _weigh(folded: str, legal: bool) -> float:
    return 0.05 if legal else 0.3 if folded in _COMMON else 1.0


def _compare(query: str, listed: str) -> NameComparison:
    return compare_people(query, listed, _weigh)


def test_a_hebrew_particle_reads_as_the_latin_particle() -> None:
    name = prepare_name("פרנץ פון רוזנברג", PERSON)
    assert name.tokens == ("frnts", "von", "rwznbrg")  # (pe: p or f, `test_abjad`)
    assert name.legal == (False, True, False)
    assert prepare_name("יאן ואן דר מרווה", PERSON).tokens[1:3] == ("van", "der")
    assert read_particles("ז'אן דה לה פונטן") == "ז'אן de le פונטן"


def test_a_title_with_its_geresh_typed_either_way_reads_as_the_title() -> None:
    assert read_particles("שייח׳ עומר") == read_particles("שייח' עומר") == "sheikh עומר"
    assert read_particles('ד"ר שמעון') == "dr שמעון"


def test_a_hebrew_particle_first_or_last_in_a_name_is_a_name() -> None:
    # a particle stands between two names; a title before one
    assert read_particles("דה גול") == "דה גול"
    assert read_particles("שארל דה") == "שארל דה"
    assert read_particles("שארל דה גול") == "שארל de גול"
    assert read_particles("ד\"ר שמעון") == "dr שמעון"
    assert read_particles("שמעון ד\"ר") == 'שמעון ד"ר'


def test_a_hebrew_word_that_is_a_name_is_not_read_as_a_particle() -> None:
    # דן is Dan, not DEN; a particle inside a word is no particle (ודה: "and De")
    assert read_particles("דן שטרן") == "דן שטרן"
    assert read_particles("ודה שטרן") == "ודה שטרן"
    assert read_particles("Hans von Rosenberg") == "Hans von Rosenberg"


def test_a_hebrew_particle_pairs_with_the_listed_particle() -> None:
    result = _compare("פרנץ פון רוזנברג", "Franz von Rosenberg")
    assert any(p.query == "von" and p.candidate == "von" for p in result.pairs)
    assert result.score >= DEFAULT_THRESHOLD


def test_a_hebrew_title_pairs_with_the_listed_title() -> None:
    result = _compare("שייח' עומר ברזאני", "BARZANI, Shaykh Umar")
    assert any(p.query == "sheikh" and p.candidate == "shaykh" for p in result.pairs)
    assert not result.unmatched_query


def test_a_first_consonant_and_he_are_two_letters() -> None:
    assert two_letter_pairs("אברהם כהן") == frozenset({"khn"})
    assert two_letter_pairs("יוסי דהן") == frozenset({"dhn"})
    assert not two_letter_pairs("משה חנה")  # ח is one letter; a final he is a vowel
    assert misread("khan") and misread("han") and misread("din")
    assert not misread("cohen") and not misread("kahn") and not misread("dahan")


def test_cohen_in_hebrew_is_not_khan() -> None:
    # כהן "khn" spells KHAN only with its kaf and he read as one letter, ח
    assert _compare("אברהם כהן", "KHAN, Haji Ibrahim").score < DEFAULT_THRESHOLD
    assert _compare("אברהם כהן", "Avraham Cohen").score >= DEFAULT_THRESHOLD
    khan = _compare("אברהם חאן", "KHAN, Haji Ibrahim")
    assert khan.score >= DEFAULT_THRESHOLD


def test_het_and_samekh_are_also_read_as_a_spanish_j_and_z() -> None:
    assert spanish_reading("חוסה דה חסוס") == "ג'וצה דה ג'צוצ"
    assert spanish_reading("ח'אלד משעל") is None  # (ח' is an Arabic name's kh)
    assert spanish_reading("משה לוי") is None
    # a word of two romanised letters keeps its samekh (it would pair at 0.9, not 0.75)
    assert spanish_reading("יואל סלע") is None


def test_a_name_israelis_bear_as_written_keeps_its_het_and_samekh() -> None:
    # יצחק, חיים, סבג are names of the population data as Hebrew writes them: no Spanish
    # name, so not screened a second time; a Spanish word beside one is read alone
    assert spanish_reading("יצחק חיים סבג") is None
    assert spanish_reading("חיים לופס") == "חיים לופצ"


def test_a_spanish_name_in_hebrew_letters_alerts_on_the_listed_person() -> None:
    index = list_index("MEJIA ARANGO, Jorge Enrique", "GONZALEZ LOPEZ, Luis", "Ali Hassan")
    for text, source in (("חורחה אנריקה מחיה ארנגו", "s0"), ("לואיס גונסאלס לופס", "s1")):
        results = match_query(index, Query(text, "Person"), ScoringConfig(), limit=5)
        assert results and results[0].source_id == source and results[0].match


def test_a_biblical_name_is_also_read_without_the_he_latin_leaves_out() -> None:
    # יהונתן Yehonatan is JONATHAN, אהרן Aharon AARON: the he after a word's first yod or
    # alef is no letter of the English and German names; inside a word it is kept
    assert silent_he_reading("יהונתן גולד") == "יונתן גולד"
    assert silent_he_reading("אהרן שטרן") == "ארן שטרן"
    assert silent_he_reading("משה כהן") is None
    assert silent_he_reading("יה") is None  # (two letters: no name left)
    index = list_index("GOLD, Jonathan", "STERN, Aaron", "KHAN, Haji Ibrahim")
    for text, source in (("יהונתן גולד", "s0"), ("אהרן שטרן", "s1")):
        results = match_query(index, Query(text, "Person"), ScoringConfig(), limit=5)
        assert results and results[0].source_id == source and results[0].match


def test_kha_is_also_read_as_a_spanish_j_in_arabic_script() -> None:
    # Arabic and Persian write a Spanish J (and G before e, i) with kha
    assert spanish_reading("خوان مارتينيث") == "جوان مارتينيث"
    assert spanish_reading("خيراردو") == "جيراردو"


def test_sin_is_also_read_as_a_spanish_z_in_arabic_script() -> None:
    # Arabic writes Z and the C before e, i as س: read as ت س, "ts", which spells them
    assert spanish_reading("إيفان بيريس") == "إيفان بيريتس"
    assert spanish_reading("مونيكا غونساليس") == "مونيكا غونتساليتس"
    assert spanish_reading("محمد سليمان") is None  # names borne as written
    assert spanish_reading("صالح طاهر") is None  # Arabic's own letters
    # كس is the X (FELIX): its sin stays
    assert spanish_reading("خافيير فيليكس") == "جافيير فيليكس"
    # Persian writes Z with ز (لوپز LOPEZ): a name written in Persian keeps its sin as s
    assert spanish_reading("پارسا الوندی") is None
    assert spanish_reading("خوان کارلوس سانتوس") == "جوان کارلوس سانتوس"


def test_an_arabic_kha_stays_where_the_word_is_arabic_or_a_name_borne_as_written() -> None:
    assert spanish_reading("خالد الخطيب") is None  # a population name; the article
    assert spanish_reading("خديجة") is None  # ta marbuta: an Arabic word
    assert spanish_reading("سعيد خلفان") is None


def test_a_spanish_name_in_arabic_letters_alerts_on_the_listed_person() -> None:
    index = list_index("MEJIA ARANGO, Jorge Enrique", "GUERRA, Juan Pablo", "KHALIL, Ali",
                       "VELAZQUEZ MORENO, Rosa Elvira")
    for text, source in (("خورخي إنريكي ميخيا أرانغو", "s0"), ("خوان بابلو غيرا", "s1"),
                         ("روسا إلفيرا فيلاسكيس مورينو", "s3")):
        results = match_query(index, Query(text, "Person"), ScoringConfig(), limit=5)
        assert results and results[0].source_id == source and results[0].match
    results = match_query(index, Query("علي خليل", "Person"), ScoringConfig(), limit=5)
    assert results and results[0].source_id == "s2" and results[0].match


def test_a_spanish_name_s_ll_and_silent_h_are_read_in_arabic_script() -> None:
    # a run of yehs is a vowel and LL: three, a vowel, LL and a vowel (GUILLERMO); two
    # after a consonant, a vowel and LL (CASTILLO); after an alef, LL and a vowel
    # (BALLESTEROS); then also each first alef after an unwritten H (HUMBERTO, and ALBA's
    # alef too: no letter tells them apart). Kha and sin as `spanish_reading` reads them.
    # Then each word its own way (`test_each_word_of_a_spanish_name_takes_its_own_reading`)
    assert spanish_sounds_readings("غيييرمو كاستييو") == ["غيليرمو كاتستيلو", "غيليرمو كاتستييو",
                                                        "غيييرمو كاتستيلو"]
    assert spanish_sounds_readings("ألبا باييستيروس") == ["ألبا باليتستيروتس",
                                                        "هلبا باليتستيروتس"]
    assert spanish_sounds_readings("أومبيرتو سانتوس") == ["هومبيرتو تسانتوتس"]
    # only in a name read as Spanish (a kha or sin read so), and only its words that are
    # no Arabic word or name borne as written
    assert spanish_sounds_readings("أحمد أمين") == []
    assert spanish_sounds_readings("محمد سليمان") == []
    assert spanish_sounds_readings("خوان مارتينيث") == []  # nothing more to read
    assert spanish_sounds_readings("חוסה לופס") == []  # (Hebrew: not this reading)


def test_a_spanish_name_s_ll_and_silent_h_alert_on_the_listed_person() -> None:
    index = list_index("CASTILLO HIDALGO, Guillermo", "BALLESTEROS, Humberto")
    for text, source in (("غيييرمو كاستييو إيدالغو", "s0"), ("أومبيرتو باييستيروس", "s1")):
        results = match_query(index, Query(text, "Person"), ScoringConfig(), limit=5)
        assert results and results[0].source_id == source and results[0].match, results[:1]


def test_each_word_of_a_spanish_name_takes_its_own_reading() -> None:
    # a vowel-led given name beside a surname whose H Arabic leaves out (ALFONSO HURTADO):
    # the H of the surname alone; a Spanish diphthong's yehs (DANIEL) beside an LL
    # (VILLALOBOS): the LL of the surname alone
    assert "ألفونتسو هورتادو" in spanish_sounds_readings("ألفونسو أورتادو")
    assert "دانييل فيلالوبوتس" in spanish_sounds_readings("دانييل فييالوبوس")
    assert "جوليو ميتسا كاتسترو" in spanish_sounds_readings("خوليو ميسا كاسترو")
    # at most SPANISH_SOUNDS_MAX readings, each differing from the others and the first
    many = spanish_sounds_readings("إغناسيو أورتادو إرنانديس أوروسكو إسبينوسا فيياريال")
    assert len(many) == SPANISH_SOUNDS_MAX == len(set(many))


def test_each_word_of_a_spanish_name_reads_its_own_way_to_the_listed_person() -> None:
    # (a reading whose letters differ is screened though its fold is another's: دانيلل
    # "dnyll" folds as دانييل "dnyyl" does, and only the letters fit DANIEL or VILLALOBOS)
    # a word that is a name people bear as written (ميسا "mys") read as Spanish beside
    # the Spanish ones (MEZA)
    index = list_index("HURTADO, Alfonso", "VILLALOBOS, Daniel", "MEZA CASTRO, Julio")
    for text, source in (("ألفونسو أورتادو", "s0"), ("دانييل فييالوبوس", "s1"),
                         ("خوليو ميسا كاسترو", "s2")):
        results = match_query(index, Query(text, "Person"), ScoringConfig(), limit=5)
        assert results and results[0].source_id == source and results[0].match, results[:1]


@pytest.mark.parametrize(
    ("typed", "listed", "how"),
    [
        ("خوان لوبيس", "LOPEZ, Juan", "as a Spanish name"),  # read as جوان لوبيتس
        ("חוסה לופס", "LOPEZ, Jose", "as a Spanish name"),  # read as ג'וסה לופצ
        ("אהרן", "AARON", "with the he after its first letter silent"),  # read as ארן
    ],
)
def test_a_reading_is_explained_by_the_typed_name_and_how_it_was_read(
        typed: str, listed: str, how: str) -> None:
    import pickle

    results = match_query(list_index(listed), Query(typed, "Person"), ScoringConfig(), limit=1)
    assert results and results[0].match
    detail = results[0].features[0].detail
    assert detail.startswith(f"{typed!r} read {how} ~ "), detail
    reading = prepare_name(spanish_reading(typed) or silent_he_reading(typed) or "", PERSON).text
    assert isinstance(reading, Reading) and reading.typed == typed
    assert pickle.loads(pickle.dumps(reading)).typed == typed  # (a worker's copy keeps it)


def test_a_yod_and_he_are_silent_only_before_gods_name_waw() -> None:
    # Yeho-, Yehu- (יהודה JUDAH, יהושע JOSHUA) lose their he in English; a modern name's
    # yod and he are its consonants: יהלי Yahli is not read ילי, ELI
    assert silent_he_reading("יהודה לוי") == "יודה לוי"
    assert silent_he_reading("יהלי כהן") is None
    assert silent_he_reading("יהב") is None
    index = list_index("COHEN, Eli")
    results = match_query(index, Query("יהלי כהן", "Person"), ScoringConfig(), limit=1)
    assert not (results and results[0].match), results[:1]


def test_a_spanish_particle_reads_a_name_without_kha_or_sin_as_spanish() -> None:
    # DEL VALLE, DE LA ... GALLARDO (own names): no kha, no sin; the particle between two
    # words is the name's Spanish sign, and its LL is read
    assert "رودريغو بوينتي ديل فالي" in spanish_sounds_readings("رودريغو بوينتي ديل فايي")
    assert "ماريو دي لا توري غالاردو" in spanish_sounds_readings("ماريو دي لا توري غاياردو")
    # a particle's letters first or last in a name are no sign (دي ... a name of its own)
    assert spanish_sounds_readings("دي غاياردو") == []
    assert spanish_sounds_readings("غاياردو دي") == []
    # an Arabic name with neither sign: nothing read
    assert spanish_sounds_readings("مريم عبد الله") == []


def test_a_spanish_name_read_by_its_particle_alerts_on_the_listed_person() -> None:
    index = list_index("PUENTE DEL VALLE, Rodrigo", "TORRE GALLARDO, Mario")
    for text, source in (("رودريغو بوينتي ديل فايي", "s0"), ("ماريو توري دي لا غاياردو", "s1")):
        results = match_query(index, Query(text, "Person"), ScoringConfig(), limit=5)
        assert results and results[0].source_id == source and results[0].match, results[:1]


def test_a_kunya_written_after_an_inverted_listed_name_pairs_with_the_written_one() -> None:
    # "HAMDAN, Abu" (own name) is Abu Hamdan: the list writes the kunya after the comma,
    # where `prepare` leaves a lone given word a name ("XU, Bin"); a query in Arabic or
    # Hebrew script writes the particle as the particle
    index = list_index("HAMDAN, Abu", "XU, Bin")
    for text in ("أبو حمدان", "אבו חמדאן"):
        results = match_query(index, Query(text, "Person"), ScoringConfig(), limit=5)
        assert results and results[0].source_id == "s0" and results[0].match, results[:1]
    # a name more beside the kunya: the particles pair as before (none), as a Latin query's
    # extra name keeps ABU HAMDAN ZIAD below the threshold
    assert not any(r.match for r in match_query(index, Query("أبو حمدان زياد", "Person"),
                                                ScoringConfig(), limit=5))
    # the name alone is still no match of the kunya's owner
    assert not any(r.match for r in match_query(index, Query("حمدان", "Person"),
                                                ScoringConfig(), limit=5))
