"""What one session of a deck holds: reviews due by the end of the study day, new questions
at the seminar's pace (or the daily limit), and, in the final window, the final pass.

The session (`study.session`) and the forecast (`schedule.forecast`) both ask this module, so
what the forecast simulates is what the sessions will do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, tzinfo

from fsrs import Card

from briefquiz.progress.records import ReviewRecord
from briefquiz.schedule.final_pass import FinalPass, passed_in_window, weak_questions
from briefquiz.schedule.pacing import NewPace, new_pace, steady_allowance
from briefquiz.schedule.planner import Policy
from briefquiz.schedule.settings import DEFAULT_NEW_PER_DAY
from briefquiz.schedule.study_day import DAY_STARTS, study_day_end


@dataclass(frozen=True, slots=True)
class PlanRules:
    """The planner's settings: when the study day ends and the final pass."""

    day_starts: time = DAY_STARTS
    final: FinalPass = field(default_factory=FinalPass)


def student_limit(new_per_day: int) -> int | None:
    """The new-per-day limit the student set, or None when it is still the default.

    The store keeps no "unset" marker yet, so the default value itself means unset."""
    return None if new_per_day == DEFAULT_NEW_PER_DAY else new_per_day


@dataclass(frozen=True, slots=True)
class SessionWork:
    due_by: datetime  # reviews due before this are due today
    new: int  # new questions to introduce now
    final: tuple[str, ...]  # question ids of the final pass, weakest first
    pace: NewPace | None  # None without a seminar ahead
    no_fuzz_after: datetime | None  # the final window's opening, while a seminar is ahead


def session_work(
    question_ids: Sequence[str],
    cards: Mapping[str, Card],
    reviews: Iterable[ReviewRecord] | set[str],
    policy: Policy,
    new_per_day: int,
    introduced_today: int,
    now: datetime,
    tz: tzinfo,
    rules: PlanRules,
) -> SessionWork:
    """The work of one deck at `now`. `reviews` is its review log, or the set of questions
    already passed in the final window (what the forecast keeps track of itself)."""
    due_by = study_day_end(now, tz, rules.day_starts)
    unseen = sum(1 for qid in question_ids if qid not in cards)
    seminar = policy.seminar_ahead(now)
    if seminar is None:
        return SessionWork(
            due_by, steady_allowance(new_per_day, introduced_today, unseen), (), None, None
        )
    pace = new_pace(
        unseen, introduced_today, now, seminar, tz, student_limit(new_per_day), rules.day_starts
    )
    final: tuple[str, ...] = ()
    if rules.final.active(now, seminar):
        passed = (
            reviews if isinstance(reviews, set) else passed_in_window(reviews, seminar, rules.final)
        )
        wanted = set(question_ids)
        mine = {qid: card for qid, card in cards.items() if qid in wanted}
        final = tuple(weak_questions(mine, seminar, rules.final, passed))
    return SessionWork(due_by, pace.today, final, pace, rules.final.opens(seminar))
