"""The pipeline contract, and the whole analysis on realistic text."""

from __future__ import annotations

import json

import pytest

from frontwire.model import Document, Report, report_from_dict, to_dict
from frontwire.pipeline import STAGE_ORDER, Pipeline, PipelineConfig, check

KHARKIV = (
    "Russian missiles hit Kharkiv overnight, killing three people, regional governor "
    "Oleh Syniehubov said on Wednesday.\n\n"
    "The strike damaged an apartment block in the city's Saltivskyi district, he wrote on "
    "Telegram. Russia's defence ministry said its forces had struck military targets only."
)


def test_check_reports_missing_requirements() -> None:
    assert check(STAGE_ORDER) == []
    problems = check(["clean", "events"])
    assert problems and "events needs" in problems[0]
    assert check(["clean", "nosuch"]) == ["unknown stage 'nosuch'"]


def test_pipeline_rejects_broken_stage_order() -> None:
    with pytest.raises(ValueError, match="needs"):
        Pipeline(PipelineConfig(stages=("nlp",)))


@pytest.fixture(scope="module")
def kharkiv_report() -> Report:
    from frontwire.ingest import document_from_text

    document = document_from_text(KHARKIV, published="2024-05-22", outlet="Kyiv Independent")
    return Pipeline().analyse(document)


def test_every_stage_annotates_with_spans(kharkiv_report: Report) -> None:
    report = kharkiv_report
    assert report.sentences and report.entities
    for items in (report.entities, report.places, report.times, report.claims):
        for item in items:
            span = report.text[item.start if hasattr(item, "start") else item.content_start :]
            assert span
    for place in report.places:
        assert report.text[place.start : place.end] == place.text
    for timex in report.times:
        assert report.text[timex.start : timex.end] == timex.text
    for claim in report.claims:
        assert report.text[claim.content_start : claim.content_end] == claim.content


def test_kharkiv_strike_is_coded(kharkiv_report: Report) -> None:
    report = kharkiv_report
    kharkiv = [p for p in report.places if p.text == "Kharkiv"]
    assert kharkiv and abs(kharkiv[0].lat - 49.99) < 0.2 and kharkiv[0].country_code == "UA"
    assert report.events, "a missile strike that killed three is an event"
    strike = report.events[0]
    assert strike.event_type == "Explosions/Remote violence"
    assert strike.fatalities == 3
    assert strike.date_start in ("2024-05-21", "2024-05-22")
    sources = {c.source for c in report.claims}
    assert any("Syniehubov" in s for s in sources)


def test_report_round_trips_through_json(kharkiv_report: Report) -> None:
    data = json.loads(json.dumps(to_dict(kharkiv_report)))
    assert "tokens" not in data
    again = report_from_dict(data)
    assert again.text == kharkiv_report.text
    assert to_dict(again) == data


def test_parallel_analysis_matches_serial() -> None:
    docs = [
        Document(id=f"d{i}", text=text, published=None)
        for i, text in enumerate([KHARKIV, "Protesters gathered in Nairobi on Tuesday."])
    ]
    pipeline = Pipeline()
    serial = [to_dict(r) for r in pipeline.analyse_many(docs, workers=1)]
    parallel = [to_dict(r) for r in pipeline.analyse_many(docs, workers=2)]
    assert serial == parallel


def test_a_failing_document_drops_only_itself() -> None:
    from frontwire.errors import AnalysisError

    class Fussy:
        name = "fussy"

        def __call__(self, report: Report) -> Report:
            if "poison" in report.text:
                raise RuntimeError("cannot read this one")
            return report

    pipeline = Pipeline(PipelineConfig(stages=("clean", "nlp")))
    pipeline.stages.append(Fussy())
    docs = [
        Document(id="a", text="Shelling hit Kherson on Monday."),
        Document(id="b", text="A poison pill of a document.", source_path="bad.txt"),
        Document(id="c", text="Drones struck Odesa overnight."),
    ]
    results = list(pipeline.analyse_many(docs, workers=1, batch_size=3))
    assert [type(r).__name__ for r in results] == ["Report", "AnalysisError", "Report"]
    assert isinstance(results[1], AnalysisError) and "bad.txt" in str(results[1])
    assert results[0].sentences and results[2].sentences



def test_a_vague_mention_of_the_same_strike_joins_the_dated_one() -> None:
    from frontwire.ingest import document_from_text

    text = ("NYALA, South Darfur - At least nine people were killed on Tuesday when a warplane "
            "bombed the cattle market in the west of Nyala, residents said.\n\n"
            "Traders said a plane circled the town for several minutes before dropping two "
            "bombs at midday. \"Everyone ran,\" one trader said.\n\n"
            "The paramilitary force that holds the town accused the army of \"targeting "
            "civilians\". The army's spokesman said its air force struck \"gatherings of the "
            "rebel militia\" on the edge of the town and denied hitting the market.")
    document = document_from_text(text, published="2024-05-21T18:00:00Z", outlet="Nile Courier")
    events = Pipeline().analyse(document).events
    assert [(e.sub_event_type, e.date_start) for e in events] == [
        ("Air/drone strike", "2024-05-21")]
