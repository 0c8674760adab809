"""`briefquiz stats [DECK...]`: progress numbers per deck, as text or JSON."""

from __future__ import annotations

import argparse

from briefquiz.cli.common import library_for, open_store, resolve_decks
from briefquiz.cli.output import print_json
from briefquiz.clock import SystemClock
from briefquiz.schedule.stats import DeckStats, deck_stats
from briefquiz.text.timefmt import local, percent, relative
from briefquiz.ui.wording.words import plural


def _maybe(value: float | None) -> str:
    return "—" if value is None else percent(value)


def _print(stats: DeckStats, clock: SystemClock) -> None:
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
