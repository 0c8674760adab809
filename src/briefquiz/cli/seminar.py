"""`briefquiz seminar DECK [WHEN] [--clear] [--only]`: the seminar of a text, and readiness.

A seminar is about a text: it is set on every deck whose source file is the same file, unless
`--only` keeps it to the one deck named.
"""

from __future__ import annotations

import argparse
import dataclasses
from dataclasses import dataclass

from briefquiz.cli.common import library_for, resolve_decks
from briefquiz.cli.context import Context
from briefquiz.clock import Clock
from briefquiz.deck.model import Deck
from briefquiz.deck.texts import decks_of_text
from briefquiz.errors import CommandError
from briefquiz.progress.repository import Store
from briefquiz.schedule.readiness import deck_readiness
from briefquiz.schedule.seminar_text import set_text_seminar
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
    parser.add_argument("--clear", action="store_true", help="remove the seminar date")
    parser.add_argument(
        "--only", action="store_true", help="this deck only, not every deck of the same text"
    )


def run(options: Options, context: Context) -> int:
    clock = context.clock
    library = library_for([options.deck])
    deck = resolve_decks(library, [options.deck])[0]
    decks = [deck] if options.only else decks_of_text(deck, library.decks)
    with context.open_store() as store:
        settings = store.settings(deck.id)
        now = clock.now()
        if options.clear:
            set_text_seminar(store, decks, None)
            print(f"{_titles(decks)}: seminar cleared; normal scheduling from now on.")
            return 0
        if options.when is None:
            if settings.seminar_at is None:
                hint = f"briefquiz seminar {deck.id} YYYY-MM-DD"
                print(f"{deck.title}: no seminar set. Set one with: {hint}")
                return 0
            decks = [deck]
        else:
            try:
                parsed = parse_seminar(options.when, clock.tz)
                when, assumed = parsed.when, parsed.assumed
                checked_seminar(when, now, clock.tz)
            except (ValueError, SettingError) as err:
                raise CommandError(str(err), 2) from None
            for each in decks:
                previous = store.settings(each.id)
                if each is not deck and previous.seminar_at not in (None, when):
                    replaced = local(previous.seminar_at, clock.tz)
                    print(f"{each.title}: its seminar {replaced} is replaced.")
                store.save_settings(dataclasses.replace(previous, seminar_at=when))
            note = f" (no time given: {DEFAULT_SEMINAR_TIME:%H:%M} assumed)" if assumed else ""
            print(f"{_titles(decks)}: seminar set for {local(when, clock.tz)}{note}.")
            if parsed.note:
                print(f"Note: {parsed.note}.")
            if len(decks) > 1:
                print(f"Those decks are about the same text; --only {deck.id} sets it for one.")
        for each in decks:
            _print_readiness(store, each, clock)
    return 0


def _titles(decks: list[Deck]) -> str:
    return ", ".join(f"{d.title} ({d.id})" for d in decks)


def _print_readiness(store: Store, deck: Deck, clock: Clock) -> None:
    settings = store.settings(deck.id)
    assert settings.seminar_at is not None
    ready = deck_readiness(store, deck, settings, clock)
    if ready is None:
        print(f"{deck.title}: the seminar ({local(settings.seminar_at, clock.tz)}) has passed.")
        return
    now = clock.now()
    print(
        f"{deck.title}: seminar {relative(ready.seminar_at, now)} "
        f"({local(ready.seminar_at, clock.tz)}). Readiness: {percent(ready.if_you_stop)} if you "
        f"stop now; {percent(ready.if_you_keep_up)} forecast if you go on as you have "
        f"(target {percent(settings.desired_retention)}). See: briefquiz plan {deck.id}"
    )
