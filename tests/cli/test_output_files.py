"""Every `-o`: never over the database, a backup or a deck; another file only with --force."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest

from briefquiz.progress.repository import Store

EXPORTS = {
    "markdown": ["export", "markdown", "{deck}"],
    "anki": ["export", "anki", "{deck}"],
    "progress": ["export", "progress"],
}


def command(kind: str, deck: Path, *extra: str | Path) -> list[str | Path]:
    return [part.format(deck=deck) for part in EXPORTS[kind]] + list(extra)


@pytest.fixture
def setup(bq: Any, tf_file: Any) -> tuple[Any, Path, Path]:
    deck = tf_file(3)
    with Store.open(bq.data / "progress.sqlite3"):
        pass
    return bq, deck, bq.data / "progress.sqlite3"


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_an_existing_file_is_replaced_only_with_force(
    setup: tuple[Any, Path, Path], tmp_path: Path, kind: str
) -> None:
    bq, deck, _ = setup
    target = tmp_path / "existing.out"
    target.write_text("keep me")
    refused = bq.run(*command(kind, deck, "-o", target))
    assert refused.returncode == 2
    assert "already exists; add --force" in refused.stderr
    assert target.read_text() == "keep me"
    forced = bq.run(*command(kind, deck, "-o", target, "--force"))
    assert forced.returncode == 0, forced.stderr
    assert target.read_bytes() != b"keep me"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("kind", sorted(EXPORTS))
@pytest.mark.parametrize("victim", ["database", "wal", "backup", "deck"])
def test_the_database_a_backup_or_a_deck_is_never_written_over(
    setup: tuple[Any, Path, Path], kind: str, victim: str
) -> None:
    bq, deck, database = setup
    backup = bq.data / "backups" / "progress-1.sqlite3"
    backup.parent.mkdir(exist_ok=True)
    backup.write_bytes(b"a backup")
    target = {
        "database": database,
        "wal": database.with_name(database.name + "-wal"),
        "backup": backup,
        "deck": deck,
    }[victim]
    before = target.read_bytes() if target.exists() else None
    result = bq.run(*command(kind, deck, "-o", target, "--force"))
    assert result.returncode == 2
    assert "choose another file" in result.stderr
    assert (target.read_bytes() if target.exists() else None) == before
    with Store.open(database) as store:
        assert store.export_json()["format"] == "briefquiz-progress"


@pytest.mark.skipif(not hasattr(stat, "S_IMODE"), reason="POSIX modes")
def test_progress_json_is_private(setup: tuple[Any, Path, Path], tmp_path: Path) -> None:
    bq, _, _ = setup
    target = tmp_path / "progress.json"
    assert bq.run("export", "progress", "-o", target).returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
