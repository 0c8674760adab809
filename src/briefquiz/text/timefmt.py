"""Times and durations as people say them."""

from __future__ import annotations

from datetime import datetime, tzinfo

from briefquiz.text.words import plural


def duration(seconds: float) -> str:
    """`42 s`, `3 min`, `5 h`, `2 days`, `3 weeks`, `4 months`."""
    seconds = abs(seconds)
    if round(seconds) < 60:
        return f"{round(seconds)} s"
    minutes = seconds / 60
    if round(minutes) < 60:
        return f"{round(minutes)} min"
    hours = minutes / 60
    if round(hours) < 24:
        return f"{round(hours)} h"
    days = hours / 24
    if days < 14:
        whole = round(days)
        return plural(whole, "day")
    if days < 60:
        return f"{round(days / 7)} weeks"
    if days < 730:
        return f"{round(days / 30.4)} months"
    return f"{round(days / 365.25)} years"


def relative(when: datetime, now: datetime) -> str:
    """`now`, `in 10 min`, `in 3 days`, `2 h ago`."""
    delta = (when - now).total_seconds()
    if abs(delta) < 30:
        return "now"
    return f"in {duration(delta)}" if delta > 0 else f"{duration(delta)} ago"


def until(when: datetime, now: datetime) -> str:
    """`now` or `in 3 days`: how long until something due, never `ago` (what was due at a
    time already past is due now, however far back the clock was when it was set)."""
    delta = (when - now).total_seconds()
    return "now" if delta < 30 else f"in {duration(delta)}"


def local(when: datetime, tz: tzinfo) -> str:
    """`Thu 3 Dec 14:00` in the user's time zone."""
    shown = when.astimezone(tz)
    return f"{shown:%a} {shown.day} {shown:%b %Y %H:%M}"


def percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def countdown(when: datetime, now: datetime, *, compact: bool = False) -> str:
    """`in 3 days 14 h`, `in 5 h 20 min`, `in 12 min`, `now`: a finer `relative` for a moment
    ahead (`relative` rounds to one unit, so 2½ days read "in 3 days"); a moment past reads
    as `relative` does. `compact`: `3d 14h`, `5h 20m`, `12m`, for a table cell."""
    seconds = (when - now).total_seconds()
    if seconds < 60:
        return relative(when, now)
    minutes = int(seconds // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if compact:
        if days:
            return f"{days}d {hours}h"
        return f"{hours}h {minutes}m" if hours else f"{minutes}m"
    if days:
        return f"in {plural(days, 'day')}" + (f" {hours} h" if hours else "")
    if hours:
        return f"in {hours} h" + (f" {minutes} min" if minutes else "")
    return f"in {minutes} min"


def short_moment(when: datetime, tz: tzinfo) -> str:
    """`Thu 3 Dec 09:00`: `local` without the year, for a moment in the coming weeks."""
    shown = when.astimezone(tz)
    return f"{shown:%a} {shown.day} {shown:%b %H:%M}"
