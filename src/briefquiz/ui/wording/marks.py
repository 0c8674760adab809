"""How a verdict and a rating are named on screen, in every front end."""

from __future__ import annotations

from fsrs import Rating

from briefquiz.study.grading import Outcome

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
