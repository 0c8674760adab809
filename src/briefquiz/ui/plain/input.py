"""Reading an answer from one line of text, for the plain line-based mode."""

from __future__ import annotations

import re
import string
from typing import assert_never

from briefquiz.deck.model import (
    AnyQuestion,
    Choice,
    Cloze,
    Evidence,
    Explain,
    Flashcard,
    Match,
    Multi,
    Order,
    TrueFalse,
    Typed,
)
from briefquiz.study.discussion import Explained, pick
from briefquiz.study.queue import Presentation

LETTERS = string.ascii_lowercase
_SEPARATORS = re.compile(r"[\s,;]+")


class InputProblem(ValueError):
    """The line cannot be read as an answer; the message says what to type instead."""


def _numbers(line: str, count: int) -> list[int]:
    tokens = [t for t in _SEPARATORS.split(line.strip()) if t]
    if len(tokens) == 1 and tokens[0].isdigit() and len(tokens[0]) > 1 and count < 10:
        tokens = list(tokens[0])  # "312" for "3 1 2"
    numbers = []
    for token in tokens:
        if not token.isdigit() or not 1 <= int(token) <= count:
            raise InputProblem(f"{token!r} is not a number from 1 to {count}")
        numbers.append(int(token))
    return numbers


def instructions(question: AnyQuestion) -> str:
    match question:
        case Choice():
            return "Type the number of your answer."
        case Multi():
            return "Select all that apply: type their numbers, e.g. 1 3."
        case TrueFalse():
            return "Type 1 (true) or 2 (false), or t / f."
        case Order():
            return "Type the numbers in the right order, e.g. 3 1 2."
        case Match():
            return "For each numbered item, type the letter of its partner, in order, e.g. b a c."
        case Typed():
            return "Type your answer."
        case Evidence():
            return "Type the number of the paragraph."
        case Explain():
            return "Type the numbers of the points you made, e.g. 1 3, or 0 for none."
        case Flashcard() | Cloze():
            return ""  # read line by line by the study loop, not from one line
        case _:
            assert_never(question)


def parse_answer(question: AnyQuestion, shown: Presentation, line: str) -> object:
    """The answer a line stands for (the grading module's answer types)."""
    text = line.strip()
    match question:
        case Choice():
            picked = _numbers(text, len(shown.options))
            if len(picked) != 1:
                raise InputProblem(f"type one number from 1 to {len(shown.options)}")
            return shown.options[picked[0] - 1]
        case Multi():
            picked = _numbers(text, len(shown.options))
            if not picked:
                raise InputProblem("type at least one number")
            return frozenset(shown.options[n - 1] for n in picked)
        case TrueFalse():
            lowered = text.lower()
            if lowered in ("1", "t", "true", "y", "yes"):
                return True
            if lowered in ("2", "f", "false", "n", "no"):
                return False
            raise InputProblem("type 1 for true or 2 for false")
        case Order():
            picked = _numbers(text, len(shown.items))
            if sorted(picked) != list(range(1, len(shown.items) + 1)):
                raise InputProblem(f"use each number from 1 to {len(shown.items)} once")
            return tuple(shown.items[n - 1] for n in picked)
        case Match():
            letters = [t for t in _SEPARATORS.split(text.lower()) if t]
            if len(letters) == 1 and len(letters[0]) == len(question.pairs):
                letters = list(letters[0])
            if len(letters) != len(question.pairs):
                raise InputProblem(f"type {len(question.pairs)} letters, one for each item")
            valid = LETTERS[: len(shown.partners)]
            bad = [x for x in letters if len(x) != 1 or x not in valid]
            if bad:
                raise InputProblem(f"{bad[0]!r} is not one of the letters {', '.join(valid)}")
            return tuple(
                (left, shown.partners[valid.index(letter)])
                for (left, _), letter in zip(question.pairs, letters, strict=True)
            )
        case Evidence():
            numbers = [p.ordinal for p in question.paragraphs]
            if not text.isdigit() or int(text) not in numbers:
                raise InputProblem(f"type one paragraph number from {numbers[0]} to {numbers[-1]}")
            return pick(question, int(text))
        case Explain():
            if text in ("0", "-", "none"):
                return Explained("", frozenset())
            made = _numbers(text, len(question.points))
            if not made:
                raise InputProblem("type the numbers of the points you made, or 0 for none")
            return Explained("", frozenset(n - 1 for n in made))
        case Typed() | Flashcard() | Cloze():
            if not text:
                raise InputProblem("type an answer (or q to stop)")
            return text
        case _:
            assert_never(question)
