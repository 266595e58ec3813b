"""The SQLite store: migrations, idempotent and atomic writes, faithful round trips."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from frontwire.errors import StoreError
from frontwire.ledger import Ledger
from frontwire.model import Claim
from frontwire.store import MIGRATIONS, SCHEMA_VERSION, claim_links, connect, insert_report, migrate
from frontwire.store.synthetic import (
    make_claim,
    make_event,
    make_place,
    make_report,
    sample_reports,
)

TABLES = ("documents", "removed_lines", "sentences", "places", "claims", "event_reports",
          "claim_events")  # fmt: skip


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def test_new_ledger_is_migrated_with_wal_and_foreign_keys(ledger_path: Path) -> None:
    with Ledger(ledger_path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        assert ledger.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert ledger.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert ledger.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    # Reopening an up-to-date file applies nothing and keeps one row per version.
    with Ledger(ledger_path) as ledger:
        versions = [r[0] for r in ledger.conn.execute("SELECT version FROM schema_version")]
    assert versions == list(range(1, SCHEMA_VERSION + 1))


def test_old_version_database_is_upgraded_keeping_its_reports(ledger_path: Path) -> None:
    kyiv = sample_reports()[0]
    conn = connect(ledger_path)
    assert migrate(conn, MIGRATIONS[:1]) == 1  # a ledger written before the merge tables
    conn.execute("BEGIN")
    insert_report(conn, kyiv)
    conn.execute("COMMIT")
    conn.close()
    with Ledger(ledger_path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION
        assert ledger.has_document(kyiv.document.id)
        assert ledger.merge()["events"] == 2  # the shelling and its background mention
        assert ledger.stats()["documents"] == 1


def test_newer_or_foreign_database_is_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.db"
    with Ledger(newer) as ledger:
        ledger.conn.execute("INSERT INTO schema_version VALUES (99, '2030-01-01T00:00:00')")
    with pytest.raises(StoreError, match="newer"):
        Ledger(newer)
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE orders (id INTEGER)")
    conn.close()
    with pytest.raises(StoreError, match="not a ledger"):
        Ledger(foreign)
    with pytest.raises(StoreError, match="does not exist"):
        Ledger(tmp_path / "missing" / "ledger.db")


def test_add_report_is_idempotent(ledger_path: Path) -> None:
    reports = sample_reports()
    with Ledger(ledger_path) as ledger:
        assert all(ledger.add_report(r) for r in reports)
        before = counts(ledger_path)
        assert not any(ledger.add_report(r) for r in reports)
        assert counts(ledger_path) == before
        assert ledger.known_document_ids() == {r.document.id for r in reports}
        assert ledger.has_document("wire-nikopol-0313")
        assert not ledger.has_document("never-seen")
    assert before["documents"] == 5 and before["claims"] == 10


def test_failing_add_leaves_no_partial_rows(ledger_path: Path) -> None:
    report = sample_reports()[1]
    good_claims = list(report.claims)
    # The document and first claim insert fine; the broken second claim violates NOT NULL.
    broken = Claim(id="c9", content_start=0, content_end=4, content=None)  # type: ignore[arg-type]
    report.claims = [good_claims[0], broken]
    with Ledger(ledger_path) as ledger:
        with pytest.raises(StoreError, match="nothing was written"):
            ledger.add_report(report)
        assert counts(ledger_path) == dict.fromkeys(TABLES, 0)
        assert not ledger.has_document(report.document.id)
        report.claims = good_claims  # fixed, the same report now stores
        assert ledger.add_report(report)
        assert counts(ledger_path)["claims"] == 2


def test_bad_input_raises_clear_errors(ledger_path: Path) -> None:
    with Ledger(ledger_path) as ledger:
        with pytest.raises(StoreError, match="expects a frontwire.model.Report"):
            ledger.add_report({"document": {"id": "x"}})  # type: ignore[arg-type]
        report = sample_reports()[0]
        report.claims[1].id = report.claims[0].id
        with pytest.raises(StoreError, match="duplicate claim ids"):
            ledger.add_report(report)
        report.document.id = ""
        with pytest.raises(StoreError, match="no document id"):
            ledger.add_report(report)
    with pytest.raises(StoreError, match="closed"):
        ledger.stats()


def test_document_round_trip_keeps_text_spans_and_removed_lines(ledger_path: Path) -> None:
    kyiv = sample_reports()[0]
    with Ledger(ledger_path) as ledger:
        ledger.add_report(kyiv)
        ledger.merge()
        doc = ledger.document(kyiv.document.id)
        listed = ledger.documents(limit=10)
    assert doc is not None and doc["text"] == kyiv.text
    assert doc["removed"] == [
        {"line_no": 2, "text": "Photo: regional administration", "reason": "photo-credit"}
    ]
    assert doc["published_stamp"]["value"] == "2024-03-12"
    denial = next(c for c in doc["claims"] if c["stance"] == "denies")
    assert doc["text"][denial["content_start"] : denial["content_end"]] == denial["content"]
    assert denial["chain"][0]["name"] == "Russia's Defence Ministry"
    assert "denied" in denial["sentence_text"]
    assert [p["text"] for p in doc["places"]] == ["Nikopol"]
    assert {e["event_id"] for e in doc["events"]} == {"e1", "e2"}
    assert all(e["ledger_event_id"].startswith("FW-") for e in doc["events"])
    assert listed[0]["id"] == kyiv.document.id and listed[0]["n_claims"] == 3


def test_claims_without_event_ids_are_linked_by_span_or_sole_event() -> None:
    kyiv = sample_reports()[0]
    links = {(c, e): via for c, e, via in claim_links(kyiv)}
    assert links[("c1", "e1")] == "event"  # the event names it
    assert links[("c3", "e1")] == "sole-event"  # the denial, a separate sentence
    text = "Drones struck Kherson overnight, the regional governor said."
    report = make_report("kherson-1", text, "Ukrinform", "2024-05-02")
    report.claims = [make_claim(text, "c1", "Drones struck Kherson overnight")]
    assert claim_links(report) == []  # no events: nothing to link


def test_a_second_connection_reads_what_the_writer_committed(ledger_path: Path) -> None:
    with Ledger(ledger_path) as writer, Ledger(ledger_path) as reader:
        writer.add_report(sample_reports()[4])
        assert reader.has_document("nation-nairobi-0625")


def test_processes_opening_a_new_ledger_at_once_migrate_it_once(ledger_path: Path) -> None:
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def open_it() -> None:
        start.wait()
        try:
            Ledger(ledger_path).close()
        except BaseException as err:  # noqa: BLE001 - collected and asserted below
            errors.append(err)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Ledger(ledger_path) as ledger:
        versions = [r[0] for r in ledger.conn.execute("SELECT version FROM schema_version")]
    assert versions == list(range(1, SCHEMA_VERSION + 1))


def test_an_unlinked_denial_goes_to_the_event_it_talks_about() -> None:
    text = (
        "Russian artillery shelled residential districts of Kherson on Monday, wounding four"
        " people. Separately, drones struck port infrastructure in Odesa overnight. Moscow"
        " denied shelling residential districts of Kherson, saying it hit military targets."
    )
    report = make_report("digest-0506", text, "Ukrinform", "2024-05-06")
    kherson = make_place(text, "Kherson", "Kherson", 46.6354, 32.6169, "UA", "Ukraine", "Kherson")
    odesa = make_place(text, "Odesa", "Odesa", 46.4775, 30.7326, "UA", "Ukraine", "Odesa")
    report.events = [
        make_event(text, "e1", "Russian artillery shelled residential districts of Kherson",
                   "Explosions/Remote violence", "Shelling/artillery/missile attack", kherson,
                   "2024-05-06"),
        make_event(text, "e2", "drones struck port infrastructure in Odesa",
                   "Explosions/Remote violence", "Air/drone strike", odesa, "2024-05-06"),
    ]  # fmt: skip
    report.claims = [make_claim(text, "c1", "shelling residential districts of Kherson",
                                stance="denies", source="Moscow", cue="denied")]  # fmt: skip
    assert claim_links(report) == [("c1", "e1", "topic")]
