"""How ready a deck is for its seminar: mean recall at the seminar moment, if the student
stops now, and as forecast from their own habits (`schedule.forecast`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from fsrs import Card

from briefquiz.clock import Clock
from briefquiz.deck.model import Deck
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.final_pass import passed_in_window
from briefquiz.schedule.forecast import RUNS, DeckOutlookInputs, forecast
from briefquiz.schedule.habits import Habits, habits_from
from briefquiz.schedule.planner import Policy
from briefquiz.schedule.session_plan import PlanRules
from briefquiz.schedule.stored_rules import stored_rules
from briefquiz.schedule.study_day import study_day_bounds


@dataclass(frozen=True, slots=True)
class Readiness:
    seminar_at: datetime
    if_you_stop: float  # mean recall at the seminar with no more study
    if_you_keep_up: float  # forecast: the plan, at the student's observed accuracy and days
    habits: Habits = field(default_factory=Habits)


def outlook_inputs(
    store: Store,
    deck: Deck,
    settings: DeckSettings,
    clock: Clock,
    rules: PlanRules,
    cards: Mapping[str, Card] | None = None,
) -> DeckOutlookInputs:
    now = clock.now()
    ids = tuple(q.id for q in deck.questions)
    every = store.cards(deck.id) if cards is None else cards
    reviews = store.reviews(deck.id)
    policy = Policy(settings.desired_retention, settings.seminar_at)
    seminar = policy.seminar_ahead(now)
    start, end = study_day_bounds(now, clock.tz, rules.day_starts)
    passed = (
        passed_in_window(reviews, seminar, rules.final, since=start)
        if seminar is not None
        else set()
    )
    return DeckOutlookInputs(
        ids,
        {q: c for q, c in every.items() if q in set(ids)},
        passed,
        policy,
        settings.new_per_day,
        store.new_introduced_on(deck.id, start, end),
        habits_from(reviews, now, clock.tz, rules.day_starts),
    )


def readiness_of(
    inputs: DeckOutlookInputs,
    now: datetime,
    tz: tzinfo,
    rules: PlanRules | None = None,
    runs: int = RUNS,
) -> Readiness | None:
    """Readiness from what the store said; None without a seminar ahead or questions."""
    rules = rules or PlanRules()
    seminar = inputs.policy.seminar_ahead(now)
    if seminar is None or not inputs.ids:
        return None
    habits = inputs.habits
    ahead = forecast(inputs, now, tz, rules, runs=runs)
    assert ahead is not None
    stop = sum(
        habits.success(inputs.cards[q], seminar) if q in inputs.cards else 0.0 for q in inputs.ids
    ) / len(inputs.ids)
    return Readiness(seminar, stop, ahead.readiness, habits)


def deck_readiness(
    store: Store,
    deck: Deck,
    settings: DeckSettings,
    clock: Clock,
    rules: PlanRules | None = None,
    cards: Mapping[str, Card] | None = None,
    runs: int = RUNS,
) -> Readiness | None:
    """Readiness of a deck under its own settings; None without a seminar ahead."""
    rules = stored_rules(store, rules)
    now = clock.now()
    if Policy(settings.desired_retention, settings.seminar_at).seminar_ahead(now) is None:
        return None
    inputs = outlook_inputs(store, deck, settings, clock, rules, cards)
    return readiness_of(inputs, now, clock.tz, rules, runs)
