"""Where the repository, the tests and their fixture decks are, for tests at any depth."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURE_DECKS = TESTS / "fixtures" / "decks"
SEEDS = REPO / "seeds"
