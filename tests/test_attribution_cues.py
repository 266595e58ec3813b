"""Cue detection on conflict-news sentences: which predicates report, and how far a cue
reaches (the particle that introduces the content belongs to it)."""

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
