"""Paths made relative: the one place that asks `os.path.relpath`."""

from __future__ import annotations

import os
from pathlib import Path


def relative_path(path: Path, start: Path | None = None) -> str | None:
    """`path` relative to `start` (default: the working folder); None on another drive."""
    try:
        return os.path.relpath(path, start)
    except ValueError:  # another drive, on Windows
        return None
