"""eval events / eval acled / train on small files written here (and the shared sample)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from frontwire.errors import EvalDataError
from frontwire.eval import acled as acled_eval
from frontwire.eval import events as events_eval
from frontwire.events import EventCoder, classify, train
from frontwire.events.classify import active_model_name
from frontwire.events.learn import TrainingDataError
from frontwire.model import Document, Report

SNIPPETS = [
    ("Artillery shelled the outskirts of the town overnight, damaging homes.",
     "Shelling/artillery/missile attack"),
    ("Gunmen kidnapped a priest on the road to the parish.", "Abduction/forced disappearance"),
    ("Teachers staged a peaceful rally outside the ministry over unpaid wages.",
     "Peaceful protest"),
    ("Riot police fired tear gas to disperse students marching on parliament.",
     "Protest with intervention"),
    ("Villagers lynched a suspected cattle thief at the market.", "Mob violence"),
]


@pytest.fixture(autouse=True)
def data_home(monkeypatch, tmp_path):
    """A private data folder; geo and time stand-ins so no gazetteer loads here."""
    from frontwire.events import coder

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(coder, "locator", lambda report: lambda start, end: (None, 3, 6))
    monkeypatch.setattr(coder, "date_of", lambda report, start, end, trigger=None: {})
    return tmp_path / "xdg"


def write_jsonl(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def test_eval_events_scores_seen_and_all_rows(tmp_path):
    rows = [{"id": str(i), "text": t, "label": lab, "seen": True}
            for i, (t, lab) in enumerate(SNIPPETS)]
    rows.append({"id": "x", "text": "The minister resigned after a scandal.", "label": "OTHER",
                 "seen": False})
    result = events_eval.evaluate(write_jsonl(tmp_path / "s.jsonl", rows))
    assert result["n"] == 5 and result["all_n"] == 6
    assert result["accuracy"] == result["weighted_f1"] == result["macro_f1"] == 1.0
    assert result["all_weighted_f1"] < 1.0
    assert "weighted-F1 1.000" in events_eval.format_report(result)


def test_eval_events_reads_acled_rows_and_limit(tmp_path):
    rows = [{"id": str(i), "text": t, "sub_event_type": lab} for i, (t, lab) in
            enumerate(SNIPPETS)]
    result = events_eval.evaluate(write_jsonl(tmp_path / "a.jsonl", rows), limit=2)
    assert result["n"] == result["all_n"] == 2 and result["accuracy"] == 1.0


def test_eval_bad_files_are_clear_errors(tmp_path):
    with pytest.raises(EvalDataError, match="evaluation file not found"):
        events_eval.evaluate(str(tmp_path / "missing.jsonl"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x"}\nnot json\n')
    with pytest.raises(EvalDataError, match="bad.jsonl:1"):
        events_eval.evaluate(str(bad))
    with pytest.raises(EvalDataError, match="not an ACLED row"):
        acled_eval.evaluate(write_jsonl(tmp_path / "c.jsonl", [{"id": "1", "text": "x"}]))


def test_metrics():
    result = events_eval.scores(["a", "a", "b", "c"], ["a", "b", "b", "c"])
    assert result["accuracy"] == 0.75
    assert result["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)
    assert result["weighted_f1"] == pytest.approx((2 * 2 / 3 + 2 / 3 + 1) / 4)
    assert acled_eval.haversine_km(50.0, 36.23, 50.0, 36.23) == 0.0
    assert acled_eval.haversine_km(50.0, 36.0, 50.1, 36.0) == pytest.approx(11.1, abs=0.1)
    assert acled_eval.norm_name("Protesters (Côte d'Ivoire)") == "protesters (cote d ivoire)"
    assert acled_eval.admin_match("Western Province", "Western")
    assert acled_eval.admin_match("Kurskaya oblast'", "Kurskaya")
    assert not acled_eval.admin_match("Kent", "Kentucky")


def _training_csv(path: Path) -> str:
    notes = {
        "Looting/property destruction": ["Militia looted shops in the market.",
                                         "Soldiers ransacked and looted a clinic.",
                                         "Looters carried off grain from the depot."],
        "Arrests": ["Police arrested a journalist at home.",
                    "Security agents detained two activists.",
                    "Officers arrested a local councillor."],
        "Agreement": ["The clans signed a peace deal in the town.",
                      "The parties agreed to a ceasefire and signed a pact.",
                      "Elders brokered a deal between the two villages."],
    }
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["event_id_cnty", "event_type", "sub_event_type", "notes"])
        for label, texts in notes.items():
            for i, text in enumerate(texts):
                writer.writerow([f"X{i}", "Strategic developments", label, text])
    return str(path)


def test_train_saves_to_the_user_folder_and_the_pipeline_uses_it(tmp_path, data_home):
    assert active_model_name() == "builtin"
    result = train(_training_csv(tmp_path / "mine.csv"))
    assert result["n"] == 9 and Path(result["path"]) == data_home / "frontwire" / "events-model"
    assert result["labels"] == ["Agreement", "Arrests", "Looting/property destruction"]
    assert (Path(result["path"]) / "model.pkl").is_file()
    assert active_model_name() == f"user:{result['path']}"
    [(event_type, sub, confidence)] = classify(["Police arrested two journalists."])
    assert (event_type, sub) == ("Strategic developments", "Arrests") and 0 < confidence <= 1
    text = "Police arrested two journalists in the capital on Monday."
    report = EventCoder()(Report(document=Document(id="d", text=text), text=text))
    assert report.events[0].model.startswith("user:")


def test_train_rejects_bad_data(tmp_path):
    with pytest.raises(TrainingDataError, match="no such training file"):
        train(str(tmp_path / "none.csv"))
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("text,label\nx,y\n")
    with pytest.raises(TrainingDataError, match="'notes' and 'sub_event_type'"):
        train(str(wrong))
    odd = write_jsonl(tmp_path / "odd.jsonl", [{"text": "a", "label": "Battle royale"}])
    with pytest.raises(TrainingDataError, match="not an ACLED sub-event type"):
        train(odd)


def test_train_accepts_jsonl(tmp_path):
    rows = [{"text": t, "label": lab} for t, lab in SNIPPETS * 2]
    result = train(write_jsonl(tmp_path / "t.jsonl", rows), out=str(tmp_path / "model"))
    assert result["n"] == 10 and result["seconds"] >= 0


def _acled_rows() -> list[dict]:
    base = {"event_date": "2022-05-03", "actor1": "Protesters (Kenya)", "latitude": None,
            "longitude": None, "admin1": "Nairobi", "fatalities": 0}
    rows = []
    for i, (text, sub) in enumerate(SNIPPETS * 4):
        kind = {"Peaceful protest": "Protests", "Protest with intervention": "Protests",
                "Mob violence": "Riots", "Abduction/forced disappearance":
                "Violence against civilians"}.get(sub, "Explosions/Remote violence")
        rows.append({**base, "id": f"KEN{i}", "text": f"On 3 May 2022, {text}",
                     "event_type": kind, "sub_event_type": sub})
    return rows


def test_eval_acled_with_a_train_split(tmp_path, monkeypatch, data_home):
    from frontwire.pipeline import Pipeline, PipelineConfig

    def light() -> tuple:  # events only: keeps the test fast and independent of geo/time
        return Pipeline(PipelineConfig(stages=("events",),
                                       options={"events": {"one_event": True}})), ["geo"]

    monkeypatch.setattr(acled_eval, "build_pipeline", light)
    monkeypatch.setattr(Pipeline, "__init__", _events_only_init)
    path = write_jsonl(tmp_path / "acled.jsonl", _acled_rows())
    result = acled_eval.evaluate(path)
    assert result["n"] == 20 and result["event_type_acc"] == 1.0
    assert result["fatalities_acc"] == 1.0 and result["missing_stages"] == ["geo"]
    split = acled_eval.evaluate(path, train_fraction=0.5)
    assert split["n"] + split["trained_on"] == 20 and split["model"].startswith("trained on")
    assert not (data_home / "frontwire" / "events-model").exists()  # nothing saved
    assert "event type accuracy" in acled_eval.format_report(split)
    with pytest.raises(EvalDataError, match="between 0 and 1"):
        acled_eval.evaluate(path, train_fraction=1.5)


def _events_only_init(self, config=None):
    from frontwire.events import EventCoder as Coder

    self.config = config
    self.stages = [Coder(**config.for_stage("events"))]


def test_split_is_deterministic():
    ids = [f"ID{i}" for i in range(1000)]
    share = sum(acled_eval.in_train(i, 0.8) for i in ids) / len(ids)
    assert 0.75 < share < 0.85
    assert [acled_eval.in_train(i, 0.8) for i in ids] == [acled_eval.in_train(i, 0.8) for i in ids]


def test_case2021_sample(shared_dir):
    result = events_eval.evaluate(str(shared_dir / "eval" / "case2021-task2-sample.jsonl"))
    assert result["all_n"] == 5 and 0.0 <= result["weighted_f1"] <= 1.0


def test_a_model_saved_elsewhere_is_used_when_named(tmp_path, data_home, monkeypatch):
    folder = tmp_path / "elsewhere"
    train(_training_csv(tmp_path / "mine.csv"), out=str(folder))
    assert active_model_name() == "builtin"  # saved outside the data folder: not picked up
    monkeypatch.setenv("FRONTWIRE_EVENTS_MODEL", str(folder))
    assert active_model_name() == f"user:{folder}"
    [(_, sub, _)] = classify(["Security agents detained two activists."])
    assert sub == "Arrests"


NEWS = Path(__file__).parent / "data" / "news_snippets.jsonl"


def _news_split(split: str, tmp_path: Path) -> str:
    rows = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines()]
    return write_jsonl(tmp_path / f"{split}.jsonl", [r for r in rows if r["split"] == split])


def test_news_snippet_set_covers_every_sub_event_type():
    from collections import Counter

    from frontwire.events.taxonomy import SUB_EVENT_TYPES

    rows = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines()]
    assert {r["split"] for r in rows} == {"heldout", "dev"}
    for split in ("heldout", "dev"):
        counts = Counter(r["label"] for r in rows if r["split"] == split)
        assert set(counts) == set(SUB_EVENT_TYPES) and min(counts.values()) >= 6, split
    assert len({r["text"] for r in rows}) == len(rows)  # no snippet twice


def test_news_snippets_heldout_floor(tmp_path):
    # Written before the classifier was run on it and never tuned on: the honest figure
    # for wire-news prose (0.861 when the floor was set; issue 6 targets 0.85).
    result = events_eval.evaluate(_news_split("heldout", tmp_path))
    assert result["n"] == 175 and result["model"] == "builtin"
    assert result["weighted_f1"] >= 0.84


def test_news_snippets_dev_floor(tmp_path):
    result = events_eval.evaluate(_news_split("dev", tmp_path))
    assert result["weighted_f1"] >= 0.95
