"""The plan of a whole text: every deck's `day_plan.deck_plan`, added up day by day.

A seminar is about a text, so the student studies all its decks: the day's work is the sum
of theirs, and readiness the mean over every question of the text (each deck weighted by
its number of questions), as in `seminar_text.combined_readiness`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from briefquiz.clock import Clock
from briefquiz.deck.model import Deck
from briefquiz.progress.repository import Store
from briefquiz.schedule.day_plan import DeckPlan, deck_plan
from briefquiz.schedule.forecast import DayPlan


@dataclass(frozen=True, slots=True)
class TextPlan:
    seminar_at: datetime
    days: tuple[DayPlan, ...]  # the decks' days added up
    if_followed: float
    forecast: float
    skip_day: date | None
    if_skipped: float | None
    plans: tuple[DeckPlan, ...]  # each deck's own, in the order given
    today: date  # the study day the plan starts on

    @property
    def skipping_costs(self) -> float | None:
        return None if self.if_skipped is None else max(self.if_followed - self.if_skipped, 0.0)

    @property
    def target(self) -> float:
        return self.plans[0].target


def _weighted(plans: Sequence[DeckPlan], value: Sequence[float]) -> float:
    weights = [len(p.deck.questions) for p in plans]
    return sum(w * v for w, v in zip(weights, value, strict=True)) / sum(weights)


def combine(plans: Sequence[DeckPlan]) -> TextPlan | None:
    """The plans of decks for one seminar (those with a later seminar than the earliest are
    left out); None when there is none."""
    if not plans:
        return None
    seminar = min(p.seminar_at for p in plans)
    same = [p for p in plans if p.seminar_at == seminar and p.deck.questions]
    if not same:
        return None
    totals: dict[date, list[float]] = {}
    for plan in same:
        for day in plan.days:
            sums = totals.setdefault(day.day, [0.0, 0.0, 0.0, 0.0])
            for k, value in enumerate((day.new, day.review, day.final, day.minutes)):
                sums[k] += value
    days = tuple(DayPlan(d, *s) for d, s in sorted(totals.items()))
    # The first day after today with work in any deck: each deck's own next day of work is
    # either that day, or later, and then skipping that day costs the deck nothing.
    skip_day = min((p.skip_day for p in same if p.skip_day is not None), default=None)
    if_skipped: float | None = None
    if skip_day is not None:
        skipped = [
            p.if_skipped if p.skip_day == skip_day and p.if_skipped is not None else p.if_followed
            for p in same
        ]
        if_skipped = _weighted(same, skipped)
    return TextPlan(
        seminar,
        days,
        _weighted(same, [p.if_followed for p in same]),
        _weighted(same, [p.forecast for p in same]),
        skip_day,
        if_skipped,
        tuple(same),
        same[0].today,
    )


def text_plan(store: Store, decks: Sequence[Deck], clock: Clock) -> TextPlan | None:
    """The plan of the decks of one text up to their seminar; None without one ahead."""
    plans = [plan for deck in decks if (plan := deck_plan(store, deck, clock)) is not None]
    return combine(plans)
