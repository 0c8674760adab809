"""Tests for the progress store, on real SQLite files."""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import stat
import subprocess
import sys
import traceback
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import fsrs
import pytest

from briefquiz import locations
from briefquiz.progress import migrations
from briefquiz.progress.database import StoreError
from briefquiz.progress.records import DeckSettings, ReviewRecord, new_review_uid
from briefquiz.progress.repository import Store

T0 = datetime(2024, 11, 8, 9, 30, 15, 123456, tzinfo=UTC)


def review(
    deck: str = "russia",
    question: str = "q1",
    at: datetime = T0,
    *,
    rating: int = 3,
    outcome: str = "right",
    answer: Any = None,
    cram: bool = False,
    uid: str | None = None,
) -> ReviewRecord:
    return ReviewRecord(
        uid=uid or new_review_uid(),
        deck_id=deck,
        question_id=question,
        reviewed_at=at,
        rating=rating,
        outcome=outcome,
        answer=answer,
        duration_ms=1234,
        cram=cram,
    )


def reviewed_card(
    store: Store, deck: str, question: str, at: datetime, rating: int = 3
) -> fsrs.Card:
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    card = store.card(deck, question) or store.new_card(deck, question, at)
    new, _ = scheduler.review_card(card, fsrs.Rating(rating), at)
    return new


def answer(store: Store, deck: str, question: str, at: datetime, **kwargs: Any) -> fsrs.Card:
    card = reviewed_card(store, deck, question, at, kwargs.get("rating", 3))
    store.record_review(review(deck, question, at, **kwargs), card)
    return card


def schema(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        pragmas = [
            ("pragma", name, str(conn.execute(f"PRAGMA {name}").fetchone()[0]))
            for name in ("user_version", "application_id")
        ]
    finally:
        conn.close()
    return [(t, n, " ".join(s.split())) for t, n, s in rows] + pragmas


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "progress.sqlite3"


@pytest.fixture
def store(db: Path) -> Any:
    with Store.open(db) as s:
        yield s


# --------------------------------------------------------------------------- locations


def test_locations_follow_env_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFQUIZ_DATA_DIR", str(tmp_path / "bq"))
    assert locations.data_dir() == tmp_path / "bq"
    assert locations.database_path() == tmp_path / "bq" / "progress.sqlite3"
    assert locations.user_decks_dir() == tmp_path / "bq" / "decks"
    assert locations.backups_dir() == tmp_path / "bq" / "backups"
    assert not (tmp_path / "bq").exists()
    monkeypatch.delenv("BRIEFQUIZ_DATA_DIR")
    assert locations.data_dir().name.lower() == "briefquiz"


# --------------------------------------------------------------------------- opening


def test_open_creates_private_file_and_sets_pragmas(db: Path) -> None:
    with Store.open(db) as store:
        assert stat.S_IMODE(db.stat().st_mode) == 0o600
        store.record_review(review(), None)
        wal = db.with_name(db.name + "-wal")
        assert wal.exists()
        assert stat.S_IMODE(wal.stat().st_mode) == 0o600
        with store._db.reading() as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
            assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
            assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            assert conn.isolation_level is None
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_file_mode_not_loosened_by_permissive_umask(db: Path) -> None:
    old = os.umask(0)
    try:
        Store.open(db).close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_reopen_keeps_data(db: Path) -> None:
    with Store.open(db) as store:
        card = answer(store, "d", "q", T0)
    with Store.open(db) as store:
        assert store.card("d", "q") == card
        assert len(store.reviews()) == 1


def test_closed_store_raises_store_error(db: Path) -> None:
    store = Store.open(db)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.reviews()


def test_in_memory_store_has_the_schema_and_keeps_answers_until_closed(db: Path) -> None:
    with Store.open(db) as on_disk:
        on_disk_card = answer(on_disk, "d", "q", T0)
        disk_settings = on_disk.settings("d")
    store = Store.in_memory()
    assert str(store.path) == ":memory:"
    card = answer(store, "d", "q", T0)
    assert card == on_disk_card and store.card("d", "q") == card
    assert [r.question_id for r in store.reviews("d")] == ["q"]
    assert store.settings("d") == disk_settings
    store.save_settings(DeckSettings("d", new_per_day=5))
    assert store.settings("d").new_per_day == 5
    other = Store.in_memory()  # each one is its own, empty database
    assert other.reviews() == [] and other.card("d", "q") is None
    other.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.reviews()


# --------------------------------------------------------------------------- round trips


def test_card_round_trip_all_fields(store: Store) -> None:
    fresh = store.new_card("d", "fresh", T0)
    assert fresh.stability is None and fresh.difficulty is None and fresh.last_review is None
    store.record_review(review("d", "fresh"), fresh)
    assert store.card("d", "fresh") == fresh

    cards = [
        fsrs.Card(
            card_id=store.new_card("d", "review", T0).card_id,
            state=fsrs.State.Review,
            step=None,
            stability=12.345678901234567,
            difficulty=5.000000000000001,
            due=T0 + timedelta(days=12, microseconds=7),
            last_review=T0,
        ),
        fsrs.Card(
            card_id=store.new_card("d", "relearn", T0).card_id,
            state=fsrs.State.Relearning,
            step=0,
            stability=0.1,
            difficulty=9.9,
            due=T0 + timedelta(minutes=10),
            last_review=T0 - timedelta(days=3),
        ),
    ]
    for card, question in zip(cards, ["review", "relearn"], strict=True):
        store.record_review(review("d", question), card)
        loaded = store.card("d", question)
        assert loaded == card
        assert loaded is not None
        assert loaded.due.tzinfo is UTC
        assert loaded.due.isoformat() == card.due.isoformat()
    assert store.cards("d") == {"fresh": fresh, "review": cards[0], "relearn": cards[1]}
    assert store.card("d", "missing") is None
    assert store.cards("other") == {}


def test_cards_survive_real_scheduler_sequence(store: Store) -> None:
    at = T0
    for rating in (1, 3, 3, 4, 2, 3):
        card = answer(store, "d", "q", at, rating=rating)
        assert store.card("d", "q") == card
        at = card.due + timedelta(hours=1)


def test_review_round_trip(store: Store) -> None:
    records = [
        review("a", "q1", T0, answer={"typed": "Kimmage", "choices": [1, 2], "ok": True}),
        review("a", "q2", T0 + timedelta(seconds=1), rating=1, outcome="wrong", answer="Ünïcode ✓"),
        review(
            "b", "q1", T0 + timedelta(seconds=2), rating=2, outcome="partial", answer=[1.5, None]
        ),
        review("a", "q1", T0 + timedelta(seconds=3), rating=4, outcome="self", cram=True),
    ]
    # Recorded out of order: reviews() sorts by time.
    for record in reversed(records):
        store.record_review(record, None)
    assert store.reviews() == records
    assert store.reviews("a") == [records[0], records[1], records[3]]
    assert store.reviews("a", since=T0 + timedelta(seconds=1)) == [records[1], records[3]]
    assert store.reviews(since=T0 + timedelta(seconds=2)) == records[2:]
    assert store.reviews("nope") == []
    assert all(r.reviewed_at.tzinfo is UTC for r in store.reviews())


def test_non_utc_times_are_stored_as_the_same_instant(store: Store) -> None:
    cet = datetime(2024, 11, 8, 10, 30, tzinfo=timezone(timedelta(hours=1)))
    store.record_review(review(at=cet), None)
    (loaded,) = store.reviews()
    assert loaded.reviewed_at == cet
    assert loaded.reviewed_at.tzinfo is UTC


def test_record_review_rejects_bad_input_and_writes_nothing(store: Store) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        review(at=datetime(2024, 1, 1))
    with pytest.raises(ValueError, match="rating"):
        review(rating=5)
    with pytest.raises(ValueError, match="outcome"):
        review(outcome="maybe")
    with pytest.raises(ValueError, match="JSON"):
        store.record_review(review(answer={1, 2}), None)
    other = store.new_card("d", "other", T0)
    with pytest.raises(ValueError, match="card_id"):
        store.record_review(review("d", "q"), other)
    assert store.reviews() == []
    assert store.card("d", "q") is None


def test_duplicate_uid_is_refused(store: Store) -> None:
    record = review()
    store.record_review(record, None)
    with pytest.raises(StoreError, match="already recorded"):
        store.record_review(record, store.new_card("russia", "q1", T0))
    assert store.reviews() == [record]
    assert store.card("russia", "q1") is None


def test_cram_review_leaves_card_untouched(store: Store) -> None:
    card = answer(store, "d", "q", T0)
    store.record_review(review("d", "q", T0 + timedelta(hours=1), cram=True), None)
    assert store.card("d", "q") == card
    assert [r.cram for r in store.reviews()] == [False, True]


def test_review_log_is_append_only(store: Store) -> None:
    store.record_review(review(), None)
    with store._db.reading() as conn:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE reviews SET rating = 1")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM reviews")
        with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
            conn.execute("DELETE FROM questions")


def test_store_source_never_updates_or_deletes_reviews() -> None:
    import briefquiz.progress

    source = " ".join(
        " ".join(
            path.read_text(encoding="utf-8")
            for path in Path(briefquiz.progress.__file__).parent.glob("*.py")
            if path.name != "migrations.py"
        )
        .upper()
        .split()
    )
    assert "UPDATE REVIEWS" not in source
    assert "DELETE FROM" not in source
    assert "REPLACE INTO" not in source
    assert "INSERT OR REPLACE" not in source


# --------------------------------------------------------------------------- ids


def test_card_ids_are_stable_per_deck_and_question(db: Path) -> None:
    with Store.open(db) as store:
        a = store.new_card("d1", "q1", T0).card_id
        b = store.new_card("d1", "q2", T0).card_id
        c = store.new_card("d2", "q1", T0).card_id
        assert len({a, b, c}) == 3
        assert store.new_card("d1", "q1", T0 + timedelta(days=1)).card_id == a
        card = answer(store, "d1", "q2", T0)
        assert card.card_id == b
    with Store.open(db) as store:
        assert store.new_card("d1", "q1", T0).card_id == a
        assert store.new_card("d2", "q1", T0).card_id == c
        loaded = store.card("d1", "q2")
        assert loaded is not None and loaded.card_id == b


def test_removed_questions_keep_their_rows(store: Store) -> None:
    # The store knows nothing about deck contents: it returns every card it ever saved.
    for q in ("q1", "q2", "q3"):
        answer(store, "d", q, T0)
    assert set(store.cards("d")) == {"q1", "q2", "q3"}
    assert len(store.reviews("d")) == 3


# --------------------------------------------------------------------------- settings


def test_settings_defaults_and_round_trip(store: Store) -> None:
    assert store.settings("d") == DeckSettings("d", 0.9, None, None)  # no limit set
    saved = DeckSettings("d", 0.85, 5, T0 + timedelta(days=3, microseconds=1))
    store.save_settings(saved)
    assert store.settings("d") == saved
    changed = DeckSettings("d", 0.95, 0, None)
    store.save_settings(changed)
    assert store.settings("d") == changed
    assert store.settings("other") == DeckSettings("other")
    store.save_settings(DeckSettings("d", 0.95, None, None))
    assert store.settings("d").new_per_day is None  # a limit can be unset again
    with pytest.raises(ValueError):
        DeckSettings("d", desired_retention=1.5)
    with pytest.raises(ValueError):
        DeckSettings("d", new_per_day=-1)


# --------------------------------------------------------------------------- new per day


def test_new_introduced_on_counts_first_non_cram_review(store: Store) -> None:
    day = datetime(2024, 11, 8, tzinfo=UTC)
    next_day = day + timedelta(days=1)
    # Introduced the day before: does not count today even when reviewed again today.
    answer(store, "d", "old", day - timedelta(hours=2))
    answer(store, "d", "old", day + timedelta(hours=1))
    # Two new today, one of them reviewed twice.
    answer(store, "d", "a", day + timedelta(hours=1))
    answer(store, "d", "a", day + timedelta(hours=2))
    answer(store, "d", "b", day)  # start is inclusive
    # Crammed today, first real review tomorrow: counts tomorrow, not today.
    store.record_review(review("d", "c", day + timedelta(hours=3), cram=True), None)
    answer(store, "d", "c", next_day)  # end is exclusive
    # Only ever crammed: never introduced.
    store.record_review(review("d", "crammed", day + timedelta(hours=4), cram=True), None)
    # Another deck.
    answer(store, "other", "x", day + timedelta(hours=1))

    assert store.new_introduced_on("d", day, next_day) == 2
    assert store.new_introduced_on("d", next_day, next_day + timedelta(days=1)) == 1
    assert store.new_introduced_on("d", day - timedelta(days=1), day) == 1
    assert store.new_introduced_on("other", day, next_day) == 1
    assert store.new_introduced_on("none", day, next_day) == 0


# --------------------------------------------------------------------------- migrations


def make_v1_database(path: Path) -> None:
    """A database at schema version 1, with data written by v1 SQL (not by Store)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert migrations.apply_migrations(conn, target=1) == (0, 1)
        conn.execute("INSERT INTO questions (id, deck_id, question_id) VALUES (7, 'd', 'q')")
        conn.execute(
            "INSERT INTO cards VALUES (7, 2, NULL, 3.5, 4.25, ?, ?)",
            (1_731_058_215_123_456 + 86_400_000_000, 1_731_058_215_123_456),
        )
        conn.execute(
            "INSERT INTO reviews (uid, question, reviewed_at_us, rating, outcome, answer,"
            " duration_ms, cram) VALUES ('u1', 7, ?, 3, 'right', '\"Putin\"', 900, 0)",
            (1_731_058_215_123_456,),
        )
        conn.execute("INSERT INTO deck_settings VALUES ('d', 0.8, 7, NULL)")
    finally:
        conn.close()


def check_v1_data(store: Store) -> None:
    at = datetime(2024, 11, 8, 9, 30, 15, 123456, tzinfo=UTC)
    assert store.card("d", "q") == fsrs.Card(
        card_id=7,
        state=fsrs.State.Review,
        step=None,
        stability=3.5,
        difficulty=4.25,
        due=at + timedelta(days=1),
        last_review=at,
    )
    assert store.reviews() == [
        ReviewRecord("u1", "d", "q", at, 3, "right", "Putin", 900, False),
    ]
    assert store.settings("d") == DeckSettings("d", 0.8, 7, None)
    assert store.new_card("d", "q", at).card_id == 7


def test_migrations_are_numbered_from_one() -> None:
    assert migrations.latest_version() == len(migrations.MIGRATIONS) >= 1


def test_open_version_1_database_keeps_data(db: Path) -> None:
    make_v1_database(db)
    with Store.open(db) as store:
        check_v1_data(store)
    assert schema(db)[-2] == ("pragma", "user_version", str(migrations.latest_version()))


def test_migrating_from_v1_gives_same_schema_as_fresh(tmp_path: Path) -> None:
    fresh, upgraded = tmp_path / "fresh.sqlite3", tmp_path / "upgraded.sqlite3"
    Store.open(fresh).close()
    make_v1_database(upgraded)
    Store.open(upgraded).close()
    assert schema(fresh) == schema(upgraded)


def test_upgrade_through_a_later_migration(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A future migration runs on a v1 file after the real ones; data stays, a backup is made."""

    def future(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE deck_settings ADD COLUMN note TEXT")

    make_v1_database(db)
    future_version = migrations.latest_version() + 1
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, future])
    with Store.open(db) as store:
        check_v1_data(store)
    assert ("pragma", "user_version", str(future_version)) in schema(db)
    (backup,) = (db.parent / "backups").iterdir()
    assert backup.name.startswith("progress-v1-before-upgrade-")
    assert ("pragma", "user_version", "1") in schema(backup)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    fresh = db.with_name("fresh.sqlite3")
    Store.open(fresh).close()
    assert schema(fresh) == schema(db)


def test_newer_schema_is_refused_untouched(db: Path) -> None:
    Store.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="written by a newer briefquiz") as info:
        Store.open(db)
    assert str(db) in str(info.value)
    assert db.read_bytes() == before


# --------------------------------------------------------------------------- bad files


def assert_refused_untouched(path: Path, match: str) -> StoreError:
    before = path.read_bytes()
    with pytest.raises(StoreError, match=match) as info:
        Store.open(path)
    assert path.read_bytes() == before
    message = str(info.value)
    assert str(path) in message
    assert "left untouched" in message
    # A backup is offered only when there is one (issue 13: every message offered one).
    has_backup = any((path.parent / "backups").glob("*.sqlite3"))
    assert (str(path.parent / "backups") in message) == has_backup
    return info.value


def test_a_damage_message_names_the_backups_when_there_are_some(db: Path) -> None:
    db.parent.mkdir(parents=True)
    (db.parent / "backups").mkdir()
    (db.parent / "backups" / "progress-daily-2025-03-03.sqlite3").write_bytes(b"")
    db.write_text("not a database at all, just text\n" * 200)
    message = str(assert_refused_untouched(db, "not a briefquiz database"))
    assert "briefquiz backups" in message


def test_random_bytes_are_not_a_database(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(os.urandom(8192))
    error = assert_refused_untouched(db, "is not a briefquiz database")
    assert "file is not a database" in str(error)


def test_text_file_is_not_a_database(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_text("questions:\n  - id: q1\n" * 100, encoding="utf-8")
    assert_refused_untouched(db, "is not a briefquiz database")


def test_truncated_database_is_refused(db: Path) -> None:
    with Store.open(db) as store:
        for i in range(300):
            answer(store, "d", f"q{i}", T0, answer="x" * 200)
    data = db.read_bytes()
    assert len(data) > 40_000
    db.write_bytes(data[: len(data) // 2])
    assert_refused_untouched(db, "damaged|not a briefquiz database")


def test_corrupted_page_is_refused(db: Path) -> None:
    with Store.open(db) as store:
        for i in range(300):
            answer(store, "d", f"q{i}", T0, answer="x" * 200)
    data = bytearray(db.read_bytes())
    page = 4096
    data[3 * page : 3 * page + 200] = os.urandom(200)
    db.write_bytes(bytes(data))
    assert_refused_untouched(db, "damaged")


def test_other_sqlite_database_is_refused(db: Path) -> None:
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    assert_refused_untouched(db, "not a briefquiz one")


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        Store.open(tmp_path)


# --------------------------------------------------------------------------- concurrency

REVIEWS_PER_PROCESS = 300


def _writer(path: str, name: str, barrier: Any, errors: Any) -> None:
    try:
        barrier.wait(timeout=60)  # both create and migrate the fresh file at the same time
        store = Store.open(Path(path))
        barrier.wait(timeout=60)
        scheduler = fsrs.Scheduler(enable_fuzzing=False)
        at = T0
        for i in range(REVIEWS_PER_PROCESS):
            question = f"q{i % 10}"
            card = store.card("shared", question) or store.new_card("shared", question, at)
            card, _ = scheduler.review_card(card, fsrs.Rating.Good, at)
            store.record_review(review("shared", question, at, answer=f"{name}-{i}"), card)
            at += timedelta(seconds=1)
        store.close()
    except BaseException:
        errors.put(f"{name}: {traceback.format_exc()}")
        raise


@pytest.mark.slow
def test_two_processes_writing_at_once(db: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    errors = ctx.Queue()
    procs = [
        ctx.Process(target=_writer, args=(str(db), name, barrier, errors)) for name in ("a", "b")
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=180)
    hung = [proc for proc in procs if proc.is_alive()]
    for proc in hung:  # never leave a child behind the test
        proc.kill()
        proc.join(timeout=10)
    assert hung == [], "a writer did not finish in 180 s"
    problems = []
    while not errors.empty():
        problems.append(errors.get())
    assert problems == []
    assert [proc.exitcode for proc in procs] == [0, 0]
    with Store.open(db) as store:
        records = store.reviews()
        assert len(records) == 2 * REVIEWS_PER_PROCESS
        assert len({r.uid for r in records}) == 2 * REVIEWS_PER_PROCESS
        answers = {r.answer for r in records}
        assert answers == {f"{n}-{i}" for n in "ab" for i in range(REVIEWS_PER_PROCESS)}
        assert set(store.cards("shared")) == {f"q{i}" for i in range(10)}


# --------------------------------------------------------------------------- export / import


def populate(store: Store) -> None:
    store.new_card("d", "never-reviewed", T0)  # id allocated, no state saved
    for i in range(5):
        answer(store, "d", f"q{i}", T0 + timedelta(minutes=i), rating=1 + i % 4, answer=[i, "x"])
    answer(store, "e", "q0", T0 + timedelta(hours=1))
    store.record_review(
        review("d", "q1", T0 + timedelta(hours=2), cram=True, answer={"a": 1}), None
    )
    store.save_settings(DeckSettings("d", 0.88, 12, T0 + timedelta(days=7)))


def snapshot(store: Store) -> tuple[Any, ...]:
    return (
        store.cards("d"),
        store.cards("e"),
        store.reviews(),
        store.settings("d"),
        store.settings("e"),
    )


def test_export_import_into_empty_store(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.sqlite3") as source:
        populate(source)
        exported = source.export_json()
        expected = snapshot(source)
    exported = json.loads(json.dumps(exported))  # it really is JSON
    with Store.open(tmp_path / "b.sqlite3") as target:
        summary = target.import_json(exported)
        assert snapshot(target) == expected
        assert target.export_json() == exported
        assert summary.reviews_added == 7
        assert summary.cards_taken == 6
        assert summary.settings_added == 1
        assert summary.questions_added == 7

        again = target.import_json(exported)
        assert snapshot(target) == expected
        assert again.reviews_added == 0
        assert again.reviews_skipped == 7
        assert again.cards_taken == 0
        assert again.cards_kept == 6
        assert again.questions_added == 0


def test_import_merges_without_deleting(tmp_path: Path) -> None:
    with Store.open(tmp_path / "laptop.sqlite3") as laptop:
        answer(laptop, "d", "q1", T0)  # older than the desktop's
        answer(laptop, "d", "q2", T0 + timedelta(days=2))  # newer than the desktop's
        answer(laptop, "d", "only-laptop", T0)
        exported = laptop.export_json()
        laptop_cards = laptop.cards("d")
    with Store.open(tmp_path / "desktop.sqlite3") as desktop:
        answer(desktop, "d", "q1", T0 + timedelta(days=1))
        answer(desktop, "d", "q2", T0 + timedelta(days=1))
        answer(desktop, "d", "only-desktop", T0)
        desktop.save_settings(DeckSettings("d", 0.8))
        before_cards = desktop.cards("d")
        before_reviews = desktop.reviews()

        summary = desktop.import_json(exported)

        after = desktop.cards("d")
        assert set(after) == {"q1", "q2", "only-laptop", "only-desktop"}
        assert after["q1"] == before_cards["q1"]  # ours is newer: kept
        assert after["only-desktop"] == before_cards["only-desktop"]
        for q in ("q2", "only-laptop"):  # theirs newer / ours missing: taken, with our ids
            theirs = laptop_cards[q]
            assert after[q].last_review == theirs.last_review
            assert after[q].due == theirs.due
            assert after[q].stability == theirs.stability
            assert after[q].card_id == desktop.new_card("d", q, T0).card_id
        assert (summary.cards_taken, summary.cards_kept) == (2, 1)
        reviews = desktop.reviews()
        assert len(reviews) == 6
        assert set(before_reviews) <= set(reviews)
        assert desktop.settings("d") == DeckSettings("d", 0.8)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: "not a dict", "top level: expected an object"),
        (lambda d: {**d, "format": "anki"}, "format"),
        (lambda d: {**d, "version": 99}, "newer briefquiz"),
        (lambda d: {k: v for k, v in d.items() if k != "reviews"}, "missing 'reviews'"),
        (lambda d: {**d, "cards": {}}, "cards: expected a list"),
        (lambda d: {**d, "cards": [{**d["cards"][0], "due": "tomorrow"}]}, r"cards\[0\]\.due"),
        (
            lambda d: {**d, "cards": [{**d["cards"][0], "due": "2024-01-01T00:00:00"}]},
            "UTC offset",
        ),
        (lambda d: {**d, "cards": [{**d["cards"][0], "state": 7}]}, r"cards\[0\]\.state"),
        (
            lambda d: {**d, "cards": [{**d["cards"][0], "stability": float("nan")}]},
            "finite number",
        ),
        (lambda d: {**d, "reviews": [{**d["reviews"][0], "rating": 9}]}, r"reviews\[0\].*rating"),
        (lambda d: {**d, "reviews": [{**d["reviews"][0], "uid": ""}]}, r"reviews\[0\]\.uid"),
        (lambda d: {**d, "reviews": [{**d["reviews"][0], "cram": "no"}]}, "cram"),
        (lambda d: {**d, "reviews": [*d["reviews"], 5]}, r"reviews\[2\]: expected an object"),
        (
            lambda d: {
                **d,
                "settings": [{"deck_id": "d", "desired_retention": 2, "new_per_day": 1}],
            },
            r"settings\[0\]",
        ),
    ],
)
def test_import_rejects_bad_data_and_changes_nothing(
    tmp_path: Path, mutate: Any, message: str
) -> None:
    with Store.open(tmp_path / "src.sqlite3") as source:
        answer(source, "d", "q1", T0)
        answer(source, "d", "q2", T0)
        good = source.export_json()
    with Store.open(tmp_path / "dst.sqlite3") as target:
        answer(target, "x", "y", T0)
        before = target.export_json()
        with pytest.raises(StoreError, match=message) as info:
            target.import_json(mutate(good))
        assert "Nothing was imported" in str(info.value)
        assert target.export_json() == before


# --------------------------------------------------------------------------- backup


def test_backup_is_a_private_self_contained_copy(store: Store, tmp_path: Path) -> None:
    populate(store)
    dest = tmp_path / "backups" / "progress-1.sqlite3"
    store.backup(dest)
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert not dest.with_name(dest.name + "-wal").exists()
    assert [p.name for p in dest.parent.iterdir()] == [dest.name]
    with Store.open(dest) as copy:
        assert snapshot(copy) == snapshot(store)
    answer(store, "d", "later", T0)
    store.backup(dest)  # replaces an older backup atomically
    with Store.open(dest) as copy:
        assert copy.card("d", "later") is not None


# --------------------------------------------------------------------------- layering


def test_store_does_not_import_textual() -> None:
    code = (
        "import sys, briefquiz.progress.repository, briefquiz.locations, "
        "briefquiz.progress.migrations; "
        "sys.exit('textual' in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_changed_rating_names_the_review_it_replaces(db: Path) -> None:
    at = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    with Store.open(db) as store:
        card = store.new_card("d", "q", at)
        store.record_review(ReviewRecord("u1", "d", "q", at, 1, "wrong", "x", 500, False), card)
        store.record_review(
            ReviewRecord("u2", "d", "q", at, 2, "wrong", "x", 500, False, replaces="u1"), card
        )
        assert [r.replaces for r in store.reviews("d")] == [None, "u1"]
        exported = store.export_json()
    other = db.with_name("other.sqlite3")
    with Store.open(other) as store:
        store.import_json(exported)
        assert [r.replaces for r in store.reviews("d")] == [None, "u1"]


def test_version_1_reviews_read_back_without_replaces(db: Path) -> None:
    make_v1_database(db)
    with Store.open(db) as store:
        assert [r.replaces for r in store.reviews()] == [None]


def test_opening_takes_a_lock_file_beside_the_database(db: Path) -> None:
    Store.open(db).close()
    lock = db.with_name(db.name + ".lock")
    assert lock.exists()
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("field", "value"),
    [("stability", 0.0), ("stability", -1.5), ("stability", None), ("difficulty", 11.0)],
)
def test_import_refuses_card_states_fsrs_cannot_use(
    tmp_path: Path, field: str, value: float | None
) -> None:
    with Store.open(tmp_path / "a.sqlite3") as source:
        populate(source)
        data = source.export_json()
    reviewed = next(c for c in data["cards"] if c["last_review"] is not None)
    reviewed[field] = value
    with Store.open(tmp_path / "b.sqlite3") as target:
        with pytest.raises(StoreError, match=field):
            target.import_json(data)
        assert target.reviews() == [] and target.cards("d") == {}
