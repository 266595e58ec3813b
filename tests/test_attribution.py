"""Claims stage (issue 5): sources, cues, contents, chains, stance, sides, narration."""

from __future__ import annotations

import pytest

from frontwire.attribution import (
    Attributor,
    compare_claims,
    extract_attributions,
    independent_origins,
)
from frontwire.attribution.lexicon import inflect, side_of
from frontwire.model import ChainLink, Claim, Document, Report
from frontwire.nlp import annotate


def analyse(nlp, text: str, outlet: str = "Eastline Wire") -> Report:
    report = Report(document=Document(id="t", text=text, outlet=outlet), text=text)
    return Attributor()(annotate(report, nlp(text)))


def claim_by_cue(report: Report, cue: str) -> Claim:
    found = [c for c in report.claims if c.cue == cue]
    assert found, f"no claim with cue {cue!r}: {[c.cue for c in report.claims]}"
    return found[0]


def chain_names(claim: Claim) -> list[tuple[str, str]]:
    return [(link.name, link.role) for link in claim.chain]


def test_denial_relayed_by_state_agency(spacy_nlp):
    text = (
        "Russia's Defence Ministry denied that Ukrainian troops had crossed into the Bryansk "
        "region, saying its forces had repelled several attempts to breach the border, the "
        "state news agency RIA Novosti reported."
    )
    report = analyse(spacy_nlp, text)
    denial = claim_by_cue(report, "denied")
    assert denial.stance == "denies"
    assert denial.stance_cue == "denied"
    assert denial.side == "Russia"
    names = chain_names(denial)
    assert names[0][1] == "origin" and "Defence Ministry" in names[0][0]
    assert names[1][1] == "relay" and "RIA Novosti" in names[1][0]
    assert names[-1] == ("Eastline Wire", "outlet")
    assert denial.content.startswith("that Ukrainian troops had crossed")
    # The relay does not make a claim of its own: it is a link of the chain.
    assert not any(c.cue == "reported" for c in report.claims)


def test_pronoun_resolved_to_named_governor(spacy_nlp):
    text = (
        "The governor of the Belgorod region, Vyacheslav Gladkov, said on Telegram that two "
        "civilians were wounded in the shelling of Shebekino. He added that power had been cut "
        "to several villages near the border."
    )
    report = analyse(spacy_nlp, text)
    first, second = claim_by_cue(report, "said"), claim_by_cue(report, "added")
    assert first.source == "Vyacheslav Gladkov"
    assert second.source == "Vyacheslav Gladkov"
    assert second.source_text == "He"
    assert second.side == "Russia"
    assert second.content == "that power had been cut to several villages near the border"
    assert first.sentence == 0 and second.sentence == 1


def test_role_noun_resolved_to_earlier_name(spacy_nlp):
    text = (
        "Kursk Governor Roman Starovoit said a sabotage group had tried to enter Tyotkino at "
        "dawn. Hours later, the governor said the fighting near the village had stopped."
    )
    report = analyse(spacy_nlp, text)
    later = [c for c in report.claims if c.source_text == "the governor"]
    assert later and later[0].source == "Roman Starovoit" and later[0].side == "Russia"


def test_role_noun_and_citing_make_a_chain(spacy_nlp):
    text = (
        "Heavy fighting continued near Robotyne, according to the Rybar Telegram channel. "
        "The channel reported, citing soldiers at the front, that Ukrainian assault groups had "
        "advanced about 500 metres."
    )
    report = analyse(spacy_nlp, text)
    claim = claim_by_cue(report, "reported")
    assert claim.source == "Rybar"
    assert claim.source_text == "The channel"
    assert chain_names(claim) == [
        ("soldiers at the front", "origin"),
        ("Rybar", "relay"),
        ("Eastline Wire", "outlet"),
    ]
    first = claim_by_cue(report, "according to")
    assert first.source == "Rybar" and first.side == "Russia"
    assert first.content == "Heavy fighting continued near Robotyne"


def test_according_to_after_content(spacy_nlp):
    text = (
        "Five people were killed and 12 wounded in a missile strike on Kharkiv, according to "
        "regional governor Oleh Syniehubov."
    )
    claim = claim_by_cue(analyse(spacy_nlp, text), "according to")
    assert claim.source == "Oleh Syniehubov"
    assert claim.side == "Ukraine"
    assert claim.content == "Five people were killed and 12 wounded in a missile strike on Kharkiv"
    assert claim.stance == "asserts"


def test_inverted_direct_quote_and_multi_sentence_quote(spacy_nlp):
    text = (
        '"We will not allow any provocations on our border," said Dmitry Peskov, the Kremlin '
        "spokesman.\n\nZelensky told reporters: \u201cOur forces are holding the line. The enemy "
        "has suffered heavy losses near Avdiivka.\u201d"
    )
    report = analyse(spacy_nlp, text)
    peskov = claim_by_cue(report, "said")
    assert peskov.source == "Dmitry Peskov"
    assert peskov.content == '"We will not allow any provocations on our border,"'
    assert peskov.side == "Russia"
    zelensky = claim_by_cue(report, "told")
    assert zelensky.source == "Zelensky" and zelensky.side == "Ukraine"
    assert zelensky.content.endswith("heavy losses near Avdiivka.\u201d")
    assert zelensky.content.startswith("\u201cOur forces")


def test_mixed_quote_and_nested_relay(spacy_nlp):
    text = (
        "\u201cWe held the line,\u201d the brigade commander said, \u201cand the enemy fell "
        "back with losses.\u201d\n\nThe FSB said the attack on the border post was repelled, "
        "TASS reported."
    )
    report = analyse(spacy_nlp, text)
    found = extract_attributions(spacy_nlp(text))
    raw = next(a for a in found if a["cue"][0]["text"] == "said")
    assert [c["text"] for c in raw["content"]] == [
        "\u201cWe held the line,\u201d",
        "\u201cand the enemy fell back with losses.\u201d",
    ]
    fsb = [c for c in report.claims if c.source == "FSB"]
    assert fsb and chain_names(fsb[0]) == [
        ("FSB", "origin"),
        ("TASS", "relay"),
        ("Eastline Wire", "outlet"),
    ]
    assert fsb[0].content == "the attack on the border post was repelled"
    assert fsb[0].stance == "denies" and fsb[0].stance_cue == "repelled"


def test_hedged_and_unconfirmed_stances(spacy_nlp):
    text = (
        "Local officials said the attackers may have used a drone launched from a field nearby. "
        "It could not be independently verified how many people were killed in the strike. "
        "The refinery was reportedly hit by at least two drones overnight."
    )
    report = analyse(spacy_nlp, text)
    hedged = claim_by_cue(report, "said")
    assert (hedged.stance, hedged.stance_cue) == ("hedged", "may have")
    narration = [c for c in report.claims if c.narration]
    stances = {c.stance for c in narration}
    assert {"unconfirmed", "hedged"} <= stances
    for claim in narration:
        assert claim.source == "Eastline Wire" and claim.chain == [
            ChainLink("Eastline Wire", "outlet")
        ]


def test_narration_is_the_outlets_claim(spacy_nlp):
    text = (
        "Russian forces shelled the village of Vovchansk overnight, killing two people. "
        "The weather in the region was cold and clear."
    )
    report = analyse(spacy_nlp, text, outlet="Reuters")
    assert len(report.claims) == 1
    claim = report.claims[0]
    assert claim.narration and claim.source == "Reuters" and claim.side == "independent media"
    assert claim.content == (
        "Russian forces shelled the village of Vovchansk overnight, killing two people"
    )
    assert claim.id == "c1" and claim.stance == "asserts"


def test_claim_offsets_point_at_their_words(spacy_nlp):
    text = (
        "Ukraine's General Staff said on Tuesday its air defences shot down 23 of 30 drones "
        "launched overnight. Moscow has not commented."
    )
    report = analyse(spacy_nlp, text)
    for claim in report.claims:
        assert text[claim.content_start : claim.content_end] == claim.content
        if claim.cue_start is not None:
            assert text[claim.cue_start : claim.cue_end] == claim.cue
            assert text[claim.source_start : claim.source_end].startswith(claim.source_text)
    said = claim_by_cue(report, "said")
    assert said.side == "Ukraine"
    assert said.content.startswith("its air defences shot down")


def test_extract_attributions_gold_shape(spacy_nlp):
    text = "The mayor said that the bridge was closed after the blast."
    (att,) = extract_attributions(spacy_nlp(text))
    assert att["source"] == [{"start": 0, "end": 9, "text": "The mayor"}]
    assert att["cue"] == [{"start": 10, "end": 14, "text": "said"}]
    assert att["content"][0]["text"] == "that the bridge was closed after the blast"


def test_bad_input_raises_clear_errors(spacy_nlp):
    text = "Shelling hit Kherson."
    report = Report(document=Document(id="x", text=text), text=text)
    with pytest.raises(ValueError, match="nlp stage"):
        Attributor()(report)
    report.tokens = spacy_nlp("Something else entirely.")
    with pytest.raises(ValueError, match="does not match"):
        Attributor()(report)
    with pytest.raises(TypeError):
        Attributor()("not a report")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        extract_attributions("plain text")
    with pytest.raises(TypeError):
        compare_claims("a", "b")  # type: ignore[arg-type]


def make_claim(content: str, stance: str = "asserts", chain: list[str] | None = None) -> Claim:
    names = chain or ["FSB", "Eastline Wire"]
    roles = ["origin"] + ["relay"] * (len(names) - 2) + ["outlet"]
    return Claim(
        id="c1",
        content_start=0,
        content_end=len(content),
        content=content,
        stance=stance,
        source=names[0],
        chain=[ChainLink(n, r) for n, r in zip(names, roles, strict=True)],
    )


def test_compare_claims():
    entered = make_claim("armed groups entered the Kursk region near Tetkino")
    denied = make_claim("armed groups entered the Kursk region", stance="denies")
    again = make_claim("saboteurs entered the Kursk region near the village of Tetkino")
    unrelated = make_claim("grain exports from Odesa rose in May")
    assert compare_claims(entered, denied) == "contradicts"
    assert compare_claims(entered, again) == "corroborates"
    assert compare_claims(entered, unrelated) is None
    five = make_claim("five people were killed in the strike on Kharkiv")
    seven = make_claim("7 people were killed in the strike on Kharkiv")
    assert compare_claims(five, seven) == "contradicts"
    hedged = make_claim("armed groups may have entered the Kursk region", stance="hedged")
    assert compare_claims(entered, hedged) is None


def test_independent_origins_counts_relayed_reports_once():
    via_tass = make_claim("x", chain=["FSB", "TASS", "Eastline Wire"])
    via_ria = make_claim("x", chain=["the FSB", "RIA Novosti", "Reuters"])
    named = make_claim("x", chain=["Federal Security Service", "Newsweek"])
    kyiv = make_claim("x", chain=["Ukraine's General Staff", "Reuters"])
    assert independent_origins([via_tass, via_ria, named, kyiv]) == 2
    assert independent_origins([]) == 0


def test_lexicon_helpers():
    assert {"deny", "denies", "denied", "denying"} <= inflect(["deny"])
    assert inflect(["say", "said"]) >= {"says", "said", "saying"}
    assert side_of("the Russian Volunteer Corps")[0] == "Russian opposition militia"
    assert side_of("a man at the market") == ("", "")


def test_seed_report(seed_text, spacy_nlp):
    report = analyse(spacy_nlp, seed_text, outlet="Newsweek")
    fsb = claim_by_cue(report, "denied")
    assert fsb.stance == "denies" and fsb.source == "FSB" and fsb.side == "Russia"
    assert chain_names(fsb) == [("FSB", "origin"), ("TASS", "relay"), ("Newsweek", "outlet")]
    governor = claim_by_cue(report, "added")
    assert governor.source == "Roman Starovoit" and governor.source_text == "He"
    assert "no breakthrough" in governor.content and governor.stance == "denies"
    channel = [c for c in report.claims if c.source == "War Gonzo" and c.cue == "reported"]
    assert channel and chain_names(channel[0]) == [
        ("Russian security sources", "origin"),
        ("War Gonzo", "relay"),
        ("Newsweek", "outlet"),
    ]
    offensive = [c for c in report.claims if "on the offensive" in c.content]
    assert offensive and offensive[0].stance == "asserts"
    assert offensive[0].side == "Russian opposition militia"
    belgorod = claim_by_cue(report, "did not confirm")
    assert belgorod.stance == "denies"
    assert any(c.narration and c.stance == "unconfirmed" for c in report.claims)


def cue_texts(nlp, text: str) -> dict[str, dict]:
    return {a["cue"][0]["text"]: a for a in extract_attributions(nlp(text))}


def test_cue_keeps_infinitive_marker_particle_and_day(spacy_nlp):
    text = (
        "The regional council is expected to endorse the evacuation plan. "
        "The mayor talked about the damage to the water station. "
        "Governor Oleh Syniehubov said Tuesday that three drones were shot down overnight."
    )
    found = cue_texts(spacy_nlp, text)
    assert "to endorse" in found
    assert found["talked about"]["content"][0]["text"] == "the damage to the water station"
    said = found["said Tuesday"]
    assert said["source"][0]["text"] == "Governor Oleh Syniehubov"
    assert said["content"][0]["text"].startswith("that three drones")


def test_evaluation_verbs_are_cues(spacy_nlp):
    text = (
        "Ukraine's foreign minister blasted the strike on the grain terminal as a war crime. "
        "Local officials hope the bridge will reopen before the winter."
    )
    found = cue_texts(spacy_nlp, text)
    assert found["blasted"]["source"][0]["text"] == "Ukraine's foreign minister"
    assert found["hope"]["source"][0]["text"] == "Local officials"
    assert found["hope"]["content"][0]["text"] == "the bridge will reopen before the winter"


def test_appositive_not_widened_over_a_name_or_time(spacy_nlp):
    text = "In the weeks since the dam collapsed, Kovalenko said the villages had no clean water."
    found = cue_texts(spacy_nlp, text)
    assert found["said"]["source"][0]["text"] == "Kovalenko"


def test_noun_and_adjective_cues(spacy_nlp):
    text = (
        "Moscow's claim that the convoy carried only aid was rejected by observers. "
        "Village elders remain confident that the ferry will run again in spring. "
        "The mayor made it clear that no one would be forced to leave."
    )
    found = cue_texts(spacy_nlp, text)
    claim = found["claim"]
    assert claim["source"][0]["text"] == "Moscow's"
    assert claim["content"][0]["text"] == "that the convoy carried only aid"
    assert found["remain confident"]["source"][0]["text"] == "Village elders"
    assert found["made it clear"]["source"][0]["text"] == "The mayor"


def test_headline_speaker_and_denied_reports(spacy_nlp):
    text = (
        "Zelensky: Partners Must Speed Up Air Defence Deliveries\n\n"
        "The Defence Ministry denied reports that a second bridge had been hit, the agency "
        "reported."
    )
    found = cue_texts(spacy_nlp, text)
    assert found[":"]["source"][0]["text"] == "Zelensky"
    report = analyse(spacy_nlp, text)
    denial = claim_by_cue(report, "denied")
    assert denial.stance == "denies"
    assert denial.content.startswith("reports that a second bridge")


def test_quotations_signed_with_a_dash(spacy_nlp):
    text = (
        "Readers wrote in about the blackouts.\n"
        "\u201cWe cook on a camping stove now.\u201d \u2015 Olena Marchuk\n"
        "\u201cThe generators arrived too late.\u201d \u2015 Petro Sydorenko\n"
    )
    signed = [a for a in extract_attributions(spacy_nlp(text)) if a["cue"][0]["text"] == "\u2015"]
    assert [a["source"][0]["text"] for a in signed] == ["Olena Marchuk", "Petro Sydorenko"]
    assert signed[1]["content"] == [
        {"start": text.index("\u201cThe"), "end": text.index(" \u2015 Petro"),
         "text": "\u201cThe generators arrived too late.\u201d"}
    ]


# ---- analyst-facing clean-up (tidy.py) ---------------------------------------


def test_contrasting_speakers_in_a_headline_make_two_claims(spacy_nlp):
    text = (
        "Belarusian partisans claim capture of border post as Minsk insists assault was "
        "repelled\n\nThe fighting continued overnight."
    )
    report = analyse(spacy_nlp, text)
    partisans, minsk = claim_by_cue(report, "claim"), claim_by_cue(report, "insists")
    # The denial word belongs to Minsk's clause, not to the partisans' claim.
    assert partisans.content == "capture of border post"
    assert partisans.stance == "asserts"
    assert minsk.stance == "denies" and minsk.stance_cue == "repelled"
    assert minsk.content == "assault was repelled"


def test_nested_speaker_does_not_set_the_stance(spacy_nlp):
    text = (
        "Anti-Kremlin volunteers said they had seized two villages while the governor said "
        "every attempt to cross the border had been repelled."
    )
    report = analyse(spacy_nlp, text)
    first, second = [c for c in report.claims if c.cue == "said"]
    assert "Anti-Kremlin volunteers" in first.source_text
    assert first.stance == "asserts"
    assert "governor" not in first.content
    assert first.side == "Russian opposition militia"
    assert second.stance == "denies"


def test_relative_clause_trimmed_from_source(spacy_nlp):
    text = (
        "The Donetsk militia, which has held the town since the spring, said its artillery "
        "had destroyed two bridges on the Siverskyi Donets river."
    )
    claim = claim_by_cue(analyse(spacy_nlp, text), "said")
    assert claim.source_text == "The Donetsk militia"
    assert "which" not in claim.source
    assert claim.content.startswith("its artillery had destroyed")


def test_reporters_aside_does_not_set_the_speakers_stance(spacy_nlp):
    text = (
        "The army said its troops had killed more than 300 insurgents near the dam, a figure "
        "that could not be verified."
    )
    claim = claim_by_cue(analyse(spacy_nlp, text), "said")
    assert claim.stance == "asserts"


def test_dateline_is_not_part_of_the_content(spacy_nlp):
    text = (
        "KHERSON (Eastline Wire) - Russian shelling killed three people in the city on "
        "Friday, the regional governor said."
    )
    claim = claim_by_cue(analyse(spacy_nlp, text), "said")
    assert claim.content.startswith("Russian shelling killed three people")


def test_preliminary_information_is_no_speaker(spacy_nlp):
    text = (
        "According to preliminary information, the drone was launched from the occupied part "
        "of the region, the district administration said."
    )
    report = analyse(spacy_nlp, text)
    assert [c.source for c in report.claims if not c.narration] == ["district administration"]
    assert claim_by_cue(report, "said").stance == "hedged"


def test_physical_attack_is_not_a_speech_cue(spacy_nlp):
    text = "Russian troops attacked Zaporizhzhia with guided bombs overnight, killing two people."
    report = analyse(spacy_nlp, text)
    assert not any(c.cue == "attacked" for c in report.claims)
    assert [c.narration for c in report.claims] == [True]


def test_pronoun_opening_the_content_is_the_speaker_itself(spacy_nlp):
    text = (
        "The Associated Press, which obtained footage of the column, said it could not "
        "confirm where the vehicles had crossed the border."
    )
    report = analyse(spacy_nlp, text)
    assert len([c for c in report.claims if not c.narration]) == 1
    claim = claim_by_cue(report, "said")
    assert claim.source == "Associated Press" or claim.source_text == "The Associated Press"
    assert claim.stance == "unconfirmed"
    assert [link.role for link in claim.chain] == ["origin", "outlet"]


def test_relative_pronoun_and_adverb_trimmed(spacy_nlp):
    text = (
        "Shelling also hit Nikopol, which officials said left a school without power. "
        "The navy said separately that it had sunk a patrol boat near Ochakiv."
    )
    report = analyse(spacy_nlp, text)
    assert "officials" in [c.source for c in report.claims]
    navy = [c for c in report.claims if c.source_text == "The navy"][0]
    assert navy.content.startswith("that it had sunk")


def test_post_posed_source_keeps_the_clause_before_it(spacy_nlp):
    text = (
        "A drone hit a fuel depot outside Novorossiysk on Sunday, the port authority said, "
        "as Ukraine stepped up attacks on Black Sea shipping. A second drone damaged a "
        "tanker at anchor, AFP reported, citing a harbour official."
    )
    report = analyse(spacy_nlp, text)
    port = claim_by_cue(report, "said")
    assert port.content == "A drone hit a fuel depot outside Novorossiysk on Sunday"
    afp = claim_by_cue(report, "reported")
    assert afp.content == "A second drone damaged a tanker at anchor"
    assert [link.role for link in afp.chain] == ["origin", "relay", "outlet"]


def test_post_posed_source_with_title_and_name_appositives(spacy_nlp):
    text = (
        "Three people were wounded when a drone struck a bus depot in Nova Kakhovka, the head "
        "of the local administration, Pavel Filipchuk, said on Monday. According to the "
        "official, the depot had been hit twice this month."
    )
    report = analyse(spacy_nlp, text)
    first = claim_by_cue(report, "said")
    assert first.source == "Pavel Filipchuk"
    assert first.content.startswith("Three people were wounded")
    assert first.content.endswith("Nova Kakhovka")
    assert not any(c.narration for c in report.claims)


def test_appositive_with_relative_clause_keeps_the_main_speaker(spacy_nlp):
    text = (
        "The Kalinouski Regiment, one of the units that claimed the assault, insisted "
        "on Telegram that its fighters still held the bridge. According to the commander of "
        "the regiment, Denys Prokopenko, two of its men were wounded."
    )
    report = analyse(spacy_nlp, text)
    main = claim_by_cue(report, "insisted")
    assert main.source == "Kalinouski Regiment"
    assert main.content == "that its fighters still held the bridge"
    inner = claim_by_cue(report, "claimed")
    assert inner.content == "the assault"
    according = claim_by_cue(report, "According to")
    assert according.source == "Denys Prokopenko"
    assert according.content == "two of its men were wounded"


def test_pronoun_claims_share_the_speakers_side(spacy_nlp):
    text = (
        "Sumy Mayor Oleksandr Lysenko said on Telegram that two trolleybuses were burned out. "
        '"Nobody was inside, thank God," he said.'
    )
    report = analyse(spacy_nlp, text)
    sides = {c.source_text: c.side for c in report.claims if not c.narration}
    assert sides["he"] == sides["Sumy Mayor Oleksandr Lysenko"] == "Ukraine"


def test_object_relative_clause_claim_stays_in_its_clause(spacy_nlp):
    text = (
        "Villagers saw a helicopter, which they described as a Mi-8, fire rockets at the "
        "school on Friday."
    )
    report = analyse(spacy_nlp, text)
    described = claim_by_cue(report, "described")
    assert described.content == "as a Mi-8"


def test_reporters_aside_becomes_the_outlets_unconfirmed_claim(spacy_nlp):
    text = (
        "The navy said its drones had sunk four landing craft near Chornomorske, a claim "
        "that could not be independently verified."
    )
    report = analyse(spacy_nlp, text)
    navy = claim_by_cue(report, "said")
    assert navy.content == "its drones had sunk four landing craft near Chornomorske"
    assert navy.stance == "asserts"
    aside = [c for c in report.claims if c.narration]
    assert len(aside) == 1 and aside[0].stance == "unconfirmed"
    assert aside[0].source == "Eastline Wire"


def test_news_agency_told_by_the_speaker_is_a_relay(spacy_nlp):
    text = (
        "The Southern Military District told the state news agency RIA Novosti that its "
        "units had cleared the village of Krynky. A soldier told reporters the shelling "
        "had stopped."
    )
    report = analyse(spacy_nlp, text)
    district = claim_by_cue(report, "told")
    assert [link.role for link in district.chain] == ["origin", "relay", "outlet"]
    assert "RIA Novosti" in district.chain[1].name
    soldier = [c for c in report.claims if c.source_text == "A soldier"][0]
    assert [link.role for link in soldier.chain] == ["origin", "outlet"]


def test_institution_is_not_resolved_to_the_person_heading_it(spacy_nlp):
    text = (
        "According to the head of the Zaporizhzhia regional administration, Ivan Fedorov, "
        "a drone hit a petrol station. Later the regional administration said the fire "
        "had been put out. The head said nobody was hurt."
    )
    report = analyse(spacy_nlp, text)
    sources = [c.source for c in report.claims if not c.narration]
    assert sources[0] == "Ivan Fedorov"
    assert "Ivan Fedorov" not in sources[1]
    assert sources[2] == "Ivan Fedorov"


def test_according_to_their_own_account_names_the_subject(spacy_nlp):
    text = (
        "Partisan saboteurs derailed a supply train near Melitopol on Sunday, according to "
        "their own statement."
    )
    claim = claim_by_cue(analyse(spacy_nlp, text), "according to")
    assert claim.source_text == "Partisan saboteurs"
    assert claim.content.startswith("Partisan saboteurs derailed a supply train")


def test_first_person_outside_quotes_is_the_channel_author(spacy_nlp):
    text = (
        "Another hard night for Graivoron. A drone dropped explosives on a bakery; two workers "
        "were wounded. I express my condolences to the family of the driver who died. "
        "\u201cI saw the drone circle twice before it dived,\u201d the bakery owner, Nina "
        "Orlova, said."
    )
    report = analyse(spacy_nlp, text, outlet="Vyacheslav Gladkov")
    own = claim_by_cue(report, "express")
    assert own.source == "Vyacheslav Gladkov"
    assert chain_names(own) == [("Vyacheslav Gladkov", "outlet")]
    quoted = claim_by_cue(report, "said")
    assert quoted.source == "Nina Orlova"  # 'I' inside her quote is hers, not the channel's


def test_a_request_in_the_subjunctive_is_no_claim(spacy_nlp):
    text = (
        "\u201cThe windows shook all night,\u201d a nurse at the district hospital told the "
        "Border Herald. She asked that her name not be used. A second nurse asked whether the "
        "ward could be moved, and the hospital's director said the building could be repaired "
        "within a week."
    )
    report = analyse(spacy_nlp, text)
    contents = [c.content for c in report.claims]
    assert not any("name not be used" in c for c in contents)
    assert any("could be repaired" in c for c in contents)  # a modal is still a claim


def test_a_quotation_runs_to_its_closing_mark_past_a_doubled_cue(spacy_nlp):
    text = (
        "In a video message, a commander of the volunteer unit said He said\u201cWe are not "
        "here to punish anyone. We have come to bring you home.\u201d The video could not be "
        "verified."
    )
    report = analyse(spacy_nlp, text)
    claim = claim_by_cue(report, "said")
    assert claim.content == ("\u201cWe are not here to punish anyone. We have come to bring "
                             "you home.\u201d")
    assert text[claim.content_start:claim.content_end] == claim.content
