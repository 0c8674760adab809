"""A damaged row: a message that names it and `briefquiz doctor`, never a traceback."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from answers import Answers
from briefquiz.clock import FixedClock
from briefquiz.progress.database import StoreError
from briefquiz.progress.repository import Store
from briefquiz.study.session import Session


@pytest.fixture
def studied(bq: Any, tf_file: Any, kit: Any) -> tuple[Any, Path, Path]:
    """A deck file and a database with one answer to its first question."""
    path = tf_file(2)
    from briefquiz.deck.validate import read_deck

    deck, _ = read_deck(path)
    assert deck is not None
    database = bq.data / "progress.sqlite3"
    with Store.open(database) as store:
        session = Session(store, [deck], FixedClock(kit.T0))
        session.answer(Answers.right(session.current.question))  # type: ignore[union-attr]
    return bq, path, database


def damage(database: Path, statement: str) -> None:
    conn = sqlite3.connect(database, isolation_level=None)
    conn.executescript(statement)
    conn.close()


DAMAGE = {
    "due-out-of-range": (
        "UPDATE cards SET due_us = 9223372036854775807",
        "the card of question row 1 (",
    ),
    "answer-not-json": (
        "INSERT INTO reviews (uid, question, reviewed_at_us, rating, outcome, answer,"
        " duration_ms, cram) SELECT 'bad', question, reviewed_at_us, 3, 'right', '{nope', 0, 0"
        " FROM reviews LIMIT 1",
        "review with uid 'bad'",
    ),
    "seminar-out-of-range": (
        "INSERT INTO deck_settings VALUES ('bq-test-tf', 0.9, NULL);"
        " INSERT INTO seminars VALUES (7, -9223372036854775807, 0, 0);"
        " INSERT INTO seminar_decks VALUES ('bq-test-tf', 7)",
        "settings of deck 'bq-test-tf'",
    ),
}


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_a_damaged_row_is_named_with_doctor(studied: tuple[Any, Path, Path], name: str) -> None:
    bq, path, database = studied
    statement, named = DAMAGE[name]
    damage(database, statement)
    with Store.open(database) as store, pytest.raises(StoreError) as info:
        store.export_json()
    assert named in str(info.value) and "briefquiz doctor" in str(info.value)
    assert "backups" not in str(info.value)  # none exists yet: none is offered
    for command in (["stats", path], ["export", "progress"]):
        result = bq.run(*command)
        assert result.returncode == 1, (command, result.stdout)
        assert named in result.stderr and "briefquiz doctor" in result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX, not root")
def test_a_read_only_data_dir_works_for_read_only_commands(
    studied: tuple[Any, Path, Path],
) -> None:
    bq, path, database = studied
    (database.parent / (database.name + ".lock")).unlink(missing_ok=True)
    mode = stat.S_IMODE(database.parent.stat().st_mode)
    database.parent.chmod(0o500)
    try:
        for command in (["stats", path], ["export", "progress"], ["list"]):
            result = bq.run(*command)
            assert result.returncode == 0, (command, result.stderr)
            assert "Traceback" not in result.stderr
    finally:
        database.parent.chmod(mode)
