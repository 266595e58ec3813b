"""Claims in conflict-news sentences: which predicates report (and which senses of them
do not), how far a cue reaches, whose words they are, the chain and the stance."""

from __future__ import annotations

import pytest

from frontwire.attribution import extract_attributions


def spans(nlp, text: str) -> list[tuple[str, str, str]]:
    out = []
    for a in extract_attributions(nlp(text)):
        def role(name: str, a: dict = a) -> str:
            return " | ".join(text[s["start"] : s["end"]] for s in a[name])

        out.append((role("source"), role("cue"), role("content")))
    return out


def _claims(nlp, text: str):
    from frontwire.attribution import Attributor
    from frontwire.model import Document, Report
    from frontwire.nlp import annotate

    report = Report(document=Document(id="t", text=text, outlet="Eastline Wire"), text=text)
    return Attributor()(annotate(report, nlp(text))).claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor warned of further strikes on energy infrastructure.",
         ("The mayor", "warned of", "further strikes on energy infrastructure")),
        ("Aid agencies warned of a humanitarian catastrophe in the besieged city.",
         ("Aid agencies", "warned of", "a humanitarian catastrophe in the besieged city")),
        ("The commander boasted of capturing three villages in a week.",
         ("The commander", "boasted of", "capturing three villages in a week")),
    ],
)  # fmt: skip
def test_of_complement_is_what_is_said(spacy_nlp, text, expected):
    assert expected in spans(spacy_nlp, text)


@pytest.mark.parametrize(
    "relay",
    ["the state news agency TASS reported on Tuesday", "the Ukrinform agency reported"],
)
def test_trailing_relay_leaves_the_origin_its_words(spacy_nlp, relay):
    text = f"Two saboteurs were killed near the border, the FSB said, {relay}."
    found = spans(spacy_nlp, text)
    assert ("the FSB", "said", "Two saboteurs were killed near the border") in found


def test_trailing_relay_becomes_a_chain(spacy_nlp):
    text = (
        "A total of 103 servicemen have been returned home, the coordination headquarters "
        "said, the Ukrinform agency reported."
    )
    (claim,) = [c for c in _claims(spacy_nlp, text) if c.cue == "said"]
    assert claim.content == "A total of 103 servicemen have been returned home"
    roles = [(link.name, link.role) for link in claim.chain]
    assert [role for _, role in roles] == ["origin", "relay", "outlet"]
    assert "headquarters" in roles[0][0] and "Ukrinform" in roles[1][0]


def test_citing_after_the_cue_leaves_the_content_on_the_left(spacy_nlp):
    text = "The strike killed four people, the governor said, citing preliminary data."
    assert ("the governor", "said", "The strike killed four people") in spans(spacy_nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Russian Defence Ministry issued a statement saying the attack had been repelled.",
         ("The Russian Defence Ministry", "issued a statement saying",
          "the attack had been repelled")),
        ("Hamas put out a statement saying the hostages were alive.",
         ("Hamas", "put out a statement saying", "the hostages were alive")),
    ],
)  # fmt: skip
def test_the_issuer_of_a_statement_is_its_source(spacy_nlp, text, expected):
    assert expected in spans(spacy_nlp, text)


@pytest.mark.parametrize("channel", ["War Gonzo", "Rybar"])
def test_citing_set_off_before_the_verb_makes_a_chain(spacy_nlp, channel):
    text = (
        f"{channel}, citing sources in the security services, reported that the attack "
        "near Tyotkino had been repelled."
    )
    assert (channel, "reported", "that the attack near Tyotkino had been repelled") in spans(
        spacy_nlp, text
    )
    (claim,) = [c for c in _claims(spacy_nlp, text) if c.cue == "reported"]
    roles = [(link.name, link.role) for link in claim.chain]
    assert [role for _, role in roles] == ["origin", "relay", "outlet"]
    assert "security services" in roles[0][0] and roles[1][0] == channel


@pytest.mark.parametrize(
    "line",
    ["Gaza: humanitarian situation update, 20 November",
     "Burkina Faso: army reports heavy losses among attackers in the East region"],
)  # fmt: skip
def test_a_place_before_a_colon_is_not_a_speaker(spacy_nlp, line):
    assert not [s for s in spans(spacy_nlp, line) if s[1] == ":"]


def test_a_name_before_a_colon_and_a_quotation_is_a_speaker(spacy_nlp):
    line = 'Zelensky: "We will not give up Kharkiv"'
    assert ("Zelensky", ":", '"We will not give up Kharkiv"') in spans(spacy_nlp, line)


def test_a_statement_broadcast_on_television_is_not_a_second_speaker(spacy_nlp):
    text = (
        "The army's general staff said in a statement broadcast on state television that "
        "the base was destroyed."
    )
    found = spans(spacy_nlp, text)
    assert [cue for _, cue, _ in found] == ["said"]
    assert found[0][0] == "The army's general staff"


def test_a_fact_check_verdict_label_is_not_a_speaker(spacy_nlp):
    text = "Verdict: False. There is no evidence that the RSF has left Bara."
    assert not [s for s in spans(spacy_nlp, text) if s[1] == ":"]


def test_our_own_failed_verification_is_an_unconfirmed_claim_of_the_outlet(spacy_nlp):
    text = (
        "The militia said it had captured the village of Bara.\n\n"
        "We have not been able to verify this."
    )
    unconfirmed = [c for c in _claims(spacy_nlp, text) if c.stance == "unconfirmed"]
    assert [(c.source, c.cue, c.content) for c in unconfirmed] == [
        ("Eastline Wire", "have not been able to verify", "this")]  # fmt: skip


def test_an_outlet_that_could_not_verify_a_claim_leaves_it_unconfirmed(spacy_nlp):
    text = "Northline could not independently verify the account."
    (claim,) = _claims(spacy_nlp, text)
    assert (claim.source, claim.cue, claim.stance) == (
        "Northline", "could not independently verify", "unconfirmed")  # fmt: skip


@pytest.mark.parametrize("stamp", ["14:35", "09.10"])
def test_a_live_blog_time_stamp_is_not_part_of_the_source(spacy_nlp, stamp):
    text = f"{stamp} Ukraine's air force said it shot down 20 drones overnight."
    assert spans(spacy_nlp, text)[0][0] == "Ukraine's air force"


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("The convoy was hit twice near the crossing, a UN spokesman told Reuters.",
         "a UN spokesman", "The convoy was hit twice near the crossing"),
        ("Two civilians were killed, the mayor told the BBC on Monday.",
         "the mayor", "Two civilians were killed"),
    ],
)  # fmt: skip
def test_told_with_only_its_hearer_after_it_reports_the_clause_before(
    spacy_nlp, text, source, content
):
    assert (source, "told", content) in spans(spacy_nlp, text)


def test_a_speaker_sentence_after_a_closed_quotation_takes_the_quotation(spacy_nlp):
    text = "\u201cWe will hold the town.\u201d The commander said."
    assert ("The commander", "said", "\u201cWe will hold the town.\u201d") in spans(spacy_nlp, text)


def test_a_speaker_sentence_after_plain_narration_is_no_claim(spacy_nlp):
    assert spans(spacy_nlp, "The town is quiet. The commander said.") == []


def test_pledged_to_reports_an_intention_but_pledged_money_does_not(spacy_nlp):
    found = spans(spacy_nlp, "Zelensky pledged to retake the occupied territories.")
    assert ("Zelensky", "pledged", "to retake the occupied territories") in found
    assert spans(spacy_nlp, "The donors pledged $2 billion for reconstruction.") == []


def test_said_in_a_statement_that_is_one_claim_not_two(spacy_nlp):
    text = "DTEK said in a statement that it had lost most of its generating capacity."
    assert [cue for _, cue, _ in spans(spacy_nlp, text)] == ["said in a statement"]


@pytest.mark.parametrize(
    ("text", "cue", "stance"),
    [
        ("The navy would not confirm whether long-range drones had been used.",
         "would not confirm", "unconfirmed"),
        ("The ministry did not say who had launched the drone.", "did not say", "unconfirmed"),
        ("Authorities in the Belgorod region did not confirm any cross-border incursion.",
         "did not confirm", "denies"),
        ("The ministry said the incident was a staged provocation intended to discredit Kyiv.",
         "said", "denies"),
    ],
)  # fmt: skip
def test_stance_of_withheld_and_denied_matters(spacy_nlp, text, cue, stance):
    (claim,) = [c for c in _claims(spacy_nlp, text) if c.cue == cue]
    assert claim.stance == stance


@pytest.mark.parametrize(
    "text",
    ["Clinton, who added to her delegate lead, spoke in Miami.",
     "The channel added 5,000 subscribers over the weekend."],
)  # fmt: skip
def test_adding_to_something_is_not_saying_it(spacy_nlp, text):
    assert [s for s in spans(spacy_nlp, text) if s[1] == "added"] == []


def test_added_with_a_bare_clause_still_reports(spacy_nlp):
    found = spans(spacy_nlp, "He added the talks had failed.")
    assert ("He", "added", "the talks had failed") in found


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("KYIV (Reuters) - Ukraine's air force said it shot down 20 drones overnight.",
         "Ukraine's air force"),
        ("Khartoum (AFP) - The army said it had retaken the bridge.", "The army"),
    ],
)  # fmt: skip
def test_a_dateline_is_not_part_of_the_source(spacy_nlp, text, source):
    assert spans(spacy_nlp, text)[0][0] == source


@pytest.mark.parametrize(
    "sentence",
    ["It was reported that a dam at the hydroelectric plant had been damaged.",
     "The commander is said to have fled the town."],
)  # fmt: skip
def test_a_report_without_a_reporter_is_the_outlet_hedging(spacy_nlp, sentence):
    claims = _claims(spacy_nlp, sentence)
    assert [(c.source, c.stance) for c in claims] == [("Eastline Wire", "hedged")]


@pytest.mark.parametrize(
    "text",
    ["Three bodies were found in the village after the shelling.",
     "Drones were seen over the city before the explosions.",
     "(Reporting by Dan Ortiz in Kyiv; Editing by Mara Lind.)",
     "With 95 percent of precincts reporting, the mayor led by 20 points."],
)  # fmt: skip
def test_things_found_bylines_and_tallies_are_not_claims(spacy_nlp, text):
    assert spans(spacy_nlp, text) == []


def test_a_finding_reported_with_that_is_a_claim(spacy_nlp):
    found = spans(spacy_nlp, "It was found that the shells came from the east.")
    assert [(cue, content) for _, cue, content in found] == [
        ("was found", "that the shells came from the east")]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    ["Rebels attacked the army base at dawn.",
     "Gunmen attacked a church in the town, killing 15 worshippers.",
     "The convoy was attacked near the checkpoint, and two trucks were destroyed.",
     "Rebels attacked the base for hours."],
)  # fmt: skip
def test_an_armed_attack_is_not_a_verbal_one(spacy_nlp, text):
    assert spans(spacy_nlp, text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [("The governor attacked the ministry for its slow response.",
      "the ministry for its slow response"),
     ("The senator attacked the plan as reckless.", "the plan as reckless")],
)  # fmt: skip
def test_an_attack_with_a_reason_or_verdict_is_criticism(spacy_nlp, text, content):
    assert [(cue, c) for _, cue, c in spans(spacy_nlp, text)] == [("attacked", content)]


@pytest.mark.parametrize(
    "text",
    ["The strike claimed the lives of 12 people, including three children.",
     "The war has claimed more than 10,000 civilian lives."],
)  # fmt: skip
def test_a_strike_that_claimed_lives_said_nothing(spacy_nlp, text):
    assert spans(spacy_nlp, text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [("Medical sources said at least 12 people were killed in the strike.",
      "at least 12 people were killed in the strike"),
     ("The ministry said at most 30 soldiers were wounded.", "at most 30 soldiers were wounded")],
)  # fmt: skip
def test_at_least_opens_a_casualty_figure_not_an_adverbial(spacy_nlp, text, content):
    assert [c for _, _, c in spans(spacy_nlp, text)] == [content]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [("Local authorities put the death toll at 23.", "Local authorities", "the death toll at 23"),
     ("Local officials put the number of dead at at least 40.", "Local officials",
      "the number of dead at at least 40")],
)  # fmt: skip
def test_putting_a_toll_at_a_figure_is_a_casualty_claim(spacy_nlp, text, source, content):
    assert (source, "put", content) in spans(spacy_nlp, text)


def test_putting_a_thing_somewhere_is_not(spacy_nlp):
    assert spans(spacy_nlp, "He put the box at the end of the shelf.") == []


@pytest.mark.parametrize(
    "text",
    ["Per the regional administration, power has been restored to 12,000 homes.",
     "Power has been restored to 12,000 homes, per the regional administration."],
)  # fmt: skip
def test_per_a_source_attributes_like_according_to(spacy_nlp, text):
    (found,) = spans(spacy_nlp, text)
    assert found[0] == "the regional administration" and found[1].lower() == "per"
    assert found[2].lower() == "power has been restored to 12,000 homes"


def test_per_in_a_rate_is_not_a_source(spacy_nlp):
    assert spans(spacy_nlp, "The drones flew at 150 km per hour.") == []


def test_sources_that_tell_us_something_are_a_claim(spacy_nlp):
    text = "Sources in the General Staff tell us the counteroffensive will begin soon."
    assert ("Sources in the General Staff", "tell", "the counteroffensive will begin soon") in (
        spans(spacy_nlp, text)
    )
    assert spans(spacy_nlp, "It is hard to tell who fired first.") == []


def test_a_channel_calling_a_claim_a_lie_denies(spacy_nlp):
    text = "The enemy claims to have captured Robotyne. This is a lie."
    denials = [c for c in _claims(spacy_nlp, text) if c.stance == "denies"]
    assert [(c.source, c.content) for c in denials] == [("Eastline Wire", "This is a lie")]


@pytest.mark.parametrize(
    ("text", "name"),
    [("A pro-Kremlin Telegram channel claimed that the bridge was hit.",
      "pro-Kremlin Telegram channel"),
     ("The Rybar Telegram channel claimed that the bridge was hit.", "Rybar")],
)  # fmt: skip
def test_an_unnamed_channel_keeps_its_description_as_the_name(spacy_nlp, text, name):
    (claim,) = _claims(spacy_nlp, text)
    assert claim.source == name


def test_a_toll_that_may_rise_is_hedged(spacy_nlp):
    (claim,) = _claims(spacy_nlp, "The governor said the number of victims may rise.")
    assert (claim.stance, claim.stance_cue) == ("hedged", "may rise")


def test_and_accused_speaks_for_the_first_speaker_not_a_subject_in_its_words(spacy_nlp):
    text = (
        "The RSF said in a statement on Telegram that its forces had taken full control of "
        "the eastern districts, and accused the army of shelling camps for displaced people."
    )
    accused = [c for c in _claims(spacy_nlp, text) if c.cue == "accused"]
    assert [c.source for c in accused] == ["RSF"]


def test_an_opening_adverbial_does_not_hide_the_source(spacy_nlp):
    text = (
        "In a statement posted on Facebook, the army's spokesman, Brigadier General Nabil "
        "Abdallah, said dozens of RSF fighters had been killed."
    )
    (claim,) = _claims(spacy_nlp, text)
    assert (claim.source, claim.cue) == ("Nabil Abdallah", "said")


@pytest.mark.parametrize(
    ("text", "cue"),
    [("The ministry refused to confirm the strike.", "refused to confirm"),
     ("Ukraine's military intelligence declined to comment on the reports.", "declined")],
)  # fmt: skip
def test_refusing_to_confirm_or_comment_is_one_unconfirmed_claim(spacy_nlp, text, cue):
    claims = _claims(spacy_nlp, text)
    assert [(c.cue, c.stance) for c in claims] == [(cue, "unconfirmed")]


@pytest.mark.parametrize(
    "text",
    ["The regiment defended the plant for weeks.", "Ukrainian troops are defending Kharkiv."],
)  # fmt: skip
def test_defending_ground_is_fighting_not_arguing(spacy_nlp, text):
    assert spans(spacy_nlp, text) == []


def test_defending_a_decision_is_a_claim(spacy_nlp):
    text = "The minister defended the decision to close the border crossing."
    assert [cue for _, cue, _ in spans(spacy_nlp, text)] == ["defended"]


def test_a_fire_that_threatened_homes_said_nothing(spacy_nlp):
    assert spans(spacy_nlp, "The fire threatened nearby homes.") == []
    text = "The army threatened to storm the town if the fighters did not surrender."
    assert [cue for _, cue, _ in spans(spacy_nlp, text)] == ["threatened"]


def test_stance_phrases_are_anchored_on_a_rare_word():
    from frontwire.attribution.lexicon import COMMON_WORDS, _anchor, load_stance

    assert _anchor("were lies") == "lies"
    assert _anchor("is said to") == "said"
    # A phrase anchored on a common word lives in a small rule of its own.
    hearsay = [r for r in load_stance() if r.anchors and r.anchors <= COMMON_WORDS]
    assert hearsay and all(r.stance in ("denies", "unconfirmed", "hedged") for r in hearsay)


@pytest.mark.parametrize(
    "text",
    ["Many civilians refused to leave their homes despite the shelling.",
     "Attacks declined sharply in May."],
)  # fmt: skip
def test_refusing_to_act_and_numbers_that_decline_are_not_claims(spacy_nlp, text):
    assert spans(spacy_nlp, text) == []


def test_declining_to_say_is_a_claim(spacy_nlp):
    text = "The army declined to say how many soldiers were killed."
    assert [cue for _, cue, _ in spans(spacy_nlp, text)] == ["declined to say"]


@pytest.mark.parametrize(
    ("text", "stance"),
    [("The spokesman said nothing about casualties.", "unconfirmed"),
     ("The governor said nothing had been hit.", "asserts")],
)  # fmt: skip
def test_saying_nothing_about_it_leaves_it_open(spacy_nlp, text, stance):
    (claim,) = _claims(spacy_nlp, text)
    assert claim.stance == stance
