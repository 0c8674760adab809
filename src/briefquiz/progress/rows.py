"""The one shape of each stored row, and the statements that write them.

Times are stored as integer microseconds since the Unix epoch and always come back in
UTC (``datetime.UTC``), equal to what was stored. Rows are read by column name.
Every function here runs on a connection the caller holds (inside its transaction).
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, Final, TypeVar

import fsrs

from briefquiz.errors import UserFacingError
from briefquiz.progress.records import DeckSettings, ReviewRecord, require_aware

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND: Final = timedelta(microseconds=1)

#: The card columns, as :func:`card_from_row` reads them (``q`` = questions, ``c`` = cards).
CARD_SELECT: Final = (
    "SELECT q.deck_id, q.question_id, q.id AS card_id, c.state, c.step, c.stability,"
    " c.difficulty, c.due_us, c.last_review_us FROM cards c JOIN questions q ON q.id = c.question"
)

#: The review columns, as :func:`review_from_row` reads them.
REVIEW_SELECT: Final = (
    "SELECT r.uid, q.deck_id, q.question_id, r.reviewed_at_us, r.rating, r.outcome,"
    " r.answer, r.duration_ms, r.cram, r.replaces, r.override, r.after_state, r.after_step,"
    " r.after_stability, r.after_difficulty, r.after_due_us, r.after_last_review_us"
    " FROM reviews r JOIN questions q ON q.id = r.question"
)

#: The settings columns, with the moment of the seminar that covers the deck.
SETTINGS_SELECT: Final = (
    "SELECT s.deck_id, s.desired_retention, s.new_per_day, m.at_us AS seminar_at_us"
    " FROM deck_settings s LEFT JOIN seminar_decks d ON d.deck_id = s.deck_id"
    " LEFT JOIN seminars m ON m.id = d.seminar"
)


class DamagedRow(UserFacingError):
    """A stored row that cannot be read back (a time out of range, invalid JSON, ...).

    Read inside a transaction, it becomes a ``StoreError`` naming the file, and the backups
    when there are some; its own text names the row and ``briefquiz doctor``.
    """

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"The progress database has a damaged row: {detail}. Run `briefquiz doctor` to"
            " check the file and repair what it can"
        )
        self.detail = detail


_ROW = TypeVar("_ROW")


def row_reader(
    what: str, key: str
) -> Callable[[Callable[[sqlite3.Row], _ROW]], Callable[[sqlite3.Row], _ROW]]:
    """Turn any failure to read a row into a :class:`DamagedRow` naming it (by ``key``)."""

    def wrap(read: Callable[[sqlite3.Row], _ROW]) -> Callable[[sqlite3.Row], _ROW]:
        @functools.wraps(read)
        def checked(row: sqlite3.Row) -> _ROW:
            try:
                return read(row)
            except (ValueError, TypeError, OverflowError) as exc:
                raise DamagedRow(f"{what} {row[key]!r} ({exc})") from exc

        return checked

    return wrap


def to_us(value: datetime, what: str = "datetime") -> int:
    """Microseconds since the epoch of an aware datetime (``ValueError`` if naive)."""
    require_aware(value, what)
    return (value - _EPOCH) // _MICROSECOND


def from_us(value: int) -> datetime:
    return _EPOCH + timedelta(microseconds=value)


def opt_from_us(value: int | None) -> datetime | None:
    return None if value is None else from_us(value)


def dump_answer(answer: Any) -> str:
    """The answer as the compact JSON text the review log keeps."""
    try:
        return json.dumps(answer, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"answer must be a JSON value: {exc}") from exc


# --------------------------------------------------------------------------- cards


@row_reader("the card of question row", "card_id")
def card_from_row(row: sqlite3.Row) -> fsrs.Card:
    """The fsrs card of a :data:`CARD_SELECT` row."""
    step = row["step"]
    card = fsrs.Card(
        card_id=int(row["card_id"]),
        state=fsrs.State(row["state"]),
        step=step,
        stability=row["stability"],
        difficulty=row["difficulty"],
        due=from_us(int(row["due_us"])),
        last_review=opt_from_us(row["last_review_us"]),
    )
    card.step = step  # Card() turns a None step into 0 for Learning cards; keep what was stored
    return card


CardColumns = dict[str, int | float | None]


def card_columns(card: fsrs.Card) -> CardColumns:
    """The stored columns of ``card`` (its ``card_id`` is the question row, kept apart)."""
    last = card.last_review
    return {
        "state": int(card.state),
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due_us": to_us(card.due, "card.due"),
        "last_review_us": None if last is None else to_us(last, "card.last_review"),
    }


def upsert_card(conn: sqlite3.Connection, question: int, columns: CardColumns) -> None:
    """Save a card's :func:`card_columns` as the state of question row ``question``."""
    conn.execute(
        "INSERT INTO cards (question, state, step, stability, difficulty, due_us,"
        " last_review_us) VALUES (:question, :state, :step, :stability, :difficulty, :due_us,"
        " :last_review_us)"
        " ON CONFLICT (question) DO UPDATE SET state = excluded.state,"
        " step = excluded.step, stability = excluded.stability,"
        " difficulty = excluded.difficulty, due_us = excluded.due_us,"
        " last_review_us = excluded.last_review_us",
        {"question": question, **columns},
    )


# --------------------------------------------------------------------------- questions


def question_row(conn: sqlite3.Connection, deck_id: str, question_id: str) -> int | None:
    """The stable id of a (deck, question), or None if never seen."""
    row = conn.execute(
        "SELECT id FROM questions WHERE deck_id = ? AND question_id = ?",
        (deck_id, question_id),
    ).fetchone()
    return None if row is None else int(row["id"])


def ensure_question(conn: sqlite3.Connection, deck_id: str, question_id: str) -> tuple[int, bool]:
    """The question's stable id, inserting its row on first sight (inside a write)."""
    existing = question_row(conn, deck_id, question_id)
    if existing is not None:
        return existing, False
    cursor = conn.execute(
        "INSERT INTO questions (deck_id, question_id) VALUES (?, ?)", (deck_id, question_id)
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid, True


# --------------------------------------------------------------------------- reviews


def insert_review(
    conn: sqlite3.Connection,
    question: int,
    review: ReviewRecord,
    answer: str,
    *,
    merge: bool,
    after: dict[str, int | float | None] | None = None,
) -> bool:
    """Append ``review`` (its ``answer`` already as JSON text); True if a row was added.

    ``after``: the ``after_*`` columns of the state it produced (``card_log.after_columns``).
    With ``merge`` a review whose uid is already there is skipped, else it raises
    ``sqlite3.IntegrityError``.
    """
    state = after or {}
    cursor = conn.execute(
        "INSERT INTO reviews (uid, question, reviewed_at_us, rating, outcome, answer,"
        " duration_ms, cram, replaces, override, after_state, after_step, after_stability,"
        " after_difficulty, after_due_us, after_last_review_us) VALUES (:uid, :question,"
        " :reviewed_at_us, :rating, :outcome, :answer, :duration_ms, :cram, :replaces,"
        " :override, :after_state, :after_step, :after_stability, :after_difficulty,"
        " :after_due_us, :after_last_review_us)"
        + (" ON CONFLICT (uid) DO NOTHING" if merge else ""),
        {
            "after_state": state.get("after_state"),
            "after_step": state.get("after_step"),
            "after_stability": state.get("after_stability"),
            "after_difficulty": state.get("after_difficulty"),
            "after_due_us": state.get("after_due_us"),
            "after_last_review_us": state.get("after_last_review_us"),
            "uid": review.uid,
            "question": question,
            "reviewed_at_us": to_us(review.reviewed_at, "reviewed_at"),
            "rating": int(review.rating),
            "outcome": str(review.outcome),
            "answer": answer,
            "duration_ms": review.duration_ms,
            "cram": int(review.cram),
            "replaces": review.replaces,
            "override": int(review.override),
        },
    )
    return cursor.rowcount == 1


@row_reader("the review with uid", "uid")
def review_from_row(row: sqlite3.Row) -> ReviewRecord:
    """The record of a :data:`REVIEW_SELECT` row."""
    replaces = row["replaces"]
    return ReviewRecord(
        uid=str(row["uid"]),
        deck_id=str(row["deck_id"]),
        question_id=str(row["question_id"]),
        reviewed_at=from_us(int(row["reviewed_at_us"])),
        rating=fsrs.Rating(int(row["rating"])),
        outcome=row["outcome"],
        answer=json.loads(row["answer"]),
        duration_ms=int(row["duration_ms"]),
        cram=bool(row["cram"]),
        replaces=None if replaces is None else str(replaces),
        override=bool(row["override"]),
    )


# --------------------------------------------------------------------------- settings


@row_reader("the settings of deck", "deck_id")
def settings_from_row(row: sqlite3.Row) -> DeckSettings:
    """The settings of a :data:`SETTINGS_SELECT` row."""
    new = row["new_per_day"]
    return DeckSettings(
        str(row["deck_id"]),
        float(row["desired_retention"]),
        None if new is None else int(new),
        opt_from_us(row["seminar_at_us"]),
    )


def insert_settings(conn: sqlite3.Connection, settings: DeckSettings, *, replace: bool) -> bool:
    """Save a deck's retention and new-per-day; with ``replace`` over any saved ones, else
    only if none. (Its seminar is stored apart: ``progress.seminars``.)"""
    cursor = conn.execute(
        "INSERT INTO deck_settings (deck_id, desired_retention, new_per_day)"
        " VALUES (:deck_id, :desired_retention, :new_per_day)"
        " ON CONFLICT (deck_id) DO "
        + (
            "UPDATE SET desired_retention = excluded.desired_retention,"
            " new_per_day = excluded.new_per_day"
            if replace
            else "NOTHING"
        ),
        {
            "deck_id": settings.deck_id,
            "desired_retention": float(settings.desired_retention),
            "new_per_day": settings.new_per_day,
        },
    )
    return cursor.rowcount == 1
