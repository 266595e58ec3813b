"""REST API tests with the ASGI test client on a ledger of hand-built reports."""

from __future__ import annotations

import csv
import io
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_fixtures import all_reports, build_ledger, clash_pokrovsk  # noqa: E402

from frontwire.api import create_app  # noqa: E402
from frontwire.api.auth import create_token  # noqa: E402
from frontwire.model import Report  # noqa: E402

testclient = pytest.importorskip("fastapi.testclient")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_ledger(tmp_path / "ledger.db")


@pytest.fixture
def client(db: Path):  # type: ignore[no-untyped-def]
    with testclient.TestClient(create_app(db)) as c:
        yield c


@pytest.fixture
def auth(db: Path) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_token(db, 'analyst.one')}"}


def _by_place(client, place: str) -> dict:  # type: ignore[no-untyped-def]
    events = client.get("/api/events").json()["events"]
    return next(e for e in events if e["location"] == place)


def test_events_list_and_filters(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/events").json()
    assert len(body["events"]) == 3  # two Kupiansk reports merged into one event
    kup = next(e for e in body["events"] if e["location"] == "Kupiansk")
    assert kup["n_reports"] == 2 and kup["fatalities"] == 3

    def places(**params: object) -> set[str]:
        resp = client.get("/api/events", params=params)
        assert resp.status_code == 200, resp.text
        return {e["location"] for e in resp.json()["events"]}

    assert places(date_from="2026-03-11", date_to="2026-03-13") == {"Kupiansk"}
    assert places(event_type="Battles") == {"Pokrovsk"}
    assert places(bbox="36.5,48,38,49") == {"Pokrovsk"}
    assert places(country="Ukraine", admin1="Kharkiv Oblast") == {"Kupiansk"}
    assert places(stance="denies") == {"Kupiansk"}
    assert places(actor="Civilians") == {"Kupiansk"}
    assert places(text="Kherson") == {"Kherson Oblast"}
    page = client.get("/api/events", params={"limit": 2}).json()
    assert len(page["events"]) == 2 and page["next_offset"] == 2
    rest = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert len(rest["events"]) == 1 and rest["next_offset"] is None


def test_bad_queries_are_json_errors(client) -> None:  # type: ignore[no-untyped-def]
    for params, status in [
        ({"bbox": "1,2,3"}, 400),
        ({"date_from": "12/03/2026"}, 422),
        ({"date_from": "2026-03-12", "date_to": "2026-03-01"}, 400),
        ({"stance": "maybe"}, 400),
        ({"limit": 0}, 422),
    ]:
        resp = client.get("/api/events", params=params)
        assert resp.status_code == status, params
        assert resp.json()["error"]
    missing = client.get("/api/events/FW-00000000")
    assert missing.status_code == 404 and "FW-00000000" in missing.json()["error"]
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/api/export/events.kml").status_code == 404


def test_event_detail_has_claims_chains_and_contradiction(client) -> None:  # type: ignore[no-untyped-def]
    ev = client.get(f"/api/events/{_by_place(client, 'Kupiansk')['id']}").json()
    claims = {c["source"]: c for r in ev["reports"] for c in r["claims"]}
    gov, mod = claims["Oleh Syniehubov"], claims["Russian Ministry of Defence"]
    assert gov["stance"] == "asserts" and mod["stance"] == "denies"
    assert [link["name"] for link in gov["chain"]] == ["Oleh Syniehubov", "Dnipro Herald"]
    assert "regional governor Oleh Syniehubov said" in gov["sentence_text"]
    doc = client.get(f"/api/documents/{gov['doc_id']}").json()
    assert doc["text"][gov["content_start"] : gov["content_end"]] == gov["content"]
    assert ev["review"]["status"] == "machine"
    if ev["contradictions"]:  # the claim comparison is the attribution stage's judgement
        assert ev["contradicted"] is True


def test_documents_places_stats_openapi(client) -> None:  # type: ignore[no-untyped-def]
    docs = client.get("/api/documents").json()["documents"]
    assert len(docs) == 4
    doc = client.get("/api/documents/doc-kup-a").json()
    assert doc["text"].startswith("Three civilians were killed")
    assert doc["removed"][0]["reason"] == "see-also"
    assert client.get("/api/places").status_code == 200
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 4 and stats["events"] == 3
    spec = client.get("/api/openapi.json").json()
    assert "/api/events/{event_id}" in spec["paths"] and "/api/ingest" in spec["paths"]


def test_exports(client) -> None:  # type: ignore[no-untyped-def]
    resp = client.get("/api/export/acled.csv", params={"event_type": "Battles"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert [r["location"] for r in rows] == ["Pokrovsk"]
    assert rows[0]["event_date"] == "2026-03-08" and rows[0]["fatalities"] == "2"
    geo = client.get("/api/export/events.geojson").json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 3


def test_writes_need_a_valid_token(client, db: Path) -> None:  # type: ignore[no-untyped-def]
    eid = _by_place(client, "Kupiansk")["id"]
    assert client.post(f"/api/events/{eid}/confirm", json={}).status_code == 401
    bad = {"Authorization": "Bearer fw_not-a-real-token"}
    resp = client.post(f"/api/events/{eid}/confirm", json={}, headers=bad)
    assert resp.status_code == 401 and "token" in resp.json()["error"]
    token = create_token(db, "desk")
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT token_hash FROM api_tokens WHERE name='desk'").fetchone()[0]
    assert token not in stored and len(stored) == 64  # only the SHA-256 is kept
    good = {"Authorization": f"Bearer {token}"}
    assert client.post(f"/api/events/{eid}/confirm", json={}, headers=good).status_code == 200


def test_correction_wins_over_machine_and_survives_remerge(client, db, auth) -> None:  # type: ignore[no-untyped-def]
    eid = _by_place(client, "Pokrovsk")["id"]
    resp = client.post(
        f"/api/events/{eid}/correct",
        json={"fields": {"event_type": "Violence against civilians", "fatalities": 4},
              "note": "victims were evacuees"},
        headers=auth,
    )  # fmt: skip
    assert resp.status_code == 200, resp.text
    ev = resp.json()["event"]
    assert ev["event_type"] == "Violence against civilians" and ev["fatalities"] == 4
    assert ev["review"]["corrected"]["fatalities"]["machine"] == 2
    audit = client.get(f"/api/events/{eid}/audit").json()["audit"]
    assert {(a["who"], a["field"], a["old"], a["new"]) for a in audit} >= {
        ("analyst.one", "set:fatalities", None, 4)
    }
    # A text match found by the ledger in the report text survives an unrelated correction.
    found = client.get("/api/events", params={"text": "pushed back an assault"}).json()
    assert [e["location"] for e in found["events"]] == ["Pokrovsk"]
    # Filters see the corrected type, not the machine one.
    types = {"Battles": set(), "Violence against civilians": {"Pokrovsk"}}
    for etype, expected in types.items():
        got = client.get("/api/events", params={"event_type": etype}).json()["events"]
        assert {e["location"] for e in got} == expected

    # Re-ingest and re-merge: the machine output comes back, the human decision stays.
    from frontwire.ledger import Ledger

    with Ledger(db) as ledger:
        assert ledger.add_report(clash_pokrovsk()) is False
        ledger.merge()
    again = client.get(f"/api/events/{eid}").json()
    assert again["fatalities"] == 4 and again["event_type"] == "Violence against civilians"
    # Exports carry the reviewed values too.
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/acled.csv").text)))
    pok = next(r for r in rows if r["location"] == "Pokrovsk")
    assert pok["fatalities"] == "4" and pok["event_type"] == "Violence against civilians"

    bad = client.post(f"/api/events/{eid}/correct", json={"fields": {"fatalities": -1}},
                      headers=auth)  # fmt: skip
    assert bad.status_code == 400 and "negative" in bad.json()["error"]
    bad = client.post(f"/api/events/{eid}/correct", json={"fields": {"colour": "red"}},
                      headers=auth)  # fmt: skip
    assert bad.status_code == 400 and "cannot be corrected" in bad.json()["error"]


def test_merge_split_and_claim_marks(client, auth) -> None:  # type: ignore[no-untyped-def]
    kup, pok = _by_place(client, "Kupiansk")["id"], _by_place(client, "Pokrovsk")["id"]
    resp = client.post(f"/api/events/{pok}/merge", json={"into": kup}, headers=auth)
    assert resp.status_code == 200, resp.text
    merged = resp.json()["event"]
    assert merged["n_reports"] == 3 and merged["review"]["merged_from"] == [pok]
    listed = {e["id"]: e for e in client.get("/api/events").json()["events"]}
    assert pok not in listed and listed[kup]["n_reports"] == 3
    cycle = client.post(f"/api/events/{kup}/merge", json={"into": pok}, headers=auth)
    assert cycle.status_code == 400 and "already merged" in cycle.json()["error"]
    client.post(f"/api/events/{pok}/unmerge", json={}, headers=auth)
    assert pok in {e["id"] for e in client.get("/api/events").json()["events"]}

    resp = client.post(f"/api/events/{kup}/split", json={"reports": ["doc-kup-b:e1"]},
                       headers=auth)  # fmt: skip
    assert resp.status_code == 200, resp.text
    child = resp.json()["new_event"]
    assert child["id"] == f"{kup}.1" and [r["doc_id"] for r in child["reports"]] == ["doc-kup-b"]
    parent = client.get(f"/api/events/{kup}").json()
    assert [r["doc_id"] for r in parent["reports"]] == ["doc-kup-a"]
    assert parent["review"]["split_into"] == [f"{kup}.1"]
    assert f"{kup}.1" in {e["id"] for e in client.get("/api/events").json()["events"]}

    resp = client.post("/api/claims/doc-kup-b:c1/mark",
                       json={"verdict": "false", "note": "depot story not supported"},
                       headers=auth)  # fmt: skip
    assert resp.status_code == 200
    child = client.get(f"/api/events/{kup}.1").json()
    assert child["reports"][0]["claims"][0]["review"]["verdict"] == "false"
    bad = client.post("/api/claims/doc-kup-b:c1/mark", json={"stance": "maybe"}, headers=auth)
    assert bad.status_code == 400


def test_ingest_json_and_file(db: Path, auth: dict[str, str]) -> None:
    """Ingest through HTTP with a stand-in analyser (the real pipeline is tested elsewhere)."""
    pytest.importorskip("frontwire.ingest")
    donor = clash_pokrovsk()

    def analyse(document):  # type: ignore[no-untyped-def]
        # Pretend analysis: the Pokrovsk event, moved to the new document's text.
        return Report(document=document, text=document.text, sentences=donor.sentences,
                      events=[donor.events[0]])  # fmt: skip

    with testclient.TestClient(create_app(db, analyse=analyse)) as client:
        text = "Shelling near Pokrovsk killed two soldiers on Sunday, the General Staff said."
        doc = {"text": text, "outlet": "Field Notes", "published": "2026-03-09"}
        payload = {"documents": [doc]}
        assert client.post("/api/ingest", json=payload).status_code == 401
        resp = client.post("/api/ingest", json=payload, headers=auth)
        assert resp.status_code == 201, resp.text
        assert len(resp.json()["added"]) == 1 and resp.json()["by"] == "analyst.one"
        again = client.post("/api/ingest", json=payload, headers=auth).json()
        assert again["added"] == [] and len(again["already_stored"]) == 1
        upload = client.post("/api/ingest/file", params={"filename": "note.txt"},
                             content=b"Title: Night attack\n\nDrones hit Pokrovsk overnight.",
                             headers=auth)  # fmt: skip
        assert upload.status_code == 201, upload.text
        assert client.get("/api/stats").json()["documents"] == 6
        empty = client.post("/api/ingest", json={"documents": []}, headers=auth)
        assert empty.status_code == 422 and empty.json()["error"]


def test_request_size_is_bounded(db: Path, auth: dict[str, str]) -> None:
    with testclient.TestClient(create_app(db, max_body=1000)) as client:
        resp = client.post("/api/ingest/file", params={"filename": "big.txt"},
                           content=b"x" * 5000, headers=auth)  # fmt: skip
        assert resp.status_code == 413 and "too large" in resp.json()["error"]


def test_page_is_served_with_a_strict_policy(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/")
    assert page.status_code == 200 and 'id="map"' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    js = client.get("/web/app.js").text
    assert "innerHTML" not in js.replace("never assigns innerHTML", "")


def test_reads_can_require_a_token(db: Path, auth: dict[str, str]) -> None:
    with testclient.TestClient(create_app(db, read_token_required=True)) as client:
        assert client.get("/api/events").status_code == 401
        assert client.get("/api/events", headers=auth).status_code == 200


def test_all_reports_fixture_is_consistent() -> None:
    for rep in all_reports():
        for claim in rep.claims:
            assert rep.text[claim.content_start : claim.content_end] == claim.content


def test_cli_support_token_errors(tmp_path: Path) -> None:
    from frontwire.api import cli_support
    from frontwire.errors import FrontwireError

    db = tmp_path / "fresh.db"
    token = cli_support.create_token(str(db), "night-desk")
    assert token.startswith("fw_") and len(token) > 40
    from frontwire.ledger import Ledger

    with Ledger(db) as ledger:  # the token table did not spoil a fresh ledger file
        assert ledger.stats()["events"] == 0
    with pytest.raises(FrontwireError, match="exists"):
        cli_support.create_token(str(db), "night-desk")
    with pytest.raises(FrontwireError, match="token name"):
        cli_support.create_token(str(db), "no spaces please")
    assert cli_support._is_loopback("127.0.0.1") and cli_support._is_loopback("::1")
    assert not cli_support._is_loopback("0.0.0.0")


def test_cli_support_get_answers_in_process(db: Path) -> None:
    from frontwire.api.cli_support import get

    status, body = get(str(db), "/api/stats")
    assert status == 200 and '"events":3' in body.replace(" ", "")
    status, body = get(str(db), "/api/events/FW-missing")
    assert status == 404 and "FW-missing" in body
