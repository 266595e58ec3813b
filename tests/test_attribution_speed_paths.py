"""Speed paths of the claims stage (issue 5) that must give the results of the slow ones."""

from __future__ import annotations

import pytest

from frontwire import nlp as nlp_module
from frontwire.attribution import Attributor
from frontwire.attribution.api import extract_attributions
from frontwire.attribution.extract import Extractor
from frontwire.attribution.parse import sentences_to_parse
from frontwire.attribution.stage import _Cover, _opens
from frontwire.attribution.tokens import from_doc, quote_regions
from frontwire.model import Document, Report
from frontwire.nlp import annotate, parse_spans

REDUCED_PASSIVE = (
    "Oleh Synehubov, the governor of the Kharkiv region, live tweeted as the missiles hit "
    "the city."
)
LEADING_ACCORDING = (
    "According to the regional governor, two drones were shot down over Belgorod overnight."
)
TRAILING_ACCORDING = (
    "Two drones were shot down over Belgorod overnight, according to the regional governor."
)


def _sentences(spacy_nlp, text: str) -> list[int]:
    toks = from_doc(spacy_nlp(text))
    return sentences_to_parse(toks, Extractor(toks).run())


def test_sentences_whose_cues_do_not_read_a_parse_are_not_parsed(spacy_nlp):
    assert _sentences(spacy_nlp, REDUCED_PASSIVE) == []
    assert _sentences(spacy_nlp, LEADING_ACCORDING) == []
    assert _sentences(spacy_nlp, TRAILING_ACCORDING) == [0]
    said = "The governor said two drones were shot down. Schools stay closed on Monday."
    assert _sentences(spacy_nlp, said) == [0]


def test_unparsed_sentences_keep_the_answers_they_had(spacy_nlp, monkeypatch):
    def no_parse(doc, spans):
        raise AssertionError("the parser was asked for a sentence it cannot change")

    monkeypatch.setattr(nlp_module, "parse_spans", no_parse)
    # 'live tweeted' is tagged as a participle after a comma: it names no speaker, even
    # though nothing was parsed.
    (passive,) = extract_attributions(spacy_nlp(REDUCED_PASSIVE))
    assert passive["source"] == [] and passive["cue"][0]["text"] == "live tweeted"
    (leading,) = extract_attributions(spacy_nlp(LEADING_ACCORDING))
    assert leading["source"][0]["text"] == "the regional governor"


def test_batched_stage_drops_the_participles_speaker_without_a_parse(spacy_nlp):
    text = REDUCED_PASSIVE + " " + LEADING_ACCORDING
    report = Report(document=Document(id="r1", text=text, outlet="Wire"), text=text)
    (done,) = Attributor().pipe([annotate(report, spacy_nlp(text))])
    assert "Oleh Synehubov" not in {c.source for c in done.claims}


QUOTED = [
    "\u201cWe are holding the line,\u201d the commander said. \u201cThey will not pass.\u201d",
    "``The strike hit a school,'' the mayor said, ``and a clinic.''",
    "He said: \"Two were killed.\n\n\"A third died in hospital,\" he added.",
    "''Unopened wire quote,'' an official said. Nothing else was quoted.",
    "No quotation here at all.",
]


@pytest.mark.parametrize("text", QUOTED)
def test_quoted_tokens_are_those_strictly_inside_a_quotation(spacy_nlp, text):
    toks = from_doc(spacy_nlp(text))
    regions = quote_regions(text)
    expected = [any(a < s < b - 1 for a, b in regions) for s in toks.start]
    assert toks.quoted == expected
    assert any(toks.quoted) == bool(regions)


def test_tokens_flatten_labels_and_words_of_the_doc(spacy_nlp):
    text = "Kyiv\u2019s mayor, Vitali Klitschko, said on Telegram that\n\nthree people died."
    doc = spacy_nlp(text)
    toks = from_doc(doc, text)
    assert toks.text == [t.text for t in doc] and toks.lower == [t.lower_ for t in doc]
    assert toks.tag == [t.tag_ for t in doc] and toks.pos == [t.pos_ for t in doc]
    assert toks.ent == [t.ent_type_ for t in doc]
    assert toks.end == [t.idx + len(t) for t in doc]
    assert "PERSON" in toks.ent and "SPACE" in toks.pos
    with pytest.raises(ValueError, match="does not match"):
        from_doc(doc, text.replace("Kyiv", "Lviv"))


def test_parse_pieces_keep_words_and_spacing(spacy_nlp):
    text = "Dmytro Lubinets \u2014 the ombudsman \u2014 said:\n\u201cThree civilians died.\u201d"
    doc = spacy_nlp(text)
    (piece,) = parse_spans(doc, [(0, len(doc))])
    assert [t.text for t in piece] == [t.text for t in doc]
    assert [t.whitespace_ for t in piece] == [t.whitespace_ for t in doc]
    assert piece.text == text



def test_parse_pieces_share_the_docs_vocabulary_and_name_its_labels(spacy_nlp):
    doc = spacy_nlp("Ukrainian officials said on Tuesday that a drone struck a fuel depot.")
    (piece,) = parse_spans(doc, [(0, len(doc))])
    assert piece.vocab is doc.vocab  # no second word table growing with every new name
    assert [(t.dep_, t.head.i) for t in piece][:3] == [("amod", 1), ("nsubj", 2), ("ROOT", 2)]



def test_span_cover_answers_as_a_look_at_every_span():
    # Contents of a long article: nested, overlapping and out of order.
    spans = [(40, 90), (0, 30), (45, 60), (100, 180), (120, 130), (95, 105), (10, 35)]
    cover = _Cover(spans)
    for a in range(0, 200, 3):
        for b in range(a + 1, 200, 7):
            assert cover.covers(a, b) == any(x <= a and b <= y for x, y in spans), (a, b)
    assert not _Cover([]).covers(0, 1)


def test_speaker_after_that_opens_the_relays_content(spacy_nlp):
    text = (
        "State news agency TASS reported that the defence ministry said Ukrainian troops "
        "had shelled Horlivka overnight."
    )
    report = Report(document=Document(id="r4", text=text, outlet="Wire"), text=text)
    (claim,) = Attributor()(annotate(report, spacy_nlp(text))).claims
    assert [link.name for link in claim.chain] == ["defence ministry", "TASS", "Wire"]
    assert claim.content == "Ukrainian troops had shelled Horlivka overnight"


@pytest.mark.parametrize(
    ("before", "opens"),
    [("", True), (" \u201c", True), ("that ", True), ("That\n", True), ("\u2018 that", True),
     ("thats", False), ("the ministry said", False), ("Kharkiv " * 200, False)],
)
def test_opens_is_only_marks_spaces_or_that(before, opens):
    assert _opens(before) is opens
