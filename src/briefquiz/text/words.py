"""Counted nouns and lists as people read them."""

from __future__ import annotations

from collections.abc import Sequence


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 question`, `2 questions`; `words` for an irregular plural."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def and_list(items: Sequence[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
