"""How ready a deck is for its seminar: mean predicted recall at the seminar time."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Card, Rating

from briefquiz.clock import Clock, local_day
from briefquiz.deck.model import Deck
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Planner, Policy
from briefquiz.schedule.recall import predicted_recall

MAX_SIMULATED_REVIEWS = 64


@dataclass(frozen=True, slots=True)
class Readiness:
    seminar_at: datetime
    if_you_stop: float  # mean recall at the seminar with no more study
    if_you_keep_up: float  # ... reviewing everything when due, new questions at the daily pace


def readiness(
    cards: Sequence[Card | None],
    now: datetime,
    policy: Policy,
    new_per_day: int,
    planner: Planner | None = None,
    introduced_today: int = 0,
) -> Readiness | None:
    """None when no seminar is ahead. `cards` holds one entry per question, None if new.

    Keeping up starts new questions at the daily pace, today's share less what today
    already introduced (`introduced_today`)."""
    seminar = policy.seminar_ahead(now)
    if seminar is None or not cards:
        return None
    planner = planner or Planner(fuzz=False)
    stop = [predicted_recall(card, seminar) for card in cards]
    keep_up: list[float] = []
    new_seen = 0
    for card in cards:
        if card is None:
            if new_per_day <= 0:  # no new questions a day: this one is never started
                keep_up.append(0.0)
                continue
            slot = new_seen + min(max(introduced_today, 0), new_per_day)
            start = now + timedelta(days=slot // new_per_day)
            new_seen += 1
            if start >= seminar:
                keep_up.append(0.0)
                continue
            card = Card(card_id=1, due=start)
        keep_up.append(_recall_keeping_up(card, now, seminar, policy, planner))
    return Readiness(seminar, sum(stop) / len(stop), sum(keep_up) / len(keep_up))


def _recall_keeping_up(
    card: Card, now: datetime, seminar: datetime, policy: Policy, planner: Planner
) -> float:
    """Review the card with Good at each due time until the next one falls after the seminar."""
    simulated = copy.copy(card)
    for _ in range(MAX_SIMULATED_REVIEWS):
        when = max(simulated.due, now)
        if when >= seminar:
            break
        simulated = planner.review(simulated, Rating.Good, when, policy)
    return predicted_recall(simulated, seminar)


def deck_readiness(
    deck: Deck,
    settings: DeckSettings,
    cards: Mapping[str, Card],
    now: datetime,
    introduced_today: int = 0,
) -> Readiness | None:
    """Readiness of a deck under its own settings; None without a seminar ahead."""
    policy = Policy(settings.desired_retention, settings.seminar_at)
    if policy.seminar_ahead(now) is None:
        return None
    per_question = [cards.get(q.id) for q in deck.questions]
    return readiness(
        per_question, now, policy, settings.new_per_day, introduced_today=introduced_today
    )


def introduced_today(store: Store, deck_id: str, clock: Clock) -> int:
    """New questions of the deck already started today (local day)."""
    return store.new_introduced_on(deck_id, *local_day(clock))
