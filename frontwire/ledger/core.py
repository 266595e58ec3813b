"""The Ledger: the one public door to the store, for the CLI, the API and exporters."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import StoreError
from ..model import Report
from ..store import connect, insert_report, migrate, validate
from . import queries
from .build import rebuild
from .filters import EventFilter
from .review import ReviewStore
from .reviewed import NotFound, ReviewedEvents


class Ledger:
    """An event ledger in one SQLite file: stored reports, merged events, queries.

    path (str | Path): the database file (created and migrated when needed), or ":memory:".

    One writer at a time: ``add_report`` and ``merge`` each run in one IMMEDIATE
    transaction, so a crash leaves nothing half-written, and readers in other processes
    keep reading the last committed state (WAL). Every read is of the reviewed ledger
    (analysts' decisions in ``review`` applied) and runs in one read snapshot.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = connect(path)
        try:
            self.schema_version = migrate(self._conn)
        except BaseException:
            self._conn.close()
            raise
        self._reading = False
        self.review = ReviewStore(self)

    # ----------------------------------------------------------------- plumbing

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"ledger {self.path} is closed")
        return self._conn

    @contextmanager
    def _write(self, what: str) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction; any error rolls everything back."""
        with self._lock:
            conn = self.conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as err:  # another writer held on past busy_timeout
                raise StoreError(f"{what} failed, the ledger is busy: {err}") from err
            try:
                yield conn
            except sqlite3.Error as err:
                conn.execute("ROLLBACK")
                raise StoreError(f"{what} failed, nothing was written: {err}") from err
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """One read transaction: every read inside sees the same committed state.

        Nested snapshots (and reads inside a write) share the outer transaction, so an
        export that lists events and then reads each one never sees a half-done merge.
        """
        with self._lock:
            conn = self.conn
            if self._reading or conn.in_transaction:
                yield conn
                return
            conn.execute("BEGIN")  # deferred: the first SELECT pins the snapshot (WAL)
            self._reading = True
            try:
                yield conn
            finally:
                self._reading = False
                if conn.in_transaction:
                    conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Ledger:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Ledger({self.path!r})"

    # ----------------------------------------------------------------- writing

    def has_document(self, doc_id: str) -> bool:
        with self._lock:
            row = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def known_document_ids(self) -> set[str]:
        with self._lock:
            return {row[0] for row in self.conn.execute("SELECT id FROM documents")}

    def add_report(self, report: Report) -> bool:
        """Store one analysed report with all its spans, in one transaction.

        report (Report): the analysed document.
        RETURNS (bool): True when stored, False when its document id was already there
            (nothing is written then).
        """
        validate(report)
        doc_id = report.document.id
        with self._write(f"storing document {doc_id}") as conn:
            # Checked inside the write lock: another process may have stored it meanwhile.
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
                return False
            insert_report(conn, report)
        return True

    def merge(self, full: bool = False) -> dict[str, Any]:
        """(Re)build ledger events from the stored event reports.

        Idempotent: the same reports give the same events with the same ids. Unless
        ``full``, only reports near the new ones (same country, dates within reach) and
        the events they belong to are re-clustered.
        full (bool): re-cluster every report (after a change of the merge rules).
        RETURNS (dict): totals (event_reports, events, merged_reports, contradicted,
            relations), mode, rebuilt_events, seconds.
        """
        with self._write("merging the ledger") as conn:
            return rebuild(conn, full=full)

    # ----------------------------------------------------------------- reading

    def _reviewed(self) -> ReviewedEvents:
        return ReviewedEvents(self.conn, self.review)

    def events(
        self,
        where: EventFilter | None = None,
        *,
        limit: int | None = 100,
        offset: int = 0,
        **filters: Any,
    ) -> list[dict[str, Any]]:
        """Reviewed ledger events matching the filter, newest first.

        where (EventFilter): the filter; or give its fields as keywords
            (``country="UG"``, ``bbox=(170, -20, -170, 20)``...).
        limit (int | None): None for all.
        RETURNS (list[dict]): corrected values shown, merged-away events hidden, split
            children listed beside their parent.
        """
        flt = where or EventFilter.from_params(filters)
        with self.snapshot():
            return self._reviewed().page(flt, limit, offset)

    def iter_events(self, where: EventFilter | None = None, **filters: Any) -> Iterator[dict[str, Any]]:  # noqa: E501
        """Every matching reviewed event, streamed from one query in one snapshot.

        Hold ``with ledger.snapshot():`` around the loop when reading more per event.
        """
        flt = where or EventFilter.from_params(filters)
        with self.snapshot():
            yield from self._reviewed().iterate(flt)

    def count_events(self, where: EventFilter | None = None, **filters: Any) -> int:
        """How many reviewed events match the filter (for paging)."""
        flt = where or EventFilter.from_params(filters)
        with self.snapshot():
            return self._reviewed().count(flt)

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One reviewed event with its reports, claims, claim relations, places and times."""
        with self.snapshot():
            try:
                return self._reviewed().event(event_id)
            except NotFound:
                return None

    def machine_event(self, event_id: str) -> dict[str, Any] | None:
        """One event as the merge made it, without the analysts' decisions."""
        with self.snapshot() as conn:
            return queries.get_event(conn, event_id)

    def documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        with self.snapshot():
            return queries.list_documents(self.conn, limit, offset)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """A document with its cleaned text, removed lines and every annotation."""
        with self.snapshot():
            return queries.get_document(self.conn, doc_id)

    def places(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Resolved places, most mentioned first."""
        with self.snapshot():
            return queries.list_places(self.conn, limit, offset)

    def stats(self) -> dict[str, Any]:
        """Counts of the machine ledger, and how many events carry a review decision."""
        with self.snapshot():
            out = queries.stats(self.conn)
            out["reviewed_events"] = self._reviewed().reviewed_count()
            return out
