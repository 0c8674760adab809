"""`briefquiz stats [DECK...]`: progress numbers per deck, as text or JSON.

With `--overrides`, the answers students overrode ("I was right") per question instead, so
the author can add them to the deck.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass

from briefquiz.cli.common import library_for, resolve_decks
from briefquiz.cli.context import Context
from briefquiz.cli.output import print_json
from briefquiz.clock import Clock
from briefquiz.deck.model import Deck
from briefquiz.schedule.stats import DeckStats
from briefquiz.study.answer_text import expected_text
from briefquiz.study.due import session_stats
from briefquiz.study.overrides import OverriddenQuestion, overridden_answers
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


def _print_overrides(deck: Deck, listed: list[OverriddenQuestion]) -> None:
    times = sum(question.times for question in listed)
    if not listed:
        print(f"{deck.title} ({deck.id}): no overridden answers")
        return
    print(
        f"{deck.title} ({deck.id}): {plural(times, 'overridden answer')}"
        f" to {plural(len(listed), 'question')}"
    )
    for entry in listed:
        question = entry.question
        print(f"  {question.id} ({question.type.value}): {question.prompt}")
        print(f"    expected: {expected_text(question)}")
        for answer in entry.answers:
            count = "once" if answer.times == 1 else f"{answer.times} times"
            print(f"    overridden {count}: {answer.text}")


@dataclass(frozen=True, slots=True)
class Options:
    decks: Sequence[str]
    format: str
    overrides: bool = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("decks", nargs="*", metavar="DECK", help="deck ids or paths (default: all)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--overrides",
        action="store_true",
        help='list, per question, the answers students overrode ("I was right")',
    )


def run(options: Options, context: Context) -> int:
    clock = context.clock
    library = library_for(options.decks)
    decks = resolve_decks(library, options.decks) if options.decks else library.decks
    if options.overrides:
        return _overrides(options, context, decks)
    with context.reading_store() as store:
        all_stats = [session_stats(store, deck, clock) for deck in decks]
    if options.format == "json":
        print_json([s.to_json() for s in all_stats])
        return 0
    for index, stats in enumerate(all_stats):
        if index:
            print()
        _print(stats, clock)
    return 0


def _overrides(options: Options, context: Context, decks: Sequence[Deck]) -> int:
    with context.open_store() as store:
        listed = [(deck, overridden_answers(store.reviews(deck.id), deck)) for deck in decks]
    if options.format == "json":
        print_json(
            [
                {"deck": deck.id, "title": deck.title, "questions": [q.to_json() for q in found]}
                for deck, found in listed
            ]
        )
        return 0
    for index, (deck, found) in enumerate(listed):
        if index:
            print()
        _print_overrides(deck, found)
    return 0
