"""`briefquiz seminar DECK [WHEN] [--clear] [--only]`: the seminar of a text, and readiness.

A seminar is about a text: it is set once, for every deck whose source file is the same file,
unless `--only` keeps it to the one deck named; `--clear` removes it from them all.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass

from briefquiz.cli.common import library_for, resolve_decks
from briefquiz.cli.context import Context
from briefquiz.clock import Clock
from briefquiz.deck.model import Deck
from briefquiz.deck.texts import decks_of_text
from briefquiz.errors import CommandError
from briefquiz.progress.repository import Store
from briefquiz.schedule.readiness import Readiness, deck_readiness
from briefquiz.schedule.seminar_text import combined_readiness
from briefquiz.schedule.seminar_time import DEFAULT_SEMINAR_TIME, parse_seminar
from briefquiz.schedule.settings import SettingError, checked_seminar
from briefquiz.text.timefmt import local, percent, relative


@dataclass(frozen=True, slots=True)
class Options:
    deck: str
    when: str | None
    clear: bool
    only: bool


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", metavar="DECK")
    parser.add_argument(
        "when",
        nargs="?",
        metavar="WHEN",
        help="YYYY-MM-DD (09:00 assumed) or YYYY-MM-DD HH:MM, local time",
    )
    parser.add_argument(
        "--clear", action="store_true", help="remove the seminar, for every deck it covers"
    )
    parser.add_argument(
        "--only", action="store_true", help="this deck only, not every deck of the same text"
    )


def run(options: Options, context: Context) -> int:
    clock = context.clock
    library = library_for([options.deck])
    deck = resolve_decks(library, [options.deck])[0]
    decks = [deck] if options.only else decks_of_text(deck, library.decks)
    with context.open_store() as store:
        current = store.seminar_of(deck.id)
        if options.clear:
            covered = [deck.id] if options.only or current is None else list(current.decks)
            ids = list(dict.fromkeys([*covered, *(d.id for d in decks)]))
            store.set_seminar(ids, None)
            print(f"{_names(library.decks, ids)}: seminar cleared; normal scheduling from now on.")
            return 0
        if options.when is None:
            if current is None:
                hint = f"briefquiz seminar {deck.id} YYYY-MM-DD"
                print(f"{deck.title}: no seminar set. Set one with: {hint}")
                return 0
            print(f"Seminar {local(current.at, clock.tz)}: {_names(library.decks, current.decks)}.")
            if current.kept:
                print(
                    f"{deck.id} keeps its own seminar date; `briefquiz seminar {deck.id} WHEN`"
                    " sets one for the whole text."
                )
            decks = [deck]
        else:
            try:
                parsed = parse_seminar(options.when, clock.tz)
                when, assumed = parsed.when, parsed.assumed
                checked_seminar(when, now=clock.now(), tz=clock.tz)
            except (ValueError, SettingError) as err:
                raise CommandError(str(err), 2) from None
            for each in decks:
                previous = store.settings(each.id).seminar_at
                if each is not deck and previous not in (None, when):
                    assert previous is not None
                    print(f"{each.title}: its seminar {local(previous, clock.tz)} is replaced.")
            store.set_seminar([d.id for d in decks], when)
            note = f" (no time given: {DEFAULT_SEMINAR_TIME:%H:%M} assumed)" if assumed else ""
            print(f"{_titles(decks)}: seminar set for {local(when, clock.tz)}{note}.")
            if parsed.note:
                print(f"Note: {parsed.note}.")
            if len(decks) > 1:
                print(
                    f"It covers these {len(decks)} decks, about the same text; "
                    f"--only {deck.id} sets it for one."
                )
        if len(decks) == 1:
            _print_readiness(store, decks[0], clock)
        else:
            _print_text_readiness(store, decks, clock)
    return 0


def _titles(decks: Sequence[Deck]) -> str:
    return ", ".join(f"{d.title} ({d.id})" for d in decks)


def _names(known: Sequence[Deck], ids: Sequence[str]) -> str:
    """The decks by title where the library has them, else by id (a deck since removed)."""
    by_id = {d.id: d for d in known}
    return ", ".join(f"{by_id[i].title} ({i})" if i in by_id else i for i in ids)


def _print_readiness(store: Store, deck: Deck, clock: Clock) -> None:
    settings = store.settings(deck.id)
    assert settings.seminar_at is not None
    ready = deck_readiness(store, deck, settings, clock)
    if ready is None:
        print(f"{deck.title}: the seminar ({local(settings.seminar_at, clock.tz)}) has passed.")
        return
    print(
        f"{deck.title}: {_readiness_words(ready, clock)} "
        f"(target {percent(settings.desired_retention)}). See: briefquiz plan {deck.id}"
    )


def _print_text_readiness(store: Store, decks: Sequence[Deck], clock: Clock) -> None:
    """One line for the decks of a text: readiness over every question of the text."""
    parts = []
    for deck in decks:
        ready = deck_readiness(store, deck, store.settings(deck.id), clock)
        if ready is not None:
            parts.append((len(deck.questions), ready))
    combined = combined_readiness(parts)
    if combined is None:
        print("The seminar has passed.")
        return
    print(
        f"The text's {len(decks)} decks: {_readiness_words(combined, clock)}. See: briefquiz plan"
    )


def _readiness_words(ready: Readiness, clock: Clock) -> str:
    """`seminar in 6 days (Tue 8 Dec 2026 09:00). Readiness: 0% if you stop now; 96% if you
    keep up`, as home says it (before any study there is no "as you have" to go on)."""
    when = ready.seminar_at
    return (
        f"seminar {relative(when, clock.now())} ({local(when, clock.tz)}). Readiness: "
        f"{percent(ready.if_you_stop)} if you stop now; {percent(ready.if_you_keep_up)} "
        "if you keep up"
    )
