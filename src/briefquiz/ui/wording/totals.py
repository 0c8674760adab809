"""How a finished session is summed up, in every front end."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from briefquiz.schedule.readiness import Readiness
from briefquiz.study.reports import Summary
from briefquiz.text.timefmt import duration, local, percent, until

CLOCK_SLACK = timedelta(minutes=5)  # two machines' clocks may differ by this much


def session_totals(summary: Summary) -> list[str]:
    """`answered 12`, `right 8 of 11`, `partly right 1`, `self-graded 1`, `time 3 min`."""
    graded = summary.right + summary.partial + summary.wrong
    parts = [f"answered {summary.answered}"]
    if graded:
        parts.append(f"right {summary.right} of {graded}")
        if summary.partial:
            parts.append(f"partly right {summary.partial}")
    if summary.self_graded:
        parts.append(f"self-graded {summary.self_graded}")
    parts.append(f"time {duration(summary.seconds)}")
    return parts


def next_due_line(due: datetime, now: datetime, tz: tzinfo) -> str:
    """`Next due: in 10 min (Tue 3 Dec 14:05)`; `Next due: now (...)` for a time past."""
    return f"Next due: {until(due, now)} ({local(due, tz)})"


def next_review(due: datetime | None, now: datetime) -> str:
    """After an answer: `in 3 days`, `due now` (never `ago`), or `unchanged (cram)`."""
    if due is None:
        return "unchanged (cram)"
    shown = until(due, now)
    return "due now" if shown == "now" else shown


def clock_behind_line(newest_review: datetime, now: datetime, tz: tzinfo) -> str | None:
    """A warning when reviews are dated after the clock's now: the clock went back, or was
    ahead when they were made. Their schedules then count from that later date."""
    if newest_review - now < CLOCK_SLACK:
        return None
    return (
        f"Your newest review is dated {local(newest_review, tz)}, "
        f"{duration((newest_review - now).total_seconds())} after the time now "
        f"({local(now, tz)}): check the system clock; questions reviewed then come due "
        "counting from that date."
    )


def readiness_change(before: Readiness | None, after: Readiness) -> str:
    """`readiness 40% → 55% (keeping up: 80%)`; `?` when there was none before."""
    was = percent(before.if_you_stop) if before is not None else "?"
    return (
        f"readiness {was} → {percent(after.if_you_stop)}"
        f" (keeping up: {percent(after.if_you_keep_up)})"
    )
