"""`briefquiz seminar` and `briefquiz config`: per-deck settings kept in the progress store.

A seminar is about a text: it is set on every deck whose source file is the same file."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import timedelta

from briefquiz.cli.common import library_for, open_store, resolve_decks
from briefquiz.clock import SystemClock
from briefquiz.deck.model import Deck
from briefquiz.deck.texts import decks_of_text
from briefquiz.errors import CommandError
from briefquiz.progress.store import Store
from briefquiz.schedule.readiness import deck_readiness
from briefquiz.schedule.seminar_time import DEFAULT_SEMINAR_TIME, parse_when
from briefquiz.text.timefmt import local, percent, relative


def run_seminar(args: argparse.Namespace) -> int:
    clock = SystemClock()
    library = library_for([args.deck])
    deck = resolve_decks(library, [args.deck])[0]
    decks = [deck] if args.only else decks_of_text(deck, library.decks)
    with open_store() as store:
        settings = store.settings(deck.id)
        now = clock.now()
        if args.clear:
            for each in decks:
                store.save_settings(dataclasses.replace(store.settings(each.id), seminar_at=None))
            print(f"{_titles(decks)}: seminar cleared; normal scheduling from now on.")
            return 0
        if args.when is None:
            if settings.seminar_at is None:
                hint = f"briefquiz seminar {deck.id} YYYY-MM-DD"
                print(f"{deck.title}: no seminar set. Set one with: {hint}")
                return 0
            decks = [deck]
        else:
            try:
                when, assumed = parse_when(args.when, clock.tz)
            except ValueError as err:
                raise CommandError(str(err), 2) from None
            if when <= now:
                raise CommandError(f"{local(when, clock.tz)} is in the past; give a future date", 2)
            if when > now + MAX_SEMINAR_AHEAD:
                raise CommandError(
                    f"{local(when, clock.tz)} is more than ten years away; give a nearer date", 2
                )
            for each in decks:
                previous = store.settings(each.id)
                if each is not deck and previous.seminar_at not in (None, when):
                    print(
                        f"{each.title}: its seminar {local(previous.seminar_at, clock.tz)} "
                        "is replaced."
                    )
                store.save_settings(dataclasses.replace(previous, seminar_at=when))
            settings = store.settings(deck.id)
            note = f" (no time given: {DEFAULT_SEMINAR_TIME:%H:%M} assumed)" if assumed else ""
            print(f"{_titles(decks)}: seminar set for {local(when, clock.tz)}{note}.")
            if len(decks) > 1:
                print(f"Those decks are about the same text; --only {deck.id} sets it for one.")
        assert settings.seminar_at is not None
        for each in decks:
            _print_readiness(store, each, clock)
    return 0


def _titles(decks: list[Deck]) -> str:
    return ", ".join(f"{d.title} ({d.id})" for d in decks)


def _print_readiness(store: Store, deck: Deck, clock: SystemClock) -> None:
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


MAX_NEW_PER_DAY = 10_000
MAX_SEMINAR_AHEAD = timedelta(days=3653)


def run_config(args: argparse.Namespace) -> int:
    deck = resolve_decks(library_for([args.deck]), [args.deck])[0]
    with open_store() as store:
        settings = store.settings(deck.id)
        changes: dict[str, object] = {}
        if args.retention is not None:
            if not 0.7 <= args.retention <= 0.99:
                raise CommandError("--retention must be between 0.70 and 0.99", 2)
            changes["desired_retention"] = args.retention
        if args.new_per_day is not None:
            if not 0 <= args.new_per_day <= MAX_NEW_PER_DAY:
                raise CommandError(f"--new-per-day must be from 0 to {MAX_NEW_PER_DAY}", 2)
            changes["new_per_day"] = args.new_per_day
        if changes:
            settings = dataclasses.replace(settings, **changes)  # type: ignore[arg-type]
            store.save_settings(settings)
        print(f"{deck.title} ({deck.id})")
        print(f"  target recall (retention): {percent(settings.desired_retention)}")
        print(f"  new questions per day:     {settings.new_per_day}")
        seminar = local(settings.seminar_at, SystemClock().tz) if settings.seminar_at else "none"
        print(f"  seminar:                   {seminar}")
    return 0
