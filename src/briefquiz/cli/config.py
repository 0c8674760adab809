"""`briefquiz config DECK [--retention R] [--new-per-day N]`: a deck's study settings."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from briefquiz.cli.common import one_deck
from briefquiz.cli.context import Context
from briefquiz.errors import CommandError
from briefquiz.schedule.settings import (
    DEFAULT_NEW_PER_DAY,
    DEFAULT_RETENTION,
    MAX_RETENTION,
    MIN_RETENTION,
    SettingError,
    with_changes,
)
from briefquiz.text.timefmt import local, percent


@dataclass(frozen=True, slots=True)
class Options:
    deck: str
    retention: float | None
    new_per_day: int | None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", metavar="DECK")
    parser.add_argument(
        "--retention",
        type=float,
        metavar="R",
        help=f"target recall, {MIN_RETENTION:.2f}-{MAX_RETENTION:.2f} "
        f"(default {DEFAULT_RETENTION:.2f})",
    )
    parser.add_argument(
        "--new-per-day",
        type=int,
        metavar="N",
        help=f"new questions per day (default {DEFAULT_NEW_PER_DAY})",
    )


def run(options: Options, context: Context) -> int:
    deck = one_deck(options.deck)
    with context.open_store() as store:
        settings = store.settings(deck.id)
        try:
            changed = with_changes(
                settings,
                desired_retention=options.retention,
                new_per_day=options.new_per_day,
                names=("--retention", "--new-per-day"),
            )
        except SettingError as err:
            raise CommandError(str(err), 2) from None
        if options.retention is not None or options.new_per_day is not None:
            store.save_settings(changed)
        settings = changed
        print(f"{deck.title} ({deck.id})")
        print(f"  target recall (retention): {percent(settings.desired_retention)}")
        print(f"  new questions per day:     {settings.new_per_day}")
        seminar = local(settings.seminar_at, context.clock.tz) if settings.seminar_at else "none"
        print(f"  seminar:                   {seminar}")
    return 0
