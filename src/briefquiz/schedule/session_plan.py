"""What one session of a deck holds: reviews due by the end of the study day, new questions
at the seminar's pace (or the daily limit), and, in the final window, the final pass.

Before the final window a due review waits while its predicted recall a day from now (at the
next session) stays at or above `PlanRules.defer_above`: the final pass asks every weak
question anyway, so the minutes are better spent there. It also waits while less than a day
has passed since its last review: fsrs counts whole days, so such a review is a same-day
one, which barely raises stability (x1.05 for Good), while the same review a session later
gains the full interval's worth.

The session (`study.session`) and the forecast (`schedule.forecast`) both ask this module, so
what the forecast simulates is what the sessions will do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta, tzinfo

from fsrs import Card, State

from briefquiz.progress.records import ReviewRecord
from briefquiz.schedule.final_pass import FinalPass, passed_in_window, weak_questions
from briefquiz.schedule.pacing import NewPace, new_pace, steady_allowance
from briefquiz.schedule.planner import Policy
from briefquiz.schedule.recall import predicted_recall
from briefquiz.schedule.settings import DEFAULT_NEW_PER_DAY
from briefquiz.schedule.study_day import DAY_STARTS, study_date, study_day_bounds

DEFER_ABOVE = 0.90
NEXT_SESSION = timedelta(days=1)
SAME_DAY = timedelta(days=1)  # fsrs treats a review less than this after the last as same-day
#: Learning steps due this soon are asked in the session rather than left for later.
LEARN_AHEAD = timedelta(minutes=20)


@dataclass(frozen=True, slots=True)
class PlanRules:
    """The planner's settings: when the study day ends, when a due review may wait (before
    the final window) and the final pass."""

    day_starts: time = DAY_STARTS
    final: FinalPass = field(default_factory=FinalPass)
    defer_above: float = DEFER_ABOVE

    def final_opens(self, seminar: datetime, tz: tzinfo) -> datetime:
        """When the final pass starts: the final window's opening, but not before the study
        day before the seminar's own (a pass two evenings before would be asked twice)."""
        day_before = study_date(seminar, tz, self.day_starts) - timedelta(days=1)
        start = datetime.combine(day_before, self.day_starts, tzinfo=tz).astimezone(UTC)
        return max(self.final.opens(seminar), start)


@dataclass(frozen=True, slots=True)
class SessionWork:
    due_by: datetime  # reviews due before this are due today
    new: int  # new questions to introduce now
    final: tuple[str, ...]  # question ids of the final pass, weakest first
    pace: NewPace | None  # None without a seminar ahead
    no_fuzz_after: datetime | None  # the final window's opening, while a seminar is ahead
    deferred: frozenset[str] = frozenset()  # due reviews that wait for a later session


def session_work(
    question_ids: Sequence[str],
    cards: Mapping[str, Card],
    reviews: Iterable[ReviewRecord] | set[str],
    policy: Policy,
    new_per_day: int | None,
    introduced_today: int,
    now: datetime,
    tz: tzinfo,
    rules: PlanRules,
) -> SessionWork:
    """The work of one deck at `now`. `reviews` is its review log, or the set of questions
    already passed in this study day of the final window (what the forecast keeps track of
    itself). `new_per_day` is the student's limit, None when they set none."""
    day_start, due_by = study_day_bounds(now, tz, rules.day_starts)
    unseen = sum(1 for qid in question_ids if qid not in cards)
    seminar = policy.seminar_ahead(now)
    if seminar is None:
        return SessionWork(
            due_by,
            steady_allowance(
                DEFAULT_NEW_PER_DAY if new_per_day is None else new_per_day,
                introduced_today,
                unseen,
            ),
            (),
            None,
            None,
        )
    pace = new_pace(unseen, introduced_today, now, seminar, tz, new_per_day, rules.day_starts)
    wanted = set(question_ids)
    mine = {qid: card for qid, card in cards.items() if qid in wanted}
    opens = rules.final_opens(seminar, tz)
    if now < opens:
        deferred = frozenset(_deferred(mine, now, due_by, rules))
        return SessionWork(due_by, pace.today, (), pace, opens, deferred)
    passed = (
        reviews
        if isinstance(reviews, set)
        else passed_in_window(reviews, seminar, rules.final, since=day_start)
    )
    final = tuple(weak_questions(mine, seminar, rules.final, passed))
    return SessionWork(due_by, pace.today, final, pace, opens)


def _deferred(
    cards: Mapping[str, Card], now: datetime, due_by: datetime, rules: PlanRules
) -> list[str]:
    """Reviews due today whose predicted recall at the next session is still high enough, or
    that were last reviewed less than a day ago (fsrs would count it as the same day)."""
    later = now + NEXT_SESSION
    return [
        qid
        for qid, card in cards.items()
        if card.state is State.Review
        and card.due < due_by
        and (predicted_recall(card, later) >= rules.defer_above or same_day(card, now))
    ]


def same_day(card: Card, now: datetime) -> bool:
    """Whether fsrs would count a review now as on the same day as the card's last one."""
    return card.last_review is not None and now - card.last_review < SAME_DAY
