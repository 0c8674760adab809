"""`briefquiz seminar` and `briefquiz config`: per-deck settings kept in the progress store."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import timedelta

from briefquiz.cli.common import library_for, open_store, resolve_decks
from briefquiz.clock import SystemClock
from briefquiz.errors import CommandError
from briefquiz.schedule.readiness import deck_readiness, introduced_today
from briefquiz.schedule.seminar_time import DEFAULT_SEMINAR_TIME, parse_when
from briefquiz.text.timefmt import local, percent, relative


def run_seminar(args: argparse.Namespace) -> int:
    clock = SystemClock()
    deck = resolve_decks(library_for([args.deck]), [args.deck])[0]
    with open_store() as store:
        settings = store.settings(deck.id)
        now = clock.now()
        if args.clear:
            store.save_settings(dataclasses.replace(settings, seminar_at=None))
            print(f"{deck.title}: seminar cleared; normal scheduling from now on.")
            return 0
        if args.when is None:
            if settings.seminar_at is None:
                hint = f"briefquiz seminar {deck.id} YYYY-MM-DD"
                print(f"{deck.title}: no seminar set. Set one with: {hint}")
                return 0
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
