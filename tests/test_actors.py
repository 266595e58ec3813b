"""Actor normalisation to ACLED-style names, and the user's own actor file."""

from __future__ import annotations

import json

import pytest

from frontwire.events.actors import ActorDataError, load_actors, normalize_actor

FSB = "Police Forces of Russia (2000-) Federal Security Service"


@pytest.fixture(autouse=True)
def no_user_files(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))


@pytest.mark.parametrize(("words", "name", "inter"), [
    ("Russian forces", "Military Forces of Russia (2000-)", 1),
    ("the Russian Defence Ministry", "Military Forces of Russia (2000-)", 1),
    ("Russian Volunteer Corps", "Russian Volunteer Corps", 2),
    ("Freedom of Russia Legion", "Freedom of Russia Legion", 2),
    ("The Russian Freedom Corps militia", "Freedom of Russia Legion", 2),
    ("Russia's Freedom Corps", "Freedom of Russia Legion", 2),
    ("Ukrainian military intelligence",
     "Military Forces of Ukraine (2019-) Military Intelligence Directorate", 1),
    ("Ukraine's armed forces", "Military Forces of Ukraine (2019-)", 1),
    ("Russia's Federal Security Service", FSB, 1),
    ("FSB officers", FSB, 1),
    ("Syrian troops", "Military Forces of Syria (2000-)", 1),
    ("Kenyan police", "Police Forces of Kenya (2022-)", 1),
])
def test_named_and_national_actors(words, name, inter):
    actor = normalize_actor(words)
    assert (actor.name, actor.inter) == (name, inter)
    assert words[actor.start:actor.end] == actor.text


@pytest.mark.parametrize(("words", "country", "name", "inter"), [
    ("hundreds of protesters", "Georgia", "Protesters (Georgia)", 6),
    ("a mob", "India", "Rioters (India)", 5),
    ("three civilians", "Ukraine", "Civilians (Ukraine)", 7),
    ("unidentified gunmen", "Mexico", "Unidentified Armed Group (Mexico)", 3),
    ("riot police", "France", "Police Forces of France (2017-)", 1),
    ("demonstrators", None, "Protesters", 6),
])
def test_generic_actors_take_the_event_country(words, country, name, inter):
    actor = normalize_actor(words, country)
    assert (actor.name, actor.inter) == (name, inter)


def test_acronyms_match_only_in_capitals():
    assert normalize_actor("let us go").inter == 0
    assert normalize_actor("the PDF said").name == "PDF: People's Defense Force"


def test_find_lists_actors_left_to_right_with_offsets():
    text = "Russian troops clashed with fighters of the Russian Volunteer Corps near Tyotkino."
    found = load_actors().find(text, offset=100, country="Russia")
    assert [m.name for m in found] == ["Military Forces of Russia (2000-)",
                                       "Russian Volunteer Corps"]
    assert text[found[1].start - 100:found[1].end - 100] == "Russian Volunteer Corps"


def test_user_actor_file_extends_the_dictionary(tmp_path):
    folder = tmp_path / "frontwire"
    folder.mkdir()
    (folder / "events-actors.json").write_text(json.dumps({"actors": [
        {"name": "Kraken Regiment", "inter": 1, "aliases": ["Kraken unit", "Kraken"]}]}))
    assert normalize_actor("the Kraken unit").name == "Kraken Regiment"
    assert normalize_actor("Russian forces").name == "Military Forces of Russia (2000-)"


def test_bad_user_actor_file_is_a_clear_error(tmp_path):
    folder = tmp_path / "frontwire"
    folder.mkdir()
    (folder / "events-actors.json").write_text(json.dumps({"actors": [{"inter": 1}]}))
    with pytest.raises(ActorDataError, match="needs 'name' and 'inter'"):
        load_actors()


@pytest.mark.parametrize(("words", "country", "when", "name"), [
    # The government in office at the event date names the state forces, open-ended.
    ("soldiers", "Nigeria", "2022-03-01", "Military Forces of Nigeria (2015-)"),
    ("soldiers", "Nigeria", "2023-06-10", "Military Forces of Nigeria (2023-)"),
    ("police officers", "Brazil", "2022-08-30", "Police Forces of Brazil (2019-)"),
    ("troops", "Philippines", "2023-02-01", "Military Forces of the Philippines (2022-)"),
    ("protesters", "Philippines", "2023-02-01", "Protesters (Philippines)"),
    ("military police", "Brazil", "2022-05-04",
     "Military Forces of Brazil (2019-) Military Police"),
])
def test_state_forces_take_the_period_of_the_event_date(words, country, when, name):
    assert normalize_actor(words, country, when).name == name


@pytest.mark.parametrize(("words", "country", "name", "inter"), [
    ("Zamfara militiamen", "Nigeria", "Zamfara Communal Militia (Nigeria)", 4),
    ("an unidentified communal militia", "South Sudan",
     "Unidentified Communal Militia (South Sudan)", 4),
    ("Islamist militia", "Mozambique", "Islamist Militia (Mozambique)", 3),
    ("Bani Hushaish tribesmen", "Yemen", "Bani Hushaish Tribal Militia (Yemen)", 4),
    ("pro-Hadi forces", "Yemen", "Military Forces of Yemen (2012-)", 1),
])
def test_militias_named_after_their_place_or_people(words, country, name, inter):
    actor = normalize_actor(words, country, "2022-05-01")
    assert (actor.name, actor.inter) == (name, inter)


def test_named_group_followed_by_a_generic_word_is_one_actor():
    found = load_actors().find("Presumed JNIM militants burned the town hall.", 0,
                               "Burkina Faso")
    assert [m.name for m in found] == ["JNIM: Group for Support of Islam and Muslims"]


def test_country_named_in_the_text_when_no_place_resolved():
    actors = load_actors()
    assert actors.country_in_text("Hundreds marched in Colombo, Sri Lanka, over fuel "
                                  "shortages; Sri Lanka's police watched.") == "Sri Lanka"
    assert actors.country_in_text("Lebanese army units deployed overnight.") == "Lebanon"
    assert actors.country_in_text("Nobody was hurt.") is None
    assert actors.country_name("Hong Kong") == "China"


def test_country_conventions_for_unnamed_perpetrators():
    actors = load_actors()
    drugs = "A man was shot dead by two gunmen; police linked the killing to drug dealing."
    assert actors.unidentified_name("Mexico", drugs) == "Unidentified Gang (Mexico)"
    assert actors.unidentified_name("Mexico", "A man was shot dead by two gunmen.") is None
    assert (actors.unidentified_name("Brazil", "A man was killed in a drive-by shooting.")
            == "Unidentified Gang and/or Police Militia")
    assert actors.unidentified_name("Kenya", drugs) is None
