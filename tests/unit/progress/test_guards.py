"""The schema's guards and the opening lock, each tried directly against a real file."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import fsrs
import pytest

from briefquiz.progress import migrations
from briefquiz.progress.records import ReviewRecord
from briefquiz.progress.repository import Store

T0 = datetime(2024, 11, 8, 9, 30, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A progress file with one reviewed card (so every table has a row)."""
    path = tmp_path / "progress.sqlite3"
    with Store.open(path) as store:
        card = store.new_card("d", "q", T0)
        card, _ = fsrs.Scheduler(enable_fuzzing=False).review_card(card, fsrs.Rating.Good, T0)
        store.record_review(ReviewRecord("u1", "d", "q", T0, 3, "right", "x", 10, False), card)
    return path


@pytest.fixture
def raw(db: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection, past the Store: what the triggers alone refuse."""
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def review_columns(conn: sqlite3.Connection) -> list[str]:
    return [name for _cid, name, *_ in conn.execute("PRAGMA table_info(reviews)")]


def test_the_review_log_has_the_columns_the_next_test_tries(raw: sqlite3.Connection) -> None:
    assert len(review_columns(raw)) == 17  # a new column is tried too: the list is read


def test_no_column_of_a_review_can_be_updated(raw: sqlite3.Connection) -> None:
    before = raw.execute("SELECT * FROM reviews").fetchall()
    columns = review_columns(raw)
    for column in columns:
        # Setting a column to itself breaks no constraint: only the trigger can refuse it.
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute(f"UPDATE reviews SET {column} = {column}")
    assert raw.execute("SELECT * FROM reviews").fetchall() == before
    assert len(columns) == len(before[0])


def test_a_card_state_cannot_be_deleted(raw: sqlite3.Connection) -> None:
    assert raw.execute("SELECT count(*) FROM cards").fetchone() == (1,)
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        raw.execute("DELETE FROM cards")
    assert raw.execute("SELECT count(*) FROM cards").fetchone() == (1,)


def test_a_card_state_can_still_be_replaced(raw: sqlite3.Connection) -> None:
    raw.execute("UPDATE cards SET due_us = due_us + 1")  # how every answer saves its card


def test_opening_a_fresh_file_holds_the_lock_while_it_migrates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fcntl = pytest.importorskip("fcntl")
    path = tmp_path / "progress.sqlite3"
    lock = path.with_name(path.name + ".lock")
    migrate = migrations.apply_migrations
    others_got_in: list[bool] = []

    def probing(conn: sqlite3.Connection, target: int | None = None) -> tuple[int, int]:
        # A second opener, arriving while this one migrates, must find the lock taken.
        fd = os.open(lock, os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            others_got_in.append(True)
        except BlockingIOError:
            others_got_in.append(False)
        finally:
            os.close(fd)
        return migrate(conn, target)

    monkeypatch.setattr(migrations, "apply_migrations", probing)
    Store.open(path).close()
    assert others_got_in == [False]
