"""Automatic backups of the progress database, kept as Anki keeps them, and restoring one.

A backup is taken when a session that wrote something ends, and otherwise at most once a
day, never at start-up (``Connection.backup``: a consistent copy in a few milliseconds).
Of the automatic ones, the newest of each of the last 12 days, 10 weeks and 9 months are
kept; backups made before an import, an upgrade or a restore are never pruned.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Final

from briefquiz.progress.database import (
    NotWritable,
    StoreError,
    backup_connection,
    in_use_path,
    opening_lock,
)
from briefquiz.progress.migrations import APPLICATION_ID

AUTO_PREFIX: Final = "progress-auto-"
KEEP_DAILY: Final = 12
KEEP_WEEKLY: Final = 10
KEEP_MONTHLY: Final = 9
_STAMP: Final = "%Y%m%dT%H%M%S%fZ"
_SIDE_FILES: Final = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken_at: datetime
    reviews: int | None  # None: the file cannot be read as a briefquiz database
    size: int

    @property
    def automatic(self) -> bool:
        return self.path.name.startswith(AUTO_PREFIX)


def stamp(now: datetime) -> str:
    return now.astimezone(UTC).strftime(_STAMP)


def _taken_at(path: Path) -> datetime:
    stem = path.stem.rsplit("-", 1)[-1]
    try:
        return datetime.strptime(stem, _STAMP).replace(tzinfo=UTC)
    except ValueError:
        try:
            return datetime.fromtimestamp(path.stat().st_mtime, UTC)
        except OSError:
            return datetime.fromtimestamp(0, UTC)


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that can change nothing (``mode=ro``)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _reviews(path: Path) -> int | None:
    try:
        with closing(read_only(path)) as conn:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return None
            return int(conn.execute("SELECT count(*) FROM reviews").fetchone()[0])
    except sqlite3.Error:
        return None


def list_backups(folder: Path) -> list[Backup]:
    """Every backup in ``folder``, newest first."""
    try:
        files = [p for p in folder.glob("*.sqlite3") if p.is_file()]
    except OSError:
        return []
    found = [Backup(p, _taken_at(p), _reviews(p), p.stat().st_size) for p in files]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def due_for_backup(folder: Path, now: datetime, *, wrote: bool) -> bool:
    """After a session that wrote: always; otherwise when the newest is a day old."""
    if wrote:
        return True
    automatic = [b for b in list_backups(folder) if b.automatic]
    return not automatic or now - automatic[0].taken_at >= timedelta(days=1)


def to_keep(backups: list[Backup]) -> set[Path]:
    """The automatic backups to keep: the newest of each of the last days, weeks, months."""
    keep: set[Path] = set()
    for count, period in (
        (KEEP_DAILY, lambda t: t.date().isoformat()),
        (KEEP_WEEKLY, lambda t: f"{t.isocalendar()[0]}-{t.isocalendar()[1]:02d}"),
        (KEEP_MONTHLY, lambda t: t.strftime("%Y-%m")),
    ):
        seen: list[str] = []
        for backup in sorted(backups, key=lambda b: b.taken_at, reverse=True):
            key = period(backup.taken_at)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.append(key)
            keep.add(backup.path)
    return keep


def take_automatic(conn: sqlite3.Connection, folder: Path, now: datetime) -> Path:
    """Back ``conn`` up into ``folder`` and prune the automatic backups."""
    dest = folder / f"{AUTO_PREFIX}{stamp(now)}.sqlite3"
    backup_connection(conn, dest)
    automatic = [b for b in list_backups(folder) if b.automatic]
    keep = to_keep(automatic)
    for backup in automatic:
        if backup.path not in keep:
            with suppress(OSError):
                backup.path.unlink()
    return dest


# --------------------------------------------------------------------------- restore


@contextmanager
def sole_user(database: Path) -> Iterator[None]:
    """Hold the database alone, or refuse: another briefquiz has it open.

    Holds the opening lock (no one opens it meanwhile) and the in-use lock exclusively.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        database.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(in_use_path(database), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise NotWritable(database, exc.strerror or str(exc)) from exc
    with opening_lock(database):
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreError(
                    f"Another briefquiz has {database} open; close it, then try again."
                ) from None
            yield
        finally:
            os.close(fd)


def check_backup(path: Path) -> None:
    """Refuse a file that is not a sound briefquiz database."""
    try:
        with closing(read_only(path)) as conn:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise StoreError(f"{path} is not a briefquiz backup.")
            result = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
    except sqlite3.Error as exc:
        raise StoreError(f"{path} cannot be read as a backup ({exc}).") from exc
    if result != ["ok"]:
        raise StoreError(f"{path} is damaged ({'; '.join(result)}); choose another backup.")


def restore(database: Path, backup: Path, folder: Path, now: datetime) -> Path | None:
    """Put ``backup`` in place of ``database``; returns the backup of what was there.

    The current state (with whatever a crashed session left in its ``-wal``) is backed up
    first; the ``-wal`` and ``-shm`` of the old file are removed before the new file takes
    its place, so they can never be applied to it; the result is integrity-checked.
    """
    check_backup(backup)
    with sole_user(database):
        before: Path | None = None
        if database.exists():
            before = folder / f"progress-before-restore-{stamp(now)}.sqlite3"
            try:
                with closing(sqlite3.connect(database)) as current:
                    backup_connection(current, before)  # the -wal is read, not lost
            except sqlite3.Error:
                before = None  # a damaged file: copied aside below instead
                os.replace(database, folder / f"progress-damaged-{stamp(now)}.sqlite3")
        partial = database.with_name(f".{database.name}.restore.tmp")
        with closing(read_only(backup)) as source:
            backup_connection(source, partial)
        for suffix in _SIDE_FILES:
            with suppress(FileNotFoundError):
                database.with_name(database.name + suffix).unlink()
        os.replace(partial, database)
        with closing(sqlite3.connect(database)) as restored:
            result = [row[0] for row in restored.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            raise StoreError(f"The restored {database} failed its integrity check: {result}.")
    return before
