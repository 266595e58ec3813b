"""Event coding on hand-written conflict reporting (issue 6)."""

from __future__ import annotations

import pytest

from frontwire.events import EventCoder, classify
from frontwire.events import coder as coder_mod
from frontwire.events.fatalities import count_fatalities, quantities
from frontwire.events.numbers import parse_count
from frontwire.events.taxonomy import SUB_TO_TYPE, disorder_type_of
from frontwire.model import ASSERTS, DENIES, Claim, Document, Place, Report, Timestamp

COUNTRY_OF = {"Kharkiv": "Ukraine", "Belgorod": "Russia", "Tyotkino": "Russia",
              "Tbilisi": "Georgia", "Kherson": "Ukraine", "Vovchansk": "Ukraine",
              "Culiacan": "Mexico", "Gusau": "Nigeria", "Maiduguri": "Nigeria",
              "Kalemie": "Democratic Republic of Congo"}


def _fake_location(report: Report, start: int, end: int):
    """Stands in for frontwire.geo.event_location: first known town in the span."""
    for name, country in COUNTRY_OF.items():
        at = report.text.find(name, start, end)
        if at >= 0:
            place = Place(at, at + len(name), name, name=name, country=country, feature="city",
                          geonameid=name)
            return place, 1, 1
    return None, 3, 6


def _fake_date(report: Report, start: int, end: int, trigger: tuple[int, int] | None = None
               ) -> dict:
    text = report.text[start:end].lower()
    if "last summer" in text:
        return {"date_start": "2023-06-01", "date_end": "2023-08-31", "time_precision": 3,
                "date_prec": 4, "date_text": "last summer"}
    return {"date_start": report.dct, "date_end": report.dct, "time_precision": 1,
            "date_prec": 1, "date_text": ""}


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    """No user model or actor file from the machine; geo and time stand-ins."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(coder_mod, "locator",
                        lambda report: lambda start, end: _fake_location(report, start, end))
    monkeypatch.setattr(coder_mod, "date_of", _fake_date)


def code(text: str, claims: list[Claim] | None = None) -> Report:
    doc = Document(id="t", text=text, published=Timestamp("2024-03-12"))
    report = Report(document=doc, text=text, claims=claims or [])
    return EventCoder()(report)


def test_shelling_of_kharkiv_with_three_killed():
    report = code("Russian forces shelled residential districts of Kharkiv on Tuesday morning, "
                  "killing three civilians and wounding eleven, the regional governor said.")
    [event] = report.events
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.event_type == "Explosions/Remote violence"
    assert event.disorder_type == "Political violence" and event.plover == "ASSAULT"
    assert event.actor1.name == "Military Forces of Russia (2000-)" and event.actor1.inter == 1
    assert event.actor2.name == "Civilians (Ukraine)" and event.actor2.inter == 7
    assert event.fatalities == 3 and event.fatalities_text == "killing three civilians"
    assert report.text[event.fatalities_start:event.fatalities_end] == event.fatalities_text
    assert event.place.name == "Kharkiv" and event.date_start == "2024-03-12"
    assert event.trigger == report.text[event.trigger_start:event.trigger_end] == "shelled"
    assert event.model == "builtin" and event.id == "e1"


def test_drone_strike_on_belgorod_injures_but_kills_none():
    report = code("A Ukrainian drone strike hit an apartment block in Belgorod overnight, "
                  "injuring two people, regional authorities said.")
    [event] = report.events
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1.name == "Military Forces of Ukraine (2019-)"
    assert event.fatalities == 0
    assert any(q["value"] == 2 and q["unit"] == "people" for q in event.quantities)


def test_tyotkino_incursion_is_a_clash_of_volunteer_militias_with_russian_forces():
    report = code("Fighters of the Russian Volunteer Corps and the Freedom of Russia Legion "
                  "clashed with Russian troops in the village of Tyotkino in the Kursk region "
                  "on Tuesday.")
    [event] = report.events
    assert event.sub_event_type == "Armed clash" and event.event_type == "Battles"
    assert event.actor1.name == "Russian Volunteer Corps"
    assert [a.name for a in event.assoc_actor_1] == ["Freedom of Russia Legion"]
    assert event.actor2.name == "Military Forces of Russia (2000-)"


def test_peaceful_protest_gets_country_protesters():
    report = code("Hundreds of people rallied peacefully in central Tbilisi on Saturday against "
                  "a proposed foreign agents law, waving flags and chanting slogans.")
    [event] = report.events
    assert event.sub_event_type == "Peaceful protest"
    assert event.disorder_type == "Demonstrations" and event.plover == "PROTEST"
    assert event.actor1.name == "Protesters (Georgia)" and event.actor1.inter == 6
    assert event.fatalities == 0


def test_protest_dispersed_with_tear_gas_is_an_intervention():
    report = code("Police fired tear gas and water cannon to disperse thousands of protesters "
                  "who had gathered outside parliament in Tbilisi.")
    [event] = report.events
    assert event.sub_event_type == "Protest with intervention"
    assert event.actor1.name == "Protesters (Georgia)"
    assert event.actor2.name == "Police Forces of Georgia"


def test_protesters_shot_dead_is_excessive_force():
    [(event_type, sub, _)] = classify(["Security forces opened fire with live ammunition on "
                                       "demonstrators in the capital, killing four protesters."])
    assert (event_type, sub) == ("Protests", "Excessive force against protesters")
    assert disorder_type_of(sub) == "Political violence; Demonstrations"


def test_protest_over_a_killing_reports_no_deaths():
    report = code("Residents of Kherson protested on Monday against the killing of two "
                  "teenagers by a drunk driver last week.")
    [event] = report.events
    assert event.sub_event_type == "Peaceful protest" and event.fatalities == 0


def test_arrests():
    report = code("Security services arrested four men in Kherson on suspicion of passing "
                  "coordinates to Russian forces.")
    [event] = report.events
    assert event.sub_event_type == "Arrests"
    assert event.disorder_type == "Strategic developments" and event.plover == "COERCE"


def test_threats_and_plans_are_not_events():
    report = code("The commander vowed to strike the bridge again within days. Officials said "
                  "the army plans to shell the bridgehead if talks fail.")
    assert report.events == []


def test_last_summers_incursion_is_a_background_event():
    report = code("Drones struck an oil depot in Belgorod overnight, the governor said. "
                  "Last summer's incursion into the region by armed groups left several border "
                  "villages damaged.")
    assert [e.background for e in report.events] == [False, True]
    assert report.events[1].sub_event_type == "Armed clash"
    assert report.events[1].date_start == "2023-06-01"


def test_denial_attaches_to_the_event_another_source_asserts():
    first = ("Russian forces shelled the town of Vovchansk overnight, killing two residents, "
             "Ukrainian officials said.")
    second = " The Russian Defence Ministry denied that its troops had shelled the town."
    text = first + second
    claims = [
        Claim(id="c1", content_start=0, content_end=first.index(", Ukrainian"),
              content=first[:first.index(", Ukrainian")], stance=ASSERTS, sentence=0),
        Claim(id="c2", content_start=text.index("its troops"), content_end=len(text) - 1,
              content=text[text.index("its troops"):-1], stance=DENIES, sentence=1),
    ]
    report = code(text, claims)
    [event] = report.events
    assert event.claim_ids == ["c1", "c2"]
    assert claims[0].event_ids == ["e1"] and claims[1].event_ids == ["e1"]
    assert event.fatalities == 2


def test_only_denied_event_is_not_created():
    text = "The ministry denied that its aircraft had bombed the market in Kherson."
    claim = Claim(id="c1", content_start=text.index("its"), content_end=len(text) - 1,
                  content=text[text.index("its"):-1], stance=DENIES)
    report = code(text, [claim])
    assert report.events == [] and claim.event_ids == []


def test_several_events_in_one_report_get_their_own_ids():
    report = code("Gunmen abducted five farmers near a village in Kherson on Sunday. "
                  "In a separate incident, a roadside bomb exploded under a police truck. "
                  "Dozens of students marched through the city to demand lower fees.")
    subs = [e.sub_event_type for e in report.events]
    assert subs == ["Abduction/forced disappearance", "Remote explosive/landmine/IED",
                    "Peaceful protest"]
    assert [e.id for e in report.events] == ["e1", "e2", "e3"]
    assert report.events[0].civilian_targeting is True


def test_one_incident_told_twice_is_one_event():
    report = code("Russian forces shelled Vovchansk overnight, killing two residents. The mayor "
                  "said power was cut. Schools stayed closed. Repairs will take weeks. In "
                  "Vovchansk, the shelling also damaged a hospital, officials said.")
    [event] = report.events
    assert event.id == "e1" and event.fatalities == 2


def test_a_denial_without_its_own_event_joins_the_event_it_denies():
    first = "Gunmen attacked a police checkpoint near Kherson, killing one officer."
    text = first + " The Interior Ministry denied that any attack had taken place."
    at = text.index("any attack")
    claims = [Claim(id="c1", content_start=0, content_end=len(first) - 1,
                    content=first[:-1], stance=ASSERTS),
              Claim(id="c2", content_start=at, content_end=len(text) - 1,
                    content=text[at:-1], stance=DENIES, stance_cue="denied")]
    report = code(text, claims)
    [event] = report.events
    assert event.sub_event_type == "Armed clash" and event.claim_ids == ["c1", "c2"]
    assert claims[1].event_ids == ["e1"]


def test_headline_and_body_are_separate_sentences():
    report = code("Drone strike hits Belgorod\n\nResidents of Kherson held a peaceful rally "
                  "on Sunday to demand the return of prisoners of war.")
    assert [e.sub_event_type for e in report.events] == ["Air/drone strike",
                                                         "Peaceful protest"]
    assert report.events[0].end == len("Drone strike hits Belgorod")


def test_place_comes_from_the_sentence_before_when_the_event_sentence_has_none():
    report = code("The governor said saboteurs tried to enter Tyotkino before dawn. There was "
                  "an exchange of fire, but no breakthrough.")
    [event] = report.events
    assert event.sub_event_type == "Armed clash" and event.place.name == "Tyotkino"
    assert event.actor1.name == "Unidentified Armed Group (Russia)"


@pytest.mark.parametrize(("text", "value"), [
    ("Two soldiers were killed and five wounded.", 2),
    ("Between 1 and 4 fighters were killed in the clash.", 1),
    ("The strike killed a dozen people, including three children.", 12),
    ("Dozens were killed when the market was hit.", 12),
    ("Several people were killed.", 10),
    ("No one was killed, the mayor said.", 0),
    ("About 50 people were injured.", 0),
    ("The death toll rose to 27 on Friday.", 27),
])
def test_conservative_fatalities(text, value):
    assert count_fatalities(text).value == value


def test_counts_that_are_not_deaths_are_quantities():
    text = "There were about 50 people in the unit and two armored vehicles."
    found = {(q["value"], q["unit"]) for q in quantities(text)}
    assert found == {(50, "people"), (2, "vehicles")}


def test_numbers():
    assert parse_count("twenty-one") == 21 and parse_count("1,200") == 1200
    assert parse_count("3-6") == 3 and parse_count("a dozen") == 12


def test_classify_covers_the_taxonomy_and_rejects_bad_input():
    out = classify(["Warplanes bombed a market in the town.", "Troops recaptured the town.",
                    "Nothing of note."])
    assert [o[1] for o in out] == ["Air/drone strike", "Government regains territory", "Other"]
    assert all(sub in SUB_TO_TYPE and SUB_TO_TYPE[sub] == t for t, sub, _ in out)
    assert out[2][2] < 0.2 < out[0][2] <= 1.0
    with pytest.raises(TypeError):
        classify("a single string")  # type: ignore[arg-type]


def test_stage_contract_and_options():
    coder = EventCoder()
    assert coder.name == "events"
    with pytest.raises(ValueError):
        EventCoder(min_confidence=2)


def test_seed_report_finds_the_border_fighting(seed_text):
    doc = Document(id="seed", text=seed_text, published=Timestamp("2024-03-12"))
    report = EventCoder()(Report(document=doc, text=seed_text))
    subs = {e.sub_event_type for e in report.events}
    assert "Armed clash" in subs and "Air/drone strike" in subs
    assert any(e.background for e in report.events)


def test_news_talk_that_is_not_an_event():
    report = code("Officials hope to strike a deal on grain exports next week. Germany has "
                  "delivered more than 100,000 artillery shells to Kyiv this year. Ukraine "
                  "received new Patriot missile systems last month. Riot police were on standby "
                  "in the capital. Analysts say the offensive has stalled.")
    assert report.events == []


def test_destroyed_armored_vehicle_names_both_sides():
    report = code("The Freedom of Russia Legion said its fighters “destroyed” a Russian armored "
                  "vehicle in the village of Tyotkino.")
    [event] = report.events
    assert event.sub_event_type == "Armed clash"
    assert event.actor1.name == "Freedom of Russia Legion"
    assert event.actor2.name == "Military Forces of Russia (2000-)"


@pytest.mark.parametrize(("text", "sub"), [
    ("Government troops retook the town of Bokoro from the rebels on Sunday after two days "
     "of fighting, the army spokesman said.", "Government regains territory"),
    ("Jihadist fighters seized control of the district headquarters at Tin-Akoff after the "
     "garrison came under heavy fire.", "Non-state actor overtakes territory"),
    ("Army units took control of Kamango village after the militia left the area; no clashes "
     "were reported.", "Non-violent transfer of territory"),
    ("Some 60 fighters of the Raia Mutomboki militia surrendered to the army at Shabunda, "
     "handing over 40 rifles.", "Agreement"),
    ("Police opened fire on protesters demanding cheaper fuel in Lodwar, wounding four "
     "demonstrators with live bullets.", "Excessive force against protesters"),
    ("Residents blocked the Kisangani road with burning tyres to denounce repeated power cuts. "
     "[size=no report]", "Violent demonstration"),
    ("Gunmen detained three farmers near Gusau on Monday; their whereabouts remain unknown.",
     "Abduction/forced disappearance"),
    ("Land seizure: On 8 February 2022, soldiers sealed and seized the house of an activist.",
     "Looting/property destruction"),
])
def test_rare_sub_event_types(text, sub):
    assert classify([text])[0][1] == sub


def test_unnamed_gunmen_in_mexico_tied_to_drugs_are_a_gang():
    report = code("Two gunmen on a motorcycle shot dead a shopkeeper in Culiacan on Friday. "
                  "Prosecutors said the killing was linked to drug dealing.")
    event = report.events[0]
    assert event.sub_event_type == "Attack"
    assert event.actor1.name == "Unidentified Gang (Mexico)"
    assert event.actor2.name == "Civilians (Mexico)"


def test_named_militia_and_state_forces_with_their_period():
    report = code("Zamfara militiamen attacked soldiers at a checkpoint near Gusau, killing "
                  "two of them.")
    event = report.events[0]
    assert event.actor1.name == "Zamfara Communal Militia (Nigeria)"
    assert event.actor2.name == "Military Forces of Nigeria (2023-)"  # dated 2024-03-12


def test_supported_by_does_not_make_the_helper_the_attacker():
    report = code("Ukrainian troops, supported by artillery of Russian Volunteer Corps, clashed "
                  "with Russian troops near Tyotkino.")
    assert report.events[0].actor1.name == "Military Forces of Ukraine (2019-)"


def test_country_of_actors_from_the_text_when_no_place_resolves():
    report = code("Protesters rallied outside parliament in the capital of Sri Lanka to demand "
                  "the president's resignation.")
    assert report.events[0].actor1.name == "Protesters (Sri Lanka)"


def test_rioters_named_by_their_own_nationality():
    report = code("Palestinian rioters hurled stones at Israeli police officers near the Damascus "
                  "Gate in Jerusalem on Friday evening.")
    event = report.events[0]
    assert event.event_type == "Riots"
    assert event.actor1.name == "Rioters (Palestine)" and event.actor1.inter == 5


@pytest.mark.parametrize(("text", "sub"), [
    # The weapon decides, not the victims: civilians killed by a mine or a mortar.
    ("Three farmers were killed when their tractor hit a landmine.",
     "Remote explosive/landmine/IED"),
    ("Two civilians were killed by a mortar round that hit their courtyard.",
     "Shelling/artillery/missile attack"),
    # A suicide attacker's car bomb is a suicide bomb; a defused bomb is no explosion.
    ("A suicide attacker drove an explosives-laden truck into the gate of the base.",
     "Suicide bomb"),
    ("Sappers defused a roadside bomb found near the market.", "Disrupted weapons use"),
    ("Doctors treated dozens for gas inhalation after rockets carrying chlorine hit the suburb.",
     "Chemical weapon"),
    ("An angry crowd lynched a man accused of stealing a phone.", "Mob violence"),
    # Who took territory: the actor before the cue, or the loser after "from".
    ("Federal troops took control of the town from the rebels.", "Government regains territory"),
    ("Rebels seized the town from the army on Sunday.", "Non-state actor overtakes territory"),
    ("Troops stormed the rebel-held base and retook it.", "Government regains territory"),
    ("The army took control of the town without a shot being fired after the militia withdrew.",
     "Non-violent transfer of territory"),
    # The reason for an arrest is not the event; the crowd's own verb ends a grievance.
    ("Police arrested two men over the killing of a journalist.", "Arrests"),
    ("Youths protesting the death of a trader torched a police post.", "Violent demonstration"),
    ("Security forces killed three people as they dispersed crowds protesting against the coup.",
     "Excessive force against protesters"),
    ("Rival party supporters fought with machetes after a rally was cancelled; no demonstration "
     "had been called.", "Mob violence"),
    # A kidnapping that ends with a body found is coded as the killing (ACLED).
    ("Gunmen kidnapped a trader whose body was found two days later.", "Attack"),
    ("Authorities imposed a 48-hour curfew in the town after the clashes.",
     "Change to group/activity"),
    ("Fighter jets pounded insurgent hideouts in the hills.", "Air/drone strike"),
    ("The journalist has not been seen since he was taken away by men in plain clothes.",
     "Abduction/forced disappearance"),
    ("The two militias announced their merger into a single movement.",
     "Change to group/activity"),
    ("Insurgents set up a training camp in the forest reserve.",
     "Headquarters or base established"),
    ("Loud explosions were heard near the airfield overnight; the cause remains unclear.", "Other"),
])
def test_news_wording(text, sub):
    [(event_type, got, _)] = classify([text])
    assert got == sub and event_type == SUB_TO_TYPE[sub]


def test_a_bomb_at_a_police_post_has_an_unnamed_doer_and_the_police_as_target():
    report = code("A bomb exploded at the police checkpoint in Maiduguri on Monday, wounding "
                  "two officers.")
    event = report.events[0]
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor1.name == "Unidentified Armed Group (Nigeria)"
    assert event.actor2.name.startswith("Police Forces of Nigeria")


def test_unknown_attackers_are_the_doer_not_their_target():
    report = code("Unknown attackers threw a grenade at soldiers guarding a bank in Maiduguri, "
                  "wounding one of them.")
    event = report.events[0]
    assert event.sub_event_type == "Grenade"
    assert event.actor1.name == "Unidentified Armed Group (Nigeria)"
    assert event.actor2.name.startswith("Military Forces of Nigeria")


def test_bodies_left_tied_mark_a_gang_killing():
    report = code("The body of a man was found with his hands tied on a road outside Culiacan "
                  "on Sunday.")
    assert report.events[0].actor1.name == "Unidentified Gang (Mexico)"


def test_displacement_has_the_displaced_civilians_as_actor1():
    text = ("Displacement: some 300 families were displaced from villages near Kalemie after "
            "militiamen attacked the area.")
    doc = Document(id="d", text=text, published=Timestamp("2024-03-12"))
    [event] = EventCoder(one_event=True)(Report(document=doc, text=text)).events  # an ACLED note
    assert event.sub_event_type == "Other"
    assert event.actor1.name == "Civilians (Democratic Republic of Congo)"


def test_an_acled_note_label_names_no_actor():
    text = ("Change to armed group: On 12 February 2022, in Maiduguri, two policemen defected "
            "to the insurgents.")
    doc = Document(id="d", text=text, published=Timestamp("2024-03-12"))
    [event] = EventCoder(one_event=True)(Report(document=doc, text=text)).events
    assert event.sub_event_type == "Change to group/activity"
    assert event.actor1.name.startswith("Police Forces of Nigeria")


@pytest.mark.parametrize(("text", "sub"), [
    # 'peacefully' describes the crowd, not a handover of territory.
    ("Several hundred refugees and activists gathered peacefully outside the UN offices in "
     "Nairobi on Monday to mark a year since the war began.", "Peaceful protest"),
    ("Dock workers called a 48-hour strike over unpaid wages.", "Peaceful protest"),
])
def test_words_that_only_look_like_other_event_types(text: str, sub: str) -> None:
    assert classify([text])[0][1] == sub


def test_a_speakers_verdict_on_an_incident_is_no_new_incident() -> None:
    texts = ['The paramilitary group called the strike "a massacre" and said none of its '
             'fighters had been in the market.',
             'The governor called the shelling "a war crime" after three civilians were killed.']
    verdict, shelling = classify(texts)
    assert verdict[1] != "Attack"  # the strike was already coded; "a massacre" is a label
    assert shelling[1] == "Shelling/artillery/missile attack"  # the incident itself stays


def test_an_anniversary_gathering_is_todays_event_not_background() -> None:
    text = ("Hundreds of refugees held a candlelight vigil in Nairobi on Monday to mark one "
            "year since the start of the war in Sudan.")
    (event,) = code(text).events
    assert event.sub_event_type == "Peaceful protest" and not event.background
    back = code("Since the start of the war, shelling has destroyed most of the market in "
                "Omdurman, residents said.")
    assert all(e.background for e in back.events)


def test_a_separate_strike_in_the_next_sentence_is_its_own_event() -> None:
    report = code("On Thursday, shelling killed a woman and wounded four people in the town of "
                  "Shebekino. A separate drone strike on a car near the village of Murom killed "
                  "a driver, according to local emergency services.")
    subs = [e.sub_event_type for e in report.events]
    assert subs == ["Shelling/artillery/missile attack", "Air/drone strike"]




def test_the_side_that_shot_down_the_rockets_is_not_the_attacker() -> None:
    report = code("A drone hit a minibus near the village of Kozinka, killing the driver, "
                  "according to local emergency services. Russia's Defence Ministry said its "
                  "air defences had destroyed 10 rockets fired at the region on Saturday.")
    event = report.events[0]
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 is not None
    assert not event.actor1.name.startswith("Military Forces of Russia")
    assert event.actor2 is not None and event.actor2.name.startswith("Military Forces of Russia")
    struck = code("Russian forces destroyed a school in Kupiansk with a guided bomb, killing two "
                  "teachers.").events[0]
    assert struck.actor1 is not None and struck.actor1.name.startswith("Military Forces of Russia")


@pytest.mark.parametrize("text", [
    "A Russian guided bomb hit a school in Kupiansk, killing two teachers.",
    "Two KAB-500 glide bombs struck the centre of Kostiantynivka overnight.",
])
def test_glide_and_guided_bombs_are_air_strikes(text: str) -> None:
    assert classify([text])[0][1] == "Air/drone strike"
    assert classify(["The city opened a fab lab for students."])[0][1] != "Air/drone strike"
