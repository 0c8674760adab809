"""`briefquiz stats [DECK...]`: progress numbers per deck, as text or JSON."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass

from briefquiz.cli.common import library_for, resolve_decks
from briefquiz.cli.context import Context
from briefquiz.cli.output import print_json
from briefquiz.clock import Clock
from briefquiz.schedule.stats import DeckStats, deck_stats
from briefquiz.ui.wording.stats import count_parts, review_parts, seminar_parts
from briefquiz.ui.wording.words import plural


def _print(stats: DeckStats, clock: Clock) -> None:
    deck = stats.deck
    print(f"{deck.title} ({deck.id}): {plural(len(deck.questions), 'question')}")
    print("  " + " · ".join(count_parts(stats)))
    forecast = "  ".join(f"{d:%a} {n}" for d, n in stats.forecast)
    print(f"  due by day: {forecast}")
    print("  " + " · ".join(review_parts(stats)))
    seminar = seminar_parts(stats, clock.now(), clock.tz)
    if seminar:
        print("  " + " ".join(seminar))


@dataclass(frozen=True, slots=True)
class Options:
    decks: Sequence[str]
    format: str


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("decks", nargs="*", metavar="DECK", help="deck ids or paths (default: all)")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(options: Options, context: Context) -> int:
    clock = context.clock
    library = library_for(options.decks)
    decks = resolve_decks(library, options.decks) if options.decks else library.decks
    with context.reading_store() as store:
        all_stats = [deck_stats(store, deck, clock) for deck in decks]
    if options.format == "json":
        print_json([s.to_json() for s in all_stats])
        return 0
    for index, stats in enumerate(all_stats):
        if index:
            print()
        _print(stats, clock)
    return 0
