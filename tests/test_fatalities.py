"""Death tolls in news text (frontwire.events.fatalities): the event's own toll, with its
span, and not the background totals, objects, dates or other incidents around it."""

from __future__ import annotations

import pytest

from frontwire.events.fatalities import count_fatalities, next_sentence_fatalities


@pytest.mark.parametrize("text, value, words", [
    ("A Russian missile strike on an apartment block in Dnipro on Saturday killed at least 12"
     " people, the regional governor said.", 12, "killed at least 12 people"),
    ("Two missiles killed three people in Mykolaiv on Wednesday, Governor Vitaliy Kim said.",
     3, "killed three people in Mykolaiv"),
    ("Twelve people were reportedly killed when shells hit the market.", 12,
     "Twelve people were reportedly killed"),
    ("Rescuers pulled two bodies from the rubble on Monday morning. By the evening the death"
     " toll had risen to 23, the emergency service said.", 23, "death toll had risen to 23"),
    ("The death toll from Thursday's strike rose from 12 to 23 on Friday.", 23,
     "death toll from Thursday's strike rose from 12 to 23 on Friday"),
    ("Russian shelling killed a civilian in Nikopol overnight, Governor Serhiy Lysak said.", 1,
     "killed a civilian in Nikopol"),
    ("Six people were killed in Russian attacks on Sievierodonetsk, the governor said, along"
     " with at least two others killed in Lysychansk.", 8, None),
])  # fmt: skip
def test_the_events_own_toll_is_counted_with_its_words(text: str, value: int,
                                                        words: str | None) -> None:
    found = count_fatalities(text, offset=100)
    assert found.value == value
    if words is not None:
        assert found.text == words
        assert found.start is not None and text[found.start - 100:].startswith(found.text)


@pytest.mark.parametrize("text", [
    # Totals over a period are the war's background, not one strike's toll.
    "The UN says Russian forces have killed more than 14,000 civilians over eight years of"
    " fighting in the Donbas.",
    "Since February, Russian shelling has killed at least 5,000 civilians in the region,"
    " officials said.",
    "Ukraine says 9,000 of its soldiers have been killed so far in the war.",
    "Around 300 civilians have been killed in the city this year, the mayor said.",
    "The months-long siege killed thousands of civilians, according to local officials.",
    # Objects and things that are not people.
    "Investigators found the remains of a US-made missile at the site of the blast.",
    "The army said two drones were shot down over the city; no one was hurt.",
    # Dates read as counts.
    "The UN human rights office said on May 20 that indiscriminate shelling had killed",
    "A court heard that the shelling in 2015 that killed",
    # An allegation in court, and an unknown number.
    "A captured Russian soldier accused of killing a civilian awaited his verdict in Kyiv.",
    "An unknown number of people were killed, the mayor said.",
    # He is the speaker, not a victim.
    "He said efforts continued to remove killed fighters from the plant.",
    # The toll of an earlier incident, recalled.
    "The attack came weeks after a missile strike on Kramatorsk station killed 52 people.",
])  # fmt: skip
def test_figures_that_are_not_this_events_toll_are_left_out(text: str) -> None:
    assert count_fatalities(text).value == 0


def test_a_period_total_beside_the_toll_does_not_replace_it() -> None:
    text = ("The strike killed at least 23 people, officials said, bringing the number of"
            " civilians killed in the city since February to 5,000.")
    found = count_fatalities(text)
    assert (found.value, found.text) == (23, "killed at least 23 people")


def test_a_repeated_figure_is_the_same_dead() -> None:
    text = ("Russian forces shelled Lysychansk, killing at least 13 civilians, Ukraine's military"
            " said on Friday. In the shelling of the city 13 people were killed.")
    assert count_fatalities(text).value == 13


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".\n" and (i + 1 == len(text) or text[i + 1] in " \n"):
            out.append((start, i + 1))
            start = i + 2
    return out


def test_the_toll_in_the_next_sentence_belongs_to_the_event() -> None:
    text = ("KHERSON, Ukraine (AP) — Russian shelling hit a bus stop in Kherson on Tuesday. A"
            " civilian was killed. Rescuers cleared the street.")
    end = text.index(" A civilian")
    found = next_sentence_fatalities(text, end, _sentences(text))
    assert (found.value, found.text) == (1, "A civilian was killed")
    assert found.start == text.index("A civilian")


def test_the_next_sentence_about_another_place_or_paragraph_is_not_the_toll() -> None:
    text = ("Russian shelling hit a bus stop in Kherson on Tuesday. A missile strike on Odesa"
            " killed three people.\nTwo soldiers were killed.")
    end = text.index(" A missile")
    odesa = text.index("Odesa")
    assert next_sentence_fatalities(text, end, _sentences(text), [(odesa, odesa + 5)]).value == 0
    end = text.index("\nTwo")
    assert next_sentence_fatalities(text, end, _sentences(text)).value == 0


def test_the_events_stage_reads_the_next_sentence(spacy_nlp: object) -> None:
    from frontwire.model import Document
    from frontwire.pipeline import analyse_document

    text = ("KYIV, Ukraine (AP) — Russian shelling hit a bus stop in Kherson on Tuesday morning."
            " A civilian was killed. The regional administration said the city had been shelled"
            " 40 times in a day.")
    report = analyse_document(Document(id="ap-kherson", text=text, outlet="AP"))
    shelling = next(e for e in report.events if e.sub_event_type.startswith("Shelling"))
    assert shelling.fatalities == 1
    assert report.text[shelling.fatalities_start:shelling.fatalities_end] == "A civilian was killed"
