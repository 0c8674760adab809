"""The shape of an answer to each kind of question: its Python type, checked.

A wrong shape is a bug in the caller, never a mistake of the learner: each check raises
`TypeError` saying what the answer must be.
"""

from __future__ import annotations

from fsrs import Rating

from briefquiz.deck.model import AnyQuestion, Choice, Cloze, Evidence, Explain, Match, Multi, Order
from briefquiz.study.discussion import Explained, ParagraphPick, paragraph_of

UNMATCHED = ""
"""The right side of a match pair whose left was not matched to anything."""


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


# -- shape and content: an option, item or paragraph the question has -----------------------


def checked_choice(question: Choice, answer: object) -> str:
    chosen = as_str(question, answer)
    if chosen not in question.options:
        raise ValueError(f"{chosen!r} is not an option of question {question.id!r}")
    return chosen


def checked_selection(question: Multi, answer: object) -> frozenset[str]:
    selection = as_selection(question, answer)
    unknown = selection.difference(question.options)
    if unknown:
        raise ValueError(f"{sorted(unknown)!r} are not options of question {question.id!r}")
    return selection


def checked_blanks(question: Cloze, answer: object) -> tuple[str, ...]:
    given = as_str_tuple(question, answer)
    if len(given) != len(question.blanks):
        raise ValueError(
            f"question {question.id!r} has {len(question.blanks)} blanks, "
            f"the answer fills {len(given)}"
        )
    return given


def checked_order(question: Order, answer: object) -> tuple[str, ...]:
    given = as_str_tuple(question, answer)
    if sorted(given) != sorted(question.items):
        raise ValueError(
            f"an order answer must list every item of question {question.id!r} once: {given!r}"
        )
    return given


def checked_pairs(question: Match, answer: object) -> dict[str, str]:
    pairs = as_pairs(question, answer)
    chosen = dict(pairs)
    lefts = [left for left, _ in question.pairs]
    if len(chosen) != len(pairs) or sorted(chosen) != sorted(lefts):
        raise ValueError(
            f"a match answer must pair every left item of question {question.id!r} once: {pairs!r}"
        )
    rights = {right for _, right in question.pairs}
    unknown = {right for right in chosen.values() if right != UNMATCHED and right not in rights}
    if unknown:
        raise ValueError(f"{sorted(unknown)!r} are not right items of question {question.id!r}")
    return chosen


def checked_pick(question: Evidence, answer: object) -> ParagraphPick:
    if not isinstance(answer, ParagraphPick):
        raise type_error(question, "a ParagraphPick", answer)
    if paragraph_of(question, answer.ordinal) is None:
        raise ValueError(f"question {question.id!r} lists no paragraph {answer.ordinal}")
    return answer


def as_explained(question: Explain, answer: object) -> Explained:
    if not isinstance(answer, Explained) or not all(isinstance(i, int) for i in answer.ticked):
        raise type_error(question, "an Explained", answer)
    return answer


def checked_explained(question: Explain, answer: object) -> Explained:
    explained = as_explained(question, answer)
    outside = sorted(i for i in explained.ticked if not 0 <= i < len(question.points))
    if outside:
        raise ValueError(f"question {question.id!r} has no point {outside[0] + 1}")
    return explained
