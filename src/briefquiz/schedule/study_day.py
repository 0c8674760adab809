"""The student's study day: it ends at 04:00 local time by default, as Anki's "next day starts at".

A review due at 02:10 belongs to the evening before, and "due today" means due before the
end of the study day, not due at this very instant.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

DAY_STARTS = time(4, 0)


def study_date(at: datetime, tz: tzinfo, starts: time = DAY_STARTS) -> date:
    """The calendar date on which the study day containing `at` began."""
    local = at.astimezone(tz)
    day = local.date()
    return day - timedelta(days=1) if local.time() < starts else day


def study_day_bounds(
    at: datetime, tz: tzinfo, starts: time = DAY_STARTS
) -> tuple[datetime, datetime]:
    """The start and end (UTC) of the study day containing `at`."""
    day = study_date(at, tz, starts)
    start = datetime.combine(day, starts, tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), starts, tzinfo=tz).astimezone(UTC)
    return start, end


def study_day_end(at: datetime, tz: tzinfo, starts: time = DAY_STARTS) -> datetime:
    """When the study day containing `at` ends (UTC): what is due before then is due today."""
    return study_day_bounds(at, tz, starts)[1]
