"""The home screen's line about the chosen deck's text: its seminar countdown, readiness
across all its decks and what today holds, from the core's readiness and due work."""

from __future__ import annotations

from datetime import datetime, tzinfo

from briefquiz.schedule.readiness import Readiness
from briefquiz.study.due import DueWork
from briefquiz.text.timefmt import countdown, percent, short_moment
from briefquiz.ui.wording.words import plural


def text_line(
    title: str,
    decks: int,
    seminar_at: datetime | None,
    ready: Readiness | None,
    today: DueWork,
    now: datetime,
    tz: tzinfo,
) -> str:
    """`Biden and Putin's Russia · seminar in 3 days 14 h (Thu 3 Dec 09:00) ·
    readiness 91% if you keep up, 40% if you stop · today: 12 new, 30 due · p: plan`."""
    head = title
    if seminar_at is None:
        together = f" for its {plural(decks, 'deck')}" if decks > 1 else ""
        return f"{head} · no seminar set · m sets one{together}"
    when = short_moment(seminar_at, tz)
    if seminar_at <= now:
        return f"{head} · the seminar was {when} · m sets the next one"
    parts = [head, f"seminar {countdown(seminar_at, now)} ({when})"]
    if ready is not None:
        parts.append(
            f"readiness {percent(ready.if_you_keep_up)} if you keep up, "
            f"{percent(ready.if_you_stop)} if you stop"
        )
    work = f"today: {today.new} new, {today.due} due" if today.total else "nothing due now"
    parts.append(work)
    parts.append("p: plan")
    return " · ".join(parts)
