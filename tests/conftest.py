"""Shared fixtures: the shipped examples, a temporary ledger, the optional ../shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (gold eval data, the seed report); tests needing it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    path = shared_dir / "seeds" / "000_66fe69de8a745069.txt"
    if not path.exists():
        pytest.skip("seed report not present")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def spacy_nlp():
    """The spaCy pipeline, loaded once per test session."""
    from frontwire.nlp import load_spacy

    return load_spacy()


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"
