"""The plan a student sees: for each day until the seminar, the new, review and final-pass
questions and the minutes they take, readiness if the plan is followed, and the forecast
from how they have studied so far."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from briefquiz.clock import Clock
from briefquiz.deck.model import Deck
from briefquiz.progress.repository import Store
from briefquiz.schedule.forecast import DayPlan, forecast
from briefquiz.schedule.habits import Habits
from briefquiz.schedule.pacing import NewPace
from briefquiz.schedule.readiness import outlook_inputs
from briefquiz.schedule.session_plan import PlanRules, session_work
from briefquiz.schedule.stored_rules import stored_rules
from briefquiz.schedule.study_day import study_date


@dataclass(frozen=True, slots=True)
class DeckPlan:
    deck: Deck
    seminar_at: datetime
    days: tuple[DayPlan, ...]
    if_followed: float  # readiness studying every day as planned
    skip_day: date | None  # the next study day after today that holds work, if any
    if_skipped: float | None  # readiness following the plan but skipping `skip_day`
    forecast: float  # readiness at the student's own share of days and accuracy
    pace: NewPace
    habits: Habits
    target: float
    today: date  # the study day the plan starts on (before 04:00 it is the evening before)

    @property
    def skipping_costs(self) -> float | None:
        """Readiness lost by skipping `skip_day` (None when there is no such day)."""
        return None if self.if_skipped is None else max(self.if_followed - self.if_skipped, 0.0)

    def to_json(self) -> dict[str, Any]:
        return {
            "deck": self.deck.id,
            "seminar_at": self.seminar_at.isoformat(),
            "days": [
                {
                    "date": d.day.isoformat(),
                    "new": round(d.new, 1),
                    "review": round(d.review, 1),
                    "final_pass": round(d.final, 1),
                    "minutes": round(d.minutes, 1),
                }
                for d in self.days
            ],
            "readiness_if_followed": self.if_followed,
            "skip_day": self.skip_day.isoformat() if self.skip_day is not None else None,
            "readiness_if_you_skip": self.if_skipped,
            "skipping_costs": self.skipping_costs,
            "forecast": self.forecast,
            "final_pass_target": self.target,
            "new_per_day_needed": self.pace.per_day,
            "new_per_day_limit": self.pace.limit,
            "new_short_by": self.pace.short_by,
            "study_share": self.habits.study_share,
            "study_days": self.habits.days_studied,  # past ones the habits are read from
        }


def deck_plan(
    store: Store, deck: Deck, clock: Clock, rules: PlanRules | None = None
) -> DeckPlan | None:
    """None without a seminar ahead (or without questions)."""
    rules = stored_rules(store, rules)
    now = clock.now()
    settings = store.settings(deck.id)
    inputs = outlook_inputs(store, deck, settings, clock, rules)
    seminar = inputs.policy.seminar_ahead(now)
    followed = forecast(inputs, now, clock.tz, rules, every_day=True)
    honest = forecast(inputs, now, clock.tz, rules)
    if seminar is None or followed is None or honest is None:
        return None
    today = study_date(now, clock.tz, rules.day_starts)
    # The next study day that holds work: skipping one that holds none costs nothing.
    skip_day = next(
        (d.day for d in followed.days if d.day > today and d.new + d.review + d.final > 0),
        None,
    )
    skipped = (
        forecast(inputs, now, clock.tz, rules, every_day=True, skip=skip_day)
        if skip_day is not None
        else None
    )
    work = session_work(
        inputs.ids,
        inputs.cards,
        inputs.passed,
        inputs.policy,
        inputs.new_per_day,
        inputs.introduced_today,
        now,
        clock.tz,
        rules,
    )
    assert work.pace is not None
    return DeckPlan(
        deck,
        seminar,
        followed.days,
        followed.readiness,
        skip_day,
        skipped.readiness if skipped is not None else None,
        honest.readiness,
        work.pace,
        inputs.habits,
        rules.final.target,
        today,
    )
