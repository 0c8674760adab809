"""What a session reports: the feedback on one answer, and the summary at its end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fsrs import Card, Rating

from briefquiz.deck.model import Deck
from briefquiz.schedule.readiness import Readiness
from briefquiz.study.grading import Answer, Grade, Outcome
from briefquiz.study.queue import QueueItem


@dataclass(slots=True)
class Feedback:
    """What the learner sees after answering; the answer is already saved."""

    item: QueueItem
    answer: Answer
    grade: Grade
    rating: Rating
    review_uid: str
    card_before: Card | None  # None in cram mode
    card_after: Card | None
    answered_at: datetime
    duration_ms: int
    overridden: Outcome | None = None
    """The verdict the learner overruled with "I was right" (then `grade` says right)."""

    @property
    def outcome(self) -> Outcome:
        return self.grade.outcome

    @property
    def can_override(self) -> bool:
        """Only an auto-graded answer judged wrong or partly right can be claimed right."""
        return self.outcome in (Outcome.WRONG, Outcome.PARTIAL)

    @property
    def next_due(self) -> datetime | None:
        return self.card_after.due if self.card_after is not None else None


@dataclass(frozen=True, slots=True)
class DeckOutlook:
    deck: Deck
    next_due: datetime | None
    due_within_day: int
    readiness_before: Readiness | None
    readiness_after: Readiness | None


@dataclass(frozen=True, slots=True)
class Summary:
    answered: int
    right: int
    partial: int
    wrong: int
    self_graded: int
    seconds: float
    missed: tuple[Feedback, ...]
    decks: tuple[DeckOutlook, ...]
    cram: bool

    @property
    def next_due(self) -> datetime | None:
        dues = [d.next_due for d in self.decks if d.next_due is not None]
        return min(dues) if dues else None
