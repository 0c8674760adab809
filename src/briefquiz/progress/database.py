"""The progress database file: opening it safely, keeping it durable, and its transactions.

Opening checks that the file is ours and sound (never touching one that is not), switches
to WAL with ``synchronous=FULL`` so a commit survives a power cut, backs up and migrates an
older schema, under a lock file so two processes opening a fresh file do not collide.
Every write runs in ``BEGIN IMMEDIATE``; SQLite errors become a :class:`StoreError` that
names the file.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from briefquiz.errors import UserFacingError
from briefquiz.progress import migrations, rows, tempfiles

__all__ = [
    "BUSY_TIMEOUT_S",
    "Database",
    "StoreError",
    "backup_connection",
    "in_use_path",
    "opening_lock",
]

BUSY_TIMEOUT_S: Final = 10.0

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


class NotWritable(StoreError):
    """The data dir or the database cannot be written (a read-only file system, no
    permission): a command that only reads may open the database read-only instead."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"Cannot write in {path.parent} ({reason}): briefquiz saves progress there, so "
            "studying and changing settings need it writable; list, stats, plan, check and "
            "export progress still work."
        )


_NOT_WRITABLE: Final = (errno.EACCES, errno.EPERM, errno.EROFS)
_CANNOT_WRITE: Final = (_SQLITE_READONLY, 10, 14)  # SQLITE_READONLY, _IOERR, _CANTOPEN


def writable(folder: Path) -> bool:
    """Whether files can be made in ``folder`` (``os.access`` alone says yes to root on a
    folder it made read-only, but not on a read-only file system)."""
    return os.access(folder, os.W_OK)


def _create_private_file(path: Path) -> None:
    """Create ``path`` (and its parent) with mode 0o600 unless it exists; never truncate."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | _O_CLOEXEC, 0o600)
    except IsADirectoryError as exc:
        raise StoreError(f"{path} is a directory, not a briefquiz database.") from exc
    except OSError as exc:
        if exc.errno in _NOT_WRITABLE:
            raise NotWritable(path, exc.strerror or str(exc)) from exc
        raise StoreError(f"Cannot open {path}: {exc.strerror or exc}.") from exc
    try:
        if os.name == "posix" and os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, 0o600)  # progress is private, even in a file made before
    except OSError:
        pass  # not ours to change: reading it still works
    finally:
        os.close(fd)


@contextmanager
def opening_lock(path: Path) -> Iterator[None]:
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
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | _O_CLOEXEC, 0o600)
    except OSError:  # a read-only data dir: nothing can be migrated there, so nothing to order
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def in_use_path(path: Path) -> Path:
    return path.with_name(path.name + ".in-use")


def _hold_shared(path: Path) -> int | None:
    """A shared lock on ``<database>.in-use`` for as long as the database is open, so that
    `briefquiz restore` can tell that another briefquiz has it open (POSIX only)."""
    try:
        import fcntl

        fd = os.open(in_use_path(path), os.O_RDWR | os.O_CREAT | _O_CLOEXEC, 0o600)
    except (ImportError, OSError):
        return None
    fcntl.flock(fd, fcntl.LOCK_SH)
    return fd


def _fsync_path(path: Path, directory: bool = False) -> None:
    if directory and os.name == "nt":
        return
    fd = os.open(path, (os.O_RDONLY if directory else os.O_RDWR) | _O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_connection(source: sqlite3.Connection, dest: Path) -> None:
    """Copy ``source`` to ``dest`` atomically (temp file, fsync, rename), mode 0o600."""
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tempfiles.remove_stale(dest.parent)  # what a killed briefquiz left here
    tmp = tempfiles.temp_name(dest)
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


def _restore_hint(path: Path) -> str:
    """Where to turn for a backup, named only when there is one."""
    folder = path.parent / "backups"
    try:
        found = any(folder.glob("*.sqlite3"))
    except OSError:
        found = False
    return f"; `briefquiz backups` lists the backups in {folder} to restore" if found else ""


def _untouched_hint(path: Path) -> str:
    hint = _restore_hint(path)
    return "It was left untouched; move it aside to start afresh" + (
        f", or restore a backup ({hint.removeprefix('; ')})." if hint else "."
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
def translated(path: Path) -> Iterator[None]:
    """Turn SQLite errors into a :class:`StoreError` that names the file."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise StoreError(_describe(exc, path)) from exc
    except rows.DamagedRow as exc:
        raise StoreError(
            f"{path} has a damaged row: {exc.detail}. Run `briefquiz doctor` to check the file"
            f" and repair what it can{_restore_hint(path)}."
        ) from exc


def check_ours_and_sound(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version, after refusing a newer, foreign or damaged file (reads only)."""
    latest = migrations.latest_version()
    version = migrations.schema_version(conn)
    ours = int(conn.execute("PRAGMA application_id").fetchone()[0]) == migrations.APPLICATION_ID
    if version > latest and not ours:
        raise StoreError(
            f"{path} is an SQLite database, but not a briefquiz one. {_untouched_hint(path)}"
        )
    if (
        version > 0
        and ours
        and not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reviews'"
        ).fetchone()
    ):
        raise StoreError(
            f"{path} is damaged (a briefquiz database without its tables). " + _untouched_hint(path)
        )
    if version > latest:
        raise StoreError(
            f"{path} was written by a newer briefquiz (schema version {version}; this "
            f"version understands up to {latest}). Upgrade briefquiz to use it; the "
            "file was left untouched."
        )
    if version == 0:
        row = conn.execute("SELECT count(*) AS objects FROM sqlite_master").fetchone()
        foreign = int(row["objects"]) > 0
    else:
        row = conn.execute("PRAGMA application_id").fetchone()
        foreign = int(row["application_id"]) != migrations.APPLICATION_ID
    if foreign:
        raise StoreError(
            f"{path} is an SQLite database, but not a briefquiz one. {_untouched_hint(path)}"
        )
    problems = [
        " ".join(str(row["quick_check"]).split("\n"))
        for row in conn.execute("PRAGMA quick_check(5)")
    ]
    if problems != ["ok"]:
        raise StoreError(
            f"{path} is damaged (integrity check: {'; '.join(problems)}). {_untouched_hint(path)}"
        )
    return version


def _prepare(conn: sqlite3.Connection, path: Path, now: datetime | None) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    # Only reads until the file is known to be ours and sound; one read transaction so
    # that a concurrent first-time migration by another process is seen consistently.
    conn.execute("BEGIN")
    try:
        version = check_ours_and_sound(conn, path)
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    latest = migrations.latest_version()
    if 0 < version < latest:
        stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        dest = path.parent / "backups" / f"{path.stem}-v{version}-before-upgrade-{stamp}.sqlite3"
        try:
            backup_connection(conn, dest)
        except OSError as exc:
            raise StoreError(
                f"Cannot back up {path} before upgrading it: {exc.strerror or exc} "
                f"({dest}). The file was left untouched."
            ) from exc
    if version < latest:
        migrations.apply_migrations(conn)
    conn.execute("PRAGMA foreign_keys = ON")


class Database:
    """One open connection to a progress file, shared safely between threads.

    Rows come back as ``sqlite3.Row``: read them by column name.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        in_use: int | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        """Use :meth:`open`; this only wraps an already prepared connection."""
        self._conn: sqlite3.Connection | None = conn
        self._lock = threading.RLock()
        self.path: Final = path
        self.wrote = False  # whether a write transaction committed: an automatic backup is due
        self._in_use = in_use
        self.read_only: Final = read_only  # opened so (see read_only.py): every write fails

    @classmethod
    def open(cls, path: Path, now: datetime | None = None) -> Database:
        """Open (creating if needed) the progress database at ``path`` and migrate it.

        ``now`` names the backup taken before an upgrade (the system's time by default).

        Raises :class:`StoreError` for a file that is not a briefquiz database, is
        damaged, or was written by a newer briefquiz; such a file is left untouched.
        """
        _create_private_file(path)
        try:
            conn = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"Cannot open {path}: {exc}.") from exc
        conn.row_factory = sqlite3.Row
        try:
            with opening_lock(path), translated(path):
                _prepare(conn, path, now)
                in_use = _hold_shared(path)  # before the opening lock goes: see restore
        except StoreError as exc:
            conn.close()
            cause = getattr(exc.__cause__, "sqlite_errorcode", 0) & 0xFF
            if cause in _CANNOT_WRITE and not writable(path.parent):  # WAL's -wal and -shm
                raise NotWritable(path, "read-only") from exc
            raise
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, in_use)

    @classmethod
    def in_memory(cls) -> Database:
        """A fresh, migrated database in memory only (path ``:memory:``), gone once closed."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        with translated(Path(":memory:")):
            _prepare(conn, Path(":memory:"), None)
        return cls(conn, Path(":memory:"))

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with self._lock:
            if self._conn is not None:
                conn, self._conn = self._conn, None
                conn.close()
            if self._in_use is not None:
                fd, self._in_use = self._in_use, None
                os.close(fd)

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, to this thread alone; SQLite errors become :class:`StoreError`."""
        with self._lock, translated(self.path):
            if self._conn is None:
                raise StoreError(f"The progress store {self.path} is closed.")
            yield self._conn

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` ... ``COMMIT``; rolled back if the body raises."""
        if self.read_only:
            raise NotWritable(self.path, "opened read-only")
        with self.reading() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
                self.wrote = True
            except BaseException:
                if conn.in_transaction:
                    with suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: several SELECTs see one consistent state."""
        with self.reading() as conn:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")
