"""What the review log says about the student: how often they forget compared with what FSRS
predicts, how often a first sight is right, on what share of days and at what time they
study, and how long an answer takes. The forecast and the plan simulate with these."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from fsrs import Card, Rating, Scheduler, State

from briefquiz.progress.records import ReviewRecord
from briefquiz.schedule.recall import predicted_recall
from briefquiz.schedule.review_log import effective_reviews
from briefquiz.schedule.study_day import DAY_STARTS, study_date

USUAL_TIME = time(19, 0)
SECONDS_NEW, SECONDS_RIGHT, SECONDS_WRONG = 30.0, 12.0, 30.0
ENOUGH_TIMES = 10  # answers of a kind before their own median replaces the default
PRIOR_LAPSES = 2.0  # pseudo-lapses on both sides of the lapse factor
PRIOR_FIRST = (2.0, 2.0)  # pseudo right and wrong first sights
PRIOR_DAYS = 1.0  # a pseudo studied day


@dataclass(frozen=True, slots=True)
class Habits:
    lapse_factor: float = 1.0  # lapses seen / lapses FSRS predicted, on real reviews
    first_right: float = 0.5  # share of first sights answered right
    study_share: float = 1.0  # share of days studied since the first
    days_studied: int = 0  # study days before today the habits are drawn from
    study_time: time = USUAL_TIME  # the usual local time of the first answer of a day
    seconds_new: float = SECONDS_NEW
    seconds_right: float = SECONDS_RIGHT
    seconds_wrong: float = SECONDS_WRONG

    def success(self, card: Card | None, at: datetime) -> float:
        """The chance of a right answer at `at`: FSRS's prediction, scaled by observed lapses."""
        if card is None or card.stability is None:
            return self.first_right
        return min(max(1 - self.lapse_factor * (1 - predicted_recall(card, at)), 0.0), 1.0)


def _median(values: list[float], default: float) -> float:
    return statistics.median(values) if len(values) >= ENOUGH_TIMES else default


def habits_from(
    reviews: Iterable[ReviewRecord], now: datetime, tz: tzinfo, starts: time = DAY_STARTS
) -> Habits:
    """The student's habits from their review log (defaults where it says too little)."""
    log = sorted((r for r in effective_reviews(reviews) if not r.cram), key=lambda r: r.reviewed_at)
    scheduler = Scheduler(enable_fuzzing=False)
    cards: dict[tuple[str, str], Card] = {}
    lapses = predicted = 0.0
    first = [0, 0]
    new_s: list[float] = []
    right_s: list[float] = []
    wrong_s: list[float] = []
    first_of_day: dict[date, datetime] = {}
    for r in log:
        key = (r.deck_id, r.question_id)
        card = cards.get(key)
        seconds = r.duration_ms / 1000
        if card is None:
            first[r.rating == Rating.Again] += 1
            card = Card(card_id=1, due=r.reviewed_at)
            if seconds:
                new_s.append(seconds)
        else:
            if card.state is State.Review:
                predicted += 1 - predicted_recall(card, r.reviewed_at)
                lapses += r.rating == Rating.Again
            if seconds:
                (wrong_s if r.rating == Rating.Again else right_s).append(seconds)
        cards[key], _log = scheduler.review_card(card, Rating(r.rating), r.reviewed_at)
        first_of_day.setdefault(study_date(r.reviewed_at, tz, starts), r.reviewed_at)
    today = study_date(now, tz, starts)
    past = [d for d in first_of_day if d < today]
    share = 1.0
    if past:
        span = (today - min(past)).days
        share = min((len(past) + PRIOR_DAYS) / (span + PRIOR_DAYS), 1.0)
    times = sorted(
        (t.astimezone(tz).hour * 60 + t.astimezone(tz).minute) for t in first_of_day.values()
    )
    usual = USUAL_TIME
    if times:
        minutes = times[len(times) // 2]
        usual = time(minutes // 60, minutes % 60)
    right, wrong = first
    return Habits(
        lapse_factor=(lapses + PRIOR_LAPSES) / (predicted + PRIOR_LAPSES),
        first_right=(right + PRIOR_FIRST[0]) / (right + wrong + sum(PRIOR_FIRST)),
        study_share=share,
        days_studied=len(past),
        study_time=usual,
        seconds_new=_median(new_s, SECONDS_NEW),
        seconds_right=_median(right_s, SECONDS_RIGHT),
        seconds_wrong=_median(wrong_s, SECONDS_WRONG),
    )
