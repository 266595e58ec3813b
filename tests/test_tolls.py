"""Death tolls across reports (frontwire.ledger.tolls): low, best and high, the timeline of
figures, rising counts superseded rather than disputed, opposed parties widening the range."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from frontwire.ledger import Ledger
from frontwire.model import ASSERTS, DENIES, Report
from frontwire.store.synthetic import (
    CIVILIANS_UA,
    RUSSIA,
    make_claim,
    make_event,
    make_place,
    make_report,
)

STRIKE = "Shelling/artillery/missile attack"
REMOTE = "Explosions/Remote violence"


def _article(doc_id: str, outlet: str, published: str, text: str, toll: str, dead: int,
             source: str = "", side: str = "", stance: str = ASSERTS) -> Report:  # fmt: skip
    """One article about a missile strike on Vinnytsia on 14 July 2022; ``toll`` is the
    phrase of the figure, inside the first sentence, which is the event and its claim."""
    report = make_report(doc_id, text, outlet, published, title=text.split("\n")[0])
    place = make_place(text, "Vinnytsia", "Vinnytsia", 49.2328, 28.481, "UA", "Ukraine",
                       "Vinnytsia", "Vinnytsia Raion", geonameid="689558")  # fmt: skip
    body = text.split("\n")[1]
    first = body.split(". ")[0]
    claim = make_claim(text, "c1", first, stance=stance, source=source or outlet, cue="said",
                       chain=[source, outlet] if source else [outlet], narration=not source)
    claim.side = side
    report.claims = [claim]
    report.events = [make_event(text, "e1", first, REMOTE, STRIKE, place, "2022-07-14",
                                RUSSIA, CIVILIANS_UA, fatalities=dead, fatalities_text=toll,
                                claim_ids=["c1"])]  # fmt: skip
    report.places = [place]
    return report


def _rising_toll() -> list[Report]:
    """Wires and officials through the day as the toll rose: 2, 12, 20, 22, 23."""
    return [
        _article("reuters-0910", "Reuters", "2022-07-14T09:10:00+00:00",
                 "Russian missiles hit central Vinnytsia\nAt least two people were killed when"
                 " Russian missiles hit the centre of Vinnytsia on Thursday, the city's mayor"
                 " said. Rescuers were searching the rubble.",
                 "two people were killed", 2, "Serhiy Morgunov", "Ukraine"),
        _article("ap-1130", "Associated Press", "2022-07-14T11:30:00+00:00",
                 "Missile strike on Ukrainian city kills 12\nA Russian missile strike on"
                 " Vinnytsia on Thursday killed 12 people, including a child. Smoke rose over"
                 " the city centre.",
                 "killed 12 people", 12),
        _article("kyivind-1405", "Kyiv Independent", "2022-07-14T14:05:00+00:00",
                 "Death toll in Vinnytsia rises to 20\nRussia's missile attack on Vinnytsia"
                 " killed 20 people on July 14, the National Police said. Dozens were wounded.",
                 "killed 20 people", 20, "National Police", "Ukraine"),
        _article("afp-1840", "AFP", "2022-07-14T18:40:00+00:00",
                 "Vinnytsia toll climbs\nThe strike on Vinnytsia on Thursday killed 22 people,"
                 " among them three children, Ukraine's emergency service said. Three people"
                 " are missing.",
                 "killed 22 people", 22, "State Emergency Service", "Ukraine"),
        _article("reuters-0800", "Reuters", "2022-07-15T08:00:00+00:00",
                 "Vinnytsia toll rises to 23\nThe Russian strike on Vinnytsia on Thursday killed"
                 " 23 people, Ukrainian officials said on Friday. Funerals began in the city.",
                 "killed 23 people", 23, "Ukrainian officials", "Ukraine"),
        # Two days on, an explainer recalls an earlier count: stale, not a new figure.
        _article("explainer-0716", "The Week", "2022-07-16T10:00:00+00:00",
                 "What we know about the Vinnytsia strike\nThe missile strike on Vinnytsia on"
                 " Thursday killed 20 people in the city centre. Kyiv called it terrorism.",
                 "killed 20 people", 20),
    ]  # fmt: skip


def _merged(path: Path, reports: Sequence[Report]) -> dict:
    with Ledger(path) as ledger:
        for report in reports:
            ledger.add_report(report)
        ledger.merge()
        (event,) = ledger.events(limit=None)
        detail = ledger.event(event["id"])
    assert detail is not None
    return detail


def test_a_rising_toll_is_one_count_and_best_is_the_latest(ledger_path: Path) -> None:
    event = _merged(ledger_path, _rising_toll())
    assert event["n_reports"] == 6
    assert (event["fatalities_low"], event["fatalities"], event["fatalities_high"]) == (23, 23, 23)
    assert not event["contradicted"]
    assert not [r for r in event["contradictions"] if "fatalities" in r["reason"]]


def test_the_figure_timeline_keeps_time_origin_and_what_superseded_it(ledger_path: Path) -> None:
    figures = _merged(ledger_path, _rising_toll())["fatality_figures"]
    assert [f["fatalities"] for f in figures] == [2, 12, 20, 22, 23, 20]
    assert [f["time"][:13] for f in figures][:2] == ["2022-07-14T09", "2022-07-14T11"]
    assert [f["superseded"] for f in figures] == [True, True, True, True, False, True]
    assert figures[0]["origin"] == "Serhiy Morgunov" and figures[0]["side"] == "Ukraine"
    assert figures[1]["origin"] == "Associated Press"  # the wire's own narration
    assert figures[0]["superseded_by"] == {"doc_id": "reuters-0800", "fatalities": 23,
                                           "why": "rising toll"}  # fmt: skip
    assert figures[-1]["superseded_by"]["why"] == "stale count"
    assert figures[4]["text"] == "killed 23 people" and figures[4]["claim_id"] == "c1"


def _two_sides() -> list[Report]:
    """Kyiv counts civilians, Moscow claims soldiers, and a wire carries Kyiv's count."""
    return [
        _article("ukrinform-1", "Ukrinform", "2022-07-14T10:00:00+00:00",
                 "Russian strike on Vinnytsia\nThe Russian strike on Vinnytsia on Thursday"
                 " killed three civilians, Ukraine's Operational Command South said. A"
                 " school was damaged.",
                 "killed three civilians", 3, "Operational Command South", "Ukraine"),
        _article("tass-1", "TASS", "2022-07-14T13:00:00+00:00",
                 "Strike on Vinnytsia hit officers\nThe strike on Vinnytsia on Thursday"
                 " killed more than 100 Ukrainian servicemen, Russia's Defence Ministry said."
                 " It said a command post was destroyed.",
                 "killed more than 100 Ukrainian servicemen", 100, "Russia's Defence Ministry",
                 "Russia"),
        _article("reuters-1", "Reuters", "2022-07-14T15:00:00+00:00",
                 "Strike hits Vinnytsia\nA Russian strike on Vinnytsia on Thursday killed"
                 " three people, Reuters reporters at the scene were told. Reuters could not"
                 " verify Moscow's account.",
                 "killed three people", 3),
    ]  # fmt: skip


def test_opposed_parties_widen_the_range_and_dispute_the_toll(ledger_path: Path) -> None:
    event = _merged(ledger_path, _two_sides())
    assert (event["fatalities_low"], event["fatalities"], event["fatalities_high"]) == (3, 3, 100)
    assert event["contradicted"]
    tolls = [r for r in event["contradictions"] if r["reason"].startswith("fatalities")]
    assert len(tolls) == 1 and "(Russia)" in tolls[0]["reason"]
    assert not any(f["superseded"] for f in event["fatality_figures"])


def test_a_denied_figure_is_kept_in_the_timeline_but_not_counted(ledger_path: Path) -> None:
    reports = _rising_toll()[:2]
    reports.append(_article(
        "ria-1", "RIA Novosti", "2022-07-14T12:00:00+00:00",
        "Moscow denies\nThe Russian army killed 40 civilians in Vinnytsia on Thursday, which"
        " the Defence Ministry denied. It called the reports a provocation.",
        "killed 40 civilians", 40, "Russia's Defence Ministry", "Russia", stance=DENIES))
    event = _merged(ledger_path, reports)
    assert (event["fatalities_low"], event["fatalities"], event["fatalities_high"]) == (12, 12, 12)
    denied = next(f for f in event["fatality_figures"] if f["fatalities"] == 40)
    assert not denied["asserted"] and not denied["superseded"]


def test_acled_export_writes_the_best_figure(ledger_path: Path) -> None:
    import csv
    import io

    from frontwire.export import export

    with Ledger(ledger_path) as ledger:
        for report in _rising_toll():
            ledger.add_report(report)
        ledger.merge()
        out = io.StringIO()
        export(ledger, "acled-csv", out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["fatalities"] == "23"
    assert "fatalities disputed" not in row["tags"]
