"""Place detection without a locative cue: towns named as the topic or subject of a post."""

from __future__ import annotations

import pytest

from frontwire.geo import Geoparser
from frontwire.model import Document, Report
from frontwire.nlp import annotate

SHEBEKINO = "495112"


def _places(text: str, nlp) -> list[tuple[str, str]]:
    report = annotate(Report(document=Document(id="t", text=text), text=text), nlp(text))
    return [(p.text, p.country_code) for p in Geoparser()(report).places]


@pytest.mark.parametrize("post", [
    # A governor's post whose only place is the town it is about.
    "A hard night for Shebekino again. Two people were wounded when shells hit a "
    "block of flats, and an ambulance took them to hospital.",
    # The town as the subject of the sentence, after another place set the country.
    "Shelling continued across the Belgorod region. Shebekino came under fire twice "
    "before dawn and a school was damaged.",
])
def test_town_named_without_locative_cue(post: str, spacy_nlp) -> None:
    assert ("Shebekino", "RU") in _places(post, spacy_nlp)


def test_listed_villages_after_a_place_noun(spacy_nlp) -> None:
    text = ("Drones attacked the Belgorod region overnight. In the villages of Nikolskoye "
            "and Novaya Tavolzhanka, roofs and windows of several houses were damaged.")
    found = _places(text, spacy_nlp)
    assert ("Nikolskoye", "RU") in found and ("Novaya Tavolzhanka", "RU") in found


def test_country_context_needs_a_cue(spacy_nlp) -> None:
    # "Sudzha" after a preposition in a report about Russia's Kursk region is the town.
    text = ("Fighting went on in the Kursk region on Friday. The governor gave an update "
            "on Sudzha, where power was cut after the shelling.")
    assert ("Sudzha", "RU") in _places(text, spacy_nlp)


@pytest.mark.parametrize("text, word", [
    ("Officials in Ohio said the Department of Commerce would review the plant.", "Commerce"),
    ("Families in Dayton, Ohio, gathered for Christmas at the shelter.", "Christmas"),
    ("Police in Toledo, Ohio, said the driver was Ashley Moore. Ashley told reporters "
     "she saw nothing.", "Ashley"),
])
def test_words_and_people_named_like_towns_stay_out(text: str, word: str, spacy_nlp) -> None:
    assert all(surface != word for surface, _ in _places(text, spacy_nlp))


def _event_place(text: str, sentence: str, nlp):
    from frontwire.geo import event_location

    report = annotate(Report(document=Document(id="t", text=text), text=text), nlp(text))
    report = Geoparser()(report)
    start = text.index(sentence)
    return event_location(report, start, start + len(sentence))


def test_event_takes_the_nearest_earlier_sentence_of_its_paragraph(spacy_nlp) -> None:
    text = ("Kharkiv was quiet overnight, officials in Kharkiv said.\n\n"
            "In the afternoon a guided bomb hit the village of Lyptsi. The blast was heard "
            "for miles. Rescuers worked through the evening. Two civilians were killed and "
            "a house was destroyed.")
    place, geo, _ = _event_place(text, "Two civilians were killed", spacy_nlp)
    assert place is not None and place.name == "Lyptsi" and geo == 2


def test_event_takes_the_headline_place_of_a_post(spacy_nlp) -> None:
    text = ("Another hard day for Shebekino.\n\n"
            "Shelling by the Ukrainian armed forces went on all afternoon. Sirens sounded "
            "again and again. One man was killed and three people were wounded.\n\n"
            "We continue to evacuate residents to temporary accommodation in Belgorod. "
            "Buses leave for Belgorod every hour.")
    place, geo, _ = _event_place(text, "One man was killed", spacy_nlp)
    assert place is not None and place.geonameid == SHEBEKINO and geo == 2


@pytest.mark.parametrize("text, name", [
    ("Ukrainian troops advanced towards the village of Hlushkove in the Kursk region.",
     "Glushkovo"),
    ("Drones struck a substation near Hraivoron, the Belgorod governor said.", "Grayvoron"),
])
def test_ukrainian_spelling_of_a_russian_village(text: str, name: str, spacy_nlp) -> None:
    report = annotate(Report(document=Document(id="t", text=text), text=text), spacy_nlp(text))
    places = Geoparser()(report).places
    assert any(p.name == name and p.country_code == "RU" for p in places), places


@pytest.mark.parametrize("text, village", [
    ("Ukrainian forces pushed into the village of Robotyne in the Zaporizhzhia region.",
     "Robotyne"),
    ("Heavy fighting was reported near Klishchiivka, south of Bakhmut in the Donetsk region.",
     "Klishchiivka"),
])
def test_missing_village_is_not_guessed_into_another_region(text: str, village: str,
                                                            spacy_nlp) -> None:
    # Small front-line villages the gazetteer lacks must not become look-alike villages
    # hundreds of kilometres away; the named region still places the report.
    report = annotate(Report(document=Document(id="t", text=text), text=text), spacy_nlp(text))
    places = Geoparser()(report).places
    assert all(p.text != village for p in places)
    assert any(p.feature == "adm1" and p.country_code == "UA" for p in places)


def test_fallback_prefers_a_town_to_a_country_in_between(spacy_nlp) -> None:
    text = ("Russian troops attacked near Vovchansk at dawn, the General Staff said. "
            "The assault group was pushed back to the territory of Russia.\n\n"
            "Artillery then struck the attackers' vehicles as they withdrew.")
    place, geo, _ = _event_place(text, "Artillery then struck", spacy_nlp)
    assert place is not None and place.name == "Vovchansk" and geo == 2


def test_an_institution_named_after_a_country_is_not_the_country(spacy_nlp) -> None:
    text = ("Doctors at the Saudi Hospital in El Fasher said 18 people had died, while the "
            "Turkish Embassy in Khartoum closed its doors.")
    places = _places(text, spacy_nlp)
    assert ("El Fasher", "SD") in places and ("Khartoum", "SD") in places
    assert {cc for _, cc in places} == {"SD"}  # neither Saudi Arabia nor Turkey


def test_dateline_and_a_spot_in_a_town_beat_the_war_the_crowd_remembers(spacy_nlp) -> None:
    sentence = ("NAIROBI - About two hundred South Sudanese students gathered outside the "
                "UN compound in Gigiri, Nairobi, on Sunday to mark ten years since the start "
                "of the war in South Sudan.")
    text = sentence + " They read out the names of relatives killed in Juba, Malakal and Bor."
    place, geo, _ = _event_place(text, sentence, spacy_nlp)
    assert place is not None and place.name == "Nairobi" and geo == 1


def test_the_object_of_an_attack_verb_is_a_place(spacy_nlp) -> None:
    text = ("The Russian army is shelling Tyotkino with artillery at this very moment, the "
            "volunteers wrote.")
    assert ("Tyotkino", "RU") in _places(text, spacy_nlp)


def test_a_front_sector_named_after_a_city_is_not_the_scene(spacy_nlp) -> None:
    sentence = ("In the Belgorod direction, near Kozinka, our column came under heavy "
                "artillery fire.")
    place, _, _ = _event_place(sentence, sentence, spacy_nlp)
    assert place is not None and place.name == "Kozinka"


@pytest.mark.parametrize("text, word, place", [
    ("Ukrainian forces fired Neptune anti-ship missiles at the Moskva, the flagship of "
     "Russia's Black Sea Fleet, officials in Odesa said.", "Neptune", "Odesa"),
    ("Russian troops pounded the city of Kharkiv with Grad rockets overnight, the regional "
     "governor said.", "Grad", "Kharkiv"),
    ("A Grad multiple rocket launcher fired on Nikopol from across the Dnipro.", "Grad",
     "Nikopol"),
])
def test_weapons_named_like_towns_are_not_places(text: str, word: str, place: str,
                                                 spacy_nlp) -> None:  # fmt: skip
    places = _places(text, spacy_nlp)
    assert all(surface != word for surface, _ in places)
    assert (place, "UA") in places  # the story's own places remain


def test_a_weapon_name_with_place_context_is_still_a_place(spacy_nlp) -> None:
    text = "Fighting was reported in Grad, a village near Ljubljana, Slovenia, police said."
    assert ("Grad", "SI") in _places(text, spacy_nlp)


def test_the_dateline_city_does_not_place_an_event_elsewhere(spacy_nlp) -> None:
    text = ("KYIV, Ukraine (AP) — Russian forces shelled a school in the town of Toretsk on "
            "Tuesday, killing two teachers, the regional governor said.")
    place, _, _ = _event_place(text, text, spacy_nlp)
    assert place is not None and place.name == "Toretsk"


def test_the_dateline_places_an_event_when_nothing_else_does(spacy_nlp) -> None:
    text = ("KHARKIV, Ukraine (Reuters) - Air raid sirens sounded and a missile struck an "
            "industrial building on Thursday, officials said.")
    place, _, _ = _event_place(text, text.split(" - ")[1], spacy_nlp)
    assert place is not None and place.name == "Kharkiv"


@pytest.mark.parametrize(("text", "sentence", "name"), [
    # The two capitals blame each other: they are parties, the plant's town is the scene.
    ("Kyiv and Moscow blamed each other on Sunday for new shelling near the nuclear plant "
     "in Enerhodar.", None, "Enerhodar"),
    # "Moscow said": the speaker; the headline names where it happened.
    ("Russia says the last Ukrainian troops in Lysychansk gave up\n\n"
     "Moscow said 300 Ukrainian soldiers had surrendered over the weekend.",
     "Moscow said 300", "Lysychansk"),
    # The accused capital is no scene either: the sentence before places the shelling.
    ("Shells landed near the plant in Enerhodar on Saturday. The Kremlin accused Kyiv of "
     "the shelling, which cut power to the cooling pumps.", "The Kremlin accused", "Enerhodar"),
    # A possessive country passes its locative cue to the town it owns.
    ("Shelling on Ukraine's Kramatorsk wounded two women on Tuesday.", None, "Kramatorsk"),
    # "Russia's defence ministry said": a body of a party, not a place of the event.
    ("Russia's defence ministry said its forces had struck a depot near Kramatorsk.", None,
     "Kramatorsk"),
])
def test_a_place_that_names_a_party_does_not_place_the_event(
        text: str, sentence: str | None, name: str, spacy_nlp) -> None:
    place, _, _ = _event_place(text, sentence or text, spacy_nlp)
    assert place is not None and place.name == name


@pytest.mark.parametrize(("text", "name"), [
    ("Kharkiv was shelled overnight and two people were wounded.", "Kharkiv"),
    ("Residents of Kherson were told to leave after shelling hit the port.", "Kherson"),
])
def test_a_place_as_subject_of_an_event_stays_the_scene(text: str, name: str,
                                                        spacy_nlp) -> None:
    place, _, _ = _event_place(text, text, spacy_nlp)
    assert place is not None and place.name == name


def test_only_parties_named_leave_the_event_unplaced(spacy_nlp) -> None:
    text = "Moscow said 1,900 Ukrainian fighters had surrendered in recent days."
    place, geo, where = _event_place(text, text, spacy_nlp)
    assert place is None and (geo, where) == (3, 6)


def test_a_comparison_is_not_a_scene(spacy_nlp) -> None:
    text = ("Officials warned the situation could become worse than Chernobyl. Shelling "
            "damaged a power line at the Zaporizhzhia nuclear plant on Saturday.")
    place, _, _ = _event_place(text, text.split(". ")[1], spacy_nlp)
    assert place is not None and place.feature == "adm1" and place.admin1.startswith("Zapori")
