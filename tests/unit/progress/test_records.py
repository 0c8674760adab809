"""Ratings and outcomes are enums in Python, an int and a string in the file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import fsrs
import pytest

from briefquiz.progress.records import Outcome, ReviewRecord
from briefquiz.progress.repository import Store

T0 = datetime(2024, 11, 8, 9, 30, tzinfo=UTC)


def test_stored_forms_become_enums() -> None:
    record = ReviewRecord("u", "d", "q", T0, 2, "partial", None, 0, False)
    assert record.rating is fsrs.Rating.Hard
    assert record.outcome is Outcome.PARTIAL


def test_enums_are_stored_as_int_and_text_and_read_back_as_enums(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    with Store.open(path) as store:
        store.record_review(
            ReviewRecord("u", "d", "q", T0, fsrs.Rating.Again, Outcome.SELF_GRADED, 1, 5, True),
            None,
        )
        (back,) = store.reviews()
        exported = store.export_json()["reviews"][0]
    assert back.rating is fsrs.Rating.Again and back.outcome is Outcome.SELF_GRADED
    assert (type(exported["rating"]), type(exported["outcome"])) == (int, str)
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT typeof(rating), typeof(outcome), outcome FROM reviews")
        assert row.fetchone() == ("integer", "text", "self")
    finally:
        conn.close()


@pytest.mark.parametrize(("rating", "outcome"), [(0, "right"), (True, "right"), (3, "meh")])
def test_values_outside_the_enums_are_refused(rating: object, outcome: object) -> None:
    with pytest.raises(ValueError, match=r"^(rating|outcome) must be"):
        ReviewRecord("u", "d", "q", T0, rating, outcome, None, 0, False)  # type: ignore[arg-type]


def test_an_unknown_outcome_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"\['partial', 'right', 'self', 'wrong'\], got 'meh'"):
        ReviewRecord("u", "d", "q", T0, 3, "meh", None, 0, False)  # type: ignore[arg-type]
