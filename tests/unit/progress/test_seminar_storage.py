"""Seminars stored once for the decks they cover, the student's study settings, a
new-per-day that may be not set, and the schema 4 -> 5 migration that loses nothing."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from briefquiz.progress import doctor, migrations
from briefquiz.progress.records import DeckSettings, Seminar, StudySettings
from briefquiz.progress.repository import Store

AT = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SEMINAR = AT + timedelta(days=9)


def to_us(moment: datetime) -> int:
    return (moment - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)


def make_v4_database(path: Path) -> None:
    """Schema 4 as briefquiz wrote it: two decks of one text with the same per-deck date,
    one deck with its own, one with a limit the student set, one with only the default."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert migrations.apply_migrations(conn, target=4) == (0, 4)
        conn.execute("INSERT INTO questions (id, deck_id, question_id) VALUES (1, 'a', 'q')")
        conn.execute(
            "INSERT INTO reviews (uid, question, reviewed_at_us, rating, outcome, answer,"
            " duration_ms, cram) VALUES ('u1', 1, ?, 3, 'right', '\"x\"', 900, 0)",
            (to_us(AT),),
        )
        conn.executemany(
            "INSERT INTO deck_settings VALUES (?, ?, ?, ?)",
            [
                ("a", 0.85, 20, to_us(SEMINAR)),
                ("b", 0.9, 20, to_us(SEMINAR)),
                ("c", 0.92, 7, to_us(SEMINAR + timedelta(days=1))),
                ("d", 0.9, 12, None),
                ("e", 0.8, 20, None),
            ],
        )
    finally:
        conn.close()


def test_a_v4_file_migrates_with_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    make_v4_database(path)
    with Store.open(path) as store:
        assert store.settings("a") == DeckSettings("a", 0.85, None, SEMINAR)
        assert store.settings("b") == DeckSettings("b", 0.9, None, SEMINAR)
        assert store.settings("c") == DeckSettings("c", 0.92, 7, SEMINAR + timedelta(days=1))
        assert store.settings("d") == DeckSettings("d", 0.9, 12, None)
        assert store.settings("e") == DeckSettings("e", 0.8, None, None)
        # Each deck keeps its own date, as its own seminar, until one replaces it.
        kept = store.seminars()
        assert [(s.at, s.decks, s.kept, s.announced) for s in kept] == [
            (SEMINAR, ("a",), True, False),
            (SEMINAR, ("b",), True, False),
            (SEMINAR + timedelta(days=1), ("c",), True, False),
        ]
        assert [r.uid for r in store.reviews()] == ["u1"]
        assert store.study_settings() == StudySettings()
    with sqlite3.connect(path) as conn:
        assert migrations.schema_version(conn) == 5
    (backup,) = (tmp_path / "backups").iterdir()
    assert backup.name.startswith("progress-v4-before-upgrade-")


def test_kept_dates_are_announced_once_and_replaced_for_a_whole_text(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    make_v4_database(path)
    with Store.open(path) as store:
        told = store.take_unannounced_seminars()
        assert [s.decks for s in told] == [("a",), ("b",), ("c",)]
        assert store.take_unannounced_seminars() == []
        later = SEMINAR + timedelta(days=3)
        text = store.set_seminar(["a", "b"], later)
        assert text is not None and (text.decks, text.at, text.kept) == (("a", "b"), later, False)
        assert store.seminar_of("b") == text
        assert [s.decks for s in store.seminars()] == [("c",), ("a", "b")]
    with Store.open(path) as again:  # told once: not again on the next opening
        assert again.take_unannounced_seminars() == []


def test_one_seminar_covers_its_decks_and_clearing_takes_them_out(store: Store) -> None:
    first = store.set_seminar(["x", "y", "z"], SEMINAR)
    assert first is not None and first.decks == ("x", "y", "z")
    assert {store.settings(d).seminar_at for d in "xyz"} == {SEMINAR}
    only = store.set_seminar(["z"], SEMINAR + timedelta(days=2))  # --only: z leaves the text's
    assert only is not None and store.seminar_of("x") == Seminar(first.id, SEMINAR, ("x", "y"))
    assert store.set_seminar(["x", "y"], None) is None
    assert store.seminar_of("x") is None and store.settings("y").seminar_at is None
    assert store.settings("z").seminar_at == SEMINAR + timedelta(days=2)
    assert [s.decks for s in store.seminars()] == [("z",)]


def test_saving_a_decks_settings_keeps_or_gives_it_its_own_seminar(store: Store) -> None:
    store.set_seminar(["x", "y"], SEMINAR)
    store.save_settings(DeckSettings("x", 0.85, 5, SEMINAR))  # same moment: still the text's
    assert store.seminar_of("x") == store.seminar_of("y")
    assert store.settings("x") == DeckSettings("x", 0.85, 5, SEMINAR)
    store.save_settings(DeckSettings("x", 0.85, 5, SEMINAR + timedelta(hours=1)))
    own = store.seminar_of("x")
    assert own is not None and own.decks == ("x",)
    store.save_settings(DeckSettings("x", 0.85, 5, None))
    assert store.seminar_of("x") is None
    assert store.settings("y").seminar_at == SEMINAR


def test_study_settings_round_trip_and_default_to_not_set(store: Store) -> None:
    assert store.study_settings() == StudySettings(None, None)
    store.save_study_settings(StudySettings(time(5, 30), 0.93))
    assert store.study_settings() == StudySettings(time(5, 30), 0.93)
    store.save_study_settings(StudySettings(None, 0.93))
    assert store.study_settings() == StudySettings(None, 0.93)
    with pytest.raises(ValueError):
        StudySettings(seminar_target=1.0)


def test_a_seminar_survives_export_and_import(store: Store, tmp_path: Path) -> None:
    store.set_seminar(["x", "y"], SEMINAR)
    store.save_settings(DeckSettings("x", 0.85, None, SEMINAR))
    store.save_settings(DeckSettings("w", 0.9, 12, None))
    store.save_study_settings(StudySettings(time(3, 0), 0.96))
    exported = store.export_json()
    assert exported["seminars"] == [{"at": SEMINAR.isoformat(), "decks": ["x", "y"], "kept": False}]
    assert exported["study"] == {"day_starts": "03:00", "seminar_target": 0.96}
    assert {s["deck_id"]: s["new_per_day"] for s in exported["settings"]} == {"w": 12, "x": None}
    with Store.open(tmp_path / "away.sqlite3") as away:
        away.set_seminar(["y"], SEMINAR + timedelta(days=1))  # its own date here wins
        away.save_study_settings(StudySettings(None, 0.9))
        summary = away.import_json(exported)
        assert (summary.seminars_added, summary.study_settings_taken) == (1, 1)
        assert away.settings("x") == DeckSettings("x", 0.85, None, SEMINAR)
        assert away.settings("y").seminar_at == SEMINAR + timedelta(days=1)
        assert away.settings("w").new_per_day == 12
        assert away.study_settings() == StudySettings(time(3, 0), 0.9)


def test_a_deck_in_two_seminars_is_refused(store: Store) -> None:
    exported = store.export_json()
    exported["seminars"] = [
        {"at": SEMINAR.isoformat(), "decks": ["x"], "kept": False},
        {"at": SEMINAR.isoformat(), "decks": ["x", "y"], "kept": False},
    ]
    with pytest.raises(Exception, match=r"seminars\[1\]\.decks: deck 'x' is in two seminars"):
        store.import_json(exported)
    assert store.seminars() == []


def old_export(version: int) -> dict[str, object]:
    """What briefquiz wrote before seminars were stored once: each deck's own date."""
    review: dict[str, object] = {
        "uid": "u1",
        "deck_id": "a",
        "question_id": "q",
        "reviewed_at": AT.isoformat(),
        "rating": 3,
        "outcome": "right",
        "answer": "x",
        "duration_ms": 900,
        "cram": False,
        "replaces": None,
    }
    if version >= 2:
        review["override"] = False
    if version >= 3:
        review["card"] = None
    return {
        "format": "briefquiz-progress",
        "version": version,
        "questions": [{"deck_id": "a", "question_id": "q"}],
        "cards": [],
        "reviews": [review],
        "settings": [
            {
                "deck_id": "a",
                "desired_retention": 0.85,
                "new_per_day": 20,
                "seminar_at": SEMINAR.isoformat(),
            },
            {"deck_id": "b", "desired_retention": 0.9, "new_per_day": 6, "seminar_at": None},
        ],
    }


@pytest.mark.parametrize("version", [1, 2, 3])
def test_older_exports_still_import_each_deck_keeping_its_own_date(
    store: Store, version: int
) -> None:
    summary = store.import_json(old_export(version))
    assert (summary.reviews_added, summary.settings_added, summary.seminars_added) == (1, 2, 1)
    assert store.settings("a") == DeckSettings("a", 0.85, None, SEMINAR)  # 20 was the default
    assert store.settings("b") == DeckSettings("b", 0.9, 6, None)
    (kept,) = store.seminars()
    assert (kept.decks, kept.kept) == (("a",), True)
    assert [r.uid for r in store.reviews()] == ["u1"]


def test_an_unsure_study_setting_in_an_export_is_named(store: Store) -> None:
    exported = store.export_json()
    exported["study"] = {"day_starts": "4 am", "seminar_target": None}
    with pytest.raises(Exception, match=r"study\.day_starts: expected a time HH:MM"):
        store.import_json(exported)
    exported["study"] = {"day_starts": None, "seminar_target": 1.5}
    with pytest.raises(Exception, match=r"seminar_target must be between 0 and 1"):
        store.import_json(exported)


def test_doctor_clears_a_seminar_date_out_of_range_for_every_deck_it_covers(
    tmp_path: Path,
) -> None:
    path = tmp_path / "progress.sqlite3"
    with Store.open(path) as store:
        store.set_seminar(["x", "y"], SEMINAR)
        store.set_seminar(["z"], SEMINAR)
    with sqlite3.connect(path, isolation_level=None) as conn:
        conn.execute(
            "UPDATE seminars SET at_us = -9223372036854775807 WHERE id ="
            " (SELECT seminar FROM seminar_decks WHERE deck_id = 'x')"
        )
    checked = doctor.examine(path, tmp_path / "backups", AT, repair=False)
    assert [p for p in checked.problems if "seminar" in p] == [
        "the seminar date of deck 'x' was out of range",
        "the seminar date of deck 'y' was out of range",
    ]
    report = doctor.examine(path, tmp_path / "backups", AT)
    assert [p for p in report.repaired if "seminar" in p] == [
        "the seminar date of deck 'x' was out of range: cleared",
        "the seminar date of deck 'y' was out of range: cleared",
    ]
    with Store.open(path) as store:
        assert [s.decks for s in store.seminars()] == [("z",)]
        assert store.settings("x").seminar_at is None
