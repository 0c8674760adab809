"""Grading an answer to any question (its JSON form for the review log: `answer_json`).

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
evidence   `ParagraphPick`: the chosen paragraph's number and opening words
explain    `Explained`: the written answer and the points ticked (0-based places)
========== ====================================================================

An answer of the wrong shape (wrong type, an option the question does not have, an order that
is not a permutation of the items, ...) raises `TypeError` or `ValueError`: that is a bug in
the caller, not a mistake of the learner.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeAlias, assert_never

from fsrs import Rating

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
from briefquiz.progress.records import Outcome
from briefquiz.study.discussion import MADE, MISSED, Explained, ParagraphPick, evidence_closeness
from briefquiz.study.shapes import (
    as_bool,
    as_rating,
    as_str,
    checked_blanks,
    checked_choice,
    checked_explained,
    checked_order,
    checked_pairs,
    checked_pick,
    checked_selection,
)

if TYPE_CHECKING:
    from briefquiz.study.equivalence.judge import Verdict

__all__ = [
    "Answer",
    "Grade",
    "Outcome",
    "PartResult",
    "grade",
]

Answer: TypeAlias = (
    Rating
    | str
    | frozenset[str]
    | bool
    | tuple[str, ...]
    | tuple[tuple[str, str], ...]
    | ParagraphPick
    | Explained
)

SELECT = "select"
LEAVE = "leave"


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
    credit: tuple[int, int] | None = None
    """(right, total) as the partial-credit rule counts them, for the many-part kinds."""


# -- grading -----------------------------------------------------------------------------------


def _graded(outcome: Outcome, score: float, parts: Iterable[PartResult] = ()) -> Grade:
    return Grade(outcome, score, tuple(parts), _SUGGESTED[outcome])


def _right_or_wrong(correct: bool) -> Grade:
    return _graded(Outcome.RIGHT if correct else Outcome.WRONG, 1.0 if correct else 0.0)


def _credited(right: int, total: int, parts: Iterable[PartResult]) -> Grade:
    """The partial-credit rule, the same for multi, cloze, order and match.

    An answer is made of parts, and ``right`` of its ``total`` parts count as right:

    ======= ====================================================================
    cloze   each blank
    match   each left item, right when paired with its partner
    order   each pair of items, right when the two are in the right relative order
    multi   each option that applies, right when ticked; every ticked option that
            does not apply takes one right tick back (never below none)
    ======= ====================================================================

    All of them right is right; at least half of them is partly right (rated Hard);
    fewer than half is wrong. The score is ``right / total``.
    """
    if right >= total:
        outcome = Outcome.RIGHT
    elif 2 * right >= total:
        outcome = Outcome.PARTIAL
    else:
        outcome = Outcome.WRONG
    graded = _graded(outcome, right / total if total else 1.0, parts)
    return replace(graded, credit=(min(right, total), total))


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
    # Each option that applies is a part; each tick of one that does not takes one back.
    ticked_right = len(selection & answers)
    ticked_wrong = len(selection - answers)
    return _credited(max(ticked_right - ticked_wrong, 0), len(answers), parts)


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
    return replace(_credited(right, len(parts), parts), reasons=reasons)


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
    return _credited(pairs_right, pairs_total, parts)


def _grade_match(question: Match, chosen: dict[str, str]) -> Grade:
    parts = [
        PartResult(label=left, expected=right, given=chosen[left], correct=chosen[left] == right)
        for left, right in question.pairs
    ]
    return _credited(sum(part.correct for part in parts), len(parts), parts)


def _grade_evidence(question: Evidence, chosen: ParagraphPick) -> Grade:
    score = evidence_closeness(question, chosen)
    return _graded(
        Outcome.RIGHT if score == 1 else Outcome.PARTIAL if score else Outcome.WRONG, score
    )


def _grade_explain(question: Explain, given: Explained) -> Grade:
    """Not the partial-credit rule: any point made is partly right, as the learner judged it."""
    parts = [
        PartResult(
            label=f"point {number}",
            expected=point.text,
            given=MADE if number - 1 in given.ticked else MISSED,
            correct=number - 1 in given.ticked,
        )
        for number, point in enumerate(question.points, 1)
    ]
    made = sum(part.correct for part in parts)
    outcome = Outcome.RIGHT if made == len(parts) else Outcome.PARTIAL if made else Outcome.WRONG
    graded = _graded(outcome, made / len(parts) if parts else 1.0, parts)
    return replace(graded, credit=(made, len(parts)))


def grade(question: AnyQuestion, answer: Answer) -> Grade:
    """Judge `answer` to `question`. See the module docstring for the answer types."""
    match question:
        case Flashcard():
            rating = as_rating(question, answer)
            return Grade(Outcome.SELF_GRADED, _SELF_SCORE[rating], (), rating)
        case Choice():
            return _right_or_wrong(checked_choice(question, answer) == question.answer)
        case Multi():
            return _grade_multi(question, checked_selection(question, answer))
        case TrueFalse():
            return _right_or_wrong(as_bool(question, answer) == question.answer)
        case Typed():
            return _grade_typed(question, as_str(question, answer))
        case Cloze():
            return _grade_cloze(question, checked_blanks(question, answer))
        case Order():
            return _grade_order(question, checked_order(question, answer))
        case Match():
            return _grade_match(question, checked_pairs(question, answer))
        case Evidence():
            return _grade_evidence(question, checked_pick(question, answer))
        case Explain():
            return _grade_explain(question, checked_explained(question, answer))
        case _:
            assert_never(question)
