"""Grading an answer to any question, and the answer's JSON form for the review log.

The answer's Python type depends on the question type:

========== ====================================================================
flashcard  `fsrs.Rating`: the learner's own grade
choice     `str`: the chosen option
multi      `frozenset[str]`: the selected options
truefalse  `bool`
typed      `str`
cloze      `tuple[str, ...]`: one text per blank
order      `tuple[str, ...]`: every item, in the learner's order
match      `tuple[tuple[str, str], ...]`: (left, chosen right) for every left; a right of
           "" means the left was left unmatched
========== ====================================================================

An answer of the wrong shape (wrong type, an option the question does not have, an order that
is not a permutation of the items, ...) raises `TypeError` or `ValueError`: that is a bug in
the caller, not a mistake of the learner.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING, TypeAlias

from fsrs import Rating

from briefquiz.deck.model import (
    AnyQuestion,
    Choice,
    Cloze,
    Flashcard,
    Match,
    Multi,
    Order,
    TrueFalse,
    Typed,
)

if TYPE_CHECKING:
    from briefquiz.study.equivalence.judge import Verdict

__all__ = [
    "Answer",
    "Grade",
    "JSONValue",
    "Outcome",
    "PartResult",
    "answer_from_json",
    "answer_to_json",
    "describe_answer",
    "expected_text",
    "grade",
]

Answer: TypeAlias = (
    Rating | str | frozenset[str] | bool | tuple[str, ...] | tuple[tuple[str, str], ...]
)
JSONValue: TypeAlias = bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"] | None

UNMATCHED = ""
"""The right side of a match pair whose left was not matched to anything."""

SELECT = "select"
LEAVE = "leave"


class Outcome(StrEnum):
    RIGHT = "right"
    PARTIAL = "partial"
    WRONG = "wrong"
    SELF_GRADED = "self"


_SUGGESTED = {
    Outcome.RIGHT: Rating.Good,
    Outcome.PARTIAL: Rating.Hard,
    Outcome.WRONG: Rating.Again,
}

_SELF_SCORE = {Rating.Again: 0.0, Rating.Hard: 0.5, Rating.Good: 1.0, Rating.Easy: 1.0}


@dataclass(frozen=True, slots=True)
class PartResult:
    """One judged part of a many-part answer: a multi option, a blank, a position, a pair."""

    label: str
    expected: str
    given: str
    correct: bool


@dataclass(frozen=True, slots=True)
class Grade:
    outcome: Outcome
    score: float
    """0..1: how much of the answer was right."""
    parts: tuple[PartResult, ...]
    """Empty for single-answer types (flashcard, choice, truefalse, typed)."""
    suggested: Rating
    """The FSRS rating to schedule with, unless the learner overrides it."""
    reasons: tuple[str, ...] = ()
    """Why a typed answer (or blank) was accepted: "US = United States", "1 typo (Minsitry)"."""


# -- shape checks ------------------------------------------------------------------------------


def _type_error(question: AnyQuestion, expected: str, answer: object) -> TypeError:
    return TypeError(
        f"a {question.type} answer must be {expected}, not {type(answer).__name__}: {answer!r}"
    )


def _as_rating(question: AnyQuestion, answer: object) -> Rating:
    if not isinstance(answer, Rating):
        raise _type_error(question, "an fsrs.Rating", answer)
    return answer


def _as_str(question: AnyQuestion, answer: object) -> str:
    if not isinstance(answer, str):
        raise _type_error(question, "a str", answer)
    return answer


def _as_bool(question: AnyQuestion, answer: object) -> bool:
    if not isinstance(answer, bool):
        raise _type_error(question, "a bool", answer)
    return answer


def _as_str_tuple(question: AnyQuestion, answer: object) -> tuple[str, ...]:
    if not isinstance(answer, tuple) or not all(isinstance(item, str) for item in answer):
        raise _type_error(question, "a tuple of str", answer)
    return answer


def _as_selection(question: AnyQuestion, answer: object) -> frozenset[str]:
    if not isinstance(answer, frozenset) or not all(isinstance(item, str) for item in answer):
        raise _type_error(question, "a frozenset of str", answer)
    return answer


def _as_pairs(question: AnyQuestion, answer: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(answer, tuple) or not all(
        isinstance(pair, tuple)
        and len(pair) == 2
        and isinstance(pair[0], str)
        and isinstance(pair[1], str)
        for pair in answer
    ):
        raise _type_error(question, "a tuple of (str, str) pairs", answer)
    return answer


def _checked_choice(question: Choice, answer: object) -> str:
    chosen = _as_str(question, answer)
    if chosen not in question.options:
        raise ValueError(f"{chosen!r} is not an option of question {question.id!r}")
    return chosen


def _checked_selection(question: Multi, answer: object) -> frozenset[str]:
    selection = _as_selection(question, answer)
    unknown = selection.difference(question.options)
    if unknown:
        raise ValueError(f"{sorted(unknown)!r} are not options of question {question.id!r}")
    return selection


def _checked_blanks(question: Cloze, answer: object) -> tuple[str, ...]:
    given = _as_str_tuple(question, answer)
    if len(given) != len(question.blanks):
        raise ValueError(
            f"question {question.id!r} has {len(question.blanks)} blanks, "
            f"the answer fills {len(given)}"
        )
    return given


def _checked_order(question: Order, answer: object) -> tuple[str, ...]:
    given = _as_str_tuple(question, answer)
    if sorted(given) != sorted(question.items):
        raise ValueError(
            f"an order answer must list every item of question {question.id!r} once: {given!r}"
        )
    return given


def _checked_pairs(question: Match, answer: object) -> dict[str, str]:
    pairs = _as_pairs(question, answer)
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


# -- grading -----------------------------------------------------------------------------------


def _graded(outcome: Outcome, score: float, parts: Iterable[PartResult] = ()) -> Grade:
    return Grade(outcome, score, tuple(parts), _SUGGESTED[outcome])


def _right_or_wrong(correct: bool) -> Grade:
    return _graded(Outcome.RIGHT if correct else Outcome.WRONG, 1.0 if correct else 0.0)


def _fraction(good: int, total: int) -> float:
    return good / total if total else 1.0


def _grade_multi(question: Multi, selection: frozenset[str]) -> Grade:
    answers = question.answers
    parts = [
        PartResult(
            label=option,
            expected=SELECT if option in answers else LEAVE,
            given=SELECT if option in selection else LEAVE,
            correct=(option in answers) == (option in selection),
        )
        for option in question.options
        if option in answers or option in selection
    ]
    judged_right = sum((option in answers) == (option in selection) for option in question.options)
    score = _fraction(judged_right, len(question.options))
    if selection == answers:
        outcome = Outcome.RIGHT
    elif (selection and selection < answers) or (
        selection > answers and selection != frozenset(question.options)
    ):
        outcome = Outcome.PARTIAL
    else:
        outcome = Outcome.WRONG
    return _graded(outcome, score, parts)


def _judged(
    question: Typed | Cloze, text: str, accepted: tuple[str, ...], others: tuple[str, ...] = ()
) -> Verdict:
    # Imported at the first typed answer: the rules' tables stay off the start-up path.
    from briefquiz.study.equivalence.judge import judge

    return judge(
        text,
        accepted,
        reject=question.reject,
        aliases=question.aliases,
        exact=question.exact,
        others=others,
    )


def _grade_typed(question: Typed, given: str) -> Grade:
    verdict = _judged(question, given, question.answers)
    return replace(_right_or_wrong(verdict.right), reasons=verdict.reasons)


def _grade_cloze(question: Cloze, given: tuple[str, ...]) -> Grade:
    blanks = question.blanks
    verdicts = [
        _judged(
            question,
            text,
            blank.answers,
            tuple(answer for other in blanks if other is not blank for answer in other.answers),
        )
        for blank, text in zip(blanks, given, strict=True)
    ]
    parts = [
        PartResult(
            label=f"blank {number}",
            expected=blank.answers[0] if blank.answers else "",
            given=text,
            correct=verdict.right,
        )
        for number, (blank, text, verdict) in enumerate(
            zip(blanks, given, verdicts, strict=True), 1
        )
    ]
    reasons = tuple(
        reason if len(blanks) == 1 else f"blank {number}: {reason}"
        for number, verdict in enumerate(verdicts, 1)
        if verdict.right
        for reason in verdict.reasons
    )
    right = sum(part.correct for part in parts)
    if right == len(parts):
        outcome = Outcome.RIGHT
    elif right == 0:
        outcome = Outcome.WRONG
    else:
        outcome = Outcome.PARTIAL
    return replace(_graded(outcome, _fraction(right, len(parts)), parts), reasons=reasons)


def _grade_order(question: Order, given: tuple[str, ...]) -> Grade:
    items = question.items
    parts = [
        PartResult(label=f"{number}.", expected=expected, given=item, correct=expected == item)
        for number, (expected, item) in enumerate(zip(items, given, strict=True), 1)
    ]
    position = {item: index for index, item in enumerate(given)}
    pairs_total = len(items) * (len(items) - 1) // 2
    pairs_right = sum(
        position[items[i]] < position[items[j]]
        for i in range(len(items))
        for j in range(i + 1, len(items))
    )
    score = _fraction(pairs_right, pairs_total)
    if all(part.correct for part in parts):
        outcome = Outcome.RIGHT
    elif score >= 0.5:
        outcome = Outcome.PARTIAL
    else:
        outcome = Outcome.WRONG
    return _graded(outcome, score, parts)


def _grade_match(question: Match, chosen: dict[str, str]) -> Grade:
    parts = [
        PartResult(label=left, expected=right, given=chosen[left], correct=chosen[left] == right)
        for left, right in question.pairs
    ]
    right = sum(part.correct for part in parts)
    if right == len(parts):
        outcome = Outcome.RIGHT
    elif 2 * right >= len(parts):
        outcome = Outcome.PARTIAL
    else:
        outcome = Outcome.WRONG
    return _graded(outcome, _fraction(right, len(parts)), parts)


def grade(question: AnyQuestion, answer: Answer) -> Grade:
    """Judge `answer` to `question`. See the module docstring for the answer types."""
    if isinstance(question, Flashcard):
        rating = _as_rating(question, answer)
        return Grade(Outcome.SELF_GRADED, _SELF_SCORE[rating], (), rating)
    if isinstance(question, Choice):
        return _right_or_wrong(_checked_choice(question, answer) == question.answer)
    if isinstance(question, Multi):
        return _grade_multi(question, _checked_selection(question, answer))
    if isinstance(question, TrueFalse):
        return _right_or_wrong(_as_bool(question, answer) == question.answer)
    if isinstance(question, Typed):
        return _grade_typed(question, _as_str(question, answer))
    if isinstance(question, Cloze):
        return _grade_cloze(question, _checked_blanks(question, answer))
    if isinstance(question, Order):
        return _grade_order(question, _checked_order(question, answer))
    if isinstance(question, Match):
        return _grade_match(question, _checked_pairs(question, answer))
    raise TypeError(f"not a question: {question!r}")


# -- JSON --------------------------------------------------------------------------------------


def answer_to_json(question: AnyQuestion, answer: Answer) -> JSONValue:
    """The answer as a JSON value: an int rating, a str, a bool, or a list.

    Checks the answer's shape (types only, like `answer_from_json`) but not its content.
    """
    if isinstance(question, Flashcard):
        return int(_as_rating(question, answer))
    if isinstance(question, Choice | Typed):
        return _as_str(question, answer)
    if isinstance(question, Multi):
        selected: list[JSONValue] = [*sorted(_as_selection(question, answer))]
        return selected
    if isinstance(question, TrueFalse):
        return _as_bool(question, answer)
    if isinstance(question, Cloze | Order):
        texts: list[JSONValue] = list(_as_str_tuple(question, answer))
        return texts
    if isinstance(question, Match):
        pairs: list[JSONValue] = [[left, right] for left, right in _as_pairs(question, answer)]
        return pairs
    raise TypeError(f"not a question: {question!r}")


def _json_str_list(question: AnyQuestion, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _type_error(question, "a JSON list of strings", value)
    return value


def answer_from_json(question: AnyQuestion, value: object) -> Answer:
    """The inverse of `answer_to_json`.

    Only the shape is checked, not that options or items still exist: a logged answer stays
    readable after the deck is edited. Raises `TypeError` for a value of the wrong JSON type
    and `ValueError` for an unknown rating.
    """
    if isinstance(question, Flashcard):
        if not isinstance(value, int) or isinstance(value, bool):
            raise _type_error(question, "a JSON integer rating", value)
        return Rating(value)
    if isinstance(question, Choice | Typed):
        return _as_str(question, value)
    if isinstance(question, Multi):
        items = _json_str_list(question, value)
        if len(set(items)) != len(items):
            raise ValueError(f"repeated option in a multi answer: {items!r}")
        return frozenset(items)
    if isinstance(question, TrueFalse):
        return _as_bool(question, value)
    if isinstance(question, Cloze | Order):
        return tuple(_json_str_list(question, value))
    if isinstance(question, Match):
        if not isinstance(value, list):
            raise _type_error(question, "a JSON list of [left, right] pairs", value)
        pairs: list[tuple[str, str]] = []
        for pair in value:
            if not isinstance(pair, list) or len(pair) != 2:
                raise _type_error(question, "a JSON list of [left, right] pairs", value)
            left, right = pair
            if not isinstance(left, str) or not isinstance(right, str):
                raise _type_error(question, "a JSON list of [left, right] pairs", value)
            pairs.append((left, right))
        return tuple(pairs)
    raise TypeError(f"not a question: {question!r}")


# -- human text --------------------------------------------------------------------------------

NO_ANSWER = "(no answer)"
NOTHING_SELECTED = "(nothing selected)"
UNMATCHED_TEXT = "(none)"


def _numbered(texts: Iterable[str]) -> str:
    return "  ".join(f"{number}. {text}" for number, text in enumerate(texts, 1))


def _in_option_order(options: tuple[str, ...], chosen: Iterable[str]) -> list[str]:
    wanted = set(chosen)
    return [option for option in options if option in wanted] + sorted(wanted.difference(options))


def _pairs_text(pairs: Iterable[tuple[str, str]]) -> str:
    return "; ".join(f"{left} → {right or UNMATCHED_TEXT}" for left, right in pairs)


def _blank_texts(texts: tuple[str, ...]) -> str:
    shown = [text.strip() or NO_ANSWER for text in texts]
    return shown[0] if len(shown) == 1 else _numbered(shown)


def _yes_no(value: bool) -> str:
    return "True" if value else "False"


def describe_answer(question: AnyQuestion, answer: Answer) -> str:
    """What the learner gave, for people: "Kennan Institute", "1. A  2. B", "A → x; B → y"."""
    if isinstance(question, Flashcard):
        return _as_rating(question, answer).name
    if isinstance(question, Choice | Typed):
        return _as_str(question, answer).strip() or NO_ANSWER
    if isinstance(question, Multi):
        selected = _in_option_order(question.options, _as_selection(question, answer))
        return ", ".join(selected) or NOTHING_SELECTED
    if isinstance(question, TrueFalse):
        return _yes_no(_as_bool(question, answer))
    if isinstance(question, Cloze):
        return _blank_texts(_as_str_tuple(question, answer))
    if isinstance(question, Order):
        return _numbered(_as_str_tuple(question, answer))
    if isinstance(question, Match):
        order = {left: index for index, (left, _) in enumerate(question.pairs)}
        pairs = sorted(_as_pairs(question, answer), key=lambda pair: order.get(pair[0], len(order)))
        return _pairs_text(pairs)
    raise TypeError(f"not a question: {question!r}")


def expected_text(question: AnyQuestion) -> str:
    """The right answer, for people, in the same form as `describe_answer`.

    Typed and cloze show the first (canonical) accepted answer only.
    """
    if isinstance(question, Flashcard | Choice):
        return question.answer
    if isinstance(question, Multi):
        return ", ".join(_in_option_order(question.options, question.answers))
    if isinstance(question, TrueFalse):
        return _yes_no(question.answer)
    if isinstance(question, Typed):
        return question.answers[0] if question.answers else ""
    if isinstance(question, Cloze):
        return _blank_texts(
            tuple(blank.answers[0] if blank.answers else "" for blank in question.blanks)
        )
    if isinstance(question, Order):
        return _numbered(question.items)
    if isinstance(question, Match):
        return _pairs_text(question.pairs)
    raise TypeError(f"not a question: {question!r}")
