"""The progress store: fsrs card states and the review log, in one SQLite file.

Scheduling data lives here, never in the deck files. Every answer is committed (durable,
``synchronous=FULL`` in WAL mode) before :meth:`Store.record_review` returns, and every
write runs in ``BEGIN IMMEDIATE`` so two briefquiz processes can share the file.

Nothing is ever deleted: questions that disappear from a deck keep their rows, and the
review log is append-only (enforced by triggers in the schema).

Times are timezone-aware datetimes; they are stored as integer microseconds since the
Unix epoch and always come back in UTC (``datetime.UTC``), equal to what was stored.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self

import fsrs

from briefquiz.errors import UserFacingError
from briefquiz.progress import migrations

__all__ = [
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "OUTCOMES",
    "CardRecord",
    "DeckSettings",
    "ImportSummary",
    "ReviewRecord",
    "Store",
    "StoreError",
    "new_review_uid",
]

BUSY_TIMEOUT_S: Final = 10.0
OUTCOMES: Final = frozenset({"right", "partial", "wrong", "self"})
EXPORT_FORMAT: Final = "briefquiz-progress"
EXPORT_VERSION: Final = 1

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND: Final = timedelta(microseconds=1)
_O_CLOEXEC: Final = getattr(os, "O_CLOEXEC", 0)

# Primary SQLite result codes (sqlite3.Error.sqlite_errorcode & 0xFF).
_SQLITE_BUSY: Final = 5
_SQLITE_LOCKED: Final = 6
_SQLITE_READONLY: Final = 8
_SQLITE_CORRUPT: Final = 11
_SQLITE_FULL: Final = 13
_SQLITE_NOTADB: Final = 26


class StoreError(UserFacingError):
    """A clear, user-facing message (corrupt database, newer schema, locked too long...)."""


# --------------------------------------------------------------------------- records


def new_review_uid() -> str:
    """A fresh uid for a :class:`ReviewRecord` (uuid4 hex)."""
    return uuid.uuid4().hex


def _require_aware(value: object, what: str) -> None:
    if not isinstance(value, datetime):
        raise ValueError(f"{what} must be a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware (UTC), got naive {value.isoformat()}")


def _require_text(value: object, what: str) -> None:
    if not isinstance(value, str) or not value:
        raise ValueError(f"{what} must be a non-empty string, got {value!r}")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True, slots=True)
class CardRecord:
    """A card state with the (deck, question) it belongs to.

    ``card.card_id`` is the store's stable integer id for this (deck, question).
    """

    deck_id: str
    question_id: str
    card: fsrs.Card


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One answer, as appended to the review log."""

    uid: str
    deck_id: str
    question_id: str
    reviewed_at: datetime
    rating: int
    outcome: str
    answer: Any
    duration_ms: int
    cram: bool
    replaces: str | None = None  # the uid of the review whose rating this one changes

    def __post_init__(self) -> None:
        _require_text(self.uid, "uid")
        if self.replaces is not None:
            _require_text(self.replaces, "replaces")
        _require_text(self.deck_id, "deck_id")
        _require_text(self.question_id, "question_id")
        _require_aware(self.reviewed_at, "reviewed_at")
        if not _is_int(self.rating) or not 1 <= self.rating <= 4:
            raise ValueError(f"rating must be an integer 1-4, got {self.rating!r}")
        if self.outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {sorted(OUTCOMES)}, got {self.outcome!r}")
        if not _is_int(self.duration_ms) or self.duration_ms < 0:
            raise ValueError(
                f"duration_ms must be a non-negative integer, got {self.duration_ms!r}"
            )
        if not isinstance(self.cram, bool):
            raise ValueError(f"cram must be a bool, got {self.cram!r}")


@dataclass(frozen=True, slots=True)
class DeckSettings:
    """Per-deck scheduling settings (defaults when the user has not changed them)."""

    deck_id: str
    desired_retention: float = 0.9
    new_per_day: int = 20
    seminar_at: datetime | None = None

    def __post_init__(self) -> None:
        _require_text(self.deck_id, "deck_id")
        retention = self.desired_retention
        if (
            isinstance(retention, bool)
            or not isinstance(retention, int | float)
            or not 0 < retention < 1
        ):
            raise ValueError(f"desired_retention must be between 0 and 1, got {retention!r}")
        if not _is_int(self.new_per_day) or self.new_per_day < 0:
            raise ValueError(
                f"new_per_day must be a non-negative integer, got {self.new_per_day!r}"
            )
        if self.seminar_at is not None:
            _require_aware(self.seminar_at, "seminar_at")


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What :meth:`Store.import_json` changed."""

    questions_added: int = 0
    cards_taken: int = 0
    cards_kept: int = 0
    reviews_added: int = 0
    reviews_skipped: int = 0
    settings_added: int = 0


# --------------------------------------------------------------------------- helpers


def _to_us(value: datetime, what: str = "datetime") -> int:
    _require_aware(value, what)
    return (value - _EPOCH) // _MICROSECOND


def _from_us(value: int) -> datetime:
    return _EPOCH + timedelta(microseconds=value)


def _opt_from_us(value: int | None) -> datetime | None:
    return None if value is None else _from_us(value)


def _dump_answer(answer: Any) -> str:
    try:
        return json.dumps(answer, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"answer must be a JSON value: {exc}") from exc


def _card_values(
    card: fsrs.Card,
) -> tuple[int, int | None, float | None, float | None, int, int | None]:
    last = None if card.last_review is None else _to_us(card.last_review, "card.last_review")
    return (
        int(card.state),
        card.step,
        card.stability,
        card.difficulty,
        _to_us(card.due, "card.due"),
        last,
    )


def _card_from_row(
    card_id: int,
    state: int,
    step: int | None,
    stability: float | None,
    difficulty: float | None,
    due_us: int,
    last_review_us: int | None,
) -> fsrs.Card:
    card = fsrs.Card(
        card_id=card_id,
        state=fsrs.State(state),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=_from_us(due_us),
        last_review=_opt_from_us(last_review_us),
    )
    card.step = step  # Card() turns a None step into 0 for Learning cards; keep what was stored
    return card


def _create_private_file(path: Path) -> None:
    """Create ``path`` (and its parent) with mode 0o600 unless it exists; never truncate."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | _O_CLOEXEC, 0o600)
    except IsADirectoryError as exc:
        raise StoreError(f"{path} is a directory, not a briefquiz database.") from exc
    except OSError as exc:
        raise StoreError(f"Cannot open {path}: {exc.strerror or exc}.") from exc
    os.close(fd)


@contextmanager
def _opening_lock(path: Path) -> Iterator[None]:
    """One process at a time checks, switches to WAL and migrates a database.

    Two processes doing that at once on a fresh file can wait on each other's locks until
    the busy timeout gives up; a lock file beside the database serialises the short
    opening step. (POSIX only; elsewhere SQLite's own locking has to do.)
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    lock_path = path.with_name(path.name + ".lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | _O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _fsync_path(path: Path, directory: bool = False) -> None:
    if directory and os.name == "nt":
        return
    fd = os.open(path, (os.O_RDONLY if directory else os.O_RDWR) | _O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _backup_connection(source: sqlite3.Connection, dest: Path) -> None:
    """Copy ``source`` to ``dest`` atomically (temp file, fsync, rename), mode 0o600."""
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_TRUNC | _O_CLOEXEC, 0o600)
    os.close(fd)
    try:
        target = sqlite3.connect(tmp, isolation_level=None)
        try:
            source.backup(target)
            # A single self-contained file: no -wal beside it.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        _fsync_path(tmp)
        os.replace(tmp, dest)
        _fsync_path(dest.parent, directory=True)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise


def _untouched_hint(path: Path) -> str:
    return (
        "It was left untouched; move it aside to start afresh, "
        f"or restore a backup from {path.parent / 'backups'}."
    )


def _describe(exc: sqlite3.Error, path: Path) -> str:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code == _SQLITE_NOTADB:
        return f"{path} is not a briefquiz database ({exc}). {_untouched_hint(path)}"
    if code == _SQLITE_CORRUPT:
        return f"{path} is damaged ({exc}). {_untouched_hint(path)}"
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return (
            f"{path} is locked by another program; gave up after waiting "
            f"{BUSY_TIMEOUT_S:g} s. Close other briefquiz sessions and try again."
        )
    if code == _SQLITE_FULL:
        return f"Cannot write {path}: the disk is full. Free some space and try again."
    if code == _SQLITE_READONLY:
        return f"Cannot write {path}: it is read-only ({exc})."
    return f"{path}: {exc}"


@contextmanager
def _translated(path: Path) -> Iterator[None]:
    """Turn SQLite errors into a :class:`StoreError` that names the file."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise StoreError(_describe(exc, path)) from exc


# --------------------------------------------------------------------------- the store


class Store:
    """Progress for all decks, in one SQLite file. Create with :meth:`Store.open`.

    Safe to share between threads (calls are serialised); several processes may open
    the same file at once.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        """Use :meth:`open`; this only wraps an already prepared connection."""
        self._conn: sqlite3.Connection | None = conn
        self._lock = threading.RLock()
        self.path: Final = path

    # ---- lifecycle

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open (creating if needed) the progress database at ``path`` and migrate it.

        Raises :class:`StoreError` for a file that is not a briefquiz database, is
        damaged, or was written by a newer briefquiz; such a file is left untouched.
        """
        path = Path(path)
        _create_private_file(path)
        try:
            conn = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"Cannot open {path}: {exc}.") from exc
        try:
            with _opening_lock(path), _translated(path):
                cls._prepare(conn, path)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    @staticmethod
    def _prepare(conn: sqlite3.Connection, path: Path) -> None:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        # Only reads until the file is known to be ours and sound; one read transaction so
        # that a concurrent first-time migration by another process is seen consistently.
        latest = migrations.latest_version()
        conn.execute("BEGIN")
        try:
            version = migrations.schema_version(conn)
            if version > latest:
                raise StoreError(
                    f"{path} was written by a newer briefquiz (schema version {version}; this "
                    f"version understands up to {latest}). Upgrade briefquiz to use it; the "
                    "file was left untouched."
                )
            if version == 0:
                objects = int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
                foreign = objects > 0
            else:
                app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
                foreign = app_id != migrations.APPLICATION_ID
            if foreign:
                raise StoreError(
                    f"{path} is an SQLite database, but not a briefquiz one. "
                    f"{_untouched_hint(path)}"
                )
            problems = [
                " ".join(str(row[0]).split("\n")) for row in conn.execute("PRAGMA quick_check(5)")
            ]
            if problems != ["ok"]:
                raise StoreError(
                    f"{path} is damaged (integrity check: {'; '.join(problems)}). "
                    f"{_untouched_hint(path)}"
                )
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        if 0 < version < latest:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            dest = (
                path.parent / "backups" / f"{path.stem}-v{version}-before-upgrade-{stamp}.sqlite3"
            )
            try:
                _backup_connection(conn, dest)
            except OSError as exc:
                raise StoreError(
                    f"Cannot back up {path} before upgrading it: {exc.strerror or exc} "
                    f"({dest}). The file was left untouched."
                ) from exc
        if version < latest:
            migrations.apply_migrations(conn)
        conn.execute("PRAGMA foreign_keys = ON")

    def close(self) -> None:
        """Close the database (idempotent)."""
        with self._lock:
            if self._conn is not None:
                conn, self._conn = self._conn, None
                conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ---- transactions

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock, _translated(self.path):
            if self._conn is None:
                raise StoreError(f"The progress store {self.path} is closed.")
            yield self._conn

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` ... ``COMMIT``; rolled back if the body raises."""
        with self._reading() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    with suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: several SELECTs see one consistent state."""
        with self._reading() as conn:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")

    @staticmethod
    def _question_id(conn: sqlite3.Connection, deck_id: str, question_id: str) -> int | None:
        row = conn.execute(
            "SELECT id FROM questions WHERE deck_id = ? AND question_id = ?",
            (deck_id, question_id),
        ).fetchone()
        return None if row is None else int(row[0])

    @classmethod
    def _ensure_question(
        cls, conn: sqlite3.Connection, deck_id: str, question_id: str
    ) -> tuple[int, bool]:
        """The question's stable id, inserting its row on first sight (inside a write)."""
        existing = cls._question_id(conn, deck_id, question_id)
        if existing is not None:
            return existing, False
        cursor = conn.execute(
            "INSERT INTO questions (deck_id, question_id) VALUES (?, ?)", (deck_id, question_id)
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid, True

    # ---- cards

    _CARD_COLUMNS: Final = "c.state, c.step, c.stability, c.difficulty, c.due_us, c.last_review_us"

    def card(self, deck_id: str, question_id: str) -> fsrs.Card | None:
        """The saved state of one question's card, or None if it was never reviewed."""
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT q.id, {self._CARD_COLUMNS} FROM cards c "
                "JOIN questions q ON q.id = c.question WHERE q.deck_id = ? AND q.question_id = ?",
                (deck_id, question_id),
            ).fetchone()
        return None if row is None else _card_from_row(*row)

    def cards(self, deck_id: str) -> dict[str, fsrs.Card]:
        """question_id -> saved card, including questions no longer in the deck."""
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT q.question_id, q.id, {self._CARD_COLUMNS} FROM cards c "
                "JOIN questions q ON q.id = c.question WHERE q.deck_id = ? ORDER BY q.id",
                (deck_id,),
            ).fetchall()
        return {str(row[0]): _card_from_row(*row[1:]) for row in rows}

    def new_card(self, deck_id: str, question_id: str, now: datetime) -> fsrs.Card:
        """A fresh card due ``now``, not saved; its card_id is stable for (deck, question)."""
        _require_text(deck_id, "deck_id")
        _require_text(question_id, "question_id")
        due = _from_us(_to_us(now, "now"))
        with self._reading() as conn:
            card_id = self._question_id(conn, deck_id, question_id)
        if card_id is None:
            with self._writing() as conn:
                card_id, _ = self._ensure_question(conn, deck_id, question_id)
        return fsrs.Card(card_id=card_id, due=due)

    # ---- reviews

    def record_review(self, review: ReviewRecord, card: fsrs.Card | None) -> None:
        """Append ``review`` and (unless ``card`` is None, e.g. cram) save the card state.

        One transaction; durable when this returns. ``card.card_id`` must be the id the
        store gave this (deck, question) (see :meth:`new_card`), else ``ValueError``.
        """
        answer = _dump_answer(review.answer)
        reviewed_at = _to_us(review.reviewed_at, "reviewed_at")
        values = None if card is None else _card_values(card)
        with self._writing() as conn:
            qid, _ = self._ensure_question(conn, review.deck_id, review.question_id)
            if card is not None and card.card_id != qid:
                raise ValueError(
                    f"card_id {card.card_id} does not belong to {review.deck_id}/"
                    f"{review.question_id} (its id is {qid}); use Store.new_card or Store.card"
                )
            try:
                conn.execute(
                    "INSERT INTO reviews (uid, question, reviewed_at_us, rating, outcome, answer,"
                    " duration_ms, cram, replaces) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        review.uid,
                        qid,
                        reviewed_at,
                        review.rating,
                        review.outcome,
                        answer,
                        review.duration_ms,
                        int(review.cram),
                        review.replaces,
                    ),
                )
            except sqlite3.IntegrityError as exc:
                raise StoreError(
                    f"Review {review.uid} is already recorded in {self.path}."
                ) from exc
            if values is not None:
                self._upsert_card(conn, qid, values)

    @staticmethod
    def _upsert_card(
        conn: sqlite3.Connection,
        qid: int,
        values: tuple[int, int | None, float | None, float | None, int, int | None],
    ) -> None:
        conn.execute(
            "INSERT INTO cards (question, state, step, stability, difficulty, due_us,"
            " last_review_us) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (question) DO UPDATE SET state = excluded.state,"
            " step = excluded.step, stability = excluded.stability,"
            " difficulty = excluded.difficulty, due_us = excluded.due_us,"
            " last_review_us = excluded.last_review_us",
            (qid, *values),
        )

    _REVIEW_SELECT: Final = (
        "SELECT r.uid, q.deck_id, q.question_id, r.reviewed_at_us, r.rating, r.outcome,"
        " r.answer, r.duration_ms, r.cram, r.replaces"
        " FROM reviews r JOIN questions q ON q.id = r.question"
    )

    @staticmethod
    def _review_from_row(row: tuple[Any, ...]) -> ReviewRecord:
        return ReviewRecord(
            uid=str(row[0]),
            deck_id=str(row[1]),
            question_id=str(row[2]),
            reviewed_at=_from_us(int(row[3])),
            rating=int(row[4]),
            outcome=str(row[5]),
            answer=json.loads(row[6]),
            duration_ms=int(row[7]),
            cram=bool(row[8]),
            replaces=None if row[9] is None else str(row[9]),
        )

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
            params.append(_to_us(since, "since"))
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        with self._reading() as conn:
            rows = conn.execute(
                f"{self._REVIEW_SELECT}{where} ORDER BY r.reviewed_at_us, r.seq", params
            ).fetchall()
        return [self._review_from_row(row) for row in rows]

    def new_introduced_on(self, deck_id: str, day_start: datetime, day_end: datetime) -> int:
        """How many of the deck's questions had their first non-cram review in [start, end)."""
        start = _to_us(day_start, "day_start")
        end = _to_us(day_end, "day_end")
        with self._reading() as conn:
            row = conn.execute(
                "SELECT count(*) FROM (SELECT min(r.reviewed_at_us) AS first FROM reviews r"
                " JOIN questions q ON q.id = r.question WHERE q.deck_id = ? AND r.cram = 0"
                " GROUP BY r.question) WHERE first >= ? AND first < ?",
                (deck_id, start, end),
            ).fetchone()
        return int(row[0])

    # ---- settings

    def settings(self, deck_id: str) -> DeckSettings:
        """The deck's settings (defaults if never saved)."""
        with self._reading() as conn:
            row = conn.execute(
                "SELECT desired_retention, new_per_day, seminar_at_us FROM deck_settings"
                " WHERE deck_id = ?",
                (deck_id,),
            ).fetchone()
        if row is None:
            return DeckSettings(deck_id)
        return DeckSettings(deck_id, float(row[0]), int(row[1]), _opt_from_us(row[2]))

    def save_settings(self, settings: DeckSettings) -> None:
        seminar = None if settings.seminar_at is None else _to_us(settings.seminar_at)
        with self._writing() as conn:
            conn.execute(
                "INSERT INTO deck_settings (deck_id, desired_retention, new_per_day,"
                " seminar_at_us) VALUES (?, ?, ?, ?) ON CONFLICT (deck_id) DO UPDATE SET"
                " desired_retention = excluded.desired_retention,"
                " new_per_day = excluded.new_per_day, seminar_at_us = excluded.seminar_at_us",
                (
                    settings.deck_id,
                    float(settings.desired_retention),
                    settings.new_per_day,
                    seminar,
                ),
            )

    # ---- export / import

    def export_json(self) -> dict[str, Any]:
        """Everything, as a JSON-serialisable dict (see :meth:`import_json`)."""
        with self._snapshot() as conn:
            questions = conn.execute(
                "SELECT deck_id, question_id FROM questions ORDER BY id"
            ).fetchall()
            card_rows = conn.execute(
                f"SELECT q.deck_id, q.question_id, q.id, {self._CARD_COLUMNS} FROM cards c"
                " JOIN questions q ON q.id = c.question ORDER BY q.id"
            ).fetchall()
            review_rows = conn.execute(
                f"{self._REVIEW_SELECT} ORDER BY r.reviewed_at_us, r.seq"
            ).fetchall()
            settings_rows = conn.execute(
                "SELECT deck_id, desired_retention, new_per_day, seminar_at_us"
                " FROM deck_settings ORDER BY deck_id"
            ).fetchall()
        cards = []
        for row in card_rows:
            card = _card_from_row(*row[2:])
            cards.append(
                {
                    "deck_id": row[0],
                    "question_id": row[1],
                    "state": int(card.state),
                    "step": card.step,
                    "stability": card.stability,
                    "difficulty": card.difficulty,
                    "due": card.due.isoformat(),
                    "last_review": None
                    if card.last_review is None
                    else card.last_review.isoformat(),
                }
            )
        reviews = []
        for row in review_rows:
            review = self._review_from_row(row)
            reviews.append(
                {
                    "uid": review.uid,
                    "deck_id": review.deck_id,
                    "question_id": review.question_id,
                    "reviewed_at": review.reviewed_at.isoformat(),
                    "rating": review.rating,
                    "outcome": review.outcome,
                    "answer": review.answer,
                    "duration_ms": review.duration_ms,
                    "cram": review.cram,
                    "replaces": review.replaces,
                }
            )
        settings = [
            {
                "deck_id": row[0],
                "desired_retention": float(row[1]),
                "new_per_day": int(row[2]),
                "seminar_at": None if row[3] is None else _from_us(int(row[3])).isoformat(),
            }
            for row in settings_rows
        ]
        return {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "questions": [{"deck_id": d, "question_id": q} for d, q in questions],
            "cards": cards,
            "reviews": reviews,
            "settings": settings,
        }

    def import_json(self, data: Any) -> ImportSummary:
        """Merge an :meth:`export_json` dict into this store, in one transaction.

        Reviews are de-duplicated by uid; nothing is deleted. A card state is taken only
        when its last_review is newer than ours (or we have no state). Settings are taken
        only for decks that have none saved here. The whole input is validated first;
        bad data raises :class:`StoreError` and changes nothing.
        """
        parsed = _parse_export(data)
        questions_added = cards_taken = cards_kept = reviews_added = reviews_skipped = 0
        settings_added = 0
        with self._writing() as conn:

            def ensure(deck_id: str, question_id: str) -> int:
                nonlocal questions_added
                qid, created = self._ensure_question(conn, deck_id, question_id)
                questions_added += created
                return qid

            for deck_id, question_id in parsed.questions:
                ensure(deck_id, question_id)
            for deck_id, question_id, values in parsed.cards:
                qid = ensure(deck_id, question_id)
                row = conn.execute(
                    "SELECT last_review_us FROM cards WHERE question = ?", (qid,)
                ).fetchone()
                theirs = values[5]
                if row is None or (theirs is not None and (row[0] is None or theirs > int(row[0]))):
                    self._upsert_card(conn, qid, values)
                    cards_taken += 1
                else:
                    cards_kept += 1
            for review, answer in parsed.reviews:
                qid = ensure(review.deck_id, review.question_id)
                cursor = conn.execute(
                    "INSERT INTO reviews (uid, question, reviewed_at_us, rating, outcome, answer,"
                    " duration_ms, cram, replaces) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (uid) DO NOTHING",
                    (
                        review.uid,
                        qid,
                        _to_us(review.reviewed_at),
                        review.rating,
                        review.outcome,
                        answer,
                        review.duration_ms,
                        int(review.cram),
                        review.replaces,
                    ),
                )
                if cursor.rowcount == 1:
                    reviews_added += 1
                else:
                    reviews_skipped += 1
            for settings in parsed.settings:
                cursor = conn.execute(
                    "INSERT INTO deck_settings (deck_id, desired_retention, new_per_day,"
                    " seminar_at_us) VALUES (?, ?, ?, ?) ON CONFLICT (deck_id) DO NOTHING",
                    (
                        settings.deck_id,
                        float(settings.desired_retention),
                        settings.new_per_day,
                        None if settings.seminar_at is None else _to_us(settings.seminar_at),
                    ),
                )
                settings_added += cursor.rowcount == 1
        return ImportSummary(
            questions_added=questions_added,
            cards_taken=cards_taken,
            cards_kept=cards_kept,
            reviews_added=reviews_added,
            reviews_skipped=reviews_skipped,
            settings_added=settings_added,
        )

    # ---- backup

    def backup(self, dest: Path) -> None:
        """Write a consistent copy of the database to ``dest`` (atomically, mode 0o600)."""
        dest = Path(dest)
        with self._reading() as conn:
            try:
                _backup_connection(conn, dest)
            except OSError as exc:
                raise StoreError(f"Cannot write backup {dest}: {exc.strerror or exc}.") from exc


# --------------------------------------------------------------------------- import parsing

_CardValues = tuple[int, int | None, float | None, float | None, int, int | None]


@dataclass(frozen=True, slots=True)
class _Parsed:
    questions: list[tuple[str, str]]
    cards: list[tuple[str, str, _CardValues]]
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
    if not _is_int(value):
        raise _bad(f"{where}.{key}", f"expected an integer, got {_short(value)}")
    return int(value)


def _float(obj: Mapping[str, Any], key: str, where: str) -> float | None:
    value = _field(obj, key, where)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _bad(f"{where}.{key}", f"expected a finite number or null, got {_short(value)}")
    return float(value)


def _time(obj: Mapping[str, Any], key: str, where: str, optional: bool = False) -> int | None:
    value = _field(obj, key, where)
    if value is None and optional:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None or parsed.utcoffset() is None:
            raise ValueError
        return _to_us(parsed)
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


def _parse_export(data: Any) -> _Parsed:
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

    cards: list[tuple[str, str, _CardValues]] = []
    for i, item in enumerate(_records(data, "cards")):
        where = f"cards[{i}]"
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
        values: _CardValues = (state, step, stability, difficulty, due, last_review)
        cards.append((_text(item, "deck_id", where), _text(item, "question_id", where), values))

    reviews: list[tuple[ReviewRecord, str]] = []
    for i, item in enumerate(_records(data, "reviews")):
        where = f"reviews[{i}]"
        at = _time(item, "reviewed_at", where)
        assert at is not None
        try:
            review = ReviewRecord(
                uid=_text(item, "uid", where),
                deck_id=_text(item, "deck_id", where),
                question_id=_text(item, "question_id", where),
                reviewed_at=_from_us(at),
                rating=_field(item, "rating", where),
                outcome=_field(item, "outcome", where),
                answer=_field(item, "answer", where),
                duration_ms=_field(item, "duration_ms", where),
                cram=_field(item, "cram", where),
                replaces=item.get("replaces"),
            )
            answer = _dump_answer(review.answer)
        except ValueError as exc:
            raise _bad(where, str(exc)) from None
        reviews.append((review, answer))

    settings: list[DeckSettings] = []
    for i, item in enumerate(_records(data, "settings", optional=True)):
        where = f"settings[{i}]"
        seminar = _time(item, "seminar_at", where, optional=True)
        try:
            settings.append(
                DeckSettings(
                    deck_id=_text(item, "deck_id", where),
                    desired_retention=_field(item, "desired_retention", where),
                    new_per_day=_field(item, "new_per_day", where),
                    seminar_at=_opt_from_us(seminar),
                )
            )
        except ValueError as exc:
            raise _bad(where, str(exc)) from None
    return _Parsed(questions, cards, reviews, settings)
