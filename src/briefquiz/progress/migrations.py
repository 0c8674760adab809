"""Schema migrations for the progress database.

The schema version is kept in ``PRAGMA user_version``: version ``n`` means the first ``n``
entries of :data:`MIGRATIONS` have been applied. Migrations only ever go forward and are
applied in order inside one ``BEGIN IMMEDIATE`` transaction, so a database is either
fully upgraded or untouched.

Rules for adding a migration (append to :data:`MIGRATIONS`, never edit an old one):

* It receives a connection that is already inside the transaction and must not commit.
* Foreign keys are *not* enforced while migrations run (SQLite cannot switch them
  inside a transaction); :func:`apply_migrations` runs ``PRAGMA foreign_key_check``
  before committing, so a table rebuild may drop and recreate tables freely.
* Nothing the user recorded may be lost: the review log stays append-only.
"""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Callable

import fsrs

from briefquiz.progress import card_log, rows, seminars

Migration = Callable[[sqlite3.Connection], None]

#: ``PRAGMA application_id`` of a briefquiz progress database ("bqz1").
APPLICATION_ID = 0x62717A31


def _statements(*statements: str) -> Migration:
    """A migration that runs the given SQL statements in order.

    (``executescript`` is not used: it commits any open transaction first.)
    """

    def migrate(conn: sqlite3.Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return migrate


_V1 = _statements(
    f"PRAGMA application_id = {APPLICATION_ID}",
    # One row per (deck, question) ever seen. Its id is the stable fsrs card_id.
    """
    CREATE TABLE questions (
        id          INTEGER PRIMARY KEY,
        deck_id     TEXT NOT NULL CHECK (typeof(deck_id) = 'text' AND deck_id <> ''),
        question_id TEXT NOT NULL CHECK (typeof(question_id) = 'text' AND question_id <> ''),
        UNIQUE (deck_id, question_id)
    )
    """,
    # Current fsrs scheduling state; times are integer microseconds since the Unix epoch, UTC.
    """
    CREATE TABLE cards (
        question       INTEGER PRIMARY KEY REFERENCES questions (id),
        state          INTEGER NOT NULL CHECK (state IN (1, 2, 3)),
        step           INTEGER CHECK (step IS NULL OR step >= 0),
        stability      REAL,
        difficulty     REAL,
        due_us         INTEGER NOT NULL,
        last_review_us INTEGER
    )
    """,
    # Append-only log of every answer.
    """
    CREATE TABLE reviews (
        seq            INTEGER PRIMARY KEY,
        uid            TEXT NOT NULL UNIQUE CHECK (typeof(uid) = 'text' AND uid <> ''),
        question       INTEGER NOT NULL REFERENCES questions (id),
        reviewed_at_us INTEGER NOT NULL,
        rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        outcome        TEXT NOT NULL CHECK (outcome IN ('right', 'partial', 'wrong', 'self')),
        answer         TEXT NOT NULL,
        duration_ms    INTEGER NOT NULL CHECK (duration_ms >= 0),
        cram           INTEGER NOT NULL CHECK (cram IN (0, 1))
    )
    """,
    "CREATE INDEX reviews_by_question ON reviews (question, reviewed_at_us)",
    "CREATE INDEX reviews_by_time ON reviews (reviewed_at_us)",
    """
    CREATE TABLE deck_settings (
        deck_id           TEXT PRIMARY KEY CHECK (typeof(deck_id) = 'text' AND deck_id <> ''),
        desired_retention REAL NOT NULL CHECK (desired_retention > 0 AND desired_retention < 1),
        new_per_day       INTEGER NOT NULL CHECK (new_per_day >= 0),
        seminar_at_us     INTEGER
    )
    """,
    # Guards: the store never deletes anything and never rewrites the review log.
    """
    CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
    BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END
    """,
    """
    CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
    BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END
    """,
    """
    CREATE TRIGGER questions_no_delete BEFORE DELETE ON questions
    BEGIN SELECT RAISE(ABORT, 'questions are never deleted'); END
    """,
    """
    CREATE TRIGGER cards_no_delete BEFORE DELETE ON cards
    BEGIN SELECT RAISE(ABORT, 'card states are never deleted'); END
    """,
)

# A changed rating is a new review that names the one it corrects; the log stays append-only.
_V2 = _statements(
    """
    ALTER TABLE reviews ADD COLUMN replaces TEXT
        CHECK (replaces IS NULL OR (typeof(replaces) = 'text' AND replaces <> ''))
    """,
)


def fill_states(conn: sqlite3.Connection) -> None:
    """Give every review of an older database the state it produced, by replaying the log.

    The best reconstruction of history written before reviews carried their state: fsrs
    without fuzz, at each deck's saved target recall, no seminar cap; the newest effective
    review of each card gets the card's stored state, so no schedule changes.
    """
    retention = {
        str(row["deck_id"]): float(row["desired_retention"])
        for row in conn.execute("SELECT deck_id, desired_retention FROM deck_settings")
    }
    schedulers: dict[float, fsrs.Scheduler] = {}
    replaced = {
        str(row["replaces"])
        for row in conn.execute("SELECT replaces FROM reviews WHERE replaces IS NOT NULL")
    }
    questions = conn.execute(
        "SELECT DISTINCT r.question, q.deck_id FROM reviews r"
        " JOIN questions q ON q.id = r.question ORDER BY r.question"
    ).fetchall()
    for question, deck_id in questions:
        goal = retention.get(str(deck_id), 0.9)
        scheduler = schedulers.setdefault(
            goal, fsrs.Scheduler(desired_retention=goal, enable_fuzzing=False)
        )
        _replay(conn, int(question), scheduler, replaced)
        stored = conn.execute(f"{rows.CARD_SELECT} WHERE c.question = ?", (question,)).fetchone()
        newest = conn.execute(
            "SELECT seq FROM reviews r WHERE r.question = ? AND r.after_state IS NOT NULL"
            " AND r.uid NOT IN (SELECT replaces FROM reviews WHERE replaces IS NOT NULL)"
            " ORDER BY r.reviewed_at_us DESC, r.seq DESC LIMIT 1",
            (question,),
        ).fetchone()
        if stored is not None and newest is not None:
            _set_state(conn, int(newest["seq"]), rows.card_from_row(stored))


def _set_state(conn: sqlite3.Connection, seq: int, card: fsrs.Card | None) -> None:
    values = card_log.after_columns(card)
    assignments = ", ".join(f"{name} = :{name}" for name in card_log.AFTER_COLUMNS)
    conn.execute(f"UPDATE reviews SET {assignments} WHERE seq = :seq", {**values, "seq": seq})


def _replay(
    conn: sqlite3.Connection, question: int, scheduler: fsrs.Scheduler, replaced: set[str]
) -> None:
    log = conn.execute(
        "SELECT seq, uid, reviewed_at_us, rating, duration_ms, cram, replaces FROM reviews"
        " WHERE question = ? ORDER BY reviewed_at_us, seq",
        (question,),
    ).fetchall()
    state_of: dict[str, fsrs.Card | None] = {}
    before_of: dict[str, fsrs.Card | None] = {}
    current: fsrs.Card | None = None
    for review in log:
        if review["cram"]:
            continue
        uid = str(review["uid"])
        at = rows.from_us(int(review["reviewed_at_us"]))
        base = before_of.get(str(review["replaces"])) if review["replaces"] else current
        start = base if base is not None else fsrs.Card(card_id=question, due=at)
        try:
            after, _ = scheduler.review_card(
                copy.copy(start), fsrs.Rating(int(review["rating"])), at
            )
        except (ValueError, OverflowError):  # a damaged row: doctor reports it
            continue
        before_of[uid] = base
        state_of[uid] = after
        _set_state(conn, int(review["seq"]), after)
        if uid not in replaced:
            current = after


_NO_UPDATE_TRIGGER = """
    CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
    BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END
    """


def _v4(conn: sqlite3.Connection) -> None:
    """Each review carries the card state it produced (see :mod:`card_log`); the states of
    reviews written before are filled by replaying the log (the append-only guard is lifted
    for that, inside this transaction, and put back)."""
    for column, kind in zip(
        card_log.AFTER_COLUMNS,
        ("INTEGER", "INTEGER", "REAL", "REAL", "INTEGER", "INTEGER"),
        strict=True,
    ):
        check = (
            " CHECK (after_state IS NULL OR after_state IN (1, 2, 3))"
            if column == "after_state"
            else ""
        )
        conn.execute(f"ALTER TABLE reviews ADD COLUMN {column} {kind}{check}")
    conn.execute("CREATE INDEX reviews_by_replaces ON reviews (replaces)")
    conn.execute("DROP TRIGGER reviews_no_update")
    fill_states(conn)
    conn.execute(_NO_UPDATE_TRIGGER)


# "I was right": a review that regrades the one it replaces as right is marked, so that it is
# told apart from a rating change (which keeps the verdict).
_V3 = _statements(
    """
    ALTER TABLE reviews ADD COLUMN override INTEGER NOT NULL DEFAULT 0
        CHECK (override IN (0, 1) AND (override = 0 OR replaces IS NOT NULL))
    """,
)


def _v5(conn: sqlite3.Connection) -> None:
    """A seminar is stored once, for the decks it covers; the student's study settings
    (day start, seminar target); a deck's new-per-day may be not set (NULL). Schema 4's
    default new-per-day was 20: that value was already read as not set."""
    seminars.move_deck_seminars(conn, default_new_per_day=20)


#: Every schema change, oldest first. Version ``n`` = the first ``n`` applied.
MIGRATIONS: list[Migration] = [_V1, _V2, _V3, _v4, _v5]


def latest_version() -> int:
    """The schema version this briefquiz writes."""
    return len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    """The database's ``PRAGMA user_version``."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    return int(version)


def apply_migrations(conn: sqlite3.Connection, target: int | None = None) -> tuple[int, int]:
    """Bring the database up to ``target`` (default: the latest version).

    ``conn`` must be in autocommit mode (``isolation_level=None``) and not inside a
    transaction. Returns ``(version_before, version_after)``. Raises ``ValueError`` if
    the database is already newer than ``target``.
    """
    goal = latest_version() if target is None else target
    if not 0 <= goal <= latest_version():
        raise ValueError(f"no schema version {goal}; known versions are 0..{latest_version()}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read inside the write lock: another process may have migrated meanwhile.
        before = schema_version(conn)
        if before > goal:
            raise ValueError(f"database schema version {before} is newer than {goal}")
        for migration in MIGRATIONS[before:goal]:
            migration(conn)
        if before != goal:
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise sqlite3.IntegrityError(
                    f"foreign key check failed after migration: {problems}"
                )
            conn.execute(f"PRAGMA user_version = {goal:d}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return before, goal
