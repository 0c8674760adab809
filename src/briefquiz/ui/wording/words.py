"""Counted nouns and paths as people read them."""

from __future__ import annotations

import os
from pathlib import Path

from briefquiz.text.words import plural

__all__ = ["plural", "shown_path"]


def shown_path(path: Path) -> str:
    """A path as short as it can honestly be: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
