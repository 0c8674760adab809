"""The honest forecast and the day-by-day plan: the planner's own sessions, simulated.

Each run walks the study days up to the seminar. On a day the student studies (at their
usual time, with the share of days they have studied so far) the session holds what
`session_plan` would give it; each answer is right with the student's own chance (FSRS's
prediction scaled by the lapses they have actually had), and a card goes through FSRS as
the real session would. Readiness is the mean chance of recalling each question at the
seminar moment, over a few seeded runs.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from fsrs import Card, Rating, State

from briefquiz.schedule.habits import Habits
from briefquiz.schedule.planner import Planner, Policy
from briefquiz.schedule.session_plan import LEARN_AHEAD, PlanRules, session_work
from briefquiz.schedule.study_day import study_date

RUNS = 8
MAX_STEPS = 6  # answers to one question in one session, learning steps included


@dataclass(frozen=True, slots=True)
class DayPlan:
    day: date  # the study day (it ends at 04:00 the next morning, by default)
    new: float  # mean questions over the runs that study that day
    review: float
    final: float
    minutes: float


@dataclass(frozen=True, slots=True)
class Forecast:
    readiness: float  # mean chance of recall at the seminar
    days: tuple[DayPlan, ...]


@dataclass(slots=True)
class _Run:
    cards: dict[str, Card]
    passed: set[str]
    rng: random.Random


def _session_at(day: date, habits: Habits, tz: tzinfo, rules: PlanRules) -> datetime:
    shift = timedelta(days=1) if habits.study_time < rules.day_starts else timedelta(0)
    return datetime.combine(day + shift, habits.study_time, tzinfo=tz).astimezone(UTC)


def _answer(
    run: _Run, qid: str, at: datetime, habits: Habits, planner: Planner, policy: Policy
) -> tuple[bool, float]:
    """Ask one question until it leaves learning (or MAX_STEPS); its minutes and first result."""
    card = run.cards.get(qid)
    seconds = 0.0
    first_right = False
    for step in range(MAX_STEPS):
        right = run.rng.random() < habits.success(card, at)
        if step == 0:
            first_right = right
            seconds += habits.seconds_new if card is None else 0.0
        seconds += habits.seconds_right if right else habits.seconds_wrong
        current = card or Card(card_id=1, due=at)
        card = planner.review(current, Rating.Good if right else Rating.Again, at, policy)
        at += timedelta(seconds=seconds)
        if card.state is State.Review or card.due > at + LEARN_AHEAD:
            break
        at = max(at, card.due - LEARN_AHEAD)
    assert card is not None
    run.cards[qid] = card
    return first_right, seconds / 60


def _session(
    run: _Run,
    ids: Sequence[str],
    at: datetime,
    introduced: int,
    policy: Policy,
    new_per_day: int | None,
    tz: tzinfo,
    rules: PlanRules,
    habits: Habits,
    planner: Planner,
) -> tuple[int, int, int, float]:
    work = session_work(ids, run.cards, run.passed, policy, new_per_day, introduced, at, tz, rules)
    final = set(work.final)
    due = [
        qid
        for qid, c in run.cards.items()
        if qid not in final
        and qid not in work.deferred
        and c.due < (work.due_by if c.state is State.Review else at + LEARN_AHEAD)
    ]
    new = [qid for qid in ids if qid not in run.cards][: work.new]
    minutes = 0.0
    for qid in due + new:
        minutes += _answer(run, qid, at, habits, planner, policy)[1]
    for qid in work.final:
        for _try in range(rules.final.tries):
            right, spent = _answer(run, qid, at, habits, planner, policy)
            minutes += spent
            if right:
                run.passed.add(qid)
                break
    return len(new), len(due), len(work.final), minutes


@dataclass(frozen=True, slots=True)
class DeckOutlookInputs:
    """What the forecast of one deck starts from, read from the store once."""

    ids: tuple[str, ...]
    cards: dict[str, Card]
    passed: set[str]  # passed in the final window already
    policy: Policy
    new_per_day: int | None  # the student's limit (None: not set)
    introduced_today: int
    habits: Habits


def forecast(
    inputs: DeckOutlookInputs,
    now: datetime,
    tz: tzinfo,
    rules: PlanRules | None = None,
    *,
    every_day: bool = False,
    runs: int = RUNS,
    seed: int = 0,
    skip: date | None = None,
) -> Forecast | None:
    """None without a seminar ahead. With `every_day`, the plan if followed; else the student's
        own share of days, and always on the last evening before the seminar (the final pass;
    the plan's premise). The session now is taken as happening (it is why one asks). No
    session is held on the study day `skip` (what skipping a day costs)."""
    ids, cards, passed, policy = inputs.ids, inputs.cards, inputs.passed, inputs.policy
    new_per_day, introduced_today, habits = (
        inputs.new_per_day,
        inputs.introduced_today,
        inputs.habits,
    )
    seminar = policy.seminar_ahead(now)
    if seminar is None or not ids:
        return None
    rules = rules or PlanRules()
    planner = Planner(fuzz=False)
    first_day = study_date(now, tz, rules.day_starts)
    last_day = study_date(seminar, tz, rules.day_starts)
    last_evening = last_day  # the last study day with a session before the seminar
    while last_evening > first_day and _session_at(last_evening, habits, tz, rules) >= seminar:
        last_evening -= timedelta(days=1)
    totals: dict[date, list[float]] = {}
    recall = 0.0
    for index in range(runs):
        run = _Run(
            {q: copy.copy(c) for q, c in cards.items()}, set(passed), random.Random(seed + index)
        )
        day = first_day
        while day <= last_day:
            at = now if day == first_day else _session_at(day, habits, tz, rules)
            studies = day != skip and (
                every_day
                or day in (first_day, last_evening)
                or run.rng.random() < habits.study_share
            )
            if day != first_day:
                run.passed.clear()  # the final pass excludes what was passed this study day
            if studies and now <= at < seminar:
                counts = _session(
                    run,
                    ids,
                    at,
                    introduced_today if day == first_day else 0,
                    policy,
                    new_per_day,
                    tz,
                    rules,
                    habits,
                    planner,
                )
                sums = totals.setdefault(day, [0.0, 0.0, 0.0, 0.0])
                for k, value in enumerate(counts):
                    sums[k] += value
            day += timedelta(days=1)
        recall += sum(
            habits.success(run.cards.get(q), seminar) if q in run.cards else 0.0 for q in ids
        )
    days = tuple(
        DayPlan(d, s[0] / runs, s[1] / runs, s[2] / runs, s[3] / runs)
        for d, s in sorted(totals.items())
    )
    return Forecast(recall / (runs * len(ids)), days)
