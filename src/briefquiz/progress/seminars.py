"""Seminars, stored once each, and the student's own study settings: their rows.

A seminar is one row of ``seminars`` (its moment) with one row of ``seminar_decks`` per deck
it covers; a deck is in at most one seminar. Nothing is deleted: a deck taken out of its
seminar keeps its row with no seminar, and a seminar no deck points to any more stays as a
past row, never read. The student's study settings are the one row of ``study_settings``
(NULL: the default).
Every function here runs on a connection the caller holds (inside its transaction).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime, time
from typing import Final

from briefquiz.progress.records import Seminar, StudySettings
from briefquiz.progress.rows import from_us, row_reader, to_us

SEMINAR_SELECT: Final = (
    "SELECT s.id, s.at_us, s.kept, s.announced, group_concat(d.deck_id, char(10)) AS decks"
    " FROM seminars s JOIN seminar_decks d ON d.seminar = s.id"
)


@row_reader("the seminar of decks", "decks")
def seminar_from_row(row: sqlite3.Row) -> Seminar:
    return Seminar(
        id=int(row["id"]),
        at=from_us(int(row["at_us"])),
        decks=tuple(sorted(str(row["decks"]).split("\n"))),
        kept=bool(row["kept"]),
        announced=bool(row["announced"]),
    )


def seminars(conn: sqlite3.Connection, *, unannounced: bool = False) -> list[Seminar]:
    """Every seminar, soonest first; with `unannounced`, only the kept per-deck dates the
    student has not yet been told about."""
    where = " WHERE s.kept = 1 AND s.announced = 0" if unannounced else ""
    found = conn.execute(f"{SEMINAR_SELECT}{where} GROUP BY s.id ORDER BY s.at_us, s.id").fetchall()
    return [seminar_from_row(row) for row in found]


def seminar_of(conn: sqlite3.Connection, deck_id: str) -> Seminar | None:
    """The seminar that covers `deck_id`, if one does."""
    row = conn.execute(
        f"{SEMINAR_SELECT} WHERE s.id = (SELECT seminar FROM seminar_decks WHERE deck_id = ?)"
        " GROUP BY s.id",
        (deck_id,),
    ).fetchone()
    return None if row is None else seminar_from_row(row)


def seminar_moment(conn: sqlite3.Connection, deck_id: str) -> datetime | None:
    row = conn.execute(
        "SELECT s.at_us FROM seminars s JOIN seminar_decks d ON d.seminar = s.id"
        " WHERE d.deck_id = ?",
        (deck_id,),
    ).fetchone()
    return None if row is None else from_us(int(row["at_us"]))


def clear_seminar(conn: sqlite3.Connection, deck_ids: Sequence[str]) -> None:
    """Take the decks out of their seminars."""
    conn.executemany(
        "UPDATE seminar_decks SET seminar = NULL WHERE deck_id = ?", [(d,) for d in deck_ids]
    )


def add_seminar(
    conn: sqlite3.Connection, deck_ids: Sequence[str], at: datetime, *, kept: bool = False
) -> int:
    """One new seminar covering `deck_ids` (taken out of any other); its row id."""
    if not deck_ids:
        raise ValueError("a seminar covers at least one deck")
    cursor = conn.execute(
        "INSERT INTO seminars (at_us, kept) VALUES (?, ?)", (to_us(at, "seminar at"), int(kept))
    )
    assert cursor.lastrowid is not None
    conn.executemany(
        "INSERT INTO seminar_decks (deck_id, seminar) VALUES (?, ?)"
        " ON CONFLICT (deck_id) DO UPDATE SET seminar = excluded.seminar",
        [(deck_id, cursor.lastrowid) for deck_id in dict.fromkeys(deck_ids)],
    )
    return cursor.lastrowid


def take_unannounced(conn: sqlite3.Connection) -> list[Seminar]:
    """The kept per-deck seminars the student has not been told about, marked told."""
    found = seminars(conn, unannounced=True)
    conn.executemany("UPDATE seminars SET announced = 1 WHERE id = ?", [(s.id,) for s in found])
    return found


# --------------------------------------------------------------------------- study settings


def _minutes(value: time | None) -> int | None:
    return None if value is None else value.hour * 60 + value.minute


@row_reader("the study settings", "id")
def study_from_row(row: sqlite3.Row) -> StudySettings:
    minutes = row["day_starts_min"]
    target = row["seminar_target"]
    return StudySettings(
        day_starts=None if minutes is None else time(int(minutes) // 60, int(minutes) % 60),
        seminar_target=None if target is None else float(target),
    )


def study_settings(conn: sqlite3.Connection) -> StudySettings:
    row = conn.execute(
        "SELECT id, day_starts_min, seminar_target FROM study_settings WHERE id = 1"
    ).fetchone()
    return StudySettings() if row is None else study_from_row(row)


def save_study_settings(conn: sqlite3.Connection, settings: StudySettings) -> None:
    conn.execute(
        "INSERT INTO study_settings (id, day_starts_min, seminar_target) VALUES (1, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET day_starts_min = excluded.day_starts_min,"
        " seminar_target = excluded.seminar_target",
        (_minutes(settings.day_starts), settings.seminar_target),
    )


# --------------------------------------------------------------------------- schema 5

SCHEMA: Final = (
    """
    CREATE TABLE seminars (
        id        INTEGER PRIMARY KEY,
        at_us     INTEGER NOT NULL,
        kept      INTEGER NOT NULL DEFAULT 0 CHECK (kept IN (0, 1)),
        announced INTEGER NOT NULL DEFAULT 0 CHECK (announced IN (0, 1))
    )
    """,
    """
    CREATE TABLE seminar_decks (
        deck_id TEXT PRIMARY KEY CHECK (typeof(deck_id) = 'text' AND deck_id <> ''),
        seminar INTEGER REFERENCES seminars (id)
    )
    """,
    "CREATE INDEX seminar_decks_by_seminar ON seminar_decks (seminar)",
    """
    CREATE TABLE study_settings (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        day_starts_min INTEGER
            CHECK (day_starts_min IS NULL OR day_starts_min BETWEEN 0 AND 1439),
        seminar_target REAL
            CHECK (seminar_target IS NULL OR (seminar_target > 0 AND seminar_target < 1))
    )
    """,
    # new_per_day NULL: the student set no limit (a rebuild: SQLite cannot drop NOT NULL).
    """
    CREATE TABLE deck_settings_v5 (
        deck_id           TEXT PRIMARY KEY CHECK (typeof(deck_id) = 'text' AND deck_id <> ''),
        desired_retention REAL NOT NULL CHECK (desired_retention > 0 AND desired_retention < 1),
        new_per_day       INTEGER CHECK (new_per_day IS NULL OR new_per_day >= 0)
    )
    """,
)


def move_deck_seminars(conn: sqlite3.Connection, default_new_per_day: int) -> None:
    """Schema 4 to 5: each deck's own seminar date becomes a seminar of that deck alone,
    marked kept (the student is told once); a stored new-per-day equal to the default is
    read as not set, as schema 4's planner already did."""
    for statement in SCHEMA:
        conn.execute(statement)
    dated = conn.execute(
        "SELECT deck_id, seminar_at_us FROM deck_settings WHERE seminar_at_us IS NOT NULL"
        " ORDER BY deck_id"
    ).fetchall()
    for deck_id, at_us in dated:
        cursor = conn.execute("INSERT INTO seminars (at_us, kept) VALUES (?, 1)", (at_us,))
        conn.execute(
            "INSERT INTO seminar_decks (deck_id, seminar) VALUES (?, ?)",
            (deck_id, cursor.lastrowid),
        )
    conn.execute(
        "INSERT INTO deck_settings_v5 (deck_id, desired_retention, new_per_day)"
        " SELECT deck_id, desired_retention, NULLIF(new_per_day, ?) FROM deck_settings",
        (default_new_per_day,),
    )
    conn.execute("DROP TABLE deck_settings")
    conn.execute("ALTER TABLE deck_settings_v5 RENAME TO deck_settings")
