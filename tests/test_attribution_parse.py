"""Speakers and content ends from a parse of the cue sentences (issue 5), and the
view embedded in another source's words."""

from __future__ import annotations

import pytest

from frontwire.attribution import Attributor, extract_attributions
from frontwire.model import Document, Report
from frontwire.nlp import annotate, parse_spans


def spans(nlp, text: str, parse: bool = True) -> dict[str, tuple[str | None, list[str]]]:
    """cue text -> (source text, content texts)."""
    out = {}
    for att in extract_attributions(nlp(text), parse=parse):
        source = att["source"][0]["text"] if att["source"] else None
        out[att["cue"][0]["text"]] = (source, [c["text"] for c in att["content"]])
    return out


def test_parse_spans_gives_dependencies_of_chosen_sentences(spacy_nlp):
    doc = spacy_nlp("Sirens sounded in Kyiv. The mayor said the metro was open.")
    second = next(s for s in doc.sents if "mayor" in s.text)
    (parsed,) = parse_spans(doc, [(second.start, second.end)])
    assert [t.text for t in parsed] == [t.text for t in second]
    said = next(t for t in parsed if t.text == "said")
    assert {c.dep_ for c in said.children} >= {"nsubj", "ccomp"}
    assert parse_spans(doc, []) == []


def test_parse_spans_rejects_a_range_outside_the_doc(spacy_nlp):
    doc = spacy_nlp("The mayor said the metro was open.")
    with pytest.raises(ValueError, match="outside the Doc"):
        parse_spans(doc, [(0, len(doc) + 3)])


def test_infinitive_cue_speaks_for_the_subject_of_its_verb(spacy_nlp):
    text = "The regional governor took to Telegram to say that two drones were shot down."
    assert spans(spacy_nlp, text)["to say"][0] == "The regional governor"
    # The rules alone stop at the nearest noun phrase.
    assert spans(spacy_nlp, text, parse=False)["to say"][0] == "Telegram"


def test_subject_keeps_appositive_relative_clause_and_closing_comma(spacy_nlp):
    text = (
        "Oleksandr Prokudin, the head of the Kherson regional military administration, who "
        "visited the hospital on Monday, said three civilians were wounded."
    )
    source, content = spans(spacy_nlp, text)["said"]
    assert source is not None
    assert source.startswith("Oleksandr Prokudin, the head of the Kherson")
    assert source.endswith("on Monday,")
    assert content == ["three civilians were wounded"]


def test_content_ends_with_the_verbs_complement(spacy_nlp):
    text = (
        "The general staff reported heavy fighting near Pokrovsk while Russian bloggers "
        "posted footage of burning armour. The governor blamed the blackout on a Russian "
        "missile strike when he spoke to reporters in Kharkiv on Sunday."
    )
    found = spans(spacy_nlp, text)
    assert found["reported"] == ("The general staff", ["heavy fighting near Pokrovsk"])
    assert found["blamed"][1] == ["the blackout on a Russian missile strike"]
    assert found["posted"] == ("Russian bloggers", ["footage of burning armour"])


def test_content_is_not_cut_inside_a_quotation(spacy_nlp):
    text = (
        'The commander said "the bridge is ours, and it will stay ours" as his men dug in '
        "on the western bank."
    )
    (_, content) = spans(spacy_nlp, text)["said"]
    assert content[0].startswith('"the bridge is ours, and it will stay ours"')


def test_view_embedded_in_another_sources_words_is_not_a_claim(spacy_nlp):
    text = "Most residents of the village say they believe the shelling came from the north."
    found = spans(spacy_nlp, text)
    assert "believe" not in found
    assert found["say"] == (
        "Most residents of the village",
        ["they believe the shelling came from the north"],
    )


def test_named_speaker_inside_a_clause_keeps_its_claim(spacy_nlp):
    text = "Kyiv says the strike hit a power plant, as Moscow insists only military sites were hit."
    found = spans(spacy_nlp, text)
    assert found["insists"][0] == "Moscow"


def test_stage_names_the_speaker_of_a_non_finite_cue(spacy_nlp):
    text = (
        "The governor of the Kursk region, Roman Starovoit, took to Telegram to say the "
        "attack on Tetkino was repelled."
    )
    sources = {}
    for parse in (True, False):
        report = Report(document=Document(id="t", text=text, outlet="Eastline Wire"), text=text)
        claims = Attributor(parse=parse)(annotate(report, spacy_nlp(text))).claims
        sources[parse] = {c.source for c in claims if c.cue == "to say"}
    assert sources[True] == {"Roman Starovoit"}  # the rules alone stop at 'Telegram'
    assert sources[False] != sources[True]


def test_infinitive_cue_includes_the_verb_it_completes(spacy_nlp):
    text = (
        "Peskov went on to say that the talks were frozen. The governor has continued to "
        "insist that the dam is safe. The regional council is expected to endorse the plan."
    )
    found = spans(spacy_nlp, text)
    assert found["went on to say"] == ("Peskov", ["that the talks were frozen"])
    assert found["has continued to insist"][0] == "The governor"
    # A passive cue keeps its own attribution; the infinitive is not merged into it.
    assert "to endorse" in found and "is expected" in found


def test_headline_speaker_but_not_a_line_label(spacy_nlp):
    text = (
        "Zelensky: We Will Not Trade Land For Peace\n\n"
        "Update: Power Has Been Restored In Odesa\n\n"
        "Crews worked through the night."
    )
    found = spans(spacy_nlp, text)
    assert found[":"] == ("Zelensky", ["We Will Not Trade Land For Peace"])
    colons = [a for a in extract_attributions(spacy_nlp(text)) if a["cue"][0]["text"] == ":"]
    assert len(colons) == 1


def test_asked_participle_and_raising_verbs_have_no_speaker(spacy_nlp):
    text = (
        "Asked whether the troops would withdraw from the bridgehead, Peskov said no decision "
        "had been taken. The Kremlin seemed unconcerned by the sanctions."
    )
    found = spans(spacy_nlp, text)
    assert found["Asked"][0] is None
    assert found["said"] == ("Peskov", ["no decision had been taken"])
    assert found["seemed"][0] is None


def test_relative_that_speaker_is_its_antecedent(spacy_nlp):
    text = "A volunteer unit that claimed the raid said its fighters had returned to Ukraine."
    found = spans(spacy_nlp, text)
    assert found["claimed"][0] == "A volunteer unit"


def test_parse_spans_keeps_the_tags(spacy_nlp):
    doc = spacy_nlp("The unit that claimed the raid said it was over.")
    (parsed,) = parse_spans(doc, [(0, len(doc))])
    assert [t.tag_ for t in parsed] == [t.tag_ for t in doc]


def test_inverted_speaker_with_a_trailing_clause_keeps_the_quote_as_content(spacy_nlp):
    text = (
        "\u201cWe have not had water for nine days,\u201d said Halyna Kovalenko, 67, of "
        "Kupiansk, after queueing at the aid point on Monday."
    )
    for parse in (True, False):
        source, content = spans(spacy_nlp, text, parse)["said"]
        assert content == ["\u201cWe have not had water for nine days,\u201d"]
        assert source is not None and source.startswith("Halyna Kovalenko")


def test_short_answer_after_the_speaker_is_the_content(spacy_nlp):
    text = "Asked whether the bridge could still carry trucks, the engineer said no."
    assert spans(spacy_nlp, text)["said"] == ("the engineer", ["no"])


def test_trailing_according_to_takes_the_whole_object(spacy_nlp):
    text = (
        "Turnout fell to 41 percent, according to a survey by the Rating group released "
        "on Thursday."
    )
    assert spans(spacy_nlp, text)["according to"] == (
        "a survey by the Rating group released on Thursday",
        ["Turnout fell to 41 percent"],
    )
