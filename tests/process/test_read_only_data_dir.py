"""A data dir that cannot be written: read-only commands still work, the others say why.

The tests run as root, and chmod does not stop root from writing; a read-only bind mount in
a mount namespace of its own (`unshare --mount`) does, so each command runs inside one. Where
that is not allowed the tests are skipped, saying so; tests/unit/progress/test_damaged_rows.py
covers the same with chmod when not root.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import briefquiz_env

MOUNT_READ_ONLY = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'


def read_only(data: Path, *command: str) -> list[str]:
    """`command`, run with `data` mounted read-only for it alone."""
    return ["unshare", "--mount", "sh", "-c", MOUNT_READ_ONLY, "sh", str(data), *command]


def _read_only_mounts_work(folder: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        read_only(folder, "sh", "-c", f"! touch '{folder}/probe' 2>/dev/null"),
        capture_output=True,
        timeout=30,
    )
    return probe.returncode == 0 and not (folder / "probe").exists()


@pytest.fixture
def studied(cli, tf_file) -> tuple[Path, Path]:
    """A data dir with two answers saved (lock files removed), and the deck's path."""
    deck = tf_file(4)
    if not _read_only_mounts_work(cli.data):
        pytest.skip("needs `unshare --mount` and mount rights to make a folder read-only")
    result = cli.run("study", "--plain", "--limit", "2", str(deck), input="t\n\nt\n\n")
    assert result.returncode == 0, result.stderr
    for name in ("progress.sqlite3.lock", "progress.sqlite3.in-use"):
        (cli.data / name).unlink(missing_ok=True)
    return cli.data, deck


def run_read_only(data: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        read_only(data, sys.executable, "-m", "briefquiz", *args),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=briefquiz_env(data),
        cwd=cwd,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_read_only_commands_work(studied: tuple[Path, Path], tmp_path: Path) -> None:
    data, deck = studied
    before = sorted(p.name for p in data.rglob("*"))
    for args in (["list"], ["check"], ["stats", str(deck)], ["plan", str(deck)]):
        result = run_read_only(data, tmp_path, *args)
        assert result.returncode == 0, (args, result.stderr)
        assert "Traceback" not in result.stderr
    [stats] = json.loads(
        run_read_only(data, tmp_path, "stats", str(deck), "--format", "json").stdout
    )
    assert stats["new"] == 2  # two of the four answered, read from the file
    exported = run_read_only(data, tmp_path, "export", "progress")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.count('"uid"') == 2  # both answers, read from the file
    assert sorted(p.name for p in data.rglob("*")) == before  # nothing made, not even a lock


def test_commands_that_write_say_why_they_cannot(
    studied: tuple[Path, Path], tmp_path: Path
) -> None:
    data, deck = studied
    for args in (
        ["study", "--plain", str(deck)],
        ["seminar", str(deck), "2031-05-01"],
        ["doctor"],
    ):
        result = run_read_only(data, tmp_path, *args)
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        assert f"Cannot write in {data}" in result.stderr, (args, result.stderr)
        assert "list, stats, plan, check and export progress still work" in result.stderr
        assert "Traceback" not in result.stderr and "Errno" not in result.stderr
