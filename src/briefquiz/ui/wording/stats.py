"""The words of a deck's progress numbers: `briefquiz stats` and the app's stats screen."""

from __future__ import annotations

from datetime import datetime, tzinfo

from briefquiz.schedule.stats import DeckStats
from briefquiz.text.timefmt import local, percent, relative
from briefquiz.ui.wording.words import plural


def maybe_percent(value: float | None) -> str:
    """`80%`, or `—` for a share of nothing."""
    return "—" if value is None else percent(value)


def count_parts(stats: DeckStats) -> list[str]:
    """`new 3`, `learning 1`, `review 5`, `due now 2`."""
    return [
        f"new {stats.new}",
        f"learning {stats.learning}",
        f"review {stats.review}",
        f"due now {stats.due_now}",
    ]


def review_parts(stats: DeckStats) -> list[str]:
    """`reviews 40 (12 in cram)`, `accuracy 80%`, `retention 90%`, `streak 3 days`; the
    accuracy and the retention leave cram aside."""
    cram = f" ({stats.cram_reviews} in cram)" if stats.cram_reviews else ""
    return [
        f"reviews {stats.reviews}{cram}",
        f"accuracy {maybe_percent(stats.accuracy)}",
        f"retention {maybe_percent(stats.retention)}",
        f"streak {plural(stats.streak, 'day')}",
    ]


def seminar_parts(stats: DeckStats, now: datetime, tz: tzinfo) -> list[str]:
    """The seminar and the readiness for it, in words that wrap well; none without a seminar."""
    if stats.seminar_at is None:
        return []
    when = local(stats.seminar_at, tz)
    if stats.readiness is None:
        return [f"seminar {when} (passed)"]
    return [
        f"seminar {relative(stats.seminar_at, now)} ({when}):",
        f"readiness {percent(stats.readiness.if_you_stop)} now,",
        f"{percent(stats.readiness.if_you_keep_up)} keeping up",
        f"(target {percent(stats.desired_retention)})",
    ]
