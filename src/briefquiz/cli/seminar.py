"""`briefquiz seminar DECK [WHEN] [--clear]`: the date of a deck's seminar, and readiness."""

from __future__ import annotations

import argparse
import dataclasses
from dataclasses import dataclass

from briefquiz.cli.common import one_deck
from briefquiz.cli.context import Context
from briefquiz.errors import CommandError
from briefquiz.schedule.readiness import deck_readiness, introduced_today
from briefquiz.schedule.seminar_time import DEFAULT_SEMINAR_TIME, parse_when
from briefquiz.schedule.settings import SettingError, checked_seminar
from briefquiz.text.timefmt import local, percent, relative


@dataclass(frozen=True, slots=True)
class Options:
    deck: str
    when: str | None
    clear: bool


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", metavar="DECK")
    parser.add_argument(
        "when",
        nargs="?",
        metavar="WHEN",
        help="YYYY-MM-DD (09:00 assumed) or YYYY-MM-DD HH:MM, local time",
    )
    parser.add_argument("--clear", action="store_true", help="remove the seminar date")


def run(options: Options, context: Context) -> int:
    clock = context.clock
    deck = one_deck(options.deck)
    with context.open_store() as store:
        settings = store.settings(deck.id)
        now = clock.now()
        if options.clear:
            store.save_settings(dataclasses.replace(settings, seminar_at=None))
            print(f"{deck.title}: seminar cleared; normal scheduling from now on.")
            return 0
        if options.when is None:
            if settings.seminar_at is None:
                hint = f"briefquiz seminar {deck.id} YYYY-MM-DD"
                print(f"{deck.title}: no seminar set. Set one with: {hint}")
                return 0
        else:
            try:
                when, assumed = parse_when(options.when, clock.tz)
                checked_seminar(when, now, clock.tz)
            except (ValueError, SettingError) as err:
                raise CommandError(str(err), 2) from None
            settings = dataclasses.replace(settings, seminar_at=when)
            store.save_settings(settings)
            note = f" (no time given: {DEFAULT_SEMINAR_TIME:%H:%M} assumed)" if assumed else ""
            print(f"{deck.title}: seminar set for {local(when, clock.tz)}{note}.")
        assert settings.seminar_at is not None
        today = introduced_today(store, deck.id, clock)
        ready = deck_readiness(deck, settings, store.cards(deck.id), now, today)
        if ready is None:
            print(f"The seminar ({local(settings.seminar_at, clock.tz)}) has passed.")
            return 0
        print(f"Seminar {relative(ready.seminar_at, now)} ({local(ready.seminar_at, clock.tz)}).")
        print(
            f"Readiness: {percent(ready.if_you_stop)} if you stop now; "
            f"{percent(ready.if_you_keep_up)} if you keep up with what is due "
            f"(target {percent(settings.desired_retention)})."
        )
    return 0
