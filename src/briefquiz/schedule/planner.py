"""FSRS scheduling for briefquiz: the `fsrs` package, plus the seminar cap."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fsrs import Card, Rating, Scheduler

from briefquiz.schedule.recall import latest_review_for, predicted_recall
from briefquiz.schedule.settings import DEFAULT_RETENTION


@dataclass(frozen=True, slots=True)
class Policy:
    """What shapes a deck's schedule: its target recall and, maybe, a seminar date."""

    desired_retention: float = DEFAULT_RETENTION
    seminar_at: datetime | None = None

    def seminar_ahead(self, now: datetime) -> datetime | None:
        """The seminar, while it is still to come; afterwards normal scheduling resumes."""
        if self.seminar_at is not None and now < self.seminar_at:
            return self.seminar_at
        return None


def cap_for_seminar(card: Card, now: datetime, policy: Policy) -> Card:
    """Bring the next review forward so that recall at the seminar stays at the target.

    A card whose predicted recall at the seminar is already at or above the target needs no
    more review before it, so its due date is left alone.
    """
    seminar = policy.seminar_ahead(now)
    if seminar is None or card.stability is None or card.due <= now:
        return card
    if predicted_recall(card, seminar) >= policy.desired_retention:
        return card
    latest = latest_review_for(card, seminar, policy.desired_retention)
    if card.due > latest:
        card.due = max(latest, now)
    return card


class Planner:
    """Reviews cards with one `fsrs.Scheduler` per target retention."""

    def __init__(self, *, fuzz: bool = True) -> None:
        self.fuzz = fuzz
        self._schedulers: dict[float, Scheduler] = {}

    def scheduler(self, retention: float) -> Scheduler:
        if retention not in self._schedulers:
            self._schedulers[retention] = Scheduler(
                desired_retention=retention, enable_fuzzing=self.fuzz
            )
        return self._schedulers[retention]

    def review(
        self,
        card: Card,
        rating: Rating,
        now: datetime,
        policy: Policy,
        duration_ms: int | None = None,
    ) -> Card:
        reviewed, _log = self.scheduler(policy.desired_retention).review_card(
            card, rating, review_datetime=now, review_duration=duration_ms
        )
        return cap_for_seminar(reviewed, now, policy)
