"""Opening a progress database that cannot be written: a read-only data dir.

A command that only reads (stats, plan, export progress) still works there. SQLite opens the
file with ``mode=ro``; a WAL database whose ``-shm`` cannot be made beside it (the folder is
read-only) is opened ``immutable``, which reads the main file as it is: what a crashed
session left in a ``-wal`` is then not seen, and nothing can be written either way.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefquiz.progress import migrations
from briefquiz.progress.database import (
    BUSY_TIMEOUT_S,
    Database,
    StoreError,
    check_ours_and_sound,
    translated,
)


def open_read_only(path: Path) -> Database:
    """The database at ``path``, for reading only; StoreError if it cannot be read, is not
    ours, is damaged, or needs an upgrade (which would write)."""
    if not path.is_file():
        raise StoreError(f"Cannot open {path}: there is no progress file there yet.")
    uri = path.resolve().as_uri()
    problem: sqlite3.Error | None = None
    for query in ("mode=ro", "mode=ro&immutable=1"):
        conn = sqlite3.connect(
            f"{uri}?{query}",
            uri=True,
            timeout=BUSY_TIMEOUT_S,
            isolation_level=None,
            check_same_thread=False,
        )
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:  # no -shm can be made for the -wal
            conn.close()
            problem = exc
            continue
        try:
            with translated(path):
                version = check_ours_and_sound(conn, path)
            if version < migrations.latest_version():
                raise StoreError(
                    f"{path} was written by an older briefquiz and must be upgraded first, "
                    "which needs its folder writable."
                )
        except BaseException:
            conn.close()
            raise
        return Database(conn, path, read_only=True)
    raise StoreError(f"Cannot open {path} even for reading ({problem}).")
