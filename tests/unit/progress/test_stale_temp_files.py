"""Temporary files of a briefquiz killed while writing a backup are removed by the next one."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefquiz.progress import tempfiles
from briefquiz.progress.database import backup_connection

KILLED_WHILE_WRITING = """
import os, signal, sys
from pathlib import Path
from briefquiz.progress.tempfiles import temp_name
temp = temp_name(Path(sys.argv[1]))
temp.write_bytes(b"half a backup")
print(temp, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def killed_temp(folder: Path, name: str, age_s: float) -> Path:
    """The temporary file of a process that was SIGKILLed after writing part of it."""
    folder.mkdir(exist_ok=True)
    child = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_WRITING, str(folder / name)],
        capture_output=True,
        text=True,
    )
    assert child.returncode == -9, child.stderr
    temp = Path(child.stdout.strip())
    past = time.time() - age_s
    os.utime(temp, (past, past))
    return temp


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL and pids as POSIX has them")
def test_the_next_backup_removes_what_a_killed_one_left(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    old = killed_temp(backups, "progress-v1-before-upgrade-x.sqlite3", age_s=3600)
    recent = killed_temp(backups, "progress-auto-y.sqlite3", age_s=5)
    mine = backups / f".progress-auto-z.sqlite3.{os.getpid()}.tmp"  # a live process's
    mine.write_bytes(b"")
    os.utime(mine, (time.time() - 3600,) * 2)
    other = backups / "notes.tmp"  # not a name briefquiz writes
    other.write_bytes(b"")
    source = sqlite3.connect(tmp_path / "progress.sqlite3")
    try:
        backup_connection(source, backups / "progress-auto-now.sqlite3")
    finally:
        source.close()
    left = {p.name for p in backups.iterdir()}
    assert old.name not in left  # its process is gone and it is an hour old
    assert {recent.name, mine.name, other.name, "progress-auto-now.sqlite3"} <= left


def test_a_folder_that_cannot_be_listed_is_left_alone(tmp_path: Path) -> None:
    assert tempfiles.remove_stale(tmp_path / "missing") == []
