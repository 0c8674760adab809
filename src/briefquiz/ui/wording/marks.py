"""How a verdict and a rating are named on screen, in every front end."""

from __future__ import annotations

from fsrs import Rating

from briefquiz.deck.model import AnyQuestion, Order
from briefquiz.study.grading import Grade, Outcome

RATING_NAMES = {
    Rating.Again: "Again",
    Rating.Hard: "Hard",
    Rating.Good: "Good",
    Rating.Easy: "Easy",
}
MARKS = {
    Outcome.RIGHT: "✓ Right",
    Outcome.PARTIAL: "~ Partly right",
    Outcome.WRONG: "✗ Wrong",
    Outcome.SELF_GRADED: "•",
}


def graded_mark(grade: Grade, question: AnyQuestion) -> str:
    """`~ Partly right (2 of 3)`, and `✗ Wrong (1 of 3)` for a wrong answer with some parts
    right (two right ticks of a multi, less one for a wrong tick, say). An order has no count:
    it is judged on the relative order of its items, not on places."""
    mark = MARKS[grade.outcome]
    counted = grade.outcome in (Outcome.PARTIAL, Outcome.WRONG) and not isinstance(question, Order)
    if not counted or grade.credit is None or not grade.credit[0]:
        return mark
    right, total = grade.credit
    return f"{mark} ({right} of {total})"


OVERRIDE_KEY = "!"
"""Typed or pressed after a wrong or partly right verdict: "I was right"."""
OVERRIDE_HINT = f"{OVERRIDE_KEY} I was right"


def overridden_mark(original: Outcome) -> str:
    """`✓ Right (overridden; graded ✗ Wrong)`: an answer the learner said was right."""
    return f"{MARKS[Outcome.RIGHT]} (overridden; graded {MARKS[original]})"


def rating_keys(separator: str) -> str:
    """`1 Again, 2 Hard, 3 Good, 4 Easy`: the key of each rating and its name."""
    return separator.join(f"{int(rating)} {name}" for rating, name in RATING_NAMES.items())


def accepted_note(reasons: tuple[str, ...]) -> str:
    """Why a typed answer was accepted: "accepted: US = United States; 1 typo (Minsitry)"."""
    return "accepted: " + "; ".join(reasons) if reasons else "accepted"
