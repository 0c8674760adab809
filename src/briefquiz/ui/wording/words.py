"""Counted nouns and paths as people read them."""

from __future__ import annotations

from pathlib import Path

from briefquiz.text.paths import relative_path
from briefquiz.text.words import and_list, plural

__all__ = ["and_list", "plural", "shown_path"]


def shown_path(path: Path) -> str:
    """A path as short as it can honestly be: relative to the working folder when inside it."""
    return relative_path(path) or str(path)
