"""Preparing people's names: particles by role, roles of listed names, Han person names."""

import pytest

from clearance.match.prepare import GIVEN, HEAD, MIDDLE, PERSON, SURNAME, name_roles, prepare_name


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("Osama bin Laden", (False, True, False)),  # a particle between two names
        ("XU, Bin", (False, False)),  # issue 11: here "Bin" is the given name
        ("Ben Miller", (False, False)),  # "ben" only between two names
        ("Ali ben Salah", (False, True, False)),
        ("Dr Ahmad Zaki", (True, False, False)),  # a title before a name
        ("امام رضا", (True, False)),  # Imam: its first vowel written on an alef
        ("يمام حداد", (False, False)),  # Yamam: an initial ي is the consonant y, no Imam
        ("ابو هشام", (True, False)),  # Abu
        ("SHAYKH ZAID HARBI", (True, False, False)),  # OFAC's spelling of Sheikh, a title
        # after the article a title is a family name, as the comparison reads it
        ("AL-SHAYKH, Zaid", (True, False, False)),
        ("AL-SHEIKH, Zaid", (True, False, False)),
        # a particle ending the given names of an inverted name stands before the surname
        ("HASAN, Karim bin", (False, False, True)),
        ("SALAH, Karim Ben", (False, False, True)),
        ("WARD, Abu", (False, False)),  # one given word: left as it was
    ],
)
def test_particles_are_role_words_only_in_their_place(text: str, flags: tuple[bool, ...]
                                                      ) -> None:
    assert prepare_name(text, PERSON).legal == flags


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("RUIZ SOLER, Marta Elena", (SURNAME, SURNAME, GIVEN, MIDDLE)),
        ("HUANG, Wang-gen", (SURNAME, GIVEN, GIVEN)),  # a hyphenated given name is one name
        ("MARTA ELENA RUIZ", (GIVEN, MIDDLE, SURNAME)),  # no comma: given name first
        ("AL-TIKRITI, Saddam Hussein", (MIDDLE, MIDDLE, GIVEN, MIDDLE)),  # nisba
        ("Madonna", ()),
    ],
)
def test_name_roles(text: str, roles: tuple[int, ...]) -> None:
    assert name_roles(text) == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # "Abd al-" is no name alone: its head is no given name of its own
        ("QARSHI, Abdul Wahid", (SURNAME, HEAD, MIDDLE)),
        ("NASSIF, Abd al-Karim Yusuf", (SURNAME, HEAD, MIDDLE, MIDDLE, MIDDLE)),
        ("NASSIF, Abdel-Karim Yusuf", (SURNAME, HEAD, GIVEN, MIDDLE)),
        ("QARSHI, Hajji Abdul Wahid", (SURNAME, GIVEN, HEAD, MIDDLE)),  # after a title
        ("Abdul Wahid Qarshi", (HEAD, MIDDLE, SURNAME)),
        # no second half: the head is the name as written
        ("QARSHI, Abdul", (SURNAME, GIVEN)),
        ("Abdul Qarshi", (GIVEN, SURNAME)),
        # a head in the surname, or not first among the given names: as before
        ("ABDUL WAHID, Karim", (SURNAME, SURNAME, GIVEN)),
        ("QARSHI, Karim Abdul Wahid", (SURNAME, GIVEN, MIDDLE, MIDDLE)),
    ],
)
def test_an_arabic_compound_given_names_head_is_no_given_name_alone(
        text: str, roles: tuple[int, ...]) -> None:
    assert name_roles(text) == roles


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("陈海东", ("chen", "haidong")),  # issue 11: never "Chen Dong"
        ("王伟", ("wang", "wei")),
        ("欧阳海东", ("ouyang", "haidong")),  # four characters: a two-character surname
    ],
)
def test_han_person_names_keep_the_given_name_whole(text: str, tokens: tuple[str, ...]) -> None:
    assert prepare_name(text, PERSON).tokens == tokens


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("AL-MANSOUR, Tariq", (0, 0, 1)),  # the hyphen makes two tokens of one word
        ("Yong-Chol PAK", (0, 0, 1)),
        ("Tariq Mansour", (0, 1)),
        ("Nasr 'Abd-al-Latif", (0, 1, 1, 1)),
    ],
)
def test_written_words_say_which_word_each_token_comes_from(text: str,
                                                            words: tuple[int, ...]) -> None:
    from clearance.match.prepare import written_words

    assert written_words(text, prepare_name(text, PERSON).tokens) == words


def test_written_words_read_past_a_canonicalised_legal_form() -> None:
    from clearance.match.prepare import ORG, written_words

    # OOO becomes "llc", S.A. DE C.V. one token "sadecv": words of their own
    for text, words in (("ALFA-SIB OOO", (0, 0, -3)), ("OOO ALFA-SIB", (-1, 1, 1)),
                        ("ALFA-SIB, S.A. DE C.V.", (0, 0, -3))):
        assert written_words(text, prepare_name(text, ORG).tokens) == words


def test_written_words_give_up_when_tokens_are_not_the_words_tokenised() -> None:
    from clearance.match.prepare import written_words

    # a Han person name is surname + given name syllables, not the text's words
    name = prepare_name("陈海东", PERSON)
    assert written_words(name.text, name.tokens) == ()


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # a word written with a first ain is a name whose romanised letters spell "al"
        # (the given name Ala / Ola) or "abw"; only the written article ال is the article
        ("علا Hasan", (False, False)),
        ("علا جعفر", (False, False)),
        ("حسن علا-حسين", (False, False, False)),  # (a hyphen's part of a word)
        ("عبو حسن", (False, False)),
        ("عبدالكريم حسن", (False, True, False, False)),  # (the article inside the word)
        ("על כהן", (False, False)),  # (Hebrew's ayin)
        ("العلي احمد", (True, False, False)),  # the article, attached
        ("ال علي احمد", (True, False, False)),  # and written apart
        ("آل سعود", (True, False)),
        ("أبو عمر", (True, False)),  # the kunya's Abu, written with an alef
    ],
)
def test_an_abjad_word_is_a_particle_only_as_written(text: str, flags: tuple[bool, ...]) -> None:
    assert prepare_name(text, PERSON).legal == flags


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("Darren Voskuil Jr.", (False, False, True)),
        ("VOSKUIL JR., Darren Pell", (False, True, False, False)),  # OFAC writes it so
        ("VOSKUIL, JR., Darren", (False, True, False)),
        ("Darren Voskuil, Sr.", (False, False, True)),  # the comma sets it apart
        ("Tiago Ferraz Moura Filho", (False, False, False, True)),
        ("Darren Voskuil III", (False, False, True)),
        ("Junior Ferraz", (False, False)),  # a name's first word is a name
        ("FERRAZ, Junior", (False, False)),  # so is the given name after the comma
    ],
)
def test_a_generational_suffix_is_a_role_word_after_a_name(text: str, flags: tuple[bool, ...]
                                                          ) -> None:
    # on main every one of them was a name word: "Darren Voskuil" lost a word to "Jr."
    assert prepare_name(text, PERSON).legal == flags


def test_a_comma_before_a_generational_suffix_does_not_invert_the_name() -> None:
    # on main "Darren Voskuil, Sr." read as surname DARREN VOSKUIL, given name SR
    assert name_roles("Darren Voskuil, Sr.") == (GIVEN, SURNAME, SURNAME)
    assert name_roles("Darren Pell Voskuil III") == (GIVEN, MIDDLE, SURNAME, SURNAME)
    assert name_roles("VOSKUIL, JR., Darren") == (SURNAME, SURNAME, GIVEN)
    assert name_roles("FERRAZ, Junior") == (SURNAME, GIVEN)
