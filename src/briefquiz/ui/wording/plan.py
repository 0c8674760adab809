"""The words of a seminar plan, for `briefquiz plan` and the app's plan view: the day table,
readiness, what a skipped day costs, the final pass and a pace the daily limit cannot keep."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from briefquiz.schedule.day_plan import DeckPlan
from briefquiz.schedule.forecast import DayPlan
from briefquiz.schedule.text_plan import TextPlan
from briefquiz.text.timefmt import percent

PLAN_HEADER = f"{'day':<10} {'new':>4} {'review':>7} {'final':>6} {'minutes':>8}"


def day_name(day: date, today: date) -> str:
    """`today`, `tomorrow` or `Thu 03 Dec`. Today is the study day: just after midnight it is
    still the evening's, which its date alone would show as yesterday."""
    if day == today:
        return "today"
    if day == today + timedelta(days=1):
        return "tomorrow"
    return f"{day:%a %d %b}"


def day_row(day: DayPlan, today: date) -> str:
    """`Thu 03 Dec    22       0      0       25`: one study day, as `briefquiz plan` shows it."""
    return (
        f"{day_name(day.day, today):<10} {day.new:>4.0f} {day.review:>7.0f} {day.final:>6.0f}"
        f" {day.minutes:>8.0f}"
    )


def total_row(days: Sequence[DayPlan]) -> str:
    return (
        f"{'total':<10} {sum(d.new for d in days):>4.0f} {sum(d.review for d in days):>7.0f}"
        f" {sum(d.final for d in days):>6.0f} {sum(d.minutes for d in days):>8.0f}"
    )


def skip_words(if_followed: float, if_skipped: float) -> str:
    """`93% (1.5 points less)`, `95% (no measurable loss)`."""
    cost = max(if_followed - if_skipped, 0.0)
    loss = f"{cost * 100:.1f} points less" if cost >= 0.001 else "no measurable loss"
    return f"{percent(if_skipped)} ({loss})"


def final_pass_words(target: float) -> str:
    return (
        "Final pass: from the last evening before the seminar, every question predicted "
        f"below {percent(target)}."
    )


def pace_words(plan: DeckPlan) -> str | None:
    """What the daily limit of new questions costs the deck, with the command that lifts it
    (None: the limit keeps the pace)."""
    pace = plan.pace
    if not pace.short_by:
        return None
    return (
        f"{plan.deck.title}: your limit of {pace.limit} new a day is {pace.short_by} short of "
        f"the {pace.per_day} the seminar needs; raise it with: "
        f"briefquiz config {plan.deck.id} --new-per-day {pace.per_day}"
    )


def deck_words(plan: DeckPlan) -> str:
    """`The argument (biden-russia-argument): 22 new, 25 min in all · readiness 95% if
    followed, 93% as you have studied (80% of days)`: one deck's part. Before a day of study
    has passed there is no "as you have studied" to tell."""
    new = sum(d.new for d in plan.days)
    minutes = sum(d.minutes for d in plan.days)
    words = (
        f"{plan.deck.title} ({plan.deck.id}): {new:.0f} new, {minutes:.0f} min in all · "
        f"readiness {percent(plan.if_followed)} if followed"
    )
    if not plan.habits.days_studied:
        return words
    return (
        f"{words}, {percent(plan.forecast)} as you have studied "
        f"({percent(plan.habits.study_share)} of days)"
    )


def day_table(plan: TextPlan) -> list[str]:
    """The header, a row a day and, over more than one day, their total."""
    rows = [PLAN_HEADER, *(day_row(day, plan.today) for day in plan.days)]
    if len(plan.days) > 1:
        rows.append(total_row(plan.days))
    return rows


def outlook_lines(plan: TextPlan) -> list[str]:
    """Readiness followed and as studied, a skipped day's cost, the final pass, the pace."""
    followed = f"Readiness if you follow the plan: {percent(plan.if_followed)}"
    if any(p.habits.days_studied for p in plan.plans):
        lines = [f"{followed}; as you have been studying: {percent(plan.forecast)}."]
    else:
        # Habits are each deck's: none of these decks has a past study day to read them from.
        lines = [
            f"{followed}; as you have been studying: shown once these decks have a past study day."
        ]
    if plan.skip_day is not None and plan.if_skipped is not None:
        cost = skip_words(plan.if_followed, plan.if_skipped)
        lines.append(f"If you skip {day_name(plan.skip_day, plan.today)}: {cost}.")
    lines.append(final_pass_words(plan.target))
    lines.extend(words for p in plan.plans if (words := pace_words(p)) is not None)
    if (words := front_load_words(plan)) is not None:
        lines.append(words)
    return lines


def front_load_words(plan: TextPlan) -> str | None:
    """Why today holds more new questions than the date needs, and how to spread them
    (None: a limit is set, or today brings no more than the date needs)."""
    unlimited = [p for p in plan.plans if p.pace.limit is None]
    if not unlimited or not plan.days:
        return None
    needed = sum(p.pace.per_day for p in unlimited)
    first = sum(p.days[0].new for p in unlimited if p.days and p.days[0].day == plan.days[0].day)
    if first <= needed:
        return None
    # The example names a deck with new questions left: a limit on one with none does nothing.
    example = next((p for p in unlimited if p.pace.unseen), unlimited[0]).deck.id
    return (
        f"No daily limit is set, so new questions come as early as possible ({first:.0f} "
        f"{_on(plan.days[0].day, plan.today)}): learned sooner, they are reviewed more often "
        f"before the seminar. To spread them, give a deck a limit (the date needs {needed} a day "
        f"in all), e.g. briefquiz config {example} --new-per-day N."
    )


def _on(day: date, today: date) -> str:
    """`today`, `tomorrow`, `on Thu 03 Dec`."""
    name = day_name(day, today)
    return name if name in ("today", "tomorrow") else f"on {name}"
