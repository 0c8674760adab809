"""The override marker ("I was right") in the store: its migration, its guard, its export."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from briefquiz.progress import migrations
from briefquiz.progress.database import StoreError
from briefquiz.progress.interchange import EXPORT_VERSION
from briefquiz.progress.records import ReviewRecord
from briefquiz.progress.repository import Store

AT = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
AT_US = 1_795_608_000_000_000  # AT in microseconds since the epoch


def graded_and_overridden(store: Store) -> None:
    card = store.new_card("d", "q", AT)
    store.record_review(ReviewRecord("u1", "d", "q", AT, 1, "wrong", "NATO", 500, False), card)
    store.record_review(
        ReviewRecord(
            "u2", "d", "q", AT, 3, "right", "NATO", 500, False, replaces="u1", override=True
        ),
        card,
    )


def make_v2_database(path: Path) -> None:
    """A database at schema version 2 (the one before the marker), with a rating change."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert migrations.apply_migrations(conn, target=2) == (0, 2)
        conn.execute("INSERT INTO questions (id, deck_id, question_id) VALUES (1, 'd', 'q')")
        for uid, rating, replaces in (("u1", 1, None), ("u2", 2, "u1")):
            conn.execute(
                "INSERT INTO reviews (uid, question, reviewed_at_us, rating, outcome, answer,"
                " duration_ms, cram, replaces) VALUES (?, 1, ?, ?, 'wrong', '\"x\"', 900, 0, ?)",
                (uid, AT_US, rating, replaces),
            )
    finally:
        conn.close()


def test_the_marker_is_the_latest_migration() -> None:
    assert migrations.latest_version() == 5  # override (3), review states (4), seminars (5)


def test_a_version_2_database_migrates_keeping_its_reviews(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    make_v2_database(path)
    with Store.open(path) as store:
        reviews = store.reviews()
        assert [(r.uid, r.rating, r.replaces, r.override) for r in reviews] == [
            ("u1", 1, None, False),
            ("u2", 2, "u1", False),
        ]
        assert reviews[0].reviewed_at == AT
        store.record_review(
            ReviewRecord("u3", "d", "q", AT, 3, "right", "x", 900, False, "u2", override=True),
            None,
        )
        assert [r.override for r in store.reviews()] == [False, False, True]
    (backup,) = (tmp_path / "backups").iterdir()
    assert backup.name.startswith("progress-v2-before-upgrade-")


def test_an_override_round_trips_and_is_told_apart_from_a_rating_change(store: Store) -> None:
    graded_and_overridden(store)
    card = store.card("d", "q")
    store.record_review(
        ReviewRecord("u3", "d", "q", AT, 4, "right", "NATO", 500, False, replaces="u2"), card
    )
    assert [(r.replaces, r.override) for r in store.reviews()] == [
        (None, False),
        ("u1", True),
        ("u2", False),
    ]


def test_an_override_must_name_the_review_it_replaces(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="must name the review it replaces"):
        ReviewRecord("u1", "d", "q", AT, 3, "right", "x", 0, False, override=True)
    with pytest.raises(ValueError, match="override must be a bool"):
        ReviewRecord("u1", "d", "q", AT, 3, "right", "x", 0, False, "u0", override=1)  # type: ignore[arg-type]
    store.new_card("d", "q", AT)
    conn = sqlite3.connect(store.path, isolation_level=None)
    try:  # the schema refuses it too, past the Store
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute(
                "INSERT INTO reviews (uid, question, reviewed_at_us, rating, outcome, answer,"
                " duration_ms, cram, override) VALUES ('u9', 1, 0, 3, 'right', '1', 0, 0, 1)"
            )
    finally:
        conn.close()


def test_the_export_carries_the_marker_and_an_import_keeps_it(store: Store, tmp_path: Path) -> None:
    graded_and_overridden(store)
    exported = store.export_json()
    assert exported["version"] == EXPORT_VERSION == 4  # 3: the states too; 4: seminars
    assert [r["override"] for r in exported["reviews"]] == [False, True]
    with Store.open(tmp_path / "other.sqlite3") as other:
        other.import_json(exported)
        assert [(r.replaces, r.override) for r in other.reviews()] == [
            (None, False),
            ("u1", True),
        ]


def version_1_file() -> dict[str, Any]:
    """What briefquiz wrote before the marker: version 1, reviews without `override`."""
    review = {
        "uid": "u1",
        "deck_id": "d",
        "question_id": "q",
        "reviewed_at": AT.isoformat(),
        "rating": 1,
        "outcome": "wrong",
        "answer": "x",
        "duration_ms": 900,
        "cram": False,
        "replaces": None,
    }
    return {
        "format": "briefquiz-progress",
        "version": 1,
        "cards": [],
        "reviews": [review, {**review, "uid": "u2", "rating": 2, "replaces": "u1"}],
    }


def test_a_version_1_file_still_imports_without_overrides(store: Store) -> None:
    summary = store.import_json(version_1_file())
    assert summary.reviews_added == 2
    assert [(r.uid, r.replaces, r.override) for r in store.reviews()] == [
        ("u1", None, False),
        ("u2", "u1", False),
    ]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: {k: v for k, v in r.items() if k != "override"}, "missing 'override'"),
        (lambda r: {**r, "override": "yes"}, "override must be a bool"),
        (lambda r: {**r, "override": True, "replaces": None}, "must name the review"),
    ],
)
def test_a_version_2_file_needs_a_sound_marker(store: Store, mutate: Any, message: str) -> None:
    graded_and_overridden(store)
    exported = store.export_json()
    exported["reviews"] = [mutate(r) for r in exported["reviews"]]
    with Store.open(store.path.with_name("target.sqlite3")) as target:
        with pytest.raises(StoreError, match=message):
            target.import_json(exported)
        assert target.reviews() == []
