"""Words for a graded answer: the verdict, the per-part lines, the rating and the next review."""

from __future__ import annotations

from datetime import datetime
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
from briefquiz.study.grading import LEAVE, SELECT, Outcome, PartResult
from briefquiz.study.reports import Feedback
from briefquiz.text.timefmt import relative
from briefquiz.ui.wording.marks import RATING_NAMES, graded_mark, overridden_mark

OUTCOME_CLASSES = {
    Outcome.RIGHT: "-right",
    Outcome.PARTIAL: "-partial",
    Outcome.WRONG: "-wrong",
    Outcome.SELF_GRADED: "-self",
}


def verdict(feedback: Feedback) -> str:
    """`✓ Right · answer saved`; a textual mark, never colour alone."""
    if feedback.outcome is Outcome.SELF_GRADED:
        return f"• You rated it {RATING_NAMES[feedback.rating]} · answer saved"
    if feedback.overridden is not None:
        return f"{overridden_mark(feedback.overridden)} · answer saved"
    return f"{graded_mark(feedback.grade, feedback.item.question)} · answer saved"


def part_line(question: AnyQuestion, part: PartResult) -> str:
    """One judged part: `✓ Kennan Institute`, `✗ 2. Crimea (expected Georgia)`."""
    mark = "✓" if part.correct else "✗"
    given = part.given.strip() or "—"
    match question:
        case Multi():
            if part.correct:
                return f"{mark} {part.label}"
            if part.given == SELECT and part.expected == LEAVE:
                return f"{mark} {part.label}: ticked, but it does not apply"
            return f"{mark} {part.label}: applies, but was not ticked"
        case Explain():
            # A point is the learner's own judgement: say it was made or missed, never "expected".
            return f"{mark} {part.label}: {part.expected}" + ("" if part.correct else " (missed)")
        case Order():
            head = f"{mark} {part.label} {given}"
        case Match():
            head = f"{mark} {part.label} → {given}"
        case Flashcard() | Choice() | TrueFalse() | Typed() | Cloze() | Evidence():
            head = f"{mark} {part.label}: {given}"
        case _:
            assert_never(question)
    return head if part.correct else f"{head} (expected {part.expected})"


def rating_line(feedback: Feedback, now: datetime) -> str:
    """`Rating Good (suggested) · next review in 4 days`."""
    if feedback.next_due is None:
        return "Cram: the schedule is unchanged"
    name = RATING_NAMES[feedback.rating]
    suggested = feedback.grade.suggested
    if feedback.outcome is Outcome.SELF_GRADED:
        note = ""
    elif feedback.rating == suggested:
        note = " (suggested)"
    else:
        note = f" (you changed it from {RATING_NAMES[suggested]})"
    return f"Rating {name}{note} · next review {relative(feedback.next_due, now)}"
