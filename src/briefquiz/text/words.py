"""Counted nouns as people read them."""

from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 question`, `2 questions`; `words` for an irregular plural."""
    return f"{count} {word if count == 1 else (words or word + 's')}"
