"""Progress as JSON: everything in the store exported, and an export merged back in.

The card states use fsrs's own dict form (``Card.to_dict``) less the store's card id,
with the deck and question they belong to. An import is checked whole before anything is
written, and then merged in one transaction: nothing is ever deleted.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from briefquiz.progress import card_log, rows, seminars
from briefquiz.progress.import_checks import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    ParsedExport,
    parse_export,
)
from briefquiz.progress.records import (
    DeckSettings,
    ImportSummary,
    ReviewRecord,
    Seminar,
    StudySettings,
)

__all__ = [
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "ParsedExport",
    "export_progress",
    "merge_progress",
    "parse_export",
]


# --------------------------------------------------------------------------- export


def _card_json(row: sqlite3.Row) -> dict[str, Any]:
    # fsrs's own form less card_id, the store's own id: questions go by deck and question.
    state = {k: v for k, v in rows.card_from_row(row).to_dict().items() if k != "card_id"}
    return {"deck_id": row["deck_id"], "question_id": row["question_id"], **state}


def _state_json(row: sqlite3.Row) -> dict[str, Any] | None:
    card = card_log.after_card(row)
    return None if card is None else {k: v for k, v in card.to_dict().items() if k != "card_id"}


def _review_json(review: ReviewRecord, row: sqlite3.Row) -> dict[str, Any]:
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
        "card": _state_json(row),  # the state it produced (version 3); null for cram
    }


def _settings_json(settings: DeckSettings) -> dict[str, Any]:
    return {
        "deck_id": settings.deck_id,
        "desired_retention": settings.desired_retention,
        "new_per_day": settings.new_per_day,  # null: the student set no limit
    }


def _seminar_json(seminar: Seminar) -> dict[str, Any]:
    return {"at": seminar.at.isoformat(), "decks": list(seminar.decks), "kept": seminar.kept}


def _study_json(study: StudySettings) -> dict[str, Any]:
    starts = study.day_starts
    return {
        "day_starts": None if starts is None else f"{starts:%H:%M}",
        "seminar_target": study.seminar_target,
    }


def export_progress(conn: sqlite3.Connection) -> dict[str, Any]:
    """Everything, as a JSON-serialisable dict; ``conn`` is inside one read transaction."""
    questions = conn.execute("SELECT deck_id, question_id FROM questions ORDER BY id").fetchall()
    cards = conn.execute(f"{rows.CARD_SELECT} ORDER BY q.id").fetchall()
    reviews = conn.execute(f"{rows.REVIEW_SELECT} ORDER BY r.reviewed_at_us, r.seq").fetchall()
    settings = conn.execute(f"{rows.SETTINGS_SELECT} ORDER BY s.deck_id").fetchall()
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "questions": [
            {"deck_id": row["deck_id"], "question_id": row["question_id"]} for row in questions
        ],
        "cards": [_card_json(row) for row in cards],
        "reviews": [_review_json(rows.review_from_row(row), row) for row in reviews],
        "settings": [_settings_json(rows.settings_from_row(row)) for row in settings],
        "seminars": [_seminar_json(s) for s in seminars.seminars(conn)],
        "study": _study_json(seminars.study_settings(conn)),
    }


# --------------------------------------------------------------------------- import


def merge_progress(conn: sqlite3.Connection, parsed: ParsedExport) -> ImportSummary:
    """Merge a :func:`parse_export` result in; ``conn`` is inside one write transaction.

    Reviews are de-duplicated by uid; nothing is deleted. A card state is taken only
    when its last_review is newer than ours (or we have no state). Settings are taken
    only for decks that have none saved here, a seminar for the decks it covers that no
    seminar covers here, each study setting only where not set here.
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
    stated: set[int] = set()
    for review, answer, after in parsed.reviews:
        qid = ensure(review.deck_id, review.question_id)
        columns = card_log.after_columns(after)
        if rows.insert_review(conn, qid, review, answer, merge=True, after=columns):
            reviews_added += 1
            if after is not None:
                stated.add(qid)
        else:
            reviews_skipped += 1
    for qid in sorted(stated):  # the card follows its newest effective review, theirs or ours
        card_log.sync_card(conn, qid)
    for settings in parsed.settings:
        settings_added += rows.insert_settings(conn, settings, replace=False)
    seminars_added = 0
    for at, decks, kept in parsed.seminars:
        free = [d for d in decks if seminars.seminar_moment(conn, d) is None]
        if free:
            seminars.add_seminar(conn, free, at, kept=kept)
            seminars_added += 1
    here = seminars.study_settings(conn)
    given = parsed.study
    merged = StudySettings(
        here.day_starts if here.day_starts is not None else given.day_starts,
        here.seminar_target if here.seminar_target is not None else given.seminar_target,
    )
    if merged != here:
        seminars.save_study_settings(conn, merged)
    return ImportSummary(
        seminars_added=seminars_added,
        study_settings_taken=sum(
            (a is None) != (b is None)
            for a, b in (
                (here.day_starts, merged.day_starts),
                (here.seminar_target, merged.seminar_target),
            )
        ),
        questions_added=questions_added,
        cards_taken=cards_taken,
        cards_kept=cards_kept,
        reviews_added=reviews_added,
        reviews_skipped=reviews_skipped,
        settings_added=settings_added,
    )
