"""`briefquiz stats [DECK...]`: progress numbers per deck, as text or JSON."""

from __future__ import annotations

import argparse

from briefquiz.cli.common import library_for, open_store, resolve_decks
from briefquiz.cli.output import print_json
from briefquiz.clock import SystemClock
from briefquiz.schedule.stats import DeckStats, deck_stats
from briefquiz.ui.wording.stats import count_parts, review_parts, seminar_parts
from briefquiz.ui.wording.words import plural


def _print(stats: DeckStats, clock: SystemClock) -> None:
    deck = stats.deck
    print(f"{deck.title} ({deck.id}): {plural(len(deck.questions), 'question')}")
    print("  " + " · ".join(count_parts(stats)))
    forecast = "  ".join(f"{d:%a} {n}" for d, n in stats.forecast)
    print(f"  due by day: {forecast}")
    print("  " + " · ".join(review_parts(stats)))
    seminar = seminar_parts(stats, clock.now(), clock.tz)
    if seminar:
        print("  " + " ".join(seminar))


def run(args: argparse.Namespace) -> int:
    clock = SystemClock()
    library = library_for(args.decks)
    decks = resolve_decks(library, args.decks) if args.decks else library.decks
    with open_store() as store:
        all_stats = [deck_stats(store, deck, clock) for deck in decks]
    if args.format == "json":
        print_json([s.to_json() for s in all_stats])
        return 0
    for index, stats in enumerate(all_stats):
        if index:
            print()
        _print(stats, clock)
    return 0
