"""Progress as JSON: everything in the store exported, and an export merged back in.

The card states use fsrs's own dict form (``Card.to_dict``) less the store's card id,
with the deck and question they belong to. An import is checked whole before anything is
written, and then merged in one transaction: nothing is ever deleted.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

import fsrs

from briefquiz.progress import rows
from briefquiz.progress.database import StoreError
from briefquiz.progress.records import DeckSettings, ImportSummary, ReviewRecord, is_int

__all__ = [
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "ParsedExport",
    "export_progress",
    "merge_progress",
    "parse_export",
]

EXPORT_FORMAT: Final = "briefquiz-progress"
EXPORT_VERSION: Final = 2
"""2 adds each review's ``override`` ("I was right"); a version 1 file has none."""


# --------------------------------------------------------------------------- export


def _card_json(row: sqlite3.Row) -> dict[str, Any]:
    # fsrs's own form less card_id, the store's own id: questions go by deck and question.
    state = {k: v for k, v in rows.card_from_row(row).to_dict().items() if k != "card_id"}
    return {"deck_id": row["deck_id"], "question_id": row["question_id"], **state}


def _review_json(review: ReviewRecord) -> dict[str, Any]:
    return {
        "uid": review.uid,
        "deck_id": review.deck_id,
        "question_id": review.question_id,
        "reviewed_at": review.reviewed_at.isoformat(),
        "rating": int(review.rating),
        "outcome": str(review.outcome),
        "answer": review.answer,
        "duration_ms": review.duration_ms,
        "cram": review.cram,
        "replaces": review.replaces,
        "override": review.override,
    }


def _settings_json(settings: DeckSettings) -> dict[str, Any]:
    return {
        "deck_id": settings.deck_id,
        "desired_retention": settings.desired_retention,
        "new_per_day": settings.new_per_day,
        "seminar_at": None if settings.seminar_at is None else settings.seminar_at.isoformat(),
    }


def export_progress(conn: sqlite3.Connection) -> dict[str, Any]:
    """Everything, as a JSON-serialisable dict; ``conn`` is inside one read transaction."""
    questions = conn.execute("SELECT deck_id, question_id FROM questions ORDER BY id").fetchall()
    cards = conn.execute(f"{rows.CARD_SELECT} ORDER BY q.id").fetchall()
    reviews = conn.execute(f"{rows.REVIEW_SELECT} ORDER BY r.reviewed_at_us, r.seq").fetchall()
    settings = conn.execute(f"{rows.SETTINGS_SELECT} ORDER BY deck_id").fetchall()
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "questions": [
            {"deck_id": row["deck_id"], "question_id": row["question_id"]} for row in questions
        ],
        "cards": [_card_json(row) for row in cards],
        "reviews": [_review_json(rows.review_from_row(row)) for row in reviews],
        "settings": [_settings_json(rows.settings_from_row(row)) for row in settings],
    }


# --------------------------------------------------------------------------- import


def merge_progress(conn: sqlite3.Connection, parsed: ParsedExport) -> ImportSummary:
    """Merge a :func:`parse_export` result in; ``conn`` is inside one write transaction.

    Reviews are de-duplicated by uid; nothing is deleted. A card state is taken only
    when its last_review is newer than ours (or we have no state). Settings are taken
    only for decks that have none saved here.
    """
    questions_added = cards_taken = cards_kept = reviews_added = reviews_skipped = 0
    settings_added = 0

    def ensure(deck_id: str, question_id: str) -> int:
        nonlocal questions_added
        qid, created = rows.ensure_question(conn, deck_id, question_id)
        questions_added += created
        return qid

    for deck_id, question_id in parsed.questions:
        ensure(deck_id, question_id)
    for deck_id, question_id, card in parsed.cards:
        qid = ensure(deck_id, question_id)
        ours = conn.execute(
            "SELECT last_review_us FROM cards WHERE question = ?", (qid,)
        ).fetchone()
        columns = rows.card_columns(card)
        theirs = columns["last_review_us"]
        if ours is None or (
            theirs is not None
            and (ours["last_review_us"] is None or theirs > int(ours["last_review_us"]))
        ):
            rows.upsert_card(conn, qid, columns)
            cards_taken += 1
        else:
            cards_kept += 1
    for review, answer in parsed.reviews:
        qid = ensure(review.deck_id, review.question_id)
        if rows.insert_review(conn, qid, review, answer, merge=True):
            reviews_added += 1
        else:
            reviews_skipped += 1
    for settings in parsed.settings:
        settings_added += rows.insert_settings(conn, settings, replace=False)
    return ImportSummary(
        questions_added=questions_added,
        cards_taken=cards_taken,
        cards_kept=cards_kept,
        reviews_added=reviews_added,
        reviews_skipped=reviews_skipped,
        settings_added=settings_added,
    )


@dataclass(frozen=True, slots=True)
class ParsedExport:
    """An export checked whole, ready to merge."""

    questions: list[tuple[str, str]]
    cards: list[tuple[str, str, fsrs.Card]]
    reviews: list[tuple[ReviewRecord, str]]
    settings: list[DeckSettings]


def _bad(where: str, problem: str) -> StoreError:
    return StoreError(f"Cannot import progress data: {where}: {problem}. Nothing was imported.")


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _field(obj: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in obj:
        raise _bad(where, f"missing {key!r}")
    return obj[key]


def _text(obj: Mapping[str, Any], key: str, where: str) -> str:
    value = _field(obj, key, where)
    if not isinstance(value, str) or not value:
        raise _bad(f"{where}.{key}", f"expected a non-empty string, got {_short(value)}")
    return value


def _int(obj: Mapping[str, Any], key: str, where: str, optional: bool = False) -> int | None:
    value = _field(obj, key, where)
    if value is None and optional:
        return None
    if not is_int(value):
        raise _bad(f"{where}.{key}", f"expected an integer, got {_short(value)}")
    return int(value)


def _float(obj: Mapping[str, Any], key: str, where: str) -> float | None:
    value = _field(obj, key, where)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _bad(f"{where}.{key}", f"expected a finite number or null, got {_short(value)}")
    return float(value)


def _time(obj: Mapping[str, Any], key: str, where: str, optional: bool = False) -> datetime | None:
    """An ISO-8601 time with an offset, as the UTC instant the store would keep."""
    value = _field(obj, key, where)
    if value is None and optional:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None or parsed.utcoffset() is None:
            raise ValueError
        return rows.from_us(rows.to_us(parsed))
    except (ValueError, OverflowError):
        raise _bad(
            f"{where}.{key}", f"expected an ISO-8601 time with a UTC offset, got {_short(value)}"
        ) from None


def _records(data: Mapping[str, Any], key: str, optional: bool = False) -> list[Mapping[str, Any]]:
    if key not in data and optional:
        return []
    value = _field(data, key, "top level")
    if not isinstance(value, list):
        raise _bad(key, f"expected a list, got {type(value).__name__}")
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise _bad(f"{key}[{index}]", f"expected an object, got {_short(item)}")
    return value


def _parse_card(item: Mapping[str, Any], where: str) -> fsrs.Card:
    """A card state fsrs can schedule from (its card_id is set when it is stored)."""
    state = _int(item, "state", where)
    if state not in (1, 2, 3):
        raise _bad(f"{where}.state", f"expected 1, 2 or 3, got {_short(state)}")
    step = _int(item, "step", where, optional=True)
    if step is not None and step < 0:
        raise _bad(f"{where}.step", f"expected a non-negative integer, got {step}")
    due = _time(item, "due", where)
    assert due is not None
    stability = _float(item, "stability", where)
    difficulty = _float(item, "difficulty", where)
    last_review = _time(item, "last_review", where, optional=True)
    if state == 2 and step is not None:
        raise _bad(f"{where}.step", f"a review card has no step, got {step}")
    if state in (1, 3) and step is None:
        raise _bad(f"{where}.step", "a learning card needs its step")
    if state != 1 or last_review is not None:
        # A card that has been reviewed: fsrs needs both, and in range.
        if stability is None or not stability > 0:
            raise _bad(f"{where}.stability", f"expected a number above 0, got {stability}")
        if difficulty is None or not 1 <= difficulty <= 10:
            raise _bad(f"{where}.difficulty", f"expected 1 to 10, got {difficulty}")
    # Not Card.from_dict: it reads a stability or difficulty of 0 as None.
    return fsrs.Card(
        card_id=0,
        state=fsrs.State(state),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=due,
        last_review=last_review,
    )


def _parse_review(item: Mapping[str, Any], where: str, version: int) -> tuple[ReviewRecord, str]:
    at = _time(item, "reviewed_at", where)
    assert at is not None
    try:
        review = ReviewRecord(
            uid=_text(item, "uid", where),
            deck_id=_text(item, "deck_id", where),
            question_id=_text(item, "question_id", where),
            reviewed_at=at,
            rating=_field(item, "rating", where),
            outcome=_field(item, "outcome", where),
            answer=_field(item, "answer", where),
            duration_ms=_field(item, "duration_ms", where),
            cram=_field(item, "cram", where),
            replaces=item.get("replaces"),
            override=_field(item, "override", where) if version >= 2 else False,
        )
        return review, rows.dump_answer(review.answer)
    except ValueError as exc:
        raise _bad(where, str(exc)) from None


def _parse_settings(item: Mapping[str, Any], where: str) -> DeckSettings:
    seminar = _time(item, "seminar_at", where, optional=True)
    try:
        return DeckSettings(
            deck_id=_text(item, "deck_id", where),
            desired_retention=_field(item, "desired_retention", where),
            new_per_day=_field(item, "new_per_day", where),
            seminar_at=seminar,
        )
    except ValueError as exc:
        raise _bad(where, str(exc)) from None


def parse_export(data: Any) -> ParsedExport:
    """Check an :func:`export_progress` dict; :class:`StoreError` says what is wrong."""
    if not isinstance(data, dict):
        raise _bad("top level", f"expected an object, got {type(data).__name__}")
    if data.get("format") != EXPORT_FORMAT:
        raise _bad("format", f"expected {EXPORT_FORMAT!r}, got {_short(data.get('format'))}")
    version = _int(data, "version", "top level")
    assert version is not None
    if version > EXPORT_VERSION:
        raise StoreError(
            f"Cannot import progress data: it was written by a newer briefquiz (export version "
            f"{version}; this version reads up to {EXPORT_VERSION}). Nothing was imported."
        )
    if version < 1:
        raise _bad("version", f"expected 1..{EXPORT_VERSION}, got {version}")
    questions = [
        (_text(item, "deck_id", f"questions[{i}]"), _text(item, "question_id", f"questions[{i}]"))
        for i, item in enumerate(_records(data, "questions", optional=True))
    ]
    cards = []
    for i, item in enumerate(_records(data, "cards")):
        where = f"cards[{i}]"
        card = _parse_card(item, where)
        cards.append((_text(item, "deck_id", where), _text(item, "question_id", where), card))
    reviews = [
        _parse_review(item, f"reviews[{i}]", version)
        for i, item in enumerate(_records(data, "reviews"))
    ]
    settings = [
        _parse_settings(item, f"settings[{i}]")
        for i, item in enumerate(_records(data, "settings", optional=True))
    ]
    return ParsedExport(questions, cards, reviews, settings)
