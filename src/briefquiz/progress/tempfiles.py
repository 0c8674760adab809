"""Temporary files left by a briefquiz that was killed while writing a backup.

A backup is written as ``.<name>.<pid>.tmp`` and renamed into place; a process killed
in between (during a migration's backup, say) leaves the temporary file behind. The next
backup into the same folder removes those whose process is gone and that are old enough
that no briefquiz can still be writing them (a pid seen from another container may look
gone: the age guards that case).
"""

from __future__ import annotations

import os
import re
import time
from contextlib import suppress
from pathlib import Path
from typing import Final

STALE_AFTER_S: Final = 600.0  # a backup takes milliseconds; ten minutes is long dead
_TEMP: Final = re.compile(r"^\..+\.(\d+)\.tmp$")


def temp_name(dest: Path) -> Path:
    """Where ``dest`` is written before it is renamed into place."""
    return dest.with_name(f".{dest.name}.{os.getpid()}.tmp")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's, or cannot tell: leave it
    return True


def remove_stale(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files in ``folder`` left by a process that is gone; returns
    what was removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        if match is None or int(match.group(1)) == os.getpid():
            continue
        with suppress(OSError):
            if not entry.is_file(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime < STALE_AFTER_S:
                continue
            if _running(int(match.group(1))):
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed
