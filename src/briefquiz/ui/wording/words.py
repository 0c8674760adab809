"""Counted nouns and paths as people read them."""

from __future__ import annotations

from pathlib import Path

from briefquiz.text.paths import relative_path


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 question`, `2 questions`; `words` for an irregular plural."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def shown_path(path: Path) -> str:
    """A path as short as it can honestly be: relative to the working folder when inside it."""
    return relative_path(path) or str(path)
