"""Event detection on news: what is told as having happened, and what is not."""

from __future__ import annotations

import pytest

from frontwire.events import factuality
from frontwire.events.coder import find_candidates
from frontwire.model import Document, Report, Sentence
from frontwire.store.synthetic import sentences


def _verdict(sentence: str, cue: str) -> str:
    at = sentence.index(cue)
    return factuality.assess(sentence, (at, at + len(cue)))


@pytest.mark.parametrize(("sentence", "cue"), [
    ("Russian forces shelled the centre of Kharkiv on Tuesday, the governor said.", "shelled"),
    ("Ukrainian air defences shot down 14 drones overnight, the air force said.", "shot down"),
    ("The strike may have been carried out by a Tochka-U missile, investigators said.",
     "strike"),
    ("Kyiv managed to recapture the village after two days of fighting.", "recapture"),
])
def test_told_as_having_happened(sentence: str, cue: str) -> None:
    assert _verdict(sentence, cue) == factuality.HAPPENED


@pytest.mark.parametrize(("sentence", "cue"), [
    ("Moscow warned it would strike decision-making centres in Kyiv.", "strike"),
    ("Could Russia attack the Zaporizhzhia plant again?", "attack"),
    ("Analysts said Russia was preparing to launch a new offensive in the spring.", "offensive"),
    ("If the talks fail, the army could shell the port again.", "shell"),
    ("Russian troops remain in occupied Kherson region.", "occupied"),
])
def test_plans_threats_questions_and_places_are_not_incidents(sentence: str, cue: str) -> None:
    assert _verdict(sentence, cue) == factuality.UNREAL


def test_a_negated_attack_is_denied_not_happened() -> None:
    sentence = "The ministry said no missiles had struck the dam."
    assert _verdict(sentence, "struck") == factuality.DENIED


def test_a_stretch_of_fighting_is_background() -> None:
    sentence = "The city fell into Russian hands after weeks of fighting."
    at = sentence.index("fighting")
    assert factuality.is_duration(sentence, (at, at + len("fighting")))
    assert not factuality.is_duration("Fighting broke out at dawn.", (0, 8))


def test_a_separate_incident_is_marked() -> None:
    assert factuality.starts_new_incident("In a separate attack, drones hit Odesa.")
    assert not factuality.starts_new_incident("Drones hit Odesa again on Friday.")


def _report(text: str) -> Report:
    report = Report(document=Document(id="d", text=text), text=text)
    report.sentences = [Sentence(s.start, s.end) for s in sentences(text)]
    return report


def test_the_coder_keeps_the_strike_and_drops_speculation_and_plans() -> None:
    text = ("Russian missiles struck an apartment block in Dnipro on Saturday, killing 23"
            " people, officials said. Ukraine needs more Patriot systems to stop such strikes,"
            " the president said. Russia could launch another massive attack within days,"
            " analysts warned. They signed non-disclosure agreements before joining.")
    happened, _ = find_candidates(_report(text))
    assert [text[c.start:c.end].split()[2] for c in happened] == ["struck"]
