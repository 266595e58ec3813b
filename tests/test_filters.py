"""EventFilter: its SQL form and its Python form agree, and the reviewed ledger reads as one."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_fixtures import all_reports, demo_reports  # noqa: E402

from frontwire.ledger import Ledger, LedgerQueryError  # noqa: E402
from frontwire.ledger.filters import EventFilter, resolve_country  # noqa: E402
from frontwire.ledger.queries import event_dict  # noqa: E402
from frontwire.model import STANCES  # noqa: E402

# ------------------------------------------------------------------ generated events

COUNTRIES = [("Ukraine", "UA"), ("Uganda", "UG"), ("Russia", "RU"), ("Kosovo", "XK"),
             ("Fiji", "FJ"), ("", ""), ("Uganda", "")]  # fmt: skip
DATES = [None, "2022-02-24", "2022-03-01", "2022-03-01", "2022-07-14", "2023-05-01"]
TYPES = ["Battles", "Explosions/Remote violence", "Protests"]
SUBTYPES = ["Armed clash", "Air/drone strike", "Shelling/artillery/missile attack"]
ACTORS = ["Military Forces of Russia (2000-)", "Wagner Group", "Civilians (Ukraine)",
          "Ukrainian Ground Forces", "Zaporizhzhia Oblast Administration"]  # fmt: skip
WORDS = ["drone", "strike", "kupiansk", "shelling", "depot", "überfall", "100% sure", "a_b"]

events = st.lists(
    st.fixed_dictionaries({
        "country": st.sampled_from(COUNTRIES),
        "admin1": st.sampled_from(["", "Kharkiv Oblast", "Northern Region"]),
        "dates": st.tuples(st.sampled_from(DATES), st.sampled_from([None, 0, 3])),
        "latlon": st.one_of(st.none(), st.tuples(st.floats(-89, 89), st.floats(-180, 180))),
        "event_type": st.sampled_from(TYPES),
        "sub_event_type": st.sampled_from(SUBTYPES),
        "actors": st.lists(st.sampled_from(ACTORS), max_size=3, unique=True),
        "words": st.lists(st.sampled_from(WORDS), max_size=4),
        "stances": st.dictionaries(st.sampled_from(STANCES), st.integers(0, 3)),
        "contradicted": st.booleans(),
    }),
    max_size=12,
)  # fmt: skip

bboxes = st.tuples(st.floats(-180, 180), st.floats(-90, 90), st.floats(-180, 180),
                   st.floats(-90, 90)).map(lambda b: (b[0], min(b[1], b[3]), b[2],
                                                      max(b[1], b[3])))  # fmt: skip
needles = st.sampled_from(["drone", "DRONE", "Über", "100%", "a_b", "_", "russia", "wag", "x"])
day_ranges = st.tuples(st.none() | st.sampled_from(DATES[1:]),
                       st.none() | st.sampled_from(DATES[1:])).map(
    lambda d: tuple(sorted(d)) if None not in d else d)  # EventFilter refuses from > to


@st.composite
def filters(draw: st.DrawFn) -> EventFilter:
    date_from, date_to = draw(day_ranges)
    return EventFilter(
        date_from=date_from, date_to=date_to,
        country=draw(st.none() | st.sampled_from([
            "UG", "ug", "Uganda", "UGA", "Russia", "Russian Federation", "ukraine", "XK",
            "Kosovo", "Narnia", "fiji"])),
        admin1=draw(st.none() | st.sampled_from(["Kharkiv Oblast", "kharkiv oblast"])),
        bbox=draw(st.none() | bboxes),
        event_type=draw(st.none() | st.sampled_from(TYPES + SUBTYPES + ["battles"])),
        actor=draw(st.none() | needles),
        text=draw(st.none() | needles),
        stance=draw(st.none() | st.sampled_from(STANCES)),
        contradicted=draw(st.none() | st.booleans()),
    )  # fmt: skip


def _shift(day: str | None, days: int | None) -> str | None:
    if day is None or days is None:
        return None
    from datetime import date, timedelta

    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _store(conn: sqlite3.Connection, generated: list[dict[str, Any]]) -> None:
    """Write generated events into the ledger tables as the merge would."""
    for table in ("ledger_event_text", "ledger_event_actors", "ledger_event_stances",
                  "ledger_events"):  # fmt: skip
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
    for i, ev in enumerate(generated):
        eid = f"FW-{i:08x}"
        (name, code), (start, plus) = ev["country"], ev["dates"]
        lat, lon = ev["latlon"] or (None, None)
        conn.execute(
            "INSERT INTO ledger_events (id, event_type, sub_event_type, date_start, date_end,"
            " lat, lon, country, country_code, admin1, actors, stance_summary, contradicted,"
            " first_doc_id, first_event_id, updated_at) VALUES"
            " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'd', 'e1', '2024-01-01')",
            (eid, ev["event_type"], ev["sub_event_type"], start, _shift(start, plus), lat, lon,
             name, code, ev["admin1"], json.dumps(ev["actors"]), json.dumps(ev["stances"]),
             int(ev["contradicted"])),
        )  # fmt: skip
        conn.execute("INSERT INTO ledger_event_text VALUES (?, ?)", (eid, " ".join(ev["words"])))
        conn.executemany("INSERT INTO ledger_event_actors VALUES (?, ?, ?)",
                         [(eid, a, a.casefold()) for a in ev["actors"]])  # fmt: skip
        conn.executemany("INSERT INTO ledger_event_stances VALUES (?, ?, ?)",
                         [(eid, s, n) for s, n in ev["stances"].items()])  # fmt: skip


@pytest.fixture(scope="module")
def memory_ledger() -> Any:
    with Ledger(":memory:") as ledger:
        yield ledger


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(generated=events, flt=filters())
def test_sql_and_python_forms_agree(
    memory_ledger: Ledger, generated: list, flt: EventFilter
) -> None:
    conn = memory_ledger.conn
    _store(conn, generated)
    where, params = flt.where(conn)
    by_sql = {r[0] for r in conn.execute(f"SELECT id FROM ledger_events{where}", params)}
    rows = conn.execute("SELECT * FROM ledger_events").fetchall()
    texts = dict(conn.execute("SELECT ledger_event_id, text FROM ledger_event_text").fetchall())
    by_python = {e["id"] for e in (dict(event_dict(r), search_text=texts[r["id"]]) for r in rows)
                 if flt.matches(e)}  # fmt: skip
    assert by_sql == by_python


def test_country_by_name_or_code_and_antimeridian_bbox() -> None:
    assert {resolve_country(v) for v in ("UG", "ug", "Uganda", "UGA")} == {"UG"}
    assert resolve_country("Russia") == "RU" and resolve_country("Ivory Coast") == "CI"
    assert resolve_country("Narnia") == ""
    fiji = {"lat": -17.8, "lon": 178.1, "country": "Fiji", "country_code": "FJ"}
    samoa = {"lat": -13.8, "lon": -171.8, "country": "Samoa", "country_code": "WS"}
    quito = {"lat": -0.2, "lon": -78.5}
    across = EventFilter(bbox=(170, -25, -165, -5))  # west > east: crosses 180 degrees
    assert [across.matches(e) for e in (fiji, samoa, quito)] == [True, True, False]
    assert EventFilter(bbox="170,-25,-165,-5") == across
    # An unresolvable name does not match every event that lacks a country code.
    assert not EventFilter(country="Narnia").matches({"country": "", "country_code": ""})


def test_bad_filter_values_are_clear_errors() -> None:
    with pytest.raises(LedgerQueryError, match="date YYYY-MM-DD"):
        EventFilter(date_from="12/03/2026")
    with pytest.raises(LedgerQueryError, match="after date_to"):
        EventFilter(date_from="2026-03-12", date_to="2026-03-01")
    with pytest.raises(LedgerQueryError, match="bbox"):
        EventFilter(bbox="1,2,3")
    with pytest.raises(LedgerQueryError, match="stance"):
        EventFilter(stance="maybe")
    with pytest.raises(LedgerQueryError, match="unknown event filter"):
        EventFilter.from_params({"colour": "red"})


# ------------------------------------------------------------------ the reviewed ledger


@pytest.fixture
def reviewed(tmp_path: Path) -> Any:
    """A ledger of 64 events where analysts corrected, merged and split some."""
    with Ledger(tmp_path / "reviewed.db") as ledger:
        for report in [*all_reports(), *demo_reports(60)]:
            ledger.add_report(report)
        ledger.merge()
        yield ledger


def _by_location(ledger: Ledger, place: str) -> str:
    return next(e["id"] for e in ledger.events(limit=None) if e["location"] == place)


def test_corrected_country_is_found_by_name_and_by_code(reviewed: Ledger) -> None:
    eid = _by_location(reviewed, "Pokrovsk")
    reviewed.review.correct(eid, {"country": "Uganda"}, "analyst.one", "wrong gazetteer hit")
    for value in ("Uganda", "UG", "uga"):
        assert [e["id"] for e in reviewed.events(country=value)] == [eid], value
    assert eid not in {e["id"] for e in reviewed.events(country="UA", limit=None)}
    event = reviewed.event(eid)
    assert event is not None and event["country_code"] == "UG" and event["iso"] == 800
    assert reviewed.count_events(country="UG") == 1


def test_pages_of_the_reviewed_listing_make_the_whole(reviewed: Ledger) -> None:
    listing = reviewed.events(limit=None)
    ids = [e["id"] for e in listing]
    # Corrections that move events across the order, a merge and a split.
    reviewed.review.correct(ids[-1], {"date_start": "2026-12-31", "date_end": "2026-12-31"}, "a")
    reviewed.review.correct(ids[0], {"date_start": "2025-01-01", "date_end": "2025-01-01"}, "a")
    reviewed.review.correct(ids[10], {"event_type": "Riots"}, "a")
    reviewed.review.merge(ids[20], ids[21], "a")
    kup = _by_location(reviewed, "Kupiansk")
    reviewed.review.split(kup, ["doc-kup-b:e1"], "a")
    whole = [e["id"] for e in reviewed.events(limit=None)]
    assert whole[0] == ids[-1] and ids[20] not in whole and f"{kup}.1" in whole
    assert len(whole) == len(set(whole)) == len(ids)  # -1 merged away, +1 split child
    for size in (1, 7, 50):
        pages = [e["id"] for off in range(0, len(whole) + size, size)
                 for e in reviewed.events(limit=size, offset=off)]  # fmt: skip
        assert pages == whole, size
    assert [e["id"] for e in reviewed.iter_events()] == whole
    assert reviewed.count_events() == len(whole)
    riots = reviewed.events(event_type="Riots", limit=None)
    assert ids[10] in {e["id"] for e in riots}
    assert all(e["event_type"] == "Riots" or e["sub_event_type"] == "Riots" for e in riots)
