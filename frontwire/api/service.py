"""The desk: one :class:`~frontwire.ledger.Ledger` per worker thread, and the write lock.

Reads go straight to the Ledger, which applies the human review itself, so the API
reads exactly what the CLI and the exports read. SQLite connections stay in the
thread that opened them (WAL lets readers run beside the writer); ingest goes
through a lock so there is a single writer, as the ledger requires.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..ledger import Ledger
from ..ledger.review import ReviewStore
from ..ledger.reviewed import NotFound
from .auth import check_token


class Desk:
    """Everything the API routes need, built once per app."""

    def __init__(self, db: str | Path, analyse: Callable[[Any], Any] | None = None) -> None:
        self.db = str(db)
        self._analyse = analyse
        self._pipeline_lock = threading.Lock()
        self._local = threading.local()
        self._opened: list[Ledger] = []
        self._opened_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self.ledger()  # creates and migrates the file

    def ledger(self) -> Ledger:
        led: Ledger | None = getattr(self._local, "ledger", None)
        if led is None:
            led = Ledger(self.db)
            self._local.ledger = led
            with self._opened_lock:
                self._opened.append(led)
        return led

    @property
    def review(self) -> ReviewStore:
        """The review decisions of this thread's ledger."""
        return self.ledger().review

    def close(self) -> None:
        with self._opened_lock:
            for led in self._opened:
                led.close()
            self._opened.clear()

    def token_owner(self, token: str) -> str | None:
        return check_token(self.ledger(), token)

    def event(self, event_id: str) -> dict[str, Any]:
        """One reviewed event; :class:`NotFound` (a 404) when there is none."""
        ev = self.ledger().event(event_id)
        if ev is None:
            raise NotFound(f"no event {event_id!r}")
        return ev

    # -- ingest ----------------------------------------------------------------

    def analyse(self, document: Any) -> Any:
        """Run the pipeline on one document (built on first use; one at a time: 2 cores)."""
        with self._pipeline_lock:
            if self._analyse is None:
                from ..pipeline import Pipeline

                self._analyse = Pipeline().analyse
            report = self._analyse(document)
        report.tokens = None
        return report

    def store_reports(self, reports: list[Any]) -> dict[str, Any]:
        """Add analysed reports and re-merge, as the single writer."""
        with self._write_lock:
            led = self.ledger()
            added = [r.document.id for r in reports if led.add_report(r)]
            merged = led.merge() if added else {}
        skipped = [r.document.id for r in reports if r.document.id not in added]
        return {"added": added, "already_stored": skipped, "merge": merged}


__all__ = ["Desk", "NotFound"]
