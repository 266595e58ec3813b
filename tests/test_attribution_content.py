"""How far the content of an attribution reaches (issue 5): quotations that run on,
clauses that end the reported words, and what belongs to the narrator instead."""

from __future__ import annotations

from frontwire.attribution import extract_attributions


def contents(
    nlp, text: str, parse: bool = True, with_source: bool = False
) -> dict[str, list[str]]:
    """cue text (or 'cue/source') -> content texts, for every attribution in ``text``."""
    out = {}
    for att in extract_attributions(nlp(text), parse=parse):
        key = att["cue"][0]["text"]
        if with_source:
            key += "/" + att["source"][0]["text"]
        out[key] = [c["text"] for c in att["content"]]
    return out


def test_next_quotation_with_its_own_speaker_is_not_a_continuation(spacy_nlp):
    text = (
        "\u201cThe bridge at Zatoka is still standing,\u201d the mayor said.\n\n"
        "\u201cWe are repairing the approach road. Convoys will cross again by Friday,\u201d "
        "his deputy added."
    )
    found = contents(spacy_nlp, text)
    assert found["said"] == ["\u201cThe bridge at Zatoka is still standing,\u201d"]
    assert found["added"][0].startswith("\u201cWe are repairing")


def test_quotation_opened_with_two_apostrophes_runs_to_its_close(spacy_nlp):
    text = (
        "The governor said: ''The shelling went on all night. Three houses burned down "
        "in Tetkino.'' Officials later revised the toll."
    )
    found = contents(spacy_nlp, text)
    assert found["said:"] == [
        "''The shelling went on all night. Three houses burned down in Tetkino.''"
    ]


def test_quotation_opened_inside_the_content_runs_to_its_closing_mark(spacy_nlp):
    text = (
        "The defence ministry said its forces had \u201cno plans to storm Kharkiv. The city "
        "is not a target.\u201d Ukrainian officials dismissed the statement."
    )
    found = contents(spacy_nlp, text)
    assert found["said"] == [
        "its forces had \u201cno plans to storm Kharkiv. The city is not a target.\u201d"
    ]


def test_adverb_and_day_before_that_clause_are_not_content(spacy_nlp):
    text = "The governor said earlier on Friday that the evacuation of Vovchansk would go on."
    found = contents(spacy_nlp, text)
    assert next(v for k, v in found.items() if k.startswith("said")) == [
        "that the evacuation of Vovchansk would go on"
    ]


def test_phrase_of_time_or_occasion_after_the_object_is_not_content(spacy_nlp):
    text = (
        "Governor Oleh Syniehubov praised the air-defence crews at a briefing in Kharkiv. "
        "The foreign ministry condemned the strike on the railway station on Tuesday."
    )
    found = contents(spacy_nlp, text)
    assert found["praised"] == ["the air-defence crews"]
    assert found["condemned"] == ["the strike on the railway station"]


def test_source_and_cue_set_off_by_commas_speak_for_both_parts(spacy_nlp):
    text = (
        "The bridge at Antonivka, the regional governor said, would reopen to traffic by "
        "the weekend. Asked about the blackout, the mayor said, repairs would take days."
    )
    spans = contents(spacy_nlp, text, with_source=True)
    assert spans["said/the regional governor"] == [
        "The bridge at Antonivka",
        "would reopen to traffic by the weekend",
    ]
    assert spans["said/the mayor"] == ["repairs would take days"]


def test_parenthetical_cue_after_a_colon_takes_only_the_words_after_it(spacy_nlp):
    text = (
        "Rescuers worked through the night: with the river still rising, officials said, "
        "more villages would be evacuated."
    )
    assert contents(spacy_nlp, text)["said"] == ["more villages would be evacuated"]


def test_passive_cue_reports_its_subject_and_complement(spacy_nlp):
    text = (
        "The brigade was criticized for withdrawing from Krynky without orders, and its "
        "commander was replaced. The village was declared a closed military zone."
    )
    found = contents(spacy_nlp, text)
    assert found["was criticized"] == [
        "The brigade",
        "for withdrawing from Krynky without orders",
    ]
    assert found["was declared"] == ["The village", "a closed military zone"]


def test_second_predicate_of_the_speaker_is_not_content(spacy_nlp):
    text = (
        "The ministry confirmed the loss of two helicopters and opened an inquiry into the "
        "crash. The mayor said that shells hit a school and damaged two houses."
    )
    # The rules alone (no parse) must stop too: the parse misreads longer sentences.
    found = contents(spacy_nlp, text, parse=False)
    assert found["confirmed"] == ["the loss of two helicopters"]
    # A clause of its own keeps its second verb: the shells damaged the houses.
    assert found["said"] == ["that shells hit a school and damaged two houses"]


def test_bracket_closing_the_writers_aside_is_not_content(spacy_nlp):
    text = (
        "Two trucks were hit near Kupiansk. (The ministry later said the convoy had not "
        "come under fire.)"
    )
    assert contents(spacy_nlp, text)["later said"] == ["the convoy had not come under fire"]


def test_relative_pronoun_before_the_source_is_the_content(spacy_nlp):
    text = (
        "Kyiv rejected the withdrawal, which the Kremlin demanded. The new curfew, which "
        "officials say will take effect in May, drew protests in Odesa."
    )
    for parse in (True, False):
        found = contents(spacy_nlp, text, parse=parse)
        assert found["demanded"] == ["which"]
        assert found["say"] == ["which", "will take effect in May"]


def test_parse_ends_the_last_span_of_a_content_in_two_parts(spacy_nlp):
    text = (
        "The shelling hit the hospital, which the governor blamed on Russian artillery "
        "during a televised address."
    )
    assert contents(spacy_nlp, text)["blamed"] == ["which", "on Russian artillery"]


def test_reported_clause_ends_at_a_sentence_end_the_splitter_missed(spacy_nlp):
    text = (
        "The spokesman said the front had been \u201cstable for weeks\u201d\u00a0 on Telegram "
        "before claiming that Russian units were \u201cexhausted.\u201d\u00a0Given the losses, "
        "analysts agreed."
    )
    assert contents(spacy_nlp, text)["said"] == [
        "the front had been \u201cstable for weeks\u201d\u00a0 on Telegram before claiming that "
        "Russian units were \u201cexhausted.\u201d"
    ]


def test_second_quotation_after_the_speaker_in_one_sentence_is_his_too(spacy_nlp):
    first = (
        "''The decision matrix is like choosing whether you want to die by cyanide or by "
        "hanging,''"
    )
    second = "''I've never seen anything as complicated as this.''"
    for speaker in ("Mr. Bondar said", "said Oleh Bondar, a Kyiv consultant"):
        text = f"The talks stalled again.\n\n{first} {speaker}. {second}\n\nOfficials declined."
        assert contents(spacy_nlp, text)["said"] == [first, second]


def test_hyphen_inside_a_word_does_not_end_the_content(spacy_nlp):
    text = (
        "The brigade is already claiming victory in the so-called \u201cbattle of the "
        "bridges.\u201d"
    )
    assert contents(spacy_nlp, text)["is already claiming"] == [
        "victory in the so-called \u201cbattle of the bridges.\u201d"
    ]


def test_hearer_and_a_place_phrase_before_that_clause_are_not_content(spacy_nlp):
    text = (
        "Zelensky told reporters during a visit to Odesa on Friday that the grain corridor "
        "would stay open."
    )
    assert contents(spacy_nlp, text)["told"] == ["that the grain corridor would stay open"]


def test_according_to_set_off_mid_sentence_covers_both_sides(spacy_nlp):
    text = (
        "Over the winter, according to the budget office, the deficit will keep rising. "
        "Two drones were shot down, according to Oleh Syniehubov, the regional governor."
    )
    found = [
        [c["text"] for c in a["content"]]
        for a in extract_attributions(spacy_nlp(text))
        if a["cue"][0]["text"] == "according to"
    ]
    assert found == [
        ["Over the winter", "the deficit will keep rising"],
        ["Two drones were shot down"],
    ]


def test_dateline_is_not_part_of_a_content_before_the_source(spacy_nlp):
    text = "KYIV (Reuters) - Russian forces shelled Kherson overnight, the governor said."
    assert contents(spacy_nlp, text)["said"] == [
        "Russian forces shelled Kherson overnight"
    ]


def test_what_the_source_calls_ends_with_the_quoted_name(spacy_nlp):
    text = "Kyiv condemned what the Kremlin called \u201ca limited operation\u201d in a statement."
    assert contents(spacy_nlp, text)["called"] == ["what", "\u201ca limited operation\u201d"]
