"""Errors shown to the user as one clear line, never as a traceback."""

from __future__ import annotations


class FrontwireError(Exception):
    """Base class: ``str(err)`` is the message a user sees."""


class IngestError(FrontwireError):
    """A file (or one record of it) could not be read."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class StoreError(FrontwireError):
    """The ledger database cannot be opened or is of an unknown schema."""


class EvalDataError(FrontwireError):
    """An evaluation file is missing or not in the expected format."""


class AnalysisError(FrontwireError):
    """A document could not be analysed (a stage failed on it); the run goes on."""
