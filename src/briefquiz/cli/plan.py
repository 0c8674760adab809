"""`briefquiz plan [DECK...]`: the days up to each seminar, as text (the decks of a text
together) or JSON (deck by deck)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from briefquiz.cli.context import Context

if TYPE_CHECKING:
    from briefquiz.schedule.day_plan import DeckPlan


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

    args = options
    clock = context.clock
    library = library_for(args.decks)
    decks = resolve_decks(library, args.decks) if args.decks else library.decks
    with context.reading_store() as store:
        plans = [(deck, deck_plan(store, deck, clock)) for deck in decks]
    if args.format == "json":
        print_json([p.to_json() for _, p in plans if p is not None])
        return 0
    if args.decks:
        for deck, plan in plans:
            if plan is None:
                print(
                    f"{deck.title} ({deck.id}): no seminar ahead; set one with "
                    f"briefquiz seminar {deck.id} YYYY-MM-DD"
                )
    ahead = [plan for _, plan in plans if plan is not None]
    if not ahead and not args.decks:
        print("No deck has a seminar ahead; set one with: briefquiz seminar DECK YYYY-MM-DD")
    for number, lines in enumerate(_by_text(ahead, context)):
        if number:
            print()
        print("\n".join(lines))
    return 0


def _by_text(plans: Sequence[DeckPlan], context: Context) -> Iterator[list[str]]:
    """The lines of each text's plan: the decks of one source file and one seminar together,
    their days added up, then each deck's part."""
    from briefquiz.deck.texts import source_path
    from briefquiz.schedule.text_plan import combine
    from briefquiz.text.timefmt import local, relative
    from briefquiz.ui.wording.plan import day_table, deck_words, outlook_lines

    groups: dict[tuple[object, datetime], list[DeckPlan]] = {}
    for plan in plans:
        text = source_path(plan.deck) or plan.deck.id
        groups.setdefault((text, plan.seminar_at), []).append(plan)
    now, tz = context.clock.now(), context.clock.tz
    for group in groups.values():
        combined = combine(group)
        if combined is None:
            continue
        first = group[0].deck
        if len(group) == 1:
            name = f"{first.title} ({first.id})"
        else:
            title = first.source.title if first.source is not None else first.title
            name = f"{title} ({len(group)} decks)"
        when = combined.seminar_at
        lines = [f"{name}: seminar {relative(when, now)} ({local(when, tz)})"]
        lines += [f"  {row}" for row in day_table(combined)]
        lines += [f"  {line}" for line in outlook_lines(combined)]
        if len(group) > 1:
            lines += ["  By deck:", *(f"    {deck_words(p)}" for p in combined.plans)]
        yield lines
