"""`briefquiz plan [DECK...]`: the days up to each deck's seminar, as text or JSON."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass

from briefquiz.cli.context import Context


@dataclass(frozen=True, slots=True)
class Options:
    decks: Sequence[str]
    format: str


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "decks", nargs="*", metavar="DECK", help="deck ids or paths (default: all with a seminar)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(options: Options, context: Context) -> int:
    from briefquiz.cli.common import library_for, resolve_decks
    from briefquiz.cli.output import print_json
    from briefquiz.schedule.day_plan import deck_plan
    from briefquiz.text.timefmt import local, percent, relative

    args = options
    clock = context.clock
    library = library_for(args.decks)
    decks = resolve_decks(library, args.decks) if args.decks else library.decks
    with context.reading_store() as store:
        plans = [(deck, deck_plan(store, deck, clock)) for deck in decks]
    if args.format == "json":
        print_json([p.to_json() for _, p in plans if p is not None])
        return 0
    shown = 0
    for deck, plan in plans:
        if plan is None:
            if args.decks:
                print(
                    f"{deck.title} ({deck.id}): no seminar ahead; set one with "
                    f"briefquiz seminar {deck.id} YYYY-MM-DD"
                )
            continue
        if shown:
            print()
        shown += 1
        now = clock.now()
        print(
            f"{deck.title} ({deck.id}): seminar {relative(plan.seminar_at, now)} "
            f"({local(plan.seminar_at, clock.tz)})"
        )
        print(f"  {'day':<10} {'new':>5} {'review':>7} {'final':>6} {'minutes':>8}")
        for day in plan.days:
            print(
                f"  {day.day:%a %d %b} {day.new:>5.0f} {day.review:>7.0f} {day.final:>6.0f}"
                f" {day.minutes:>8.0f}"
            )
        print(
            f"  readiness if you follow the plan: {percent(plan.if_followed)}; forecast as you "
            f"have been studying ({percent(plan.habits.study_share)} of days): "
            f"{percent(plan.forecast)}"
        )
        if plan.skip_day is not None and plan.if_skipped is not None:
            cost = plan.skipping_costs or 0.0
            print(
                f"  if you skip {plan.skip_day:%a %d %b}: {percent(plan.if_skipped)}"
                f" ({f'{cost * 100:.1f} points less' if cost >= 0.001 else 'no measurable loss'})"
            )
        print(
            f"  final pass: from the last evening before the seminar, every question predicted"
            f" below {percent(plan.target)}"
        )
        if plan.pace.short_by:
            print(
                f"  your limit of {plan.pace.limit} new a day is {plan.pace.short_by} short of the "
                f"{plan.pace.per_day} the seminar needs; raise it with: "
                f"briefquiz config {deck.id} --new-per-day {plan.pace.per_day}"
            )
    if not shown and not args.decks:
        print("No deck has a seminar ahead; set one with: briefquiz seminar DECK YYYY-MM-DD")
    return 0
