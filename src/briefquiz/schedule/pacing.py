"""How many new questions a session introduces: as early as the seminar allows.

Every unseen question is introduced at the first study session, up to `FRONT_LOAD` a study
day (about an hour of first sights); more than that only when the date needs it, since
every question must be introduced by three days before the seminar, so that it has been
reviewed at least once, a day or more later, before the final pass. In the simulator
(`bench/seminar.py`) introducing everything at once beat spreading the questions evenly up
to that deadline at every horizon: each question then has more days and reviews before the
final pass, and fewer are missed on the last evening.

The pace is recomputed each study day from what is still unseen, so a skipped day is caught
up on the next. A limit the student set is a cap that is never overridden; the pace then
says how many a day the seminar needs to have everything introduced by the deadline.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

from briefquiz.schedule.study_day import DAY_STARTS, study_date

INTRODUCE_BY = timedelta(days=3)
FRONT_LOAD = 120  # new questions a study day starts beyond what the date needs


@dataclass(frozen=True, slots=True)
class NewPace:
    today: int  # new questions still to introduce in this study day
    per_day: int  # what the seminar needs each day from today on, to meet the deadline
    days_left: int  # study days left to introduce the rest, today included
    limit: int | None  # the student's own limit, if one is set
    unseen: int  # questions never introduced, besides those introduced today

    @property
    def short_by(self) -> int:
        """How many more a day the seminar needs than the student's limit allows (0: none)."""
        if self.limit is None:
            return 0
        return max(self.per_day - self.limit, 0)


def introduce_by(seminar: datetime) -> datetime:
    return seminar - INTRODUCE_BY


def new_pace(
    unseen: int,
    introduced_today: int,
    now: datetime,
    seminar: datetime,
    tz: tzinfo,
    limit: int | None = None,
    starts: time = DAY_STARTS,
) -> NewPace:
    """The pace for the study day containing `now`. `unseen` excludes today's introductions."""
    today = study_date(now, tz, starts)
    deadline = study_date(introduce_by(seminar), tz, starts)
    days_left = max((deadline - today).days + 1, 1)
    per_day = math.ceil((unseen + introduced_today) / days_left) if unseen else 0
    wanted = max(per_day, min(unseen + introduced_today, FRONT_LOAD)) if unseen else 0
    allowed = wanted if limit is None else min(wanted, limit)
    return NewPace(
        today=min(max(allowed - introduced_today, 0), unseen),
        per_day=per_day,
        days_left=days_left,
        limit=limit,
        unseen=unseen,
    )


def steady_allowance(new_per_day: int, introduced_today: int, unseen: int) -> int:
    """Without a seminar: the daily limit, less what today already introduced."""
    return min(max(new_per_day - introduced_today, 0), unseen)
