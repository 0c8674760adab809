"""`briefquiz doctor`: check the progress database and repair what can be repaired.

Checked: SQLite's ``integrity_check``, that the file is ours and its schema current, rows out
of range, every card state against its review log, the file's permissions, a stale ``-wal``
and stale temporary files. Repaired without losing a review: card states (rebuilt from the
log, or a damaged one with no state in the log started afresh), seminar dates out of range
(cleared), permissions (0600), temporary files (removed). What cannot be repaired (a damaged
review, a failed integrity check) is reported, with ``briefquiz restore`` to turn to.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import fsrs

from briefquiz.progress import card_log, migrations, rows, seminars
from briefquiz.progress.backups import sole_user
from briefquiz.progress.import_checks import EARLIEST, LATEST

_LOW, _HIGH = rows.to_us(EARLIEST), rows.to_us(LATEST)


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)  # found and left: restore is the way
    repaired: list[str] = field(default_factory=list)  # found and repaired
    checked: list[str] = field(default_factory=list)  # found sound

    @property
    def healthy(self) -> bool:
        return not self.problems


def _out_of_range(column: str) -> str:
    return (
        f"({column} IS NOT NULL AND (typeof({column}) <> 'integer'"
        f" OR {column} < {_LOW} OR {column} >= {_HIGH}))"
    )


def _damaged_cards(conn: sqlite3.Connection) -> list[int]:
    found = conn.execute(
        "SELECT question FROM cards WHERE state NOT IN (1, 2, 3)"
        f" OR due_us IS NULL OR {_out_of_range('due_us')} OR {_out_of_range('last_review_us')}"
        " OR (stability IS NOT NULL AND typeof(stability) NOT IN ('real', 'integer'))"
        " OR (difficulty IS NOT NULL AND typeof(difficulty) NOT IN ('real', 'integer'))"
    ).fetchall()
    return [int(question) for (question,) in found]


def _damaged_reviews(conn: sqlite3.Connection) -> list[str]:
    found = conn.execute(
        "SELECT uid FROM reviews WHERE json_valid(answer) = 0"
        f" OR {_out_of_range('reviewed_at_us')} OR {_out_of_range('after_due_us')}"
    ).fetchall()
    return [str(uid) for (uid,) in found]


def _repair_card(conn: sqlite3.Connection, question: int, now: datetime) -> str:
    if card_log.sync_card(conn, question) is not None:
        return "rebuilt from its review log"
    fresh = rows.card_columns(fsrs.Card(card_id=question, due=rows.from_us(rows.to_us(now))))
    rows.upsert_card(conn, question, fresh)
    return "started afresh (its review log holds no state to rebuild it from)"


def _stale_temp_files(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.glob(".*.tmp") if p.is_file()]
    except OSError:
        return []


def examine(database: Path, backups: Path, now: datetime, *, repair: bool = True) -> Report:
    """Check ``database`` (and repair it, unless ``repair`` is false); say what was done."""
    report = Report()
    if not database.exists():
        report.checked.append(f"no progress database yet at {database}")
        return report
    wal = database.with_name(database.name + "-wal")
    with sole_user(database):
        stale_wal = wal.exists() and wal.stat().st_size > 0
        with closing(sqlite3.connect(database, isolation_level=None)) as conn:
            conn.row_factory = sqlite3.Row
            _check(conn, report, now, repair)
        if stale_wal:
            note = f"a write-ahead log left by a session that ended abruptly ({wal.name})"
            (report.repaired if not wal.exists() else report.problems).append(
                note + (": applied" if not wal.exists() else ": could not be applied")
            )
    mode = stat.S_IMODE(database.stat().st_mode)
    if mode & 0o077:
        if repair:
            os.chmod(database, 0o600)
        (report.repaired if repair else report.problems).append(
            f"{database.name} could be read by other users (mode {mode:o}): now 0600"
        )
    else:
        report.checked.append("permissions: only you can read the database")
    for folder in (database.parent, backups):
        for temp in _stale_temp_files(folder):
            if repair:
                temp.unlink(missing_ok=True)
            (report.repaired if repair else report.problems).append(
                f"a temporary file left by an interrupted write: {temp.name} (removed)"
            )
    return report


def _check(conn: sqlite3.Connection, report: Report, now: datetime, repair: bool) -> None:
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"the file cannot be read as a database ({exc})")
        return
    if integrity != ["ok"]:
        report.problems.append("integrity check: " + "; ".join(integrity))
        return
    report.checked.append("integrity check: ok")
    version = migrations.schema_version(conn)
    app = conn.execute("PRAGMA application_id").fetchone()[0]
    if app != migrations.APPLICATION_ID or version != migrations.latest_version():
        report.problems.append(
            f"schema: version {version}, application id {app:#x}; open it with briefquiz"
            " (an older schema is upgraded on opening)"
        )
        return
    report.checked.append(f"schema: version {version}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for uid in _damaged_reviews(conn):
            report.problems.append(f"the review with uid {uid!r} is damaged (kept: never changed)")
        damaged = _damaged_cards(conn)
        for question in damaged:
            how = _repair_card(conn, question, now) if repair else "needs repair"
            (report.repaired if repair else report.problems).append(
                f"the card of question row {question} was out of range: {how}"
            )
        for question in card_log.disagreeing_cards(conn):
            if question in damaged:
                continue
            if repair:
                card_log.sync_card(conn, question)
            (report.repaired if repair else report.problems).append(
                f"the card of question row {question} disagreed with its review log"
                + (": rebuilt from it" if repair else "")
            )
        _check_seminars(conn, report, repair)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if not report.problems and not report.repaired:
        report.checked.append("every card agrees with its review log; no row out of range")


def _check_seminars(conn: sqlite3.Connection, report: Report, repair: bool) -> None:
    """A seminar whose date is out of range is cleared, for every deck it covered."""
    damaged = conn.execute(
        "SELECT d.deck_id FROM seminar_decks d JOIN seminars s ON s.id = d.seminar"
        f" WHERE {_out_of_range('s.at_us')} ORDER BY d.deck_id"
    ).fetchall()
    decks = [str(deck_id) for (deck_id,) in damaged]
    if repair and decks:
        seminars.clear_seminar(conn, decks)
    for deck_id in decks:
        (report.repaired if repair else report.problems).append(
            f"the seminar date of deck {deck_id!r} was out of range"
            + (": cleared" if repair else "")
        )
