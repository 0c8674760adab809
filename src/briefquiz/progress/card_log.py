"""The card state each review produced, and a card's current state read from the log.

Each review row carries the fsrs state it produced (``after_*`` columns; none for a cram
review, which changes no schedule). A review is *effective* unless a later review names it
in ``replaces`` (a changed rating). A card's current state is the state after its newest
effective review, newest by (time answered, order written): the ``cards`` table is kept
equal to it, in the same transaction as every write, so two briefquiz processes sharing the
file converge on the same schedule whatever the order of their writes.

Every function here runs on a connection the caller holds, inside its write transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import Final

import fsrs

from briefquiz.progress import rows

#: The state columns of a review row, in the order of :func:`rows.card_columns`' keys.
AFTER_COLUMNS: Final = (
    "after_state",
    "after_step",
    "after_stability",
    "after_difficulty",
    "after_due_us",
    "after_last_review_us",
)

_STATE_SELECT: Final = (
    "SELECT r.question AS card_id, r.after_state AS state, r.after_step AS step,"
    " r.after_stability AS stability, r.after_difficulty AS difficulty,"
    " r.after_due_us AS due_us, r.after_last_review_us AS last_review_us"
    " FROM reviews r WHERE r.question = :question AND r.after_state IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM reviews x WHERE x.replaces = r.uid)"
)

Schedule = Callable[[fsrs.Card], fsrs.Card]


def after_columns(card: fsrs.Card | None) -> dict[str, int | float | None]:
    """The ``after_*`` values of a review that produced ``card`` (all None for none)."""
    if card is None:
        return dict.fromkeys(AFTER_COLUMNS)
    return {f"after_{name}": value for name, value in rows.card_columns(card).items()}


@rows.row_reader("the review with uid", "uid")
def after_card(row: sqlite3.Row) -> fsrs.Card | None:
    """The card a review row with ``after_*`` columns produced, or None (cram, old import)."""
    if row["after_state"] is None:
        return None
    card = fsrs.Card(
        card_id=0,
        state=fsrs.State(row["after_state"]),
        step=row["after_step"],
        stability=row["after_stability"],
        difficulty=row["after_difficulty"],
        due=rows.from_us(int(row["after_due_us"])),
        last_review=rows.opt_from_us(row["after_last_review_us"]),
    )
    card.step = row["after_step"]
    return card


def newest_state(conn: sqlite3.Connection, question: int) -> fsrs.Card | None:
    """The state after the question's newest effective review, or None if none has one."""
    row = conn.execute(
        f"{_STATE_SELECT} ORDER BY r.reviewed_at_us DESC, r.seq DESC LIMIT 1",
        {"question": question},
    ).fetchone()
    return None if row is None else rows.card_from_row(row)


def state_before(
    conn: sqlite3.Connection, question: int, replaces: str | None, now: datetime
) -> fsrs.Card:
    """What a new review of ``question`` is computed from.

    A new answer starts from the card's current state; a changed rating from the state
    before the review it replaces (the newest effective one written before it). A card
    never reviewed starts fresh, due when it was first answered.
    """
    if replaces is None:
        row = conn.execute(f"{rows.CARD_SELECT} WHERE c.question = ?", (question,)).fetchone()
        return rows.card_from_row(row) if row is not None else fsrs.Card(card_id=question, due=now)
    replaced = conn.execute(
        "SELECT reviewed_at_us, seq FROM reviews WHERE uid = ? AND question = ?",
        (replaces, question),
    ).fetchone()
    if replaced is None:
        raise ValueError(f"review {replaces} of this question is not in the log")
    row = conn.execute(
        f"{_STATE_SELECT} AND (r.reviewed_at_us, r.seq) < (:at, :seq)"
        " ORDER BY r.reviewed_at_us DESC, r.seq DESC LIMIT 1",
        {"question": question, "at": replaced["reviewed_at_us"], "seq": replaced["seq"]},
    ).fetchone()
    if row is not None:
        return rows.card_from_row(row)
    return fsrs.Card(card_id=question, due=rows.from_us(int(replaced["reviewed_at_us"])))


def sync_card(conn: sqlite3.Connection, question: int) -> fsrs.Card | None:
    """Set the ``cards`` row to the state after the newest effective review (if any has one)."""
    card = newest_state(conn, question)
    if card is not None:
        rows.upsert_card(conn, question, rows.card_columns(card))
    return card


def disagreeing_cards(conn: sqlite3.Connection) -> list[int]:
    """The question rows whose ``cards`` state is not the one their review log ends with."""
    found = []
    for (question,) in conn.execute(
        "SELECT DISTINCT question FROM reviews WHERE after_state IS NOT NULL ORDER BY question"
    ).fetchall():
        try:
            expected = newest_state(conn, int(question))
            row = conn.execute(f"{rows.CARD_SELECT} WHERE c.question = ?", (question,)).fetchone()
            stored = None if row is None else rows.card_columns(rows.card_from_row(row))
        except rows.DamagedRow:
            found.append(int(question))
            continue
        if expected is not None and stored != rows.card_columns(expected):
            found.append(int(question))
    return found
