"""The keys that pick the entries of a list: digits for options and items, letters for partners."""

from __future__ import annotations

import string

LETTERS = string.ascii_lowercase


def digit_key(index: int) -> str:
    """`1`..`9`, then `0` for the tenth; entries after that are reached with the arrows."""
    if index < 9:
        return str(index + 1)
    return "0" if index == 9 else ""


def letter_key(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else ""


def key_range(count: int, key: str = "digit") -> str:
    """`1-4` or `a-d`, for hints."""
    pick = digit_key if key == "digit" else letter_key
    last = pick(min(count, 10 if key == "digit" else 26) - 1)
    return pick(0) if count <= 1 else f"{pick(0)}-{last}"
