"""Where the data lives: an empty BRIEFQUIZ_DATA_DIR is a mistake said as one."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_an_empty_data_dir_variable_is_an_error(bq: Any) -> None:
    ran = bq.run("list", BRIEFQUIZ_DATA_DIR="")
    assert ran.returncode == 1
    assert "BRIEFQUIZ_DATA_DIR is set but empty" in ran.stderr
    assert "unset it" in ran.stderr


def test_read_only_commands_create_no_database(bq: Any, tmp_path: Path) -> None:
    for command in (["stats"], ["list"], ["stats", "biden-russia-terms"]):
        ran = bq.run(*command)
        assert ran.returncode == 0, ran.stderr
    assert not (tmp_path / "data" / "progress.sqlite3").exists()
    assert bq.run("study", "biden-russia-terms", "--plain", "--limit", "1").returncode == 0
    assert (tmp_path / "data" / "progress.sqlite3").exists()  # studying does create it
