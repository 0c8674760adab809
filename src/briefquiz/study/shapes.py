"""The shape of an answer to each kind of question: its Python type, checked.

A wrong shape is a bug in the caller, never a mistake of the learner: each check raises
`TypeError` saying what the answer must be.
"""

from __future__ import annotations

from fsrs import Rating

from briefquiz.deck.model import AnyQuestion


def type_error(question: AnyQuestion, expected: str, answer: object) -> TypeError:
    return TypeError(
        f"a {question.type} answer must be {expected}, not {type(answer).__name__}: {answer!r}"
    )


def as_rating(question: AnyQuestion, answer: object) -> Rating:
    if not isinstance(answer, Rating):
        raise type_error(question, "an fsrs.Rating", answer)
    return answer


def as_str(question: AnyQuestion, answer: object) -> str:
    if not isinstance(answer, str):
        raise type_error(question, "a str", answer)
    return answer


def as_bool(question: AnyQuestion, answer: object) -> bool:
    if not isinstance(answer, bool):
        raise type_error(question, "a bool", answer)
    return answer


def as_str_tuple(question: AnyQuestion, answer: object) -> tuple[str, ...]:
    if not isinstance(answer, tuple) or not all(isinstance(item, str) for item in answer):
        raise type_error(question, "a tuple of str", answer)
    return answer


def as_selection(question: AnyQuestion, answer: object) -> frozenset[str]:
    if not isinstance(answer, frozenset) or not all(isinstance(item, str) for item in answer):
        raise type_error(question, "a frozenset of str", answer)
    return answer


def as_pairs(question: AnyQuestion, answer: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(answer, tuple) or not all(
        isinstance(pair, tuple)
        and len(pair) == 2
        and isinstance(pair[0], str)
        and isinstance(pair[1], str)
        for pair in answer
    ):
        raise type_error(question, "a tuple of (str, str) pairs", answer)
    return answer
