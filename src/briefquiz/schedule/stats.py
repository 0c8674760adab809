"""Numbers about a deck's progress: counts, forecast, accuracy, retention, streak, readiness."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from fsrs import Card, State

from briefquiz.clock import Clock
from briefquiz.deck.model import Deck
from briefquiz.progress.records import ReviewRecord
from briefquiz.progress.repository import Store
from briefquiz.schedule.readiness import Readiness, deck_readiness
from briefquiz.schedule.review_log import effective_reviews as effective_reviews
from briefquiz.schedule.settings import DEFAULT_RETENTION
from briefquiz.schedule.stored_rules import stored_rules
from briefquiz.schedule.study_day import study_date


@dataclass(frozen=True, slots=True)
class DeckStats:
    deck: Deck
    new: int
    learning: int
    review: int
    due_now: int  # due by FSRS; `study.due.session_stats` counts what a session asks now
    forecast: tuple[tuple[date, int], ...]  # due per study day, today first (overdue counted today)
    reviews: int  # every answer, cram included
    accuracy: float | None  # right (partial counts half) among auto-graded answers, cram aside
    retention: float | None  # share of repeat reviews not rated Again
    streak: int  # consecutive study days with a review, up to today (or yesterday)
    daily_reviews: tuple[tuple[date, int], ...]  # the last 14 study days, oldest first
    tag_accuracy: dict[str, tuple[float, int]] = field(default_factory=dict)
    seminar_at: datetime | None = None
    readiness: Readiness | None = None
    desired_retention: float = DEFAULT_RETENTION
    cram_reviews: int = 0  # of `reviews`, those given in cram
    seminar_day: date | None = None  # the study day the seminar falls on (the plan's)

    def to_json(self) -> dict[str, Any]:
        return {
            "deck": self.deck.id,
            "title": self.deck.title,
            "questions": len(self.deck.questions),
            "new": self.new,
            "learning": self.learning,
            "review": self.review,
            "due_now": self.due_now,
            "forecast": [{"date": d.isoformat(), "due": n} for d, n in self.forecast],
            "reviews": self.reviews,
            "cram_reviews": self.cram_reviews,
            "accuracy": self.accuracy,
            "retention": self.retention,
            "streak_days": self.streak,
            "daily_reviews": [{"date": d.isoformat(), "reviews": n} for d, n in self.daily_reviews],
            "tag_accuracy": {
                t: {"accuracy": a, "answers": n} for t, (a, n) in self.tag_accuracy.items()
            },
            "desired_retention": self.desired_retention,
            "seminar_at": self.seminar_at.isoformat() if self.seminar_at else None,
            "readiness": None
            if self.readiness is None
            else {
                "if_you_stop": self.readiness.if_you_stop,
                "if_you_keep_up": self.readiness.if_you_keep_up,
            },
        }


_SCORES = {"right": 1.0, "partial": 0.5, "wrong": 0.0}

#: A repeat tells of retention only when memory had time to fade: a re-ask in the same
#: sitting (a learning step, minutes later) says nothing of what is kept.
RETENTION_GAP = timedelta(days=1)


def spaced_repeats(log: Iterable[ReviewRecord]) -> list[ReviewRecord]:
    """The scheduled reviews given a day or more after the question's previous one."""
    last: dict[str, datetime] = {}
    repeats: list[ReviewRecord] = []
    for r in sorted((r for r in log if not r.cram), key=lambda r: r.reviewed_at):
        before = last.get(r.question_id)
        if before is not None and r.reviewed_at - before >= RETENTION_GAP:
            repeats.append(r)
        last[r.question_id] = r.reviewed_at
    return repeats


def deck_stats(store: Store, deck: Deck, clock: Clock, forecast_days: int = 7) -> DeckStats:
    now = clock.now()
    starts = stored_rules(store).day_starts
    today = study_date(now, clock.tz, starts)  # a review at 01:30 is the evening's, as in plan

    def day_of(at: datetime) -> date:
        return study_date(at, clock.tz, starts)

    settings = store.settings(deck.id)
    all_cards = store.cards(deck.id)
    cards: dict[str, Card] = {q.id: all_cards[q.id] for q in deck.questions if q.id in all_cards}
    states = Counter(card.state for card in cards.values())

    due_by_day: Counter[date] = Counter()
    for card in cards.values():
        day = max(day_of(card.due), today)
        due_by_day[day] += 1
    forecast = tuple(
        (today + timedelta(days=i), due_by_day[today + timedelta(days=i)])
        for i in range(forecast_days)
    )

    ids = {q.id for q in deck.questions}
    log = [r for r in effective_reviews(store.reviews(deck.id)) if r.question_id in ids]
    # Cram leaves the schedule alone, and so the accuracy: a quick run through everything
    # the night before (or answers thrown in to see the grader) is not how well it is known.
    graded = [r for r in log if r.outcome in _SCORES and not r.cram]
    accuracy = sum(_SCORES[r.outcome] for r in graded) / len(graded) if graded else None

    repeats = spaced_repeats(log)
    retention = sum(r.rating > 1 for r in repeats) / len(repeats) if repeats else None

    days_with_reviews = {day_of(r.reviewed_at) for r in log}
    streak = 0
    day = today if today in days_with_reviews else today - timedelta(days=1)
    while day in days_with_reviews:
        streak += 1
        day -= timedelta(days=1)

    per_day = Counter(day_of(r.reviewed_at) for r in log)
    daily = tuple(
        (today - timedelta(days=i), per_day[today - timedelta(days=i)]) for i in range(13, -1, -1)
    )

    tags: dict[str, list[float]] = {}
    by_id = {q.id: q for q in deck.questions}
    for r in graded:
        for tag in by_id[r.question_id].tags:
            tags.setdefault(tag, []).append(_SCORES[r.outcome])
    tag_accuracy = {t: (sum(v) / len(v), len(v)) for t, v in sorted(tags.items())}

    ready = deck_readiness(store, deck, settings, clock, cards=cards)
    new = len(deck.questions) - len(cards)
    return DeckStats(
        deck=deck,
        new=new,
        learning=states[State.Learning] + states[State.Relearning],
        review=states[State.Review],
        due_now=sum(1 for c in cards.values() if c.due <= now),
        forecast=forecast,
        reviews=len(log),
        cram_reviews=sum(r.cram for r in log),
        accuracy=accuracy,
        retention=retention,
        streak=streak,
        daily_reviews=daily,
        tag_accuracy=tag_accuracy,
        seminar_at=settings.seminar_at,
        seminar_day=day_of(settings.seminar_at) if settings.seminar_at else None,
        readiness=ready,
        desired_retention=settings.desired_retention,
    )
