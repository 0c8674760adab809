"""The keys a deck file may use, per level and per question kind, and the close-match hint.

One table for the reader, the JSON Schema and the scaffold, so they cannot disagree.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from briefquiz.deck.model import QuestionType

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
MAX_OPTIONS = 9  # options, order items and match pairs are picked with the digit keys 1-9

HEADER_KEYS = ("format", "deck", "title", "description", "source", "aliases", "questions")
HEADER_REQUIRED = ("deck", "title", "questions")
SOURCE_KEYS = ("title", "authors", "file", "url", "starts_at_line")
COMMON_KEYS = ("id", "type", "prompt", "explanation", "quote", "tags")
TYPE_KEYS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.FLASHCARD: ("answer",),
    QuestionType.CHOICE: ("options", "answer"),
    QuestionType.MULTI: ("options", "answers"),
    QuestionType.TRUEFALSE: ("answer",),
    QuestionType.TYPED: ("answers", "exact", "reject"),
    QuestionType.CLOZE: ("text", "exact", "reject"),
    QuestionType.ORDER: ("items",),
    QuestionType.MATCH: ("pairs",),
    QuestionType.EVIDENCE: ("quotes", "stance"),
    QuestionType.EXPLAIN: ("points",),
}
TYPE_REQUIRED: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.FLASHCARD: ("prompt", "answer"),
    QuestionType.CHOICE: ("prompt", "options", "answer"),
    QuestionType.MULTI: ("prompt", "options", "answers"),
    QuestionType.TRUEFALSE: ("prompt", "answer"),
    QuestionType.TYPED: ("prompt", "answers"),
    QuestionType.CLOZE: ("text",),
    QuestionType.ORDER: ("prompt", "items"),
    QuestionType.MATCH: ("prompt", "pairs"),
    QuestionType.EVIDENCE: ("prompt",),
    QuestionType.EXPLAIN: ("prompt", "points"),
}
CLOZE_DEFAULT_PROMPT = "Fill in the blanks."


def closest(word: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = closest(word, choices)
    return f" (did you mean {close!r}?)" if close else ""
