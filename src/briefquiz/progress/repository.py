"""The progress store: fsrs card states and the review log, in one SQLite file.

Scheduling data lives here, never in the deck files. Every answer is committed (durable,
``synchronous=FULL`` in WAL mode) before :meth:`Store.record_review` returns, and every
write runs in ``BEGIN IMMEDIATE`` so two briefquiz processes can share the file (see
:mod:`briefquiz.progress.database`).

Nothing is ever deleted: questions that disappear from a deck keep their rows, and the
review log is append-only (enforced by triggers in the schema).

Times are timezone-aware datetimes and always come back in UTC, equal to what was stored.
"""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Sequence
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self

import fsrs

from briefquiz.clock import Clock, SystemClock
from briefquiz.progress import backups, card_log, rows, seminars
from briefquiz.progress.card_log import Schedule
from briefquiz.progress.database import Database, NotWritable, StoreError, backup_connection
from briefquiz.progress.interchange import export_progress, merge_progress, parse_export
from briefquiz.progress.records import (
    DeckSettings,
    ImportSummary,
    ReviewRecord,
    Seminar,
    StudySettings,
    require_text,
)

__all__ = ["Store"]


class Store:
    """Progress for all decks, in one SQLite file. Create with :meth:`Store.open`.

    Safe to share between threads (calls are serialised); several processes may open
    the same file at once.
    """

    def __init__(
        self, db: Database, backups: Path | None = None, clock: Clock | None = None
    ) -> None:
        """Use :meth:`open`; this only wraps an already opened database."""
        self._db: Final = db
        self.path: Final = db.path
        self._backups = backups
        self._clock: Final = clock or SystemClock()

    # ---- lifecycle

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        backups: Path | None = None,
        clock: Clock | None = None,
        read_only_ok: bool = False,
    ) -> Store:
        """Open (creating if needed) the progress database at ``path`` and migrate it.

        With ``backups``, closing it takes an automatic backup there (see
        :mod:`briefquiz.progress.backups`), named and pruned by ``clock``'s time (the
        system's by default). With ``read_only_ok``, a database whose folder cannot be
        written is opened for reading only (every write then raises
        :class:`~briefquiz.progress.database.NotWritable`). Raises :class:`StoreError` for
        a file that is not a briefquiz database, is damaged, or was written by a newer
        briefquiz; such a file is left untouched.
        """
        clock = clock or SystemClock()
        try:
            return cls(Database.open(Path(path), clock.now()), backups, clock)
        except NotWritable:
            if not read_only_ok or not Path(path).is_file():
                raise
        from briefquiz.progress.read_only import open_read_only

        return cls(open_read_only(Path(path)), None, clock)  # no backup: nothing changes

    @classmethod
    def in_memory(cls, clock: Clock | None = None) -> Store:
        """A new, empty store kept in memory only (its ``path`` is ``:memory:``).

        The same code and schema as :meth:`open`, without a file: what a simulation or a
        throwaway tool needs. No backups; everything is gone once it is closed.
        """
        return cls(Database.in_memory(), None, clock)

    def close(self) -> None:
        """Close the database (idempotent), after an automatic backup if one is due."""
        folder, self._backups = self._backups, None
        if folder is not None:
            now = self._clock.now()
            with suppress(StoreError, OSError, sqlite3.Error):
                if backups.due_for_backup(folder, now, wrote=self._db.wrote):
                    with self._db.reading() as conn:
                        backups.take_automatic(conn, folder, now)
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ---- cards

    def card(self, deck_id: str, question_id: str) -> fsrs.Card | None:
        """The saved state of one question's card, or None if it was never reviewed."""
        with self._db.reading() as conn:
            row = conn.execute(
                f"{rows.CARD_SELECT} WHERE q.deck_id = ? AND q.question_id = ?",
                (deck_id, question_id),
            ).fetchone()
            return None if row is None else rows.card_from_row(row)

    def cards(self, deck_id: str) -> dict[str, fsrs.Card]:
        """question_id -> saved card, including questions no longer in the deck."""
        with self._db.reading() as conn:
            found = conn.execute(
                f"{rows.CARD_SELECT} WHERE q.deck_id = ? ORDER BY q.id", (deck_id,)
            ).fetchall()
            return {str(row["question_id"]): rows.card_from_row(row) for row in found}

    def new_card(self, deck_id: str, question_id: str, now: datetime) -> fsrs.Card:
        """A fresh card due ``now``, not saved; its card_id is stable for (deck, question)."""
        require_text(deck_id, "deck_id")
        require_text(question_id, "question_id")
        due = rows.from_us(rows.to_us(now, "now"))
        with self._db.reading() as conn:
            card_id = rows.question_row(conn, deck_id, question_id)
        if card_id is None:
            with self._db.writing() as conn:
                card_id, _ = rows.ensure_question(conn, deck_id, question_id)
        return fsrs.Card(card_id=card_id, due=due)

    # ---- reviews

    def record_review(
        self,
        review: ReviewRecord,
        card: fsrs.Card | None = None,
        *,
        schedule: Schedule | None = None,
    ) -> tuple[fsrs.Card | None, fsrs.Card | None]:
        """Append ``review`` with the card state it produced; returns (before, after).

        With ``schedule``, the state is computed inside the write transaction from the newest
        stored state (or, for a review that ``replaces`` another, from the state before that
        one), so a second briefquiz writing meanwhile is never overwritten. A ``card`` is
        taken as the state produced as it is (its ``card_id`` must be the one the store gave
        this question, else ``ValueError``); with neither (cram) no schedule changes. The
        card's current state becomes the state after its newest effective review. One
        transaction; durable when this returns.
        """
        answer = rows.dump_answer(review.answer)
        with self._db.writing() as conn:
            qid, _ = rows.ensure_question(conn, review.deck_id, review.question_id)
            if card is not None and card.card_id != qid:
                raise ValueError(
                    f"card_id {card.card_id} does not belong to {review.deck_id}/"
                    f"{review.question_id} (its id is {qid}); use Store.new_card or Store.card"
                )
            before: fsrs.Card | None = None
            after = card
            if schedule is not None:
                before = card_log.state_before(conn, qid, review.replaces, review.reviewed_at)
                after = schedule(copy.copy(before))
                after.card_id = qid
            try:
                rows.insert_review(
                    conn, qid, review, answer, merge=False, after=card_log.after_columns(after)
                )
            except sqlite3.IntegrityError as exc:
                raise StoreError(
                    f"Review {review.uid} is already recorded in {self.path}."
                ) from exc
            if after is not None:
                card_log.sync_card(conn, qid)
        return before, after

    def reviews(
        self, deck_id: str | None = None, since: datetime | None = None
    ) -> list[ReviewRecord]:
        """The review log, oldest first; optionally one deck's, from ``since`` (inclusive)."""
        conditions: list[str] = []
        params: list[object] = []
        if deck_id is not None:
            conditions.append("q.deck_id = ?")
            params.append(deck_id)
        if since is not None:
            conditions.append("r.reviewed_at_us >= ?")
            params.append(rows.to_us(since, "since"))
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        with self._db.reading() as conn:
            found = conn.execute(
                f"{rows.REVIEW_SELECT}{where} ORDER BY r.reviewed_at_us, r.seq", params
            ).fetchall()
            return [rows.review_from_row(row) for row in found]

    def new_introduced_on(self, deck_id: str, day_start: datetime, day_end: datetime) -> int:
        """How many of the deck's questions had their first non-cram review in [start, end)."""
        start = rows.to_us(day_start, "day_start")
        end = rows.to_us(day_end, "day_end")
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT count(*) AS introduced FROM (SELECT min(r.reviewed_at_us) AS first"
                " FROM reviews r JOIN questions q ON q.id = r.question"
                " WHERE q.deck_id = ? AND r.cram = 0 GROUP BY r.question)"
                " WHERE first >= ? AND first < ?",
                (deck_id, start, end),
            ).fetchone()
        return int(row["introduced"])

    def version(self) -> tuple[int, int]:
        """Changes so far: this connection's writes and SQLite's `data_version` (which moves
        when another connection commits). Equal versions: nothing was written in between."""
        with self._db.reading() as conn:
            (data_version,) = conn.execute("PRAGMA data_version").fetchone()
            return conn.total_changes, int(data_version)

    # ---- settings

    def settings(self, deck_id: str) -> DeckSettings:
        """The deck's settings (defaults if never saved), with its seminar's moment."""
        with self._db.snapshot() as conn:
            row = conn.execute(f"{rows.SETTINGS_SELECT} WHERE s.deck_id = ?", (deck_id,)).fetchone()
            if row is not None:
                return rows.settings_from_row(row)
            return DeckSettings(deck_id, seminar_at=seminars.seminar_moment(conn, deck_id))

    def save_settings(self, settings: DeckSettings) -> None:
        """Save the deck's settings. A ``seminar_at`` other than its seminar's moment gives
        the deck a seminar of its own (None: takes it out of its seminar); to set one for
        several decks, :meth:`set_seminar`."""
        with self._db.writing() as conn:
            rows.insert_settings(conn, settings, replace=True)
            if seminars.seminar_moment(conn, settings.deck_id) != settings.seminar_at:
                if settings.seminar_at is None:
                    seminars.clear_seminar(conn, [settings.deck_id])
                else:
                    seminars.add_seminar(conn, [settings.deck_id], settings.seminar_at)

    # ---- seminars

    def seminar_of(self, deck_id: str) -> Seminar | None:
        """The seminar that covers the deck, if one does."""
        with self._db.reading() as conn:
            return seminars.seminar_of(conn, deck_id)

    def seminars(self) -> list[Seminar]:
        """Every seminar, soonest first."""
        with self._db.reading() as conn:
            return seminars.seminars(conn)

    def set_seminar(self, deck_ids: Sequence[str], at: datetime | None) -> Seminar | None:
        """One seminar at ``at`` for all of ``deck_ids`` (each taken out of any other); None
        takes them out of their seminars. Returns the seminar set."""
        for deck_id in deck_ids:
            require_text(deck_id, "deck_id")
        with self._db.writing() as conn:
            if at is None:
                seminars.clear_seminar(conn, deck_ids)
                return None
            seminars.add_seminar(conn, deck_ids, at)
            found = seminars.seminar_of(conn, deck_ids[0])
        assert found is not None
        return found

    def take_unannounced_seminars(self) -> list[Seminar]:
        """The decks' own seminar dates carried over from an older schema that the student
        has not yet been told about; each is returned once (then marked told)."""
        with self._db.reading() as conn:
            if not conn.execute(
                "SELECT 1 FROM seminars WHERE kept = 1 AND announced = 0 LIMIT 1"
            ).fetchone():
                return []
        with self._db.writing() as conn:
            return seminars.take_unannounced(conn)

    # ---- the student's study settings

    def study_settings(self) -> StudySettings:
        """The student's settings for every deck (None where not set)."""
        with self._db.reading() as conn:
            return seminars.study_settings(conn)

    def save_study_settings(self, settings: StudySettings) -> None:
        with self._db.writing() as conn:
            seminars.save_study_settings(conn, settings)

    # ---- export / import / backup

    def export_json(self) -> dict[str, Any]:
        """Everything, as a JSON-serialisable dict (see :meth:`import_json`)."""
        with self._db.snapshot() as conn:
            return export_progress(conn)

    def import_json(self, data: Any) -> ImportSummary:
        """Merge an :meth:`export_json` dict into this store, in one transaction.

        See :func:`briefquiz.progress.interchange.merge_progress`. The whole input is
        checked first: bad data raises
        :class:`StoreError` and changes nothing.
        """
        parsed = parse_export(data)
        with self._db.writing() as conn:
            return merge_progress(conn, parsed)

    def backup(self, dest: Path) -> None:
        """Write a consistent copy of the database to ``dest`` (atomically, mode 0o600)."""
        dest = Path(dest)
        with self._db.reading() as conn:
            try:
                backup_connection(conn, dest)
            except OSError as exc:
                raise StoreError(f"Cannot write backup {dest}: {exc.strerror or exc}.") from exc
