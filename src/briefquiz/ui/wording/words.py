"""Counted nouns and paths as people read them."""

from __future__ import annotations

import os
from pathlib import Path


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 question`, `2 questions`; `words` for an irregular plural."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def shown_path(path: Path) -> str:
    """A path as short as it can honestly be: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
