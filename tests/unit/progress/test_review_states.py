"""Each review carries the card state it produced; a card's state is its newest effective one."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fsrs import Rating

from answers import Answers
from briefquiz.clock import FixedClock
from briefquiz.progress import card_log, migrations, rows
from briefquiz.progress.repository import Store
from briefquiz.study.session import Session


def stored_state(path: Path) -> tuple[Any, list[int]]:
    """The card of the only question, and the questions whose card disagrees with the log."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute(rows.CARD_SELECT).fetchone()
        return rows.card_columns(rows.card_from_row(row)), card_log.disagreeing_cards(conn)
    finally:
        conn.close()


def rerate_race(tmp_path: Path, kit: Any, a_rerates_first: bool) -> tuple[Path, Any, Any]:
    """A answers Q1 and leaves the rating open; B answers Q1 and rates it Easy; A re-rates."""
    path = tmp_path / "progress.sqlite3"
    deck = kit.deck("race", kit.truefalse(1))
    clock_a, clock_b = FixedClock(kit.T0), FixedClock(kit.T0 + timedelta(minutes=2))
    with Store.open(path) as store_a, Store.open(path) as store_b:
        a = Session(store_a, [deck], clock_a)
        b = Session(store_b, [deck], clock_b)
        question = a.current.question  # type: ignore[union-attr]
        a.answer(Answers.right(question))
        b.answer(Answers.right(question))
        if a_rerates_first:
            a.rerate(Rating.Good if a.feedback.rating != Rating.Good else Rating.Hard)  # type: ignore[union-attr]
            b.rerate(Rating.Easy)
        else:
            b.rerate(Rating.Easy)
            a.rerate(Rating.Good if a.feedback.rating != Rating.Good else Rating.Hard)  # type: ignore[union-attr]
        seen_a = store_a.card("race", question.id)
        seen_b = store_b.card("race", question.id)
        assert len(store_a.reviews()) == 4
    return path, seen_a, seen_b


@pytest.mark.parametrize("attempt", range(3))  # fuzz differs each time: the race three times
@pytest.mark.parametrize("a_rerates_first", [False, True])
def test_two_instances_converge_after_the_rerate_race(
    tmp_path: Path, kit: Any, a_rerates_first: bool, attempt: int
) -> None:
    path, seen_a, seen_b = rerate_race(tmp_path, kit, a_rerates_first)
    assert seen_a is not None and seen_b is not None
    assert rows.card_columns(seen_a) == rows.card_columns(seen_b)
    # B answered last: its review is in the schedule, not overwritten by A's stale state.
    assert seen_a.last_review == kit.T0 + timedelta(minutes=2)
    columns, disagreeing = stored_state(path)
    assert columns == rows.card_columns(seen_a)
    assert disagreeing == []


def test_a_rerate_starts_from_the_state_before_the_replaced_review(
    store: Store, clock: FixedClock, kit: Any
) -> None:
    deck = kit.deck("d", kit.truefalse(1))
    session = Session(store, [deck], clock)
    question = session.current.question  # type: ignore[union-attr]
    first = session.answer(Answers.right(question))
    changed = session.rerate(Rating.Again)
    assert changed.card_before is not None and first.card_before is not None
    assert rows.card_columns(changed.card_before) == rows.card_columns(first.card_before)
    card = store.card("d", question.id)
    assert card is not None and changed.card_after is not None
    assert rows.card_columns(card) == rows.card_columns(changed.card_after)


def test_a_review_computed_in_the_transaction_sees_the_other_instances_answer(
    tmp_path: Path, kit: Any
) -> None:
    path = tmp_path / "progress.sqlite3"
    deck = kit.deck("d", kit.truefalse(1))
    with Store.open(path) as one, Store.open(path) as two:
        a = Session(one, [deck], FixedClock(kit.T0))
        b = Session(two, [deck], FixedClock(kit.T0 + timedelta(minutes=1)))
        question = a.current.question  # type: ignore[union-attr]
        first = a.answer(Answers.right(question))
        second = b.answer(Answers.right(question))  # its queue was built before A answered
        assert second.card_before is not None and first.card_after is not None
        assert rows.card_columns(second.card_before) == rows.card_columns(first.card_after)


# --------------------------------------------------------------------------- migration


def test_the_migration_fills_the_states_of_a_previous_versions_reviews(
    tmp_path: Path, kit: Any
) -> None:
    path = tmp_path / "progress.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply_migrations(conn, target=3)
    conn.execute("INSERT INTO questions (id, deck_id, question_id) VALUES (1, 'd', 'q')")
    t0 = rows.to_us(kit.T0)
    day = 86_400_000_000
    log = [  # uid, time, rating, cram, replaces
        ("r1", t0, 3, 0, None),
        ("r2", t0, 1, 0, "r1"),  # a changed rating
        ("c1", t0 + day // 2, 3, 1, None),  # cram: no state
        ("r3", t0 + day, 3, 0, None),
    ]
    for uid, at, rating, cram, replaces in log:
        conn.execute(
            "INSERT INTO reviews (uid, question, reviewed_at_us, rating, outcome, answer,"
            " duration_ms, cram, replaces) VALUES (?, 1, ?, ?, 'right', 'true', 0, ?, ?)",
            (uid, at, rating, cram, replaces),
        )
    conn.execute(
        "INSERT INTO cards (question, state, step, stability, difficulty, due_us, last_review_us)"
        " VALUES (1, 2, NULL, 3.5, 6.0, ?, ?)",
        (t0 + 4 * day, t0 + day),
    )
    conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    conn.close()

    with Store.open(path) as store:
        card = store.card("d", "q")
        assert card is not None and card.stability == 3.5  # the schedule did not change
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    states = {
        row["uid"]: row["after_state"]
        for row in conn.execute("SELECT uid, after_state FROM reviews")
    }
    assert migrations.schema_version(conn) == migrations.latest_version()
    assert states["c1"] is None
    assert all(states[uid] is not None for uid in ("r1", "r2", "r3"))
    assert card_log.disagreeing_cards(conn) == []
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE reviews SET after_state = NULL")
    conn.close()


def test_an_export_carries_the_states_and_a_version_1_file_still_imports(
    tmp_path: Path, store: Store, clock: FixedClock, kit: Any
) -> None:
    deck = kit.deck("d", kit.truefalse(2))
    session = Session(store, [deck], clock)
    while not session.finished:
        session.answer(Answers.right(session.current.question))  # type: ignore[union-attr]
        session.advance()
    exported = store.export_json()
    assert exported["version"] == 4
    assert all(review["card"] is not None for review in exported["reviews"])
    with Store.open(tmp_path / "away.sqlite3") as away:
        away.import_json(exported)
        assert away.cards("d") == store.cards("d")
    old = {
        **exported,
        "version": 1,
        "reviews": [{k: v for k, v in r.items() if k != "card"} for r in exported["reviews"]],
    }
    with Store.open(tmp_path / "older.sqlite3") as older:
        assert older.import_json(old).reviews_added == len(old["reviews"])
        assert older.cards("d") == store.cards("d")
