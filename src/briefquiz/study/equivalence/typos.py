"""Typos scaled to the length of the word, never one that makes another real word.

A word of the answer under 5 letters takes no typo, one of 5 to 9 letters takes one edit
(a letter wrong, missing, extra, or two neighbours swapped), one of 10 or more takes two.
Never in a word with a digit, in initials, or when the typed word is itself a common English
word or name (the SCOWL list shipped as words.txt) other than the expected one: "police"
for "policy" and "Russia" for "Prussia" are other words, not slips.

Edit distances are computed here, bounded, on words of a few letters: rapidfuzz would take
28 to 54 ms to import for about 10 us saved per answer.
"""

from __future__ import annotations

import functools
from pathlib import Path

from briefquiz.study.equivalence.words import Kind, Word

__all__ = ["allowed_edits", "edits", "is_real_word", "typo_edits"]


def allowed_edits(length: int) -> int:
    if length < 5:
        return 0
    return 1 if length <= 9 else 2


@functools.lru_cache(maxsize=4096)
def edits(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance of `a` and `b`, or `limit + 1` if it exceeds it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return min(previous[-1], limit + 1)


@functools.cache
def _real_words() -> bytes:
    """words.txt as it is: one lowercase word a line, sorted by byte value."""
    return (Path(__file__).parent / "words.txt").read_bytes()


def is_real_word(word: str) -> bool:
    """Whether lowercase `word` is a common English word or name.

    A binary search in the file's bytes: reading them is the only cost of the first call
    (no set of 72,000 strings to build on the answer path).
    """
    if not word.isascii():
        return False
    data, wanted = _real_words(), word.encode("ascii")
    low, high = 0, len(data)
    while low < high:
        middle = (low + high) // 2
        start = data.rfind(b"\n", 0, middle) + 1
        end = data.find(b"\n", start)
        end = len(data) if end == -1 else end
        line = data[start:end]
        if line == wanted:
            return True
        if line < wanted:
            low = end + 1
        else:
            high = start
    return False


def typo_edits(given: Word, expected: Word) -> int:
    """How many edits turn `given` into `expected`, if forgiven as typos; 0 if not forgiven."""
    if given.key == expected.key or given.initials or expected.initials:
        return 0
    if given.kind is not Kind.WRITTEN or expected.kind is not Kind.WRITTEN:
        return 0
    if any(ch.isdigit() for ch in given.key + expected.key):
        return 0
    limit = allowed_edits(len(expected.key))
    if limit == 0 or is_real_word(given.key):
        return 0
    distance = edits(given.key, expected.key, limit)
    return distance if distance <= limit else 0
