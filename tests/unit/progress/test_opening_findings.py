"""The minor findings of issue 13 about opening a database file."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from briefquiz.progress import migrations
from briefquiz.progress.database import StoreError
from briefquiz.progress.repository import Store


def raw(path: Path, *statements: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()


def test_another_applications_database_at_version_11_is_not_called_newer(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    raw(path, "CREATE TABLE notes (x)", "PRAGMA user_version = 11")
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert "not a briefquiz one" in str(info.value)
    assert "newer" not in str(info.value)


def test_a_briefquiz_id_without_tables_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    raw(path, f"PRAGMA application_id = {migrations.APPLICATION_ID}", "PRAGMA user_version = 2")
    for _ in range(2):
        with pytest.raises(StoreError, match="damaged"):
            Store.open(path)
    assert not (tmp_path / "backups").exists()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_an_existing_0644_database_becomes_0600(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    Store.open(path).close()
    path.chmod(0o644)
    Store.open(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
