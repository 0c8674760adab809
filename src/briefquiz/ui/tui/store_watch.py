"""Noticing that another process wrote to the progress store (`briefquiz seminar` in another
shell, a second briefquiz): a read-only connection of our own polls SQLite's
`PRAGMA data_version`, which changes whenever some other connection commits. A poll is one
cheap pragma from a timer, never a busy loop.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class StoreWatcher:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None

    def _version_now(self) -> int | None:
        try:
            if self._conn is None:
                self._conn = sqlite3.connect(
                    f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
                )
            row = self._conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return None
        return int(row[0])

    def changed(self) -> bool:
        """True once after each change by another connection (the first poll sets the mark)."""
        version = self._version_now()
        if version is None:
            return False
        before, self._version = self._version, version
        return before is not None and version != before

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
