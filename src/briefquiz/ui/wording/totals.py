"""How a finished session is summed up, in every front end."""

from __future__ import annotations

from datetime import datetime, tzinfo

from briefquiz.schedule.readiness import Readiness
from briefquiz.study.reports import Summary
from briefquiz.text.timefmt import duration, local, percent, relative


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
    """`Next due: in 10 min (Tue 3 Dec 14:05)`."""
    return f"Next due: {relative(due, now)} ({local(due, tz)})"


def readiness_change(before: Readiness | None, after: Readiness) -> str:
    """`readiness 40% → 55% (keeping up: 80%)`; `?` when there was none before."""
    was = percent(before.if_you_stop) if before is not None else "?"
    return (
        f"readiness {was} → {percent(after.if_you_stop)}"
        f" (keeping up: {percent(after.if_you_keep_up)})"
    )
