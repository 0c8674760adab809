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
from briefquiz.text.timefmt import local, percent, relative
from briefquiz.ui.wording.words import plural


def _maybe(value: float | None) -> str:
    return "—" if value is None else percent(value)


def _print(stats: DeckStats, clock: Clock) -> None:
    now = clock.now()
    deck = stats.deck
    print(f"{deck.title} ({deck.id}): {len(deck.questions)} questions")
    print(
        f"  new {stats.new} · learning {stats.learning} · review {stats.review}"
        f" · due now {stats.due_now}"
    )
    forecast = "  ".join(f"{d:%a} {n}" for d, n in stats.forecast)
    print(f"  due by day: {forecast}")
    print(
        f"  reviews {stats.reviews} · accuracy {_maybe(stats.accuracy)} · "
        f"retention {_maybe(stats.retention)} · streak {plural(stats.streak, 'day')}"
    )
    if stats.seminar_at is not None:
        if stats.readiness is None:
            print(f"  seminar {local(stats.seminar_at, clock.tz)} (passed)")
        else:
            print(
                f"  seminar {relative(stats.seminar_at, now)}"
                f" ({local(stats.seminar_at, clock.tz)}): "
                f"readiness {percent(stats.readiness.if_you_stop)} now, "
                f"{percent(stats.readiness.if_you_keep_up)} keeping up "
                f"(target {percent(stats.desired_retention)})"
            )


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
    with context.open_store() as store:
        all_stats = [deck_stats(store, deck, clock) for deck in decks]
    if options.format == "json":
        print_json([s.to_json() for s in all_stats])
        return 0
    for index, stats in enumerate(all_stats):
        if index:
            print()
        _print(stats, clock)
    return 0
